"""VCTK: wav48/<p225>/<p225_001>.wav (0.80) or wav48_silence_trimmed/<p225>/<p225_001_mic1>.flac (0.92),
with txt/<p225>/<p225_001>.txt transcripts and speaker-info.txt (ID AGE GENDER ACCENTS REGION)."""
import os

from ..errors import fail
from .common import ReadReport, Utterance, nonempty, require_dir

AUDIO_DIRS = ("wav48_silence_trimmed", "wav48", "wav16")


def _speaker_info(root: str):
    info = {}
    path = os.path.join(root, "speaker-info.txt")
    if os.path.isfile(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.split()
                if parts and parts[0].upper() != "ID":
                    pid = parts[0] if parts[0].startswith("p") or parts[0].startswith("s") else "p" + parts[0]
                    info[pid] = {"age": parts[1] if len(parts) > 1 else None,
                                 "gender": parts[2] if len(parts) > 2 else None}
    return info


def read_vctk(root, mic: str = "mic1", **_):
    """mic picks mic1/mic2 in the 0.92 layout (each utterance was recorded by both)."""
    root = require_dir(root)
    report = ReadReport()
    audio_dir = next((os.path.join(root, d) for d in AUDIO_DIRS if os.path.isdir(os.path.join(root, d))), None)
    if audio_dir is None:
        raise fail(root, f"no VCTK audio folder ({' or '.join(AUDIO_DIRS)})")
    info = _speaker_info(root)
    utts = []
    for spk in sorted(os.listdir(audio_dir)):
        sdir = os.path.join(audio_dir, spk)
        if not os.path.isdir(sdir):
            continue
        for name in sorted(os.listdir(sdir)):
            stem, ext = os.path.splitext(name)
            if ext not in (".wav", ".flac"):
                continue
            if stem.endswith(("_mic1", "_mic2")):
                if not stem.endswith("_" + mic):
                    continue
                stem = stem[:-5]
            path = os.path.join(sdir, name)
            if not nonempty(path, report):
                continue
            text = None
            tpath = os.path.join(root, "txt", spk, stem + ".txt")
            if os.path.isfile(tpath):
                with open(tpath, encoding="utf-8", errors="replace") as f:
                    text = f.read().strip()
            utts.append(Utterance(path, f"vctk-{spk}", stem, text, extra=dict(info.get(spk, {}))))
    if not utts:
        raise fail(audio_dir, "no VCTK utterances found")
    return utts, report
