"""Capture and restore every random number generator a training step can touch.

States are kept as plain ints, tuples and tensors so that a checkpoint loads with ``torch.load(...,
weights_only=True)``: a file brought back from another machine never needs to run pickled code.
"""

import random
from typing import Any, Dict, Optional

import numpy as np
import torch


def capture_rng(device: Optional[torch.device] = None) -> Dict[str, Any]:
    kind, keys, pos, has_gauss, cached = np.random.get_state()
    state: Dict[str, Any] = {
        "python": random.getstate(),
        "numpy": {
            "kind": kind,
            "keys": torch.from_numpy(keys.astype(np.int64)),
            "pos": int(pos),
            "has_gauss": int(has_gauss),
            "cached_gaussian": float(cached),
        },
        "torch": torch.get_rng_state(),
    }
    if device is not None and device.type == "cuda":
        state["cuda"] = torch.cuda.get_rng_state(device)
    return state


def restore_rng(state: Dict[str, Any], device: Optional[torch.device] = None) -> None:
    version, internal, gauss = state["python"]
    random.setstate((version, tuple(internal), gauss))
    saved = state["numpy"]
    np.random.set_state(
        (
            saved["kind"],
            saved["keys"].numpy().astype(np.uint32),
            saved["pos"],
            saved["has_gauss"],
            saved["cached_gaussian"],
        )
    )
    torch.set_rng_state(state["torch"])
    if device is not None and device.type == "cuda" and "cuda" in state:
        torch.cuda.set_rng_state(state["cuda"], device)


def derive_seed(*parts: int) -> int:
    """A 63-bit seed from several integers (base seed, rank, step, worker), stable across runs and machines."""
    mixed = np.random.SeedSequence([int(p) & 0xFFFFFFFFFFFFFFFF for p in parts]).generate_state(2, np.uint32)
    return int((int(mixed[0]) << 31) ^ int(mixed[1])) & 0x7FFFFFFFFFFFFFFF
