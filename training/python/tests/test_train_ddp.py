"""Two-process DDP on CPU (gloo): both ranks end with bit-identical weights, and rank 1's data counts."""

import json
import os
from pathlib import Path
from typing import List

import torch

from train_fixtures import tiny_data, write_config  # noqa: F401 (tiny_data is a fixture)
from tsestudio import train
from tsestudio.training.checkpoint import load_checkpoint
from tsestudio.training.launch import launch


def train_and_dump_weights(argv: List[str]) -> int:
    """Run the real CLI in this rank; after training, each rank also saves its own weights for the test."""
    from tsestudio.training import trainer as module

    fit = module.Trainer.fit

    def fit_then_dump(self, stop):
        reason = fit(self, stop)
        run_dir = Path(argv[argv.index("--run-dir") + 1])
        torch.save(self.model.state_dict(), run_dir / f"rank{self.info.rank}.weights")
        return reason

    module.Trainer.fit = fit_then_dump
    return train.main(argv)


def test_two_gloo_processes_keep_identical_parameters(tmp_path, tiny_data):
    config = write_config(tmp_path, tiny_data, max_steps=4, checkpoint_every=2, num_workers=0)
    run = tmp_path / "ddp"
    code = launch(2, ["--config", str(config), "--run-dir", str(run)], train_and_dump_weights, timeout_s=300)
    assert code == 0, f"launcher exit code {code} (124: timed out); the ranks' output is in the captured stderr"

    rank0, rank1 = torch.load(run / "rank0.weights"), torch.load(run / "rank1.weights")
    saved = load_checkpoint(run / "last.pt")
    assert saved["step"] == 4 and len(saved["rng"]) == 2 and saved["data_position"]["world_size"] == 2
    for name in rank0:
        assert torch.equal(rank0[name], rank1[name]), name
        assert torch.equal(rank0[name], saved["model"][name]), name
    checks = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()
              if '"replica_check"' in line]
    assert [c["step"] for c in checks] == [2, 4] and all(c["in_sync"] and len(c["fingerprints"]) == 2 for c in checks)

    # The same config on one process sees only rank 0's batches, so it must end elsewhere.
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "single")]) == 0
    single = load_checkpoint(tmp_path / "single" / "last.pt")["model"]
    assert any(not torch.equal(single[name], rank0[name]) for name in rank0)


def exit_3_on_rank_1(argv: List[str]) -> int:
    return 3 if os.environ["RANK"] == "1" else 0


def raise_on_every_rank(argv: List[str]) -> int:
    raise RuntimeError("no data")


def sys_exit_without_code(argv: List[str]) -> int:
    raise SystemExit()


def test_the_launcher_returns_a_failing_rank_s_code(capfd):
    assert launch(2, [], exit_3_on_rank_1, timeout_s=120) == 3
    assert launch(2, [], raise_on_every_rank, timeout_s=120) == 1
    assert launch(2, [], sys_exit_without_code, timeout_s=120) == 0
    assert "RuntimeError: no data" in capfd.readouterr().err  # the rank's traceback is its report
