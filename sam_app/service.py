"""One process-wide segmentation service: the only place that runs a model.

    from sam_app.service import SamService
    service = SamService(device="auto")            # finds a checkpoint in checkpoint/
    result = service.segment("imgs/dog.png", points=[[320, 240]], multimask=True)
    obj = result.objects[0]
    obj.masks.shape, obj.scores, obj.best          # (3, H, W) bool, (3,), int

- Models are loaded once, on first use, by name (vit_h / vit_l / vit_b, or a name given
  to ``add_backend``).
- Image embeddings are kept in an LRU keyed by (model, image content hash), bounded by
  ``cache_size``: any number of prompts from any number of threads on one image run the
  image encoder once while it stays cached. Concurrent requests for an image that is
  being encoded wait for that encoding instead of starting another.
- Each request carries its own image and embedding, so concurrent requests on different
  images never mix.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import checkpoints
from .backends.base import Backend, ObjectResult
from .devices import resolve_device, resolve_precision
from .errors import CheckpointError, ImageError, ResourceError, SamAppError
from .images import DEFAULT_MAX_PIXELS, ImageSource, LoadedImage, load_image
from .prompts import ObjectPrompt, build_objects, parse_prompt

DEFAULT_CACHE_SIZE = int(os.environ.get("SAM_EMBEDDING_CACHE", 16))
CLASSICAL = "classical"  # the weights-free OpenCV GrabCut backend
DECODED_FILES = 4  # decoded images kept for image_by_id and repeated files (12 MP = 36 MB)


@dataclass
class SegmentResult:
    """image_size: (H, W). model: the backend's name. objects: one per object prompt."""

    image_size: Tuple[int, int]
    model: str
    objects: List[ObjectResult]


