"""Time the scripted SSD scan on CPU for several chunk lengths: 10 s at 1000 frames/s, 2 threads.

    /usr/bin/python3 training/python/benchmarks/bench_scan.py

Chose mamba.CPU_CHUNK_SIZE: the result does not depend on the chunk length, the speed does.
"""
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from tsestudio.models.ssd import ssd_scan_ref  # noqa: E402


def main() -> None:
    torch.set_num_threads(2)
    scan = torch.jit.script(ssd_scan_ref)
    frames = 10000
    for heads, head_dim, state_dim in [(4, 64, 64), (8, 32, 64), (4, 64, 32)]:
        x = torch.randn(1, frames, heads, head_dim)
        dt = torch.rand(1, frames, heads) * 0.1
        A = -torch.rand(heads) * 10
        B, C = torch.randn(1, frames, state_dim), torch.randn(1, frames, state_dim)
        for chunk in [16, 32, 64, 128, 256]:
            with torch.no_grad():
                for _ in range(2):
                    scan(x, dt, A, B, C, chunk)
                start = time.perf_counter()
                for _ in range(3):
                    scan(x, dt, A, B, C, chunk)
            ms = (time.perf_counter() - start) / 3 * 1000
            print(f"heads {heads} head_dim {head_dim} d_state {state_dim} chunk {chunk:3d}: {ms:6.1f} ms")


if __name__ == "__main__":
    main()
