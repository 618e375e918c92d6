"""Dynamic mixing through a real DataLoader with worker processes."""
import pytest
import torch
from torch.utils.data import DataLoader

from tsestudio.data.dynamic import DynamicMixDataset
from tsestudio.data.errors import DataError
from tsestudio.data.recipes import load_recipe


def _batches(ds, n, workers):
    loader = DataLoader(ds, batch_size=4, num_workers=workers)
    out = []
    for i, b in enumerate(loader):
        out.append(b)
        if i + 1 == n:
            break
    return out


def test_fixed_shapes_and_reproducible_stream(tiny_corpus):
    recipe = load_recipe("v7")
    ds = DynamicMixDataset(tiny_corpus, recipe, "train", seed=5)
    a = _batches(ds, 2, workers=2)
    b = _batches(DynamicMixDataset(tiny_corpus, recipe, "train", seed=5), 2, workers=2)
    mix, ref, tgt = a[0]
    assert mix.shape == tgt.shape == (4, 6 * 8000) and ref.shape == (4, 6 * 8000)
    assert mix.dtype == torch.float32 and torch.isfinite(mix).all()
    assert all(torch.equal(x, y) for ba, bb in zip(a, b) for x, y in zip(ba, bb))
    # Workers make different items, and another seed makes another stream.
    assert not torch.equal(a[0][0][0], a[0][0][1])
    c = _batches(DynamicMixDataset(tiny_corpus, recipe, "train", seed=6), 1, workers=0)
    assert not torch.equal(a[0][0], c[0][0])


def test_start_skips_items_for_resuming(tiny_corpus):
    recipe = load_recipe("v7")
    full = list(DynamicMixDataset(tiny_corpus, recipe, "train", seed=1, length=4))
    tail = list(DynamicMixDataset(tiny_corpus, recipe, "train", seed=1, start=2, length=2))
    assert torch.equal(full[2][0], tail[0][0]) and torch.equal(full[3][2], tail[1][2])


def test_split_without_enough_people_is_a_clear_error(tiny_corpus):
    with pytest.raises(DataError, match="split 'real_valid' has 0 usable speakers"):
        DynamicMixDataset(tiny_corpus, load_recipe("v7"), "real_valid", seed=1)
