"""USEF-TSE-Mamba v7 (baseline): 8 kHz, causal Mamba-2 stack, reference branch joined by cross-attention.

Mixture path: encoder frames -> norm + projection -> groups of [cross-attention to the reference, causal
Mamba layers] -> sigmoid mask. Reference branch: the same encoder -> norm + projection -> a few causal
Mamba layers -> average-pooled in time (fewer keys: attention cost and memory scale with reference frames).
Mixture frames query reference frames only, never other mixture frames, and every other step works frame by
frame or causally, so the output is causal up to the encoder's one-frame look-ahead (see encdec.py).
"""
import math
from typing import List

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tsestudio.errors import TseError
from tsestudio.models.args import resolve_args
from tsestudio.models.encdec import EncoderMaskerDecoder
from tsestudio.models.mamba import MambaStack, RMSNorm, block_args_from

V7_DEFAULTS = {
    "sample_rate": 8000,
    "enc_filters": 256,
    "kernel_size": 16,
    "stride": 8,
    "dim": 128,
    "depth": 6,
    "ref_depth": 2,
    "attn_heads": 4,
    "attn_every": 3,  # a cross-attention before layers 0, 3, ...
    "ref_pool": 4,
    "d_state": 64,
    "d_conv": 4,
    "expand": 2,
    "head_dim": 64,
    "chunk_size": 64,  # scan chunk on CUDA; CPU inference uses mamba.CPU_CHUNK_SIZE (same result, any chunk)
}


class CrossAttention(nn.Module):
    """Pre-norm residual multi-head attention: queries from x [B, F, d], keys/values from memory [B, M, d].

    Queries are processed in blocks of `query_block` frames: exact (queries are independent) and it bounds
    the score matrix for long mixtures.
    """

    def __init__(self, dim: int, heads: int, query_block: int = 2048):
        super().__init__()
        if dim % heads != 0:
            raise TseError(f"v7: dim {dim} is not a multiple of attn_heads {heads}")
        self.heads = heads
        self.head_dim = dim // heads
        self.query_block = query_block
        self.norm = RMSNorm(dim)
        self.q_proj = nn.Linear(dim, dim, bias=False)
        self.kv_proj = nn.Linear(dim, 2 * dim, bias=False)
        self.out_proj = nn.Linear(dim, dim)

    def _split_heads(self, t: Tensor) -> Tensor:
        return t.reshape(t.size(0), t.size(1), self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x: Tensor, memory: Tensor) -> Tensor:
        k, v = self.kv_proj(memory).chunk(2, dim=-1)
        k = self._split_heads(k)
        v = self._split_heads(v)
        q = self._split_heads(self.q_proj(self.norm(x))) * (1.0 / math.sqrt(self.head_dim))
        blocks: List[Tensor] = []
        for start in range(0, q.size(2), self.query_block):
            scores = torch.matmul(q[:, :, start : start + self.query_block], k.transpose(-1, -2))
            blocks.append(torch.matmul(torch.softmax(scores.float(), dim=-1).to(v.dtype), v))
        attended = torch.cat(blocks, dim=2).transpose(1, 2).reshape(x.size(0), x.size(1), -1)
        return x + self.out_proj(attended)


class AttentionGroup(nn.Module):
    """Cross-attention to the reference, then causal Mamba layers."""

    def __init__(self, dim: int, heads: int, depth: int, block_args: dict):
        super().__init__()
        self.attention = CrossAttention(dim, heads)
        self.stack = MambaStack(dim, depth, False, **block_args)

    def forward(self, x: Tensor, memory: Tensor) -> Tensor:
        return self.stack(self.attention(x, memory))


class V7Masker(nn.Module):
    def __init__(self, args: dict):
        super().__init__()
        dim, filters = args["dim"], args["enc_filters"]
        block = block_args_from(args)
        self.ref_pool = args["ref_pool"]
        self.ref_norm = RMSNorm(filters)
        self.ref_proj = nn.Linear(filters, dim)
        self.ref_stack = MambaStack(dim, args["ref_depth"], False, **block)
        self.ref_out_norm = RMSNorm(dim)
        self.in_norm = RMSNorm(filters)
        self.in_proj = nn.Linear(filters, dim)
        depth, every = args["depth"], args["attn_every"]
        sizes = [min(every, depth - start) for start in range(0, depth, every)]
        self.groups = nn.ModuleList([AttentionGroup(dim, args["attn_heads"], n, block) for n in sizes])
        self.out_norm = RMSNorm(dim)
        self.out_proj = nn.Linear(dim, filters)

    def forward(self, mix_feats: Tensor, ref_feats: Tensor) -> Tensor:
        memory = self.ref_stack(self.ref_proj(self.ref_norm(ref_feats.transpose(1, 2))))
        if self.ref_pool > 1:
            memory = F.avg_pool1d(memory.transpose(1, 2), self.ref_pool, self.ref_pool, ceil_mode=True)
            memory = memory.transpose(1, 2)
        memory = self.ref_out_norm(memory)
        h = self.in_proj(self.in_norm(mix_feats.transpose(1, 2)))
        for group in self.groups:
            h = group(h, memory)
        return torch.sigmoid(self.out_proj(self.out_norm(h))).transpose(1, 2)


class TseV7(EncoderMaskerDecoder):
    REFERENCE_MIN_SECONDS = 1.0
    REFERENCE_MAX_SECONDS = 20.0  # attention keys grow with the reference

    def __init__(self, **model_args):
        args = resolve_args("v7", V7_DEFAULTS, model_args)
        for key in ("depth", "attn_every", "ref_pool", "attn_heads"):
            if args[key] < 1:
                raise TseError(f"v7: model argument '{key}' must be at least 1, got {args[key]}")
        super().__init__(args["enc_filters"], args["kernel_size"], args["stride"], V7Masker(args))
        self.model_args = args
        self.sample_rate: int = args["sample_rate"]
