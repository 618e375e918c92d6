"""LibriSpeech: <root>[/<subset>]/<speaker>/<chapter>/<speaker>-<chapter>-<n>.flac with <speaker>-<chapter>.trans.txt."""
import os

from ..errors import fail
from .common import ReadReport, Utterance, nonempty, require_dir


def _is_speaker_dir(path: str) -> bool:
    return os.path.basename(path).isdigit() and os.path.isdir(path)


def _subset_dirs(root: str):
    """The root itself when it holds speaker folders, else its subsets (train-clean-100, dev-clean, ...)."""
    entries = [os.path.join(root, n) for n in sorted(os.listdir(root))]
    if any(_is_speaker_dir(p) for p in entries):
        return [root]
    return [p for p in entries if os.path.isdir(p) and any(_is_speaker_dir(os.path.join(p, n)) for n in os.listdir(p))]


def read_librispeech(root, **_):
    root = require_dir(root)
    report = ReadReport()
    subsets = _subset_dirs(root)
    if not subsets:
        raise fail(root, "no LibriSpeech speaker folders (expected <speaker>/<chapter>/*.flac)")
    utts = []
    for subset in subsets:
        for spk in sorted(n for n in os.listdir(subset) if n.isdigit()):
            for chapter in sorted(os.listdir(os.path.join(subset, spk))):
                cdir = os.path.join(subset, spk, chapter)
                if not os.path.isdir(cdir):
                    continue
                trans = os.path.join(cdir, f"{spk}-{chapter}.trans.txt")
                texts = {}
                if os.path.isfile(trans):
                    with open(trans, encoding="utf-8", errors="replace") as f:
                        for line in f:
                            uid, _, text = line.strip().partition(" ")
                            if uid:
                                texts[uid] = text
                else:
                    report.skip(trans, "transcript missing (utterances kept without text)")
                for name in sorted(os.listdir(cdir)):
                    if not name.endswith(".flac"):
                        continue
                    path = os.path.join(cdir, name)
                    uid = name[:-5]
                    if not nonempty(path, report):
                        continue
                    utts.append(Utterance(path, f"librispeech-{spk}", uid, texts.get(uid),
                                          extra={"chapter": chapter, "subset": os.path.basename(subset)}))
                for uid in texts:
                    if not os.path.isfile(os.path.join(cdir, uid + ".flac")):
                        report.skip(os.path.join(cdir, uid + ".flac"), "listed in transcript but missing")
    if not utts:
        raise fail(root, "no LibriSpeech utterances found")
    return utts, report
