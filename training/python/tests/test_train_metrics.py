"""metrics.jsonl schema and the --progress json stream the Java app reads (docs/INTERFACES.md)."""

import json
import math

from train_fixtures import tiny_data, write_config  # noqa: F401 (tiny_data is a fixture)
from tsestudio import train

TRAIN_KEYS = {"event", "phase", "step", "epoch", "loss", "lr", "grad_norm", "audio_seconds_per_second",
              "gpu_memory_gib"}
VALID_KEYS = {"event", "phase", "step", "epoch", "val_si_sdri", "best_metric", "epochs_without_improvement",
              "valid_seconds"}


def test_metrics_file_and_progress_stream(tmp_path, tiny_data, capsys):
    config = write_config(tmp_path, tiny_data, epochs=2, log_every=2)
    run = tmp_path / "run"
    assert train.main(["--config", str(config), "--run-dir", str(run), "--progress", "json"]) == 0
    stdout = [json.loads(line) for line in capsys.readouterr().out.splitlines()]  # every line is JSON
    written = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]

    assert [line for line in stdout if line["event"] == "metric"] == written
    train_lines = [line for line in written if line["phase"] == "train"]
    valid_lines = [line for line in written if line["phase"] == "valid"]
    assert [line["step"] for line in train_lines] == [2, 4, 6, 8]
    assert [(line["step"], line["epoch"]) for line in valid_lines] == [(4, 1), (8, 2)]
    for line in train_lines:
        assert set(line) == TRAIN_KEYS and line["event"] == "metric"
        assert math.isfinite(line["loss"]) and line["lr"] > 0 and line["grad_norm"] > 0
        assert line["audio_seconds_per_second"] > 0 and line["gpu_memory_gib"] is None  # CPU run
    for line in valid_lines:
        assert set(line) == VALID_KEYS and math.isfinite(line["val_si_sdri"]) and line["valid_seconds"] > 0
    assert valid_lines[-1]["best_metric"] == max(line["val_si_sdri"] for line in valid_lines)

    progress = [line for line in stdout if line["event"] == "progress"]
    assert [(p["done"], p["total"]) for p in progress] == [(2, 8), (4, 8), (6, 8), (8, 8)]
    assert all(isinstance(p["message"], str) for p in progress)
    assert stdout[-1]["event"] == "done" and stdout[-1]["reason"] == "epochs" and stdout[-1]["step"] == 8


def test_resumed_run_appends_to_the_same_file(tmp_path, tiny_data, capsys):
    run = tmp_path / "run"
    assert train.main(["--config", str(write_config(tmp_path, tiny_data, max_steps=2)), "--run-dir", str(run)]) == 0
    assert train.main(["--config", str(write_config(tmp_path, tiny_data, max_steps=3)), "--run-dir", str(run),
                       "--resume"]) == 0
    steps = [json.loads(line)["step"] for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert steps == [1, 2, 3]
    assert "resumed at step 2" in capsys.readouterr().out
