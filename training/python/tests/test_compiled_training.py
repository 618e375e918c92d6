"""torch.compile with the Triton scan as a custom operator: the same loss and gradients as the eager model.

Needs a CUDA GPU, triton and torch >= 2.4; skipped otherwise (CPU machines, CI).
"""
import pytest
import torch

if not torch.cuda.is_available():
    pytest.skip("torch.compile training needs a CUDA GPU", allow_module_level=True)
pytest.importorskip("triton", reason="the Triton SSD scan needs triton")

from small_models import small_model  # noqa: E402
from tsestudio.kernels.compiled import (  # noqa: E402
    begin_graph_step, can_compile, compile_for_training, stop_compiling)
from tsestudio.losses import neg_si_sdr_loss  # noqa: E402
from tsestudio.training.validation import autocast_context  # noqa: E402

if not can_compile(torch.device("cuda")):
    pytest.skip("this torch has no torch.library.custom_op", allow_module_level=True)


def loss_and_grads(net, model, mixture, reference, target):
    model.zero_grad(set_to_none=True)
    with autocast_context(torch.device("cuda"), "bf16"):
        estimate = net(mixture, reference)
    loss = neg_si_sdr_loss(estimate.float(), target)
    loss.backward()
    return float(loss), {name: p.grad.detach().clone() for name, p in model.named_parameters()}


@pytest.mark.parametrize("mode", ["default", "reduce-overhead"])
def test_compiled_step_matches_eager(mode):
    torch._dynamo.reset()  # one compile per mode, not a cached one of the other
    model = small_model("v8", seed=3).cuda().train()
    g = torch.Generator(device="cuda").manual_seed(0)
    mixture = torch.randn(2, 8000, device="cuda", generator=g) * 0.1
    reference = torch.randn(2, 8000, device="cuda", generator=g) * 0.1
    target = torch.randn(2, 8000, device="cuda", generator=g) * 0.1
    eager_loss, eager_grads = loss_and_grads(model, model, mixture, reference, target)
    try:
        compiled = compile_for_training(model, mode)
        for _ in range(3):  # CUDA-graph trees warm up, record, then replay: compare a replayed step
            begin_graph_step()
            compiled_loss, compiled_grads = loss_and_grads(compiled, model, mixture, reference, target)
    finally:
        stop_compiling()
    assert abs(compiled_loss - eager_loss) < 1e-2 * max(1.0, abs(eager_loss))
    for name, grad in eager_grads.items():
        other = compiled_grads[name]
        assert torch.isfinite(other).all(), name
        error = (other - grad).norm() / grad.norm().clamp_min(1e-12)
        assert error < 5e-2, (name, float(error))  # bf16 autocast: Inductor fuses and rounds differently
