"""Signal helpers shared by corpus building and mixing: decoding, resampling, trimming, levels."""
import os
import shutil
import subprocess
import tempfile
from math import gcd

import numpy as np
from scipy.signal import resample_poly

from . import wavio
from .errors import fail

EPS = 1e-12


def resample(x: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    """Polyphase resampling (anti-aliased); identity when the rates match."""
    if from_rate == to_rate:
        return np.asarray(x, dtype=np.float32)
    g = gcd(int(from_rate), int(to_rate))
    return resample_poly(np.asarray(x, dtype=np.float64), to_rate // g, from_rate // g).astype(np.float32)


def power(x: np.ndarray) -> float:
    return float(np.mean(np.square(x, dtype=np.float64))) if len(x) else 0.0


def dbfs(x: np.ndarray) -> float:
    """RMS level in dB relative to full scale."""
    return 10.0 * np.log10(power(x) + EPS)


def active_level(x: np.ndarray, rate: int, frame_ms: float = 20.0, floor_db: float = -40.0) -> float:
    """Power of the frames within floor_db of the loudest frame: a level that ignores pauses."""
    n = max(1, int(rate * frame_ms / 1000))
    frames = len(x) // n
    if frames == 0:
        return power(x)
    e = np.mean(np.square(x[:frames * n].reshape(frames, n), dtype=np.float64), axis=1)
    keep = e > e.max() * 10 ** (floor_db / 10)
    return float(e[keep].mean()) if keep.any() else 0.0


def silent_fraction(x: np.ndarray, rate: int, floor_db: float = -50.0) -> float:
    """Share of 10 ms frames more than floor_db below the loudest frame.

    Synthesis that loses diphones (an espeak phoneme an MBROLA voice lacks) leaves long holes of digital
    silence: a high silent fraction marks such broken utterances.
    """
    n = max(1, rate // 100)
    frames = len(x) // n
    if frames == 0:
        return 1.0
    e = np.mean(np.square(x[:frames * n].reshape(frames, n), dtype=np.float64), axis=1)
    return float(np.mean(e < e.max() * 10 ** (floor_db / 10)))


def trim_silence(x: np.ndarray, rate: int, floor_db: float = -40.0, pad_ms: float = 60.0) -> np.ndarray:
    """Cut leading/trailing frames quieter than floor_db below the loudest frame, keeping pad_ms of margin."""
    n = max(1, rate // 100)
    frames = len(x) // n
    if frames == 0:
        return x
    e = np.mean(np.square(x[:frames * n].reshape(frames, n), dtype=np.float64), axis=1)
    loud = np.nonzero(e > e.max() * 10 ** (floor_db / 10))[0]
    if len(loud) == 0:
        return x[:0]
    pad = int(rate * pad_ms / 1000)
    return x[max(0, loud[0] * n - pad):min(len(x), (loud[-1] + 1) * n + pad)]


def _run_decoder(cmd, path, need_stdout=True) -> bytes:
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    except FileNotFoundError:
        raise fail(path, f"cannot decode: '{cmd[0]}' is not installed") from None
    if res.returncode != 0 or (need_stdout and len(res.stdout) < 44):
        msg = res.stderr.decode("utf-8", "replace").strip().splitlines()
        raise fail(path, f"cannot decode ({msg[-1] if msg else 'decoder failed'})")
    return res.stdout


def load_audio(path, rate: int) -> np.ndarray:
    """Any audio file as mono float32 at `rate`: WAV natively, Opus via opusdec, the rest via sox."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise fail(path, "no such file")
    ext = os.path.splitext(path)[1].lower()
    if ext == ".wav":
        try:
            x, sr = wavio.read_wav(path)
            return resample(x, sr, rate)
        except Exception:
            if shutil.which("sox") is None:
                raise
            # Some WAVs carry encodings numpy cannot read (ADPCM, GSM): let sox try before giving up.
    if ext == ".opus":
        # opusdec writes a WAV header only to a named .wav file (to stdout it writes raw PCM).
        with tempfile.TemporaryDirectory() as tmp:
            wav = os.path.join(tmp, "out.wav")
            _run_decoder(["opusdec", "--quiet", "--rate", "48000", path, wav], path, need_stdout=False)
            x, sr = wavio.read_wav(wav)
        return resample(x, sr, rate)
    blob = _run_decoder(["sox", "-q", path, "-t", "wav", "-e", "signed-integer", "-b", "16", "-c", "1",
                         "-r", str(rate), "-"], path)
    x, sr = wavio.read_wav_bytes(path, blob)
    return resample(x, sr, rate)
