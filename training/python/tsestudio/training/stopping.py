"""When to stop early: SIGTERM/SIGINT and a wall-clock budget (the GPU machine kills commands after 10 minutes).

A signal only sets a flag; the training loop looks at it between steps, writes ``last.pt`` and exits with code 0.
A second SIGINT (Ctrl-C pressed twice) restores the default handler's behaviour and interrupts at once.
"""

import signal
import time
from typing import Optional


class StopControl:
    def __init__(self, max_minutes: float, margin_seconds: float):
        self.started = time.monotonic()
        self.deadline: Optional[float] = self.started + max_minutes * 60.0 if max_minutes > 0 else None
        self.margin = margin_seconds
        self.signal_name: Optional[str] = None
        self._previous = {}

    def install(self) -> "StopControl":
        for number in (signal.SIGTERM, signal.SIGINT):
            self._previous[number] = signal.signal(number, self._on_signal)
        return self

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous.clear()

    def _on_signal(self, number: int, frame) -> None:
        if self.signal_name is not None and number == signal.SIGINT:
            raise KeyboardInterrupt
        self.signal_name = signal.Signals(number).name

    def out_of_time(self, next_work_seconds: float) -> bool:
        """True when ``next_work_seconds`` more work would run into the margin kept for the final checkpoint."""
        if self.deadline is None:
            return False
        return time.monotonic() + next_work_seconds + self.margin >= self.deadline

    def reason(self, next_work_seconds: float) -> Optional[str]:
        if self.signal_name is not None:
            return f"signal {self.signal_name}"
        if self.out_of_time(next_work_seconds):
            return "time limit"
        return None


def ignore_interrupts_in_worker(_worker_id: int) -> None:
    """DataLoader worker init: Ctrl-C reaches the whole process group; only the main process should act on it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
