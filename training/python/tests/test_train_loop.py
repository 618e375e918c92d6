"""The training loop on real (tiny) data with the real models: learning, exact resume, checkpoint variants."""

import json
from pathlib import Path

import pytest
import torch

from train_fixtures import tiny_data, write_config  # noqa: F401 (tiny_data is a fixture)
from tsestudio import train
from tsestudio.training.checkpoint import load_checkpoint, rebuild_model
from tsestudio.training.config import load_config
from tsestudio.training.distributed import DistInfo
from tsestudio.training.metrics_log import MetricsLog
from tsestudio.training.trainer import Trainer


def train_lines(run_dir: Path):
    lines = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    return {line["step"]: line for line in lines if line.get("phase") == "train"}


@pytest.mark.parametrize("model", ["v7", "v8"])
def test_loss_falls_on_one_fixed_batch(tmp_path, tiny_data, model):
    config = load_config(write_config(tmp_path, tiny_data, model=model, data_mode="static", warmup_steps=1))
    trainer = Trainer(config, tmp_path, DistInfo(), torch.device("cpu"), MetricsLog(None, False))
    batch = trainer.next_batch()
    losses = [float(trainer.train_step(batch)[0]) for _ in range(15)]
    # The loss is negative SI-SDR in dB: on a batch seen 15 times it falls by well over 6 dB (about 15 here).
    assert sum(losses[-3:]) / 3 < losses[0] - 6.0, losses


@pytest.mark.parametrize("mode", ["dynamic", "static"])
def test_resume_reproduces_the_next_step(tmp_path, tiny_data, mode):
    config = write_config(tmp_path, tiny_data, data_mode=mode, keep_step_checkpoints=True, max_steps=6,
                          checkpoint_every=5, num_workers=2)
    straight, resumed = tmp_path / "straight", tmp_path / "resumed"
    assert train.main(["--config", str(config), "--run-dir", str(straight)]) == 0
    saved = straight / "step_00000005.pt"
    assert saved.exists()
    # The batches do not depend on the number of loader processes, so the resumed run may use none.
    assert train.main(["--config", str(config), "--run-dir", str(resumed), "--resume", str(saved),
                       "--set", "num_workers=0"]) == 0

    first, second = load_checkpoint(straight / "last.pt"), load_checkpoint(resumed / "last.pt")
    assert first["step"] == second["step"] == 6
    for name, tensor in first["model"].items():
        assert torch.equal(tensor, second["model"][name]), name
    for index, slots in first["optimizer"]["state"].items():
        for key, value in slots.items():
            assert torch.equal(value, second["optimizer"]["state"][index][key]), (index, key)
    assert train_lines(straight)[6]["loss"] == train_lines(resumed)[6]["loss"]
    assert train_lines(straight)[6]["lr"] == train_lines(resumed)[6]["lr"]
    # And the step did change the weights (a resume that skipped training would also be "identical").
    before = load_checkpoint(saved)["model"]
    assert any(not torch.equal(before[name], first["model"][name]) for name in before)


def test_compact_and_weights_only_checkpoints_resume(tmp_path, tiny_data):
    sizes = {}
    for variant in ("full", "compact", "weights"):
        run = tmp_path / variant
        config = write_config(tmp_path, tiny_data, max_steps=3, checkpoint_variant=variant,
                              checkpoint_weights_dtype="bfloat16", rewarm_steps=4)
        assert train.main(["--config", str(config), "--run-dir", str(run)]) == 0
        sizes[variant] = (run / "last.pt").stat().st_size
        state = load_checkpoint(run / "last.pt")
        assert state["variant"] == variant
        if variant == "compact":
            moments = [v for slots in state["optimizer"]["state"].values() for v in slots.values() if v.dim() > 0]
            assert moments and all(v.dtype == torch.bfloat16 for v in moments)
        assert (state["optimizer"] is None) == (variant == "weights")
        config = write_config(tmp_path, tiny_data, max_steps=5, rewarm_steps=4)
        assert train.main(["--config", str(config), "--run-dir", str(run), "--resume"]) == 0
        lines = train_lines(run)
        assert load_checkpoint(run / "last.pt")["step"] == 5 and lines[5]["loss"] is not None
        if variant == "weights":  # fresh AdamW moments: the rate ramps up again from step 3
            assert lines[4]["lr"] < 0.5 * lines[2]["lr"]
    assert sizes["weights"] < sizes["compact"] < 0.6 * sizes["full"]


def test_best_checkpoint_rebuilds_the_model_from_the_file_alone(tmp_path, tiny_data):
    config = write_config(tmp_path, tiny_data, epochs=1)
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "run")]) == 0
    best = load_checkpoint(tmp_path / "run" / "best.pt")
    model = rebuild_model(best).eval()
    assert best["model_args"] == model.model_args and model.sample_rate == 8000
    assert best["best_metric"] is not None and best["optimizer"] is None
    with torch.no_grad():
        assert model(torch.randn(1, 8000), torch.randn(1, 4000)).shape == (1, 8000)


def test_bad_input_is_one_line_and_exit_code_2(tmp_path, tiny_data, capsys):
    config = write_config(tmp_path, tiny_data, valid_manifest=str(tmp_path / "missing.jsonl"))
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "a")]) == 2
    error = capsys.readouterr().err.strip()
    assert error == f"error: {tmp_path / 'missing.jsonl'}: validation manifest not found"

    config = write_config(tmp_path, tiny_data, max_steps=1)
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "b")]) == 0
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "b")]) == 2  # would overwrite
    assert "pass --resume" in capsys.readouterr().err
    other = write_config(tmp_path, tiny_data, model="v7", max_steps=2)
    assert train.main(["--config", str(other), "--run-dir", str(tmp_path / "b"), "--resume"]) == 2
    assert "holds model v8" in capsys.readouterr().err
    (tmp_path / "broken.pt").write_bytes(b"not a checkpoint")
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "c"),
                       "--resume", str(tmp_path / "broken.pt")]) == 2
    assert "broken.pt: not a readable checkpoint" in capsys.readouterr().err


def test_compile_without_cuda_trains_eagerly_and_identically(tmp_path, tiny_data, capsys):
    """compile: true on a machine without CUDA says so and trains exactly as compile: false does."""
    weights = {}
    for compile_flag in (False, True):
        config = load_config(write_config(tmp_path, tiny_data, data_mode="static", warmup_steps=1,
                                          compile=compile_flag, compile_mode="reduce-overhead"))
        trainer = Trainer(config, tmp_path / str(compile_flag), DistInfo(), torch.device("cpu"),
                          MetricsLog(None, False))
        assert trainer.net is trainer.model and trainer.begin_graph_step is None
        batch = trainer.next_batch()
        for _ in range(2):
            trainer.train_step(batch)
        weights[compile_flag] = {name: t.clone() for name, t in trainer.model.state_dict().items()}
    assert "compile needs CUDA" in capsys.readouterr().out
    for name, tensor in weights[False].items():
        assert torch.equal(tensor, weights[True][name]), name
