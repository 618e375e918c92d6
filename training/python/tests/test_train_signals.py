"""Stopping a real training process: SIGTERM and --max-minutes leave a loadable checkpoint and exit code 0."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from train_fixtures import tiny_data, write_config  # noqa: F401 (tiny_data is a fixture)
from tsestudio.training.checkpoint import load_checkpoint, rebuild_model

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def start_training(config: Path, run_dir: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)}
    command = [sys.executable, "-m", "tsestudio.train", "--config", str(config), "--run-dir", str(run_dir),
               "--progress", "json", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_sigterm_mid_training_writes_a_checkpoint_and_exits_cleanly(tmp_path, tiny_data):
    config = write_config(tmp_path, tiny_data, epochs=1000, checkpoint_every=1000, num_workers=1)
    process = start_training(config, tmp_path / "run")
    seen = []
    try:
        for line in process.stdout:  # wait until training is under way
            seen.append(json.loads(line))
            if seen[-1].get("phase") == "train" and seen[-1]["step"] >= 3:
                break
        process.send_signal(signal.SIGTERM)
        rest, errors = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, errors
    done = json.loads(rest.strip().splitlines()[-1])
    assert done["event"] == "done" and done["reason"] == "signal SIGTERM"
    checkpoint = load_checkpoint(tmp_path / "run" / "last.pt")
    assert checkpoint["step"] == done["step"] >= 3
    assert checkpoint["optimizer"] is not None and len(checkpoint["rng"]) == 1
    rebuild_model(checkpoint)
    assert not [p for p in (tmp_path / "run").iterdir() if ".tmp" in p.name]  # no temp files left behind


def test_time_limit_stops_before_the_deadline(tmp_path, tiny_data):
    config = write_config(tmp_path, tiny_data, epochs=1000, checkpoint_every=1000, stop_margin_seconds=1.0)
    started = time.monotonic()
    process = start_training(config, tmp_path / "run", "--max-minutes", "0.15")  # 9 seconds
    try:
        output, errors = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    elapsed = time.monotonic() - started
    assert process.returncode == 0, errors
    done = json.loads(output.strip().splitlines()[-1])
    assert done["reason"] == "time limit" and done["step"] >= 1
    assert elapsed < 9.0 + 5.0  # the deadline plus interpreter start-up and exit
    assert load_checkpoint(tmp_path / "run" / "last.pt")["step"] == done["step"]
