"""Sentences for synthesis: fortune cookies in the voice's language, or pronounceable pseudo-words.

Debian's fortunes-* packages cover en, de, es, it, pl, cs, sk, ru, bg, eo, ga, pt-BR and zh. For the other
languages a voice speaks, random words built from that script's syllables give speech with the right
phonology (the content of the words does not matter for extraction).
"""
import glob
import os
import re

import numpy as np

FORTUNE_ROOT = "/usr/share/games/fortunes"

# language -> fortune files/folders (relative to FORTUNE_ROOT); English is every top-level file.
FORTUNE_SOURCES = {
    "de": ["de"], "es": ["es"], "it": ["it", "italia"], "pl": ["pl"], "cs": ["cs"], "sk": ["sk"],
    "ru": ["ru"], "bg": ["bg"], "eo": ["eo"], "ga": ["ga"], "pt": ["brasil"], "zh": ["chinese.u8", "chinese"],
}
# Languages without fortunes but readable from a neighbour's text in the same script.
BORROW = {"uk": "ru", "mk": "bg", "ky": "ru", "tt": "ru", "ca": "es", "hr": "cs", "sl": "cs"}

SYLLABLES = {
    "latin": ([*"bdfgklmnprstvz", "ch", "sh", "tr", "br", "pl"], [*"aeiou", "ai", "ou"]),
    "greek": (list("πτκμνλρσδγβφχ"), list("αεηιουω")),
    "arabic": (list("بتجحدرزسشصطعفقكلمنهوي"), ["ا", "و", "ي", ""]),
    "hebrew": (list("בגדהזחטכלמנסעפצקרשת"), ["ו", "י", "א", ""]),
    "devanagari": (list("कखगचजटडतदनपबमयरलवसह"), ["", "ा", "ि", "ी", "ु", "े", "ो"]),
    "telugu": (list("కగచజటడతదనపబమయరలవసహ"), ["", "ా", "ి", "ీ", "ు", "ె", "ో"]),
    "kana": (list("かきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもらりるれろやゆよわ"), [""]),
}
SCRIPT_OF = {"el": "greek", "ar": "arabic", "fa": "arabic", "he": "hebrew", "hi": "devanagari",
             "mr": "devanagari", "te": "telugu", "ja": "kana"}

_BAD = re.compile(r"[|_<>@#{}\[\]\\/=*~^$%&]|https?:|www\.|\d{3,}")


def _read_fortune_file(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        try:
            with open(path, encoding="latin-1") as f:
                text = f.read()
        except OSError:
            return []
    return text.split("\n%\n")


def _sentences_from(fortunes, min_chars=30, max_chars=180):
    out = []
    for fortune in fortunes:
        lines = [ln.strip() for ln in fortune.splitlines() if ln.strip() and not ln.strip().startswith("--")]
        text = re.sub(r"\s+", " ", " ".join(lines))
        if _BAD.search(text):
            continue
        for sent in re.split(r"(?<=[.!?。！？])\s*", text):
            letters = sum(ch.isalpha() for ch in sent)
            if min_chars <= len(sent) <= max_chars and letters >= 0.7 * len(sent):
                out.append(sent.strip())
    return out


def fortune_sentences(lang: str, root: str = FORTUNE_ROOT):
    """All usable sentences for a language (sorted, deduplicated), or [] when there is no text for it."""
    lang = BORROW.get(lang, lang)
    if lang == "en":
        files = [p for p in glob.glob(os.path.join(root, "*")) if os.path.isfile(p)
                 and not p.endswith((".dat", ".u8")) and not os.path.islink(p)]
    elif lang in FORTUNE_SOURCES:
        files = []
        for rel in FORTUNE_SOURCES[lang]:
            p = os.path.join(root, rel)
            if os.path.isdir(p):
                files += [q for q in glob.glob(os.path.join(p, "*")) if os.path.isfile(q) and not q.endswith(".dat")]
            elif os.path.isfile(p):
                files.append(p)
                break  # the first existing alternative (e.g. chinese.u8 before chinese) is enough
    else:
        return []
    fortunes = []
    for p in sorted(files):
        fortunes += _read_fortune_file(p)
    min_chars = 12 if lang == "zh" else 30
    return sorted(set(_sentences_from(fortunes, min_chars=min_chars, max_chars=70 if lang == "zh" else 180)))


def pseudo_sentence(rng: np.random.Generator, script: str) -> str:
    cons, vows = SYLLABLES[script]
    words = []
    for _ in range(int(rng.integers(5, 14))):
        syl = int(rng.integers(1, 4))
        words.append("".join(cons[rng.integers(len(cons))] + vows[rng.integers(len(vows))] for _ in range(syl)))
    sep = "" if script == "kana" else " "
    text = sep.join(words)
    return text[0].upper() + text[1:] + "."


class SentenceSource:
    """Deterministic sentence draws for one language."""

    def __init__(self, lang: str):
        self.lang = lang
        self.sentences = fortune_sentences(lang)
        self.script = SCRIPT_OF.get(lang, "latin")

    def draw(self, rng: np.random.Generator) -> str:
        if self.sentences:
            return self.sentences[int(rng.integers(len(self.sentences)))]
        return pseudo_sentence(rng, self.script)
