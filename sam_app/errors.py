"""Exceptions whose message is meant for the user, shown as-is by the UI, CLI and API.

Every error raised for bad input derives from ``SamAppError`` (a ``ValueError``), so a
front end catches one class and prints ``str(error)``: a single line that says what was
wrong and what is expected.
"""


class SamAppError(ValueError):
    """Base class: the message is a complete, user-facing sentence."""


class PromptError(SamAppError):
    """Prompt text or arrays are malformed or do not fit the image."""


class ImageError(SamAppError):
    """The image cannot be read, is of an unsupported kind, or is too large."""


class CheckpointError(SamAppError):
    """A checkpoint is missing, corrupt, unsafe, or of another model than asked."""


class DeviceError(SamAppError):
    """The requested compute device or precision is not available."""


class ResourceError(SamAppError):
    """The device or the machine ran out of memory for this request."""


class LimitError(SamAppError):
    """A request asks for more than this server's limits allow (see ``limits``)."""


class StorageError(SamAppError):
    """A file could not be written (disk full, read-only folder, name too long)."""


def plural(count: int, word: str) -> str:
    """"1 mask", "2 masks" (an s added to ``word`` unless there is one)."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def shorten(text: object, most: int = 60, quote: bool = True) -> str:
    """``repr(text)`` (or ``str`` without ``quote``) cut to about ``most`` characters, for
    echoing what a user sent: a 1 MB field must not come back whole in a message."""
    whole = str(text)
    shown = (repr if quote else str)(whole[:most + 1] if isinstance(text, str) else text)
    return shown if len(shown) <= most + 2 else f"{shown[:most]}... ({len(whole):,} characters)"
