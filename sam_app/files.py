"""Files named by users, read and written safely.

- ``inside(root, name)``: a name from a prompts file, a COCO file or a list resolves
  inside the folder it is relative to, or is refused (no absolute names, no ``..``; with
  ``strict``, no symbolic link leading out either).
- ``read_bytes`` / ``read_text``: regular files only (never a device, a pipe or a
  folder), no larger than ``LIMITS.max_file_size``, read with a bound even if the file
  grows meanwhile.
- ``parse_json``: JSON whose nesting or numbers would crash the parser gets a message.
- ``check_label``: a category name that would break a dataset file is refused.
- ``writing``: an OSError while writing becomes a ``StorageError`` that says what
  happened (disk full, read-only folder, name too long).
- ``list_images``: the images of a folder (recursive) or of a list file, each inside it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import errno
import json
import os
import stat
from pathlib import Path, PurePosixPath
from typing import Any, Optional, Type

from .errors import SamAppError, StorageError, shorten
from .limits import LIMITS, format_size

MAX_LABEL_CHARS = 200


def inside(root: os.PathLike, name: str, what: str = "image", strict: bool = False) -> Path:
    """``root / name`` for a '/'-separated relative ``name`` that stays inside ``root``;
    SamAppError for an absolute name, a ``..`` step, an empty name or a NUL, and with
    ``strict`` for a name whose real path (symbolic links followed) leaves ``root``."""
    if not isinstance(name, str) or not name.strip() or "\x00" in name:
        raise SamAppError(f"{what} name {shorten(name)} is empty or not text; expected a path relative to the "
                          f"{what}s folder, such as 'sub/a.jpg'")
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or (len(name) > 1 and name[1] == ":"):
        raise SamAppError(f"{what} {shorten(name)} is outside the {what}s folder: names are paths relative to it "
                          "('sub/a.jpg'), with no leading '/' and no '..'")
    path = Path(root).joinpath(*pure.parts)
    if strict:
        real, base = os.path.realpath(path), os.path.realpath(root)
        if os.path.commonpath([real, base]) != base:
            raise SamAppError(f"{what} {shorten(name)} is outside the {what}s folder (a link leads out of it)")
    return path


def read_bytes(path: os.PathLike, name: Optional[str] = None, limit: Optional[int] = None,
               error: Type[SamAppError] = SamAppError, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` (default
    ``LIMITS.max_file_size``); ``error`` (with a message naming ``name``, default the
    file's name, never its folder) when it is missing, not a regular file, unreadable or
    too large. Opening never blocks (a pipe is refused, not waited on)."""
    name = name or Path(path).name
    limit = LIMITS.max_file_size if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise error(f"{what} not found: {name}") from None
    except IsADirectoryError:
        raise error(f"{name} is a folder, not a {what}") from None
    except OSError as exc:
        raise error(f"cannot read {name}: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or (limit and info.st_size > limit):
        os.close(fd)
        if stat.S_ISREG(info.st_mode):
            raise error(_too_large(name, info.st_size, limit))
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket"
        raise error(f"{name} is {kind}, not a regular {what}")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(limit + 1) if limit else f.read()
        except OSError as exc:
            raise error(f"cannot read {name}: {exc.strerror or exc}") from None
    if limit and len(data) > limit:  # it grew while being read
        raise error(_too_large(name, len(data), limit))
    return data


def _too_large(name: str, size: int, limit: int) -> str:
    return (f"{name} is {format_size(size)}, over the {format_size(limit)} limit on a file "
            f"({LIMITS.raise_hint('max_file_size')})")


def read_text(path: os.PathLike, name: Optional[str] = None, limit: Optional[int] = None) -> str:
    """``read_bytes`` decoded as UTF-8 (a byte-order mark is dropped)."""
    data = read_bytes(path, name, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SamAppError(f"{name or Path(path).name} is not UTF-8 text (byte {exc.start})") from None


def data_url_bytes(url: str, what: str) -> bytes:
    """The bytes of ``data:<type>;base64,<bytes>`` (what MCP clients and Label Studio tasks
    may send for a file), bounded by ``LIMITS.max_file_size`` before decoding; SamAppError
    naming ``what`` ("image", "task's image") otherwise."""
    head, sep, payload = url.partition(",")
    if not sep or not head.endswith(";base64"):
        raise SamAppError(f"the {what} is a data URL without base64 data; expected data:<type>;base64,<bytes>")
    if len(payload) * 3 // 4 > LIMITS.max_file_size:
        raise SamAppError(f"the {what} is over {LIMITS.max_file_size / 1e6:.0f} MB (--max-file-size)")
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise SamAppError(f"the {what}'s base64 cannot be decoded; expected data:<type>;base64,<bytes>") from None


def parse_json(text: str, where: str) -> Any:
    """``json.loads`` with a message for malformed text, nesting too deep for the parser
    and integers too long to convert."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SamAppError(f"{where}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise SamAppError(f"{where}: JSON nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise SamAppError(f"{where}: a number is too long ({str(exc).split(':')[0]})") from None


def check_label(name: Any, where: str) -> str:
    """A category name as datasets can hold it: text on one line, printable, at most
    MAX_LABEL_CHARS characters; SamAppError otherwise (a newline would shift every class
    after it in a YOLO classes.txt)."""
    if not isinstance(name, str) or not name.strip():
        raise SamAppError(f"{where}: category {shorten(name)} is not a name; expected text such as 'dog'")
    if len(name) > MAX_LABEL_CHARS:
        raise SamAppError(f"{where}: category name of {len(name)} characters; at most {MAX_LABEL_CHARS}")
    if not name.isprintable():
        raise SamAppError(f"{where}: category {shorten(name)} holds a line break or another control character; "
                          "category names are one line of text")
    return name.strip()


def number(value: Any, where: str, integer: bool = False) -> float:
    """A JSON number as is: SamAppError for text ("4"), booleans, non-finite values and,
    with ``integer``, fractions (4.9)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SamAppError(f"{where} must be a number, got {shorten(value)}")
    if value != value or value in (float("inf"), float("-inf")):
        raise SamAppError(f"{where} must be a finite number, got {value}")
    if integer and value != int(value):
        raise SamAppError(f"{where} must be a whole number, got {value}")
    return int(value) if integer else value


STORAGE_ERRORS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
                  errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
                  errno.EPERM: "permission denied", errno.ENAMETOOLONG: "a file name is too long",
                  errno.EFBIG: "the file is too large for this file system"}


@contextlib.contextmanager
def writing(target: os.PathLike):
    """Turn an OSError raised while writing ``target`` into a StorageError naming it."""
    try:
        yield
    except StorageError:
        raise
    except OSError as exc:
        why = STORAGE_ERRORS.get(exc.errno, exc.strerror or str(exc))
        raise StorageError(f"cannot write {Path(target).name} in {Path(target).parent}: {why}") from None


def _read_umask() -> int:
    mask = os.umask(0o077)  # reading it means setting it: done once, at import, before any thread writes
    os.umask(mask)
    return mask


UMASK = _read_umask()


def umask_mode(folder: bool = False) -> int:
    """The mode a new file (0o666) or folder (0o777) gets from the process's umask (read
    at import): what files written through a temporary name (0o600 from ``mkstemp``) are
    given before they are renamed into place, so outputs are as readable as ``open()``
    would make them."""
    return (0o777 if folder else 0o666) & ~UMASK


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif")


def list_images(source: os.PathLike) -> tuple:
    """(root, names): the images of a folder (recursive, by suffix, sorted), or of a text
    file listing one path per line (relative to the file's folder, inside it; # comments)."""
    source = Path(source)
    if source.is_dir():
        names = sorted(p.relative_to(source).as_posix() for p in source.rglob("*")
                       if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith("."))
        if not names:
            raise SamAppError(f"no images in {source} (looked for {', '.join(IMAGE_SUFFIXES)})")
        return source, names
    if source.is_file():
        lines = read_text(source).splitlines()
        names = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
        if not names:
            raise SamAppError(f"{source} lists no images; expected one image path per line")
        for position, name in enumerate(names, start=1):
            image_path(source.parent, name, f"{source}, image {position}", False)
        return source.parent, names
    raise SamAppError(f"images not found: {source} (expected a folder or a text file listing images)")


def image_path(root: Path, name: str, where: str, strict: bool) -> str:
    """The path of image ``name`` under ``root``, refused when it leads outside it
    (``inside``; ``strict``: symbolic links followed, as for the web UI's uploads)."""
    try:
        return str(inside(root, name, "image", strict))
    except SamAppError as exc:
        raise SamAppError(f"{where}: {exc}") from None
