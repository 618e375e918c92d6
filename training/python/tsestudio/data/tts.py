"""Every text-to-speech voice Debian ships, as distinct people, and one synthesis call per engine.

`base_voice` names the person behind a voice: the same recorded person under several engines (slt in
flite/festival/RHVoice, kal in flite/festival, RHVoice alan ~ flite awb, festival rab ~ MBROLA en1,
festival us1/us2/us3/en1 = the MBROLA voices) shares one base voice, so splits never separate them.
"""
import os
import re
import subprocess
from dataclasses import dataclass, field
from typing import Dict, List

from .errors import DataError

MBROLA_LICENCE = "MBROLA voice licence (non-commercial, with the mbrola program only)"
FLITE_LICENCE = "flite/CMU Arctic licence (permissive, BSD-like)"
FESTIVAL_LICENCE = "Festival/festvox voice licence (see the festvox package copyright)"
PICO_LICENCE = "SVOX Pico voice data (Debian non-free)"

# Packages each engine needs (installed on demand by build_corpus).
ENGINE_PACKAGES = {
    "mbrola": ["espeak-ng", "mbrola"],  # the mbrola-* voices are listed from apt at build time
    "flite": ["flite"],
    "festival": ["festival", "festvox-kdlpc16k", "festvox-kallpc16k", "festvox-us-slt-hts", "festvox-rablpc16k",
                 "festvox-don", "festvox-czech-dita", "festvox-czech-krb", "festvox-czech-machac",
                 "festvox-czech-ph", "festvox-italp16k", "festvox-itapc16k", "festvox-suopuhe-lj",
                 "festvox-suopuhe-mv", "festvox-ca-ona-hts", "festvox-ru", "festvox-en1", "festvox-us1",
                 "festvox-us2", "festvox-us3", "festvox-ellpc11k", "festvox-hi-nsk", "festvox-mr-nsk",
                 "festvox-te-nsk"],
    "pico": ["libttspico-utils"],
    "rhvoice": ["rhvoice", "rhvoice-english", "rhvoice-russian", "rhvoice-polish", "rhvoice-ukrainian",
                "rhvoice-brazilian-portuguese", "rhvoice-esperanto", "rhvoice-kyrgyz", "rhvoice-macedonian",
                "rhvoice-albanian", "rhvoice-tatar"],
}


@dataclass
class Voice:
    engine: str
    voice: str        # engine-specific voice name
    base_voice: str   # the person
    lang: str         # text language (ISO 639-1)
    licence: str
    extra: Dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.engine}-{self.voice}"


# espeak-ng language tags -> text language
_ESPEAK_LANG = {"pt-br": "pt", "pt-pt": "pt", "en-us": "en", "en-uk": "en", "fr-fr": "fr", "fr-ca": "fr",
                "fr-be": "fr", "es-es": "es", "es-mx": "es", "es-vz": "es", "et": "et", "hr": "hr", "ms": "ms"}


def mbrola_voices() -> List[Voice]:
    """espeak-ng's mb-* voices whose MBROLA database is installed (mb-xx1-en = the same person in English)."""
    try:
        out = subprocess.run(["espeak-ng", "--voices=mb"], capture_output=True, text=True, timeout=30).stdout
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return []
    voices = []
    for line in out.splitlines()[1:]:
        parts = line.split()
        if len(parts) < 5:
            continue
        tag, file = parts[1], parts[4]
        name = os.path.basename(file)  # mb-us1, mb-de1-en, mb-de6-grc
        m = re.fullmatch(r"mb-([a-z]+\d)(?:-(\w+))?", name)
        if not m or m.group(2) not in (None, "en"):
            continue
        db = m.group(1)
        if not (os.path.isdir(f"/usr/share/mbrola/{db}") or os.path.isfile(f"/usr/share/mbrola/{db}/{db}")):
            continue
        lang = "en" if m.group(2) == "en" else _ESPEAK_LANG.get(tag, tag.split("-")[0])
        voices.append(Voice("mbrola", name, f"mbrola-{db}", lang, MBROLA_LICENCE))
    return voices


