"""The project's one user-facing error type for the Python side."""


class TseError(Exception):
    """An error whose message is a single line naming the file (when there is one) and the problem.

    Command-line entry points catch it, print the message (or a JSON error event) and exit with a
    non-zero status, so users never see a stack trace for bad input.
    """
