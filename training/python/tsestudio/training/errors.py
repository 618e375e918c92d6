"""The one error type of the training tools: its message is a single user-facing line."""


class TrainingError(Exception):
    """A problem the user can fix (bad config, unreadable checkpoint, missing data).

    The message names the file or the key concerned; the command-line entry points print it as one line
    (or as an ``{"event": "error"}`` JSON line) and exit with a non-zero code instead of a stack trace.
    """
