#!/usr/bin/python3
"""Generate the small two-speaker example shipped in resources/examples.

Run with Debian's interpreter (needs numpy and the `flite` program):

    /usr/bin/python3 resources/examples/generate_examples.py [--out DIR]

Writes mixture.wav, reference.wav, target.wav, interferer.wav (16 kHz, mono, 16-bit PCM) and
example.json. The output is byte-identical from run to run: flite is deterministic, every gain is
computed from the synthesized samples, and the WAV headers and JSON are written by hand-chosen,
fixed formats.

Why integer arithmetic at the end: the mixture is the sample-wise sum of the *quantized* target and
interferer, so mixture.wav == target.wav + interferer.wav holds exactly in the files, and the SIR
written to example.json is measured on exactly those integers (0 dB up to 16-bit rounding).
"""

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import wave

import numpy as np

SAMPLE_RATE = 16000
# Level of target and reference, dB relative to full scale RMS; leaves headroom for the 0 dB sum.
SPEECH_RMS_DBFS = -25.0
SIR_DB = 0.0
# The interferer starts a little later than the target so that both onsets are audible.
INTERFERER_OFFSET_S = 0.25

TARGET_VOICE = "slt"
INTERFERER_VOICE = "rms"
TARGET_TEXT = "The birch canoe slid on the smooth planks. Glue the sheet to the dark blue background."
REFERENCE_TEXT = "Rice is often served in round bowls. The juice of lemons makes fine punch."
INTERFERER_TEXT = "It's easy to tell the depth of a well. These days a chicken leg is a rare dish."

VOICES = {
    "slt": "CMU ARCTIC slt, US English, female (flite voice cmu_us_slt)",
    "rms": "CMU ARCTIC rms, US English, male (flite voice cmu_us_rms)",
}
FLITE_LICENCE = (
    "CMU Flite licence (BSD-style, free to use, modify and redistribute with the copyright notice "
    "kept; see /usr/share/doc/flite/copyright). The slt and rms voices are built from the CMU "
    "ARCTIC databases, distributed under the same free licence."
)


class ExampleError(Exception):
    """A one-line, user-facing reason why the examples could not be made."""


def synthesize(voice: str, text: str, workdir: pathlib.Path, name: str) -> np.ndarray:
    """Speak `text` with flite and return float64 samples in [-1, 1)."""
    path = workdir / f"{name}.wav"
    try:
        subprocess.run(
            ["flite", "-voice", voice, "-t", text, "-o", str(path)],
            check=True,
            capture_output=True,
        )
    except FileNotFoundError:
        raise ExampleError("flite not found: install it with `apt-get install flite`") from None
    except subprocess.CalledProcessError as e:
        raise ExampleError(f"flite failed for voice {voice}: {e.stderr.decode().strip()}") from None
    with wave.open(str(path), "rb") as w:
        if w.getframerate() != SAMPLE_RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise ExampleError(
                f"{path.name}: flite produced {w.getframerate()} Hz, {w.getnchannels()} channels, "
                f"{8 * w.getsampwidth()}-bit; expected 16000 Hz mono 16-bit"
            )
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    return pcm.astype(np.float64) / 32768.0


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


def to_pcm16(x: np.ndarray, name: str) -> np.ndarray:
    pcm = np.round(x * 32768.0)
    if pcm.max() > 32767 or pcm.min() < -32768:
        raise ExampleError(f"{name}: would clip at 16 bits; lower SPEECH_RMS_DBFS")
    return pcm.astype(np.int32)


def write_wav(path: pathlib.Path, pcm: np.ndarray) -> None:
    """Write 16-bit mono PCM atomically (temp file in the same folder, then rename)."""
    tmp = path.with_name(path.name + ".tmp")
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm.astype("<i2").tobytes())
    tmp.replace(path)


def energy_db(pcm: np.ndarray) -> float:
    return 10.0 * np.log10(np.sum(np.square(pcm.astype(np.float64))))


