"""Build a speaker-labelled training corpus from what Debian ships.

    python -m tsestudio.data.build_corpus --out DIR [--progress json] [--jobs N]

TTS voices (every engine and voice, several pseudo-speakers per voice with their own pitch, rate, formant
and EQ), recorded human speech from game/telephony/education packages, noise clips and room impulse
responses, all as 16 kHz mono 16-bit WAV plus corpus.jsonl. Resumable: every job leaves a marker in
DIR/.jobs/ once its files are written, and a re-run skips marked jobs whose parameters are unchanged (a marker
records its job's signature; one written before signatures existed is redone once).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from multiprocessing import Pool

from . import debpkg, human, tts, wavio
from .build_jobs import run_job
from .corpus import Entry, check_split_disjoint, write_manifest
from .errors import DataError
from .progress import Progress
from .splits import assign_splits

NOISE_PACKAGES = {"lincity-ng-data": ("lincity", "concat", "usr/share/games/lincity-ng/sounds", 60),
                  "asterisk-moh-opsound-wav": ("music", "cut", "usr/share/asterisk/moh", 36)}
REAL_RIRS = [("csoundqt-examples", "usr/share/csoundqt/Examples/SourceMaterials/impulse_big_hall.wav", "big_hall"),
             ("csoundqt-examples", "usr/share/csoundqt/Examples/SourceMaterials/Stairwell.wav", "stairwell"),
             ("csoundqt-examples", "usr/share/csoundqt/Examples/SourceMaterials/dish.wav", "dish"),
             ("guitarix-common", "usr/share/gx_head/sounds/greathall.wav", "greathall")]


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m tsestudio.data.build_corpus", description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="corpus folder (created; re-running resumes)")
    p.add_argument("--progress", choices=["json", "text"], default="text")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--seed", type=int, default=20240601)
    p.add_argument("--rate", type=int, default=16000)
    p.add_argument("--engines", default="mbrola,flite,festival,pico,rhvoice")
    p.add_argument("--human", default="all", help="comma list of packages, 'all' or 'none'")
    p.add_argument("--variants", type=int, default=2, help="pseudo-speakers per TTS voice")
    p.add_argument("--utts", type=int, default=5, help="utterances per TTS pseudo-speaker")
    p.add_argument("--human-cap-seconds", type=float, default=300.0, help="most audio kept per recorded speaker")
    p.add_argument("--human-cap-seconds-train", type=float, default=None,
                   help="most audio kept per recorded training speaker (default: --human-cap-seconds); the "
                        "validation and test speakers keep --human-cap-seconds, so their sets stay as they were")
    p.add_argument("--max-voices", type=int, default=0, help="use only the first N voices per engine (tests)")
    p.add_argument("--rirs", type=int, default=400, help="simulated room impulse responses")
    p.add_argument("--noise", choices=["all", "generated", "none"], default="all")
    p.add_argument("--babble", type=int, default=24, help="babble clips for train (valid/test get a sixth each)")
    p.add_argument("--no-install", action="store_true", help="use only what is installed/downloaded already")
    return p.parse_args(argv)


def prepare(args, log):
    """Install engines and fetch data packages; returns (voices, human speakers, package roots, problems)."""
    problems = []
    engines = [e for e in args.engines.split(",") if e]
    if not args.no_install:
        pkgs = [p for e in engines for p in tts.ENGINE_PACKAGES.get(e, [])]
        if "mbrola" in engines:
            res = subprocess.run(["apt-cache", "pkgnames", "mbrola-"], capture_output=True, text=True)
            pkgs += sorted(res.stdout.split())
        if os.geteuid() == 0:
            for p in debpkg.install(pkgs, log):
                problems.append(f"{p}: could not be installed (voices from it are missing)")
        else:
            problems.append("not root: engines were not installed, using what is there")
    voices = [v for v in tts.all_voices() if v.engine in engines]
    if args.max_voices:
        per = defaultdict(list)
        for v in voices:
            per[v.engine].append(v)
        voices = [v for e in engines for v in per[e][:args.max_voices]]
    cache = os.path.join(args.out, ".cache")
    wanted = list(human.SOURCES) if args.human == "all" else [] if args.human == "none" else args.human.split(",")
    extra = (list(NOISE_PACKAGES) + sorted({p for p, _, _ in REAL_RIRS})) if args.noise == "all" else []
    roots = {}
    for pkg in wanted + extra:
        try:
            roots[pkg] = debpkg.unpack_data_package(pkg, cache) if not args.no_install or os.path.isdir(
                os.path.join(cache, "pkgroot", pkg)) else None
        except DataError as e:
            problems.append(str(e))
    speakers = []
    for pkg in wanted:
        if pkg not in human.SOURCES:
            raise DataError(f"--human: unknown source '{pkg}' (known: {', '.join(human.SOURCES)})")
        if roots.get(pkg):
            lic = debpkg.package_licence(roots[pkg], pkg)
            if lic.endswith("see the package copyright"):
                lic = human.FALLBACK_LICENCE.get(pkg, lic)
            speakers += [(s, lic) for s in human.SOURCES[pkg](roots[pkg])]
    return voices, speakers, roots, problems


def human_cap(args, split: str) -> float:
    """Seconds kept per recorded speaker of a split. Recorded speech is the scarcest training data, and several
    packages hold far more of one person than the default cap keeps; raising it for training speakers only adds
    utterances after the ones already there (same shuffled file order) and leaves every held-out set alone."""
    if split == "train" and args.human_cap_seconds_train is not None:
        return args.human_cap_seconds_train
    return args.human_cap_seconds


def make_jobs(args, voices, speakers, roots, splits):
    jobs = []
    for v in voices:
        for k in range(args.variants):
            jobs.append({"id": f"tts-{v.key}-v{k}", "type": "tts", "voice": vars(v), "variant": k, "utts": args.utts,
                         "split": splits[v.base_voice]})
    for s, lic in speakers:
        jobs.append({"id": f"human-{s.speaker}", "type": "human", "speaker": s.speaker, "base_voice": s.base_voice,
                     "files": s.files, "package": s.package, "lang": s.lang, "licence": lic,
                     "cap_s": human_cap(args, splits[s.base_voice]), "split": splits[s.base_voice]})
    if args.noise != "none":
        jobs.append({"id": "noise-colored", "type": "noise", "source": "colored", "per_color": 6})
        for start in range(0, args.rirs, 50):
            jobs.append({"id": f"rir-sim-{start}", "type": "rir_sim", "start": start,
                         "count": min(50, args.rirs - start), "rt60": [0.15, 0.9]})
    if args.noise == "all":
        for pkg, (name, mode, sub, max_clips) in NOISE_PACKAGES.items():
            if roots.get(pkg):
                folder = os.path.join(roots[pkg], sub)
                files = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".wav"))
                jobs.append({"id": f"noise-{name}", "type": "noise", "source": pkg, "package": pkg, "name": name,
                             "mode": mode, "files": files, "max_clips": max_clips,
                             "licence": debpkg.package_licence(roots[pkg], pkg)})
        real = [(os.path.join(roots[pkg], rel), name, debpkg.package_licence(roots[pkg], pkg), pkg)
                for pkg, rel, name in REAL_RIRS if roots.get(pkg)]
        if real:
            jobs.append({"id": "rir-real", "type": "rir_real", "files": real})
    return jobs


def job_signature(job) -> str:
    """What a job's output depends on (its whole parameter dict), so changing an option redoes exactly the jobs
    it touches, e.g. the recorded training speakers after --human-cap-seconds-train."""
    return hashlib.sha1(json.dumps(job, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def marker_is_current(path, job) -> bool:
    if not os.path.isfile(path):
        return False
    with open(path, encoding="utf-8") as f:
        signature = json.load(f).get("signature")
    # A marker from before signatures says nothing about the options it was built with: redo it once.
    return signature == job_signature(job)


def run_jobs(jobs, args, progress, label):
    """Run the jobs without a current marker, in parallel; write each marker when its job is complete."""
    marks = os.path.join(args.out, ".jobs")
    os.makedirs(marks, exist_ok=True)
    todo = [j for j in jobs if not marker_is_current(os.path.join(marks, j["id"] + ".json"), j)]
    ctx = {"out": args.out, "rate": args.rate, "seed": args.seed}
    done = len(jobs) - len(todo)
    progress.progress(done, len(jobs), f"{label}: {len(todo)} to do", force=True)
    by_id = {j["id"]: j for j in todo}
    if todo:
        with Pool(max(1, args.jobs)) as pool:
            for job_id, entries, failures, error in pool.imap_unordered(_run, [(j, ctx) for j in todo]):
                record = {"signature": job_signature(by_id[job_id]), "entries": entries, "failures": failures,
                          "error": error}
                wavio.write_atomic(os.path.join(marks, job_id + ".json"), json.dumps(record).encode("utf-8"))
                done += 1
                progress.progress(done, len(jobs), f"{label}: {job_id}" + (f" FAILED: {error}" if error else ""))


def _run(arg):
    return run_job(*arg)


def collect(args, jobs):
    entries, problems = [], []
    for j in jobs:
        with open(os.path.join(args.out, ".jobs", j["id"] + ".json"), encoding="utf-8") as f:
            rec = json.load(f)
        entries += rec["entries"]
        problems += rec["failures"] + ([rec["error"]] if rec["error"] else [])
    return entries, problems


def babble_jobs(args, speech):
    by_split = defaultdict(lambda: defaultdict(list))
    for e in speech:
        by_split[e["split"]][e["speaker"]].append(e["path"])
    jobs = []
    for split, count in (("train", args.babble), ("valid", max(1, args.babble // 6)), ("test", max(1, args.babble // 6))):
        spk = by_split.get(split, {})
        if len(spk) >= 3:
            jobs.append({"id": f"babble-{split}", "type": "babble", "split": split, "count": count,
                         "speakers": [sorted(spk[s])[:6] for s in sorted(spk)]})
    return jobs


def summary(entries):
    out = {"files": len(entries), "hours": {}, "speakers": {}, "base_voices": {}, "hours_by_source": {}}
    for kind in ("speech", "noise", "rir"):
        out["hours"][kind] = round(sum(e["duration"] for e in entries if e["kind"] == kind) / 3600, 3)
    for split in ("train", "valid", "test", "real_valid"):
        sp = [e for e in entries if e["kind"] == "speech" and e["split"] == split]
        out["speakers"][split] = len({e["speaker"] for e in sp})
        out["base_voices"][split] = len({e["base_voice"] for e in sp})
    src = defaultdict(float)
    for e in entries:
        src[f"{e['kind']}:{e.get('source', e['engine'])}"] += e["duration"] / 3600
    out["hours_by_source"] = {k: round(v, 3) for k, v in sorted(src.items())}
    return out


def build(args, progress):
    t0 = time.time()
    os.makedirs(args.out, exist_ok=True)
    log = lambda msg: progress.progress(0, 1, msg, force=True)  # noqa: E731
    voices, speakers, roots, problems = prepare(args, log)
    if not voices and not speakers:
        raise DataError(f"{args.out}: nothing to build (no TTS voice and no recorded speaker available)")
    splits = assign_splits({v.base_voice for v in voices}, {s.base_voice: len(s.files) for s, _ in speakers},
                           args.seed)
    jobs = make_jobs(args, voices, speakers, roots, splits)
    run_jobs(jobs, args, progress, "corpus")
    entries, job_problems = collect(args, jobs)
    if args.noise != "none":
        bjobs = babble_jobs(args, [e for e in entries if e["kind"] == "speech"])
        run_jobs(bjobs, args, progress, "babble")
        more, more_problems = collect(args, bjobs)
        entries += more
        job_problems += more_problems
    objs = [Entry(**{k: e[k] for k in Entry.__dataclass_fields__ if k != "extra"},
                  extra={k: v for k, v in e.items() if k not in Entry.__dataclass_fields__}) for e in entries]
    check_split_disjoint(objs, args.out)
    write_manifest(args.out, objs)
    caps = {"human_cap_seconds": args.human_cap_seconds, "human_cap_seconds_train": human_cap(args, "train")}
    report = {"seconds": round(time.time() - t0, 1), "seed": args.seed, **caps, **summary(entries),
              "problems": problems + job_problems}
    wavio.write_atomic(os.path.join(args.out, "build_report.json"), json.dumps(report, indent=1).encode("utf-8"))
    return report


def main(argv=None):
    args = parse_args(argv)
    progress = Progress(args.progress)
    try:
        report = build(args, progress)
    except DataError as e:
        progress.error(str(e))
        return 2
    progress.done(**{k: v for k, v in report.items() if k != "problems"}, problems=len(report["problems"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
