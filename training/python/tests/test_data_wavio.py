import struct

import numpy as np
import pytest

from tsestudio.data import wavio
from tsestudio.data.errors import DataError


def _wav(fmt_tag, bits, channels, rate, payload, extensible=False, data_size=None):
    block = channels * bits // 8
    if extensible:
        fmt = struct.pack("<HHIIHHHHI16s", 0xFFFE, channels, rate, rate * block, block, bits, 22, bits, 0,
                          struct.pack("<H", fmt_tag) + b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71")
    else:
        fmt = struct.pack("<HHIIHH", fmt_tag, channels, rate, rate * block, block, bits)
    size = len(payload) if data_size is None else data_size
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", size) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_int16_round_trip_is_exact(tmp_path):
    x = (np.sin(np.arange(1600) / 5) * 20000).astype(np.int16)
    wavio.write_wav(tmp_path / "a.wav", x, 16000)
    y, sr = wavio.read_wav(tmp_path / "a.wav", dtype=np.int16)
    assert sr == 16000 and np.array_equal(x, y)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_reads_24bit_float_and_extensible_stereo(tmp_path):
    v = np.array([0.5, -0.25, 0.125], dtype=np.float64)
    i24 = np.round(v * (1 << 23)).astype(np.int32)
    raw24 = b"".join(int(s & 0xFFFFFF).to_bytes(3, "little") for s in i24)
    (tmp_path / "a.wav").write_bytes(_wav(1, 24, 1, 8000, raw24))
    (tmp_path / "b.wav").write_bytes(_wav(3, 32, 1, 8000, v.astype("<f4").tobytes()))
    stereo = np.array([[1000, 3000], [-2000, -4000]], dtype="<i2").tobytes()
    (tmp_path / "c.wav").write_bytes(_wav(1, 16, 2, 44100, stereo, extensible=True))
    assert np.allclose(wavio.read_wav(tmp_path / "a.wav")[0], v, atol=1e-6)
    assert np.allclose(wavio.read_wav(tmp_path / "b.wav")[0], v, atol=1e-7)
    c, sr = wavio.read_wav(tmp_path / "c.wav")
    assert sr == 44100 and np.allclose(c, [2000 / 32768, -3000 / 32768])


def test_streamed_header_with_unknown_size_reads_to_end(tmp_path):
    payload = np.arange(100, dtype="<i2").tobytes()
    (tmp_path / "s.wav").write_bytes(_wav(1, 16, 1, 16000, payload, data_size=0xFFFFFFFF))
    assert len(wavio.read_wav(tmp_path / "s.wav")[0]) == 100


def test_truncated_and_garbage_files_give_one_line_errors(tmp_path):
    payload = np.zeros(60, dtype="<i2").tobytes()
    (tmp_path / "t.wav").write_bytes(_wav(1, 16, 1, 16000, payload, data_size=88200))
    with pytest.raises(DataError, match=r"t\.wav: truncated WAV data \(data chunk claims 88200 bytes, 120 present\)"):
        wavio.read_wav(tmp_path / "t.wav")
    (tmp_path / "g.wav").write_bytes(b"not audio at all")
    with pytest.raises(DataError, match=r"g\.wav: not a WAV file"):
        wavio.read_wav(tmp_path / "g.wav")
    with pytest.raises(DataError, match="cannot read"):
        wavio.read_wav(tmp_path / "missing.wav")
