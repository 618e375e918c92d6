"""TSE mixtures: one target speaker, 1..N interferers at a sampled SIR, optional noise at a sampled SNR,
optional reverberation, and a reference that is a different utterance of the target.

Shared by the static generator and the dynamic dataset. An item is a pure function of (seed, split,
index): `sample_spec` makes every random choice into a JSON-able dict, and `render` turns a spec into
signals without further randomness, so regenerating an item gives identical samples.

Definitions: SIR is the power of the target as it sounds in the mixture (reverberant if reverb is on)
over the power of the sum of all interferers, over the whole segment; SNR is that target power over
the noise power. The `target` output is the dry target, or with reverb its direct path plus early
reflections (first `early_ms`), aligned with the mixture.
"""
from collections import defaultdict

import numpy as np
from scipy.signal import fftconvolve

from . import augment
from .audio import power
from .errors import DataError
from .recipes import segment_seconds
from .splits import stable_hash

SPLIT_CODES = {"train": 0, "valid": 1, "test": 2, "real_valid": 3}
SPEED_GRID = 50  # speed factors are 50/k: small polyphase ratios keep resampling cheap


class Pools:
    """The utterances, noise clips and room responses of one split, over an in-memory corpus."""

    def __init__(self, audio, split: str, min_speakers: int = 2):
        self.audio, self.split = audio, split
        by_spk = defaultdict(list)
        self.base_of = {}
        for i, e in enumerate(audio.entries):
            if e.kind == "speech" and e.split == split:
                by_spk[e.speaker].append(i)
                self.base_of[e.speaker] = e.base_voice
        # A target needs a second utterance for its reference.
        self.speakers = sorted(s for s, u in by_spk.items() if len(u) >= 2)
        self.utts = {s: by_spk[s] for s in self.speakers}
        self.interferer_speakers = sorted(by_spk)
        # For recipes that weight recorded people against synthetic voices as targets (real_target_share).
        self.real_speakers = [s for s in self.speakers if audio.entries[by_spk[s][0]].real]
        self.synthetic_speakers = [s for s in self.speakers if not audio.entries[by_spk[s][0]].real]
        self.all_utts = dict(by_spk)
        side = split if split in ("train", "valid", "test") else "valid"  # real_valid borrows valid's rooms/noise
        self.noise = [i for i, e in enumerate(audio.entries) if e.kind == "noise" and e.split == side]
        self.rirs = [i for i, e in enumerate(audio.entries) if e.kind == "rir" and e.split == side]
        if not self.rirs:
            self.rirs = [i for i, e in enumerate(audio.entries) if e.kind == "rir"]
        if not self.noise:
            self.noise = [i for i, e in enumerate(audio.entries) if e.kind == "noise"]
        bases = {self.base_of[s] for s in self.speakers}
        if len(self.speakers) < 1 or len({self.base_of[s] for s in self.interferer_speakers}) < min_speakers:
            raise DataError(f"{audio.dir}: split '{split}' has {len(self.speakers)} usable speakers "
                            f"({len(bases)} people); a mixture needs at least {min_speakers} people")

    def length(self, i: int) -> int:
        return int(self.audio._offsets[i + 1] - self.audio._offsets[i])


def item_rng(seed: int, split: str, index: int, stream: str = "static") -> np.random.Generator:
    return np.random.default_rng([int(seed), SPLIT_CODES.get(split, 9), stable_hash(stream) % (2 ** 32), int(index)])


def _uniform(rng, lohi):
    return float(rng.uniform(lohi[0], lohi[1])) if lohi[1] > lohi[0] else float(lohi[0])


def _speed(rng, aug):
    if rng.random() < aug["speed"]["probability"]:
        lo, hi = aug["speed"]["range"]
        return SPEED_GRID / int(rng.integers(int(np.ceil(SPEED_GRID / hi)), int(np.floor(SPEED_GRID / lo)) + 1))
    return 1.0


def _eq(rng, aug, rate):
    if rng.random() < aug["eq"]["probability"]:
        return augment.random_eq_params(rng, 2, aug["eq"]["max_db"], rate)
    return None


def _chain(rng, pools, candidates, need: int, speed: float):
    """Utterance ids and gaps (samples) whose concatenation covers `need` samples; random start offset."""
    ids, gaps, total = [], [], 0
    rate = pools.audio.rate
    while total < need:
        u = candidates[int(rng.integers(len(candidates)))]
        gap = int(rng.uniform(0.05, 0.6) * rate) if ids else 0
        ids.append(u)
        gaps.append(gap)
        total += gap + int(pools.length(u) / speed)
        if len(ids) > 200:
            break
    start = int(rng.integers(0, max(1, total - need + 1)))
    return {"utts": ids, "gaps": gaps, "start": start}


