"""A short overfit on one fixed batch: the models, losses and gradients must be able to learn."""
import math

import pytest
import torch

from small_models import small_model
from tsestudio.losses import neg_si_sdr_loss, si_sdr


def voice(f0, length, rate, seed):
    """A voiced-speech-like signal: harmonic complex with vibrato and a syllable-rate envelope."""
    g = torch.Generator().manual_seed(seed)
    t = torch.arange(length) / rate
    pitch = f0 * (1 + 0.05 * torch.sin(2 * math.pi * 5 * t + torch.rand(1, generator=g) * 6))
    phase = 2 * math.pi * torch.cumsum(pitch, 0) / rate
    harmonics = sum(torch.sin(k * phase) / k for k in range(1, 12))
    envelope = 0.5 + 0.5 * torch.sin(2 * math.pi * 3.3 * t + torch.rand(1, generator=g) * 6).clamp(min=0)
    return harmonics * envelope


def fixed_batch(rate=8000, length=4000):
    targets = torch.stack([voice(110, length, rate, 1), voice(220, length, rate, 2)])
    others = torch.stack([voice(190, length, rate, 3), voice(130, length, rate, 4)])
    references = torch.stack([voice(110, 3000, rate, 5), voice(220, 3000, rate, 6)])
    return targets + others, references, targets


@pytest.mark.parametrize("name", ["v7", "v8"])
def test_overfit_one_batch(name):
    torch.manual_seed(0)
    model = small_model(name).train()
    mixture, reference, target = fixed_batch()
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    with torch.no_grad():
        start = si_sdr(model(mixture, reference), target).mean().item()
    for _ in range(100):
        optimiser.zero_grad()
        loss = neg_si_sdr_loss(model(mixture, reference), target)
        loss.backward()
        optimiser.step()
    with torch.no_grad():
        end = si_sdr(model(mixture, reference), target).mean().item()
    print(f"{name}: SI-SDR {start:.1f} dB -> {end:.1f} dB")
    assert end > start + 6.0, f"SI-SDR went from {start:.1f} dB to {end:.1f} dB"
