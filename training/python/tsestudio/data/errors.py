"""The one exception type of the data package: a single user-facing line naming the file and the problem."""


class DataError(Exception):
    """Bad input (missing corpus, corrupt audio, malformed manifest, ...).

    The message is one line meant for a user: it names the file when there is one, e.g.
    ``mix.wav: truncated WAV header (data chunk claims 88200 bytes, 120 present)``.
    """


def fail(path, problem: str) -> "DataError":
    """Build a DataError whose message starts with the file name (str(path)) and states the problem."""
    return DataError(f"{path}: {problem}")
