"""Progress reporting for long commands: JSON lines on stdout (--progress json) or plain text on stderr."""
import json
import sys
import time

from .errors import DataError


class Progress:
    def __init__(self, mode: str = "text", every_s: float = 2.0):
        self.json = mode == "json"
        self.every_s = every_s
        self._last = 0.0

    def _emit(self, obj: dict) -> None:
        if self.json:
            sys.stdout.write(json.dumps(obj) + "\n")
            sys.stdout.flush()
        else:
            fields = " ".join(f"{k}={v}" for k, v in obj.items() if k != "event")
            sys.stderr.write(f"[{obj['event']}] {fields}\n")
            sys.stderr.flush()

    def progress(self, done: int, total: int, message: str = "", force: bool = False) -> None:
        now = time.monotonic()
        if force or done >= total or now - self._last >= self.every_s:
            self._last = now
            self._emit({"event": "progress", "done": done, "total": total, "message": message})

    def metric(self, **fields) -> None:
        self._emit({"event": "metric", **fields})

    def done(self, **fields) -> None:
        self._emit({"event": "done", **fields})

    def error(self, message: str) -> None:
        self._emit({"event": "error", "message": message})
        if self.json:
            sys.stderr.write(message + "\n")


def run_command(mode: str, work) -> int:
    """Runs ``work(progress)`` for a command-line module and returns its exit code.

    The report ``work`` returns becomes the ``done`` event; a DataError becomes one ``error`` event
    (its one-line message) and exit code 2, never a traceback.
    """
    progress = Progress(mode)
    try:
        report = work(progress)
    except DataError as e:
        progress.error(str(e))
        return 2
    progress.done(**report)
    return 0
