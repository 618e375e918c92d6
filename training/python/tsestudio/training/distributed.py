"""Process-group set-up for ``torchrun`` and the few collective operations the trainer needs.

Without torchrun's environment (WORLD_SIZE unset or 1) everything here is a no-op on one process, so the
trainer has one code path. Rank 0 alone writes checkpoints and logs; the others compute and synchronise.
"""

import hashlib
import os
from dataclasses import dataclass
from typing import Any, List

import torch
import torch.distributed as dist

from tsestudio.training.errors import TrainingError


@dataclass(frozen=True)
class DistInfo:
    rank: int = 0
    world_size: int = 1
    local_rank: int = 0

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def enabled(self) -> bool:
        return self.world_size > 1


def choose_device(preference: str, info: DistInfo) -> torch.device:
    if preference == "cuda" and not torch.cuda.is_available():
        raise TrainingError("config: device cuda requested but no CUDA GPU is available")
    if preference == "cpu" or not torch.cuda.is_available():
        return torch.device("cpu")
    device = torch.device("cuda", info.local_rank)
    torch.cuda.set_device(device)
    return device


def init_distributed(device_preference: str) -> "tuple[DistInfo, torch.device]":
    """Join the process group torchrun describes (NCCL on GPUs, gloo on CPUs) and pick this rank's device."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    info = DistInfo(int(os.environ.get("RANK", "0")), world, int(os.environ.get("LOCAL_RANK", "0")))
    device = choose_device(device_preference, info)
    if info.enabled and not dist.is_initialized():
        dist.init_process_group(backend="nccl" if device.type == "cuda" else "gloo")
    return info, device


def shutdown() -> None:
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def all_reduce_sum(values: torch.Tensor, info: DistInfo) -> torch.Tensor:
    """Sum a float64 tensor over all ranks (the tensor is returned, reduced in place)."""
    if info.enabled:
        dist.all_reduce(values, op=dist.ReduceOp.SUM)
    return values


def any_rank(flag: bool, info: DistInfo, device: torch.device) -> bool:
    """True when the flag is set on at least one rank: lets every rank stop at the same step."""
    if not info.enabled:
        return flag
    value = torch.tensor([1.0 if flag else 0.0], device=device)
    dist.all_reduce(value, op=dist.ReduceOp.MAX)
    return bool(value.item() > 0)


def gather_objects(obj: Any, info: DistInfo) -> List[Any]:
    """Every rank's ``obj`` in rank order (on every rank; used for per-rank RNG states)."""
    if not info.enabled:
        return [obj]
    gathered: List[Any] = [None] * info.world_size
    dist.all_gather_object(gathered, obj)
    return gathered


def barrier(info: DistInfo) -> None:
    if info.enabled:
        dist.barrier()


def parameter_fingerprint(model: torch.nn.Module) -> str:
    """SHA-256 of every parameter's bytes: equal on all ranks exactly when the replicas agree bit for bit."""
    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode())
        digest.update(tensor.detach().to("cpu").contiguous().view(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def check_replicas(model: torch.nn.Module, step: int, info: DistInfo, log) -> None:
    """All ranks must hold bit-identical weights (DDP averages gradients; a divergence is a bug).

    Collective; rank 0 logs every rank's fingerprint, and every rank raises when they differ."""
    prints = gather_objects(parameter_fingerprint(model), info)
    log.metric(phase="replica_check", step=step, fingerprints=prints, in_sync=len(set(prints)) == 1)
    if len(set(prints)) != 1:
        raise TrainingError(f"training: the {info.world_size} replicas diverged at step {step}")