def make_examples(out_dir: pathlib.Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        target = synthesize(TARGET_VOICE, TARGET_TEXT, work, "target")
        reference = synthesize(TARGET_VOICE, REFERENCE_TEXT, work, "reference")
        interferer_raw = synthesize(INTERFERER_VOICE, INTERFERER_TEXT, work, "interferer")

    length = len(target)
    offset = int(round(INTERFERER_OFFSET_S * SAMPLE_RATE))
    interferer = np.zeros(length)
    n = min(length - offset, len(interferer_raw))
    interferer[offset : offset + n] = interferer_raw[:n]

    level = 10.0 ** (SPEECH_RMS_DBFS / 20.0)
    target_pcm = to_pcm16(target * (level / rms(target)), "target")
    reference_pcm = to_pcm16(reference * (level / rms(reference)), "reference")
    # Scale the interferer so that its energy over the mixture equals the target's (0 dB SIR).
    gain = np.sqrt(np.sum(np.square(target_pcm / 32768.0)) / np.sum(np.square(interferer)))
    interferer_pcm = to_pcm16(interferer * gain * 10.0 ** (-SIR_DB / 20.0), "interferer")
    mixture_pcm = target_pcm + interferer_pcm
    if mixture_pcm.max() > 32767 or mixture_pcm.min() < -32768:
        raise ExampleError("mixture would clip at 16 bits; lower SPEECH_RMS_DBFS")

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, pcm in (
        ("mixture", mixture_pcm),
        ("reference", reference_pcm),
        ("target", target_pcm),
        ("interferer", interferer_pcm),
    ):
        write_wav(out_dir / f"{name}.wav", pcm)

    def seconds(samples: int) -> float:
        return round(samples / SAMPLE_RATE, 4)

    description = {
        "description": "Two-speaker target speaker extraction example: extract the target voice "
        "from mixture.wav given reference.wav (a different sentence of the same speaker).",
        "generator": "resources/examples/generate_examples.py (flite 2.2)",
        "sample_rate": SAMPLE_RATE,
        "channels": 1,
        "encoding": "PCM_16",
        "sir_db": SIR_DB,
        "sir_db_measured": round(energy_db(target_pcm) - energy_db(interferer_pcm), 6),
        "mixture_is_exact_sum": "mixture.wav == target.wav + interferer.wav, sample by sample",
        "speech_rms_dbfs": SPEECH_RMS_DBFS,
        "files": {
            "mixture": {"path": "mixture.wav", "samples": length, "seconds": seconds(length)},
            "target": {
                "path": "target.wav",
                "samples": length,
                "seconds": seconds(length),
                "speaker": TARGET_VOICE,
                "text": TARGET_TEXT,
            },
            "interferer": {
                "path": "interferer.wav",
                "samples": length,
                "seconds": seconds(length),
                "speaker": INTERFERER_VOICE,
                "text": INTERFERER_TEXT,
                "offset_seconds": INTERFERER_OFFSET_S,
            },
            "reference": {
                "path": "reference.wav",
                "samples": len(reference_pcm),
                "seconds": seconds(len(reference_pcm)),
                "speaker": TARGET_VOICE,
                "text": REFERENCE_TEXT,
            },
        },
        "speakers": {
            "target": {"id": TARGET_VOICE, "voice": VOICES[TARGET_VOICE]},
            "interferer": {"id": INTERFERER_VOICE, "voice": VOICES[INTERFERER_VOICE]},
        },
        "licence": FLITE_LICENCE,
    }
    tmp_json = out_dir / "example.json.tmp"
    tmp_json.write_text(json.dumps(description, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp_json.replace(out_dir / "example.json")
    return description


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=pathlib.Path,
        default=pathlib.Path(__file__).resolve().parent,
        help="output folder (default: the folder of this script)",
    )
    args = parser.parse_args()
    try:
        d = make_examples(args.out)
    except ExampleError as e:
        print(f"generate_examples: {e}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: mixture {d['files']['mixture']['seconds']} s, "
          f"reference {d['files']['reference']['seconds']} s, SIR {d['sir_db_measured']} dB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