def pick_target(rng: np.random.Generator, pools: Pools, real_share) -> str:
    """A target speaker: recorded with chance `real_share` where the split has both kinds, else uniform.

    Without a share, or in a split of one kind (valid, real_valid), no extra random number is drawn, so those
    mixtures are the same as before the option existed.
    """
    if real_share is not None and pools.real_speakers and pools.synthetic_speakers:
        pool = pools.real_speakers if rng.random() < real_share else pools.synthetic_speakers
        return pool[int(rng.integers(len(pool)))]
    return pools.speakers[int(rng.integers(len(pools.speakers)))]


def sample_spec(rng: np.random.Generator, pools: Pools, recipe: dict, split: str) -> dict:
    rate = pools.audio.rate
    n = int(round(segment_seconds(recipe, split) * rate))
    aug = recipe["augment"]
    tgt = pick_target(rng, pools, recipe["real_target_share"])
    utts = pools.utts[tgt]
    ref_first = utts[int(rng.integers(len(utts)))]
    rest = [u for u in utts if u != ref_first]
    ref_len = int(_uniform(rng, (recipe["reference"]["min_seconds"], recipe["reference"]["max_seconds"])) * rate)
    speed = _speed(rng, aug)
    ref_ids, have = [ref_first], int(pools.length(ref_first) / speed)
    extra = [u for u in rest if u not in ref_ids]
    # Keep at least one utterance for the target; add more reference utterances while they are needed.
    while have < ref_len and len(extra) > 1:
        u = extra.pop(int(rng.integers(len(extra))))
        ref_ids.append(u)
        have += int(pools.length(u) / speed)
    target_pool = [u for u in utts if u not in ref_ids]
    spec = {"segment": n, "target_speaker": tgt, "speed": speed,
            "target": _chain(rng, pools, target_pool, n, speed),
            "reference": {"utts": ref_ids, "length": min(ref_len, have), "eq": _eq(rng, aug, rate)},
            "target_eq": _eq(rng, aug, rate)}
    k = int(rng.integers(recipe["interferers"]["min"], recipe["interferers"]["max"] + 1))
    others = [s for s in pools.interferer_speakers if pools.base_of[s] != pools.base_of[tgt]]
    chosen, bases = [], {pools.base_of[tgt]}
    for i in rng.permutation(len(others)):  # interferers are different people from the target and each other
        if pools.base_of[others[i]] not in bases:
            chosen.append(others[i])
            bases.add(pools.base_of[others[i]])
            if len(chosen) == k:
                break
    spec["sir_db"] = _uniform(rng, recipe["sir_db"])
    spec["interferers"] = []
    for s in chosen:
        active = int(_uniform(rng, recipe["interferer_overlap"]) * n)
        sp = _speed(rng, aug)
        spec["interferers"].append({"speaker": s, "speed": sp, "offset": int(rng.integers(0, n - active + 1)),
                                    "active": active, "share_db": float(rng.uniform(-3, 3)),
                                    "eq": _eq(rng, aug, rate), **_chain(rng, pools, pools.all_utts[s], active, sp)})
    spec["snr_db"], spec["noise"] = None, None
    if pools.noise and rng.random() < recipe["noise"]["probability"]:
        spec["snr_db"] = _uniform(rng, recipe["noise"]["snr_db"])
        ni = pools.noise[int(rng.integers(len(pools.noise)))]
        spec["noise"] = {"id": ni, "start": int(rng.integers(0, max(1, pools.length(ni))))}
    spec["reverb"] = bool(pools.rirs) and rng.random() < recipe["reverb"]["probability"]
    pick = lambda: pools.rirs[int(rng.integers(len(pools.rirs)))]  # noqa: E731
    spec["rirs"] = [pick() for _ in range(1 + len(chosen))] if spec["reverb"] else None
    spec["reference"]["rir"] = pick() if pools.rirs and rng.random() < aug["reference_reverb_probability"] else None
    codecs = aug["codec"]["kinds"]
    spec["codec"] = codecs[int(rng.integers(len(codecs)))] if codecs and rng.random() < aug["codec"]["probability"] else "none"
    spec["level_db"] = _uniform(rng, recipe["level_dbfs"])
    spec["reference_level_db"] = _uniform(rng, recipe["level_dbfs"])
    return spec


def _build(pools, chain, need, speed):
    parts = []
    for u, gap in zip(chain["utts"], chain["gaps"]):
        if gap:
            parts.append(np.zeros(gap, np.float32))
        x = pools.audio.float32(u)
        if speed != 1.0:
            x = augment.speed_perturb(x, speed)
        parts.append(x)
    x = np.concatenate(parts)[chain["start"]:chain["start"] + need]
    return np.pad(x, (0, need - len(x))) if len(x) < need else x


