"""CPU real-time factor of the scripted models: 10 s mixture + 4 s reference, no grad, 2 threads.

    /usr/bin/python3 training/python/benchmarks/bench_cpu_rtf.py [--model v8] [--set k=v ...] [--threads 2]

Prints parameters, TorchScript file size and the best of a few timed runs (after a warm-up run: the
TorchScript profiling executor optimises on the first calls).
"""
import argparse
import io
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from tsestudio.export import parse_overrides  # noqa: E402
from tsestudio.models.registry import build_model  # noqa: E402


def measure(name: str, overrides: dict, threads: int, seconds: float, ref_seconds: float, runs: int) -> None:
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = build_model(name, **overrides).eval()
    scripted = torch.jit.script(model)
    buffer = io.BytesIO()
    torch.jit.save(scripted, buffer)
    rate = model.sample_rate
    mixture = 0.1 * torch.randn(1, int(seconds * rate))
    reference = 0.1 * torch.randn(1, int(ref_seconds * rate))
    times = []
    with torch.no_grad():
        for i in range(runs + 2):
            start = time.perf_counter()
            scripted(mixture, reference)
            if i >= 2:
                times.append(time.perf_counter() - start)
    best = min(times)
    params = sum(p.numel() for p in model.parameters())
    print(f"{name} {overrides or 'defaults'}: {params / 1e6:.2f} M params, {len(buffer.getvalue()) / 2**20:.1f} MiB, "
          f"{seconds:.0f} s audio in {best:.2f} s on {threads} threads -> RTF {best / seconds:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", action="append", help="v7 and/or v8 (default both)")
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--ref-seconds", type=float, default=4.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for name in args.model or ["v7", "v8"]:
        measure(name, parse_overrides(args.set), args.threads, args.seconds, args.ref_seconds, args.runs)


if __name__ == "__main__":
    main()
