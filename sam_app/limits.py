"""What one request may ask for, how long and how much memory it may take, and what the
web UI keeps for its visitors.

Sizes are checked before any model work (the decoder's memory grows with the square of
an object's points: 10,000 points took a server past 12 GB); time is checked between
pieces of work by a ``Deadline``; memory by ``check_memory`` before the work. Every
limit has an environment variable and a flag (``add_arguments``), and every refusal
names both:

    from sam_app.limits import LIMITS, Deadline
    LIMITS.max_points                       # 64 unless SAM_MAX_POINTS / --max-points
    deadline = Deadline(LIMITS.request_seconds, "request_seconds")
    for done, piece in enumerate(pieces):
        deadline.check(done, len(pieces), "objects")
        ...

The limits hold for the whole process (a server has one policy); the time budgets apply
to web and API requests, whose handlers make the deadlines, not to the CLI.
docs/security.md says what each limit protects.
"""

from __future__ import annotations

import argparse
import os
import re
import threading
import time
from dataclasses import dataclass, fields
from typing import Callable, Optional

from .errors import LimitError

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?\s*", re.IGNORECASE)
_UNITS = {None: 1, "b": 1, "kb": 2**10, "mb": 2**20, "gb": 2**30, "tb": 2**40}


def parse_size(text) -> int:
    """"50mb" / "1.5GB" / "1024" (bytes) -> bytes; ValueError otherwise."""
    found = _SIZE.fullmatch(str(text))
    if not found:
        raise ValueError(f"{text!r} is not a size such as 50mb or 2gb")
    return int(float(found.group(1)) * _UNITS[(found.group(2) or "b").lower()])


def format_size(size: float) -> str:
    """Bytes -> "50 MB" (binary units, as ``parse_size`` reads them)."""
    for unit in ("TB", "GB", "MB", "KB"):
        if size >= _UNITS[unit.lower()]:
            return f"{size / _UNITS[unit.lower()]:.3g} {unit}"
    return f"{int(size)} bytes"


@dataclass(frozen=True)
class Setting:
    """One limit: its flag, environment variable, default, help text and parser (text ->
    value; ValueError on bad text)."""

    flag: str
    env: str
    default: object
    help: str
    parse: Callable = float


SETTINGS = {
    "max_points": Setting("--max-points", "SAM_MAX_POINTS", 64, "points per object", int),
    "max_objects": Setting("--max-objects", "SAM_MAX_OBJECTS", 256, "objects (boxes) per request", int),
    "max_everything_points": Setting("--max-everything-points", "SAM_MAX_EVERYTHING_POINTS", 16384,
                                     "point prompts in one segment-everything run, over all crops", int),
    "max_file_size": Setting("--max-file-size", "SAM_MAX_FILE_SIZE", 50 * 2**20,
                             "bytes of one file read or uploaded (an image, a prompts file; 50mb, 2gb, ...)",
                             parse_size),
    "max_request_mb": Setting("--max-request-mb", "SAM_MAX_REQUEST_MB", 2048.0,
                              "MB of masks and logits one request may hold (objects x candidates x pixels)"),
    "request_seconds": Setting("--request-seconds", "SAM_REQUEST_SECONDS", 60.0,
                               "seconds a web or API prompt request may spend decoding (0 = no limit)"),
    "everything_seconds": Setting("--everything-seconds", "SAM_EVERYTHING_SECONDS", 900.0,
                                  "seconds a web or API segment-everything request may run (0 = no limit)"),
    "batch_seconds": Setting("--batch-seconds", "SAM_BATCH_SECONDS", 1800.0,
                             "seconds a web UI batch job may run (0 = no limit)"),
    "session_ttl": Setting("--session-ttl", "SAM_SESSION_TTL", 3600.0,
                           "seconds a browser tab's work is kept after its last change"),
    "max_sessions": Setting("--max-sessions", "SAM_MAX_SESSIONS", 1000, "browser tabs whose state is kept", int),
    "sessions_mb": Setting("--sessions-mb", "SAM_SESSIONS_MB", 1024.0,
                           "MB of results that all browser tabs together may hold"),
    "max_project_images": Setting("--max-project-images", "SAM_MAX_PROJECT_IMAGES", 1_000_000,
                                  "images in one annotation project", int),
    "max_import_objects": Setting("--max-import-objects", "SAM_MAX_IMPORT_OBJECTS", 1_000_000,
                                  "objects one project import may bring (its files are bounded by max_file_size)",
                                  int),
    "max_frames": Setting("--max-frames", "SAM_MAX_FRAMES", 20_000, "frames of one video (or frame folder)", int),
    "max_video_pixels": Setting("--max-video-pixels", "SAM_MAX_VIDEO_PIXELS", 3840 * 2160,
                                "pixels of one video frame (width x height; 3840x2160 by default)", int),
    "max_video_sessions": Setting("--max-video-sessions", "SAM_MAX_VIDEO_SESSIONS", 4,
                                  "videos being tracked at once (browser tabs and API calls together)", int),
}
WEB_ONLY = ("request_seconds", "everything_seconds", "batch_seconds", "session_ttl", "max_sessions", "sessions_mb")


