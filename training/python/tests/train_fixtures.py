"""Tiny real data for the trainer tests: an espeak-ng speech corpus, a small recipe, static sets, a config.

Everything goes through the project's own data code (corpus manifest, DynamicMixDataset, the static set
generator) and the real models at small widths, so the tests exercise what the GPU runs will.
"""

import subprocess
from pathlib import Path

import pytest
import yaml

from small_models import SMALL_ARGS
from tsestudio.data.corpus import Entry, write_manifest
from tsestudio.data.generate import generate
from tsestudio.data.wavio import read_info

# Six people (espeak-ng voices with different pitch/variants), three sentences each; four train, two valid.
PEOPLE = [("en-us", "train"), ("en+f3", "train"), ("de", "train"), ("fr+m3", "train"),
          ("es", "valid"), ("it+f2", "valid")]
SENTENCES = ["The quick brown fox jumps over the lazy dog near the river.",
             "Seven small birds were singing in the old oak tree this morning.",
             "Please bring the blue folder and two pencils to the meeting room."]

RECIPE = {
    "name": "tiny",
    "sample_rate": 8000,
    "segment_seconds": 1.0,
    "reference": {"min_seconds": 0.5, "max_seconds": 1.0},
    "interferers": {"min": 1, "max": 1},
    "sir_db": [-3.0, 3.0],
    "interferer_overlap": [1.0, 1.0],
    "level_dbfs": [-28.0, -22.0],
    "sizes": {"train": 8, "valid": 4},
}


def build_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for person, (voice, split) in enumerate(PEOPLE):
        for number, sentence in enumerate(SENTENCES):
            relative = f"speech/p{person}_{number}.wav"
            (folder / "speech").mkdir(exist_ok=True)
            subprocess.run(["espeak-ng", "-v", voice, "-w", str(folder / relative), sentence], check=True)
            info = read_info(str(folder / relative))
            entries.append(Entry(path=relative, speaker=f"p{person}", base_voice=f"p{person}", engine="espeak-ng",
                                 licence="GPL-3.0-or-later", duration=info.duration, sample_rate=info.sample_rate,
                                 kind="speech", real=False, split=split))
    write_manifest(str(folder), entries)
    return folder


@pytest.fixture(scope="session")
def tiny_data(tmp_path_factory):
    """Paths of the corpus, recipe and static train/valid manifests (built once per test session)."""
    root = tmp_path_factory.mktemp("tiny_data")
    corpus = build_corpus(root / "corpus")
    recipe = root / "tiny.yaml"
    recipe.write_text(yaml.safe_dump(RECIPE))
    train, _ = generate(str(corpus), str(recipe), "train", str(root / "mixtures"), count=8, seed=1)
    valid, _ = generate(str(corpus), str(recipe), "valid", str(root / "mixtures"), count=4, seed=1)
    return {"corpus": corpus, "recipe": recipe, "train": Path(train), "valid": Path(valid), "root": root}


def write_config(folder: Path, data: dict, model: str = "v8", **settings) -> Path:
    """A training config for the tiny data: small real model, CPU, tiny epochs; ``settings`` override."""
    config = {
        "model_name": model,
        "model_args": {**SMALL_ARGS[model], "sample_rate": 8000},
        "data_mode": "dynamic",
        "corpus_dir": str(data["corpus"]),
        "recipe": str(data["recipe"]),
        "train_manifest": str(data["train"]),
        "valid_manifest": str(data["valid"]),
        "segment_seconds": 1.0,
        "batch_size": 2,
        "num_workers": 0,
        "steps_per_epoch": 4,
        "valid_batch_size": 2,
        "epochs": 3,
        "lr": 3.0e-3,
        "warmup_steps": 2,
        "restart_period_epochs": 1,
        "log_every": 1,
        "checkpoint_every": 3,
        "device": "cpu",
        "seed": 7,
        **settings,
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config))
    return path
