"""Parity fixture: a fixed-seed input and the exported model's output, for the Java side to compare against.

Files next to the model: `<name>.parity.json` plus raw little-endian float32 `<name>.parity.mixture.f32`,
`.reference.f32` and `.output.f32` (mono, no header). DJL's output for the same input must match the output
file within `tolerance`.
"""
from pathlib import Path
from typing import Any, Dict

import numpy as np
import torch

from tsestudio import atomic_files

SEED = 20250919
MIXTURE_SECONDS = 2.0
REFERENCE_SECONDS = 1.5
TOLERANCE = 1e-4


def parity_inputs(sample_rate: int, seed: int = SEED):
    """Speech-band-like test input: a few harmonic complexes plus noise. Lengths are deliberately not a
    multiple of any stride, so the padding inside the model is exercised too."""
    g = torch.Generator().manual_seed(seed)

    def signal(seconds: float, extra: int) -> torch.Tensor:
        n = int(seconds * sample_rate) + extra
        t = torch.arange(n, dtype=torch.float64) / sample_rate
        x = torch.zeros(n, dtype=torch.float64)
        for _ in range(3):
            f0 = 90 + 160 * torch.rand(1, generator=g, dtype=torch.float64)
            for k in range(1, 8):
                x += torch.sin(2 * np.pi * k * f0 * t + torch.rand(1, generator=g, dtype=torch.float64) * 6) / k
        x += 0.3 * torch.randn(n, generator=g, dtype=torch.float64)
        return (0.25 * x / x.abs().max()).float().unsqueeze(0)

    return signal(MIXTURE_SECONDS, 17), signal(REFERENCE_SECONDS, 5)


def _write_f32(path: Path, x: torch.Tensor) -> None:
    atomic_files.write_bytes(path, x.detach().reshape(-1).numpy().astype("<f4").tobytes())


def write_parity_fixture(module: torch.nn.Module, out_dir: Path, name: str, sample_rate: int,
                         inputs=None, tag: str = "parity") -> Dict[str, Any]:
    """Runs `module` (the exported TorchScript, loaded back) on the fixed input (or on `inputs`, a
    (mixture, reference) pair of [1, T] tensors at the model's rate) and writes `<name>.<tag>.*`."""
    mixture, reference = inputs if inputs is not None else parity_inputs(sample_rate)
    with torch.no_grad():
        output = module(mixture, reference)
    files = {}
    for part, tensor in (("mixture", mixture), ("reference", reference), ("output", output)):
        file_name = f"{name}.{tag}.{part}.f32"
        _write_f32(out_dir / file_name, tensor)
        files[part] = {"file": file_name, "samples": int(tensor.numel())}
    fixture = {
        "model": f"{name}.pt",
        "sample_rate": sample_rate,
        "seed": SEED,
        "format": "raw little-endian float32, mono, no header",
        "tolerance": TOLERANCE,
        "torch_version": torch.__version__,
        **files,
    }
    atomic_files.write_json(out_dir / f"{name}.{tag}.json", fixture)
    return fixture


def read_f32(path: Path) -> torch.Tensor:
    return torch.from_numpy(np.fromfile(path, dtype="<f4").astype(np.float32))


def _read_wav_at(path: Path, rate: int) -> torch.Tensor:
    """A 16-bit mono WAV as a [1, T] float tensor at `rate` (polyphase resampling when the rates differ)."""
    import wave
    from math import gcd

    from scipy.signal import resample_poly

    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            raise SystemExit(f"{path}: expected 16-bit mono WAV")
        source_rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
    if source_rate != rate:
        g = gcd(source_rate, rate)
        x = resample_poly(x, rate // g, source_rate // g)
    return torch.from_numpy(x.astype(np.float32)).unsqueeze(0)


def main() -> None:
    """Writes a parity fixture of a shipped model on real audio (the example), for DJL parity tests:
    python -m tsestudio.parity --model resources/models/v8.pt --mixture M.wav --reference R.wav --tag example-parity"""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=main.__doc__.split(":")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--mixture", type=Path, required=True)
    parser.add_argument("--reference", type=Path, required=True)
    parser.add_argument("--tag", default="example-parity")
    args = parser.parse_args()
    rate = json.loads(args.model.with_suffix(".json").read_text())["sample_rate"]
    module = torch.jit.load(str(args.model)).eval()
    inputs = (_read_wav_at(args.mixture, rate), _read_wav_at(args.reference, rate))
    name = args.model.stem
    write_parity_fixture(module, args.model.parent, name, rate, inputs=inputs, tag=args.tag)
    print(f"{args.model.parent / (name + '.' + args.tag + '.json')}")


if __name__ == "__main__":
    main()
