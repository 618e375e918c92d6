"""Completing a model card: training sources from a real corpus, evaluation summaries, sha256 left valid."""
import hashlib
import json

from tsestudio import export, model_card


def _exported_card(tmp_path):
    out = tmp_path / "models"
    export.run(["--random-init", "--model", "v7", "--set", "dim=32", "--set", "depth=1", "--set", "head_dim=16", "--out-dir", str(out)])
    return out / "v7.json", out / "v7.pt"


def test_card_gets_sources_and_evaluation_and_keeps_its_sha(tmp_path, tiny_corpus):
    card_path, pt_path = _exported_card(tmp_path)
    results = tmp_path / "v7-test.json"
    summary = {"items": 3, "wrong_speaker_rate": 0.0, "si_sdri": {"mean": 1.5, "median": 1.2, "p5": -0.3}}
    results.write_text(json.dumps({"model": "v7", "manifest": "test.jsonl", "summary": summary, "items": []}))

    code = model_card.main([str(card_path), "--corpus", str(tiny_corpus), "--evaluation", f"test={results}",
                            "--command", "tse eval --manifest test.jsonl -m v7"])

    assert code == 0
    card = json.loads(card_path.read_text())
    kinds = {source["kind"] for source in card["training_data"]}
    assert "speech" in kinds and all(source["licence"] and source["files"] > 0 for source in card["training_data"])
    assert {"flite", "espeak-ng+mbrola"} & {source["source"] for source in card["training_data"]}
    evaluated = card["metrics"]["evaluation"]["test"]
    assert evaluated["summary"] == summary and evaluated["command"].startswith("tse eval")
    assert card["sha256"] == hashlib.sha256(pt_path.read_bytes()).hexdigest()


def test_bad_evaluation_file_is_one_line_error_and_card_untouched(tmp_path, capsys):
    card_path, _ = _exported_card(tmp_path)
    before = card_path.read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")

    assert model_card.main([str(card_path), "--evaluation", f"test={broken}"]) == 2
    assert model_card.main([str(card_path), "--evaluation", "no-equals-sign"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and str(broken) in errors[0] and "NAME=RESULTS_JSON" in errors[1]
    assert card_path.read_bytes() == before
