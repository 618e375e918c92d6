"""Fused Mamba-2 SSD scan in Triton, forward and backward: the CUDA path of `tsestudio.models.ssd.ssd_scan`.

Same function and signature as `ssd_scan_ref(x, dt, A, B, C, chunk_size)`: x [b, l, h, p], dt [b, l, h] > 0,
A [h] < 0, B and C [b, l, n] shared by all heads, zero initial state, any l, y [b, l, h, p] in x's dtype.

Chunked like mamba_ssm's SSD kernels, cut down to one B/C group and whole head_dim/state_dim tiles:
  forward   1. chunk_state_kernel   each chunk's own end state L_c and log decay total T_c
            2. state_pass_kernel    entering states S_in(c), sequential over chunks only (in place)
            3. chunk_output_kernel  y = intra-chunk quadratic form + exp(cs) C S_in
  backward  1. chunk_state_kernel   L_c again, plus G_c = sum_i exp(cs_i) dy_i C_i^T
            2. state_pass_kernel    S_in(c) again, then back: dS_out(c) and the state terms of dT_c
            3. chunk_backward_kernel  dx, ddt, dA, dB, dC of each chunk in one pass
The forward keeps nothing but its inputs for the backward (the chunk states are recomputed, which costs one
cheap kernel), so a layer's scan holds no activation memory beyond x, dt, B, C themselves. The only
intermediates are float32 chunk states, the size of x times n / chunk (x 2 for fp32 over bf16).

The result does not depend on the chunk length, so the kernel uses the caller's chunk_size when it is 16, 32
or 64 and 64 otherwise (tiles are powers of two of at least 16, and 128-step chunks overflow registers in
the backward). float64 inputs go to `ssd_scan_ref` (the kernels run in float32 and bf16/fp16).
"""
import torch
import triton
from torch import Tensor

from tsestudio.kernels.launch import launch
from tsestudio.kernels.ssd_triton_kernels import (chunk_backward_kernel, chunk_output_kernel, chunk_state_kernel,
                                                  state_pass_kernel)

LAUNCHED = {}  # kernel name -> its last compiled launch (registers, spills, shared memory for the benchmark)
# Launch settings (the benchmark's --sweep tries others): warps per program, and the elements of p*n that one
# state-passing program carries (16 programs per batch and head at p = n = 64).
NUM_WARPS = {"chunk_state": 4, "state_pass": 4, "chunk_output": 4, "chunk_backward": 4}
PASS_BLOCK = {"size": 256}


def kernel_chunk(chunk_size: int) -> int:
    """The chunk length the kernels run with for a requested chunk_size (same result, see module doc)."""
    return chunk_size if chunk_size in (16, 32, 64) else 64


def _dot_precision(dtype: torch.dtype) -> str:
    # fp32 operands: exact fp32 products unless the user allowed tf32 for matmuls (as torch's own matmul
    # does); other dtypes use the tensor cores whatever this says.
    if dtype == torch.float32 and not torch.backends.cuda.matmul.allow_tf32:
        return "ieee"
    return "tf32"


def _check(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor) -> None:
    if x.dim() != 4:
        raise ValueError(f"ssd_scan_triton: x must be [batch, length, heads, head_dim], got {tuple(x.shape)}")
    batch, length, heads, _ = x.shape
    if tuple(dt.shape) != (batch, length, heads):
        raise ValueError(f"ssd_scan_triton: dt must be {(batch, length, heads)}, got {tuple(dt.shape)}")
    if tuple(A.shape) != (heads,):
        raise ValueError(f"ssd_scan_triton: A must be ({heads},), got {tuple(A.shape)}")
    if B.dim() != 3 or tuple(B.shape[:2]) != (batch, length) or B.shape != C.shape:
        raise ValueError(f"ssd_scan_triton: B and C must both be [{batch}, {length}, state_dim], "
                         f"got {tuple(B.shape)} and {tuple(C.shape)}")
    for name, t in (("x", x), ("dt", dt), ("A", A), ("B", B), ("C", C)):
        if not t.is_cuda or t.device != x.device:
            raise ValueError(f"ssd_scan_triton: {name} must be on x's CUDA device, it is on {t.device}")


def _sizes(x: Tensor, B: Tensor, q: int):
    batch, length, heads, head_dim = x.shape
    state_dim = B.shape[-1]
    return (batch, length, heads, head_dim, state_dim, triton.cdiv(length, q),
            max(16, triton.next_power_of_2(head_dim)), max(16, triton.next_power_of_2(state_dim)))


