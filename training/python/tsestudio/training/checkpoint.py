"""Checkpoint files: atomic writes, safe loading, compact variants and splitting for transfer.

A checkpoint is a dict (see docs/INTERFACES.md) with ``model_name`` and ``model_args``, so
``rebuild_model(load_checkpoint(p))`` needs nothing but the file. Variants:
- ``full``: everything in float32; resuming from it reproduces the uninterrupted run exactly.
- ``compact``: the AdamW moments stored in bfloat16 (about half the size of ``full``); resumes closely.
- ``weights``: no optimizer state; resuming re-warms the learning rate for ``rewarm_steps``.
``checkpoint_weights_dtype: bfloat16`` also halves the weights of the two smaller variants.

The GPU machine returns files of at most 16 MiB: ``python -m tsestudio.training.checkpoint split last.pt``
writes ``last.pt.part000``, ... and ``load_checkpoint("last.pt")`` reads such parts when the file is absent.
``... checkpoint shrink last.pt --out small.pt --variant compact`` makes a smaller copy of a full checkpoint.
"""

import argparse
import io
import os
import sys
from pathlib import Path
from typing import Any, Dict, List

import torch

from tsestudio.errors import TseError
from tsestudio.training.errors import TrainingError

FORMAT = "tsestudio-train-1"
# torch 1.13's restricted unpickler cannot read floats (pickle opcode BINFLOAT), so the safe loader is used from
# torch 2 on, where it is complete (and the default); every checkpoint written here holds only types it accepts.
SAFE_LOAD = int(torch.__version__.split(".")[0]) >= 2
REQUIRED = ("model_name", "model_args", "model", "step", "epoch", "config")


def write_atomic(path: Path, payload: Any) -> None:
    """torch.save to a temporary file in the same folder, fsync, then rename over ``path``."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(temp, "wb") as handle:
            torch.save(payload, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()


def _parts(path: Path) -> List[Path]:
    return sorted(path.parent.glob(path.name + ".part[0-9][0-9][0-9]"))


def checkpoint_exists(path: Path) -> bool:
    """True when the file or its ``.partNNN`` pieces are there."""
    return Path(path).exists() or bool(_parts(Path(path)))


def checkpoint_source(path: Path) -> Any:
    """What ``torch.load`` reads for ``path``: the file, or its ``.partNNN`` pieces joined; None if neither."""
    path = Path(path)
    if path.exists():
        return str(path)
    parts = _parts(path)
    return io.BytesIO(b"".join(part.read_bytes() for part in parts)) if parts else None


def load_checkpoint(path: Path) -> Dict[str, Any]:
    """Load a checkpoint (or its ``.partNNN`` pieces) on the CPU without running pickled code."""
    path = Path(path)
    try:
        source = checkpoint_source(path)
        if source is None:
            raise TrainingError(f"{path}: checkpoint not found")
        checkpoint = torch.load(source, map_location="cpu", weights_only=SAFE_LOAD)
    except TrainingError:
        raise
    except Exception as error:  # torch raises many types for truncated or foreign files
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise TrainingError(f"{path}: not a readable checkpoint ({detail[:160]})") from error
    if not isinstance(checkpoint, dict) or any(key not in checkpoint for key in REQUIRED):
        raise TrainingError(f"{path}: not a training checkpoint (needs keys {', '.join(REQUIRED)})")
    return checkpoint


def model_state(model: torch.nn.Module, weights_dtype: str) -> Dict[str, torch.Tensor]:
    dtype = torch.bfloat16 if weights_dtype == "bfloat16" else None
    state = {}
    for name, tensor in model.state_dict().items():
        tensor = tensor.detach().to("cpu", copy=True)
        state[name] = tensor.to(dtype) if dtype is not None and tensor.is_floating_point() else tensor
    return state


def optimizer_state(optimizer: torch.optim.Optimizer, moments_dtype: torch.dtype) -> Dict[str, Any]:
    """The optimizer's state dict on the CPU with its moment tensors in ``moments_dtype``."""
    state = optimizer.state_dict()
    compact = {}
    for index, slots in state["state"].items():
        compact[index] = {
            key: (value.detach().to("cpu", moments_dtype) if torch.is_tensor(value) and value.dim() > 0 else value)
            for key, value in slots.items()
        }
    return {"state": compact, "param_groups": state["param_groups"]}


