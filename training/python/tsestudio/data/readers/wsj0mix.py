"""WSJ0-2mix: the standard mix_2_spk_{tr,cv,tt}.txt lists ("s1_path snr1 s2_path snr2" per line) over a wsj0 tree.

List paths look like wsj0/si_tr_s/40n/40na010x.wav and are relative to the folder that holds wsj0/.
The speaker of a WSJ0 utterance is the first three characters of its id (40na010x -> 40n).
"""
import os
from dataclasses import dataclass
from typing import Dict, List

from ..errors import fail
from .common import ReadReport, Utterance, require_dir

LIST_NAMES = {"tr": "mix_2_spk_tr.txt", "cv": "mix_2_spk_cv.txt", "tt": "mix_2_spk_tt.txt"}
_ALT_EXTS = (".wav", ".wv1", ".WV1", ".sph", ".flac")


@dataclass
class MixSpec:
    s1: str
    snr1: float
    s2: str
    snr2: float


def _resolve(root: str, rel: str):
    path = os.path.join(root, rel)
    if os.path.isfile(path):
        return path
    stem = os.path.splitext(path)[0]
    for ext in _ALT_EXTS:  # lists name .wav; many users keep the original sphere .wv1 files
        if os.path.isfile(stem + ext):
            return stem + ext
    return None


def read_wsj0mix_lists(root, lists_dir=None, report: ReadReport = None) -> Dict[str, List[MixSpec]]:
    """Parse the three lists; lines naming missing files are skipped and reported."""
    root = require_dir(root)
    lists_dir = require_dir(lists_dir or root)
    report = report if report is not None else ReadReport()
    out = {}
    for split, name in LIST_NAMES.items():
        lpath = os.path.join(lists_dir, name)
        if not os.path.isfile(lpath):
            report.skip(lpath, "list missing")
            continue
        specs = []
        with open(lpath, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                parts = line.split()
                if not parts:
                    continue
                if len(parts) != 4:
                    raise fail(f"{lpath}:{lineno}", f"expected 'path snr path snr', found {len(parts)} fields")
                try:
                    snr1, snr2 = float(parts[1]), float(parts[3])
                except ValueError:
                    raise fail(f"{lpath}:{lineno}", "SNR field is not a number") from None
                p1, p2 = _resolve(root, parts[0]), _resolve(root, parts[2])
                if p1 is None or p2 is None:
                    report.skip(f"{lpath}:{lineno}", f"audio missing ({parts[0] if p1 is None else parts[2]})")
                    continue
                specs.append(MixSpec(p1, snr1, p2, snr2))
        out[split] = specs
    if not out:
        raise fail(lists_dir, "no mix_2_spk_{tr,cv,tt}.txt lists found")
    return out


def speaker_of(path: str) -> str:
    return os.path.basename(path)[:3]


def read_wsj0mix_utterances(root, lists_dir=None, **_):
    """Every distinct source utterance named by the lists, labelled with its WSJ0 speaker and list split."""
    report = ReadReport()
    lists = read_wsj0mix_lists(root, lists_dir, report)
    seen, utts = set(), []
    for split, specs in lists.items():
        for spec in specs:
            for path in (spec.s1, spec.s2):
                if path in seen:
                    continue
                seen.add(path)
                uid = os.path.splitext(os.path.basename(path))[0]
                utts.append(Utterance(path, f"wsj0-{speaker_of(path)}", uid, extra={"list_split": split}))
    if not utts:
        raise fail(root, "the WSJ0-2mix lists name no existing audio")
    return utts, report
