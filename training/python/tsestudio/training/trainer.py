"""The training loop: AdamW, bf16 autocast on CUDA, gradient clipping, validation, early stopping, checkpoints.

Resuming from a ``full`` checkpoint continues exactly as if the run had not stopped: the model, optimizer,
schedule, every RNG of every rank and the data position are restored (see batches.py for the data).
"""

import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import torch
from torch.nn.parallel import DistributedDataParallel

from tsestudio.training import batches as data
from tsestudio.training.checkpoint import FORMAT, load_checkpoint, load_model_state, model_state, optimizer_state
from tsestudio.training.checkpoint import write_atomic
from tsestudio.training.config import TrainConfig
from tsestudio.training.distributed import DistInfo, all_reduce_sum, any_rank, check_replicas, gather_objects
from tsestudio.training.errors import TrainingError
from tsestudio.training.metrics_log import MetricsLog
from tsestudio.training.objective import make_objective
from tsestudio.training.rng import capture_rng, restore_rng
from tsestudio.training.schedule import WarmRestartSchedule
from tsestudio.training.stopping import StopControl
from tsestudio.training.validation import autocast_context, mean_si_sdri

MAX_BAD_STEPS = 20  # consecutive non-finite gradients before giving up


def make_optimizer(model: torch.nn.Module, config: TrainConfig) -> torch.optim.AdamW:
    """AdamW with weight decay on matrices and kernels only; biases, norms and scalars are not decayed."""
    decay = [p for p in model.parameters() if p.requires_grad and p.dim() >= 2]
    other = [p for p in model.parameters() if p.requires_grad and p.dim() < 2]
    groups = [{"params": decay, "weight_decay": config.weight_decay}, {"params": other, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=config.lr, betas=(config.beta1, config.beta2))


class Trainer:
    def __init__(self, config: TrainConfig, run_dir: Path, info: DistInfo, device: torch.device, log: MetricsLog,
                 resume: Optional[Path] = None):
        from tsestudio.models.registry import build_model

        self.config, self.run_dir, self.info, self.device, self.log = config, Path(run_dir), info, device, log
        torch.manual_seed(config.seed)  # the same initial weights on every rank
        self.model = build_model(config.model_name, **config.model_args).to(device)
        self.sample_rate = int(self.model.sample_rate)
        self.optimizer = make_optimizer(self.model, config)
        self.objective = make_objective(config.loss, config.stft_loss_weight)
        if config.data_mode == "static":
            segment = int(round(config.segment_seconds * self.sample_rate))
            self.train_items = data.CroppedItems(self._open_static(config.train_manifest, "training"), segment,
                                                 config.seed)
            self.steps_per_epoch = data.EpochBatches.batches_per_epoch(
                len(self.train_items), config.batch_size, info.world_size
            )
            if self.steps_per_epoch == 0:
                raise TrainingError(f"{config.train_manifest}: fewer items than one batch on every rank")
        else:
            self.mixer = data.open_mixer(config, info.rank)
            self._check_rate(self.mixer.rate, f"recipe {config.recipe}")
            self.steps_per_epoch = config.steps_per_epoch
        self.training_data = data.training_data_sources(config.corpus_dir)
        self.valid_sets: List[Tuple[str, object]] = []
        if config.valid_manifest:
            self.valid_sets.append(("val_si_sdri", self._open_static(config.valid_manifest, "validation")))
        if config.real_valid_manifest:
            real = self._open_static(config.real_valid_manifest, "real validation")
            self.valid_sets.append(("val_real_si_sdri", real))
        self.schedule = WarmRestartSchedule(
            self.optimizer, config.lr, config.warmup_steps, config.restart_period_epochs * self.steps_per_epoch,
            config.restart_mult, config.min_lr_ratio,
        )
        self.step = self.epoch = self.batch_in_epoch = 0
        self.best_metric: Optional[float] = None
        self.bad_epochs = self.bad_steps = 0
        self.batches = None
        if resume is not None:
            self._restore(load_checkpoint(resume), str(resume))
        elif config.init_from:
            load_model_state(self.model, load_checkpoint(Path(config.init_from))["model"], config.init_from)
        self.last_saved_step = self.step if resume is not None else -1
        self.net = self.model
        if info.enabled:
            ids = [device.index] if device.type == "cuda" else None
            self.net = DistributedDataParallel(self.model, device_ids=ids)
        self.eager_net = self.net
        self.guarded_steps = 0  # compiled steps still run under the eager fallback (see train_step)
        self.begin_graph_step = None  # set when the compiled step runs as CUDA graphs
        if config.compile:
            from tsestudio.kernels.compiled import (begin_graph_step, can_compile, compile_for_training,
                                                    guarded_steps, uses_cuda_graphs)

            if can_compile(device):
                self.net = compile_for_training(self.net, config.compile_mode)
                self.guarded_steps = guarded_steps(config.compile_mode)
                if uses_cuda_graphs(config.compile_mode):
                    self.begin_graph_step = begin_graph_step
            else:
                self.log.say("note: compile needs CUDA, torch >= 2.4 and triton; training eagerly")

    def _open_static(self, path: str, what: str):
        from tsestudio.data.static import StaticMixDataset

        if not Path(path).is_file():
            raise TrainingError(f"{path}: {what} manifest not found")
        dataset = StaticMixDataset(path)
        self._check_rate(dataset.rate, path)
        return dataset

    def _check_rate(self, rate: int, source: str) -> None:
        if int(rate) != self.sample_rate:
            raise TrainingError(f"{source}: audio at {rate} Hz, model {self.config.model_name} runs at "
                                f"{self.sample_rate} Hz")

    # ----- checkpoints -------------------------------------------------------------------------------------
    def _restore(self, checkpoint: Dict, source: str) -> None:
        wanted = (self.config.model_name, self.model.model_args)
        if (checkpoint["model_name"], checkpoint["model_args"]) != wanted:
            raise TrainingError(
                f"{source}: holds model {checkpoint['model_name']} {checkpoint['model_args']}, the config asks for "
                f"{wanted[0]} {wanted[1]}"
            )
        load_model_state(self.model, checkpoint["model"], source)
        self.schedule.load_state_dict(checkpoint.get("scheduler") or {})
        self.step, self.epoch = int(checkpoint["step"]), int(checkpoint["epoch"])
        position = checkpoint.get("data_position") or {}
        self.batch_in_epoch = int(position.get("batch_in_epoch", 0))
        self.best_metric = checkpoint.get("best_metric")
        self.bad_epochs = int(checkpoint.get("epochs_without_improvement", 0))
        if checkpoint.get("optimizer") is not None:
            self.optimizer.load_state_dict(checkpoint["optimizer"])
        else:
            self.schedule.start_rewarm(self.step, self.config.rewarm_steps)
        # A checkpoint made from a shipped model's weights has no data position at all: nothing to warn about.
        if position.get("world_size") not in (None, self.info.world_size):
            self.log.say(f"note: {source} was written by {position.get('world_size')} processes; "
                         "the data order differs")
        states = checkpoint.get("rng") or []
        if len(states) == self.info.world_size:
            restore_rng(states[self.info.rank], self.device)

    def _payload(self, variant: str, rng: List) -> Dict:
        compact = variant != "full"
        weights_dtype = self.config.checkpoint_weights_dtype if compact else "float32"
        moments = torch.bfloat16 if variant == "compact" else torch.float32
        return {
            "format": FORMAT,
            "variant": variant,
            "model_name": self.config.model_name,
            "model_args": dict(self.model.model_args),  # every argument, defaults included
            "sample_rate": self.sample_rate,
            "model": model_state(self.model, weights_dtype),
            "optimizer": None if variant == "weights" else optimizer_state(self.optimizer, moments),
            "scheduler": self.schedule.state_dict(),
            "step": self.step,
            "epoch": self.epoch,
            "rng": rng,
            "data_position": {
                "mode": self.config.data_mode,
                "epoch": self.epoch,
                "batch_in_epoch": self.batch_in_epoch,
                "next_batch": self.step,  # dynamic mixing: batch index in this rank's stream (see batches.py)
                "stream_seeds": [data.rank_stream_seed(self.config.seed, r) for r in range(self.info.world_size)],
                "world_size": self.info.world_size,
                "num_workers": self.config.num_workers,
            },
            "config": self.config.to_dict(),
            "best_metric": self.best_metric,
            "epochs_without_improvement": self.bad_epochs,
            "training_data": self.training_data,
        }

    def save_last(self) -> None:
        """Write last.pt (collective: every rank must call it, since the RNG states of all ranks are stored)."""
        rng = gather_objects(capture_rng(self.device), self.info)
        if self.info.enabled:
            check_replicas(self.model, self.step, self.info, self.log)
        if self.info.is_main:
            payload = self._payload(self.config.checkpoint_variant, rng)
            write_atomic(self.run_dir / "last.pt", payload)
            if self.config.keep_step_checkpoints:
                write_atomic(self.run_dir / f"step_{self.step:08d}.pt", payload)
        self.last_saved_step = self.step

    def save_best(self) -> None:
        if self.info.is_main:
            write_atomic(self.run_dir / "best.pt", self._payload("weights", []))

    # ----- steps -------------------------------------------------------------------------------------------
    def next_batch(self):
        if self.batches is None:
            if self.config.data_mode == "dynamic":
                self.batches = data.dynamic_batches(self.mixer, self.config, self.info.rank, self.step)
            else:
                self.batches = data.static_batches(
                    self.train_items, self.config, self.info.rank, self.info.world_size, self.epoch,
                    self.batch_in_epoch,
                )
        return next(self.batches)

    def train_step(self, batch) -> Tuple[torch.Tensor, float, float]:
        """One optimizer step; returns (loss tensor, gradient norm, learning rate)."""
        if not self.guarded_steps:
            return self._train_step(batch)
        # The first compiled step traces and compiles (forward at the call, backward at loss.backward()), and the
        # CUDA-graph modes record in the next ones, all before the optimizer touches a weight in that step: if
        # that fails, the same batch is trained eagerly instead, and so is the rest of the run.
        from tsestudio.kernels.compiled import guarded_steps, stop_compiling

        first = self.guarded_steps == guarded_steps(self.config.compile_mode)
        self.guarded_steps -= 1
        started = time.monotonic()
        try:
            result = self._train_step(batch)
        except Exception as error:  # a compiler error must not cost the chunk's GPU minutes
            stop_compiling()
            self.net, self.begin_graph_step, self.guarded_steps = self.eager_net, None, 0
            first_line = (str(error).strip().splitlines() or [""])[0][:200]
            self.log.say(f"note: torch.compile failed ({type(error).__name__}: {first_line}); training eagerly")
            return self._train_step(batch)
        if first:
            self.log.say(f"compiled the training step in {time.monotonic() - started:.0f} s")
        return result

    def _train_step(self, batch) -> Tuple[torch.Tensor, float, float]:
        mixture, reference, target = (tensor.to(self.device, non_blocking=True) for tensor in batch)
        lr = self.schedule.apply(self.step)
        self.net.train()
        if self.begin_graph_step is not None:
            self.begin_graph_step()
        with autocast_context(self.device, self.config.amp):
            estimate = self.net(mixture, reference)
        loss = self.objective(estimate, target)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        limit = self.config.grad_clip if self.config.grad_clip > 0 else float("inf")
        norm = float(torch.nn.utils.clip_grad_norm_(self.model.parameters(), limit))
        # Gradients are all-reduced, so the norm (unlike the local loss) is the same on every rank.
        if norm == norm and norm != float("inf"):
            self.optimizer.step()
            self.bad_steps = 0
        else:
            self.bad_steps += 1
            if self.bad_steps >= MAX_BAD_STEPS:
                raise TrainingError(f"training: non-finite gradients for {MAX_BAD_STEPS} steps up to step {self.step}"
                                    " (lower lr or check the data)")
        self.step += 1
        self.batch_in_epoch += 1
        return loss.detach(), norm, lr

    def validate(self) -> Dict[str, float]:
        results = {}
        for name, dataset in self.valid_sets:
            results[name], _ = mean_si_sdri(self.model, dataset, self.config, self.device, self.info)
        return results

    def end_epoch(self) -> None:
        self.epoch += 1
        self.batch_in_epoch = 0
        if self.config.data_mode == "static":
            self.batches = None
        started = time.monotonic()
        results = self.validate()
        if results:
            # Logged because validation shares the chunk's GPU minutes with training: it is the cost of choosing.
            results["valid_seconds"] = round(time.monotonic() - started, 2)
            # Recorded speech decides when it is there: it is what users will feed the model.
            primary = results.get("val_real_si_sdri", results.get("val_si_sdri"))
            if self.best_metric is None or primary > self.best_metric + self.config.min_delta:
                self.best_metric, self.bad_epochs = primary, 0
                self.save_best()
            else:
                self.bad_epochs += 1
            self.log.metric(phase="valid", step=self.step, epoch=self.epoch, best_metric=self.best_metric,
                            epochs_without_improvement=self.bad_epochs, **results)
        self.save_last()

    # ----- loop --------------------------------------------------------------------------------------------
    def _finished(self) -> Optional[str]:
        if self.config.max_steps and self.step >= self.config.max_steps:
            return "max_steps"
        if self.epoch >= self.config.epochs:
            return "epochs"
        if self.valid_sets and self.config.patience and self.bad_epochs >= self.config.patience:
            return "early stopping"
        return None

    def fit(self, stop: StopControl) -> str:
        """Train until done or told to stop; always leaves last.pt describing the final state. Returns why."""
        total = self.config.max_steps or self.config.epochs * self.steps_per_epoch
        step_seconds = valid_seconds = 0.0
        interval = {"loss": torch.zeros((), dtype=torch.float64, device=self.device), "norm": 0.0, "n": 0,
                    "audio": 0.0, "start": time.monotonic()}
        reason = self._finished()
        while reason is None:
            ends_epoch = self.batch_in_epoch + 1 == self.steps_per_epoch
            local = stop.reason(2 * step_seconds + (valid_seconds if ends_epoch else 0.0))
            if any_rank(local is not None, self.info, self.device):
                reason = local or "stopped by another rank"
                break
            started = time.monotonic()
            batch = self.next_batch()
            loss, norm, lr = self.train_step(batch)
            step_seconds = time.monotonic() - started if step_seconds == 0 else 0.9 * step_seconds + 0.1 * (
                time.monotonic() - started)
            interval["loss"] += loss.double()
            interval["norm"] += norm
            interval["n"] += 1
            interval["audio"] += batch[0].numel() / self.sample_rate * self.info.world_size
            if self.step % self.config.log_every == 0:
                self._log_interval(interval, lr, total)
            started = time.monotonic()
            if self.batch_in_epoch == self.steps_per_epoch:
                self.end_epoch()
                valid_seconds = time.monotonic() - started
            elif self.step % self.config.checkpoint_every == 0:
                self.save_last()
            interval["start"] += time.monotonic() - started  # throughput counts training time only
            reason = self._finished()
        if self.last_saved_step != self.step:
            self.save_last()
        return reason

    def _log_interval(self, interval: Dict, lr: float, total: int) -> None:
        losses = torch.stack([interval["loss"], torch.tensor(float(interval["n"]), dtype=torch.float64,
                                                              device=self.device)])
        losses = all_reduce_sum(losses, self.info)
        elapsed = max(time.monotonic() - interval["start"], 1e-9)
        memory = None
        if self.device.type == "cuda":
            memory = torch.cuda.max_memory_allocated(self.device) / 2**30
            torch.cuda.reset_peak_memory_stats(self.device)
        self.log.metric(
            phase="train", step=self.step, epoch=self.epoch, loss=float(losses[0] / losses[1]), lr=lr,
            grad_norm=interval["norm"] / interval["n"], audio_seconds_per_second=interval["audio"] / elapsed,
            gpu_memory_gib=memory,
        )
        self.log.progress(self.step, total, f"epoch {self.epoch + 1}/{self.config.epochs}")
        interval.update({"loss": torch.zeros_like(interval["loss"]), "norm": 0.0, "n": 0, "audio": 0.0,
                         "start": time.monotonic()})