def _reverb(x, h, early_ms, rate):
    """(reverberant, early) versions aligned so the direct path stays at the dry signal's position."""
    d = int(np.argmax(np.abs(h)))
    wet = fftconvolve(x, h)[d:d + len(x)].astype(np.float32)
    early = fftconvolve(x, h[:d + int(early_ms * rate / 1000) + 1])[d:d + len(x)].astype(np.float32)
    return wet, early


def _fit_peak(scale, *signals, peak=0.99):
    m = max(float(np.max(np.abs(s))) if len(s) else 0.0 for s in signals) * scale
    return scale * (peak / m) if m > peak else scale


def render(spec: dict, pools: Pools, recipe: dict) -> dict:
    """Signals of one item: mixture, reference, target, interferers (as in the mixture), noise."""
    rate, n = pools.audio.rate, spec["segment"]
    early_ms = recipe["reverb"]["early_ms"]
    tgt = _build(pools, spec["target"], n, spec["speed"])
    if spec["target_eq"]:
        tgt = augment.apply_eq(tgt, rate, spec["target_eq"])
    tgt_mix, tgt_out = tgt, tgt
    if spec["reverb"]:
        tgt_mix, tgt_out = _reverb(tgt, pools.audio.float32(spec["rirs"][0]), early_ms, rate)
    p_t = power(tgt_mix)
    if p_t <= 0:
        raise DataError(f"{spec['target_speaker']}: silent target segment")
    interf = []
    for k, it in enumerate(spec["interferers"]):
        x = np.zeros(n, np.float32)
        seg = _build(pools, it, it["active"], it["speed"])
        if it["eq"]:
            seg = augment.apply_eq(seg, rate, it["eq"])
        x[it["offset"]:it["offset"] + it["active"]] = seg
        if spec["reverb"]:
            x = _reverb(x, pools.audio.float32(spec["rirs"][k + 1]), early_ms, rate)[0]
        p = power(x)
        interf.append(x * np.sqrt(10 ** (it["share_db"] / 10) / p) if p > 0 else x)
    # One common factor puts the interferers' sum exactly at the requested SIR.
    i_sum = np.sum(interf, axis=0) if interf else np.zeros(n, np.float32)
    p_i = power(i_sum)
    g_i = np.sqrt(p_t / (10 ** (spec["sir_db"] / 10)) / p_i) if p_i > 0 else 0.0
    interf = [x * g_i for x in interf]
    noise = np.zeros(n, np.float32)
    if spec["noise"]:
        clip = pools.audio.float32(spec["noise"]["id"])
        idx = (spec["noise"]["start"] + np.arange(n)) % len(clip)
        noise = clip[idx]
        p_n = power(noise)
        noise = noise * np.sqrt(p_t / (10 ** (spec["snr_db"] / 10)) / p_n) if p_n > 0 else noise
    mix = tgt_mix + (np.sum(interf, axis=0) if interf else 0.0) + noise
    g = np.sqrt(10 ** (spec["level_db"] / 10) / max(power(mix), 1e-12))
    g = _fit_peak(g, mix, tgt_out)
    mix, tgt_out, noise = mix * g, tgt_out * g, noise * g
    interf = [x * g for x in interf]
    tgt_mix = tgt_mix * g
    if spec["codec"] != "none":
        mix = augment.apply_codec(mix, rate, spec["codec"])
        mix = mix * _fit_peak(1.0, mix)
    ref = np.concatenate([pools.audio.float32(u) for u in spec["reference"]["utts"]])
    if spec["speed"] != 1.0:
        ref = augment.speed_perturb(ref, spec["speed"])
    ref = ref[:spec["reference"]["length"]]
    if spec["reference"]["eq"]:
        ref = augment.apply_eq(ref, rate, spec["reference"]["eq"])
    if spec["reference"]["rir"] is not None:
        ref = _reverb(ref, pools.audio.float32(spec["reference"]["rir"]), early_ms, rate)[0]
    gr = np.sqrt(10 ** (spec["reference_level_db"] / 10) / max(power(ref), 1e-12))
    ref = ref * _fit_peak(gr, ref)
    f32 = lambda a: np.asarray(a, dtype=np.float32)  # noqa: E731
    return {"mixture": f32(mix), "reference": f32(ref), "target": f32(tgt_out), "target_in_mixture": f32(tgt_mix),
            "interferers": [f32(x) for x in interf], "noise": f32(noise)}


def tile_to(x: np.ndarray, n: int) -> np.ndarray:
    """Repeat a reference to a fixed length (no zero padding: zeros would bias pooled speaker embeddings)."""
    if len(x) >= n:
        return x[:n]
    reps = int(np.ceil(n / max(1, len(x))))
    return np.tile(x, reps)[:n]
