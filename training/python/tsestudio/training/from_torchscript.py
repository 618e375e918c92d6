"""Turn a shipped TorchScript model back into a weights-only training checkpoint.

    python -m tsestudio.training.from_torchscript resources/models/v8.pt --out runs/v8/last.pt

Why: the full training state (optimizer moments, 44-66 MiB) cannot be tracked, because every tracked file
travels with each GPU call and the transfer is capped at 64 MiB. The shipped model is tracked anyway, so it is
the one training state that survives from session to session. Resuming from this checkpoint continues the
step count of the model card and re-warms the learning rate (``rewarm_steps``) over fresh AdamW moments.
"""

import argparse
import json
import sys
from pathlib import Path

import torch

from tsestudio.errors import TseError
from tsestudio.models.registry import build_model
from tsestudio.training.checkpoint import FORMAT, load_model_state, model_state, write_atomic
from tsestudio.training.errors import TrainingError


def checkpoint_from_torchscript(torchscript: Path) -> dict:
    """A ``weights`` checkpoint (see checkpoint.py) holding the model of ``torchscript`` and its card's step."""
    card_path = torchscript.with_suffix(".json")
    if not card_path.is_file():
        raise TrainingError(f"{card_path}: model card not found beside {torchscript.name}")
    card = json.loads(card_path.read_text())
    try:
        scripted = torch.jit.load(str(torchscript), map_location="cpu")
    except Exception as error:  # TorchScript raises plain RuntimeErrors for missing or corrupt files
        raise TrainingError(f"{torchscript}: not a loadable TorchScript model ({str(error).splitlines()[0][:120]})")
    model = build_model(card["model_name"], **card["model_args"])
    # Loading through the eager model checks that every tensor has the name and shape the trainer expects.
    load_model_state(model, scripted.state_dict(), str(torchscript))
    config = dict(card.get("config") or {})
    steps = int(card.get("steps", 0))
    steps_per_epoch = int(config.get("steps_per_epoch") or 0)
    return {
        "format": FORMAT,
        "variant": "weights",
        "model_name": card["model_name"],
        "model_args": dict(model.model_args),
        "sample_rate": int(card["sample_rate"]),
        "model": model_state(model, "float32"),
        "optimizer": None,
        "scheduler": {},
        "step": steps,
        "epoch": steps // steps_per_epoch if steps_per_epoch else 0,
        "rng": [],
        "data_position": {},
        "config": config,
        "best_metric": None,
        "epochs_without_improvement": 0,
        "training_data": card.get("training_data") or [],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.training.from_torchscript", description=__doc__.split("\n\n")[0])
    parser.add_argument("torchscript", type=Path, help="a model file with its card (<name>.json) beside it")
    parser.add_argument("--out", type=Path, required=True, help="checkpoint to write (atomically)")
    args = parser.parse_args(argv)
    try:
        payload = checkpoint_from_torchscript(args.torchscript)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(args.out, payload)
    except (TseError, KeyError, ValueError) as error:
        print(f"error: {args.torchscript}: {error}", file=sys.stderr)
        return 2
    print(f"{args.out}: {payload['model_name']} at step {payload['step']} (weights only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
