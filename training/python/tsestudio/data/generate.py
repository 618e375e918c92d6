"""Static TSE mixture sets: WAV files plus a JSONL manifest, deterministic and resumable.

    python -m tsestudio.data.generate --corpus DIR --recipe v8 --split valid --out DIR [--progress json]

Item i of a split is a pure function of (seed, split, i). Each item's WAVs are written atomically and its
item.json last, so after a kill the items without item.json are simply made again; the manifest
<out>/<split>.jsonl is rebuilt from the complete items and checked at the end.
"""
import argparse
import json
import os
import sys
from multiprocessing import Pool

from . import wavio
from .corpus import CorpusAudio, read_manifest
from .errors import DataError, fail
from .mixing import Pools, item_rng, render, sample_spec
from .progress import Progress
from .recipes import load_recipe

_W = {}


def item_id(split: str, i: int) -> str:
    return f"{split}-{i:06d}"


def _init(corpus_dir, rate, split, recipe):
    audio = CorpusAudio(corpus_dir, rate)
    _W.update(pools=Pools(audio, split), recipe=recipe, split=split)


def make_item(args):
    """Render item i and write its files; returns its manifest row."""
    i, out, seed = args
    pools, recipe, split = _W["pools"], _W["recipe"], _W["split"]
    spec = sample_spec(item_rng(seed, split, i), pools, recipe, split)
    sig = render(spec, pools, recipe)
    iid = item_id(split, i)
    rel = os.path.join(split, iid)
    rate = pools.audio.rate
    names = {"mixture": "mixture.wav", "reference": "reference.wav", "target": "target.wav"}
    for key, name in names.items():
        wavio.write_wav(os.path.join(out, rel, name), sig[key], rate)
    interferers = []
    for k, x in enumerate(sig["interferers"]):
        name = f"interferer{k + 1}.wav"
        wavio.write_wav(os.path.join(out, rel, name), x, rate)
        interferers.append(os.path.join(rel, name))
    entries = pools.audio.entries
    row = {"id": iid, "mixture": os.path.join(rel, names["mixture"]), "reference": os.path.join(rel, names["reference"]),
           "target": os.path.join(rel, names["target"]), "interferers": interferers, "sample_rate": rate,
           "sir_db": round(spec["sir_db"], 4), "snr_db": None if spec["snr_db"] is None else round(spec["snr_db"], 4),
           "target_speaker": spec["target_speaker"], "reverb": spec["reverb"],
           "interferer_speakers": [it["speaker"] for it in spec["interferers"]],
           "target_base_voice": pools.base_of[spec["target_speaker"]],
           "real": bool(entries[spec["target"]["utts"][0]].real),
           "reference_seconds": round(len(sig["reference"]) / rate, 3), "codec": spec["codec"],
           "target_utterances": [entries[u].path for u in spec["target"]["utts"]],
           "reference_utterances": [entries[u].path for u in spec["reference"]["utts"]],
           "noise": entries[spec["noise"]["id"]].path if spec["noise"] else None,
           "rirs": [entries[r].path for r in spec["rirs"]] if spec["reverb"] else [],
           "reference_rir": None if spec["reference"]["rir"] is None else entries[spec["reference"]["rir"]].path,
           "seed": seed, "index": i}
    wavio.write_atomic(os.path.join(out, rel, "item.json"), json.dumps(row).encode("utf-8"))
    return row


def _run(args):
    try:
        return make_item(args), None
    except DataError as e:
        return None, f"{item_id(_W['split'], args[0])}: {e}"


def load_item(out, split, i, rate):
    """The item's row when it is complete and its files are intact, else None (it will be made again)."""
    rel = os.path.join(split, item_id(split, i))
    path = os.path.join(out, rel, "item.json")
    if not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as f:
            row = json.load(f)
        for p in [row["mixture"], row["reference"], row["target"]] + row["interferers"]:
            info = wavio.read_info(os.path.join(out, p))
            if info.sample_rate != rate or info.frames == 0:
                return None
    except (OSError, ValueError, KeyError, DataError):
        return None
    return row


def generate(corpus, recipe_name, split, out, count=None, seed=1, jobs=1, progress=None):
    progress = progress or Progress("text")
    recipe = load_recipe(recipe_name)
    count = count if count is not None else recipe["sizes"].get(split)
    if not count:
        raise DataError(f"recipe {recipe['name']}: no size for split '{split}' (give --count)")
    rate = recipe["sample_rate"]
    entries = read_manifest(corpus)
    os.makedirs(out, exist_ok=True)
    meta_path = os.path.join(out, f"{split}.meta.json")
    meta = {"recipe": recipe, "split": split, "seed": seed, "count": count, "corpus": os.path.abspath(corpus)}
    if os.path.isfile(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            old = json.load(f)
        if {k: old.get(k) for k in ("recipe", "split", "seed")} != {k: meta[k] for k in ("recipe", "split", "seed")}:
            raise fail(meta_path, "this folder holds a set made with another recipe or seed; use a new --out")
    wavio.write_atomic(meta_path, json.dumps(meta, indent=1).encode("utf-8"))
    CorpusAudio(corpus, rate, entries)  # build the shared audio cache once, before the workers map it
    _remove_stale_temp_files(os.path.join(out, split))
    rows = {i: load_item(out, split, i, rate) for i in range(count)}
    todo = [i for i, r in rows.items() if r is None]
    progress.progress(count - len(todo), count, f"{split}: {len(todo)} items to make", force=True)
    errors = []
    if todo:
        init = (corpus, rate, split, recipe)
        work = [(i, out, seed) for i in todo]
        if jobs > 1:
            with Pool(jobs, initializer=_init, initargs=init) as pool:
                results = pool.imap(_run, work, chunksize=4)
                _collect(results, rows, errors, progress, count)
        else:
            _init(*init)
            _collect(map(_run, work), rows, errors, progress, count)
    if errors:
        raise DataError(f"{out}: {len(errors)} items failed, first: {errors[0]}")
    manifest = os.path.join(out, f"{split}.jsonl")
    text = "".join(json.dumps(rows[i]) + "\n" for i in range(count))
    wavio.write_atomic(manifest, text.encode("utf-8"))
    return manifest, [rows[i] for i in range(count)]


def _remove_stale_temp_files(folder):
    """Temporary files of writes that a kill interrupted (their final files were never renamed into place)."""
    for d, _, files in os.walk(folder):
        for f in files:
            if f.startswith(".") and f.endswith(".tmp"):
                os.unlink(os.path.join(d, f))


def _collect(results, rows, errors, progress, count):
    for row, err in results:
        if err:
            errors.append(err)
            continue
        rows[row["index"]] = row
        progress.progress(sum(r is not None for r in rows.values()), count, row["id"])


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m tsestudio.data.generate", description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", required=True)
    p.add_argument("--recipe", required=True, help="v7, v8 or a recipe YAML path")
    p.add_argument("--split", required=True, choices=["train", "valid", "test", "real_valid"])
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, help="number of mixtures (default: the recipe's size for the split)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--progress", choices=["json", "text"], default="text")
    a = p.parse_args(argv)
    progress = Progress(a.progress)
    try:
        manifest, rows = generate(a.corpus, a.recipe, a.split, a.out, a.count, a.seed, a.jobs, progress)
    except DataError as e:
        progress.error(str(e))
        return 2
    progress.done(manifest=manifest, items=len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
