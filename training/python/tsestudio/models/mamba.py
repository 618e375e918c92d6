"""Mamba-2 block in plain PyTorch, and the residual layers built from it (causal and bidirectional).

Block: in-projection to (z, x, B, C, dt) -> short causal depthwise conv1d over (x, B, C) -> SiLU -> SSD scan
-> D skip -> gated RMSNorm (gate SiLU(z)) -> out-projection. One B/C group shared by all heads.
Inputs and outputs are [batch, frames, channels].
"""
import math
from typing import List

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tsestudio.models.ssd import ssd_scan

# Chunk length of the scan on CPU (TorchScript/DJL inference). The result does not depend on the chunk length,
# only the speed does: 32-64 was fastest for 10 s inputs on 2 cores (benchmarks/bench_scan.py), while training
# on a GPU may prefer the longer `chunk_size` of the model arguments.
CPU_CHUNK_SIZE = 64


class RMSNorm(nn.Module):
    """Root-mean-square norm over the last dimension, computed in float32 (safe under bf16 autocast)."""

    def __init__(self, dim: int, eps: float = 1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: Tensor) -> Tensor:
        x32 = x.float()
        normed = x32 * torch.rsqrt(x32.pow(2).mean(dim=-1, keepdim=True) + self.eps)
        return (normed * self.weight.float()).to(x.dtype)


class GatedRMSNorm(RMSNorm):
    """RMSNorm(y * SiLU(z)): Mamba-2's output gate, normalised after gating."""

    def forward_gated(self, y: Tensor, z: Tensor) -> Tensor:
        return self.forward(y * F.silu(z))


class Mamba2Block(nn.Module):
    def __init__(
        self,
        d_model: int,
        d_state: int = 64,
        d_conv: int = 4,
        expand: int = 2,
        head_dim: int = 64,
        chunk_size: int = 64,
        dt_min: float = 1e-3,
        dt_max: float = 1e-1,
        a_min: float = 1.0,
        a_max: float = 16.0,
    ):
        super().__init__()
        d_inner = expand * d_model
        if d_inner % head_dim != 0:
            raise ValueError(f"expand * d_model = {d_inner} is not a multiple of head_dim = {head_dim}")
        self.d_inner = d_inner
        self.d_state = d_state
        self.d_conv = d_conv
        self.head_dim = head_dim
        self.heads = d_inner // head_dim
        self.chunk_size = chunk_size
        self.cpu_chunk_size = CPU_CHUNK_SIZE
        conv_dim = d_inner + 2 * d_state

        self.in_proj = nn.Linear(d_model, 2 * d_inner + 2 * d_state + self.heads, bias=False)
        self.conv = nn.Conv1d(conv_dim, conv_dim, d_conv, groups=conv_dim, bias=True)
        self.dt_bias = nn.Parameter(_inverse_softplus_dt(self.heads, dt_min, dt_max))
        self.A_log = nn.Parameter(torch.log(torch.empty(self.heads).uniform_(a_min, a_max)))
        self.D = nn.Parameter(torch.ones(self.heads))
        self.norm = GatedRMSNorm(d_inner)
        self.out_proj = nn.Linear(d_inner, d_model, bias=False)
        # Decay rates, time steps and the skip are not weights to shrink (Mamba keeps them out of weight decay).
        for p in (self.dt_bias, self.A_log, self.D):
            p._no_weight_decay = True  # type: ignore[attr-defined]

    def forward(self, u: Tensor) -> Tensor:
        batch, frames = u.size(0), u.size(1)
        parts = torch.split(self.in_proj(u), [self.d_inner, self.d_inner + 2 * self.d_state, self.heads], dim=-1)
        z, xbc, dt = parts[0], parts[1], parts[2]
        # Causal depthwise conv: left padding only, so frame t sees frames t-d_conv+1 .. t.
        xbc = F.pad(xbc.transpose(1, 2), [self.d_conv - 1, 0])
        xbc = F.silu(self.conv(xbc)).transpose(1, 2)
        split = torch.split(xbc, [self.d_inner, self.d_state, self.d_state], dim=-1)
        x = split[0].reshape(batch, frames, self.heads, self.head_dim)
        dt = F.softplus(dt + self.dt_bias)
        A = -torch.exp(self.A_log.float())
        chunk = self.chunk_size if u.is_cuda else self.cpu_chunk_size
        y = ssd_scan(x, dt, A, split[1], split[2], chunk)
        y = y + x * self.D.unsqueeze(-1).to(x.dtype)
        y = self.norm.forward_gated(y.reshape(batch, frames, self.d_inner), z)
        return self.out_proj(y)


def _inverse_softplus_dt(heads: int, dt_min: float, dt_max: float) -> Tensor:
    """dt_bias such that softplus(dt_bias) is log-uniform in [dt_min, dt_max] (Mamba's standard init)."""
    dt = torch.exp(torch.rand(heads) * (math.log(dt_max) - math.log(dt_min)) + math.log(dt_min))
    dt = dt.clamp(min=1e-4)
    return dt + torch.log(-torch.expm1(-dt))


class MambaLayer(nn.Module):
    """Pre-norm residual layer: x + Block(RMSNorm(x)), causal or bidirectional.

    Bidirectional = a forward block plus a separate backward block run on the time-flipped sequence, the two
    outputs summed. Summing loses nothing against concatenating and projecting: each block ends in its own
    out-projection, so fwd_out + bwd_out = [W_f W_b] [y_f; y_b] is already a learned projection of the
    concatenation; another projection on top would only add parameters and CPU time.
    """

    def __init__(self, d_model: int, bidirectional: bool, **block_args):
        super().__init__()
        self.bidirectional = bidirectional
        self.norm = RMSNorm(d_model)
        self.fwd_block = Mamba2Block(d_model, **block_args)
        self.bwd_block = Mamba2Block(d_model, **block_args) if bidirectional else nn.Identity()

    def forward(self, x: Tensor) -> Tensor:
        h = self.norm(x)
        out = x + self.fwd_block(h)
        if self.bidirectional:
            out = out + self.bwd_block(h.flip(1)).flip(1)
        return out


class MambaStack(nn.Module):
    """A sequence of MambaLayers of one width, all causal or all bidirectional."""

    def __init__(self, d_model: int, depth: int, bidirectional: bool, **block_args):
        super().__init__()
        self.layers = nn.ModuleList([MambaLayer(d_model, bidirectional, **block_args) for _ in range(depth)])

    def forward(self, x: Tensor) -> Tensor:
        for layer in self.layers:
            x = layer(x)
        return x


def block_args_from(model_args: dict) -> dict:
    """The Mamba2Block keyword arguments a model's args carry (shared by v7 and v8)."""
    keys: List[str] = ["d_state", "d_conv", "expand", "head_dim", "chunk_size"]
    return {k: model_args[k] for k in keys}
