"""Training-speed benchmark (not a test): step time, audio-seconds trained per second and peak memory.

    python -m tsestudio.bench [--config training/python/configs/config_v7.yaml ...] [--steps 20] [--warmup 5]
        [--device auto|cpu|cuda] [--batch-size N] [--segment-seconds S] [--reference-seconds R]
        [--paths pytorch,triton,compiled]

Each config's model is trained on random input of the config's batch size and segment length (speed does
not depend on the signal), with the trainer's own optimizer, autocast, loss and clipping, and the results are
printed as a markdown table. On CUDA, --paths runs each config once per scan path in the same process:
"pytorch" (the reference scan), "triton" (the fused kernel, the eager default), "compiled" (torch.compile
with the kernel as an operator, what `compile: true` trains with) and "compiled-graphs" (the same in mode
reduce-overhead, recorded as CUDA graphs: `compile_mode: reduce-overhead`); the compiled paths also report their
compile time and how far their first loss is from the eager one on the same weights and batch.
"""

import argparse
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

import torch

from tsestudio.errors import TseError
from tsestudio.training.config import load_config
from tsestudio.training.distributed import DistInfo, choose_device
from tsestudio.training.metrics_log import error_line
from tsestudio.training.objective import make_objective
from tsestudio.training.trainer import make_optimizer
from tsestudio.training.validation import autocast_context

CONFIGS = Path(__file__).resolve().parents[1] / "configs"
COMPILE_MODES = {"compiled": "default", "compiled-graphs": "reduce-overhead"}  # --paths name -> torch.compile mode
PATHS = ("default", "pytorch", "triton") + tuple(COMPILE_MODES)


