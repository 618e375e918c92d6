"""Mixtures made from a real (tiny) corpus: levels as requested, determinism, resume, schema, bad input."""
import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
import yaml

from conftest import ROOT, run_module
from tsestudio.data import wavio
from tsestudio.data.audio import power
from tsestudio.data.corpus import CorpusAudio, read_manifest
from tsestudio.data.errors import DataError
from tsestudio.data.mixing import Pools, item_rng, render, sample_spec
from tsestudio.data.recipes import load_recipe
from tsestudio.data.static import REQUIRED, StaticMixDataset


def db(a, b):
    return 10 * np.log10(power(a) / power(b))


@pytest.fixture(scope="module")
def plain_recipe(tmp_path_factory):
    """No reverb, no codec: the written files alone must show the requested SIR and SNR."""
    path = tmp_path_factory.mktemp("recipe") / "plain.yaml"
    path.write_text(yaml.safe_dump({
        "name": "plain", "sample_rate": 16000, "segment_seconds": 4.0,
        "reference": {"min_seconds": 2.0, "max_seconds": 4.0}, "interferers": {"min": 1, "max": 2},
        "sir_db": [-5.0, 5.0], "interferer_overlap": [0.5, 1.0], "noise": {"probability": 1.0, "snr_db": [-5.0, 20.0]},
        "level_dbfs": [-30.0, -15.0], "sizes": {"train": 12}}))
    return str(path)


def test_sir_and_snr_of_rendered_items_match_request(tiny_corpus):
    recipe = load_recipe("v8")
    pools = Pools(CorpusAudio(tiny_corpus, 16000), "train")
    reverb_seen = 0
    for i in range(25):
        spec = sample_spec(item_rng(7, "train", i), pools, recipe, "train")
        sig = render(spec, pools, recipe)
        interf = np.sum(sig["interferers"], axis=0)
        assert abs(db(sig["target_in_mixture"], interf) - spec["sir_db"]) < 0.1
        if spec["snr_db"] is not None:
            assert abs(db(sig["target_in_mixture"], sig["noise"]) - spec["snr_db"]) < 0.1
        assert np.max(np.abs(sig["mixture"])) <= 0.99 + 1e-6 and np.max(np.abs(sig["target"])) <= 0.99 + 1e-6
        assert len(sig["mixture"]) == len(sig["target"]) == 10 * 16000  # v8 trains on 10 s
        assert 3.0 * 16000 * 0.5 <= len(sig["reference"]) <= 10 * 16000
        assert set(spec["target"]["utts"]).isdisjoint(spec["reference"]["utts"])  # a different utterance
        bases = [pools.base_of[spec["target_speaker"]]] + [pools.base_of[it["speaker"]] for it in spec["interferers"]]
        assert len(set(bases)) == len(bases)  # interferers are other people
        reverb_seen += spec["reverb"]
    assert reverb_seen > 0


def test_written_files_show_requested_sir_snr_and_schema(tiny_corpus, plain_recipe, tmp_path):
    run_module("tsestudio.data.generate", "--corpus", tiny_corpus, "--recipe", plain_recipe, "--split", "train",
               "--out", tmp_path, "--count", 8, "--seed", 3)
    rows = [json.loads(ln) for ln in open(tmp_path / "train.jsonl")]
    assert len(rows) == 8
    for row in rows:
        assert all(k in row for k in REQUIRED) and row["sample_rate"] == 16000 and row["reverb"] is False
        assert row["interferers"] and row["snr_db"] is not None
        load = lambda p: wavio.read_wav(tmp_path / p)[0].astype(np.float64)  # noqa: E731
        mix, tgt = load(row["mixture"]), load(row["target"])
        interf = np.sum([load(p) for p in row["interferers"]], axis=0)
        assert abs(db(tgt, interf) - row["sir_db"]) < 0.1
        assert abs(db(tgt, mix - tgt - interf) - row["snr_db"]) < 0.1
        assert row["target_speaker"] not in row["interferer_speakers"]
    ds = StaticMixDataset(tmp_path / "train.jsonl")
    m, r, t = ds[0]
    assert m.dtype == r.dtype == t.dtype and m.shape == t.shape == (4 * 16000,) and r.shape[0] == ds.ref_len


def _files(folder):
    return {os.path.relpath(os.path.join(d, f), folder): open(os.path.join(d, f), "rb").read()
            for d, _, fs in os.walk(folder) for f in fs if not f.endswith(".meta.json")}


