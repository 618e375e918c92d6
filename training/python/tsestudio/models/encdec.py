"""Learned conv encoder / transposed-conv decoder and the encoder -> masker -> mask -> decoder skeleton.

v7 and v8 share this skeleton and differ only in the masker (how the reference conditions the mixture path).
The same encoder turns the mixture and the reference into frames. Padding happens here, so a model accepts
any mixture and reference length and returns exactly the mixture's length.

Receptive field: encoder frame f covers samples [f*stride, f*stride + kernel) and the decoder writes frame f
back onto the same samples. A causal masker therefore makes output sample t depend on input samples up to
t + kernel - 1 at most (one frame's look-ahead), and on nothing later: no step here looks across frames.
"""
import torch
import torch.nn.functional as F
from torch import Tensor, nn


def padded_length(length: int, kernel_size: int, stride: int, frame_multiple: int) -> int:
    """Smallest length >= `length` whose frame count is a positive multiple of `frame_multiple`."""
    frames = 1
    if length > kernel_size:
        frames = (length - kernel_size + stride - 1) // stride + 1
    frames = (frames + frame_multiple - 1) // frame_multiple * frame_multiple
    return (frames - 1) * stride + kernel_size


class ConvEncoder(nn.Module):
    """[B, T] waveform -> [B, filters, frames] non-negative features (Conv1d + ReLU, no bias)."""

    def __init__(self, filters: int, kernel_size: int, stride: int):
        super().__init__()
        self.conv = nn.Conv1d(1, filters, kernel_size, stride=stride, bias=False)

    def forward(self, wav: Tensor) -> Tensor:
        return F.relu(self.conv(wav.unsqueeze(1)))


class ConvDecoder(nn.Module):
    """[B, filters, frames] -> [B, (frames - 1) * stride + kernel] by overlap-add (ConvTranspose1d)."""

    def __init__(self, filters: int, kernel_size: int, stride: int):
        super().__init__()
        self.deconv = nn.ConvTranspose1d(filters, 1, kernel_size, stride=stride, bias=False)

    def forward(self, feats: Tensor) -> Tensor:
        return self.deconv(feats).squeeze(1)


class EncoderMaskerDecoder(nn.Module):
    """forward(mixture [B, T], reference [B, R]) -> estimate [B, T].

    `masker(mix_feats [B, N, F], ref_feats [B, N, Fr]) -> mask [B, N, F]`; `frame_multiple` is the factor the
    masker needs the mixture frame count to be divisible by (a U-Net halving the rate k times needs 2**k).
    """

    def __init__(self, filters: int, kernel_size: int, stride: int, masker: nn.Module, frame_multiple: int = 1):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride
        self.frame_multiple = frame_multiple
        self.encoder = ConvEncoder(filters, kernel_size, stride)
        self.masker = masker
        self.decoder = ConvDecoder(filters, kernel_size, stride)

    def _pad(self, wav: Tensor, frame_multiple: int) -> Tensor:
        length = wav.size(-1)
        target = padded_length(length, self.kernel_size, self.stride, frame_multiple)
        return F.pad(wav, [0, target - length])

    def valid_frames(self, length: int) -> int:
        """Frames that hold real samples of a signal of `length` samples (the rest cover padding only)."""
        return max(1, (length + self.stride - 1) // self.stride)

    def forward(self, mixture: Tensor, reference: Tensor) -> Tensor:
        if mixture.dim() != 2 or reference.dim() != 2:
            raise ValueError("mixture and reference must be [batch, samples]")
        length = mixture.size(-1)
        mix_feats = self.encoder(self._pad(mixture, self.frame_multiple))
        ref_feats = self.encoder(self._pad(reference, 1))
        ref_feats = ref_feats[:, :, : self.valid_frames(reference.size(-1))]
        mask = self.masker(mix_feats, ref_feats)
        return self.decoder(mix_feats * mask)[:, :length]
