"""The training tools' error type: a TseError (one user-facing line naming the file or key concerned)."""

from tsestudio.errors import TseError


class TrainingError(TseError):
    """A problem the user can fix (bad config, unreadable checkpoint, missing data).

    The command-line entry points print it as one line (or as an ``{"event": "error"}`` JSON line) and exit
    with a non-zero code instead of a stack trace.
    """
