"""Checkpoint files for the trip back from the GPU machine: shrink, split into parts, resume from the parts."""

import pytest
import torch

from train_fixtures import tiny_data, write_config  # noqa: F401 (tiny_data is a fixture)
from tsestudio import train
from tsestudio.training import checkpoint as files
from tsestudio.training.errors import TrainingError


@pytest.fixture
def trained_run(tmp_path, tiny_data):
    config = write_config(tmp_path, tiny_data, max_steps=2)
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "run")]) == 0
    return tmp_path / "run"


def test_shrink_then_split_then_resume_from_the_parts(tmp_path, tiny_data, trained_run, capsys):
    full = trained_run / "last.pt"
    small = tmp_path / "back" / "last.pt"
    small.parent.mkdir()
    assert files.main(["shrink", str(full), "--out", str(small), "--weights-dtype", "bfloat16"]) == 0
    assert small.stat().st_size < 0.6 * full.stat().st_size  # half, plus fixed RNG and config bytes
    parts = files.split_file(small, part_mib=0.1)
    assert len(parts) >= 2 and all(p.stat().st_size <= 0.1 * 2**20 for p in parts)
    small.unlink()  # only the parts travel
    restored = files.load_checkpoint(small)
    original = files.load_checkpoint(full)
    assert restored["variant"] == "compact" and restored["step"] == original["step"] == 2
    for name, tensor in original["model"].items():
        assert torch.allclose(restored["model"][name].float(), tensor, rtol=1e-2, atol=1e-3), name
    config = write_config(tmp_path, tiny_data, max_steps=3)
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "more"), "--resume", str(small)]) == 0
    assert files.load_checkpoint(tmp_path / "more" / "last.pt")["step"] == 3
    # In a run folder, the parts count as its last.pt: --resume continues from them, no --resume is refused.
    assert train.main(["--config", str(config), "--run-dir", str(small.parent)]) == 2
    assert train.main(["--config", str(config), "--run-dir", str(small.parent), "--resume"]) == 0
    assert files.load_checkpoint(small.parent / "last.pt")["step"] == 3
    assert files.main(["info", str(small)]) == 0
    assert "step 2" in capsys.readouterr().out


def test_shrink_refuses_to_overwrite_its_input_and_bad_files_are_named(tmp_path, trained_run, capsys):
    full = trained_run / "last.pt"
    before = full.read_bytes()
    assert files.main(["shrink", str(full), "--out", str(full)]) == 2
    assert full.read_bytes() == before
    assert "refusing to overwrite" in capsys.readouterr().err
    (tmp_path / "half.pt").write_bytes(before[: len(before) // 2])
    with pytest.raises(TrainingError, match=r"half.pt: not a readable checkpoint"):
        files.load_checkpoint(tmp_path / "half.pt")
    torch.save({"weights": torch.zeros(1)}, tmp_path / "other.pt")
    with pytest.raises(TrainingError, match=r"other.pt: not a training checkpoint"):
        files.load_checkpoint(tmp_path / "other.pt")


def test_a_shipped_torchscript_model_resumes_training_with_its_weights_and_step(tmp_path, tiny_data, trained_run):
    from tsestudio import export
    from tsestudio.training import from_torchscript

    models = tmp_path / "models"
    assert export.main(["--checkpoint", str(trained_run / "last.pt"), "--out-dir", str(models), "--name", "tiny"]) == 0
    back = tmp_path / "back" / "last.pt"
    assert from_torchscript.main([str(models / "tiny.pt"), "--out", str(back)]) == 0
    restored, original = files.load_checkpoint(back), files.load_checkpoint(trained_run / "last.pt")
    assert restored["variant"] == "weights" and restored["step"] == original["step"] == 2
    for name, tensor in original["model"].items():
        assert torch.equal(restored["model"][name], tensor), name
    config = write_config(tmp_path, tiny_data, max_steps=3)
    assert train.main(["--config", str(config), "--run-dir", str(tmp_path / "more"), "--resume", str(back)]) == 0
    assert files.load_checkpoint(tmp_path / "more" / "last.pt")["step"] == 3


def test_from_torchscript_names_a_file_without_its_card(tmp_path, capsys):
    from tsestudio.training import from_torchscript

    (tmp_path / "lonely.pt").write_bytes(b"not a model")
    assert from_torchscript.main([str(tmp_path / "lonely.pt"), "--out", str(tmp_path / "x.pt")]) == 2
    assert "lonely.json: model card not found" in capsys.readouterr().err
    assert not (tmp_path / "x.pt").exists()
