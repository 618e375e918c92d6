"""Export a model as TorchScript with its model card and a parity fixture.

    python -m tsestudio.export --checkpoint CKPT --out-dir DIR --name v8
    python -m tsestudio.export --random-init --model v8 [--set stride=8 --set stage_dims=[64,96]] --out-dir DIR

Writes DIR/<name>.pt (torch.jit.script, saved atomically), DIR/<name>.json (model card, fields in
docs/INTERFACES.md) and the parity fixture (see parity.py). The random-init mode exports an untrained model so
that the Java side can be tested before trained models exist.
"""
import argparse
import datetime
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import torch

from tsestudio import atomic_files
from tsestudio.errors import TseError
from tsestudio.models.registry import build_model, reference_limits
from tsestudio.parity import parity_inputs, write_parity_fixture
from tsestudio.training.checkpoint import checkpoint_source

REQUIRED_CHECKPOINT_KEYS = ("model_name", "model_args", "model")


def load_checkpoint(path: Path) -> Dict[str, Any]:
    """A checkpoint file, or the ``.partNNN`` pieces the GPU machine sends back in its place."""
    source = checkpoint_source(path)
    if source is None:
        raise TseError(f"{path}: checkpoint not found")
    try:
        # Our own training checkpoints also hold optimiser/RNG state and config: not weights-only.
        ckpt = torch.load(source, map_location="cpu", weights_only=False)
    except Exception as err:
        raise TseError(f"{path}: cannot read checkpoint ({type(err).__name__}: {err})") from err
    if not isinstance(ckpt, dict) or any(k not in ckpt for k in REQUIRED_CHECKPOINT_KEYS):
        raise TseError(f"{path}: not a TSE Studio checkpoint (needs keys {', '.join(REQUIRED_CHECKPOINT_KEYS)})")
    return ckpt


