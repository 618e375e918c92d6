"""Validation: SI-SDR improvement of the model's estimates on a static mixture manifest.

SI-SDRi = SI-SDR(estimate, target) - SI-SDR(mixture, target), in dB, averaged over items. Items are run in
groups of equal mixture and reference length (no padding, which would change the scores). Under DDP each
rank scores every world_size-th item and the sums are all-reduced, so every rank gets the same mean.
"""

import contextlib
from typing import Callable, Iterator, List, Sequence, Tuple

import torch
from torch.utils.data import DataLoader, Subset

from tsestudio.training.distributed import DistInfo, all_reduce_sum

Item = Tuple[torch.Tensor, torch.Tensor, torch.Tensor]


def autocast_context(device: torch.device, amp: str):
    """bf16 autocast on CUDA (bf16 keeps fp32's range, so no loss scaling); CPU runs in float32."""
    if device.type == "cuda" and amp == "bf16":
        return torch.autocast(device_type="cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def equal_length_groups(items: Iterator[Tuple[int, Item]], max_batch: int) -> Iterator[List[Tuple[int, Item]]]:
    """Consecutive items with the same mixture and reference lengths, at most ``max_batch`` at a time."""
    group: List[Tuple[int, Item]] = []
    for entry in items:
        shape = (entry[1][0].shape[-1], entry[1][1].shape[-1])
        if group and (len(group) == max_batch or (group[0][1][0].shape[-1], group[0][1][1].shape[-1]) != shape):
            yield group
            group = []
        group.append(entry)
    if group:
        yield group


def run_model(
    model: Callable, dataset, indices: Sequence[int], device: torch.device, amp: str, batch_size: int, workers: int
) -> Iterator[Tuple[int, Item, torch.Tensor]]:
    """Yield (index, (mixture, reference, target), estimate) for each index, estimates float32 on the CPU."""
    loader = DataLoader(Subset(dataset, list(indices)), batch_size=None, num_workers=workers)
    numbered = zip(indices, loader)
    with torch.no_grad():
        for group in equal_length_groups(numbered, batch_size):
            mixture = torch.stack([item[0] for _, item in group]).to(device)
            reference = torch.stack([item[1] for _, item in group]).to(device)
            with autocast_context(device, amp):
                estimate = model(mixture, reference)
            estimate = estimate.float().cpu()
            for row, (index, item) in enumerate(group):
                yield index, item, estimate[row]


def mean_si_sdri(model, dataset, config, device: torch.device, info: DistInfo) -> Tuple[float, int]:
    """Mean SI-SDRi over the (first ``valid_max_items`` of the) dataset, identical on every rank."""
    from tsestudio.losses import si_sdr

    count = len(dataset) if config.valid_max_items == 0 else min(len(dataset), config.valid_max_items)
    mine = range(info.rank, count, info.world_size)
    totals = torch.zeros(2, dtype=torch.float64)
    was_training = model.training
    model.eval()
    try:
        workers = min(2, config.num_workers)
        for _, (mixture, _, target), estimate in run_model(
            model, dataset, mine, device, config.amp, config.valid_batch_size, workers
        ):
            improvement = si_sdr(estimate[None], target[None]) - si_sdr(mixture[None], target[None])
            totals[0] += float(improvement[0])
            totals[1] += 1
    finally:
        model.train(was_training)
    if info.enabled:
        totals = all_reduce_sum(totals.to(device), info).cpu()
    return float(totals[0] / max(totals[1], 1)), int(totals[1])
