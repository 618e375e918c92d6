"""Learning rate: linear warm-up, then cosine annealing with warm restarts (SGDR), by optimizer step.

The rate is a pure function of the step number (plus the start of an optional re-warm-up), so resuming needs
only the step and this object's small state dict; nothing depends on how many times ``step`` was called.
"""

import math
from typing import Any, Dict

import torch


class WarmRestartSchedule:
    def __init__(
        self,
        optimizer: torch.optim.Optimizer,
        base_lr: float,
        warmup_steps: int,
        first_period_steps: int,
        period_mult: int,
        min_lr_ratio: float,
    ):
        if first_period_steps < 1 or period_mult < 1:
            raise ValueError("the first cosine period and its multiplier must be at least 1")
        self.optimizer = optimizer
        self.base_lr = base_lr
        self.warmup_steps = warmup_steps
        self.first_period_steps = first_period_steps
        self.period_mult = period_mult
        self.min_lr_ratio = min_lr_ratio
        # A resume without optimizer moments ramps up again, because Adam's first steps with zero moments
        # are as large as the very first steps of a run.
        self.rewarm_start = 0
        self.rewarm_steps = 0

    def cosine_factor(self, step: int) -> float:
        position, period = step, self.first_period_steps
        while position >= period:
            position -= period
            period *= self.period_mult
        cosine = 0.5 * (1.0 + math.cos(math.pi * position / period))
        return self.min_lr_ratio + (1.0 - self.min_lr_ratio) * cosine

    def lr_at(self, step: int) -> float:
        factor = self.cosine_factor(step)
        if step < self.warmup_steps:
            factor *= (step + 1) / self.warmup_steps
        since_rewarm = step - self.rewarm_start
        if self.rewarm_steps and 0 <= since_rewarm < self.rewarm_steps:
            factor *= (since_rewarm + 1) / self.rewarm_steps
        return self.base_lr * factor

    def apply(self, step: int) -> float:
        """Set the rate for optimizer step ``step`` (0-based) on every parameter group; return it."""
        lr = self.lr_at(step)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        return lr

    def start_rewarm(self, step: int, steps: int) -> None:
        self.rewarm_start, self.rewarm_steps = step, steps

    def state_dict(self) -> Dict[str, Any]:
        return {
            "kind": "warmup_cosine_restarts",
            "base_lr": self.base_lr,
            "warmup_steps": self.warmup_steps,
            "first_period_steps": self.first_period_steps,
            "period_mult": self.period_mult,
            "min_lr_ratio": self.min_lr_ratio,
            "rewarm_start": self.rewarm_start,
            "rewarm_steps": self.rewarm_steps,
        }

    def load_state_dict(self, state: Dict[str, Any]) -> None:
        # The shape of the curve comes from the (possibly edited) config; only the re-warm-up is carried over.
        self.rewarm_start = int(state.get("rewarm_start", 0))
        self.rewarm_steps = int(state.get("rewarm_steps", 0))
