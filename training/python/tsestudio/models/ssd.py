"""Mamba-2 state-space duality (SSD) scan in plain PyTorch.

Recurrence (per batch b, head h; state S is [p, n]):
    S_t = exp(dt_t * A) * S_{t-1} + dt_t * x_t B_t^T,      y_t = S_t C_t
with x [b, l, h, p], dt [b, l, h] (positive), A [h] (negative), B and C [b, l, n] (one group shared by all
heads), zero initial state. `ssd_recurrence` runs it step by step (the oracle); `ssd_scan_ref` computes the
same thing chunk-wise: a masked quadratic form inside each chunk, and chunk-end states carried from chunk to
chunk. Everything here is TorchScript-safe and uses only ops that exist in torch 1.13, so exported models run
in libtorch 2.7 (DJL).
"""
from typing import List

import torch
import torch.nn.functional as F
from torch import Tensor


def _accumulation_dtype(x: Tensor) -> torch.dtype:
    # Decays are exponentials of sums: keep them in float32 even when the caller runs in bf16/fp16.
    return torch.float64 if x.dtype == torch.float64 else torch.float32


def _segment_sum(a: Tensor) -> Tensor:
    """a [..., q] -> [..., q, q] with out[..., i, j] = a[j+1] + ... + a[i] for i >= j, -inf above the diagonal.

    Computed as a cumulative sum of a masked copy rather than as cumsum[i] - cumsum[j]: the difference of two
    large cumulative sums loses the small segment sums to cancellation, the masked cumsum never forms them.
    """
    q = a.size(-1)
    rows = a.unsqueeze(-1).expand(list(a.size()) + [q])  # rows[..., k, j] = a[k]
    after_j = torch.tril(torch.ones(q, q, dtype=torch.bool, device=a.device), diagonal=-1)  # k > j
    seg = torch.cumsum(rows.masked_fill(~after_j, 0.0), dim=-2)  # sum over j < k <= i
    causal = torch.tril(torch.ones(q, q, dtype=torch.bool, device=a.device), diagonal=0)
    return seg.masked_fill(~causal, float("-inf"))


def _carry_states_loop(states: Tensor, totals: Tensor) -> Tensor:
    """states [b, c, h, p, n] (each chunk's own end state), totals [b, c, h] -> entering states [b, c, h, p, n].

    O(c) state updates, run one after another: the cheap form on CPU, where the O(c^2) matrix form dominated
    inference time for long inputs.
    """
    decay = torch.exp(totals).unsqueeze(-1).unsqueeze(-1)  # [b, c, h, 1, 1]
    carried: List[Tensor] = []
    state = torch.zeros_like(states[:, 0])
    for k in range(states.size(1)):
        carried.append(state)
        state = state * decay[:, k] + states[:, k]
    return torch.stack(carried, dim=1)


def _carry_states_matrix(states: Tensor, totals: Tensor) -> Tensor:
    """Same result as `_carry_states_loop` as one masked matrix product over chunks: on a GPU a few large
    kernels beat a Python-level loop of small ones."""
    batch, chunks, heads, head_dim, state_dim = (
        states.size(0), states.size(1), states.size(2), states.size(3), states.size(4))
    decay = torch.exp(_segment_sum(totals.transpose(1, 2)))  # [b, h, c, c]: chunk j's state seen after chunk i
    flat = states.permute(0, 2, 1, 3, 4).reshape(batch, heads, chunks, head_dim * state_dim)
    after = torch.matmul(decay, flat)  # [b, h, c, p*n]: state at the end of each chunk
    entering = F.pad(after, [0, 0, 1, 0])[:, :, :chunks]  # shift by one chunk; zero before the first
    return entering.view(batch, heads, chunks, head_dim, state_dim).permute(0, 2, 1, 3, 4)


