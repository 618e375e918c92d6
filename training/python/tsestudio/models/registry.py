"""Model names -> model classes. Every model keeps `model_args` (all arguments, defaults filled in) and
`sample_rate`, so a checkpoint or model card that stores the name and `model_args` rebuilds it exactly."""
from typing import Any, Dict

from torch import nn

from tsestudio.errors import TseError
from tsestudio.models.v7 import V7_DEFAULTS, TseV7
from tsestudio.models.v8 import V8_DEFAULTS, TseV8

MODELS = {"v7": TseV7, "v8": TseV8}
DEFAULTS: Dict[str, Dict[str, Any]] = {"v7": V7_DEFAULTS, "v8": V8_DEFAULTS}


def build_model(name: str, **model_args) -> nn.Module:
    """Builds model `name` ("v7" or "v8"); unknown names, unknown arguments and wrong types raise TseError."""
    if name not in MODELS:
        raise TseError(f"unknown model '{name}' (known: {', '.join(sorted(MODELS))})")
    try:
        return MODELS[name](**model_args)
    except ValueError as err:  # inconsistent sizes found by a layer, e.g. a width not divisible by head_dim
        raise TseError(f"{name}: {err}") from err


def default_args(name: str) -> Dict[str, Any]:
    if name not in DEFAULTS:
        raise TseError(f"unknown model '{name}' (known: {', '.join(sorted(MODELS))})")
    return {k: (list(v) if isinstance(v, list) else v) for k, v in DEFAULTS[name].items()}


def reference_limits(model: nn.Module) -> Dict[str, float]:
    """The reference lengths a model is meant for, in seconds (written to the model card)."""
    return {"min_seconds": float(model.REFERENCE_MIN_SECONDS), "max_seconds": float(model.REFERENCE_MAX_SECONDS)}
