"""A generic corpus: <root>/<speaker_id>/*.wav (any depth below the speaker folder)."""
import os

from ..errors import fail
from .common import ReadReport, Utterance, is_audio, nonempty, require_dir


def read_speaker_folders(root, prefix: str = "", **_):
    root = require_dir(root)
    report = ReadReport()
    utts = []
    for spk in sorted(os.listdir(root)):
        sdir = os.path.join(root, spk)
        if not os.path.isdir(sdir):
            if is_audio(spk):
                report.skip(sdir, "audio file outside a speaker folder")
            continue
        for dirpath, dirnames, files in os.walk(sdir):
            dirnames.sort()
            for name in sorted(files):
                if not is_audio(name):
                    continue
                path = os.path.join(dirpath, name)
                if nonempty(path, report):
                    uid = os.path.splitext(os.path.relpath(path, sdir))[0].replace(os.sep, "_")
                    utts.append(Utterance(path, prefix + spk, uid))
    if not utts:
        raise fail(root, "no audio in speaker folders (expected <speaker_id>/*.wav)")
    return utts, report
