"""The corpus manifest (corpus.jsonl) and an in-memory view of its audio.

One line per file: {"path", "speaker", "base_voice", "engine", "licence", "duration", "sample_rate",
"kind": speech|noise|rir, "real", "split"}. Splits are by base voice: a base voice (one person, with all
their pitch/rate/engine variants) never appears in two splits.
"""
import json
import os
from dataclasses import asdict, dataclass, field
from typing import Dict, List

import numpy as np

from . import wavio
from .errors import DataError, fail

KINDS = ("speech", "noise", "rir")
SPLITS = ("train", "valid", "test", "real_valid")
MANIFEST = "corpus.jsonl"


@dataclass
class Entry:
    path: str
    speaker: str
    base_voice: str
    engine: str
    licence: str
    duration: float
    sample_rate: int
    kind: str
    real: bool
    split: str
    extra: Dict = field(default_factory=dict)

    def to_json(self) -> str:
        d = asdict(self)
        extra = d.pop("extra")
        d.update(extra)
        return json.dumps(d, ensure_ascii=False, sort_keys=False)


_REQUIRED = {"path": str, "speaker": str, "base_voice": str, "engine": str, "licence": str,
             "duration": (int, float), "sample_rate": int, "kind": str, "real": bool, "split": str}


def parse_line(manifest, lineno: int, line: str) -> Entry:
    where = f"{manifest}:{lineno}"
    try:
        d = json.loads(line)
    except json.JSONDecodeError as e:
        raise fail(where, f"not valid JSON ({e.msg})") from None
    if not isinstance(d, dict):
        raise fail(where, "corpus line is not a JSON object")
    for key, typ in _REQUIRED.items():
        if key not in d:
            raise fail(where, f"missing field '{key}'")
        if not isinstance(d[key], typ) or (typ is int and isinstance(d[key], bool)):
            raise fail(where, f"field '{key}' has the wrong type ({type(d[key]).__name__})")
    if d["kind"] not in KINDS:
        raise fail(where, f"kind '{d['kind']}' is not one of {', '.join(KINDS)}")
    if d["split"] not in SPLITS:
        raise fail(where, f"split '{d['split']}' is not one of {', '.join(SPLITS)}")
    extra = {k: v for k, v in d.items() if k not in _REQUIRED}
    return Entry(**{k: d[k] for k in _REQUIRED}, extra=extra)


def read_manifest(corpus_dir) -> List[Entry]:
    path = os.path.join(os.fspath(corpus_dir), MANIFEST)
    if not os.path.isdir(corpus_dir):
        raise fail(corpus_dir, "corpus folder does not exist")
    if not os.path.isfile(path):
        raise fail(path, "corpus manifest not found (is this a corpus folder built by build_corpus?)")
    with open(path, encoding="utf-8") as f:
        entries = [parse_line(path, i + 1, ln) for i, ln in enumerate(f) if ln.strip()]
    if not entries:
        raise fail(path, "corpus manifest is empty")
    check_split_disjoint(entries, path)
    return entries


def check_split_disjoint(entries: List[Entry], where="corpus") -> None:
    """Raise when one base voice (or one speaker) is in two splits: that would leak people across splits."""
    seen: Dict[str, str] = {}
    for e in entries:
        if e.kind != "speech":
            continue
        for key in (e.base_voice, "speaker:" + e.speaker):
            prev = seen.setdefault(key, e.split)
            if prev != e.split:
                raise fail(where, f"'{key}' is in both split '{prev}' and split '{e.split}'")


def write_manifest(corpus_dir, entries: List[Entry]) -> None:
    text = "".join(e.to_json() + "\n" for e in entries)
    wavio.write_atomic(os.path.join(os.fspath(corpus_dir), MANIFEST), text.encode("utf-8"))


class CorpusAudio:
    """All audio of a corpus at one sample rate, kept as int16 arrays.

    The first load decodes every WAV and stores one flat int16 cache file per rate next to the corpus
    (`.cache/audio_<rate>.npy`); later loads map that file, so DataLoader workers share the pages
    instead of each holding a copy.
    """

    def __init__(self, corpus_dir, rate: int, entries: List[Entry] = None):
        self.dir = os.fspath(corpus_dir)
        self.rate = rate
        self.entries = entries if entries is not None else read_manifest(corpus_dir)
        self._flat, self._offsets = self._load()

    def _load(self):
        from .audio import resample
        cache = os.path.join(self.dir, ".cache")
        flat_path = os.path.join(cache, f"audio_{self.rate}.npy")
        index_path = os.path.join(cache, f"audio_{self.rate}.json")
        key = [e.path for e in self.entries]
        if os.path.isfile(flat_path) and os.path.isfile(index_path):
            with open(index_path) as f:
                index = json.load(f)
            if index.get("paths") == key:
                return np.load(flat_path, mmap_mode="r"), np.asarray(index["offsets"], dtype=np.int64)
        chunks, offsets = [], [0]
        for e in self.entries:
            p = os.path.join(self.dir, e.path)
            x, sr = wavio.read_wav(p)
            if len(x) == 0:
                raise fail(p, "audio file is empty")
            x = wavio.to_int16(resample(x, sr, self.rate))
            chunks.append(x)
            offsets.append(offsets[-1] + len(x))
        flat = np.concatenate(chunks) if chunks else np.zeros(0, np.int16)
        try:
            os.makedirs(cache, exist_ok=True)
            tmp = flat_path + f".{os.getpid()}.tmp.npy"
            np.save(tmp, flat)
            os.replace(tmp, flat_path)
            wavio.write_atomic(index_path, json.dumps({"paths": key, "offsets": offsets}).encode())
        except OSError:
            pass  # a read-only corpus still works, it just decodes again next time
        return flat, np.asarray(offsets, dtype=np.int64)

    def int16(self, i: int) -> np.ndarray:
        return self._flat[self._offsets[i]:self._offsets[i + 1]]

    def float32(self, i: int) -> np.ndarray:
        return self.int16(i).astype(np.float32) * (1.0 / 32768.0)

    def __len__(self) -> int:
        return len(self.entries)


def require_speakers(entries: List[Entry], split: str, minimum: int, where) -> None:
    speakers = {e.speaker for e in entries if e.kind == "speech" and e.split == split}
    if len(speakers) < minimum:
        raise DataError(f"{where}: split '{split}' has {len(speakers)} speakers, needs at least {minimum}")
