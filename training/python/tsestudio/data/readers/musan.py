"""MUSAN: <root>/{noise,music,speech}/<subset>/*.wav (e.g. noise/free-sound/noise-free-sound-0000.wav).

Noise and music files become noise sources; MUSAN speech has no reliable speaker labels, so its files get
one pseudo-speaker per file and are meant for babble, not as TSE targets.
"""
import os

from ..errors import fail
from .common import ReadReport, Utterance, is_audio, nonempty, require_dir

CATEGORIES = ("noise", "music", "speech")


def read_musan(root, categories=CATEGORIES, **_):
    root = require_dir(root)
    report = ReadReport()
    utts = []
    for cat in categories:
        cdir = os.path.join(root, cat)
        if not os.path.isdir(cdir):
            report.skip(cdir, "category folder missing")
            continue
        for dirpath, dirnames, files in os.walk(cdir):
            dirnames.sort()
            subset = os.path.relpath(dirpath, cdir).split(os.sep)[0]
            for name in sorted(files):
                if not is_audio(name):
                    continue
                path = os.path.join(dirpath, name)
                if not nonempty(path, report):
                    continue
                stem = os.path.splitext(name)[0]
                utts.append(Utterance(path, f"musan-{stem}", stem, kind=cat,
                                      extra={"subset": subset if subset != "." else cat}))
    if not utts:
        raise fail(root, "no MUSAN audio found (expected noise/, music/, speech/ folders)")
    return utts, report
