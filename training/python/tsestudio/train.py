"""Train a target speaker extraction model.

    python -m tsestudio.train --config training/python/configs/config_v8.yaml [--set key=value ...]
        [--run-dir DIR] [--resume [CHECKPOINT]] [--max-minutes M] [--progress json]

Several GPUs or hosts: ``torchrun --nproc_per_node N -m tsestudio.train ...`` (rank 0 writes files).
The run folder gets config.yaml, metrics.jsonl, last.pt (every checkpoint_every steps, each epoch, and at the
end) and best.pt (best validation SI-SDRi). SIGTERM, SIGINT or the --max-minutes budget stop the run cleanly
after writing last.pt; ``--resume`` continues from it exactly. Exit codes: 0 done or stopped, 2 bad input.
"""

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import List, Optional

import yaml

from tsestudio.training.config import load_config
from tsestudio.training.distributed import barrier, init_distributed, shutdown
from tsestudio.errors import TseError
from tsestudio.training.errors import TrainingError
from tsestudio.training.metrics_log import MetricsLog, error_line
from tsestudio.training.stopping import StopControl


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, type=Path, help="YAML training config")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="override a config key (repeatable); unknown keys and other types are refused")
    parser.add_argument("--run-dir", type=Path, help="output folder (default: runs/<model_name>)")
    parser.add_argument("--resume", nargs="?", const="auto", metavar="CHECKPOINT",
                        help="continue from CHECKPOINT, or without a value from RUN_DIR/last.pt when it exists")
    parser.add_argument("--max-minutes", type=float, help="stop cleanly (with a checkpoint) before this many minutes")
    parser.add_argument("--progress", choices=("text", "json"), default="text",
                        help="json: JSON lines on stdout for the Java app")
    return parser.parse_args(argv)


def resolve_resume(option: Optional[str], run_dir: Path) -> Optional[Path]:
    from tsestudio.training.checkpoint import checkpoint_exists

    last = run_dir / "last.pt"
    if option is None:
        if checkpoint_exists(last):
            raise TrainingError(f"{last}: run folder already holds a checkpoint; pass --resume to continue it or "
                                "choose another --run-dir")
        return None
    if option == "auto":
        return last if checkpoint_exists(last) else None
    if not checkpoint_exists(Path(option)):
        raise TrainingError(f"{option}: checkpoint to resume from not found")
    return Path(option)


def write_config_copy(run_dir: Path, config) -> None:
    """The resolved config beside the checkpoints (temp file, then rename, like every file written here)."""
    temp = run_dir / f".config.yaml.tmp-{os.getpid()}"
    temp.write_text(yaml.safe_dump(config.to_dict(), sort_keys=False), encoding="utf-8")
    temp.replace(run_dir / "config.yaml")


def user_errors() -> tuple:
    """Exceptions that mean bad input (printed as one line, exit code 2): the project's and the data package's."""
    from tsestudio.data.errors import DataError

    return (TseError, DataError)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    json_progress = args.progress == "json"
    log = stop = None
    try:
        config = load_config(args.config, args.overrides)
        if args.max_minutes is not None:
            if args.max_minutes <= 0:
                raise TrainingError("--max-minutes must be positive")
            config.max_minutes = args.max_minutes
        run_dir = args.run_dir or Path("runs") / config.model_name
        stop = StopControl(config.max_minutes, config.stop_margin_seconds).install()
        info, device = init_distributed(config.device)
        resume = resolve_resume(args.resume, run_dir)
        if info.is_main:
            run_dir.mkdir(parents=True, exist_ok=True)
            write_config_copy(run_dir, config)
        barrier(info)
        log = MetricsLog(run_dir / "metrics.jsonl", json_progress, enabled=info.is_main)
        from tsestudio.training.trainer import Trainer

        trainer = Trainer(config, run_dir, info, device, log, resume=resume)
        log.say(f"training {config.model_name} on {device} x{info.world_size}, run folder {run_dir}"
                + (f", resumed at step {trainer.step}" if resume else ""))
        reason = trainer.fit(stop)
        log.done(reason=reason, step=trainer.step, epoch=trainer.epoch, best_metric=trainer.best_metric,
                 checkpoint=str(run_dir / "last.pt"))
        return 0
    except user_errors() as error:
        error_line(str(error), json_progress)
        return 2
    except Exception as error:  # a bug, not bad input: report it as one event, keep the trace for the log
        error_line(f"internal error: {type(error).__name__}: {error}", json_progress)
        traceback.print_exc(file=sys.stderr)
        return 1
    finally:
        if stop is not None:
            stop.uninstall()
        if log is not None:
            log.close()
        shutdown()


if __name__ == "__main__":
    sys.exit(main())
