"""Parity of the fused Triton SSD scan with the pure-PyTorch reference: the output and all five gradients.

Needs a CUDA GPU and triton; skipped otherwise (CPU machines, CI). The reference `ssd_scan_ref` runs in float64
on the same inputs (bf16 inputs upcast as they are), the kernel in the inputs' own dtypes; the error is
||kernel - reference|| / ||reference|| per tensor: < 1e-3 for float32 inputs, < 1e-2 for bf16 ones.
"""
import pytest
import torch
import torch.nn.functional as F

if not torch.cuda.is_available():
    pytest.skip("the Triton SSD scan needs a CUDA GPU", allow_module_level=True)
pytest.importorskip("triton", reason="the Triton SSD scan needs triton")

from tsestudio.kernels.ssd_triton import kernel_chunk, ssd_scan_triton  # noqa: E402
from tsestudio.models import ssd  # noqa: E402
from tsestudio.models.mamba import Mamba2Block  # noqa: E402

SHAPES = [
    # batch, length, heads, head_dim, state_dim, chunk_size
    (2, 37, 3, 5, 4, 16),  # odd length; head and state far under one tile (masked lanes)
    (1, 129, 2, 16, 16, 32),  # one step past a chunk multiple
    (3, 5, 1, 8, 8, 64),  # shorter than one chunk
    (2, 100, 2, 24, 48, 37),  # a chunk size the kernel does not run (it uses 64: same result)
    (2, 211, 2, 32, 16, 16),  # many chunks, prime length
    (2, 1000, 4, 64, 64, 64),  # v8's full-rate stage: head_dim 64, state 64
    (1, 515, 8, 64, 32, 128),  # 8 heads, state 32, chunk 128 (runs 64)
]
DTYPES = {
    # name: (dtype of x, B, C; dtype of dt, A; tolerance)
    "float32": (torch.float32, torch.float32, 1e-3),
    "bf16-autocast": (torch.bfloat16, torch.float32, 1e-2),  # what a bf16-autocast Mamba2Block passes
    "bf16": (torch.bfloat16, torch.bfloat16, 1e-2),
}
NAMES = ("y", "dx", "ddt", "dA", "dB", "dC")


def make_inputs(batch, length, heads, head_dim, state_dim, seed, io_dtype, dt_dtype, dt_shift=-2.0, dt_scale=1.0):
    g = torch.Generator(device="cuda").manual_seed(seed)

    def randn(*shape):
        return torch.randn(*shape, generator=g, device="cuda")

    x = randn(batch, length, heads, head_dim).to(io_dtype)
    dt = F.softplus(dt_scale * randn(batch, length, heads) + dt_shift).to(dt_dtype)
    A = (-(1 + 15 * torch.rand(heads, generator=g, device="cuda"))).to(dt_dtype)  # Mamba's [-16, -1]
    B = randn(batch, length, state_dim).to(io_dtype)
    C = randn(batch, length, state_dim).to(io_dtype)
    dy = randn(batch, length, heads, head_dim).to(io_dtype)
    return (x, dt, A, B, C), dy


def run_with_grads(scan, inputs, dy, chunk):
    leaves = [t.detach().clone().requires_grad_(True) for t in inputs]
    y = scan(*leaves, chunk)
    y.backward(dy)
    return [y.detach()] + [t.grad for t in leaves]


def relative_errors(got, want):
    return {name: ((g.double() - w).norm() / w.norm()).item() for name, g, w in zip(NAMES, got, want)}


def check_parity(inputs, dy, chunk, tolerance):
    got = run_with_grads(ssd_scan_triton, inputs, dy, chunk)
    want = run_with_grads(ssd.ssd_scan_ref, [t.double() for t in inputs], dy.double(), chunk)
    for name, g, t in zip(NAMES, got, [inputs[0]] + list(inputs)):
        assert torch.isfinite(g).all(), f"{name} has NaN/inf"
        assert g.dtype == t.dtype, f"{name} is {g.dtype}, its input {t.dtype}"
    errors = relative_errors(got, want)
    assert max(errors.values()) < tolerance, errors
    return errors


@pytest.mark.parametrize("dtype_name", list(DTYPES))
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "b{}-l{}-h{}-p{}-n{}-q{}".format(*s))
def test_output_and_gradients_match_reference(shape, dtype_name, record_property):
    io_dtype, dt_dtype, tolerance = DTYPES[dtype_name]
    inputs, dy = make_inputs(*shape[:5], seed=sum(shape), io_dtype=io_dtype, dt_dtype=dt_dtype)
    errors = check_parity(inputs, dy, shape[5], tolerance)
    record_property("relative_errors", {k: float(f"{v:.2e}") for k, v in errors.items()})  # for --junitxml


