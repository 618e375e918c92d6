"""Noise material: city ambience, hold music, coloured noise and babble, cut into fixed-length clips."""
import numpy as np

from .audio import active_level, power


def normalize_active(x: np.ndarray, rate: int, level_db: float = -26.0, peak: float = 0.95) -> np.ndarray:
    """Scale to an active-speech-like level, then lower if the peak would exceed `peak`."""
    lev = active_level(x, rate)
    if lev <= 0:
        return x
    y = x * np.sqrt(10 ** (level_db / 10) / lev)
    m = np.max(np.abs(y))
    return (y * (peak / m) if m > peak else y).astype(np.float32)


def concat_clips(pieces, rate: int, clip_s: float, rng: np.random.Generator, fade_s: float = 0.05):
    """Join short recordings (in random order, cross-faded) into clips of clip_s seconds."""
    n_clip, fade = int(clip_s * rate), int(fade_s * rate)
    ramp = np.linspace(0, 1, fade, dtype=np.float32)
    clips, cur = [], np.zeros(0, np.float32)
    order = rng.permutation(len(pieces))
    for i in order:
        p = pieces[i].astype(np.float32)
        if len(p) < 2 * fade:
            continue
        p = normalize_active(p, rate)
        if len(cur) >= fade:
            cur[-fade:] = cur[-fade:] * ramp[::-1] + p[:fade] * ramp
            cur = np.concatenate([cur, p[fade:]])
        else:
            cur = p
        while len(cur) >= n_clip:
            clips.append(cur[:n_clip])
            cur = cur[n_clip:]
    return clips


def cut_clips(x: np.ndarray, rate: int, clip_s: float):
    n = int(clip_s * rate)
    return [x[i:i + n] for i in range(0, len(x) - n + 1, n) if power(x[i:i + n]) > 1e-8]


def colored_noise(color: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """White, pink (1/f power) or brown (1/f^2 power) Gaussian noise, unit RMS."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.arange(len(spec), dtype=np.float64)
    f[0] = 1.0
    exponent = {"white": 0.0, "pink": 0.5, "brown": 1.0}[color]
    y = np.fft.irfft(spec / f ** exponent, n)
    y -= y.mean()
    return (y / (np.sqrt(np.mean(y ** 2)) + 1e-12)).astype(np.float32)


def babble(utterances, rate: int, clip_s: float, rng: np.random.Generator, talkers=(5, 10)) -> np.ndarray:
    """Several talkers at once: each a chain of its utterances filling the clip, summed at equal level."""
    n = int(clip_s * rate)
    out = np.zeros(n, np.float64)
    k = int(rng.integers(talkers[0], talkers[1] + 1))
    for spk_utts in [utterances[i] for i in rng.choice(len(utterances), size=min(k, len(utterances)), replace=False)]:
        track = np.zeros(0, np.float32)
        while len(track) < n + rate:
            u = spk_utts[int(rng.integers(len(spk_utts)))]
            track = np.concatenate([track, normalize_active(u, rate), np.zeros(int(rng.uniform(0, 0.3) * rate), np.float32)])
        start = int(rng.integers(0, len(track) - n + 1))
        out += track[start:start + n]
    return normalize_active(out.astype(np.float32), rate)