def flite_voices() -> List[Voice]:
    try:
        out = subprocess.run(["flite", "-lv"], capture_output=True, text=True, timeout=30).stdout
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return []
    have = set(out.split(":")[-1].split())
    base = {"kal16": "kal", "awb": "awb", "rms": "rms", "slt": "slt"}
    return [Voice("flite", v, f"person-{b}", "en", FLITE_LICENCE) for v, b in base.items() if v in have]


# festival voice -> (base person, language, text encoding)
FESTIVAL_VOICES = {
    "ked_diphone": ("person-ked", "en", "latin-1"), "kal_diphone": ("person-kal", "en", "latin-1"),
    "don_diphone": ("person-don", "en", "latin-1"), "rab_diphone": ("mbrola-en1", "en", "latin-1"),
    "cmu_us_slt_arctic_hts": ("person-slt", "en", "latin-1"), "en1_mbrola": ("mbrola-en1", "en", "latin-1"),
    "us1_mbrola": ("mbrola-us1", "en", "latin-1"), "us2_mbrola": ("mbrola-us2", "en", "latin-1"),
    "us3_mbrola": ("mbrola-us3", "en", "latin-1"),
    "czech_dita": ("festival-cz-dita", "cs", "iso-8859-2"), "czech_krb": ("festival-cz-krb", "cs", "iso-8859-2"),
    "czech_machac": ("festival-cz-machac", "cs", "iso-8859-2"), "czech_ph": ("festival-cz-ph", "cs", "iso-8859-2"),
    "lp_diphone": ("festival-it-lp", "it", "latin-1"), "pc_diphone": ("festival-it-pc", "it", "latin-1"),
    "hy_fi_mv_diphone": ("festival-fi-mv", "fi", "latin-1"), "suo_fi_lj_diphone": ("festival-fi-lj", "fi", "latin-1"),
    "upc_ca_ona_hts": ("festival-ca-ona", "ca", "latin-1"), "msu_ru_nsh_clunits": ("festival-ru-nsh", "ru", "utf-8"),
    "el_diphone": ("festival-es-el", "es", "latin-1"),
    "hindi_NSK_diphone": ("festival-nsk", "hi", "utf-8"), "marathi_NSK_diphone": ("festival-nsk", "mr", "utf-8"),
    "telugu_NSK_diphone": ("festival-nsk", "te", "utf-8"),
}


def festival_voices() -> List[Voice]:
    root = "/usr/share/festival/voices"
    if not os.path.isdir(root):
        return []
    present = {d for lang in os.listdir(root) for d in os.listdir(os.path.join(root, lang))}
    return [Voice("festival", v, b, lang, FESTIVAL_LICENCE, {"encoding": enc})
            for v, (b, lang, enc) in FESTIVAL_VOICES.items() if v in present]


PICO_LANGS = {"en-US": "en", "en-GB": "en", "de-DE": "de", "es-ES": "es", "fr-FR": "fr", "it-IT": "it"}


def pico_voices() -> List[Voice]:
    if not os.path.isfile("/usr/bin/pico2wave"):
        return []
    return [Voice("pico", tag, f"pico-{tag}", lang, PICO_LICENCE) for tag, lang in PICO_LANGS.items()
            if os.path.isdir("/usr/share/pico/lang")]


_RH_LANG = {"English": "en", "Russian": "ru", "Ukrainian": "uk", "Polish": "pl", "Brazilian-Portuguese": "pt",
            "Esperanto": "eo", "Kyrgyz": "ky", "Macedonian": "mk", "Albanian": "sq", "Tatar": "tt"}
_RH_SAME_PERSON = {"slt": "person-slt", "alan": "person-awb", "aleksandr-hq": "rhvoice-aleksandr",
                   "evgeniy-eng": "rhvoice-evgeniy", "evgeniy-rus": "rhvoice-evgeniy"}


def _rhvoice_licence(voice_dir: str) -> str:
    try:
        pkg = subprocess.run(["dpkg", "-S", voice_dir], capture_output=True, text=True).stdout.split(":")[0]
        with open(f"/usr/share/doc/{pkg}/copyright", encoding="utf-8", errors="replace") as f:
            lic = sorted({ln.split(":", 1)[1].strip() for ln in f if ln.startswith("License:")} - {""})
        return f"RHVoice voice ({pkg}): " + ", ".join(lic)
    except (OSError, IndexError):
        return "RHVoice voice licence (see the rhvoice-* package copyright)"


