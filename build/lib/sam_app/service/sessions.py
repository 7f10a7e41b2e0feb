"""Long-lived work beside the models (a video being tracked, an open project): sessions
with tokens, bounded in number and memory, closed when idle, apart from the facade.

    sessions = Sessions("video", max_sessions=8, idle_s=1800, max_bytes=4 * 2**30)
    token = sessions.open(VideoSession(...))   # LimitError when full
    sessions.get(token)                        # its idle clock starts again
    sessions.close(token)                      # its close() is called, if it has one

A session is any object; ``nbytes`` (if it has it) counts against ``max_bytes`` and
``close()`` (if it has it) is called when it ends. Idle sessions are closed at the next
``open``, ``get`` or ``sweep``.
"""

from __future__ import annotations

import secrets
import threading
import time
from typing import Callable, Dict, Optional, Tuple

from ..errors import LimitError, SamAppError, shorten


class Sessions:
    """kind: what the sessions are, for messages; max_sessions: open at once; idle_s:
    seconds without ``get`` before one is closed; max_bytes: their ``nbytes`` together
    (None: no bound). Thread-safe."""

    def __init__(self, kind: str, max_sessions: int, idle_s: float, max_bytes: Optional[int] = None,
                 clock: Callable[[], float] = time.monotonic):
        self.kind, self.max_sessions, self.idle_s, self.max_bytes = kind, max_sessions, idle_s, max_bytes
        self._clock = clock
        self._open: Dict[str, Tuple[object, float]] = {}  # token -> (session, last used)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._open)

    def nbytes(self) -> int:
        with self._lock:
            return sum(getattr(s, "nbytes", 0) for s, _ in self._open.values())

    def open(self, session) -> str:
        """Keep ``session``; its token. LimitError (nothing kept) when as many sessions as
        allowed are open, or their memory with this one would pass ``max_bytes``."""
        self.sweep()
        with self._lock:
            if len(self._open) >= self.max_sessions:
                raise LimitError(f"{len(self._open)} {self.kind} sessions are open, the most this server keeps; "
                                 f"close one, or wait: an idle one ends after {self.idle_s / 60:.0f} minutes")
            held = sum(getattr(s, "nbytes", 0) for s, _ in self._open.values()) + getattr(session, "nbytes", 0)
            if self.max_bytes is not None and held > self.max_bytes:
                raise LimitError(f"the {self.kind} sessions would hold {held / 2**20:.0f} MB, over this server's "
                                 f"{self.max_bytes / 2**20:.0f} MB; close one and try again")
            token = secrets.token_hex(16)
            self._open[token] = (session, self._clock())
        return token

    def get(self, token: str):
        """The open session ``token``; SamAppError when it was never opened or has ended."""
        self.sweep()
        with self._lock:
            found = self._open.get(token)
            if found is None:
                raise SamAppError(f"no open {self.kind} session {shorten(token)}: it has ended (idle for "
                                  f"{self.idle_s / 60:.0f} minutes, or closed); start it again")
            self._open[token] = (found[0], self._clock())
            return found[0]

    def close(self, token: str) -> None:
        """End session ``token`` (nothing happens for one that has ended)."""
        with self._lock:
            found = self._open.pop(token, None)
        if found is not None:
            _close(found[0])

    def sweep(self) -> int:
        """Close the sessions idle longer than ``idle_s``; how many."""
        now = self._clock()
        with self._lock:
            idle = [t for t, (_, used) in self._open.items() if now - used > self.idle_s]
            ended = [self._open.pop(t)[0] for t in idle]
        for session in ended:
            _close(session)
        return len(ended)


def _close(session) -> None:
    close = getattr(session, "close", None)
    if callable(close):
        close()
