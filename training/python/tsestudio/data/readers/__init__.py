"""Readers for standard speech/noise corpus layouts; each returns speaker-labelled Utterance lists."""
from .common import ReadReport, Utterance  # noqa: F401

READERS = ("librispeech", "wsj0mix", "vctk", "musan", "folder")


def read_corpus(kind: str, root, **kwargs):
    """Dispatch by reader name; returns (utterances, report)."""
    if kind == "librispeech":
        from .librispeech import read_librispeech as fn
    elif kind == "wsj0mix":
        from .wsj0mix import read_wsj0mix_utterances as fn
    elif kind == "vctk":
        from .vctk import read_vctk as fn
    elif kind == "musan":
        from .musan import read_musan as fn
    elif kind == "folder":
        from .folder import read_speaker_folders as fn
    else:
        raise ValueError(f"unknown reader '{kind}' (one of {', '.join(READERS)})")
    return fn(root, **kwargs)
