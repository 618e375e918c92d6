"""The fused Triton scan as a PyTorch custom operator, so that `torch.compile` can fuse the rest of the model.

`ssd_triton.ssd_scan_triton` is an autograd.Function whose launches Dynamo cannot trace: under torch.compile
each of v8's 20 scans would break the graph. Registered as `tsestudio::ssd_scan` (with a shape-only "fake"
implementation and its backward as a second operator) the scan is one opaque node, and Inductor fuses what
lies between scans (RMSNorms in float32, SiLU gates, softplus, FiLM, flips and residual adds), which is where
most of a v8 step goes once the scan is fused (kernels/NOTES.md: the scan-free model costs 86-91 ms of a
112-115 ms eager step).

Needs torch >= 2.4 (torch.library.custom_op) and CUDA; `available()` says whether it can be used. The eager
trainer keeps the autograd.Function path; this one is only switched in by `compiled.compile_for_training`.
"""
from typing import Tuple

import torch
from torch import Tensor

from tsestudio.kernels.ssd_triton import _backward, _check, _forward, kernel_chunk


def available() -> bool:
    return hasattr(torch, "library") and hasattr(torch.library, "custom_op") and torch.cuda.is_available()


def _register():
    @torch.library.custom_op("tsestudio::ssd_scan", mutates_args=())
    def ssd_scan_op(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor, chunk_size: int) -> Tensor:
        _check(x, dt, A, B, C)
        return _forward(x, dt, A.contiguous(), B, C, kernel_chunk(chunk_size))

    @ssd_scan_op.register_fake
    def _(x, dt, A, B, C, chunk_size):
        return x.new_empty(x.shape)  # _forward allocates a contiguous y in x's dtype

    @torch.library.custom_op("tsestudio::ssd_scan_backward", mutates_args=())
    def ssd_scan_backward_op(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor, dy: Tensor,
                             chunk_size: int) -> Tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
        dx, ddt, dA, dB, dC = _backward(x, dt, A.contiguous(), B, C, dy, kernel_chunk(chunk_size))
        # dB and dC come back as two views of one buffer; an operator's outputs must not share storage.
        return dx, ddt, dA, dB.clone(), dC.clone()

    @ssd_scan_backward_op.register_fake
    def _(x, dt, A, B, C, dy, chunk_size):
        return (x.new_empty(x.shape), dt.new_empty(dt.shape), A.new_empty(A.shape), B.new_empty(B.shape),
                C.new_empty(C.shape))

    def setup_context(ctx, inputs, output):
        x, dt, A, B, C, chunk_size = inputs
        ctx.save_for_backward(x, dt, A, B, C)
        ctx.chunk_size = chunk_size

    def backward(ctx, dy):
        x, dt, A, B, C = ctx.saved_tensors
        return ssd_scan_backward_op(x, dt, A, B, C, dy, ctx.chunk_size) + (None,)

    ssd_scan_op.register_autograd(backward, setup_context=setup_context)
    return ssd_scan_op


_OP = None


def scan_op():
    """The registered operator (registered on first use: registration is global and happens once)."""
    global _OP
    if _OP is None:
        _OP = _register()
    return _OP
