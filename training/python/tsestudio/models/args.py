"""Model arguments: defaults per model, overrides checked by key and type (nanoGPT-style strictness)."""
from typing import Any, Dict, Mapping

from tsestudio.errors import TseError


def resolve_args(model_name: str, defaults: Mapping[str, Any], overrides: Mapping[str, Any]) -> Dict[str, Any]:
    """Defaults updated by overrides; an unknown key or a value of the wrong type is a TseError.

    Lists and tuples are interchangeable (JSON and YAML give lists), ints are accepted where a float is
    expected, and sequence items are checked against the default's item type.
    """
    resolved = dict(defaults)
    for key, value in overrides.items():
        if key not in defaults:
            known = ", ".join(sorted(defaults))
            raise TseError(f"{model_name}: unknown model argument '{key}' (known: {known})")
        resolved[key] = _checked(model_name, key, defaults[key], value)
    return resolved


def _checked(model_name: str, key: str, default: Any, value: Any) -> Any:
    def fail() -> TseError:
        return TseError(
            f"{model_name}: model argument '{key}' must be {type(default).__name__} like {default!r}, got {value!r}"
        )

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise fail()
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail()
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail()
        return float(value)
    if isinstance(default, (list, tuple)):
        if not isinstance(value, (list, tuple)):
            raise fail()
        if default:
            return [_checked(model_name, key, default[0], item) for item in value]
        return list(value)
    if not isinstance(value, type(default)):
        raise fail()
    return value
