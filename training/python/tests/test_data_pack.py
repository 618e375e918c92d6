"""Pack/unpack round trip of a real corpus with opusenc and the carried opusdec."""
import json
import os

import numpy as np
import pytest

from conftest import run_module
from tsestudio.data import wavio
from tsestudio.data.corpus import Entry, read_manifest
from tsestudio.data.pack import plan


def test_round_trip_restores_every_file(tiny_corpus, tmp_path):
    pack, out = tmp_path / "pack", tmp_path / "unpacked"
    run_module("tsestudio.data.pack", "--corpus", tiny_corpus, "--out", pack, "--bitrate", 24)
    assert {"libopus.so.0", "libogg.so.0", "libopusfile.so.0"} <= set(os.listdir(pack / "lib"))
    assert os.access(pack / "bin" / "opusdec", os.X_OK)
    # The unpacker must work with the carried decoder alone: hide the system one.
    env_path = os.environ["PATH"]
    os.environ["PATH"] = "/nonexistent"
    try:
        from tsestudio.data.unpack import find_opusdec, unpack
        cmd, _ = find_opusdec(pack)
        assert cmd == str(pack / "bin" / "opusdec")
        report = unpack(pack, out, jobs=2)
    finally:
        os.environ["PATH"] = env_path
    a = read_manifest(tiny_corpus)
    b = {e.path: e for e in read_manifest(out)}
    assert report["files"] == len(a) == len(b)
    snrs = []
    for e in a:
        f = b[e.path]
        assert (f.speaker, f.base_voice, f.split, f.kind, f.licence) == (e.speaker, e.base_voice, e.split, e.kind, e.licence)
        x, _ = wavio.read_wav(tiny_corpus / e.path)
        y, sr = wavio.read_wav(out / e.path)
        assert sr == 16000 and len(y) == len(x), e.path
        if e.kind == "speech":
            snrs.append(10 * np.log10(np.sum(x.astype(np.float64) ** 2) / np.sum((x - y).astype(np.float64) ** 2)))
    assert np.median(snrs) > 8.0  # waveform SNR of 24 kbit/s Opus on speech
    # Unpacking again finds everything in place.
    assert unpack(pack, out, jobs=2)["files"] == len(a)


def _entry(speaker, real, dur=4.0):
    return Entry(f"s/{speaker}/{dur}.wav", speaker, speaker, "x", "l", dur, 16000, "speech", real, "train")


def test_plan_drops_synthetic_speech_first_and_fits():
    entries = [_entry(f"tts{i}", False) for i in range(4) for _ in range(10)]
    entries += [_entry(f"real{i}", True) for i in range(2) for _ in range(10)]
    bps = 24000 / 8
    total = sum(e.duration for e in entries) * bps
    kept, dropped, est = plan(entries, total * 0.8, 24, 0)
    assert est <= total * 0.8 and dropped and all(not e.real for e in dropped)
    kept_tts = {}
    for e in kept:
        if not e.real:
            kept_tts[e.speaker] = kept_tts.get(e.speaker, 0) + 1
    assert min(kept_tts.values()) >= 3 and max(kept_tts.values()) - min(kept_tts.values()) <= 1


def test_over_budget_is_reported_and_bad_pack_is_rejected(tiny_corpus, tmp_path):
    res = run_module("tsestudio.data.pack", "--corpus", tiny_corpus, "--out", tmp_path / "p", "--budget-mib", 0.2,
                     check=False)
    assert res.returncode == 2 and "over the 0.2 MiB budget" in res.stderr and "Traceback" not in res.stderr
    res = run_module("tsestudio.data.unpack", "--pack", tmp_path / "nothing", "--out", tmp_path / "u", check=False)
    assert res.returncode == 2 and "not a corpus pack (pack.json missing)" in res.stderr


def test_splits_option_packs_only_the_named_splits(tiny_corpus, tmp_path):
    pack = tmp_path / "pack"
    run_module("tsestudio.data.pack", "--corpus", tiny_corpus, "--out", pack, "--splits", "train,valid")
    packed = json.loads((pack / "pack.json").read_text())["entries"]
    speech_splits = {row["split"] for row in packed if row["kind"] == "speech"}
    all_splits = {e.split for e in read_manifest(tiny_corpus) if e.kind == "speech"}
    assert speech_splits == all_splits & {"train", "valid"} and "test" in all_splits
    assert any(row["kind"] == "noise" for row in packed)
    res = run_module("tsestudio.data.pack", "--corpus", tiny_corpus, "--out", tmp_path / "q", "--splits", "tset",
                     check=False)
    assert res.returncode == 2 and "unknown split(s) tset" in res.stderr and "Traceback" not in res.stderr


def test_a_second_pack_carries_what_the_first_dropped(tiny_corpus, tmp_path):
    from tsestudio.data.pack import pack
    from tsestudio.data.unpack import unpack
    full = pack(tiny_corpus, tmp_path / "full", bitrate=24, jobs=2)
    speech = [e for e in read_manifest(tiny_corpus) if e.kind == "speech"]
    three_utterances = 3 * max(e.duration for e in speech) * 24000 / 8
    budget_mib = (full["estimate_mib"] * 2 ** 20 - three_utterances) / 0.97 / 2 ** 20  # pack plans to 97%
    first = pack(tiny_corpus, tmp_path / "first", budget_mib=budget_mib, bitrate=24, jobs=2)
    assert first["dropped"] >= 3
    dropped = set(json.loads((tmp_path / "first" / "pack.json").read_text())["dropped"])
    pack(tiny_corpus, tmp_path / "second", bitrate=24, jobs=2, exclude_pack=tmp_path / "first")
    second = json.loads((tmp_path / "second" / "pack.json").read_text())
    # Only the dropped speech: noise and rooms are already in the first pack.
    assert {row["path"] for row in second["entries"]} == dropped and not second["simulated_rirs"]

    out = tmp_path / "corpus"
    unpack(tmp_path / "first", out, jobs=2)
    assert dropped.isdisjoint(e.path for e in read_manifest(out))
    unpack(tmp_path / "second", out, jobs=2, add=True)
    assert sorted(e.path for e in read_manifest(out)) == sorted(e.path for e in read_manifest(tiny_corpus))
    for path in dropped:
        x, _ = wavio.read_wav(tiny_corpus / path)
        y, sr = wavio.read_wav(out / path)
        assert sr == 16000 and len(y) == len(x) and np.abs(y).max() > 0, path

    res = run_module("tsestudio.data.unpack", "--pack", tmp_path / "second", "--out", tmp_path / "empty", "--add",
                     check=False)
    assert res.returncode == 2 and "--add needs a corpus there" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "empty").exists()  # refused before anything was written
    res = run_module("tsestudio.data.pack", "--corpus", tiny_corpus, "--out", tmp_path / "third",
                     "--exclude-pack", tmp_path / "full", check=False)
    assert res.returncode == 2 and "nothing left to pack" in res.stderr
