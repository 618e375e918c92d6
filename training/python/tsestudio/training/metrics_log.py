"""JSON-lines output: ``metrics.jsonl`` in the run folder and, with ``--progress json``, the same lines on stdout.

Every line is one JSON object with an ``"event"`` field (docs/INTERFACES.md): ``metric`` lines go to the file and
to stdout; ``progress``, ``done`` and ``error`` lines only to stdout, where the Java app reads them. Lines are
flushed one at a time so a live plot (or a killed run) never sees a half-written record. Non-finite numbers
become ``null`` because JSON has no NaN.
"""

import json
import math
import sys
from pathlib import Path
from typing import Any, Dict, Optional, TextIO


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(item) for item in value]
    return value


class MetricsLog:
    def __init__(self, path: Optional[Path], json_progress: bool, enabled: bool = True, stdout: TextIO = None):
        """``enabled`` is False on ranks other than 0: they compute metrics but write nothing."""
        self.enabled = enabled
        self.json_progress = json_progress
        self.stdout = stdout or sys.stdout
        self.file = open(path, "a", encoding="utf-8") if (enabled and path is not None) else None

    def _emit(self, record: Dict[str, Any], to_file: bool) -> None:
        if not self.enabled:
            return
        line = json.dumps(_clean(record), separators=(",", ":"))
        if to_file and self.file is not None:
            self.file.write(line + "\n")
            self.file.flush()
        if self.json_progress:
            self.stdout.write(line + "\n")
            self.stdout.flush()

    def metric(self, **fields: Any) -> None:
        self._emit({"event": "metric", **fields}, to_file=True)
        if not self.json_progress and self.enabled:
            self.say(" ".join(f"{key}={_short(value)}" for key, value in fields.items()))

    def progress(self, done: int, total: int, message: str) -> None:
        self._emit({"event": "progress", "done": done, "total": total, "message": message}, to_file=False)

    def done(self, **fields: Any) -> None:
        self._emit({"event": "done", **fields}, to_file=False)
        if not self.json_progress and self.enabled:
            self.say("done: " + " ".join(f"{key}={_short(value)}" for key, value in fields.items()))

    def say(self, message: str) -> None:
        """A human-readable line (stdout in text mode, stderr in JSON mode so stdout stays pure JSON)."""
        if self.enabled:
            stream = sys.stderr if self.json_progress else self.stdout
            stream.write(message + "\n")
            stream.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def error_line(message: str, json_progress: bool) -> None:
    """Report a fatal problem as one line: a JSON error event on stdout, or ``error: ...`` on stderr."""
    if json_progress:
        sys.stdout.write(json.dumps({"event": "error", "message": message}) + "\n")
        sys.stdout.flush()
    else:
        sys.stderr.write(f"error: {message}\n")
        sys.stderr.flush()
