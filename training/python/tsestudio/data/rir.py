"""Room impulse responses from a shoebox image-source model with a stochastic late tail.

Exact image sources are used for the first `early_ms` after the direct path (where individual
reflections matter for how speech sounds); after that the image density is so high that the response
is well modelled as Gaussian noise whose envelope decays by 60 dB per RT60. The tail's level is matched
to the energy of the image-source part at the hand-over, so the energy decay curve stays continuous.
"""
import numpy as np

SPEED_OF_SOUND = 343.0


def sabine_absorption(dims, rt60: float) -> float:
    """Uniform wall absorption coefficient giving rt60 by Sabine's formula (clamped to a physical range)."""
    lx, ly, lz = dims
    volume = lx * ly * lz
    surface = 2 * (lx * ly + lx * lz + ly * lz)
    return float(np.clip(0.161 * volume / (surface * rt60), 0.01, 0.99))


def _frac_delay_add(h, delays, gains, taps: int = 16):
    """Add gains at fractional sample delays with a Hann-windowed sinc (band-limited impulses)."""
    half = taps // 2
    base = np.floor(delays).astype(np.int64)
    frac = delays - base
    k = np.arange(-half + 1, half + 1)
    t = k[None, :] - frac[:, None]
    kern = np.sinc(t) * (0.5 + 0.5 * np.cos(np.pi * t / half))
    idx = base[:, None] + k[None, :]
    ok = (idx >= 0) & (idx < len(h))
    np.add.at(h, idx[ok], (kern * gains[:, None])[ok])


def image_source_rir(dims, src, mic, rt60: float, rate: int, rng: np.random.Generator,
                     early_ms: float = 80.0, length_s: float = None) -> np.ndarray:
    dims, src, mic = (np.asarray(v, dtype=np.float64) for v in (dims, src, mic))
    alpha = sabine_absorption(dims, rt60)
    beta = np.sqrt(1.0 - alpha)  # pressure reflection coefficient of every wall
    length_s = length_s or min(1.2 * rt60 + 0.05, 1.5)
    n = int(round(length_s * rate))
    h = np.zeros(n)
    direct = np.linalg.norm(src - mic)
    max_dist = direct + SPEED_OF_SOUND * early_ms / 1000.0
    orders = [np.arange(-int(np.ceil(max_dist / d)) - 1, int(np.ceil(max_dist / d)) + 2) for d in dims]
    # Image positions per axis: for index m and parity p, x = 2*m*L + (1-2p)*src; reflections |m - p| + |m|.
    per_axis = []
    for ax in range(3):
        m = orders[ax]
        pos = np.concatenate([2 * m * dims[ax] + src[ax], 2 * m * dims[ax] - src[ax]])
        refl = np.concatenate([np.abs(2 * m), np.abs(2 * m - 1)])
        per_axis.append((pos - mic[ax], refl))
    dx, rx = per_axis[0]
    dy, ry = per_axis[1]
    dz, rz = per_axis[2]
    dist = np.sqrt(dx[:, None, None] ** 2 + dy[None, :, None] ** 2 + dz[None, None, :] ** 2).ravel()
    refl = (rx[:, None, None] + ry[None, :, None] + rz[None, None, :]).ravel()
    keep = dist <= max_dist
    dist, refl = dist[keep], refl[keep]
    gains = beta ** refl / np.maximum(dist, 0.1)
    delays = dist / SPEED_OF_SOUND * rate
    _frac_delay_add(h, delays, gains)
    # Late tail: decaying noise from the end of the early part, level-matched over the last 10 ms.
    start = int(max_dist / SPEED_OF_SOUND * rate)
    if start < n - 1:
        win = max(1, rate // 100)
        early_energy = np.mean(h[max(0, start - win):start] ** 2) + 1e-20
        t = np.arange(n - start) / rate
        decay = np.exp(-6.9078 * t / rt60)
        tail = rng.standard_normal(n - start) * decay
        # A first-order low-pass on the tail: high frequencies decay faster in real rooms.
        coef = float(rng.uniform(0.2, 0.6))
        tail[1:] = tail[1:] + coef * tail[:-1]
        tail *= np.sqrt(early_energy / (np.mean(tail[:win] ** 2) + 1e-20))
        ramp = np.minimum(1.0, np.arange(n - start) / win)
        h[start:] = h[start:] * (1 - ramp) + tail * ramp
    return (h / (np.max(np.abs(h)) + 1e-12)).astype(np.float32)


def random_room_rir(rng: np.random.Generator, rate: int, rt60_range=(0.15, 0.9)):
    """A random shoebox room, source and microphone; returns (rir, params)."""
    dims = np.array([rng.uniform(3, 10), rng.uniform(3, 8), rng.uniform(2.5, 4)])
    rt60 = float(rng.uniform(*rt60_range))
    margin = 0.5
    for _ in range(100):
        mic = np.array([rng.uniform(margin, d - margin) for d in dims])
        mic[2] = rng.uniform(0.8, min(2.0, dims[2] - margin))
        src = np.array([rng.uniform(margin, d - margin) for d in dims])
        src[2] = rng.uniform(1.2, min(2.0, dims[2] - margin))
        dist = np.linalg.norm(src - mic)
        if 0.5 <= dist <= 4.0:
            break
    rir = image_source_rir(dims, src, mic, rt60, rate, rng)
    params = {"room": [round(float(v), 3) for v in dims], "rt60": round(rt60, 3),
              "source_pos": [round(float(v), 3) for v in src], "mic_pos": [round(float(v), 3) for v in mic],
              "distance": round(float(dist), 3)}
    return rir, params


def measured_rt60(h: np.ndarray, rate: int) -> float:
    """RT60 from the Schroeder energy decay curve (T20 fit between -5 and -25 dB, times 3)."""
    edc = np.cumsum(h[::-1] ** 2)[::-1]
    edc_db = 10 * np.log10(edc / edc[0] + 1e-20)
    i5 = int(np.argmax(edc_db <= -5))
    i25 = int(np.argmax(edc_db <= -25))
    if i25 <= i5:
        return float("nan")
    t = np.arange(i5, i25) / rate
    slope = np.polyfit(t, edc_db[i5:i25], 1)[0]
    return float(-60.0 / slope)
