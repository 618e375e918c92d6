"""tsestudio.evaluate: per-item scores, wrong-speaker flags and summaries, from a checkpoint or TorchScript."""

import json

import pytest
import torch

from small_models import SMALL_ARGS
from train_fixtures import tiny_data, write_config  # noqa: F401 (tiny_data is a fixture)
from tsestudio import evaluate, train
from tsestudio.data.static import StaticMixDataset


def test_scores_flag_an_estimate_that_follows_the_interferer(tiny_data):
    dataset = StaticMixDataset(tiny_data["valid"])
    mixture, _, target = dataset[0]
    interferer = dataset.interferers(0)[0]
    right = evaluate.score_item(target, mixture, target, [interferer])
    wrong = evaluate.score_item(interferer, mixture, target, [interferer])
    assert not right["wrong_speaker"] and right["si_sdr"] > 60 and right["si_sdri"] > 50
    assert wrong["wrong_speaker"] and wrong["si_sdri"] < 0
    mostly_target = evaluate.score_item(target + 0.1 * interferer, mixture, target, [interferer])
    assert not mostly_target["wrong_speaker"] and 10 < mostly_target["si_sdr"] < 40
    assert mostly_target["sdri"] == pytest.approx(mostly_target["sdr"] - evaluate.score_item(
        mixture, mixture, target, [interferer])["sdr"])


def test_summary_statistics():
    items = [{"si_sdri": float(v), "sdri": float(v) + 1, "si_sdr": 0.0, "wrong_speaker": v < 2} for v in range(21)]
    summary = evaluate.summarize(items)
    assert summary["items"] == 21 and summary["si_sdri"]["mean"] == pytest.approx(10.0)
    assert summary["si_sdri"]["median"] == 10.0 and summary["si_sdri"]["p5"] == pytest.approx(1.0)
    assert summary["sdri"]["median"] == 11.0 and summary["wrong_speaker_rate"] == pytest.approx(2 / 21)


def test_cli_on_a_checkpoint_and_on_torchscript(tmp_path, tiny_data):
    config = write_config(tmp_path, tiny_data, max_steps=2)
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "run")]) == 0
    out = tmp_path / "results.json"
    code = evaluate.main(["--checkpoint", str(tmp_path / "run" / "last.pt"), "--manifest", str(tiny_data["valid"]),
                          "--out", str(out), "--device", "cpu"])
    assert code == 0
    results = json.loads(out.read_text())
    rows = StaticMixDataset(tiny_data["valid"]).rows
    assert [item["id"] for item in results["items"]] == [row["id"] for row in rows]
    for item in results["items"]:
        assert set(item) >= {"si_sdri", "sdri", "si_sdr", "sdr", "wrong_speaker", "interferer_si_sdr"}
        assert isinstance(item["wrong_speaker"], bool)
    summary = results["summary"]
    assert summary["items"] == len(rows)
    assert summary["si_sdri"]["p5"] <= summary["si_sdri"]["median"]
    assert summary["si_sdri"]["mean"] == pytest.approx(sum(i["si_sdri"] for i in results["items"]) / len(rows))

    from tsestudio.export import export
    from tsestudio.training.checkpoint import load_checkpoint, rebuild_model

    model = rebuild_model(load_checkpoint(tmp_path / "run" / "last.pt"))
    export(model, tmp_path / "exported", "tiny", {"version": "test", "model_name": "v8"})
    scripted_out = tmp_path / "scripted.json"
    assert evaluate.main(["--torchscript", str(tmp_path / "exported" / "tiny.pt"), "--manifest",
                          str(tiny_data["valid"]), "--out", str(scripted_out), "--device", "cpu"]) == 0
    scripted = json.loads(scripted_out.read_text())
    for a, b in zip(results["items"], scripted["items"]):
        assert a["si_sdri"] == pytest.approx(b["si_sdri"], abs=1e-3)


def test_cli_errors_are_one_line(tmp_path, tiny_data, capsys):
    assert evaluate.main(["--checkpoint", str(tmp_path / "none.pt"), "--manifest", str(tiny_data["valid"])]) == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'none.pt'}: checkpoint not found"
    torch.manual_seed(0)
    from tsestudio.models.registry import build_model

    model = build_model("v8", **SMALL_ARGS["v8"])  # a 16 kHz model against the 8 kHz set
    checkpoint = {"model_name": "v8", "model_args": model.model_args, "model": model.state_dict(), "step": 0,
                  "epoch": 0, "config": {}, "sample_rate": 16000}
    torch.save(checkpoint, tmp_path / "wide.pt")
    assert evaluate.main(["--checkpoint", str(tmp_path / "wide.pt"), "--manifest", str(tiny_data["valid"]),
                          "--progress", "json"]) == 2
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line == {"event": "error", "message": f"{tiny_data['valid']}: audio at 8000 Hz, the model runs at 16000 Hz"}