class SamService:
    """See the module docstring. All arguments are optional:

    model_type: the default model (vit_h | vit_l | vit_b); None = the first checkpoint
      found (largest first on CUDA, smallest first elsewhere, since vit_h takes minutes
      per image on a CPU). checkpoint: an explicit file for the default model.
    checkpoint_dir: where official files are looked for (see ``checkpoints``).
    device: auto | cpu | cuda | cuda:N | mps. precision: auto | fp32 | bf16 | fp16.
    decoder: auto | torch | onnx (see ``SamBackend``; auto = ONNX Runtime on the CPU
      where it is faster). attention: sdpa | reference (image encoder attention).
    cache_size: how many image embeddings to keep (about 4 MB each for SAM).
    max_pixels: larger images are refused before decoding.
    allow_classical: with no model type and no checkpoint, serve the classical backend
      (OpenCV GrabCut) instead of failing.
    """

    def __init__(
        self,
        model_type: Optional[str] = None,
        checkpoint: Optional[os.PathLike] = None,
        checkpoint_dir: Optional[os.PathLike] = None,
        device: str = "auto",
        precision: str = "auto",
        cache_size: int = DEFAULT_CACHE_SIZE,
        max_pixels: int = DEFAULT_MAX_PIXELS,
        allow_classical: bool = True,
        decoder: str = "auto",
        attention: str = "sdpa",
    ):
        if cache_size < 1:
            raise SamAppError(f"cache size must be at least 1, got {cache_size}")
        if model_type is not None and model_type not in (*checkpoints.MODELS, CLASSICAL):
            raise CheckpointError(
                f"unknown model type {model_type!r}; expected one of {', '.join(checkpoints.MODEL_TYPES)} or {CLASSICAL}"
            )
        self.device = resolve_device(device)
        self.precision = resolve_precision(precision, self.device)
        self.decoder = decoder
        self.attention = attention
        self.checkpoint_dir = checkpoints.checkpoint_dir(checkpoint_dir)
        self.checkpoint = checkpoint
        self.default_model = model_type
        self.allow_classical = allow_classical
        self.fell_back = False  # True while the default is classical for want of a checkpoint
        self.cache_size = cache_size
        self.max_pixels = max_pixels
        self._backends: Dict[str, Backend] = {}
        self._backend_lock = threading.Lock()
        self._cache: "OrderedDict[Tuple[str, str], object]" = OrderedDict()
        self._inflight: Dict[Tuple[str, str], Future] = {}
        self._images: "OrderedDict[str, LoadedImage]" = OrderedDict()  # digest -> image
        self._files: "OrderedDict[tuple, str]" = OrderedDict()  # (path, size, mtime) -> digest
        self._cache_lock = threading.Lock()
        self.encode_count = 0  # image encodings actually run (cache misses)

    # ------------------------------------------------------------ models

    @property
    def preference(self) -> Tuple[str, ...]:
        """Order in which checkpoints are tried when no model type is given."""
        types = checkpoints.MODEL_TYPES
        return types if self.device.type == "cuda" else tuple(reversed(types))

    def add_backend(self, backend: Backend, default: bool = False) -> None:
        """Register a ready backend under ``backend.name`` (e.g. a custom model)."""
        with self._backend_lock:
            self._backends[backend.name] = backend
            if default or self.default_model is None:
                self.default_model = backend.name

    def resolve_model_name(self, model: Optional[str] = None) -> str:
        """The name a request for ``model`` (None = default) will run on. With no model
        type, no explicit checkpoint and no checkpoint found, the default is the classical
        backend until a checkpoint appears (looked for again at each request)."""
        if model:
            return model
        with self._backend_lock:
            if self.default_model is None or self.fell_back:
                if self.checkpoint is not None:  # its type may only show in its shapes
                    self._load_locked(None)
                else:
                    try:
                        _, self.default_model = checkpoints.find_checkpoint(
                            None, None, self.checkpoint_dir, self.preference
                        )
                        self.fell_back = False
                    except CheckpointError:
                        if not self.allow_classical:
                            raise
                        self.default_model, self.fell_back = CLASSICAL, True
            return self.default_model

    def backend(self, model: Optional[str] = None) -> Backend:
        """The loaded backend for ``model`` (None = default), loading it once if needed."""
        name = self.resolve_model_name(model)
        with self._backend_lock:
            if name not in self._backends:
                if name == CLASSICAL:
                    from .backends.classical import ClassicalBackend

                    self._backends[name] = ClassicalBackend()
                elif name in checkpoints.MODELS:
                    self._load_locked(name)
                else:
                    raise SamAppError(f"unknown model {name!r}; available: {', '.join(self.model_names())}")
            return self._backends[name]

    def _load_locked(self, name: Optional[str]) -> None:
        """Load a checkpoint into a backend (caller holds ``_backend_lock``). The explicit
        checkpoint file serves the default model; others come from the checkpoint dir."""
        from .backends.sam import SamBackend

        explicit = self.checkpoint if name is None or name == self.default_model else None
        sam, actual, _path = checkpoints.load_sam(name, explicit, self.checkpoint_dir, self.preference)
        self._backends[actual] = SamBackend(sam, actual, self.device, self.precision, self.decoder, self.attention)
        if self.default_model is None:
            self.default_model = actual

    def model_names(self) -> List[str]:
        return list(dict.fromkeys([*checkpoints.MODEL_TYPES, CLASSICAL, *self._backends]))

    def loaded(self, model: str) -> bool:
        return model in self._backends

    # ------------------------------------------------------------ embeddings

    def load_image(self, source: ImageSource, content_key: Optional[str] = None) -> LoadedImage:
        """Normalise any accepted source (see ``images``) under this service's pixel limit.

        The last ``DECODED_FILES`` files are remembered by (path, size, modification time),
        or by ``content_key`` when the caller knows one (a hash of the file's bytes), so a
        client sending the same file with every prompt does not pay for decoding and
        hashing it each time. Every loaded image can be fetched again by ``image_by_id``."""
        if not isinstance(source, (str, os.PathLike)):
            return self._remember(None, load_image(source, self.max_pixels))
        try:
            info = os.stat(source)
        except OSError:
            return load_image(source, self.max_pixels)  # says what is wrong with the path
        key = ("content", content_key) if content_key else (os.path.realpath(source), info.st_size, info.st_mtime_ns)
        with self._cache_lock:
            known = self._images.get(self._files.get(key, ""))
        if known is not None:
            return self._remember(key, known)
        return self._remember(key, load_image(source, self.max_pixels))

    def _remember(self, file_key: Optional[tuple], image: LoadedImage) -> LoadedImage:
        with self._cache_lock:
            self._images[image.digest] = image
            self._images.move_to_end(image.digest)
            if file_key is not None:
                self._files[file_key] = image.digest
                self._files.move_to_end(file_key)
            for table in (self._images, self._files):
                while len(table) > DECODED_FILES:
                    table.popitem(last=False)
        return image

    def image_by_id(self, image_id: str) -> LoadedImage:
        """A recently loaded image by its ``digest`` (clients send it instead of the
        image to skip uploading and decoding it again)."""
        with self._cache_lock:
            image = self._images.get(image_id)
            if image is not None:
                self._images.move_to_end(image_id)
                return image
        raise ImageError(f"unknown image_id {image_id!r}: it was never sent, or it has left the cache of the "
                         f"last {DECODED_FILES} images; send the image again")

    def embedding(self, image: LoadedImage, model: Optional[str] = None):
        """The cached embedding of ``image`` for ``model``, encoding it at most once."""
        backend = self.backend(model)
        key = (backend.name, image.digest)
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            future = self._inflight.get(key)
            owner = future is None
            if owner:
                future = self._inflight[key] = Future()
        if not owner:
            return future.result()
        try:
            with out_of_memory_as_error():
                value = backend.encode(image.pixels)
        except BaseException as exc:
            with self._cache_lock:
                del self._inflight[key]
            future.set_exception(exc)
            raise
        with self._cache_lock:
            self.encode_count += 1
            self._cache[key] = value
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
            del self._inflight[key]
        future.set_result(value)
        return value

    def encode(self, image: ImageSource, model: Optional[str] = None) -> LoadedImage:
        """Load and encode ``image`` ahead of prompts (e.g. on upload); returns it loaded."""
        loaded = self.load_image(image)
        self.embedding(loaded, model)
        return loaded

    def cache_info(self) -> Dict[str, int]:
        """entries, bytes of cached embeddings, and encodings run so far."""
        with self._cache_lock:
            size = sum(getattr(v, "nbytes", 0) for v in self._cache.values())
            return {"entries": len(self._cache), "bytes": size, "encodings": self.encode_count}

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    # ------------------------------------------------------------ prompts -> masks

    def segment_objects(
        self,
        image: ImageSource,
        objects: Sequence[ObjectPrompt],
        multimask: bool = False,
        return_logits: bool = False,
        model: Optional[str] = None,
    ) -> SegmentResult:
        """Segment already-built object prompts (see ``prompts.build_objects``)."""
        loaded = self.load_image(image)
        embedding = self.embedding(loaded, model)
        backend = self.backend(model)
        with out_of_memory_as_error():
            results = backend.decode(embedding, list(objects), multimask, return_logits)
        return SegmentResult((loaded.height, loaded.width), backend.name, results)

    def segment(
        self,
        image: ImageSource,
        points: Optional[np.ndarray] = None,
        labels: Optional[np.ndarray] = None,
        boxes: Optional[np.ndarray] = None,
        mask_input: Optional[np.ndarray] = None,
        multimask: bool = False,
        return_logits: bool = False,
        model: Optional[str] = None,
    ) -> SegmentResult:
        """Segment ``image`` with array prompts.

        points: Nx2 (X, Y) pixels. labels: N of 1 (foreground) / 0 (background), default
        all 1. boxes: Bx4 XYXY pixels; each box is one object and takes the points inside
        it. mask_input: previous low-res logits, 1x256x256 (or Kx1x256x256 for K objects).
        multimask: 3 candidates per object instead of 1. return_logits: also return
        full-size float logits.
        """
        loaded = self.load_image(image)
        objects = build_objects(points, labels, boxes, (loaded.height, loaded.width), mask_input)
        return self.segment_objects(loaded, objects, multimask, return_logits, model)

    def segment_text(
        self,
        image: ImageSource,
        points: str = "",
        labels: str = "",
        boxes: str = "",
        multimask: bool = False,
        model: Optional[str] = None,
    ) -> SegmentResult:
        """Segment with prompt text in the original UI's syntax (see ``prompts``)."""
        loaded = self.load_image(image)
        objects = parse_prompt(points, labels, boxes, (loaded.height, loaded.width))
        return self.segment_objects(loaded, objects, multimask, False, model)


@contextlib.contextmanager
def out_of_memory_as_error():
    """Turn an out-of-memory failure into a ResourceError with advice; on CUDA, give
    the allocator's cached blocks back so the next request can succeed."""
    try:
        yield
    except (MemoryError, RuntimeError) as exc:
        if not isinstance(exc, MemoryError) and "out of memory" not in str(exc).lower():
            raise
        try:
            import torch

            if torch.cuda.is_available():
                torch.cuda.empty_cache()
        except Exception:  # pragma: no cover - best effort
            pass
        raise ResourceError(
            "out of memory while running the model; try a smaller image (--max-pixels), "
            "a smaller model (vit_b), or --device cpu"
        ) from None


_shared: Optional[SamService] = None
_shared_lock = threading.Lock()


def shared_service(factory: Callable[[], SamService] = SamService) -> SamService:
    """The process-wide service, created by ``factory`` on first call."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = factory()
        return _shared