def _clean_state_dict(state: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
    # Weights saved from torch.compile or DDP wrappers carry a prefix on every key.
    cleaned = {}
    for key, value in state.items():
        for prefix in ("_orig_mod.", "module."):
            if key.startswith(prefix):
                key = key[len(prefix):]
        cleaned[key] = value
    return cleaned


def model_from_checkpoint(ckpt: Dict[str, Any], path: Path) -> torch.nn.Module:
    try:
        model = build_model(ckpt["model_name"], **ckpt["model_args"])
    except TseError as err:
        raise TseError(f"{path}: {err}") from err
    result = model.load_state_dict(_clean_state_dict(ckpt["model"]), strict=False)
    if result.missing_keys or result.unexpected_keys:
        raise TseError(
            f"{path}: weights do not fit model {ckpt['model_name']} with its model_args "
            f"(missing {result.missing_keys[:3]}, unexpected {result.unexpected_keys[:3]})"
        )
    return model


def parse_overrides(pairs: List[str]) -> Dict[str, Any]:
    """--set key=value pairs; values are JSON (numbers, lists, true/false), anything else is a string."""
    overrides = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key:
            raise TseError(f"--set {pair}: expected key=value")
        try:
            overrides[key] = json.loads(text)
        except json.JSONDecodeError:
            overrides[key] = text
    return overrides


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def export(model: torch.nn.Module, out_dir: Path, name: str, card_fields: Dict[str, Any]) -> Dict[str, Any]:
    """Scripts and saves the model, checks the saved file against eager mode, writes fixture and card."""
    out_dir.mkdir(parents=True, exist_ok=True)
    model = model.float().eval()
    scripted = torch.jit.script(model)
    pt_path = out_dir / f"{name}.pt"
    with atomic_files.atomic_path(pt_path) as tmp:
        torch.jit.save(scripted, str(tmp))
        loaded = torch.jit.load(str(tmp), map_location="cpu")
        _check_against_eager(model, loaded, pt_path)
    write_parity_fixture(loaded, out_dir, name, model.sample_rate)
    card = {
        "name": name,
        "version": card_fields["version"],
        "sample_rate": model.sample_rate,
        "parameters": sum(p.numel() for p in model.parameters()),
        "model_args": model.model_args,
        "config": card_fields.get("config", {}),
        "training_data": card_fields.get("training_data", []),
        "steps": card_fields.get("steps", 0),
        "metrics": card_fields.get("metrics", {}),
        "sha256": sha256_of(pt_path),
        "reference": reference_limits(model),
        "model_name": card_fields["model_name"],
        "exported": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "torch_version": torch.__version__,
        "parity_fixture": f"{name}.parity.json",
    }
    atomic_files.write_json(out_dir / f"{name}.json", card)
    return card


def _check_against_eager(model: torch.nn.Module, loaded: torch.nn.Module, pt_path: Path) -> None:
    mixture, reference = parity_inputs(model.sample_rate)
    with torch.no_grad():
        diff = (model(mixture, reference) - loaded(mixture, reference)).abs().max().item()
    if diff > 1e-5:
        raise TseError(f"{pt_path}: saved TorchScript output differs from the eager model by {diff:.2e}")


def _card_fields_from_checkpoint(ckpt: Dict[str, Any], version: Optional[str]) -> Dict[str, Any]:
    config = ckpt.get("config") or {}
    metrics = ckpt.get("metrics")
    if metrics is None:
        metrics = {"best_metric": ckpt["best_metric"]} if ckpt.get("best_metric") is not None else {}
    training_data = ckpt.get("training_data") or (config.get("training_data") if isinstance(config, dict) else None)
    return {
        "model_name": ckpt["model_name"],
        "version": version or f"step-{ckpt.get('step', 0)}",
        "config": config,
        "training_data": training_data or [],
        "steps": int(ckpt.get("step", 0)),
        "metrics": metrics,
    }


def run(argv: Optional[List[str]] = None) -> Dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.export", description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--checkpoint", type=Path, help="training checkpoint (.pt) to export")
    source.add_argument("--random-init", action="store_true", help="export an untrained model of --model")
    parser.add_argument("--model", help="model name for --random-init (v7, v8)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="model argument override")
    parser.add_argument("--seed", type=int, default=0, help="weight seed for --random-init")
    parser.add_argument("--out-dir", type=Path, required=True)
    parser.add_argument("--name", help="file name stem (default: the model name)")
    parser.add_argument("--version", help="model card version (default: step-<step> or 'untrained')")
    parser.add_argument("--progress", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)

    if args.random_init:
        if not args.model:
            raise TseError("--random-init needs --model (v7 or v8)")
        torch.manual_seed(args.seed)
        model = build_model(args.model, **parse_overrides(args.set))
        fields = {"model_name": args.model, "version": args.version or "untrained",
                  "config": {"random_init_seed": args.seed}}
    else:
        if args.set:
            raise TseError("--set only applies to --random-init (a checkpoint fixes its model arguments)")
        ckpt = load_checkpoint(args.checkpoint)
        if (args.out_dir / f"{args.name or ckpt['model_name']}.pt").resolve() == args.checkpoint.resolve():
            raise TseError(f"{args.checkpoint}: refusing to overwrite the checkpoint with the exported model")
        model = model_from_checkpoint(ckpt, args.checkpoint)
        fields = _card_fields_from_checkpoint(ckpt, args.version)
    name = args.name or fields["model_name"]
    card = export(model, args.out_dir, name, fields)
    _report(args.progress, {"event": "done", "model": str(args.out_dir / f"{name}.pt"),
                            "parameters": card["parameters"], "sha256": card["sha256"]})
    return card


def _report(mode: str, event: Dict[str, Any]) -> None:
    if mode == "json":
        print(json.dumps(event), flush=True)
    elif event["event"] == "done":
        print(f"exported {event['model']} ({event['parameters']} parameters, sha256 {event['sha256']})")
    else:
        print(f"error: {event['message']}", file=sys.stderr)


def main(argv: Optional[List[str]] = None) -> int:
    peek = argparse.ArgumentParser(add_help=False)
    peek.add_argument("--progress", default="text")
    mode = peek.parse_known_args(argv)[0].progress
    try:
        run(argv)
        return 0
    except TseError as err:
        _report(mode, {"event": "error", "message": str(err)})
        return 2
    except Exception as err:  # a bug, not bad input: still one line for the user, not a stack trace
        _report(mode, {"event": "error", "message": f"export failed: {type(err).__name__}: {err}"})
        return 1


if __name__ == "__main__":
    sys.exit(main())
