"""Perturbations that make voices and recordings vary like people and rooms do.

Used at corpus-build time (a fixed "identity" transform per TTS pseudo-speaker) and at mixing time
(per-item jitter, codec and level variation). All functions are deterministic given their arguments.
"""
from math import gcd

import numpy as np
from scipy.signal import lfilter, resample_poly, stft, istft


def speed_perturb(x: np.ndarray, factor: float) -> np.ndarray:
    """Play `factor` times faster (pitch and tempo together, like tape/Kaldi speed perturbation)."""
    if abs(factor - 1.0) < 1e-4:
        return x
    up = int(round(1000 / factor))
    g = gcd(up, 1000)
    return resample_poly(x.astype(np.float64), up // g, 1000 // g).astype(np.float32)


def formant_warp(x: np.ndarray, rate: int, alpha: float, n_fft: int = 512, lifter: int = 30) -> np.ndarray:
    """Scale the spectral envelope's frequency axis by alpha, keeping pitch harmonics in place.

    The envelope is the cepstrally smoothed log magnitude of each frame; multiplying the magnitude by
    (warped envelope / envelope) moves formants (vocal tract length) without moving the fine structure
    (pitch). alpha > 1 sounds like a shorter vocal tract.
    """
    if abs(alpha - 1.0) < 1e-3 or len(x) < n_fft:
        return x
    _, _, z = stft(x, fs=rate, nperseg=n_fft, noverlap=n_fft * 3 // 4)
    mag = np.abs(z) + 1e-9
    logmag = np.log(mag)
    cep = np.fft.irfft(logmag, axis=0)
    cep[lifter:-lifter] = 0.0
    env = np.fft.rfft(cep, axis=0).real[:mag.shape[0]]
    bins = np.arange(mag.shape[0], dtype=np.float64)
    src = np.clip(bins / alpha, 0, mag.shape[0] - 1)
    lo = np.floor(src).astype(int)
    hi = np.minimum(lo + 1, mag.shape[0] - 1)
    w = (src - lo)[:, None]
    warped = env[lo] * (1 - w) + env[hi] * w
    gain = np.exp(np.clip(warped - env, -4.0, 4.0))
    _, y = istft(z * gain, fs=rate, nperseg=n_fft, noverlap=n_fft * 3 // 4)
    y = y[:len(x)]
    if len(y) < len(x):
        y = np.pad(y, (0, len(x) - len(y)))
    return y.astype(np.float32)


def peaking_biquad(f0: float, gain_db: float, q: float, rate: int):
    """RBJ cookbook peaking EQ coefficients (b, a)."""
    a_lin = 10 ** (gain_db / 40)
    w0 = 2 * np.pi * f0 / rate
    alpha = np.sin(w0) / (2 * q)
    b = np.array([1 + alpha * a_lin, -2 * np.cos(w0), 1 - alpha * a_lin])
    a = np.array([1 + alpha / a_lin, -2 * np.cos(w0), 1 - alpha / a_lin])
    return b / a[0], a / a[0]


def random_eq_params(rng: np.random.Generator, bands: int = 3, max_db: float = 6.0, rate: int = 16000):
    """Random peaking bands (log-uniform centre 100 Hz..0.4*rate) and a spectral tilt."""
    top = 0.4 * rate
    peaks = [(float(np.exp(rng.uniform(np.log(100), np.log(top)))), float(rng.uniform(-max_db, max_db)),
              float(rng.uniform(0.5, 2.0))) for _ in range(bands)]
    tilt = float(rng.uniform(-0.3, 0.3))  # first-order pre/de-emphasis coefficient
    return {"peaks": peaks, "tilt": tilt}


def apply_eq(x: np.ndarray, rate: int, params: dict) -> np.ndarray:
    y = x.astype(np.float64)
    for f0, g, q in params["peaks"]:
        if f0 < rate / 2 * 0.95:
            b, a = peaking_biquad(f0, g, q, rate)
            y = lfilter(b, a, y)
    if params["tilt"]:
        y = lfilter([1.0, -params["tilt"]], [1.0], y) / (1.0 + abs(params["tilt"]))
    return y.astype(np.float32)


def mu_law(x: np.ndarray, mu: float = 255.0) -> np.ndarray:
    """8-bit mu-law round trip (G.711-like quantisation noise)."""
    y = np.sign(x) * np.log1p(mu * np.minimum(np.abs(x), 1.0)) / np.log1p(mu)
    y = np.round(y * 127) / 127
    return (np.sign(y) * ((1 + mu) ** np.abs(y) - 1) / mu).astype(np.float32)


def telephone_band(x: np.ndarray, rate: int) -> np.ndarray:
    """Down to 8 kHz and back (band-limits to ~3.6 kHz), then a 300 Hz high-pass."""
    if rate > 8000:
        g = gcd(rate, 8000)
        y = resample_poly(resample_poly(x.astype(np.float64), 8000 // g, rate // g), rate // g, 8000 // g)[:len(x)]
    else:
        y = x.astype(np.float64)
    b, a = peaking_biquad(200.0, -12.0, 0.7, rate)
    return lfilter(b, a, y).astype(np.float32)


CODECS = ("none", "mulaw", "telephone", "telephone_mulaw", "bits8")


def apply_codec(x: np.ndarray, rate: int, codec: str) -> np.ndarray:
    """Simulate a recording/transmission chain; input is expected to be within [-1, 1]."""
    if codec == "none":
        return x
    if codec == "mulaw":
        return mu_law(x)
    if codec == "telephone":
        return telephone_band(x, rate)
    if codec == "telephone_mulaw":
        return mu_law(telephone_band(x, rate))
    if codec == "bits8":
        return (np.round(x * 127) / 127).astype(np.float32)
    raise ValueError(f"unknown codec '{codec}' (one of {', '.join(CODECS)})")
