"""How many audio-seconds per second DynamicMixDataset delivers through a DataLoader.

    /usr/bin/python3 benchmarks/bench_data_dynamic.py --corpus /work/data/corpus --recipe v8 --workers 2 --batches 20

Prints one JSON line: {"workers", "batch", "segment_s", "audio_s_per_s", "first_load_s"}.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

from torch.utils.data import DataLoader  # noqa: E402

from tsestudio.data.dynamic import DynamicMixDataset  # noqa: E402
from tsestudio.data.recipes import load_recipe, segment_seconds  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", required=True)
    p.add_argument("--recipe", default="v8")
    p.add_argument("--split", default="train")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--batches", type=int, default=20)
    a = p.parse_args()
    recipe = load_recipe(a.recipe)
    t0 = time.time()
    ds = DynamicMixDataset(a.corpus, recipe, a.split, seed=0)
    first_load = time.time() - t0
    extra = {"prefetch_factor": 4} if a.workers else {}
    loader = DataLoader(ds, batch_size=a.batch, num_workers=a.workers, **extra)
    it = iter(loader)
    next(it)  # worker start-up is not throughput
    t1 = time.time()
    for _ in range(a.batches):
        next(it)
    dt = time.time() - t1
    seg = segment_seconds(recipe, a.split)
    print(json.dumps({"workers": a.workers, "batch": a.batch, "segment_s": seg, "first_load_s": round(first_load, 2),
                      "audio_s_per_s": round(a.batches * a.batch * seg / dt, 1)}))


if __name__ == "__main__":
    main()
