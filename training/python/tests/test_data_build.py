"""The corpus builder on real TTS engines: schema, audio format, disjoint splits, resumability."""
import json
import os

import numpy as np

from conftest import run_module
from tsestudio.data import wavio
from tsestudio.data.corpus import SPLITS, read_manifest
from tsestudio.data.rir import measured_rt60
from tsestudio.data.splits import assign_splits


def test_manifest_schema_and_audio_format(tiny_corpus):
    entries = read_manifest(tiny_corpus)  # validates every field and split disjointness
    kinds = {e.kind for e in entries}
    assert kinds == {"speech", "noise", "rir"}
    speech = [e for e in entries if e.kind == "speech"]
    assert {e.engine for e in speech} == {"flite", "espeak-ng+mbrola"}
    assert len({e.speaker for e in speech}) == 12 and len({e.base_voice for e in speech}) == 6
    for e in entries[::5]:
        info = wavio.read_info(os.path.join(tiny_corpus, e.path))
        assert info.sample_rate == 16000 and info.channels == 1 and info.bits == 16
        assert abs(info.duration - e.duration) < 1e-3
    for e in speech:
        assert e.licence and e.split in SPLITS and not e.real
        assert 1.0 <= e.duration <= 15.0


def test_pseudo_speakers_of_one_voice_differ(tiny_corpus):
    """Variant 1 of a voice gets its own pitch/rate/formants: its long-term spectrum moves away from v0's."""
    entries = read_manifest(tiny_corpus)
    base = next(e.base_voice for e in entries if e.kind == "speech")
    spectra = {}
    for e in entries:
        if e.base_voice == base:
            x, _ = wavio.read_wav(os.path.join(tiny_corpus, e.path))
            spec = np.abs(np.fft.rfft(x[: len(x) // 512 * 512].reshape(-1, 512), axis=1)).mean(0)
            spectra.setdefault(e.speaker, []).append(np.log(spec + 1e-6))
    a, b = (np.mean(v, axis=0) for v in spectra.values())
    within = np.mean([np.abs(s - np.mean(list(spectra.values())[0], axis=0)).mean() for s in list(spectra.values())[0]])
    assert np.abs(a - b).mean() > 0.5 * within


def test_splits_are_by_whole_person_and_deterministic():
    tts = [f"v{i}" for i in range(50)]
    humans = {f"h{i}": 10 + 10 * i for i in range(20)}
    s1, s2 = assign_splits(tts, humans, 5), assign_splits(tts, humans, 5)
    assert s1 == s2 and set(s1) == set(tts) | set(humans)
    assert sum(v == "valid" for k, v in s1.items() if k in tts) == 5
    held = [k for k, v in s1.items() if v == "real_valid"]
    assert len(held) == 3 and all(humans[k] >= 40 for k in held)
    assert all(s1[k] != "real_valid" for k in tts)


def test_rooms_and_noise(tiny_corpus):
    entries = read_manifest(tiny_corpus)
    for e in [e for e in entries if e.kind == "rir"]:
        h, _ = wavio.read_wav(os.path.join(tiny_corpus, e.path))
        assert abs(measured_rt60(h, 16000) - e.extra["rt60"]) < 0.35 * e.extra["rt60"] + 0.05
    assert {e.extra["source"] for e in entries if e.kind == "noise"} == {"generated", "babble"}


def test_rerun_resumes_without_redoing_jobs(tiny_corpus):
    marks = os.path.join(tiny_corpus, ".jobs")
    before = {f: os.path.getmtime(os.path.join(marks, f)) for f in os.listdir(marks)}
    manifest = open(os.path.join(tiny_corpus, "corpus.jsonl")).read()
    res = run_module("tsestudio.data.build_corpus", "--out", tiny_corpus, "--no-install", "--engines", "flite,mbrola",
                     "--max-voices", 3, "--variants", 2, "--utts", 4, "--human", "none", "--noise", "generated",
                     "--rirs", 6, "--babble", 2, "--progress", "json")
    events = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert events[-1]["event"] == "done"
    assert any(ev.get("message") == "corpus: 0 to do" for ev in events)
    assert before == {f: os.path.getmtime(os.path.join(marks, f)) for f in os.listdir(marks)}
    assert manifest == open(os.path.join(tiny_corpus, "corpus.jsonl")).read()


def test_unknown_source_is_a_clear_error(tmp_path):
    res = run_module("tsestudio.data.build_corpus", "--out", tmp_path / "c", "--no-install", "--engines", "flite",
                     "--max-voices", 1, "--utts", 2, "--human", "no-such-package", "--noise", "none", check=False)
    assert res.returncode == 2 and "unknown source 'no-such-package'" in res.stderr and "Traceback" not in res.stderr


def _recordings(folder, count):
    """Real speech (the example clips, flite voices) cut into 1.6 s files, like a package's short prompts."""
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "examples")
    speech = np.concatenate([wavio.read_wav(os.path.join(root, n))[0] for n in ("target.wav", "interferer.wav")])
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i in range(count):
        start = (i * 7919) % (len(speech) - 25600)  # overlapping windows: enough distinct files from 10 s
        paths.append(os.path.join(folder, f"{i:03d}.wav"))
        wavio.write_wav(paths[-1], speech[start:start + 25600], 16000)
    return paths


def _human(job_files, cap_s, out):
    return {"id": "human-p1", "type": "human", "speaker": "p1", "base_voice": "p1", "files": job_files,
            "package": "test", "lang": "en", "licence": "test", "cap_s": cap_s, "split": "train"}, \
        {"out": str(out), "rate": 16000, "seed": 7}


def test_raising_the_training_cap_keeps_the_utterances_already_there(tmp_path):
    from tsestudio.data.build_jobs import human_job

    files = _recordings(tmp_path / "pkg", 40)
    small, _ = human_job(*_human(files, 20.0, tmp_path / "small"))
    large, _ = human_job(*_human(files, 60.0, tmp_path / "large"))
    total = lambda entries: sum(e["duration"] for e in entries)  # noqa: E731
    assert 15.0 < total(small) < 26.0 and total(large) > 2.5 * total(small)  # the cap counts trimmed audio
    # The files are shuffled once per person, so a larger cap only reads further: every utterance but the
    # last (whose group the larger cap goes on filling) is the same audio under the same name.
    for a, b in zip(small[:-1], large):
        assert a["path"] == b["path"] and a["duration"] == b["duration"]
        same = [open(os.path.join(tmp_path / d, e["path"]), "rb").read() for d, e in (("small", a), ("large", b))]
        assert same[0] == same[1]


def test_training_cap_applies_to_training_speakers_only():
    from argparse import Namespace

    from tsestudio.data.build_corpus import human_cap

    args = Namespace(human_cap_seconds=300.0, human_cap_seconds_train=1200.0)
    assert human_cap(args, "train") == 1200.0
    assert {human_cap(args, s) for s in ("valid", "test", "real_valid")} == {300.0}
    assert human_cap(Namespace(human_cap_seconds=300.0, human_cap_seconds_train=None), "train") == 300.0


def test_a_marker_is_redone_when_its_job_changes(tmp_path):
    from tsestudio.data.build_corpus import job_signature, marker_is_current

    job, _ = _human(["a.wav"], 300.0, tmp_path)
    marker = tmp_path / "human-p1.json"
    assert not marker_is_current(marker, job)
    marker.write_text(json.dumps({"signature": job_signature(job), "entries": []}))
    assert marker_is_current(marker, job)
    assert not marker_is_current(marker, dict(job, cap_s=1200.0))
    marker.write_text(json.dumps({"entries": []}))  # written before markers had signatures: options unknown
    assert not marker_is_current(marker, job)
