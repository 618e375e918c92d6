"""Recorded human speech in Debian packages, and which file belongs to which person.

Each source maps its files to a speaker label and a base voice (the person, or a group of labels that
might be one person: several voice packs of one game may share an actor, and the KDE edu games of one
language were often recorded by the same translator; grouping them keeps any one person in one split).
"""
import glob
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, List

NOT_SPEECH = re.compile(r"^(beep|beeperr|ascending-2tone|descending-2tone|dtmf.*|silence.*)\.wav$")
FALLBACK_LICENCE = {"fillets-ng-data-cs": "fillets-ng-data-cs: GPL-2+"}


@dataclass
class HumanSpeaker:
    package: str
    speaker: str
    base_voice: str
    files: List[str]
    lang: str


def _group(pairs, package):
    """pairs of (file, speaker, base_voice, lang) -> HumanSpeaker list, speakers sorted."""
    groups: Dict[str, HumanSpeaker] = {}
    for path, spk, base, lang in pairs:
        hs = groups.setdefault(spk, HumanSpeaker(package, spk, base, [], lang))
        hs.files.append(path)
    for hs in groups.values():
        hs.files.sort()
    return [groups[k] for k in sorted(groups)]


def fillets(root):
    """Fish Fillets (Czech): <level>-<code>-<line>.ogg; m = small fish, v = big fish, others minor roles."""
    names = {"m": "small-fish", "v": "big-fish"}
    pairs = []
    for p in glob.glob(os.path.join(root, "usr/share/games/fillets-ng/sound/**/*.ogg"), recursive=True):
        parts = os.path.basename(p).split("-")
        code = parts[0] if parts[0] in names and len(parts) >= 2 else (parts[1] if len(parts) >= 3 else None)
        if code and not code.isdigit():  # keys/init-0-1.ogg: numbered system lines, speaker unknown
            pairs.append((p, code))
    counts = defaultdict(int)
    for _, c in pairs:
        counts[c] += 1
    # Minor roles with few lines are dropped: too little audio for a reference plus a target.
    keep = [(p, c) for p, c in pairs if c in names or counts[c] >= 20]
    return _group([(p, f"fillets-cs-{names.get(c, c)}", f"fillets-cs-{names.get(c, c)}", "cs") for p, c in keep],
                  "fillets-ng-data-cs")


def asterisk(root, package):
    lang = re.search(r"sounds-(\w\w)-wav|prompt-(\w\w)-", package)
    lang = next(g for g in lang.groups() if g)
    spk = f"asterisk-{lang}" + ("-menardi" if "menardi" in package else "")
    files = [p for p in glob.glob(os.path.join(root, "usr/share/asterisk/sounds/**/*.wav"), recursive=True)
             if not NOT_SPEECH.search(os.path.basename(p)) and os.sep + "silence" + os.sep not in p]
    return _group([(p, spk, spk, lang) for p in files], package)


def tuxpaint(root):
    """Stamp descriptions: <stamp>_desc_<lang>.ogg (no suffix = English), one reader per language."""
    pairs = []
    for p in glob.glob(os.path.join(root, "usr/share/tuxpaint/stamps/**/*_desc*.ogg"), recursive=True):
        m = re.search(r"_desc(?:_([A-Za-z_]+))?\.ogg$", p)
        if m:
            lang = m.group(1) or "en"
            pairs.append((p, f"tuxpaint-{lang}", f"tuxpaint-{lang}", lang))
    return [s for s in _group(pairs, "tuxpaint-stamps-default") if len(s.files) >= 20]


def klettres(root):
    pairs = []
    for p in glob.glob(os.path.join(root, "usr/share/klettres/*/*/*.ogg")):
        lang = p.split(os.sep)[-3]
        pairs.append((p, f"klettres-{lang}", f"kde-{lang}", lang))
    return _group(pairs, "klettres-data")


def ktuberling(root):
    pairs = []
    for p in glob.glob(os.path.join(root, "usr/share/ktuberling/sounds/*/*")):
        if not p.endswith((".ogg", ".wav", ".opus")):
            continue
        lang = p.split(os.sep)[-2].split("@")[0]  # sr, sr@latin, sr@ijekavian: one reader
        pairs.append((p, f"ktuberling-{lang}", f"kde-{lang}", lang))
    return _group(pairs, "ktuberling-data")


def qabcs(root):
    pairs = []
    base = os.path.join(root, "usr/share/qabcs/abcs")
    for p in glob.glob(os.path.join(base, "*/sounds/**/*.ogg"), recursive=True):
        lang = os.path.relpath(p, base).split(os.sep)[0]
        if lang != "all":  # abcs/all holds animal noises, not speech
            pairs.append((p, f"qabcs-{lang}", f"qabcs-{lang}", lang))
    return _group(pairs, "qabcs-data")


def kajongg(root):
    """voices/<voice>/ (English calls) and voices/de/<voice>/ (German): grouped per voice name."""
    pairs = []
    for p in glob.glob(os.path.join(root, "usr/share/kajongg/voices/**/*.ogg"), recursive=True):
        rel = os.path.relpath(p, os.path.join(root, "usr/share/kajongg/voices")).split(os.sep)
        lang, voice = ("de", rel[1]) if rel[0] == "de" else ("en", rel[0])
        pairs.append((p, f"kajongg-{lang}-{voice}", f"kajongg-{voice}", lang))
    return _group(pairs, "kajongg")


HEDGEWARS_GROUPS = {"Default": "en", "Classic": "en", "Pirate": "en", "Mobster": "en", "British": "en",
                    "Surfer": "en", "Singer": "en", "HillBilly": "en", "Russian": "ru", "Default_ru": "ru",
                    "Russian_pl": "ru", "Default_uk": "uk", "Default_pl": "pl", "Default_es": "es"}


def hedgewars(root):
    """Voice packs of exclamations; packs that may share an actor share a base voice. Robot is processed."""
    pairs = []
    for p in glob.glob(os.path.join(root, "usr/share/games/hedgewars/Data/Sounds/voices/*/*.ogg")):
        pack = p.split(os.sep)[-2]
        if pack in HEDGEWARS_GROUPS:
            lang = HEDGEWARS_GROUPS[pack]
            pairs.append((p, f"hedgewars-{pack}", f"hedgewars-{lang}", lang))
    return _group(pairs, "hedgewars-data")


def gcin(root):
    files = glob.glob(os.path.join(root, "usr/share/gcin-voice/ogg/*/*.ogg"))
    return _group([(p, "gcin-zh", "gcin-zh", "zh") for p in files], "gcin-voice")


SOURCES = {
    "fillets-ng-data-cs": fillets,
    "asterisk-core-sounds-en-wav": lambda r: asterisk(r, "asterisk-core-sounds-en-wav"),
    "asterisk-core-sounds-es-wav": lambda r: asterisk(r, "asterisk-core-sounds-es-wav"),
    "asterisk-core-sounds-fr-wav": lambda r: asterisk(r, "asterisk-core-sounds-fr-wav"),
    "asterisk-core-sounds-it-wav": lambda r: asterisk(r, "asterisk-core-sounds-it-wav"),
    "asterisk-core-sounds-ru-wav": lambda r: asterisk(r, "asterisk-core-sounds-ru-wav"),
    "asterisk-prompt-it-menardi-wav": lambda r: asterisk(r, "asterisk-prompt-it-menardi-wav"),
    "tuxpaint-stamps-default": tuxpaint,
    "klettres-data": klettres,
    "ktuberling-data": ktuberling,
    "qabcs-data": qabcs,
    "kajongg": kajongg,
    "hedgewars-data": hedgewars,
    "gcin-voice": gcin,
}