def test_regeneration_is_byte_identical_and_resumes_after_kill(tiny_corpus, tmp_path):
    args = ["--corpus", tiny_corpus, "--recipe", "v8", "--split", "train", "--count", 24, "--seed", 11]
    run_module("tsestudio.data.generate", *args, "--out", tmp_path / "a")
    run_module("tsestudio.data.generate", *args, "--out", tmp_path / "b", "--jobs", 2)
    clean = _files(tmp_path / "a")
    assert clean == _files(tmp_path / "b")
    # Kill a run part-way (SIGKILL: no clean-up of any kind), then finish it.
    killed = tmp_path / "k"
    proc = subprocess.Popen([sys.executable, "-m", "tsestudio.data.generate", *map(str, args), "--out", str(killed)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        done = sum(1 for d, _, fs in os.walk(killed) for f in fs if f == "item.json")
        if done >= 6:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (killed / "train.jsonl").exists() and 6 <= done < 24
    run_module("tsestudio.data.generate", *args, "--out", killed)
    assert _files(killed) == clean


def test_bad_corpus_and_corrupt_audio_give_clear_errors(tiny_corpus, tmp_path):
    res = run_module("tsestudio.data.generate", "--corpus", tmp_path / "nowhere", "--recipe", "v8", "--split",
                     "train", "--out", tmp_path / "o", "--count", 2, check=False)
    assert res.returncode == 2 and "nowhere: corpus folder does not exist" in res.stderr and "Traceback" not in res.stderr
    # A copy of the corpus with one utterance cut short mid-file.
    bad = tmp_path / "bad"
    subprocess.run(["cp", "-r", str(tiny_corpus), str(bad)], check=True)
    subprocess.run(["rm", "-rf", str(bad / ".cache")], check=True)
    victim = next(e.path for e in read_manifest(bad) if e.kind == "speech")
    blob = (bad / victim).read_bytes()
    (bad / victim).write_bytes(blob[:len(blob) // 2])
    with pytest.raises(DataError, match=rf"{victim}: truncated WAV data"):
        CorpusAudio(bad, 16000)
    res = run_module("tsestudio.data.generate", "--corpus", bad, "--recipe", "v8", "--split", "train",
                     "--out", tmp_path / "o2", "--count", 2, "--progress", "json", check=False)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    last = json.loads(res.stdout.strip().splitlines()[-1])
    assert last["event"] == "error" and "truncated WAV data" in last["message"]
    (bad / "corpus.jsonl").write_text('{"path": "x.wav"}\n')
    with pytest.raises(DataError, match=r"corpus.jsonl:1: missing field 'speaker'"):
        read_manifest(bad)


def test_real_target_share_weights_recorded_targets_and_leaves_one_kind_splits_alone(tiny_corpus):
    import dataclasses

    audio = CorpusAudio(tiny_corpus, 16000)
    plain = Pools(audio, "train")
    # Mark one of the tiny corpus's voices as a recorded person: a split with both kinds, as v8's training has.
    person = plain.base_of[plain.speakers[0]]
    audio.entries = [dataclasses.replace(e, real=True) if e.kind == "speech" and e.base_voice == person else e
                     for e in audio.entries]
    pools = Pools(audio, "train")
    assert pools.real_speakers and pools.synthetic_speakers
    share_of_real = len(pools.real_speakers) / len(pools.speakers)
    weighted = load_recipe("v8-recorded")
    assert weighted["real_target_share"] == 0.5 and load_recipe("v8")["real_target_share"] is None
    targets = [sample_spec(item_rng(3, "train", i), pools, weighted, "train")["target_speaker"] for i in range(400)]
    real = sum(t in pools.real_speakers for t in targets) / len(targets)
    assert 0.42 < real < 0.58 and share_of_real < 0.4  # about half, against a third or less unweighted

    # A split of one kind draws no extra number: the same mixtures as v8's (valid and real_valid stay comparable).
    for i in range(20):
        assert sample_spec(item_rng(3, "train", i), plain, weighted, "train") == \
            sample_spec(item_rng(3, "train", i), plain, load_recipe("v8"), "train")


def test_recipe_extends_and_bad_share_are_checked(tmp_path):
    (tmp_path / "base.yaml").write_text("name: base\nsample_rate: 16000\nsegment_seconds: 4.0\nsir_db: [-1.0, 1.0]\n")
    (tmp_path / "child.yaml").write_text("extends: base\nname: child\nreal_target_share: 0.25\n")
    child = load_recipe(str(tmp_path / "child.yaml"))
    assert (child["name"], child["sir_db"], child["real_target_share"]) == ("child", [-1.0, 1.0], 0.25)
    (tmp_path / "bad.yaml").write_text("extends: base\nreal_target_share: 2\n")
    with pytest.raises(DataError, match="real_target_share must be between 0 and 1"):
        load_recipe(str(tmp_path / "bad.yaml"))
    (tmp_path / "orphan.yaml").write_text("extends: nowhere\n")
    with pytest.raises(DataError, match="extends 'nowhere': no "):
        load_recipe(str(tmp_path / "orphan.yaml"))
    (tmp_path / "loop.yaml").write_text("extends: loop\n")
    with pytest.raises(DataError, match="goes round in a circle"):
        load_recipe(str(tmp_path / "loop.yaml"))
