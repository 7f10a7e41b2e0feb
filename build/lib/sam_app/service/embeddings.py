"""Image embeddings, computed at most once per (image encoder, image content, owner)
while they stay in a bounded LRU; concurrent requests for an image being encoded wait
for that encoding."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Callable, Dict, Optional, Tuple

from cachetools import LRUCache

from ..images import LoadedImage


class EmbeddingCache:
    """size: embeddings kept; owner: None (one cache for every caller) or a function that
    names who is asking (``SamService``'s ``cache_owner``). Thread-safe."""

    def __init__(self, size: int, owner: Optional[Callable[[], Optional[str]]] = None):
        self.owner = owner
        self._cache: LRUCache = LRUCache(size)  # (encoder key, digest, owner) -> embedding
        self._inflight: Dict[Tuple, Future] = {}
        self._lock = threading.Lock()
        self.encode_count = 0  # image encodings actually run (cache misses)

    def get(self, image: LoadedImage, backend, encode: Callable):
        """``backend``'s embedding of ``image``: cached, or ``encode(pixels)`` once (other
        threads asking meanwhile wait for it)."""
        key = (backend.encoder_key, image.digest, self.owner() if self.owner else None)
        with self._lock:
            value = self._cache.get(key)
            if value is not None:
                return value
            future = self._inflight.get(key)
            owner = future is None
            if owner:
                future = self._inflight[key] = Future()
        if not owner:
            return future.result()
        try:
            value = encode(image.pixels)
        except BaseException as exc:
            with self._lock:
                del self._inflight[key]
            future.set_exception(exc)
            raise
        with self._lock:
            self.encode_count += 1
            self._cache[key] = value
            del self._inflight[key]
        future.set_result(value)
        return value

    def info(self) -> Dict[str, int]:
        """entries, bytes of cached embeddings, and encodings run so far."""
        with self._lock:
            return {"entries": len(self._cache), "bytes": sum(v.nbytes for v in self._cache.values()),
                    "encodings": self.encode_count}

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
