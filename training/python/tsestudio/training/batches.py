"""Training batches that can be resumed exactly.

Dynamic mixing: the stream of fresh mixtures is restarted at every resumable checkpoint, seeded by
(seed, rank, step). Resuming from a checkpoint written at step S restarts the same stream the uninterrupted
run started at S, so the same batches follow without replaying (and re-mixing) the batches already used.
Worker w of W always produces batches w, w+W, ... of a stream (the DataLoader takes them in turn), so the
order is fixed for a given ``num_workers``.

Static data: one epoch is one pass over the manifest in a permutation seeded by (seed, epoch), split between
ranks like DistributedSampler; the position is (epoch, batches done), and items are cropped at offsets
seeded by (seed, epoch, item), so no random state lives in the workers.
"""

from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import torch
import yaml
from torch.utils.data import DataLoader, Dataset, IterableDataset, get_worker_info
from torch.utils.data._utils.collate import default_collate

from tsestudio.training.errors import TrainingError
from tsestudio.training.rng import derive_seed
from tsestudio.training.stopping import ignore_interrupts_in_worker

Batch = Tuple[torch.Tensor, torch.Tensor, torch.Tensor]


def load_recipe(path: str) -> Dict[str, Any]:
    try:
        recipe = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise TrainingError(f"{path}: cannot read recipe ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise TrainingError(f"{path}: recipe is not valid YAML ({str(error).splitlines()[0]})") from error
    if not isinstance(recipe, dict):
        raise TrainingError(f"{path}: a recipe must be a mapping")
    return recipe


class DynamicBatchStream(IterableDataset):
    """Endless collated batches of dynamically mixed examples; see the module docstring for the seeding."""

    def __init__(self, corpus_dir: str, recipe: Dict[str, Any], batch_size: int, stream_seed: int):
        self.corpus_dir = corpus_dir
        self.recipe = recipe
        self.batch_size = batch_size
        self.stream_seed = stream_seed

    def __iter__(self) -> Iterator[Batch]:
        from tsestudio.data.dynamic import DynamicMixDataset

        info = get_worker_info()
        worker = info.id if info is not None else 0
        dataset = DynamicMixDataset(
            self.corpus_dir, self.recipe, "train", derive_seed(self.stream_seed, worker) % (2**31)
        )
        items = iter(dataset)
        while True:
            yield default_collate([next(items) for _ in range(self.batch_size)])


def dynamic_batches(config, rank: int, start_step: int) -> Iterator[Batch]:
    stream_seed = derive_seed(config.seed, rank, start_step)
    stream = DynamicBatchStream(config.corpus_dir, load_recipe(config.recipe), config.batch_size, stream_seed)
    return iter(_loader(stream, None, config.num_workers, stream_seed))


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