@dataclass
class Limits:
    max_points: int
    max_objects: int
    max_everything_points: int
    max_file_size: int
    max_request_mb: float
    request_seconds: float
    everything_seconds: float
    batch_seconds: float
    session_ttl: float
    max_sessions: int
    sessions_mb: float
    max_project_images: int
    max_import_objects: int
    max_frames: int
    max_video_pixels: int
    max_video_sessions: int

    @classmethod
    def from_env(cls) -> "Limits":
        values = {}
        for f in fields(cls):
            setting = SETTINGS[f.name]
            text = os.environ.get(setting.env)
            try:
                values[f.name] = setting.parse(text) if text else setting.default
            except ValueError:
                raise LimitError(f"{setting.env}={text!r} is not a valid value ({setting.help})") from None
        return cls(**values)

    def raise_hint(self, name: str) -> str:
        """How to raise limit ``name``: its flag and environment variable."""
        setting = SETTINGS[name]
        return f"{setting.flag} or the {setting.env} environment variable raises it"


LIMITS = Limits.from_env()


def add_arguments(parser: argparse.ArgumentParser,
                  names=("max_points", "max_objects", "max_everything_points", "max_file_size", "max_request_mb")):
    """Flags for the limits ``names``, defaulting to the current values."""
    for name in names:
        setting, value = SETTINGS[name], getattr(LIMITS, name)
        shown = format_size(value) if setting.parse is parse_size else f"{value:,}" if isinstance(value, int) \
            else f"{value:g}"
        parser.add_argument(setting.flag, type=setting.parse, default=value, dest=name,
                            help=f"most {setting.help} (env {setting.env}, default {shown})")


def apply_arguments(args: argparse.Namespace) -> None:
    """Set the process's limits from parsed flags (those present on ``args``)."""
    for name, setting in SETTINGS.items():
        value = getattr(args, name, None)
        if value is not None:
            if value != value or value < 0:  # NaN or negative
                raise LimitError(f"{setting.flag} must be 0 or more, got {value:g}")
            setattr(LIMITS, name, value)


MASK_LOW_RES_BYTES = 256 * 256 * 4  # one candidate's low-res float32 logits
UPSCALE_FRAME_BYTES = 1024 * 1024 * 4  # the padded input frame a mask is upscaled through
DECODER_BYTES_PER_OBJECT = 28 * 2**20  # SAM's mask decoder working on one prompt of a batch (measured: 0.9 GB for 32)


def request_bytes(objects: int, candidates: int, height: int, width: int, full_logits: bool = False,
                  batch: int = 32) -> int:
    """About how many bytes a prompt request holds at its peak: every candidate's low-res
    logits, the mask decoder working on ``batch`` objects at a time, one full-size mask
    being made at a time (float logits, the mask, its column-major copy for run-length
    encoding), and with ``full_logits`` every candidate's full-size float logits."""
    pixels = height * width
    held = objects * candidates * MASK_LOW_RES_BYTES + min(objects, batch) * DECODER_BYTES_PER_OBJECT
    held += UPSCALE_FRAME_BYTES + 6 * pixels
    return held + (objects * candidates * pixels * 4 if full_logits else 0)


def check_memory(objects: int, candidates: int, height: int, width: int, full_logits: bool = False,
                 batch: int = 32) -> None:
    """LimitError, before any work, when a request of ``objects`` x ``candidates`` masks on
    a ``height`` x ``width`` image, decoded ``batch`` at a time, would hold more than
    ``max_request_mb`` (``request_bytes``)."""
    need = request_bytes(objects, candidates, height, width, full_logits, batch)
    budget = LIMITS.max_request_mb * 2**20
    if budget and need > budget:
        what = f"{objects} object(s) x {candidates} candidate(s) on a {width}x{height} image"
        extra = ", with full-size logits for each" if full_logits else ""
        raise LimitError(f"this request would hold about {format_size(need)} ({what}{extra}), over the "
                         f"{format_size(budget)} one request may use; send fewer objects or a smaller image "
                         f"({LIMITS.raise_hint('max_request_mb')})")


class Deadline:
    """A request's time budget, checked between pieces of work of a bounded size.
    ``check(done, total)`` raises ``LimitError`` when, at the pace of the ``done`` pieces
    so far, all ``total`` would take longer than the budget (or it is spent already): a
    request too large for its budget is refused after its first piece, not at the end.
    seconds: None or 0 = no budget; name: the ``SETTINGS`` entry it comes from (named in
    the message). The clock starts when it is made. ``cancel()`` (from any thread) makes
    the next ``check`` raise ``Cancelled``: the client went away."""

    def __init__(self, seconds: Optional[float], name: str = "request_seconds"):
        self.seconds, self.name, self.start = seconds or None, name, time.monotonic()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def check(self, done: int, total: int, unit: str) -> None:
        if self._cancelled.is_set():
            raise Cancelled(f"stopped after {done} of {total} {unit}: the request was cancelled")
        if self.seconds is None or done == 0 or done >= total:
            return
        expected = (time.monotonic() - self.start) * total / done
        if expected > self.seconds:
            raise LimitError(f"this request is over its time budget of {self.seconds:g} s: at the pace of the first "
                             f"{done} of {total} {unit}, it would take about {expected:.0f} s; send less work (fewer "
                             f"{unit}) or raise the budget ({LIMITS.raise_hint(self.name)})")


class Cancelled(LimitError):
    """The request's client went away (or asked to stop): the work stops between pieces."""
