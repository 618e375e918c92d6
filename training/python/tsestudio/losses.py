"""Separation metrics and losses on [B, T] waveforms. All work in float32 (safe under bf16 autocast).

`sdr` here is the plain signal-to-distortion ratio 10 log10(|s|^2 / |s - s_hat|^2) (no scale invariance and
no BSS-eval distortion filter), matching the engine's `SeparationMetrics.sdr`.
"""
from typing import Sequence

import torch
import torch.nn.functional as F
from torch import Tensor

EPS = 1e-8


def _check(est: Tensor, ref: Tensor) -> None:
    if est.shape != ref.shape or est.dim() != 2:
        raise ValueError(f"estimate {tuple(est.shape)} and reference {tuple(ref.shape)} must both be [batch, samples]")


def si_sdr(est: Tensor, ref: Tensor, eps: float = EPS) -> Tensor:
    """Scale-invariant SDR in dB, one value per batch item. Both signals are made zero-mean first."""
    _check(est, ref)
    est = est.float() - est.float().mean(dim=-1, keepdim=True)
    ref = ref.float() - ref.float().mean(dim=-1, keepdim=True)
    scale = (est * ref).sum(dim=-1, keepdim=True) / (ref.pow(2).sum(dim=-1, keepdim=True) + eps)
    target = scale * ref
    noise = est - target
    return 10 * torch.log10((target.pow(2).sum(dim=-1) + eps) / (noise.pow(2).sum(dim=-1) + eps))


def neg_si_sdr_loss(est: Tensor, ref: Tensor) -> Tensor:
    """Mean negative SI-SDR over the batch (a scalar to minimise)."""
    return -si_sdr(est, ref).mean()


def sdr(est: Tensor, ref: Tensor, eps: float = EPS) -> Tensor:
    """Plain SDR in dB per batch item (the estimate's scale counts)."""
    _check(est, ref)
    est, ref = est.float(), ref.float()
    return 10 * torch.log10((ref.pow(2).sum(dim=-1) + eps) / ((ref - est).pow(2).sum(dim=-1) + eps))


def _magnitude(x: Tensor, fft_size: int, hop: int) -> Tensor:
    window = torch.hann_window(fft_size, device=x.device, dtype=torch.float32)
    spec = torch.stft(x, fft_size, hop_length=hop, win_length=fft_size, window=window, return_complex=True)
    return spec.abs().clamp(min=1e-7)


def multi_res_stft_loss(
    est: Tensor,
    ref: Tensor,
    fft_sizes: Sequence[int] = (512, 1024, 2048),
    hop_fraction: float = 0.25,
) -> Tensor:
    """Mean over resolutions of spectral convergence + L1 log-magnitude distance (Parallel WaveGAN's form).

    Inputs shorter than a window are zero-padded to it, so any length works.
    """
    _check(est, ref)
    est, ref = est.float(), ref.float()
    total = est.new_zeros(())
    for fft_size in fft_sizes:
        if est.size(-1) < fft_size:
            est_r = F.pad(est, [0, fft_size - est.size(-1)])
            ref_r = F.pad(ref, [0, fft_size - ref.size(-1)])
        else:
            est_r, ref_r = est, ref
        hop = max(1, int(fft_size * hop_fraction))
        est_mag, ref_mag = _magnitude(est_r, fft_size, hop), _magnitude(ref_r, fft_size, hop)
        convergence = torch.linalg.norm(ref_mag - est_mag, dim=(-2, -1)) / (
            torch.linalg.norm(ref_mag, dim=(-2, -1)) + EPS
        )
        log_distance = (ref_mag.log() - est_mag.log()).abs().mean(dim=(-2, -1))
        total = total + (convergence + log_distance).mean()
    return total / len(fft_sizes)
