"""Corpus readers on tiny fixtures laid out exactly like the real corpora, with audio made by flite/sox."""
import os
import subprocess

import pytest

from tsestudio.data.audio import load_audio
from tsestudio.data.errors import DataError
from tsestudio.data.readers import read_corpus
from tsestudio.data.readers.wsj0mix import read_wsj0mix_lists


def speak(path, text, voice="slt", fmt=None):
    """Real speech: flite to WAV, then sox to FLAC (or another format) when asked."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wav = path if fmt is None else path + ".tmp.wav"
    subprocess.run(["flite", "-voice", voice, "-t", text, "-o", wav], check=True)
    if fmt is not None:
        subprocess.run(["sox", wav, "-r", "16000", path], check=True)
        os.unlink(wav)
    return path


def test_librispeech_layout(tmp_path):
    root = tmp_path / "LibriSpeech"
    for spk, voice in (("103", "slt"), ("1034", "rms")):
        cdir = root / "dev-clean" / spk / "1240"
        lines = []
        for n in range(2):
            uid = f"{spk}-1240-{n:04d}"
            speak(str(cdir / f"{uid}.flac"), f"sentence number {n} from {spk}", voice, fmt="flac")
            lines.append(f"{uid} SENTENCE NUMBER {n}")
        (cdir / f"{spk}-1240.trans.txt").write_text("\n".join(lines + [f"{spk}-1240-0009 MISSING ONE"]) + "\n")
    (root / "dev-clean" / "103" / "1240" / "103-1240-0005.flac").write_bytes(b"")
    utts, report = read_corpus("librispeech", root)
    assert sorted({u.speaker for u in utts}) == ["librispeech-103", "librispeech-1034"]
    assert len(utts) == 4 and utts[0].text == "SENTENCE NUMBER 0"
    assert any("0009.flac: listed in transcript but missing" in s for s in report.skipped)
    assert any("0005.flac: empty file" in s for s in report.skipped)
    assert len(load_audio(utts[0].path, 16000)) > 8000  # the FLAC decodes to real audio


def test_wsj0mix_lists_over_wsj0_tree(tmp_path):
    for rel, voice in (("wsj0/si_tr_s/01t/01to030v.wav", "slt"), ("wsj0/si_tr_s/40n/40na010x.wav", "rms"),
                       ("wsj0/si_et_05/440/440c0201.wav", "awb"), ("wsj0/si_et_05/441/441c0202.wav", "kal16")):
        speak(str(tmp_path / rel), "the stock market rose today", voice)
    (tmp_path / "mix_2_spk_tr.txt").write_text(
        "wsj0/si_tr_s/01t/01to030v.wav 1.9857 wsj0/si_tr_s/40n/40na010x.wav -1.9857\n"
        "wsj0/si_tr_s/01t/01to031v.wav 0.5 wsj0/si_tr_s/40n/40na010x.wav -0.5\n")
    (tmp_path / "mix_2_spk_tt.txt").write_text("wsj0/si_et_05/440/440c0201.wav 0.2 wsj0/si_et_05/441/441c0202.wav -0.2\n")
    utts, report = read_corpus("wsj0mix", tmp_path)
    assert sorted(u.speaker for u in utts) == ["wsj0-01t", "wsj0-40n", "wsj0-440", "wsj0-441"]
    assert {u.extra["list_split"] for u in utts} == {"tr", "tt"}
    assert any("mix_2_spk_tr.txt:2: audio missing" in s for s in report.skipped)
    lists = read_wsj0mix_lists(tmp_path)
    assert lists["tr"][0].snr1 == pytest.approx(1.9857)
    (tmp_path / "mix_2_spk_cv.txt").write_text("only three fields\n")
    with pytest.raises(DataError, match=r"mix_2_spk_cv.txt:1: expected 'path snr path snr'"):
        read_corpus("wsj0mix", tmp_path)


@pytest.mark.parametrize("layout", ["0.80", "0.92"])
def test_vctk_layouts(tmp_path, layout):
    (tmp_path / "speaker-info.txt").write_text("ID  AGE  GENDER  ACCENTS  REGION\np225  23  F  English  Southern\n"
                                               "p226  22  M  English  Surrey\n")
    for spk, voice in (("p225", "slt"), ("p226", "rms")):
        for n in (1, 2):
            uid = f"{spk}_{n:03d}"
            (tmp_path / "txt" / spk).mkdir(parents=True, exist_ok=True)
            (tmp_path / "txt" / spk / f"{uid}.txt").write_text("Please call Stella.\n")
            if layout == "0.80":
                speak(str(tmp_path / "wav48" / spk / f"{uid}.wav"), "please call stella", voice)
            else:
                for mic in ("mic1", "mic2"):
                    speak(str(tmp_path / "wav48_silence_trimmed" / spk / f"{uid}_{mic}.flac"), "please call stella",
                          voice, fmt="flac")
    utts, _ = read_corpus("vctk", tmp_path)
    assert len(utts) == 4 and {u.speaker for u in utts} == {"vctk-p225", "vctk-p226"}
    assert utts[0].text == "Please call Stella." and utts[0].extra["gender"] == "F"
    assert all("mic2" not in u.path for u in utts)


def test_musan_categories(tmp_path):
    speak(str(tmp_path / "speech" / "librivox" / "speech-librivox-0000.wav"), "once upon a time")
    (tmp_path / "noise" / "free-sound").mkdir(parents=True)
    subprocess.run(["sox", "-n", "-r", "16000", str(tmp_path / "noise" / "free-sound" / "noise-free-sound-0000.wav"),
                    "synth", "1", "pinknoise"], check=True)
    (tmp_path / "music" / "jamendo").mkdir(parents=True)
    subprocess.run(["sox", "-n", "-r", "16000", str(tmp_path / "music" / "jamendo" / "music-jamendo-0000.wav"),
                    "synth", "1", "sine", "440"], check=True)
    utts, _ = read_corpus("musan", tmp_path)
    kinds = {u.kind: u.extra["subset"] for u in utts}
    assert kinds == {"noise": "free-sound", "music": "jamendo", "speech": "librivox"}


def test_generic_speaker_folders_and_bad_paths(tmp_path):
    speak(str(tmp_path / "alice" / "a.wav"), "hello from alice", "slt")
    speak(str(tmp_path / "bob" / "session1" / "b.wav"), "hello from bob", "rms")
    (tmp_path / "stray.wav").write_bytes(b"RIFF")
    utts, report = read_corpus("folder", tmp_path)
    assert [(u.speaker, u.utt_id) for u in utts] == [("alice", "a"), ("bob", "session1_b")]
    assert report.skipped == [f"{tmp_path / 'stray.wav'}: audio file outside a speaker folder"]
    with pytest.raises(DataError, match="corpus folder does not exist"):
        read_corpus("folder", tmp_path / "nope")
    with pytest.raises(DataError, match="expected a corpus folder, found a file"):
        read_corpus("librispeech", tmp_path / "alice" / "a.wav")
    with pytest.raises(DataError, match="no LibriSpeech speaker folders"):
        read_corpus("librispeech", tmp_path / "alice")


def test_imported_librispeech_and_musan_feed_the_mixer(tmp_path):
    """A user's corpora become one corpus folder that the dynamic mixer draws from."""
    from tsestudio.data.dynamic import DynamicMixDataset
    from tsestudio.data.import_corpus import import_corpus
    from tsestudio.data.recipes import load_recipe
    root = tmp_path / "LibriSpeech" / "train-clean-100"
    for spk, voice in (("19", "slt"), ("26", "rms"), ("32", "awb")):
        for n in range(3):
            speak(str(root / spk / "198" / f"{spk}-198-{n:04d}.flac"), f"utterance {n} of reader {spk}", voice, fmt="flac")
    (root / "26" / "198" / "26-198-0009.flac").write_bytes(b"fLaC broken")
    musan = tmp_path / "musan" / "noise" / "free-sound"
    musan.mkdir(parents=True)
    subprocess.run(["sox", "-n", "-r", "16000", str(musan / "noise-free-sound-0000.wav"), "synth", "3", "brownnoise"],
                   check=True)
    out = tmp_path / "corpus"
    rep = import_corpus("librispeech", tmp_path / "LibriSpeech", out, jobs=2, rirs=4)
    assert rep["speakers"] == 3 and rep["files"] == 9 and any("26-198-0009.flac: cannot decode" in p for p in rep["problems"])
    import_corpus("musan", tmp_path / "musan", out, jobs=1)
    from tsestudio.data.corpus import read_manifest
    entries = read_manifest(out)
    assert {e.kind for e in entries} == {"speech", "noise", "rir"}
    recipe = load_recipe("v7")
    assert len({e.speaker for e in entries if e.kind == "speech" and e.split == "train"}) == 3  # hash split, seed 7
    mix, ref, tgt = next(iter(DynamicMixDataset(out, recipe, "train", seed=0)))
    assert mix.shape == tgt.shape == (6 * 8000,) and float(mix.abs().max()) > 0.01
