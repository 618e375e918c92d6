"""Training batches that can be resumed exactly.

Dynamic mixing: item k of ``DynamicMixDataset`` is a pure function of (seed, split, k), and batch g of a rank
is items g*B .. g*B+B-1 of that rank's stream (seed derived from (seed, rank)). Worker w of W makes batches
w, w+W, ... and the DataLoader takes them in turn, so the batches are the same for any ``num_workers``, and
resuming at batch g (the step number) starts there directly, without replaying or re-mixing anything.

Static data: one epoch is one pass over the manifest in a permutation seeded by (seed, epoch), split between
ranks like DistributedSampler; the position is (epoch, batches done), and items are cropped at offsets
seeded by (seed, epoch, item), so no random state lives in the workers.
"""

import itertools
from typing import Dict, Iterator, List, Tuple

import torch
from torch.utils.data import DataLoader, Dataset, IterableDataset, get_worker_info
from torch.utils.data._utils.collate import default_collate

from tsestudio.training.rng import derive_seed
from tsestudio.training.stopping import ignore_interrupts_in_worker

Batch = Tuple[torch.Tensor, torch.Tensor, torch.Tensor]


def rank_stream_seed(seed: int, rank: int) -> int:
    """The dynamic-mixing seed of one rank: ranks draw different mixtures, reproducibly."""
    return derive_seed(seed, rank) % (2**31)


class DynamicBatchStream(IterableDataset):
    """Endless collated batches ``first_batch``, ``first_batch + 1``, ... of a dynamic mixing stream."""

    def __init__(self, mixer, batch_size: int, first_batch: int):
        self.mixer = mixer  # a DynamicMixDataset: built once, its corpus audio shared by forked workers
        self.batch_size = batch_size
        self.first_batch = first_batch

    def __iter__(self) -> Iterator[Batch]:
        info = get_worker_info()
        worker, workers = (info.id, info.num_workers) if info is not None else (0, 1)
        for batch in itertools.count(self.first_batch + worker, workers):
            start = batch * self.batch_size
            yield default_collate([self.mixer.item(k) for k in range(start, start + self.batch_size)])


def open_mixer(config, rank: int):
    """The training split's DynamicMixDataset of this rank (loads, or maps, the corpus audio once)."""
    from tsestudio.data.dynamic import DynamicMixDataset

    return DynamicMixDataset(config.corpus_dir, config.recipe, "train", rank_stream_seed(config.seed, rank))


def dynamic_batches(mixer, config, rank: int, first_batch: int) -> Iterator[Batch]:
    stream = DynamicBatchStream(mixer, config.batch_size, first_batch)
    return iter(_loader(stream, None, config.num_workers, derive_seed(config.seed, rank, first_batch)))


class CroppedItems(Dataset):
    """Static manifest items keyed by (index, epoch), cropped to the training segment at a seeded offset."""

    def __init__(self, dataset: Dataset, segment_samples: int, seed: int):
        self.dataset = dataset
        self.segment_samples = segment_samples
        self.seed = seed

    def __len__(self) -> int:
        return len(self.dataset)

    def __getitem__(self, key: Tuple[int, int]) -> Batch:
        index, epoch = key
        mixture, reference, target = self.dataset[index]
        excess = mixture.shape[-1] - self.segment_samples
        if excess > 0:
            generator = torch.Generator().manual_seed(derive_seed(self.seed, epoch, index) % (2**62))
            start = int(torch.randint(0, excess + 1, (1,), generator=generator))
            mixture = mixture[start:start + self.segment_samples]
            target = target[start:start + self.segment_samples]
        return mixture, reference, target


def collate_to_shortest(items: List[Batch]) -> Batch:
    """Stack items, trimming mixtures (and references) to the shortest in the batch instead of zero-padding,
    which would reward silence in SI-SDR."""
    length = min(item[0].shape[-1] for item in items)
    ref_length = min(item[1].shape[-1] for item in items)
    return (
        torch.stack([item[0][:length] for item in items]),
        torch.stack([item[1][:ref_length] for item in items]),
        torch.stack([item[2][:length] for item in items]),
    )


class EpochBatches:
    """Batches of (index, epoch) keys for one rank: a seeded permutation per epoch, the last partial batch dropped."""

    def __init__(self, size: int, batch_size: int, rank: int, world_size: int, seed: int, epoch: int, start: int):
        self.size, self.batch_size, self.rank, self.world_size = size, batch_size, rank, world_size
        self.seed, self.epoch, self.start = seed, epoch, start

    @staticmethod
    def batches_per_epoch(size: int, batch_size: int, world_size: int) -> int:
        return size // (batch_size * world_size)

    def __len__(self) -> int:
        return self.batches_per_epoch(self.size, self.batch_size, self.world_size) - self.start

    def __iter__(self) -> Iterator[List[Tuple[int, int]]]:
        generator = torch.Generator().manual_seed(derive_seed(self.seed, self.epoch) % (2**62))
        order = torch.randperm(self.size, generator=generator).tolist()
        mine = order[self.rank::self.world_size]
        total = self.batches_per_epoch(self.size, self.batch_size, self.world_size)
        for number in range(self.start, total):
            chunk = mine[number * self.batch_size:(number + 1) * self.batch_size]
            yield [(index, self.epoch) for index in chunk]


def static_batches(items: CroppedItems, config, rank: int, world: int, epoch: int, start: int) -> Iterator[Batch]:
    sampler = EpochBatches(len(items), config.batch_size, rank, world, config.seed, epoch, start)
    return iter(_loader(items, sampler, config.num_workers, derive_seed(config.seed, rank, epoch)))


def _loader(dataset, batch_sampler, num_workers: int, seed: int) -> DataLoader:
    generator = torch.Generator().manual_seed(seed % (2**62))  # worker seeds, independent of the global RNG
    return DataLoader(
        dataset,
        batch_size=None if batch_sampler is None else 1,
        batch_sampler=batch_sampler,
        collate_fn=None if batch_sampler is None else collate_to_shortest,
        num_workers=num_workers,
        worker_init_fn=ignore_interrupts_in_worker if num_workers > 0 else None,
        generator=generator,
        persistent_workers=False,
        pin_memory=torch.cuda.is_available(),  # lets the trainer's non_blocking copies overlap the step
    )


def training_data_sources(corpus_dir: str) -> List[Dict]:
    """Sources and licences of the corpus files the training split draws on (carried into the model card)."""
    from tsestudio.data.corpus import read_manifest
    from tsestudio.data.errors import DataError

    if not corpus_dir:
        return []
    try:
        entries = read_manifest(corpus_dir)
    except DataError:  # a static run may train where the corpus itself is absent
        return []
    counts: Dict[Tuple[str, str, str], int] = {}
    for entry in entries:
        if entry.split == "train":
            key = (entry.engine, entry.licence, entry.kind)
            counts[key] = counts.get(key, 0) + 1
    return [{"source": source, "licence": licence, "kind": kind, "files": files}
            for (source, licence, kind), files in sorted(counts.items())]
