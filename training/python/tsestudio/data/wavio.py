"""WAV reading and atomic writing with numpy only (no soundfile on either machine).

Reads PCM 8/16/24/32-bit, IEEE float 32/64 and WAVE_FORMAT_EXTENSIBLE files; tolerates the
"unknown length" headers that tools write when streaming to a pipe (size 0 or 0xFFFFFFFF).
Writes 16-bit PCM through a temporary file in the same folder followed by a rename, so a reader
never sees a half-written file and a kill never leaves one behind under the final name.
"""
import os
import struct
from dataclasses import dataclass

import numpy as np

from .errors import fail

_PCM = 1
_FLOAT = 3
_EXTENSIBLE = 0xFFFE
_STREAMING_SIZES = (0, 0xFFFFFFFF, 0x7FFFF000)


@dataclass(frozen=True)
class WavInfo:
    sample_rate: int
    channels: int
    bits: int
    fmt: int
    frames: int
    data_offset: int

    @property
    def duration(self) -> float:
        return self.frames / float(self.sample_rate)


def _parse_header(path, blob: bytes) -> WavInfo:
    if len(blob) < 12 or blob[:4] != b"RIFF" or blob[8:12] != b"WAVE":
        raise fail(path, "not a WAV file (no RIFF/WAVE header)")
    pos, fmt = 12, None
    while pos + 8 <= len(blob):
        cid, size = blob[pos:pos + 4], struct.unpack("<I", blob[pos + 4:pos + 8])[0]
        body = pos + 8
        if cid == b"fmt ":
            if size < 16 or body + 16 > len(blob):
                raise fail(path, "truncated WAV header (fmt chunk too short)")
            tag, ch, sr, _, _, bits = struct.unpack("<HHIIHH", blob[body:body + 16])
            if tag == _EXTENSIBLE and size >= 26:
                tag = struct.unpack("<H", blob[body + 24:body + 26])[0]
            fmt = (tag, ch, sr, bits)
        elif cid == b"data":
            if fmt is None:
                raise fail(path, "WAV data chunk before fmt chunk")
            tag, ch, sr, bits = fmt
            if tag not in (_PCM, _FLOAT) or bits not in (8, 16, 24, 32, 64) or ch < 1 or sr < 1:
                raise fail(path, f"unsupported WAV encoding (format {tag}, {bits} bits, {ch} channels)")
            avail = len(blob) - body
            if size in _STREAMING_SIZES and size > avail or size == 0:
                size = avail
            if size > avail:
                raise fail(path, f"truncated WAV data (data chunk claims {size} bytes, {avail} present)")
            frame_bytes = ch * bits // 8
            return WavInfo(sr, ch, bits, tag, size // frame_bytes, body)
        pos = body + size + (size & 1)
    raise fail(path, "WAV file has no data chunk")


def read_info(path) -> WavInfo:
    """Header facts without decoding the samples (reads the whole file: WAVs here are small)."""
    try:
        with open(path, "rb") as f:
            blob = f.read()
    except OSError as e:
        raise fail(path, f"cannot read ({e.strerror})") from None
    return _parse_header(path, blob)


def read_wav(path, dtype=np.float32):
    """Return (samples, sample_rate): mono mix-down, float32 in [-1, 1] or int16 when dtype is np.int16."""
    try:
        with open(path, "rb") as f:
            blob = f.read()
    except OSError as e:
        raise fail(path, f"cannot read ({e.strerror})") from None
    return read_wav_bytes(path, blob, dtype)


def read_wav_bytes(path, blob: bytes, dtype=np.float32):
    """Decode WAV file contents already in memory (e.g. a decoder's stdout); path names it in errors."""
    info = _parse_header(path, blob)
    n = info.frames * info.channels
    raw = memoryview(blob)[info.data_offset:info.data_offset + n * info.bits // 8]
    if info.fmt == _FLOAT:
        x = np.frombuffer(raw, dtype="<f4" if info.bits == 32 else "<f8").astype(np.float32)
    elif info.bits == 8:
        x = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif info.bits == 16:
        x = np.frombuffer(raw, dtype="<i2")
        if dtype == np.int16 and info.channels == 1:
            return x.copy(), info.sample_rate
        x = x.astype(np.float32) / 32768.0
    elif info.bits == 24:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        x = (np.where(v >= 1 << 23, v - (1 << 24), v)).astype(np.float32) / float(1 << 23)
    else:
        x = np.frombuffer(raw, dtype="<i4").astype(np.float32) / float(1 << 31)
    if info.channels > 1:
        x = x.reshape(-1, info.channels).mean(axis=1)
    if not np.all(np.isfinite(x)):
        raise fail(path, "WAV contains NaN or infinite samples")
    if dtype == np.int16:
        return to_int16(x), info.sample_rate
    return x.astype(np.float32, copy=False), info.sample_rate


def to_int16(x: np.ndarray) -> np.ndarray:
    """Float [-1, 1] to int16 with rounding and clipping (clipping only guards rounding overshoot)."""
    return np.clip(np.round(np.asarray(x, dtype=np.float64) * 32767.0), -32768, 32767).astype(np.int16)


def wav_bytes(x: np.ndarray, sample_rate: int) -> bytes:
    """16-bit mono PCM WAV file contents for float [-1, 1] or int16 samples."""
    pcm = x if x.dtype == np.int16 else to_int16(x)
    data = pcm.astype("<i2").tobytes()
    header = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(data), b"WAVE", b"fmt ", 16, _PCM, 1,
                         sample_rate, sample_rate * 2, 2, 16, b"data", len(data))
    return header + data


def write_atomic(path, data: bytes) -> None:
    """Write bytes to a temporary file in the same folder, fsync-free, then rename over the final name."""
    path = os.fspath(path)
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_wav(path, x: np.ndarray, sample_rate: int) -> None:
    """Atomically write mono 16-bit PCM."""
    write_atomic(path, wav_bytes(np.asarray(x).reshape(-1), sample_rate))
