"""v7 and v8 end to end: causality (v7), look-ahead (v8), any length, reference use, TorchScript."""
import pytest
import torch

from small_models import small_model
from tsestudio.errors import TseError
from tsestudio.models.registry import build_model, reference_limits

NAMES = ["v7", "v8"]


def run(model, mixture, reference):
    with torch.no_grad():
        return model(mixture, reference)


@pytest.mark.parametrize("t0", [400, 803, 1200])
def test_v7_is_causal_beyond_one_encoder_kernel(t0):
    model = small_model("v7")
    kernel = model.model_args["kernel_size"]
    g = torch.Generator().manual_seed(t0)
    mixture, reference = torch.randn(1, 1601, generator=g), torch.randn(1, 900, generator=g)
    changed = mixture.clone()
    changed[:, t0:] = torch.randn(1, 1601 - t0, generator=g)
    y, y_changed = run(model, mixture, reference), run(model, changed, reference)
    # Output sample t depends on input up to t + kernel - 1 (one encoder frame), never later.
    assert (y[:, : t0 - kernel + 1] - y_changed[:, : t0 - kernel + 1]).abs().max() <= 1e-6
    assert (y[:, t0:] - y_changed[:, t0:]).abs().max() > 1e-3


def test_v8_output_depends_on_the_future():
    model = small_model("v8")
    g = torch.Generator().manual_seed(0)
    mixture, reference = torch.randn(1, 1601, generator=g), torch.randn(1, 900, generator=g)
    changed = mixture.clone()
    changed[:, 1200:] = torch.randn(1, 401, generator=g)
    assert (run(model, mixture, reference)[:, :600] - run(model, changed, reference)[:, :600]).abs().max() > 1e-5


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("length,ref_length", [(1, 1), (15, 7), (17, 333), (1001, 64), (2049, 1999)])
def test_any_mixture_and_reference_length(name, length, ref_length):
    model = small_model(name)
    y = run(model, torch.randn(2, length), torch.randn(2, ref_length))
    assert y.shape == (2, length)
    assert torch.isfinite(y).all()


@pytest.mark.parametrize("name", NAMES)
def test_output_depends_on_the_reference_and_not_on_other_batch_items(name):
    model = small_model(name)
    g = torch.Generator().manual_seed(4)
    mixture, reference = torch.randn(2, 1200, generator=g), torch.randn(2, 700, generator=g)
    y = run(model, mixture, reference)
    assert (y[0] - y[1]).abs().max() > 1e-4
    swapped = run(model, mixture, reference.flip(0))  # each mixture now conditioned on the other reference
    assert (y - swapped).abs().max() > 1e-4
    alone = run(model, mixture[1:], reference[1:])
    assert torch.allclose(alone[0], y[1], atol=1e-5)


@pytest.mark.parametrize("name", NAMES)
def test_torchscript_round_trip(name, tmp_path):
    model = small_model(name)
    scripted = torch.jit.script(model)
    path = tmp_path / f"{name}.pt"
    torch.jit.save(scripted, str(path))
    loaded = torch.jit.load(str(path))
    mixture, reference = torch.randn(1, 1234), torch.randn(1, 567)
    eager = run(model, mixture, reference)
    assert torch.allclose(run(loaded, mixture, reference), eager, atol=1e-6)
    assert loaded.sample_rate == model.sample_rate


def test_default_sizes_and_rates():
    v7, v8 = build_model("v7"), build_model("v8")
    assert v7.sample_rate == 8000 and v7.model_args["dim"] == 128
    assert v8.sample_rate == 16000
    assert sum(p.numel() for p in v8.parameters()) <= 6_000_000
    assert reference_limits(v8)["min_seconds"] < reference_limits(v8)["max_seconds"]


def test_model_args_are_complete_and_rebuild_the_same_model():
    model = small_model("v8", seed=5)
    rebuilt = build_model("v8", **model.model_args)
    rebuilt.load_state_dict(model.state_dict())  # same shapes, every key present


def test_bad_model_arguments_are_clear_errors():
    with pytest.raises(TseError, match="unknown model argument 'dims'"):
        build_model("v8", dims=3)
    with pytest.raises(TseError, match="'stride' must be int"):
        build_model("v7", stride="8")
    with pytest.raises(TseError, match="unknown model 'v9'"):
        build_model("v9")
    with pytest.raises(TseError, match="head_dim"):
        build_model("v7", dim=40, head_dim=64)


def test_v7_attention_query_blocks_do_not_change_the_output():
    model = small_model("v7")
    mixture, reference = torch.randn(1, 1500), torch.randn(1, 800)
    whole = run(model, mixture, reference)
    for group in model.masker.groups:
        group.attention.query_block = 7  # many blocks, the last one partial
    assert torch.allclose(run(model, mixture, reference), whole, atol=1e-6)
