"""Checking ``--auth`` logins without letting anyone guess passwords at speed.

Gradio's login route asks ``Logins(pairs)`` for each attempt (on its event loop, so
nothing here sleeps). Two rules, both refusals that look like a wrong password:

- the whole server takes at most ``per_second`` attempts a second (a burst of ``burst``):
  1,000 guesses in a second are refused after the first few, the right one among them;
- a user name that failed ``lock_after`` times in a row is locked for 2, 4, 8 ... seconds
  (at most ``max_lock_s``), whatever is tried meanwhile.

Passwords are compared in constant time. What a lock costs the real user (a wait of
seconds to minutes while someone hammers their name) is said in docs/security.md.
"""

import hmac
import logging
import threading
import time
from typing import Callable, Dict, List, Optional, Tuple

from cachetools import LRUCache

log = logging.getLogger("sam_app.logins")
TRACKED_NAMES = 10_000  # user names whose failures are remembered (least recent forgotten first)


class Logins:
    """``Logins(pairs)(username, password) -> bool``; see the module docstring."""

    def __init__(self, pairs: List[Tuple[str, str]], per_second: float = 10, burst: int = 20, lock_after: int = 5,
                 max_lock_s: float = 300, clock: Callable[[], float] = time.monotonic):
        self._passwords: Dict[str, str] = dict(pairs)
        self.per_second, self.burst, self.lock_after, self.max_lock_s = per_second, burst, lock_after, max_lock_s
        self._clock = clock
        self._tokens, self._filled_at = float(burst), clock()
        self._failures: LRUCache = LRUCache(TRACKED_NAMES)  # name -> (failures in a row, locked until)
        self._lock = threading.Lock()
        self.refused = 0  # attempts refused unchecked (rate or lock), for the log and the tests

    def __call__(self, username: str, password: str) -> bool:
        """Whether to let this login in (a plain function: Gradio would take the coroutine
        of an ``async`` instance method for a yes)."""
        with self._lock:
            now = self._clock()
            failures, locked_until = self._failures.get(username, (0, 0.0))
            if not self._take_token(now) or now < locked_until:
                self.refused += 1
                return False
            expected: Optional[str] = self._passwords.get(username)
            ok = hmac.compare_digest((password or "").encode(), (expected or "\0").encode()) and expected is not None
            if ok:
                self._failures.pop(username, None)
                return True
            failures += 1
            if failures >= self.lock_after:
                wait = min(self.max_lock_s, 2.0 ** (failures - self.lock_after + 1))
                locked_until = now + wait
                log.warning("login: %d wrong passwords in a row for %r; locked for %.0f s", failures, username[:60],
                            wait)
            self._failures[username] = (failures, locked_until)
            return False

    def _take_token(self, now: float) -> bool:
        self._tokens = min(self.burst, self._tokens + (now - self._filled_at) * self.per_second)
        self._filled_at = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True
