"""Turn a standard corpus a user has (LibriSpeech, WSJ0-2mix, VCTK, MUSAN, <speaker>/*.wav) into a
TSE Studio corpus folder (16-bit mono WAV at one rate + corpus.jsonl) that generate and dynamic mixing use.

    python -m tsestudio.data.import_corpus --reader librispeech --root DIR --out DIR [--rirs 200]

Run it once per source into the same --out: entries of other sources already there are kept. Speakers
are split train/valid/test by a hash of the speaker (WSJ0-2mix keeps its test speakers in test); MUSAN
audio becomes noise. Resumable: converted files are not converted again.
"""
import argparse
import os
import sys
from multiprocessing import Pool

from . import wavio
from .audio import load_audio
from .build_jobs import rir_sim_job
from .corpus import MANIFEST, Entry, check_split_disjoint, read_manifest, write_manifest
from .errors import DataError
from .progress import Progress
from .readers import READERS, read_corpus
from .splits import split_of_item

LICENCES = {"librispeech": "CC-BY-4.0 (LibriSpeech)", "vctk": "CC-BY-4.0 (VCTK)",
            "wsj0mix": "LDC WSJ0 licence (not redistributable)", "musan": "MUSAN (see its LICENSE file)",
            "folder": "as given by the user"}


def _convert(args):
    src, dst, rate = args
    try:
        if not os.path.isfile(dst):
            wavio.write_wav(dst, load_audio(src, rate), rate)
        return dst, wavio.read_info(dst).frames, None
    except DataError as e:
        return dst, 0, str(e)


def _split_for(utt, reader, seed):
    if reader == "wsj0mix" and utt.extra.get("list_split") == "tt":
        return "test"
    return split_of_item(seed, utt.speaker, (0.9, 0.05, 0.05))


def import_corpus(reader, root, out, rate=16000, jobs=1, rirs=0, seed=7, licence=None, progress=None):
    progress = progress or Progress("text")
    utts, report = read_corpus(reader, root)
    if reader == "wsj0mix":  # a WSJ0 speaker in the test lists is a test speaker everywhere
        test_spk = {u.speaker for u in utts if u.extra.get("list_split") == "tt"}
        for u in utts:
            if u.speaker in test_spk:
                u.extra["list_split"] = "tt"
    prefix = os.path.join("imported", reader)
    work, meta = [], []
    for u in utts:
        rel = os.path.join(prefix, u.kind, u.speaker, u.utt_id + ".wav")
        work.append((u.path, os.path.join(out, rel), rate))
        meta.append((rel, u))
    entries, problems = [], list(report.skipped)
    with Pool(max(1, jobs)) as pool:
        for i, ((dst, frames, err), (rel, u)) in enumerate(zip(pool.imap(_convert, work, chunksize=8), meta)):
            progress.progress(i + 1, len(work), rel)
            if err:
                problems.append(err)
                continue
            kind = "speech" if u.kind == "speech" and reader != "musan" else "noise"
            split = _split_for(u, reader, seed)
            entries.append(Entry(rel, u.speaker, u.speaker, "recording", licence or LICENCES[reader], round(frames / rate, 4),
                                 rate, kind, True, split, extra={"source": reader, **({"text": u.text} if u.text else {})}))
    if not entries:
        raise DataError(f"{root}: no file could be converted (first problem: {problems[0] if problems else 'none'})")
    old = read_manifest(out) if os.path.isfile(os.path.join(out, MANIFEST)) else []
    keep = [e for e in old if not e.path.startswith(prefix + os.sep)]
    if rirs and not any(e.kind == "rir" for e in keep):
        ctx = {"out": out, "rate": rate, "seed": seed}
        for start in range(0, rirs, 50):
            made, _ = rir_sim_job({"start": start, "count": min(50, rirs - start), "rt60": [0.15, 0.9]}, ctx)
            keep += [Entry(**{k: d[k] for k in Entry.__dataclass_fields__ if k != "extra"},
                           extra={k: v for k, v in d.items() if k not in Entry.__dataclass_fields__}) for d in made]
    merged = keep + entries
    check_split_disjoint(merged, out)
    write_manifest(out, merged)
    return {"files": len(entries), "speakers": len({e.speaker for e in entries}), "problems": problems,
            "hours": round(sum(e.duration for e in entries) / 3600, 3)}


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m tsestudio.data.import_corpus", description=__doc__.split("\n\n")[0])
    p.add_argument("--reader", required=True, choices=READERS)
    p.add_argument("--root", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--rate", type=int, default=16000)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--rirs", type=int, default=0, help="simulate this many rooms if the corpus has none")
    p.add_argument("--licence", help="licence to record for the imported files")
    p.add_argument("--progress", choices=["json", "text"], default="text")
    a = p.parse_args(argv)
    progress = Progress(a.progress)
    try:
        report = import_corpus(a.reader, a.root, a.out, a.rate, a.jobs, a.rirs, licence=a.licence, progress=progress)
    except DataError as e:
        progress.error(str(e))
        return 2
    for line in report["problems"]:
        sys.stderr.write(f"skipped: {line}\n")
    progress.done(**{k: v for k, v in report.items() if k != "problems"}, problems=len(report["problems"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
