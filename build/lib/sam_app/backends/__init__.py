"""Segmentation backends. Each one has ``encode(pixels) -> embedding`` (the heavy step,
cached by the service) and ``decode(embedding, objects, ...) -> [ObjectResult]``."""

from .base import Backend, ObjectResult

__all__ = ["Backend", "ObjectResult"]
