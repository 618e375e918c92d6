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


def uses_cuda_graphs(mode: str) -> bool:
    return mode in ("reduce-overhead", "max-autotune")


def guarded_steps(mode: str) -> int:
    """Steps in which compiling can still fail (CUDA-graph trees warm up, record, then replay from the third)."""
    return 3 if uses_cuda_graphs(mode) else 1


def compile_for_training(model: nn.Module, mode: str = "default") -> nn.Module:
    """A compiled view of `model` (same parameters, so checkpoints and validation use `model` unchanged).

    The scan has no host synchronisation, so the CUDA-graph modes can record the whole forward and backward.
    """
    from tsestudio.kernels import ssd_op

    ssd.COMPILED_SCAN["op"] = ssd_op.scan_op()
    return torch.compile(model, dynamic=False, mode=None if mode == "default" else mode)


def begin_graph_step() -> None:
    """Tell CUDA-graph trees that a new training step starts, so the previous step's outputs may be reused."""
    mark = getattr(getattr(torch, "compiler", None), "cudagraph_mark_step_begin", None)
    if mark is not None:
        mark()


def stop_compiling() -> None:
    """Back to the eager autograd.Function scan (after a compile failure)."""
    ssd.COMPILED_SCAN["op"] = None