@pytest.mark.parametrize("dt_shift,dt_scale", [(-3.0, 4.0), (3.0, 0.5)], ids=["wide-dt", "large-dt"])
def test_strong_decay_stays_finite_and_exact(dt_shift, dt_scale, record_property):
    # dt up to ~20 with A down to -16: whole chunks decay to exp(-thousands) = 0, nothing may turn into NaN.
    inputs, dy = make_inputs(2, 300, 3, 32, 32, seed=5, io_dtype=torch.float32, dt_dtype=torch.float32,
                             dt_shift=dt_shift, dt_scale=dt_scale)
    errors = check_parity(inputs, dy, 64, 1e-3)
    record_property("relative_errors", {k: float(f"{v:.2e}") for k, v in errors.items()})


def test_strided_views_and_expanded_gradient_give_identical_results():
    # Mamba2Block hands over x, B and C as views into one projection, and y.sum() backpropagates an
    # expanded (stride 0) gradient: the kernels read strides, so results must equal the contiguous run's.
    batch, length, heads, head_dim, state_dim = 2, 150, 4, 16, 32
    g = torch.Generator(device="cuda").manual_seed(1)
    packed = torch.randn(batch, length, heads * head_dim + 2 * state_dim + 7, generator=g, device="cuda")
    x = packed[..., : heads * head_dim].unflatten(-1, (heads, head_dim))
    B = packed[..., heads * head_dim: heads * head_dim + state_dim]
    C = packed[..., heads * head_dim + state_dim: heads * head_dim + 2 * state_dim]
    dt = F.softplus(torch.randn(batch, heads, length, generator=g, device="cuda") - 2).transpose(1, 2)
    A = -(1 + 15 * torch.rand(heads, generator=g, device="cuda"))
    dy = torch.ones(1, device="cuda").expand(batch, length, heads, head_dim)
    strided = run_with_grads(ssd_scan_triton, (x, dt, A, B, C), dy, 32)
    contiguous = run_with_grads(ssd_scan_triton, [t.contiguous() for t in (x, dt, A, B, C)], dy.contiguous(), 32)
    for name, s, c in zip(NAMES, strided, contiguous):
        assert torch.equal(s, c), name


def test_dispatcher_picks_the_kernel_on_cuda():
    inputs, _ = make_inputs(1, 70, 2, 16, 16, seed=3, io_dtype=torch.float32, dt_dtype=torch.float32)
    assert torch.equal(ssd.ssd_scan(*inputs, 32), ssd_scan_triton(*inputs, 32))


def run_block(block, u, use_kernel, autocast):
    ssd._TRITON_OK = use_kernel  # the dispatcher's cached import check, forced either way
    try:
        block.zero_grad(set_to_none=True)
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=autocast):
            out = block(u)
        out.float().pow(2).mean().backward()
        return [out.detach().float()] + [p.grad.clone() for p in block.parameters()]
    finally:
        ssd._TRITON_OK = None


def test_mamba_block_matches_reference_path_in_float32_and_bf16_autocast():
    # The whole block (projections, conv, gate, norm) and its parameter gradients, kernel against ssd_scan_ref.
    torch.manual_seed(0)
    block = Mamba2Block(128).cuda()
    u = torch.randn(2, 333, 128, device="cuda")
    truth = run_block(block, u, use_kernel=False, autocast=False)

    def errors(run):
        return [((r - t).norm() / t.norm()).item() for r, t in zip(run, truth)]

    assert max(errors(run_block(block, u, use_kernel=True, autocast=False))) < 1e-3
    # Under bf16 autocast both paths round; the kernel must be no worse than the reference path.
    kernel_bf16 = errors(run_block(block, u, use_kernel=True, autocast=True))
    reference_bf16 = errors(run_block(block, u, use_kernel=False, autocast=True))
    for k, r in zip(kernel_bf16, reference_bf16):
        assert k <= max(2 * r, 1e-2), (kernel_bf16, reference_bf16)


def test_float64_and_bad_shapes():
    inputs, _ = make_inputs(1, 40, 2, 8, 8, seed=2, io_dtype=torch.float64, dt_dtype=torch.float64)
    assert torch.equal(ssd_scan_triton(*inputs, 16), ssd.ssd_scan_ref(*inputs, 16))  # no fp64 kernel: reference
    x, dt, A, B, C = inputs
    with pytest.raises(ValueError, match="dt must be"):
        ssd_scan_triton(x, dt[:, :-1], A, B, C, 16)
    with pytest.raises(ValueError, match="B and C"):
        ssd_scan_triton(x, dt, A, B, C[..., :-1], 16)
    assert kernel_chunk(64) == 64 and kernel_chunk(37) == 64 and kernel_chunk(16) == 16
