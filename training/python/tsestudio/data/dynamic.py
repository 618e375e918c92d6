"""Dynamic mixing: fresh mixtures on the fly from the same sampling and rendering as the static sets."""
import numpy as np
import torch
from torch.utils.data import IterableDataset, get_worker_info

from .corpus import CorpusAudio
from .mixing import Pools, item_rng, render, sample_spec, tile_to
from .recipes import load_recipe, segment_seconds


class DynamicMixDataset(IterableDataset):
    """Endless (mixture, reference, target) float32 1-D tensors of fixed lengths.

    Item k of the stream is a pure function of (seed, split, k). With W DataLoader workers, worker w makes
    items w, w+W, w+2W, ... so no two workers repeat each other and the stream is reproducible; `start`
    skips the first items (resuming a training run at its checkpoint's data_position).
    The corpus audio is loaded once as int16 (memory-mapped cache), shared by forked workers.
    """

    def __init__(self, corpus_dir, recipe, split: str = "train", seed: int = 0, start: int = 0,
                 length: int = None):
        super().__init__()
        self.recipe = load_recipe(recipe) if isinstance(recipe, str) else recipe
        self.split, self.seed, self.start, self.length = split, int(seed), int(start), length
        self.rate = self.recipe["sample_rate"]
        self.segment = int(round(segment_seconds(self.recipe, split) * self.rate))
        self.ref_len = int(round(self.recipe["reference"]["max_seconds"] * self.rate))
        self.audio = CorpusAudio(corpus_dir, self.rate)
        self.pools = Pools(self.audio, split)

    def item(self, k: int):
        rng = item_rng(self.seed, self.split, k, stream="dynamic")
        sig = render(sample_spec(rng, self.pools, self.recipe, self.split), self.pools, self.recipe)
        ref = tile_to(sig["reference"], self.ref_len)
        return (torch.from_numpy(np.ascontiguousarray(sig["mixture"])), torch.from_numpy(np.ascontiguousarray(ref)),
                torch.from_numpy(np.ascontiguousarray(sig["target"])))

    def __iter__(self):
        info = get_worker_info()
        wid, workers = (info.id, info.num_workers) if info is not None else (0, 1)
        k = self.start + wid
        end = None if self.length is None else self.start + self.length
        while end is None or k < end:
            yield self.item(k)
            k += workers
