"""Completes a shipped model card after training: the sources it was trained on and its evaluation.

    python -m tsestudio.model_card resources/models/v8.json --corpus /work/data/corpus \
        --evaluation test=v8-test.json --evaluation real_valid=v8-real_valid.json --command "tse eval ..."

The card's `sha256` covers only the TorchScript file, so the card can be completed without re-exporting.
Evaluation files are the JSON that `tse eval --json` writes; their summaries go under `metrics.evaluation`.
The card is rewritten atomically (temp file, then rename).
"""
import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Dict, List, Optional

from tsestudio.atomic_files import write_json
from tsestudio.errors import TseError
from tsestudio.training.batches import training_data_sources


def _read_json(path: Path, what: str) -> Dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TseError(f"{path}: {what} not found") from None
    except (OSError, ValueError) as error:
        raise TseError(f"{path}: not a readable {what} ({error})") from None


def complete_card(card: Dict, sources: Optional[List[Dict]], evaluations: Dict[str, Dict], command: str) -> Dict:
    """A copy of `card` with training data and evaluation summaries filled in."""
    done = dict(card)
    if sources is not None:
        done["training_data"] = sources
    if evaluations:
        metrics = dict(done.get("metrics") or {})
        evaluated = dict(metrics.get("evaluation") or {})
        for name, results in evaluations.items():
            if "summary" not in results:
                raise TseError(f"evaluation '{name}': no 'summary' (expected the JSON of `tse eval --json`)")
            evaluated[name] = {"manifest": results.get("manifest"), "summary": results["summary"],
                               "command": command, "date": datetime.date.today().isoformat()}
        metrics["evaluation"] = evaluated
        done["metrics"] = metrics
    return done


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.model_card", description=__doc__.split("\n")[0])
    parser.add_argument("card", type=Path, help="model card JSON to complete")
    parser.add_argument("--corpus", help="corpus folder the model was trained on (its corpus.jsonl)")
    parser.add_argument("--evaluation", action="append", default=[], metavar="NAME=RESULTS_JSON")
    parser.add_argument("--command", default="", help="the command that produced the evaluation files")
    args = parser.parse_args(argv)
    try:
        card = _read_json(args.card, "model card")
        evaluations = {}
        for pair in args.evaluation:
            name, sep, path = pair.partition("=")
            if not sep or not name or not path:
                raise TseError(f"--evaluation {pair!r}: expected NAME=RESULTS_JSON")
            evaluations[name] = _read_json(Path(path), "evaluation file")
        sources = None
        if args.corpus:
            sources = training_data_sources(args.corpus)
            if not sources:
                raise TseError(f"{args.corpus}: no corpus.jsonl with sources found")
        done = complete_card(card, sources, evaluations, args.command)
        write_json(args.card, done)
    except TseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{args.card}: completed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
