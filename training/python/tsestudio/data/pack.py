"""Pack a corpus small enough to carry to the GPU machine: Opus speech and noise, regenerable rooms,
and the opusdec program with its shared libraries.

    python -m tsestudio.data.pack --corpus DIR --out DIR [--budget-mib 31.3] [--bitrate 15] [--splits train,valid]
        [--exclude-pack DIR]

The audio of each speaker (and each noise source) is joined into one Opus stream (per-file Ogg/Opus
overhead would otherwise cost megabytes on thousands of short files); pack.json records where every
corpus file lies in its stream. Simulated room responses are not stored: unpack simulates them again from
the room, source and microphone recorded for each (same early reflections, a fresh noise tail). If the estimate is over budget, TTS utterances are dropped first (from the pseudo-speakers
with the most utterances, keeping at least three each), recorded speech only after that. ``--splits`` keeps the
speech of the named splits only: training needs no test speakers, and the megabytes they free buy training data.
``--exclude-pack`` leaves out every file another pack holds: what that pack had to drop becomes a second pack,
carried on a later call to the same held GPU machine (one call brings 64 MiB at most) and added to the corpus
there with ``unpack --add``.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from multiprocessing.pool import ThreadPool

import numpy as np

from . import wavio
from .corpus import SPLITS, read_manifest
from .errors import DataError, fail
from .progress import Progress, run_command

FORMAT = 1
SYSTEM_LIBS = re.compile(r"^(linux-vdso|libc\.|libm\.|libpthread|libdl|librt|ld-linux|libssl|libcrypto)")
DEFAULT_BUDGET_MIB = 31.3  # what one device call can carry beside this repository's working tree (2026-12-08)
DEFAULT_BITRATE = 15
OVERHEAD_BYTES = 1500  # Ogg/Opus headers of one stream, measured ~1.1 KB with opusenc's default tags


def _group_key(e) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{e.kind}-{e.speaker}")


def plan(entries, budget_bytes, bitrate_kbps, fixed_bytes):
    """Choose which entries to keep so the estimated pack fits the budget; returns (kept, dropped)."""
    bps = bitrate_kbps * 1000 / 8
    groups = {_group_key(e) for e in entries}
    estimate = fixed_bytes + len(groups) * OVERHEAD_BYTES + sum(e.duration for e in entries) * bps
    kept = list(entries)
    dropped = []
    for tier in ("tts", "real"):
        by_spk = defaultdict(list)
        for e in kept:
            if e.kind == "speech" and (e.real == (tier == "real")):
                by_spk[e.speaker].append(e)
        while estimate > budget_bytes:
            spk = max(by_spk, key=lambda s: (len(by_spk[s]), s), default=None)
            if spk is None or len(by_spk[spk]) <= 3:
                break
            e = by_spk[spk].pop()  # the last utterance of the most plentiful speaker
            dropped.append(e)
            estimate -= e.duration * bps
        if estimate <= budget_bytes:
            break
    drop_ids = {id(e) for e in dropped}
    return [e for e in kept if id(e) not in drop_ids], dropped, estimate


def copy_opusdec(out):
    """opusdec and the shared libraries it needs that a bare Linux may lack (ldd; glibc/OpenSSL excluded)."""
    exe = shutil.which("opusdec")
    if exe is None:
        raise DataError("opusdec: not installed here (apt-get install opus-tools)")
    os.makedirs(os.path.join(out, "bin"), exist_ok=True)
    os.makedirs(os.path.join(out, "lib"), exist_ok=True)
    shutil.copy2(exe, os.path.join(out, "bin", "opusdec"))
    libs = []
    for line in subprocess.run(["ldd", exe], capture_output=True, text=True).stdout.splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+(\S+)", line)
        if m and not SYSTEM_LIBS.match(m.group(1)):
            shutil.copy2(os.path.realpath(m.group(2)), os.path.join(out, "lib", m.group(1)))
            libs.append(m.group(1))
    return libs


def encode_group(corpus, out, name, members, bitrate):
    """Concatenate the members' 16-bit samples and encode them as one Opus file; returns member lengths."""
    pcm, lengths = [], []
    for e in members:
        x, sr = wavio.read_wav(os.path.join(corpus, e.path), dtype=np.int16)
        if sr != members[0].sample_rate:
            raise fail(os.path.join(corpus, e.path), f"sample rate {sr} differs from its group's")
        pcm.append(x)
        lengths.append(len(x))
    dst = os.path.join(out, "audio", name + ".opus")
    tmp = dst + ".tmp"
    res = subprocess.run(["opusenc", "--quiet", "--bitrate", str(bitrate), "--raw", "--raw-bits", "16",
                          "--raw-rate", str(members[0].sample_rate), "--raw-chan", "1", "--raw-endianness", "0",
                          "--speech" if members[0].kind == "speech" else "--music", "-", tmp],
                         input=np.concatenate(pcm).astype("<i2").tobytes(), capture_output=True)
    if res.returncode != 0:
        raise DataError(f"{dst}: opusenc failed ({res.stderr.decode(errors='replace').strip()[:160]})")
    os.replace(tmp, dst)
    return lengths


def dir_size(path) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def read_pack_meta(pack_dir):
    """A pack's pack.json, or a one-line error naming the folder."""
    meta_path = os.path.join(pack_dir, "pack.json")
    if not os.path.isfile(meta_path):
        raise fail(pack_dir, "not a corpus pack (pack.json missing)")
    with open(meta_path, encoding="utf-8") as f:
        return json.load(f)