def _chunk_states(x, dt, A, B, dy, C, q, with_grad):
    """Entering states S_in [b, c, h, p, n] and totals T [b, h, c]; with dy also dS_out and dT's state terms."""
    batch, length, heads, head_dim, state_dim, chunks, bp, bn = _sizes(x, B, q)
    states = torch.empty(batch, chunks, heads, head_dim, state_dim, device=x.device, dtype=torch.float32)
    gstates = torch.empty_like(states) if with_grad else states
    totals = torch.empty(batch, heads, chunks, device=x.device, dtype=torch.float32)
    if dy is None:
        dy, C = x, B  # not read when WITH_GRAD is off; any tensor of the right kind will do
    LAUNCHED["chunk_state" + ("_grad" if with_grad else "")] = launch(
        chunk_state_kernel, (batch * chunks, heads),
        (x, dt, A, B, dy, C, states, gstates, totals, length, chunks, heads, head_dim, state_dim,
         *x.stride(), *dt.stride(), *B.stride(), *dy.stride(), *C.stride()),
        NUM_WARPS["chunk_state"], Q=q, BP=bp, BN=bn, WITH_GRAD=with_grad, PREC=_dot_precision(x.dtype))
    size = head_dim * state_dim
    block = PASS_BLOCK["size"]
    nblocks = triton.cdiv(size, block)
    dtotals = torch.empty(batch, heads, chunks, nblocks, device=x.device, dtype=torch.float32) if with_grad else totals
    LAUNCHED["state_pass" + ("_bwd" if with_grad else "")] = launch(
        state_pass_kernel, (batch * heads, nblocks), (states, gstates, totals, dtotals, chunks, heads, size, nblocks),
        NUM_WARPS["state_pass"], BLOCK=block, BACKWARD=with_grad)
    return states, gstates, dtotals


def _forward(x, dt, A, B, C, q):
    batch, length, heads, head_dim, state_dim, chunks, bp, bn = _sizes(x, B, q)
    states, _, _ = _chunk_states(x, dt, A, B, None, None, q, False)
    y = torch.empty(batch, length, heads, head_dim, device=x.device, dtype=x.dtype)
    LAUNCHED["chunk_output"] = launch(
        chunk_output_kernel, (batch * chunks, heads),
        (x, dt, A, B, C, states, y, length, chunks, heads, head_dim, state_dim,
         *x.stride(), *dt.stride(), *B.stride(), *C.stride(), *y.stride()),
        NUM_WARPS["chunk_output"], Q=q, BP=bp, BN=bn, PREC=_dot_precision(x.dtype))
    return y


def _backward(x, dt, A, B, C, dy, q):
    batch, length, heads, head_dim, state_dim, chunks, bp, bn = _sizes(x, B, q)
    states, gstates, dtotals = _chunk_states(x, dt, A, B, dy, C, q, True)
    nblocks = dtotals.shape[-1]
    dx = torch.empty(batch, length, heads, head_dim, device=x.device, dtype=x.dtype)
    ddt = torch.empty(batch, length, heads, device=x.device, dtype=torch.float32)
    dA = torch.empty(batch, chunks, heads, device=x.device, dtype=torch.float32)
    dbc = torch.empty(2, batch, length, heads, state_dim, device=x.device, dtype=torch.float32)  # dB, dC per head
    LAUNCHED["chunk_backward"] = launch(
        chunk_backward_kernel, (batch * chunks, heads),
        (x, dt, A, B, C, dy, states, gstates, dtotals, dx, ddt, dA, dbc[0], dbc[1],
         length, chunks, heads, head_dim, state_dim, nblocks,
         *x.stride(), *dt.stride(), *B.stride(), *C.stride(), *dy.stride()),
        NUM_WARPS["chunk_backward"], Q=q, BP=bp, BN=bn, NBLK=max(16, triton.next_power_of_2(nblocks)),
        PREC=_dot_precision(x.dtype))
    # B and C are shared by the heads: their gradients are the sums of the per-head parts (one reduction).
    dbc = dbc.sum(dim=3)
    dB, dC = (dbc.to(B.dtype).unbind(0) if B.dtype == C.dtype else (dbc[0].to(B.dtype), dbc[1].to(C.dtype)))
    return dx, ddt.to(dt.dtype), dA.sum(dim=(0, 1)).to(A.dtype), dB, dC


class _SsdScan(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, dt, A, B, C, chunk_size):
        q = kernel_chunk(chunk_size)
        ctx.save_for_backward(x, dt, A, B, C)
        ctx.q = q
        return _forward(x, dt, A, B, C, q)

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, dy):
        x, dt, A, B, C = ctx.saved_tensors
        grads = _backward(x, dt, A, B, C, dy, ctx.q)
        return tuple(g if need else None for g, need in zip(grads, ctx.needs_input_grad[:5])) + (None,)


def ssd_scan_triton(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor, chunk_size: int) -> Tensor:
    """Fused SSD scan on CUDA (differentiable in x, dt, A, B, C). Same contract as `ssd_scan_ref`."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be positive")
    _check(x, dt, A, B, C)
    if x.dtype == torch.float64 or x.numel() == 0 or B.shape[-1] == 0:
        from tsestudio.models.ssd import ssd_scan_ref  # no float64 tensor-core path; nothing to do for empty

        return ssd_scan_ref(x, dt, A, B, C, chunk_size)
    return _SsdScan.apply(x, dt, A.contiguous(), B, C, chunk_size)
