"""What every corpus reader returns: utterances with a speaker label, and a report of what it skipped."""
import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from ..errors import fail

AUDIO_EXTS = (".wav", ".flac", ".ogg", ".opus", ".mp3", ".wv1", ".sph")


@dataclass
class Utterance:
    path: str            # absolute path of the audio file
    speaker: str         # corpus-unique speaker label (corpus prefix included, e.g. "librispeech-103")
    utt_id: str
    text: Optional[str] = None
    kind: str = "speech"  # speech | noise | music (MUSAN)
    extra: Dict = field(default_factory=dict)


@dataclass
class ReadReport:
    """Problems a reader skipped over instead of crashing, one line each naming the file."""
    skipped: List[str] = field(default_factory=list)

    def skip(self, path, problem: str) -> None:
        self.skipped.append(f"{path}: {problem}")


def require_dir(root) -> str:
    root = os.fspath(root)
    if not os.path.exists(root):
        raise fail(root, "corpus folder does not exist")
    if not os.path.isdir(root):
        raise fail(root, "expected a corpus folder, found a file")
    return root


def is_audio(name: str) -> bool:
    return name.lower().endswith(AUDIO_EXTS)


def nonempty(path, report: ReadReport) -> bool:
    """Zero-byte audio files are common after interrupted copies: skip them with a report line."""
    if os.path.getsize(path) == 0:
        report.skip(path, "empty file")
        return False
    return True
