"""Losses and metrics against values worked out by hand."""
import math

import pytest
import torch

from tsestudio import losses


def signals(batch=2, length=4000, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(batch, length, generator=g), torch.randn(batch, length, generator=g)


def test_si_sdr_known_value_and_scale_invariance():
    ref, noise = signals()
    # Make the noise orthogonal to the zero-mean reference so the expected value is exact.
    ref = ref - ref.mean(dim=-1, keepdim=True)
    noise = noise - noise.mean(dim=-1, keepdim=True)
    noise = noise - (noise * ref).sum(-1, keepdim=True) / ref.pow(2).sum(-1, keepdim=True) * ref
    noise = noise * (ref.norm(dim=-1, keepdim=True) / noise.norm(dim=-1, keepdim=True)) * 0.1  # 20 dB below
    est = ref + noise
    assert torch.allclose(losses.si_sdr(est, ref), torch.full((2,), 20.0), atol=1e-3)
    assert torch.allclose(losses.si_sdr(5.0 * est + 0.3, ref), losses.si_sdr(est, ref), atol=1e-3)
    assert losses.neg_si_sdr_loss(est, ref).item() == pytest.approx(-20.0, abs=1e-3)


def test_sdr_counts_scale_unlike_si_sdr():
    ref, _ = signals()
    assert torch.allclose(losses.sdr(0.5 * ref, ref), torch.full((2,), 20 * math.log10(2.0)), atol=1e-4)
    assert losses.si_sdr(0.5 * ref, ref).min() > 60


def test_silence_gives_finite_values_and_gradients():
    est = torch.zeros(2, 1000, requires_grad=True)
    ref = torch.zeros(2, 1000)
    loss = losses.neg_si_sdr_loss(est, ref) + losses.multi_res_stft_loss(est, ref)
    loss.backward()
    assert torch.isfinite(loss) and torch.isfinite(est.grad).all()


def test_multi_res_stft_loss_zero_for_identical_and_grows_with_noise():
    ref, noise = signals(length=3000)  # shorter than the largest window: padded inside
    assert losses.multi_res_stft_loss(ref, ref).item() == pytest.approx(0.0, abs=1e-6)
    small = losses.multi_res_stft_loss(ref + 0.01 * noise, ref).item()
    large = losses.multi_res_stft_loss(ref + 0.5 * noise, ref).item()
    assert 0 < small < large


def test_shape_mismatch_is_rejected():
    with pytest.raises(ValueError):
        losses.si_sdr(torch.zeros(2, 10), torch.zeros(2, 11))