def synchronize(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def training_segment_seconds(config) -> float:
    """The length the trainer would feed: the recipe's training segment for dynamic mixing."""
    if config.data_mode == "dynamic":
        from tsestudio.data.recipes import load_recipe, segment_seconds

        return segment_seconds(load_recipe(config.recipe), "train")
    return config.segment_seconds


def bench_config(path: Path, device: torch.device, steps: int, warmup: int, batch_size: Optional[int],
                 segment_seconds: Optional[float], reference_seconds: float,
                 scan_path: str = "default") -> Dict[str, object]:
    from tsestudio.models import ssd
    from tsestudio.models.registry import build_model

    config = load_config(path)
    torch.manual_seed(0)
    model = build_model(config.model_name, **config.model_args).to(device).train()
    saved_triton = ssd._TRITON_OK
    net = model
    if scan_path == "pytorch":
        ssd._TRITON_OK = False
    elif scan_path == "triton" and not (device.type == "cuda" and ssd._triton_available()):
        raise TseError("bench: --paths triton needs CUDA and triton")
    elif scan_path in COMPILE_MODES:
        from tsestudio.kernels.compiled import can_compile, compile_for_training

        if not can_compile(device):
            raise TseError(f"bench: --paths {scan_path} needs CUDA, torch >= 2.4 and triton")
        net = compile_for_training(model, COMPILE_MODES[scan_path])
    try:
        return _bench_model(path, config, model, net, device, steps, warmup, batch_size, segment_seconds,
                            reference_seconds, scan_path)
    finally:
        from tsestudio.kernels.compiled import stop_compiling

        ssd._TRITON_OK = saved_triton
        stop_compiling()


def _bench_model(path, config, model, net, device, steps, warmup, batch_size, segment_seconds,
                 reference_seconds, scan_path) -> Dict[str, object]:
    optimizer = make_optimizer(model, config)
    objective = make_objective(config.loss, config.stft_loss_weight)
    rate = int(model.sample_rate)
    batch = batch_size or config.batch_size
    seconds = segment_seconds or training_segment_seconds(config)
    mixture = torch.randn(batch, int(seconds * rate), device=device) * 0.1
    reference = torch.randn(batch, int(reference_seconds * rate), device=device) * 0.1
    target = torch.randn_like(mixture) * 0.1
    eager_loss = loss_gap = None
    if net is not model:  # compared with the compiled first step below, which sees the same weights and batch
        with torch.no_grad(), autocast_context(device, config.amp):
            eager_loss = float(objective(model(mixture, reference), target))
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    timings = []
    compile_seconds = None
    begin_graph_step = None
    if scan_path in COMPILE_MODES:
        from tsestudio.kernels.compiled import begin_graph_step as mark, uses_cuda_graphs

        begin_graph_step = mark if uses_cuda_graphs(COMPILE_MODES[scan_path]) else None
    for number in range(warmup + steps):
        synchronize(device)
        started = time.perf_counter()
        if begin_graph_step is not None:
            begin_graph_step()
        with autocast_context(device, config.amp):
            estimate = net(mixture, reference)
        loss = objective(estimate, target)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip or float("inf"))
        optimizer.step()
        synchronize(device)
        elapsed = time.perf_counter() - started
        if number == 0:  # the compiled path compiles here, before the optimizer has changed a weight
            compile_seconds = elapsed
            if eager_loss is not None:
                loss_gap = abs(float(loss.detach()) - eager_loss)
        if number >= warmup:
            timings.append(elapsed)
    step = sorted(timings)[len(timings) // 2]  # median: robust to a stray slow step
    return {
        "config": path.name,
        "model": config.model_name,
        "parameters": sum(p.numel() for p in model.parameters()),
        "batch": f"{batch} x {seconds:g} s",
        "scan": scan_path,
        "first_step_s": compile_seconds,
        "loss_gap": loss_gap,
        "step_ms": 1000 * step,
        "audio_s_per_s": batch * seconds / step,
        "peak_gib": torch.cuda.max_memory_allocated(device) / 2**30 if device.type == "cuda" else None,
    }


def table_header(device: torch.device) -> str:
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"CPU ({torch.get_num_threads()} threads)"
    return "\n".join([f"Training step benchmark on {name}, torch {torch.__version__}",
                      "| config | model | params | batch | scan | step ms | audio-s/s | peak GiB | first step s | loss gap |",
                      "|---|---|---|---|---|---|---|---|---|---|"])


def table_row(row: Dict[str, object]) -> str:
    peak = "-" if row["peak_gib"] is None else f"{row['peak_gib']:.1f}"
    first = "-" if row["first_step_s"] is None else f"{row['first_step_s']:.1f}"
    gap = "-" if row["loss_gap"] is None else f"{row['loss_gap']:.2e}"
    return (f"| {row['config']} | {row['model']} | {row['parameters'] / 1e6:.2f} M | {row['batch']} | "
            f"{row['scan']} | {row['step_ms']:.0f} | {row['audio_s_per_s']:.1f} | {peak} | {first} | {gap} |")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, action="append",
                        help="training config (repeatable; default: config_v7.yaml and config_v8.yaml)")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--segment-seconds", type=float)
    parser.add_argument("--reference-seconds", type=float, default=4.0)  # FiLM pooling: cost grows little with it
    parser.add_argument("--paths", default="default",
                        help="comma-separated scan paths: default (the dispatcher's choice), " + ", ".join(PATHS[1:]))
    args = parser.parse_args(argv)
    configs = args.config or [CONFIGS / "config_v7.yaml", CONFIGS / "config_v8.yaml"]
    try:
        device = choose_device(args.device, DistInfo())
        paths = [p.strip() for p in args.paths.split(",") if p.strip()]
        unknown = sorted(set(paths) - set(PATHS))
        if unknown:
            raise TseError(f"bench: unknown --paths {', '.join(unknown)} ({', '.join(PATHS)})")
        jobs = [(path, scan_path) for path in configs for scan_path in paths]
    except TseError as error:
        error_line(str(error), False)
        return 2
    # Rows print as they finish, so a run cut short by the device's time limit still reports what it measured.
    print(table_header(device), flush=True)
    for path, scan_path in jobs:
        try:
            row = bench_config(path, device, max(1, args.steps), max(0, args.warmup), args.batch_size,
                               args.segment_seconds, args.reference_seconds, scan_path)
        except TseError as error:
            error_line(str(error), False)
            return 2
        print(table_row(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
