"""Mamba-2 block: standard init, causal and bidirectional behaviour, padding independence."""
import torch
import torch.nn.functional as F

from tsestudio.models.mamba import Mamba2Block, MambaLayer

ARGS = dict(d_state=8, head_dim=8, chunk_size=8)


def test_standard_init_ranges():
    torch.manual_seed(0)
    block = Mamba2Block(64, head_dim=4)  # 32 heads: enough draws to see the ranges
    dt = F.softplus(block.dt_bias)
    assert dt.min() >= 1e-3 - 1e-7 and dt.max() <= 1e-1 + 1e-7
    A = -torch.exp(block.A_log)
    assert A.min() >= -16 and A.max() <= -1
    assert torch.equal(block.D, torch.ones_like(block.D))
    assert block.in_proj.out_features == 2 * 128 + 2 * 64 + 32


def test_causal_layer_ignores_future_frames():
    torch.manual_seed(1)
    layer = MambaLayer(16, bidirectional=False, **ARGS).eval()
    x = torch.randn(2, 41, 16)
    changed = x.clone()
    changed[:, 30:] = torch.randn(2, 11, 16)
    with torch.no_grad():
        y, y_changed = layer(x), layer(changed)
    assert torch.allclose(y[:, :30], y_changed[:, :30], atol=1e-6)
    assert (y[:, 30:] - y_changed[:, 30:]).abs().max() > 1e-3


def test_bidirectional_layer_sees_the_future():
    torch.manual_seed(2)
    layer = MambaLayer(16, bidirectional=True, **ARGS).eval()
    x = torch.randn(1, 41, 16)
    changed = x.clone()
    changed[:, 35:] += 1.0
    with torch.no_grad():
        assert (layer(x)[:, :10] - layer(changed)[:, :10]).abs().max() > 1e-4


def test_block_output_at_t_independent_of_chunk_padding():
    # The scan pads to a chunk multiple inside: results must not depend on the sequence's extra length.
    torch.manual_seed(3)
    block = Mamba2Block(16, **ARGS).eval()
    x = torch.randn(1, 29, 16)
    with torch.no_grad():
        assert torch.allclose(block(x)[:, :13], block(x[:, :13]), atol=1e-6)


def test_cpu_chunk_length_does_not_change_the_block_output():
    torch.manual_seed(4)
    block = Mamba2Block(16, **ARGS).eval()
    x = torch.randn(2, 150, 16)
    with torch.no_grad():
        block.cpu_chunk_size = 64
        reference = block(x)
        block.cpu_chunk_size = 16
        assert torch.allclose(block(x), reference, atol=1e-5)
