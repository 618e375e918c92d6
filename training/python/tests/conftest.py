"""Puts training/python on sys.path and provides small real corpora made with the installed TTS engines."""
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, ROOT)


def run_module(module, *args, timeout=600, check=True):
    """Run `python -m module args` as a real process from the package root."""
    res = subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=ROOT, capture_output=True,
                         text=True, timeout=timeout)
    if check and res.returncode != 0:
        raise AssertionError(f"{module} failed ({res.returncode}):\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return res


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory):
    """A real corpus from flite and espeak-ng+MBROLA voices (no downloads), generated noise and rooms."""
    out = tmp_path_factory.mktemp("corpus") / "c"
    run_module("tsestudio.data.build_corpus", "--out", out, "--no-install", "--engines", "flite,mbrola",
               "--max-voices", 3, "--variants", 2, "--utts", 4, "--human", "none", "--noise", "generated",
               "--rirs", 6, "--babble", 2, "--jobs", 2)
    return out
