"""Whole v8 training steps with each scan path, for `bench_ssd.py` (needs CUDA).

The step is the trainer's: bf16 autocast, negative SI-SDR, gradient clipping at 5, AdamW (lr 1e-3, weight decay
0.01), on random audio (speed does not depend on the signal). Scan paths:
- "pytorch": the dispatcher forced to `ssd_scan_ref`; "triton": forced to the fused kernel; "triton (jit launch)":
  the same through Triton's own launch path instead of `launch.py`'s cached one;
- "no scan": the scan replaced by y = dt * x, which costs next to nothing: the step time and memory of the
  rest of the model, so the bound on what any scan implementation could reach.
Each runs eagerly (as the trainer does today) or captured once as a CUDA graph and replayed, which takes the
host's per-operation launch cost out of the step.
"""
import statistics
import time

import torch

from tsestudio.kernels import launch, ssd_triton
from tsestudio.losses import neg_si_sdr_loss
from tsestudio.models import mamba, ssd

PATHS = ("pytorch", "triton", "triton (jit launch)", "no scan")


def _no_scan(x, dt, A, B, C, chunk_size: int):
    return x * dt.unsqueeze(-1).to(x.dtype)


class ScanPath:
    """Context manager that routes every Mamba2Block's scan through one path and counts kernel calls."""

    def __init__(self, path):
        self.path, self.kernel_calls = path, 0

    def __enter__(self):
        self._saved = (ssd._TRITON_OK, ssd_triton.ssd_scan_triton, mamba.ssd_scan, launch.FAST["on"])
        original = ssd_triton.ssd_scan_triton

        def counted(*args):
            self.kernel_calls += 1
            return original(*args)

        ssd._TRITON_OK = self.path.startswith("triton")
        launch.FAST["on"] = self.path != "triton (jit launch)"
        ssd_triton.ssd_scan_triton = counted  # the dispatcher imports it by name at each call
        if self.path == "no scan":
            mamba.ssd_scan = _no_scan  # Mamba2Block looks the name up in its module at each call
        return self

    def __exit__(self, *exc):
        ssd._TRITON_OK, ssd_triton.ssd_scan_triton, mamba.ssd_scan, launch.FAST["on"] = self._saved


def _step_fn(model, optimizer, data):
    mixture, reference, target = data

    def step():
        # No autocast weight-cast cache: a captured graph must not keep tensors from an earlier step.
        with torch.autocast("cuda", dtype=torch.bfloat16, cache_enabled=False):
            estimate = model(mixture, reference)
        loss = neg_si_sdr_loss(estimate, target)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        return loss

    return step


def _timed(fn, steps):
    times = []
    for _ in range(steps):
        torch.cuda.synchronize()
        started = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(model, initial, data, path, graph, steps, warmup):
    """Median step seconds, peak GiB, first loss and kernel calls per step of one path and mode."""
    model.load_state_dict(initial)
    torch.cuda.synchronize()
    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats()
    with ScanPath(path) as scan:
        optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01, capturable=graph)
        step = _step_fn(model, optimizer, data)
        if not graph:
            def eager():
                optimizer.zero_grad(set_to_none=True)
                return step()

            first_loss = eager().item()
            for _ in range(warmup - 1):
                eager()
            seconds = _timed(eager, steps)
            calls = scan.kernel_calls / (warmup + steps)
        else:
            side = torch.cuda.Stream()
            side.wait_stream(torch.cuda.current_stream())
            with torch.cuda.stream(side):  # warm-up (and kernel compilation) off the capture stream
                for number in range(warmup):
                    optimizer.zero_grad(set_to_none=True)
                    loss = step()
                    if number == 0:
                        first_loss = loss.item()
            torch.cuda.current_stream().wait_stream(side)
            optimizer.zero_grad(set_to_none=True)
            captured = torch.cuda.CUDAGraph()
            with torch.cuda.graph(captured):
                step()
            calls = scan.kernel_calls / (warmup + 1)  # warm-up steps and the captured one
            seconds = _timed(captured.replay, steps)
    return {"path": path, "mode": "cuda graph" if graph else "eager", "step_s": seconds,
            "peak_gib": torch.cuda.max_memory_allocated() / 2**30, "first_loss": first_loss,
            "kernel_calls_per_step": calls}