def ssd_scan_ref(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor, chunk_size: int) -> Tensor:
    """Chunked SSD scan; any sequence length (padded to a chunk multiple inside). Returns y [b, l, h, p]."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be positive")
    batch, length, heads, head_dim = x.size(0), x.size(1), x.size(2), x.size(3)
    state_dim = B.size(-1)
    q = chunk_size
    pad = (q - length % q) % q
    if pad > 0:
        # dt = 0 on the padding: no decay and no input, and the padded outputs are cut off below.
        x = F.pad(x, [0, 0, 0, 0, 0, pad])
        dt = F.pad(dt, [0, 0, 0, pad])
        B = F.pad(B, [0, 0, 0, pad])
        C = F.pad(C, [0, 0, 0, pad])
    chunks = (length + pad) // q
    acc = _accumulation_dtype(x)

    a = (dt.to(acc) * A.to(acc)).view(batch, chunks, q, heads).permute(0, 1, 3, 2)  # [b, c, h, q]
    xs = (x * dt.unsqueeze(-1).to(x.dtype)).view(batch, chunks, q, heads, head_dim)
    xs = xs.permute(0, 1, 3, 2, 4)  # [b, c, h, q, p]
    Bc = B.view(batch, chunks, q, state_dim)
    Cc = C.view(batch, chunks, q, state_dim)

    # 1. Inside each chunk: y_i = sum_{j <= i} (C_i . B_j) exp(a_{j+1} + ... + a_i) dt_j x_j.
    decay = torch.exp(_segment_sum(a))  # [b, c, h, q, q], zero above the diagonal
    cb = torch.matmul(Cc, Bc.transpose(-1, -2))  # [b, c, q, q]; B and C are shared by all heads
    y = torch.matmul(cb.unsqueeze(2) * decay.to(cb.dtype), xs)  # [b, c, h, q, p]

    # 2. State each chunk leaves behind, from its own inputs only: sum_j exp(a_{j+1..q-1}) dt_j x_j B_j^T.
    to_end = decay[:, :, :, q - 1, :]  # [b, c, h, q]
    states = torch.matmul((xs * to_end.unsqueeze(-1).to(xs.dtype)).transpose(-1, -2), Bc.unsqueeze(2))
    states = states.to(acc)  # [b, c, h, p, n]

    # 3. Carry states across chunks: entering[k] = state just before chunk k.
    totals = a.sum(dim=-1)  # [b, c, h]: log of each chunk's total decay
    if x.is_cuda:
        entering = _carry_states_matrix(states, totals)
    else:
        entering = _carry_states_loop(states, totals)

    # 4. What the entering state contributes at position i: exp(a_0 + ... + a_i) C_i . S_entering.
    from_start = torch.exp(torch.cumsum(a, dim=-1)).unsqueeze(-1)  # [b, c, h, q, 1]
    y_prev = torch.matmul(Cc.unsqueeze(2), entering.to(Cc.dtype).transpose(-1, -2))  # [b, c, h, q, p]
    y = y + y_prev * from_start.to(y_prev.dtype)

    y = y.permute(0, 1, 3, 2, 4).reshape(batch, chunks * q, heads, head_dim)
    return y[:, :length].to(x.dtype)


def ssd_recurrence(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor) -> Tensor:
    """Step-by-step oracle for `ssd_scan_ref`: one state update per time step."""
    batch, length, heads, head_dim = x.size(0), x.size(1), x.size(2), x.size(3)
    state = torch.zeros(batch, heads, head_dim, B.size(-1), dtype=x.dtype, device=x.device)
    outputs: List[Tensor] = []
    for t in range(length):
        decay = torch.exp(dt[:, t] * A).unsqueeze(-1).unsqueeze(-1)  # [b, h, 1, 1]
        update = (dt[:, t].unsqueeze(-1) * x[:, t]).unsqueeze(-1) * B[:, t].unsqueeze(1).unsqueeze(1)
        state = decay * state + update
        outputs.append(torch.matmul(state, C[:, t].unsqueeze(1).unsqueeze(-1)).squeeze(-1))  # [b, h, p]
    return torch.stack(outputs, dim=1)


@torch.jit.unused
def _triton_scan(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor, chunk_size: int) -> Tensor:
    if COMPILED_SCAN["op"] is not None:  # set by kernels.compiled for torch.compile (a traceable operator)
        return COMPILED_SCAN["op"](x, dt, A, B, C, chunk_size)
    # Imported lazily: the kernel module needs triton and CUDA, neither of which CPU or TorchScript users have.
    from tsestudio.kernels.ssd_triton import ssd_scan_triton

    return ssd_scan_triton(x, dt, A, B, C, chunk_size)


def _triton_available() -> bool:
    global _TRITON_OK
    if _TRITON_OK is None:
        try:
            import tsestudio.kernels.ssd_triton  # noqa: F401

            _TRITON_OK = True
        except Exception:  # missing module, missing triton, or a triton that cannot build here
            _TRITON_OK = False
    return bool(_TRITON_OK)


_TRITON_OK = None
COMPILED_SCAN = {"op": None}


def ssd_scan(x: Tensor, dt: Tensor, A: Tensor, B: Tensor, C: Tensor, chunk_size: int) -> Tensor:
    """Fused Triton kernel on CUDA when it can be imported (eager mode only), else `ssd_scan_ref`."""
    if not torch.jit.is_scripting():
        if x.is_cuda and _triton_available():
            return _triton_scan(x, dt, A, B, C, chunk_size)
    return ssd_scan_ref(x, dt, A, B, C, chunk_size)