def rhvoice_voices() -> List[Voice]:
    root = "/usr/share/RHVoice/voices"
    if not os.path.isdir(root):
        return []
    voices = []
    for name in sorted(os.listdir(root)):
        info = {}
        try:
            with open(os.path.join(root, name, "voice.info"), encoding="utf-8") as f:
                info = dict(ln.strip().split("=", 1) for ln in f if "=" in ln)
        except OSError:
            continue
        lang = _RH_LANG.get(info.get("language", ""), "en")
        base = _RH_SAME_PERSON.get(name, f"rhvoice-{name}")
        voices.append(Voice("rhvoice", name, base, lang, _rhvoice_licence(os.path.join(root, name))))
    return voices


def all_voices() -> List[Voice]:
    return mbrola_voices() + flite_voices() + festival_voices() + pico_voices() + rhvoice_voices()


def _run(cmd, out_path, stdin=None, timeout=120):
    try:
        res = subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout)
    except FileNotFoundError:
        raise DataError(f"{out_path}: synthesis failed ('{cmd[0]}' is not installed)") from None
    except subprocess.TimeoutExpired:
        raise DataError(f"{out_path}: synthesis timed out ({cmd[0]})") from None
    if res.returncode != 0 or not os.path.isfile(out_path) or os.path.getsize(out_path) < 1000:
        err = res.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DataError(f"{out_path}: synthesis failed ({cmd[0]}: {err[-1][:160] if err else 'no audio'})")


def synthesize(voice: Voice, text: str, prosody: dict, out_path: str) -> None:
    """Write one utterance. prosody: pitch (0..1 relative), rate (factor), range (0..1), pause (bool)."""
    pitch, rate, rng_ = prosody["pitch"], prosody["rate"], prosody["range"]
    if voice.engine == "mbrola":
        brk = "<break time='%dms'/>" % prosody.get("pause_ms", 0)
        words = text.split(" ")
        if prosody.get("pause_ms") and len(words) > 4:
            cut = len(words) // 2
            text = " ".join(words[:cut]) + brk + " ".join(words[cut:])
        ranges = ["x-low", "low", "medium", "high", "x-high"]
        ssml = f"<speak><prosody range='{ranges[min(4, int(rng_ * 5))]}'>{_xml(text, brk)}</prosody></speak>"
        _run(["espeak-ng", "-v", voice.voice, "-m", "-p", str(int(25 + 50 * pitch)), "-s", str(int(160 * rate)),
              "-w", out_path, ssml], out_path)
    elif voice.engine == "flite":
        mean = {"kal16": 105, "awb": 110, "rms": 100, "slt": 170}.get(voice.voice, 120) * (0.8 + 0.4 * pitch)
        _run(["flite", "-voice", voice.voice, "--setf", f"duration_stretch={1.0 / rate:.3f}",
              "--setf", f"int_f0_target_mean={mean:.1f}", "--setf", f"int_f0_target_stddev={5 + 30 * rng_:.1f}",
              "-t", text, "-o", out_path], out_path)
    elif voice.engine == "festival":
        enc = voice.extra.get("encoding", "latin-1")
        _run(["text2wave", "-eval", f"(voice_{voice.voice})", "-eval",
              f"(Parameter.set 'Duration_Stretch {1.0 / rate:.3f})", "-o", out_path],
             out_path, stdin=text.encode(enc, "ignore"))
    elif voice.engine == "pico":
        ssml = f"<pitch level='{int(80 + 40 * pitch)}'><speed level='{int(100 * rate)}'>{_xml(text)}</speed></pitch>"
        _run(["pico2wave", "-l", voice.voice, "-w", out_path, ssml], out_path)
    elif voice.engine == "rhvoice":
        _run(["RHVoice-test", "-p", voice.voice, "-r", str(int(100 * rate)), "-t", str(int(70 + 60 * pitch)),
              "-o", out_path], out_path, stdin=text.encode("utf-8"))
    else:
        raise ValueError(f"unknown engine {voice.engine}")


def _xml(text: str, keep: str = "") -> str:
    parts = text.split(keep) if keep else [text]
    esc = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in parts]
    return keep.join(esc) if keep else esc[0]
