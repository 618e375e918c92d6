"""Mixing recipes (YAML): what a mixture of a given recipe is made of. See training/python/recipes/."""
import os

import yaml

from .errors import DataError, fail

RECIPE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "recipes")

DEFAULTS = {
    "interferers": {"min": 1, "max": 1}, "sir_db": [-5.0, 5.0], "interferer_overlap": [1.0, 1.0],
    "noise": {"probability": 0.0, "snr_db": [0.0, 20.0]}, "reverb": {"probability": 0.0, "early_ms": 50},
    "level_dbfs": [-30.0, -20.0], "reference": {"min_seconds": 3.0, "max_seconds": 10.0},
    "augment": {"speed": {"probability": 0.0, "range": [1.0, 1.0]}, "eq": {"probability": 0.0, "max_db": 0.0},
                "codec": {"probability": 0.0, "kinds": []}, "reference_reverb_probability": 0.0},
    "sizes": {},
    # Chance that a mixture's target is a recorded person rather than a synthetic voice, where a split has both;
    # None: every speaker equally likely (recorded people are 22% of v8's training speakers, 68% of its hours).
    "real_target_share": None,
}


def _merge(base, over):
    out = dict(base)
    for k, v in (over or {}).items():
        out[k] = _merge(base[k], v) if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    return out


def load_recipe(name_or_path) -> dict:
    """A recipe by name (v7, v8: from the recipes folder) or by YAML path, with defaults filled in."""
    path = name_or_path if str(name_or_path).endswith((".yaml", ".yml")) else os.path.join(RECIPE_DIR, f"{name_or_path}.yaml")
    if not os.path.isfile(path):
        raise fail(path, "recipe not found")
    return validate(_read_raw(path), path)


def _read_raw(path, seen=()):
    """A recipe file's mapping; `extends: NAME` starts from that recipe's mapping and changes only what it lists."""
    try:
        with open(path, encoding="utf-8") as f:
            raw = yaml.safe_load(f)
    except yaml.YAMLError as e:
        raise fail(path, f"not valid YAML ({str(e).splitlines()[0]})") from None
    if not isinstance(raw, dict) or "extends" not in raw:
        return raw
    base = os.path.join(os.path.dirname(path), f"{raw['extends']}.yaml")
    if not os.path.isfile(base):
        raise fail(path, f"extends '{raw['extends']}': no {base}")
    if os.path.abspath(base) in seen:
        raise fail(path, f"extends '{raw['extends']}' goes round in a circle")
    base_raw = _read_raw(base, seen + (os.path.abspath(path),))
    if not isinstance(base_raw, dict):
        raise fail(base, "recipe must be a mapping")
    return _merge(base_raw, {k: v for k, v in raw.items() if k != "extends"})


def validate(raw, where="recipe") -> dict:
    if not isinstance(raw, dict):
        raise fail(where, "recipe must be a mapping")
    r = _merge(DEFAULTS, raw)
    for key in ("name", "sample_rate", "segment_seconds"):
        if key not in r:
            raise fail(where, f"recipe needs '{key}'")
    if r["sample_rate"] not in (8000, 16000):
        raise fail(where, f"sample_rate must be 8000 or 16000, not {r['sample_rate']}")
    lo, hi = r["reference"]["min_seconds"], r["reference"]["max_seconds"]
    if not 0 < lo <= hi:
        raise fail(where, "reference min_seconds must be > 0 and <= max_seconds")
    if not 1 <= r["interferers"]["min"] <= r["interferers"]["max"]:
        raise fail(where, "interferers need 1 <= min <= max")
    share = r["real_target_share"]
    if share is not None and not (isinstance(share, (int, float)) and 0 <= share <= 1):
        raise fail(where, f"real_target_share must be between 0 and 1 (or null), not {share!r}")
    return r


def segment_seconds(recipe: dict, split: str) -> float:
    seg = recipe["segment_seconds"]
    if isinstance(seg, dict):
        if split in seg:
            return float(seg[split])
        if "default" not in seg:
            raise DataError(f"recipe {recipe['name']}: no segment_seconds for split '{split}' and no default")
        return float(seg["default"])
    return float(seg)
