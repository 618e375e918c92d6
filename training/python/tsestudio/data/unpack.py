"""Unpack a corpus pack (from tsestudio.data.pack) into WAV files and corpus.jsonl, e.g. on the GPU machine.

    python -m tsestudio.data.unpack --pack DIR --out DIR [--jobs N] [--add]

Decodes the Opus streams with the carried opusdec (LD_LIBRARY_PATH set to the carried libraries; the
system's opusdec if the carried one cannot run), in parallel, and re-simulates the room responses.
Resumable: a stream whose files are all present is not decoded again. ``--add`` adds the pack to the corpus
already in DIR (a second pack made with ``pack --exclude-pack``) instead of replacing its corpus.jsonl.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from multiprocessing.pool import ThreadPool

import numpy as np

from . import wavio
from .corpus import Entry, read_manifest, write_manifest
from .errors import DataError, fail
from .pack import read_pack_meta
from .progress import Progress, run_command
from .rir import image_source_rir
from .splits import stable_hash


def find_opusdec(pack_dir):
    """(command, environment) of an opusdec that runs here."""
    carried = os.path.join(pack_dir, "bin", "opusdec")
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = os.path.join(os.path.abspath(pack_dir), "lib") + (
        ":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    candidates = ([(os.path.abspath(carried), env)] if os.path.isfile(carried) else []) + \
                 ([(shutil.which("opusdec"), dict(os.environ))] if shutil.which("opusdec") else [])
    errors = []
    for cmd, e in candidates:
        try:
            os.chmod(cmd, 0o755) if cmd.startswith(os.path.abspath(pack_dir)) else None
            res = subprocess.run([cmd, "--version"], capture_output=True, env=e, timeout=30)
            if res.returncode == 0:
                return cmd, e
            errors.append(res.stderr.decode(errors="replace").strip().splitlines()[-1:])
        except OSError as err:
            errors.append(str(err))
    raise fail(carried, f"no working opusdec ({errors[-1] if errors else 'none carried or installed'})")


def decode_stream(opusdec, env, path, rate):
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "out.wav")
        res = subprocess.run([opusdec, "--quiet", "--rate", str(rate), path, wav], capture_output=True, env=env)
        if res.returncode != 0:
            raise fail(path, f"opusdec failed ({res.stderr.decode(errors='replace').strip()[-160:]})")
        x, sr = wavio.read_wav(wav, dtype=np.int16)
    return x


def unpack(pack_dir, out, jobs=None, progress=None, add=False):
    progress = progress or Progress("text")
    t0 = time.time()
    meta = read_pack_meta(pack_dir)
    if add and not os.path.isfile(os.path.join(out, "corpus.jsonl")):
        raise fail(out, "--add needs a corpus there to add to (unpack the first pack without --add)")
    opusdec, env = find_opusdec(pack_dir)
    streams = {}
    for row in meta["entries"]:
        if "stream" in row["pack"]:
            streams.setdefault(row["pack"]["stream"], []).append(row)
        else:
            dst = os.path.join(out, row["path"])
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(os.path.join(pack_dir, row["pack"]["file"]), dst)
    done = [0]
    names = sorted(streams)

    def work(name):
        rows = streams[name]
        if not all(os.path.isfile(os.path.join(out, r["path"])) for r in rows):
            x = decode_stream(opusdec, env, os.path.join(pack_dir, name), rows[0]["sample_rate"])
            for r in rows:
                seg = x[r["pack"]["offset"]:r["pack"]["offset"] + r["pack"]["length"]]
                seg = np.pad(seg, (0, r["pack"]["length"] - len(seg)))  # decoder may end a few samples short
                wavio.write_wav(os.path.join(out, r["path"]), seg, r["sample_rate"])
        done[0] += 1
        progress.progress(done[0], len(names), name)

    with ThreadPool(jobs or os.cpu_count() or 1) as pool:
        pool.map(work, names)
    for row in meta["simulated_rirs"]:
        dst = os.path.join(out, row["path"])
        if not os.path.isfile(dst):
            rng = np.random.default_rng(stable_hash(row["path"]) % (2 ** 63))
            h = image_source_rir(row["room"], row["source_pos"], row["mic_pos"], row["rt60"], row["sample_rate"], rng,
                                  length_s=row["pack"]["samples"] / row["sample_rate"])
            wavio.write_wav(dst, h * 0.9, row["sample_rate"])
    keys = set(Entry.__dataclass_fields__) - {"extra"}
    entries = []
    for row in meta["entries"] + meta["simulated_rirs"]:
        extra = {k: v for k, v in row.items() if k not in keys and k != "pack"}
        entries.append(Entry(**{k: row[k] for k in keys}, extra=extra))
    if add:
        new_paths = {e.path for e in entries}
        entries += [e for e in read_manifest(out) if e.path not in new_paths]
    entries.sort(key=lambda e: e.path)
    write_manifest(out, entries)
    return {"files": len(entries), "streams": len(names), "seconds": round(time.time() - t0, 1),
            "hours": round(sum(e.duration for e in entries if e.kind == "speech") / 3600, 3)}


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m tsestudio.data.unpack", description=__doc__.split("\n\n")[0])
    p.add_argument("--pack", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--jobs", type=int)
    p.add_argument("--add", action="store_true", help="add to the corpus in --out instead of replacing its manifest")
    p.add_argument("--progress", choices=["json", "text"], default="text")
    a = p.parse_args(argv)
    return run_command(a.progress, lambda progress: unpack(a.pack, a.out, a.jobs, progress, a.add))


if __name__ == "__main__":
    sys.exit(main())
