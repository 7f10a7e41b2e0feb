"""Encoding the next images while a person works on this one, so that Next answers at
decoder speed: one background thread, a short list of work that each new request
replaces (bounded: the embeddings go to the service's LRU cache, never more than
``ahead`` at a time), and a gate that lets it start an encoding only while no
interactive model work runs and none has for ``quiet_s`` seconds. (An encoding already
started runs to its end: an image encoder cannot be paused halfway; on a GPU it takes
tens of milliseconds, on a CPU seconds.)
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from contextlib import contextmanager
from typing import Callable, List, Optional

from ..errors import SamAppError

log = logging.getLogger(__name__)


class Activity:
    """Interactive model work in flight (``with activity.working():``) and when the last
    piece ended."""

    def __init__(self):
        self._lock = threading.Lock()
        self._running = 0
        self._ended = 0.0

    @contextmanager
    def working(self):
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                self._ended = time.monotonic()

    def idle(self, quiet_s: float) -> bool:
        """No interactive work running, and none ended in the last ``quiet_s`` seconds."""
        with self._lock:
            return self._running == 0 and time.monotonic() - self._ended >= quiet_s


class Prefetcher:
    """``ask(work)``: run these callables (each loads and encodes one image) in order, in
    the background, dropping what an earlier ``ask`` left undone. ``done`` counts the
    pieces run."""

    def __init__(self, activity: Activity, ahead: int = 2, quiet_s: float = 0.25):
        self.activity, self.ahead, self.quiet_s = activity, ahead, quiet_s
        self._work: List[Callable[[], None]] = []
        self._wake = threading.Condition()
        self._thread: Optional[threading.Thread] = None
        self._closed = False
        self.done = 0

    def ask(self, work: List[Callable[[], None]]) -> None:
        with self._wake:
            self._work = list(work)[:self.ahead]
            if self._thread is None and self.ahead > 0:
                self._thread = threading.Thread(target=self._run, name="prefetch", daemon=True)
                self._thread.start()
                atexit.register(self.close, wait_s=60)  # an encoding cut off by the exit aborts the process
            self._wake.notify()

    def pending(self) -> int:
        with self._wake:
            return len(self._work)

    def close(self, wait_s: float = 0) -> None:
        """Stop (the encoding under way, if any, ends first: up to ``wait_s`` seconds waited)."""
        with self._wake:
            self._closed = True
            self._work = []
            self._wake.notify()
        if wait_s and self._thread is not None:
            self._thread.join(wait_s)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._work and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
            while not self.activity.idle(self.quiet_s):
                time.sleep(self.quiet_s / 4)
            with self._wake:
                if not self._work:
                    continue
                piece = self._work.pop(0)
            try:
                piece()
            except SamAppError as exc:  # a missing or unreadable image: Next will say so
                log.info("prefetch skipped an image: %s", exc)
            except Exception:  # noqa: BLE001 - the background thread must outlive one bad image
                log.exception("prefetch failed")
            self.done += 1
