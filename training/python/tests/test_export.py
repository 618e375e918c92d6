"""Export: TorchScript file, model card, sha256 and parity fixture, from a checkpoint and from random init."""
import hashlib
import json

import pytest
import torch

from small_models import SMALL_ARGS, small_model
from tsestudio import export
from tsestudio.parity import read_f32

CARD_FIELDS = {"name", "version", "sample_rate", "parameters", "model_args", "config", "training_data", "steps",
               "metrics", "sha256", "reference"}


def write_checkpoint(path, name="v8"):
    model = small_model(name, seed=9)
    torch.save({"model_name": name, "model_args": model.model_args, "model": model.state_dict(),
                "optimizer": {}, "scheduler": {}, "step": 1234, "epoch": 2, "rng": {}, "data_position": 0,
                "config": {"recipe": "v8.yaml", "training_data": [{"source": "espeak-ng", "licence": "GPL-3.0"}]},
                "best_metric": 7.5, "metrics": {"valid_si_sdri": 7.5}}, path)
    return model


@pytest.mark.parametrize("name", ["v7", "v8"])
def test_export_checkpoint_writes_card_model_and_parity_fixture(tmp_path, name):
    model = write_checkpoint(tmp_path / "ckpt.pt", name)
    out = tmp_path / "models"
    assert export.main(["--checkpoint", str(tmp_path / "ckpt.pt"), "--out-dir", str(out), "--name", name]) == 0

    card = json.loads((out / f"{name}.json").read_text())
    assert CARD_FIELDS <= set(card)
    assert card["sha256"] == hashlib.sha256((out / f"{name}.pt").read_bytes()).hexdigest()
    assert card["parameters"] == sum(p.numel() for p in model.parameters())
    assert card["model_args"] == model.model_args and card["sample_rate"] == model.sample_rate
    assert card["steps"] == 1234 and card["metrics"] == {"valid_si_sdri": 7.5}
    assert card["training_data"] == [{"source": "espeak-ng", "licence": "GPL-3.0"}]
    assert 0 < card["reference"]["min_seconds"] < card["reference"]["max_seconds"]

    fixture = json.loads((out / f"{name}.parity.json").read_text())
    mixture = read_f32(out / fixture["mixture"]["file"]).unsqueeze(0)
    reference = read_f32(out / fixture["reference"]["file"]).unsqueeze(0)
    expected = read_f32(out / fixture["output"]["file"])
    assert mixture.numel() == fixture["mixture"]["samples"] == expected.numel()
    loaded = torch.jit.load(str(out / f"{name}.pt"))
    with torch.no_grad():
        assert (loaded(mixture, reference).reshape(-1) - expected).abs().max() <= fixture["tolerance"]
        assert (model(mixture, reference).reshape(-1) - expected).abs().max() <= 1e-5
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temp files left behind


def test_export_reads_the_split_parts_the_gpu_machine_returns(tmp_path):
    model = write_checkpoint(tmp_path / "whole.pt")
    data = (tmp_path / "whole.pt").read_bytes()
    cut = len(data) // 2
    (tmp_path / "best.pt.part000").write_bytes(data[:cut])
    (tmp_path / "best.pt.part001").write_bytes(data[cut:])
    out = tmp_path / "models"
    assert export.main(["--checkpoint", str(tmp_path / "best.pt"), "--out-dir", str(out), "--name", "v8"]) == 0
    assert json.loads((out / "v8.json").read_text())["parameters"] == sum(p.numel() for p in model.parameters())


def test_random_init_with_overrides(tmp_path):
    overrides = [f"--set={k}={json.dumps(v)}" for k, v in SMALL_ARGS["v8"].items()]
    out = tmp_path / "untrained"
    assert export.main(["--random-init", "--model", "v8", "--out-dir", str(out), "--name", "tiny", *overrides]) == 0
    card = json.loads((out / "tiny.json").read_text())
    assert card["version"] == "untrained" and card["steps"] == 0
    assert card["model_args"]["stage_dims"] == SMALL_ARGS["v8"]["stage_dims"]


def test_bad_inputs_give_one_line_errors_and_no_files(tmp_path, capsys):
    out = tmp_path / "out"
    assert export.main(["--checkpoint", str(tmp_path / "missing.pt"), "--out-dir", str(out)]) == 2
    assert "missing.pt: checkpoint not found" in capsys.readouterr().err

    (tmp_path / "junk.pt").write_bytes(b"not a checkpoint")
    assert export.main(["--checkpoint", str(tmp_path / "junk.pt"), "--out-dir", str(out), "--progress", "json"]) == 2
    event = json.loads(capsys.readouterr().out.strip())
    assert event["event"] == "error" and "junk.pt: cannot read checkpoint" in event["message"]

    ckpt = tmp_path / "wrong.pt"
    write_checkpoint(ckpt)
    state = torch.load(ckpt)
    state["model_args"] = dict(state["model_args"], ref_depth=2)  # weights no longer fit
    torch.save(state, ckpt)
    assert export.main(["--checkpoint", str(ckpt), "--out-dir", str(out)]) == 2
    assert "wrong.pt: weights do not fit model v8" in capsys.readouterr().err

    assert export.main(["--checkpoint", str(ckpt), "--out-dir", str(tmp_path), "--name", "wrong"]) == 2
    assert "refusing to overwrite the checkpoint" in capsys.readouterr().err

    assert export.main(["--random-init", "--model", "v8", "--set", "bogus=1", "--out-dir", str(out)]) == 2
    assert "unknown model argument 'bogus'" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_command_line_process_reports_json_progress(tmp_path):
    # The Java side launches the exporter as a real process and reads its JSON lines.
    import os
    import subprocess
    import sys

    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    overrides = [f"--set={k}={json.dumps(v)}" for k, v in SMALL_ARGS["v7"].items()]
    result = subprocess.run(
        [sys.executable, "-m", "tsestudio.export", "--random-init", "--model", "v7", "--out-dir", str(tmp_path),
         "--progress", "json", *overrides],
        cwd=package_root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    event = json.loads(result.stdout.strip().splitlines()[-1])
    assert event["event"] == "done" and event["model"].endswith("v7.pt")
    assert event["sha256"] == hashlib.sha256((tmp_path / "v7.pt").read_bytes()).hexdigest()
