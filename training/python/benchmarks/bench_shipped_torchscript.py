"""Times a shipped TorchScript model in Python's libtorch on the same input `tse bench` uses, so that DJL's
overhead can be read off against it: the example mixture (resources/examples) repeated to N seconds, its
reference, 2 threads, no grad, median of several runs after a warm-up.

    /usr/bin/python3 training/python/benchmarks/bench_shipped_torchscript.py --model resources/models/v8.pt
"""
import argparse
import json
import statistics
import time
import wave
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[3]


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--seconds", type=float, nargs="+", default=[10.0, 60.0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    card = json.loads(args.model.with_suffix(".json").read_text())
    rate = card["sample_rate"]
    if rate != 16000:
        raise SystemExit(f"{args.model}: this benchmark feeds the 16 kHz example as is; the model runs at {rate} Hz")
    model = torch.jit.load(str(args.model)).eval()
    example = ROOT / "resources" / "examples"
    mixture, reference = read_wav(example / "mixture.wav"), read_wav(example / "reference.wav")
    print(f"| model | input | median s | RTF | torch {torch.__version__}, {args.threads} threads |")
    print("|---|---|---|---|---|")
    for seconds in args.seconds:
        samples = int(seconds * rate)
        mix = torch.from_numpy(np.resize(mixture, samples)).unsqueeze(0)
        ref = torch.from_numpy(reference).unsqueeze(0)
        times = []
        with torch.no_grad():
            model(mix, ref)  # warm-up: TorchScript profiles and optimises on the first calls
            for _ in range(args.runs):
                start = time.perf_counter()
                model(mix, ref)
                times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"| {args.model.name} | {seconds:g} s | {median:.3f} | {median / seconds:.3f} | |")


if __name__ == "__main__":
    main()
