"""Assigning whole people (base voices) to train/valid/test/real_valid, deterministically from a seed."""
import hashlib
from typing import Dict, Iterable


def stable_hash(*parts) -> int:
    """A process-independent 64-bit hash (Python's hash() is salted per process)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "little")


def assign_splits(tts_bases: Iterable[str], human_bases: Dict[str, int], seed: int,
                  tts_fracs=(0.1, 0.1), human_fracs=(0.15, 0.1), min_files_held_out: int = 40) -> Dict[str, str]:
    """Map each base voice to a split.

    TTS voices: valid and test fractions, the rest train. Recorded people: a real_valid fraction (for
    choosing models on real speech) and a test fraction, taken only from people with at least
    min_files_held_out recordings so a held-out person has material for both reference and target.
    """
    out = {}
    tts = sorted(set(tts_bases), key=lambda b: stable_hash(seed, "tts", b))
    n_valid, n_test = round(len(tts) * tts_fracs[0]), round(len(tts) * tts_fracs[1])
    for i, b in enumerate(tts):
        out[b] = "valid" if i < n_valid else "test" if i < n_valid + n_test else "train"
    humans = sorted(human_bases, key=lambda b: stable_hash(seed, "human", b))
    eligible = [b for b in humans if human_bases[b] >= min_files_held_out]
    n_real, n_test_h = round(len(humans) * human_fracs[0]), round(len(humans) * human_fracs[1])
    for b in humans:
        out[b] = "train"
    for i, b in enumerate(eligible[:n_real + n_test_h]):
        out[b] = "real_valid" if i < n_real else "test"
    return out


def split_of_item(seed: int, key: str, fracs=(0.8, 0.1, 0.1)) -> str:
    """Split of a noise clip or room response (no person involved): hashed train/valid/test."""
    u = (stable_hash(seed, "item", key) % 10_000) / 10_000
    return "train" if u < fracs[0] else "valid" if u < fracs[0] + fracs[1] else "test"
