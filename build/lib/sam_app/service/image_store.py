"""Decoded images, kept for prompting again by id, bounded by their pixels' size."""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from typing import Optional

from cachetools import LRUCache

from ..errors import ImageError, LimitError, shorten
from ..images import ImageRef, ImageSource, LoadedImage, load_image

KNOWN_FILES = 1024  # (path, size, mtime) or content key -> image_id


class ImageStore:
    """max_pixels: larger images are refused before decoding; capacity: bytes of pixels
    kept (least recently used out first). Thread-safe."""

    def __init__(self, max_pixels: int, capacity: int):
        self.max_pixels = max_pixels
        self._secret = os.urandom(16)  # makes image_ids unguessable and this process's own
        self._images: LRUCache = LRUCache(capacity, getsizeof=lambda image: image.pixels.nbytes)
        self._files: LRUCache = LRUCache(KNOWN_FILES)  # (path, size, mtime) or content key -> image_id
        self._lock = threading.Lock()

    @property
    def capacity(self) -> int:
        return int(self._images.maxsize)

    def load(self, source: ImageSource, content_key: Optional[str] = None) -> LoadedImage:
        """Normalise any accepted source (see ``images``) under the pixel limit; a
        ``LoadedImage`` is returned as is, an ``ImageRef`` looked up.

        Recent files are remembered by (path, size, modification time), or by
        ``content_key`` when the caller knows one (a hash of the file's bytes), so a client
        sending the same file with every prompt does not pay for decoding and hashing it
        each time. Loaded images can be fetched again by their ``image_id``."""
        if isinstance(source, LoadedImage):
            return source
        if isinstance(source, ImageRef):
            return self.by_id(source.image_id)
        file_key = None
        if isinstance(source, (str, os.PathLike)):
            try:
                info = os.stat(source)
            except OSError:
                return load_image(source, self.max_pixels)  # says what is wrong with the path
            file_key = (("content", content_key) if content_key
                        else (os.path.realpath(source), info.st_size, info.st_mtime_ns))
            with self._lock:
                known = self._images.get(self._files.get(file_key, ""))
            if known is not None:
                return known
        image = load_image(source, self.max_pixels)
        token = self.image_id(image)
        with self._lock:
            if image.pixels.nbytes <= self._images.maxsize:
                self._images[token] = image
            if file_key is not None:
                self._files[file_key] = token
        return image

    def ref(self, image: LoadedImage) -> ImageRef:
        """``image`` kept in the store, by reference; LimitError when it is larger than
        the whole store."""
        token = self.image_id(image)
        with self._lock:
            if image.pixels.nbytes > self._images.maxsize:
                raise LimitError(f"the image takes {image.pixels.nbytes / 2**20:.0f} MB, more than this server keeps "
                                 f"for images ({self._images.maxsize / 2**20:.0f} MB: --image-cache-mb or "
                                 "SAM_IMAGE_CACHE_MB raises it)")
            self._images[token] = image
        return ImageRef(token, image.digest, image.height, image.width)

    def image_id(self, image: LoadedImage) -> str:
        """The id clients send instead of ``image`` to prompt it again: a keyed hash of
        its content with this process's secret, so that only whoever sent the picture
        (or was told the id) can use it, and not from another server or a restart."""
        return hmac.new(self._secret, image.digest.encode(), hashlib.sha256).hexdigest()[:32]

    def by_id(self, image_id: str) -> LoadedImage:
        """A recently loaded image by its ``image_id``."""
        with self._lock:
            image = self._images.get(image_id)
        if image is None:
            raise ImageError(f"unknown image_id {shorten(image_id)}: it was never sent to this server, or it has left "
                             f"the cache of recent images ({self._images.maxsize / 2**20:.0f} MB: --image-cache-mb or "
                             "SAM_IMAGE_CACHE_MB raises it); send the image again")
        return image
