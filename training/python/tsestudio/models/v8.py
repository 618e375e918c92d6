"""USEF-TSE-Mamba v8: 16 kHz, bidirectional Mamba-2 U-Net masker conditioned on a pooled reference (FiLM).

Mixture path: encoder frames -> norm + projection -> U-Net of bidirectional Mamba stages. Each stage but the
last is followed by a strided conv that halves the frame rate (and widens the channels); the way back up uses
transposed convs and adds the skip of the same stage (SepMamba's layout). Long context is handled at the low
rates, where a layer is cheap, while the full-rate stage keeps the time detail the mask needs; on 2 CPU cores
that keeps 10 s of audio far under real time. The reference gives one embedding (light path: two
bidirectional layers, time mean) that conditions every layer by FiLM, see `film.py`.
"""
from typing import List

import torch
from torch import Tensor, nn

from tsestudio.errors import TseError
from tsestudio.models.args import resolve_args
from tsestudio.models.encdec import EncoderMaskerDecoder
from tsestudio.models.film import FiLMStack, PooledReferenceEncoder
from tsestudio.models.mamba import RMSNorm, block_args_from

V8_DEFAULTS = {
    "sample_rate": 16000,
    "enc_filters": 256,
    "kernel_size": 32,  # 2 ms window, 1 ms hop at 16 kHz: stride sets CPU cost (device.md)
    "stride": 16,
    "stage_dims": [128, 192, 256],  # full, 1/2 and 1/4 frame rate
    "stage_depths": [1, 2, 2],  # layers per stage on the way down (and up); the last is the bottom
    "ref_dim": 128,
    "ref_depth": 2,
    "d_state": 64,
    "d_conv": 4,
    "expand": 2,
    "head_dim": 64,
    "chunk_size": 64,  # scan chunk on CUDA; CPU inference uses mamba.CPU_CHUNK_SIZE (same result, any chunk)
}


class V8Masker(nn.Module):
    def __init__(self, args: dict):
        super().__init__()
        dims: List[int] = args["stage_dims"]
        depths: List[int] = args["stage_depths"]
        filters = args["enc_filters"]
        block = block_args_from(args)
        embed = args["ref_dim"]
        self.reference = PooledReferenceEncoder(filters, embed, args["ref_depth"], **block)
        self.in_norm = RMSNorm(filters)
        self.in_proj = nn.Linear(filters, dims[0])
        last = len(dims) - 1
        self.down_stages = nn.ModuleList([FiLMStack(dims[i], depths[i], embed, True, **block) for i in range(last)])
        self.downsample = nn.ModuleList([nn.Conv1d(dims[i], dims[i + 1], 4, stride=2, padding=1) for i in range(last)])
        self.bottom = FiLMStack(dims[last], depths[last], embed, True, **block)
        # Up path stored bottom-first so that forward() walks the lists in order (TorchScript cannot index
        # a ModuleList with a variable).
        up = list(reversed(range(last)))
        self.upsample = nn.ModuleList([nn.ConvTranspose1d(dims[i + 1], dims[i], 4, stride=2, padding=1) for i in up])
        self.up_stages = nn.ModuleList([FiLMStack(dims[i], depths[i], embed, True, **block) for i in up])
        self.out_norm = RMSNorm(dims[0])
        self.out_proj = nn.Linear(dims[0], filters)

    def forward(self, mix_feats: Tensor, ref_feats: Tensor) -> Tensor:
        embedding = self.reference(ref_feats)
        h = self.in_proj(self.in_norm(mix_feats.transpose(1, 2)))  # [B, F, dims[0]]
        skips: List[Tensor] = []
        for stage, down in zip(self.down_stages, self.downsample):
            h = stage(h, embedding)
            skips.append(h)
            h = down(h.transpose(1, 2)).transpose(1, 2)
        h = self.bottom(h, embedding)
        for up, stage in zip(self.upsample, self.up_stages):
            h = up(h.transpose(1, 2)).transpose(1, 2) + skips.pop()
            h = stage(h, embedding)
        return torch.sigmoid(self.out_proj(self.out_norm(h))).transpose(1, 2)


class TseV8(EncoderMaskerDecoder):
    REFERENCE_MIN_SECONDS = 1.0
    REFERENCE_MAX_SECONDS = 30.0

    def __init__(self, **model_args):
        args = resolve_args("v8", V8_DEFAULTS, model_args)
        if len(args["stage_dims"]) != len(args["stage_depths"]) or not args["stage_dims"]:
            raise TseError("v8: stage_dims and stage_depths must be non-empty and of the same length")
        super().__init__(
            args["enc_filters"],
            args["kernel_size"],
            args["stride"],
            V8Masker(args),
            frame_multiple=2 ** (len(args["stage_dims"]) - 1),
        )
        self.model_args = args
        self.sample_rate: int = args["sample_rate"]