def load_model_state(model: torch.nn.Module, state: Dict[str, torch.Tensor], source: str) -> None:
    """Load weights saved in any float dtype into the model's own dtypes; a mismatch is a one-line error."""
    own = model.state_dict()
    missing = sorted(set(own) - set(state))
    unexpected = sorted(set(state) - set(own))
    if missing or unexpected:
        names = (missing + unexpected)[:3]
        raise TrainingError(f"{source}: weights do not fit the model (differing tensors: {', '.join(names)})")
    converted = {}
    for name, tensor in state.items():
        if tensor.shape != own[name].shape:
            raise TrainingError(
                f"{source}: tensor {name} has shape {tuple(tensor.shape)}, the model needs {tuple(own[name].shape)}"
            )
        converted[name] = tensor.to(own[name].dtype)
    model.load_state_dict(converted)


def rebuild_model(checkpoint: Dict[str, Any], source: str = "checkpoint") -> torch.nn.Module:
    """Build the model named in the checkpoint with its stored arguments and load its weights."""
    from tsestudio.models.registry import build_model

    try:
        model = build_model(checkpoint["model_name"], **checkpoint["model_args"])
    except (TseError, TypeError, ValueError) as error:
        raise TrainingError(f"{source}: cannot rebuild model {checkpoint['model_name']!r} ({error})") from error
    load_model_state(model, checkpoint["model"], source)
    return model


def shrink(checkpoint: Dict[str, Any], variant: str, weights_dtype: str) -> Dict[str, Any]:
    """A ``compact`` or ``weights`` copy of a loaded checkpoint (e.g. of a full last.pt kept on the GPU machine
    between calls, to bring back within the transfer limits)."""
    if variant not in ("compact", "weights"):
        raise TrainingError(f"variant must be compact or weights, not {variant!r}")
    dtype = torch.bfloat16 if weights_dtype == "bfloat16" else torch.float32
    smaller = dict(checkpoint, variant=variant)
    smaller["model"] = {name: (t.to(dtype) if t.is_floating_point() else t) for name, t in checkpoint["model"].items()}
    optimizer = checkpoint.get("optimizer")
    if variant == "weights" or optimizer is None:
        smaller["optimizer"] = None
    else:
        moments = {index: {key: (v.to(torch.bfloat16) if torch.is_tensor(v) and v.dim() > 0 else v)
                           for key, v in slots.items()} for index, slots in optimizer["state"].items()}
        smaller["optimizer"] = {"state": moments, "param_groups": optimizer["param_groups"]}
    return smaller


def split_file(path: Path, part_mib: float) -> List[Path]:
    """Cut ``path`` into ``path.part000``, ... of at most ``part_mib`` MiB each (written atomically)."""
    data = Path(path).read_bytes()
    size = max(1, int(part_mib * 1024 * 1024))
    written = []
    for number, start in enumerate(range(0, len(data), size)):
        part = Path(f"{path}.part{number:03d}")
        temp = part.with_name(f".{part.name}.tmp-{os.getpid()}")
        temp.write_bytes(data[start:start + size])
        os.replace(temp, part)
        written.append(part)
    return written


def main(argv: List[str] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.training.checkpoint", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    split = commands.add_parser("split", help="cut a checkpoint into parts for transfer")
    split.add_argument("file", type=Path)
    split.add_argument("--mib", type=float, default=15.0)
    info = commands.add_parser("info", help="print what a checkpoint (or its parts) holds")
    info.add_argument("file", type=Path)
    small = commands.add_parser("shrink", help="write a compact or weights-only copy of a checkpoint")
    small.add_argument("file", type=Path)
    small.add_argument("--out", type=Path, required=True)
    small.add_argument("--variant", choices=("compact", "weights"), default="compact")
    small.add_argument("--weights-dtype", choices=("float32", "bfloat16"), default="float32")
    args = parser.parse_args(argv)
    try:
        if args.command == "shrink":
            if args.out.resolve() == args.file.resolve():
                raise TrainingError(f"{args.out}: refusing to overwrite the input checkpoint")
            write_atomic(args.out, shrink(load_checkpoint(args.file), args.variant, args.weights_dtype))
            print(f"{args.out}: {args.out.stat().st_size / 2**20:.1f} MiB")
        elif args.command == "split":
            if not args.file.is_file():
                raise TrainingError(f"{args.file}: file not found")
            for part in split_file(args.file, args.mib):
                print(part)
        else:
            checkpoint = load_checkpoint(args.file)
            print(
                f"{args.file}: model {checkpoint['model_name']} {checkpoint['model_args']}, "
                f"step {checkpoint['step']}, epoch {checkpoint['epoch']}, variant {checkpoint.get('variant')}, "
                f"best {checkpoint.get('best_metric')}"
            )
    except (TrainingError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
