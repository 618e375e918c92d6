"""Config loading and overrides: unknown keys and changed types are refused, with one-line messages."""

import math
from pathlib import Path

import pytest

from tsestudio.training.config import load_config
from tsestudio.training.errors import TrainingError
from tsestudio.training.schedule import WarmRestartSchedule

CONFIGS = Path(__file__).resolve().parents[1] / "configs"


@pytest.mark.parametrize("name", ["config_v7.yaml", "config_v8.yaml"])
def test_shipped_configs_load_and_build_their_model(name):
    from tsestudio.models.registry import build_model

    config = load_config(CONFIGS / name)
    model = build_model(config.model_name, **config.model_args)
    assert model.sample_rate == (8000 if config.model_name == "v7" else 16000)
    assert 150 <= config.epochs <= 200 and 30 <= config.patience <= 40
    assert config.warmup_steps > 0 and config.restart_mult >= 1


def test_seed_settings_per_model():
    v7, v8 = load_config(CONFIGS / "config_v7.yaml"), load_config(CONFIGS / "config_v8.yaml")
    # v7 draws from its own recipe (8 kHz, 6 s, one interferer) by dynamic mixing; static remains an option.
    assert (v7.model_args["dim"], v7.model_args["sample_rate"]) == (128, 8000)
    assert v7.recipe.endswith("v7.yaml") and v7.data_mode in ("dynamic", "static")
    assert v8.data_mode == "dynamic" and v8.model_args["sample_rate"] == 16000


def test_overrides_keep_types():
    config = load_config(CONFIGS / "config_v8.yaml",
                         ["lr=3e-4", "epochs=5", "amp=none", "keep_step_checkpoints=true", "model_args.stride=8",
                          "model_args.stage_dims=[64, 96]", "recipe=001"])
    assert config.lr == pytest.approx(3e-4) and config.epochs == 5 and config.amp == "none"
    assert config.keep_step_checkpoints is True
    assert config.model_args["stride"] == 8 and config.model_args["stage_dims"] == [64, 96]
    assert config.recipe == "001"  # strings are taken verbatim
    assert load_config(CONFIGS / "config_v8.yaml", ["lr=1"]).lr == 1.0  # int widens to float


@pytest.mark.parametrize("override, words", [
    ("learning_rate=0.1", "unknown key 'learning_rate'"),
    ("epochs=1.5", "epochs expects int"),
    ("epochs=many", "epochs expects int"),
    ("keep_step_checkpoints=1", "expects bool"),
    ("lr=fast", "lr expects float"),
    ("model_args.dimm=3", "unknown model argument 'dimm'"),
    ("model_args.stride=8.5", "model_args.stride expects int"),
    ("amp=fp16", "amp must be one of bf16, none"),
    ("compile_mode=cudagraphs", "compile_mode must be one of default, reduce-overhead"),
    ("batch_size=0", "batch_size must be at least 1"),
    ("novalue", "not of the form key=value"),
])
def test_bad_overrides_are_refused(override, words):
    with pytest.raises(TrainingError) as caught:
        load_config(CONFIGS / "config_v8.yaml", [override])
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_unknown_key_in_file_names_the_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("model_name: v8\nepochz: 3\n")
    with pytest.raises(TrainingError, match=r"bad.yaml: config: unknown key 'epochz'"):
        load_config(path)
    path.write_text("model_name: [v8\n")
    with pytest.raises(TrainingError, match=r"bad.yaml: not valid YAML"):
        load_config(path)
    with pytest.raises(TrainingError, match=r"missing.yaml: cannot read config"):
        load_config(tmp_path / "missing.yaml")


def test_schedule_warms_up_then_restarts():
    import torch

    optimizer = torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
    schedule = WarmRestartSchedule(optimizer, 1.0, warmup_steps=10, first_period_steps=100, period_mult=2,
                                   min_lr_ratio=0.0)
    assert schedule.lr_at(0) == pytest.approx(0.1 * schedule.cosine_factor(0))
    assert schedule.lr_at(9) == pytest.approx(schedule.cosine_factor(9))
    assert schedule.lr_at(50) == pytest.approx(0.5)  # half-way down the first cosine
    assert schedule.lr_at(99) < 0.001 and schedule.lr_at(100) == pytest.approx(1.0)  # restart
    assert schedule.lr_at(200) == pytest.approx(0.5 * (1 + math.cos(math.pi * 100 / 200)))  # period doubled
    assert schedule.lr_at(300) == pytest.approx(1.0)
    schedule.start_rewarm(1000, 4)
    assert schedule.lr_at(1000) == pytest.approx(0.25 * schedule.cosine_factor(1000))
    assert schedule.lr_at(1004) == pytest.approx(schedule.cosine_factor(1004))
    assert schedule.apply(50) == optimizer.param_groups[0]["lr"]
