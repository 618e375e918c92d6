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


def write_parity_fixture(module: torch.nn.Module, out_dir: Path, name: str, sample_rate: int) -> Dict[str, Any]:
    """Runs `module` (the exported TorchScript, loaded back) on the fixed input and writes the fixture."""
    mixture, reference = parity_inputs(sample_rate)
    with torch.no_grad():
        output = module(mixture, reference)
    files = {}
    for part, tensor in (("mixture", mixture), ("reference", reference), ("output", output)):
        file_name = f"{name}.parity.{part}.f32"
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
    atomic_files.write_json(out_dir / f"{name}.parity.json", fixture)
    return fixture


def read_f32(path: Path) -> torch.Tensor:
    return torch.from_numpy(np.fromfile(path, dtype="<f4").astype(np.float32))
