"""Score a trained model on a static mixture manifest.

    python -m tsestudio.evaluate (--checkpoint C | --torchscript F) --manifest M [--out results.json]
        [--device auto|cpu|cuda] [--batch-size N] [--progress json]

Per item: SI-SDR and SDR of the estimate, their improvements over the mixture (SI-SDRi, SDRi), and a
wrong-speaker flag: the estimate is closer (by SI-SDR) to one of the interferers than to the target, i.e. the
model extracted somebody else. The summary gives mean, median and 5th percentile (the bad tail users notice)
of SI-SDRi and SDRi and the wrong-speaker rate. Exit codes: 0 done, 2 bad input.
"""

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
import torch

from tsestudio.errors import TseError
from tsestudio.training.checkpoint import load_checkpoint, rebuild_model
from tsestudio.training.distributed import DistInfo, choose_device
from tsestudio.training.errors import TrainingError
from tsestudio.training.metrics_log import MetricsLog, error_line
from tsestudio.training.validation import run_model


def score_item(estimate: torch.Tensor, mixture: torch.Tensor, target: torch.Tensor,
               interferers: Sequence[torch.Tensor]) -> Dict[str, object]:
    """Metrics of one estimate (1-D tensors of equal length; interferers as heard in the mixture)."""
    from tsestudio.losses import sdr, si_sdr

    est, mix, tgt = estimate[None].float(), mixture[None].float(), target[None].float()
    item_si_sdr = float(si_sdr(est, tgt)[0])
    item_sdr = float(sdr(est, tgt)[0])
    closest = max((float(si_sdr(est, other[None].float())[0]) for other in interferers), default=float("-inf"))
    return {
        "si_sdr": item_si_sdr,
        "si_sdri": item_si_sdr - float(si_sdr(mix, tgt)[0]),
        "sdr": item_sdr,
        "sdri": item_sdr - float(sdr(mix, tgt)[0]),
        "interferer_si_sdr": closest if interferers else None,
        "wrong_speaker": bool(closest > item_si_sdr),
    }


def summarize(items: List[Dict[str, object]]) -> Dict[str, object]:
    summary: Dict[str, object] = {"items": len(items)}
    for key in ("si_sdri", "sdri", "si_sdr"):
        values = np.array([item[key] for item in items], dtype=np.float64)
        summary[key] = {
            "mean": float(values.mean()),
            "median": float(np.median(values)),
            "p5": float(np.percentile(values, 5)),
        }
    summary["wrong_speaker_rate"] = float(np.mean([item["wrong_speaker"] for item in items]))
    return summary


def load_model(checkpoint: Optional[Path], torchscript: Optional[Path]):
    """(model, sample_rate, description) from a training checkpoint or an exported TorchScript file."""
    if checkpoint is not None:
        state = load_checkpoint(checkpoint)
        model = rebuild_model(state, str(checkpoint))
        return model, int(model.sample_rate), f"{state['model_name']} step {state['step']}"
    if not torchscript.is_file():
        raise TrainingError(f"{torchscript}: TorchScript file not found")
    try:
        model = torch.jit.load(str(torchscript), map_location="cpu")
    except Exception as error:  # torch reports corrupt archives with several exception types
        raise TrainingError(f"{torchscript}: not a loadable TorchScript model ({str(error).splitlines()[0][:120]})")
    rate = getattr(model, "sample_rate", None)
    card = torchscript.with_suffix(".json")
    if rate is None and card.is_file():
        rate = json.loads(card.read_text(encoding="utf-8")).get("sample_rate")
    if rate is None:
        raise TrainingError(f"{torchscript}: no sample_rate attribute and no model card {card.name} beside it")
    return model, int(rate), torchscript.name


def evaluate(model, sample_rate: int, manifest: Path, device: torch.device, batch_size: int,
             log: Optional[MetricsLog] = None) -> List[Dict[str, object]]:
    from tsestudio.data.static import StaticMixDataset

    if not manifest.is_file():
        raise TrainingError(f"{manifest}: manifest not found")
    dataset = StaticMixDataset(str(manifest))
    rows = dataset.rows
    if dataset.rate != sample_rate:
        raise TrainingError(f"{manifest}: audio at {dataset.rate} Hz, the model runs at {sample_rate} Hz")
    model = model.to(device).eval()
    results = []
    # float32 even on a GPU: reported scores should not carry bf16 rounding (training validation may)
    for index, (mixture, _, target), estimate in run_model(model, dataset, range(len(dataset)), device, "none",
                                                            batch_size, 0):
        row = rows[index]
        length = mixture.shape[-1]
        interferers = [torch.nn.functional.pad(signal[:length], [0, max(0, length - signal.shape[-1])])
                       for signal in dataset.interferers(index)]
        results.append({"id": row["id"], **score_item(estimate, mixture, target, interferers)})
        if log is not None:
            log.progress(len(results), len(rows), f"scored {row['id']}")
    if not results:
        raise TrainingError(f"{manifest}: no items to evaluate")
    return results


def write_json_atomic(path: Path, data: Dict) -> None:
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temp.write_text(json.dumps(data, indent=1, allow_nan=False), encoding="utf-8")
    os.replace(temp, path)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.evaluate", description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--checkpoint", type=Path)
    source.add_argument("--torchscript", type=Path)
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--out", type=Path, help="results JSON (written atomically)")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--progress", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    json_progress = args.progress == "json"
    log = MetricsLog(None, json_progress)
    try:
        from tsestudio.data.errors import DataError
    except ImportError:  # pragma: no cover - the data package is part of the project
        DataError = TseError
    try:
        model, rate, description = load_model(args.checkpoint, args.torchscript)
        device = choose_device(args.device, DistInfo())
        items = evaluate(model, rate, args.manifest, device, max(1, args.batch_size), log)
        summary = summarize(items)
        if args.out is not None:
            write_json_atomic(args.out, {"model": description, "manifest": str(args.manifest), "sample_rate": rate,
                                         "summary": summary, "items": _finite(items)})
        log.done(**summary, out=str(args.out) if args.out else None)
        if not json_progress:
            print(markdown_summary(description, summary))
        return 0
    except (TseError, DataError) as error:
        error_line(str(error), json_progress)
        return 2


def _finite(items: List[Dict[str, object]]) -> List[Dict[str, object]]:
    """JSON has no infinities: an item without interferers reports null, not -inf."""
    return [{key: (None if isinstance(v, float) and not np.isfinite(v) else v) for key, v in item.items()}
            for item in items]


def markdown_summary(description: str, summary: Dict[str, object]) -> str:
    lines = [f"{description}: {summary['items']} items, wrong speaker {100 * summary['wrong_speaker_rate']:.1f}%",
             "| metric | mean | median | 5th pct |", "|---|---|---|---|"]
    for key in ("si_sdri", "sdri", "si_sdr"):
        s = summary[key]
        lines.append(f"| {key} | {s['mean']:.2f} | {s['median']:.2f} | {s['p5']:.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
