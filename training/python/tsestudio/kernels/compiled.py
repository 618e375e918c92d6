"""torch.compile for training on CUDA: the Triton scan as an opaque operator, everything else fused by Inductor.

Shapes are fixed in training (dynamic mixing yields batches of one segment and one reference length), so the
model is compiled once, without dynamic shapes, at the first step (about a minute; later steps reuse it).
"""
import torch
from torch import nn

from tsestudio.models import ssd


def can_compile(device: torch.device) -> bool:
    if device.type != "cuda" or not hasattr(torch, "compile") or not ssd._triton_available():
        return False  # checked first: the operator module needs triton to import
    from tsestudio.kernels import ssd_op

    return ssd_op.available()


def compile_for_training(model: nn.Module) -> nn.Module:
    """A compiled view of `model` (same parameters, so checkpoints and validation use `model` unchanged)."""
    from tsestudio.kernels import ssd_op

    ssd.COMPILED_SCAN["op"] = ssd_op.scan_op()
    return torch.compile(model, dynamic=False)


def stop_compiling() -> None:
    """Back to the eager autograd.Function scan (after a compile failure)."""
    ssd.COMPILED_SCAN["op"] = None
