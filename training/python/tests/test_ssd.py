"""The chunked SSD scan must equal the step-by-step recurrence (float64, tight tolerance)."""
import pytest
import torch
import torch.nn.functional as F

from tsestudio.models import ssd


def random_inputs(batch, length, heads, head_dim, state_dim, seed, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, length, heads, head_dim, generator=g, dtype=dtype)
    # dt spans slow and fast heads (softplus of a wide range), A in Mamba's [-16, -1] range.
    dt = F.softplus(4 * torch.randn(batch, length, heads, generator=g, dtype=dtype) - 3)
    A = -(1 + 15 * torch.rand(heads, generator=g, dtype=dtype))
    B = torch.randn(batch, length, state_dim, generator=g, dtype=dtype)
    C = torch.randn(batch, length, state_dim, generator=g, dtype=dtype)
    return x, dt, A, B, C


def max_relative_error(y, oracle):
    return ((y - oracle).abs().max() / oracle.abs().max()).item()


@pytest.mark.parametrize(
    "batch,length,heads,head_dim,state_dim,chunk",
    [
        (2, 37, 3, 5, 4, 8),  # odd length, several chunks
        (1, 129, 2, 8, 16, 32),  # one past a chunk multiple
        (3, 5, 1, 2, 3, 16),  # shorter than one chunk
        (1, 64, 4, 4, 8, 64),  # exactly one chunk
        (2, 211, 2, 3, 6, 16),  # many chunks, prime length
    ],
)
def test_chunked_scan_matches_recurrence(batch, length, heads, head_dim, state_dim, chunk):
    x, dt, A, B, C = random_inputs(batch, length, heads, head_dim, state_dim, seed=length)
    oracle = ssd.ssd_recurrence(x, dt, A, B, C)
    y = ssd.ssd_scan_ref(x, dt, A, B, C, chunk)
    assert y.shape == (batch, length, heads, head_dim)
    assert max_relative_error(y, oracle) < 1e-10


def test_loop_and_matrix_state_carry_agree():
    # The CPU path carries chunk states in a loop, the CUDA path as a matrix product: both must agree.
    g = torch.Generator().manual_seed(3)
    states = torch.randn(2, 9, 3, 4, 5, generator=g, dtype=torch.float64)
    totals = -3 * torch.rand(2, 9, 3, generator=g, dtype=torch.float64)
    loop = ssd._carry_states_loop(states, totals)
    matrix = ssd._carry_states_matrix(states, totals)
    assert torch.allclose(loop, matrix, rtol=1e-12, atol=1e-12)
    assert torch.count_nonzero(loop[:, 0]) == 0  # nothing enters the first chunk


def test_chunk_size_does_not_change_the_result():
    x, dt, A, B, C = random_inputs(1, 100, 2, 4, 8, seed=7)
    ys = [ssd.ssd_scan_ref(x, dt, A, B, C, q) for q in (1, 7, 32, 128)]
    for y in ys[1:]:
        assert max_relative_error(y, ys[0]) < 1e-10


def test_float32_scan_is_close_to_float64_oracle():
    x, dt, A, B, C = random_inputs(2, 300, 4, 8, 16, seed=11)
    oracle = ssd.ssd_recurrence(x, dt, A, B, C)
    y = ssd.ssd_scan_ref(x.float(), dt.float(), A.float(), B.float(), C.float(), 64)
    assert y.dtype == torch.float32
    assert max_relative_error(y.double(), oracle) < 1e-5


def test_dispatcher_on_cpu_and_under_torchscript_uses_reference():
    x, dt, A, B, C = random_inputs(1, 50, 2, 4, 8, seed=5)
    expected = ssd.ssd_scan_ref(x, dt, A, B, C, 16)
    assert torch.equal(ssd.ssd_scan(x, dt, A, B, C, 16), expected)
    scripted = torch.jit.script(ssd.ssd_scan)
    assert torch.allclose(scripted(x, dt, A, B, C, 16), expected, rtol=1e-12, atol=1e-12)