def packed_paths(pack_dir):
    """Corpus paths of every file a pack holds (its audio, copied rooms and simulated rooms)."""
    meta = read_pack_meta(pack_dir)
    return {row["path"] for row in meta["entries"] + meta["simulated_rirs"]}


def pack(corpus, out, budget_mib=DEFAULT_BUDGET_MIB, bitrate=DEFAULT_BITRATE, jobs=None, progress=None, splits=None,
         exclude_pack=None):
    progress = progress or Progress("text")
    t0 = time.time()
    entries = read_manifest(corpus)
    if exclude_pack:
        if os.path.abspath(exclude_pack) == os.path.abspath(out):
            raise fail(out, "--exclude-pack names the output folder itself")
        excluded = packed_paths(exclude_pack)
        entries = [e for e in entries if e.path not in excluded]
    if splits:
        unknown = set(splits) - set(SPLITS)
        if unknown:
            raise fail(corpus, f"unknown split(s) {', '.join(sorted(unknown))}; the corpus has {', '.join(SPLITS)}")
        # Noise and rooms carry no speaker, so they stay whatever their split label says.
        entries = [e for e in entries if e.kind != "speech" or e.split in splits]
    if not entries:
        raise fail(corpus, "nothing left to pack (every file is excluded)")
    if os.path.exists(out) and os.listdir(out) and not os.path.isfile(os.path.join(out, "pack.json")):
        raise fail(out, "folder exists and is not a pack; refusing to write into it")
    os.makedirs(os.path.join(out, "audio"), exist_ok=True)
    libs = copy_opusdec(out)
    sim = [e for e in entries if e.kind == "rir" and e.extra.get("source") == "simulated"]
    real_rir = [e for e in entries if e.kind == "rir" and e not in sim]
    for e in real_rir:
        dst = os.path.join(out, "files", e.path)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(os.path.join(corpus, e.path), dst)
    audio = [e for e in entries if e.kind != "rir"]
    budget = budget_mib * 1024 * 1024
    fixed = dir_size(out) - dir_size(os.path.join(out, "audio")) + 200 * len(entries)  # binaries, RIRs, pack.json
    kept, dropped, estimate = plan(audio, budget * 0.97, bitrate, fixed)
    groups = defaultdict(list)
    for e in kept:
        groups[_group_key(e)].append(e)
    for f in os.listdir(os.path.join(out, "audio")):  # streams of an earlier pack of another plan
        if f[:-5] not in groups:
            os.unlink(os.path.join(out, "audio", f))
    names = sorted(groups)
    done = [0]

    def work(name):
        lengths = encode_group(corpus, out, name, groups[name], bitrate)
        done[0] += 1
        progress.progress(done[0], len(names), f"encoded {name}")
        return name, lengths

    with ThreadPool(jobs or os.cpu_count() or 1) as pool:
        lengths = dict(pool.map(work, names))
    rows = []
    for name in names:
        offset = 0
        for e, n in zip(groups[name], lengths[name]):
            d = json.loads(e.to_json())
            d["pack"] = {"stream": f"audio/{name}.opus", "offset": offset, "length": n}
            rows.append(d)
            offset += n
    rows += [dict(json.loads(e.to_json()), pack={"file": f"files/{e.path}"}) for e in real_rir]
    sim_rows = [dict(json.loads(e.to_json()), pack={"samples": wavio.read_info(os.path.join(corpus, e.path)).frames})
                for e in sim]
    meta = {"format": FORMAT, "bitrate_kbps": bitrate, "entries": rows, "simulated_rirs": sim_rows,
            "libs": libs, "dropped": [e.path for e in dropped]}
    wavio.write_atomic(os.path.join(out, "pack.json"), json.dumps(meta).encode("utf-8"))
    size = dir_size(out)
    report = {"bytes": size, "mib": round(size / 2 ** 20, 2), "streams": len(names), "files": len(rows),
              "simulated_rirs": len(sim_rows), "dropped": len(dropped), "estimate_mib": round(estimate / 2 ** 20, 2),
              "hours": round(sum(e.duration for e in kept) / 3600, 3), "seconds": round(time.time() - t0, 1)}
    if size > budget:
        raise fail(out, f"pack is {report['mib']} MiB, over the {budget_mib} MiB budget; lower --bitrate")
    return report


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m tsestudio.data.pack", description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--budget-mib", type=float, default=DEFAULT_BUDGET_MIB,
                   help="size of the pack; a GPU call carries 64 MiB with the working tree, about 32 MiB of it")
    p.add_argument("--bitrate", type=int, default=DEFAULT_BITRATE,
                   help="Opus kbit/s: 15 packs all recorded validation speech and 2.5 h of recorded training speech "
                        "into one call's budget (24-32 for near-transparent 16 kHz speech)")
    p.add_argument("--jobs", type=int)
    p.add_argument("--splits", help="comma-separated splits whose speech is packed (default: all)")
    p.add_argument("--exclude-pack", help="a pack whose files this one leaves out (to pack what it dropped)")
    p.add_argument("--progress", choices=["json", "text"], default="text")
    a = p.parse_args(argv)
    splits = [s for s in (a.splits or "").split(",") if s]
    return run_command(a.progress, lambda progress: pack(a.corpus, a.out, a.budget_mib, a.bitrate, a.jobs, progress,
                                                         splits, a.exclude_pack))


if __name__ == "__main__":
    sys.exit(main())
