"""A static mixture set (manifest written by tsestudio.data.generate) as a map-style dataset."""
import json
import os

import numpy as np
import torch
from torch.utils.data import Dataset

from . import wavio
from .errors import DataError, fail
from .mixing import tile_to

REQUIRED = ("id", "mixture", "reference", "target", "interferers", "sample_rate", "sir_db", "snr_db",
            "target_speaker", "reverb")


def read_mix_manifest(path):
    if not os.path.isfile(path):
        raise fail(path, "mixture manifest not found")
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise fail(f"{path}:{n}", f"not valid JSON ({e.msg})") from None
            missing = [k for k in REQUIRED if k not in row]
            if missing:
                raise fail(f"{path}:{n}", f"missing field(s) {', '.join(missing)}")
            rows.append(row)
    if not rows:
        raise fail(path, "mixture manifest is empty")
    return rows


class StaticMixDataset(Dataset):
    """(mixture, reference, target) float32 tensors; the reference is tiled to `reference_seconds`
    (default: the longest reference in the set) so that batches collate. `rows` keeps the manifest rows
    (interferer files for wrong-speaker rates); `interferers(i)` loads them."""

    def __init__(self, manifest_path, reference_seconds: float = None):
        self.path = os.fspath(manifest_path)
        self.root = os.path.dirname(os.path.abspath(self.path))
        self.rows = read_mix_manifest(self.path)
        rates = {r["sample_rate"] for r in self.rows}
        if len(rates) != 1:
            raise fail(self.path, f"mixed sample rates {sorted(rates)}")
        self.rate = rates.pop()
        ref_s = reference_seconds or max(r.get("reference_seconds", 0) for r in self.rows) or 10.0
        self.ref_len = int(round(ref_s * self.rate))

    def __len__(self):
        return len(self.rows)

    def _load(self, rel):
        path = os.path.join(self.root, rel)
        x, sr = wavio.read_wav(path)
        if sr != self.rate:
            raise fail(path, f"sample rate {sr} Hz, manifest says {self.rate} Hz")
        return x

    def __getitem__(self, i):
        row = self.rows[i]
        mix, tgt = self._load(row["mixture"]), self._load(row["target"])
        if len(mix) != len(tgt):
            raise DataError(f"{row['id']}: mixture and target lengths differ ({len(mix)} vs {len(tgt)})")
        ref = tile_to(self._load(row["reference"]), self.ref_len)
        return torch.from_numpy(mix), torch.from_numpy(np.ascontiguousarray(ref)), torch.from_numpy(tgt)

    def interferers(self, i):
        return [torch.from_numpy(self._load(p)) for p in self.rows[i]["interferers"]]
