"""What one request may ask for, and how long a web request may run.

Sizes are checked before any model work (the decoder's memory grows with the square of
an object's points: 10,000 points took a server past 12 GB); time is checked between
pieces of work by a ``Deadline``. Every limit has an environment variable and a flag
(``add_arguments``), and every refusal names both:

    from sam_app.limits import LIMITS, Deadline
    LIMITS.max_points                       # 64 unless SAM_MAX_POINTS / --max-points
    deadline = Deadline(LIMITS.request_seconds, "request_seconds")
    for done, piece in enumerate(pieces):
        deadline.check(done, len(pieces), "objects")
        ...

The limits hold for the whole process (a server has one policy); the time budgets apply
to web and API requests, whose handlers make the deadlines, not to the CLI.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass, fields
from typing import Optional

from .errors import LimitError

# name -> (flag, environment variable, default, help)
SETTINGS = {
    "max_points": ("--max-points", "SAM_MAX_POINTS", 64, "points per object"),
    "max_objects": ("--max-objects", "SAM_MAX_OBJECTS", 256, "objects (boxes) per request"),
    "max_everything_points": ("--max-everything-points", "SAM_MAX_EVERYTHING_POINTS", 16384,
                              "point prompts in one segment-everything run, over all crops"),
    "request_seconds": ("--request-seconds", "SAM_REQUEST_SECONDS", 60.0,
                        "seconds a web or API prompt request may spend decoding (0 = no limit)"),
    "everything_seconds": ("--everything-seconds", "SAM_EVERYTHING_SECONDS", 900.0,
                           "seconds a web or API segment-everything request may run (0 = no limit)"),
}


@dataclass
class Limits:
    max_points: int
    max_objects: int
    max_everything_points: int
    request_seconds: float
    everything_seconds: float

    @classmethod
    def from_env(cls) -> "Limits":
        values = {}
        for f in fields(cls):
            flag, env, default, _ = SETTINGS[f.name]
            text = os.environ.get(env)
            try:
                values[f.name] = type(default)(text) if text else default
            except ValueError:
                raise LimitError(f"{env}={text!r} is not a number") from None
        return cls(**values)

    def raise_hint(self, name: str) -> str:
        """How to raise limit ``name``: its flag and environment variable."""
        flag, env, _, _ = SETTINGS[name]
        return f"{flag} or the {env} environment variable raises it"


LIMITS = Limits.from_env()


def add_arguments(parser: argparse.ArgumentParser, names=("max_points", "max_objects", "max_everything_points")):
    """Flags for the limits ``names``, defaulting to the current values."""
    for name in names:
        flag, env, default, text = SETTINGS[name]
        parser.add_argument(flag, type=type(default), default=getattr(LIMITS, name), dest=name,
                            help=f"most {text} (env {env}, default {getattr(LIMITS, name):g})")


def apply_arguments(args: argparse.Namespace) -> None:
    """Set the process's limits from parsed flags (those present on ``args``)."""
    for name in SETTINGS:
        value = getattr(args, name, None)
        if value is not None:
            if value < 0:
                raise LimitError(f"{SETTINGS[name][0]} must be 0 or more, got {value:g}")
            setattr(LIMITS, name, value)


class Deadline:
    """A request's time budget, checked between pieces of work of a bounded size.
    ``check(done, total)`` raises ``LimitError`` when, at the pace of the ``done`` pieces
    so far, all ``total`` would take longer than the budget (or it is spent already): a
    request too large for its budget is refused after its first piece, not at the end.
    seconds: None or 0 = no budget; name: the ``SETTINGS`` entry it comes from (named in
    the message). The clock starts when it is made."""

    def __init__(self, seconds: Optional[float], name: str = "request_seconds"):
        self.seconds, self.name, self.start = seconds or None, name, time.monotonic()

    def check(self, done: int, total: int, unit: str) -> None:
        if self.seconds is None or done == 0 or done >= total:
            return
        expected = (time.monotonic() - self.start) * total / done
        if expected > self.seconds:
            raise LimitError(f"this request is over its time budget of {self.seconds:g} s: at the pace of the first "
                             f"{done} of {total} {unit}, it would take about {expected:.0f} s; send less work (fewer "
                             f"{unit}) or raise the budget ({LIMITS.raise_hint(self.name)})")
