"""The segmentation service: the only place that runs a model.

    from sam_app.service import SamService
    service = SamService(device="auto")            # finds a checkpoint in checkpoint/
    result = service.segment("imgs/dog.png", points=[[320, 240]], multimask=True)
    obj = result.objects[0]
    obj.masks.shape, obj.scores, obj.best          # (3, H, W) bool, (3,), int

- Models come from the registry (``sam_app.models``) and are loaded once, on first use,
  by name (``vit_b``, ``classical``, ...; or a ready backend given to ``add_backend``).
- Image embeddings are kept in an LRU keyed by (model, image content hash), bounded by
  ``cache_size``, whatever each backend's embedding holds: any number of prompts from
  any number of threads on one image run the image encoder once while it stays cached.
  Concurrent requests for an image that is being encoded wait for that encoding.
- A request's image is normalised once (``load_image``) and handed down as a
  ``LoadedImage``; each request carries its own image and embedding, so concurrent
  requests on different images never mix.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
from cachetools import LRUCache

from . import checkpoints, models
from .backends.base import Backend, ObjectResult
from .devices import release_memory, resolve_device, resolve_precision
from .errors import CheckpointError, ImageError, LimitError, ResourceError, SamAppError, shorten
from .images import DEFAULT_MAX_PIXELS, ImageRef, ImageSource, LoadedImage, load_image
from .limits import Deadline, check_memory
from .prompts import ObjectPrompt, build_objects, parse_prompt

DEFAULT_CACHE_SIZE = int(os.environ.get("SAM_EMBEDDING_CACHE", 16))
# Decoded images kept for image_by_id and files sent again, by their pixels' size: 1 GB
# holds about 28 images of 12 MP or 340 of 1 MP.
IMAGE_CACHE_BYTES = int(float(os.environ.get("SAM_IMAGE_CACHE_MB", 1024)) * 2**20)
TRIM_EVERY_S = 10  # see release_memory
DECODE_CHUNK = 32  # objects decoded at once: the decoder's memory grows with the batch
KNOWN_FILES = 1024  # (path, size, mtime) or content key -> image_id


@dataclass(eq=False)
class SegmentResult:
    """image_size: (H, W). model: the backend's name. objects: one per object prompt."""

    image_size: Tuple[int, int]
    model: str
    objects: List[ObjectResult]

    @property
    def nbytes(self) -> int:
        """Bytes its objects hold (``ObjectResult.nbytes``)."""
        return sum(o.nbytes for o in self.objects)


class SamService:
    """See the module docstring. All arguments are optional:

    model_type: the default model (a registry name: vit_h | vit_l | vit_b | classical |
      ...); None = the first model whose checkpoint is found (costly first on CUDA,
      cheap first elsewhere), or the model an explicit ``checkpoint`` holds.
    checkpoint: an explicit file (or folder) for the default model.
    checkpoint_dir: where official files are looked for (see ``checkpoints``).
    device: auto | cpu | cuda | cuda:N | mps. precision: auto | fp32 | bf16 | fp16.
    decoder: auto | torch | onnx (SAM 1's prompt decoder, see ``SamBackend``).
    attention: sdpa | reference (SAM 1's image encoder attention).
    cache_size: how many image embeddings to keep.
    max_pixels: larger images are refused before decoding.
    allow_fallback: with no model type and no checkpoint, serve the registry's model
      that needs no weights (the classical backend) instead of failing.
    image_cache_bytes: decoded images kept for ``image_by_id``, by their pixels' size.
    cache_owner: None (one embedding cache shared by every caller), or a function that
      names who is asking (a user, a browser tab): each then has embeddings of their own,
      so that how fast an image answers tells nobody whether someone else sent it.
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
        allow_fallback: bool = True,
        decoder: str = "auto",
        attention: str = "sdpa",
        image_cache_bytes: int = IMAGE_CACHE_BYTES,
        cache_owner: Optional[Callable[[], Optional[str]]] = None,
    ):
        if cache_size < 1:
            raise SamAppError(f"cache size must be at least 1, got {cache_size}")
        if model_type is not None:
            models.get(model_type)  # an unknown name is refused now, with the choices
        self.device = resolve_device(device)
        self.precision = resolve_precision(precision, self.device)
        self.decoder = decoder
        self.attention = attention
        self.checkpoint_dir = checkpoints.checkpoint_dir(checkpoint_dir)
        self.checkpoint_paths: Dict[str, Path] = {}  # model -> the explicit file it loads from
        if checkpoint is not None:
            model_type = model_type or models.recognise(checkpoint)
            self.checkpoint_paths[model_type] = Path(checkpoint).expanduser()
        self.default_model = model_type
        self.allow_fallback = allow_fallback
        self.using_fallback = False  # True while the default is the fallback for want of a checkpoint
        self.cache_size = cache_size
        self.max_pixels = max_pixels
        self._backends: Dict[str, Backend] = {}
        self._backend_lock = threading.Lock()
        self._cache: LRUCache = LRUCache(cache_size)  # (model, digest) -> embedding
        self._inflight: Dict[Tuple[str, str], Future] = {}
        self._secret = os.urandom(16)  # makes image_ids unguessable and this process's own
        self._images: LRUCache = LRUCache(image_cache_bytes, getsizeof=lambda image: image.pixels.nbytes)
        self._files: LRUCache = LRUCache(KNOWN_FILES)  # (path, size, mtime) or content key -> image_id
        self._cache_lock = threading.Lock()
        self.cache_owner = cache_owner
        self.encode_count = 0  # image encodings actually run (cache misses)
        self._trimmed_at = 0.0

    # ------------------------------------------------------------ models

    def add_backend(self, backend: Backend, default: bool = False) -> None:
        """Register a ready backend under ``backend.name`` (e.g. a custom model), or a
        ready text model (``backends.detector.Detector``, ``backends.sam3.Sam3Backend``)."""
        with self._backend_lock:
            self._backends[backend.name] = backend
            if not is_detector(backend) and (default or self.default_model is None):
                self.default_model = backend.name

    def resolve_model_name(self, model: Optional[str] = None) -> str:
        """The name a request for ``model`` (None = default) will run on. With no model
        type, no explicit checkpoint and no checkpoint found, the default is the fallback
        model until a checkpoint appears (looked for again at each request)."""
        if model:
            return model
        with self._backend_lock:
            if self.default_model is None or self.using_fallback:
                found = self._first_present()
                fallback = models.fallback(self.device.type)
                if found is None and not (self.allow_fallback and fallback):
                    raise CheckpointError(models.missing_message(models.preference(self.device.type),
                                                                 self.checkpoint_dir))
                self.default_model = found or fallback.name
                self.using_fallback = found is None
            return self.default_model

    def _first_present(self) -> Optional[str]:
        for spec in models.preference(self.device.type):
            if models.is_present(models.weights_path(spec, self.checkpoint_dir)):
                return spec.name
        return None

    def backend(self, model: Optional[str] = None) -> Backend:
        """The loaded backend for ``model`` (None = default), loading it once if needed."""
        name = self.resolve_model_name(model)
        if name in models.names("detector"):
            raise SamAppError(f"{name} is a text model: it answers text prompts (the text field, --text) and not "
                              f"points or boxes alone; pick one of {', '.join(self.model_names())} as the model")
        return self._loaded(name)

    def _loaded(self, name: str):
        with self._backend_lock:
            if name not in self._backends:
                if name not in models.names():
                    raise SamAppError(f"unknown model {shorten(name)}; available: {', '.join(self.model_names())}")
                self._backends[name] = self._load(models.get(name))
            return self._backends[name]

    def detector(self, name: Optional[str] = None):
        """The loaded text model ``name`` (``backends.detector.Detector`` or
        ``backends.sam3.Sam3Backend``); None: one already loaded or added, else the first
        whose folder is present (on a GPU SAM 3 first, elsewhere the cheapest first), else
        CheckpointError saying how to get one."""
        if name is None:
            loaded = [n for n, b in self._backends.items() if is_detector(b)]
            present = [s.name for s in models.preference(self.device.type, "detector")
                       if models.is_present(self.weights_path(s.name))]
            name = (loaded or present or [None])[0]
            if name is None:
                raise CheckpointError(
                    "text prompts need a text model and none is here: run `python -m sam_app download "
                    "grounding_dino_tiny` (or owlv2_base; or sam3, whose repo is gated: accept its terms at "
                    "https://huggingface.co/facebook/sam3 and log in first), or put the model's folder in "
                    f"{self.checkpoint_dir}")
        elif name not in models.names("detector") and not is_detector(self._backends.get(name)):
            raise SamAppError(f"{shorten(name)} is not a text model; expected one of {', '.join(models.names('detector'))}")
        return self._loaded(name)

    def _load(self, spec: models.ModelSpec) -> Backend:
        """Build ``spec``'s backend from its explicit file or its file in the checkpoint dir."""
        if self.device.type not in spec.devices:
            raise SamAppError(f"{spec.name} does not run on {self.device.type}; it runs on {', '.join(spec.devices)}")
        path = self.weights_path(spec.name)
        if path is not None and not path.exists():
            raise CheckpointError(models.missing_message([spec], self.checkpoint_dir))
        precision = self.precision if spec.default_precision == "auto" else spec.default_precision
        options = models.LoadOptions(self.device, precision, self.decoder, self.attention)
        return spec.load(spec, path, options)

    def weights_path(self, name: str) -> Optional[Path]:
        """Where registered model ``name``'s weights are for this service: the file it was
        given (an explicit checkpoint), else the registry's place (``models.weights_path``)."""
        return self.checkpoint_paths.get(name) or models.weights_path(models.get(name), self.checkpoint_dir)

    def model_names(self) -> List[str]:
        """Segmenters: registered, and added with ``add_backend``."""
        added = [n for n, b in self._backends.items() if not is_detector(b)]
        return list(dict.fromkeys([*models.names("segmenter"), *added]))

    def loaded(self, model: str) -> bool:
        return model in self._backends

    def model_statuses(self) -> List[models.ModelStatus]:
        """Every registered model with its state as this service sees it (the file it
        was given counts as present; see ``models.statuses``)."""
        return models.statuses(self.checkpoint_dir, self.checkpoint_paths, self._backends)

    # ------------------------------------------------------------ embeddings

    def load_image(self, source: ImageSource, content_key: Optional[str] = None) -> LoadedImage:
        """Normalise any accepted source (see ``images``) under this service's pixel limit;
        a ``LoadedImage`` is returned as is.

        Recent files are remembered by (path, size, modification time), or by
        ``content_key`` when the caller knows one (a hash of the file's bytes), so a client
        sending the same file with every prompt does not pay for decoding and hashing it
        each time. Loaded images (up to ``image_cache_bytes`` of pixels, least recently
        used out first) can be fetched again by their ``image_id``."""
        if isinstance(source, LoadedImage):
            return source
        if isinstance(source, ImageRef):
            return self.image_by_id(source.image_id)
        file_key = None
        if isinstance(source, (str, os.PathLike)):
            try:
                info = os.stat(source)
            except OSError:
                return load_image(source, self.max_pixels)  # says what is wrong with the path
            file_key = (("content", content_key) if content_key
                        else (os.path.realpath(source), info.st_size, info.st_mtime_ns))
            with self._cache_lock:
                known = self._images.get(self._files.get(file_key, ""))
            if known is not None:
                return known
        image = load_image(source, self.max_pixels)
        token = self.image_id(image)
        with self._cache_lock:
            if image.pixels.nbytes <= self._images.maxsize:
                self._images[token] = image
            if file_key is not None:
                self._files[file_key] = token
        return image

    def image_ref(self, image: LoadedImage) -> ImageRef:
        """``image`` kept in the image store, by reference (``images.ImageRef``); LimitError
        when it is larger than the whole store."""
        token = self.image_id(image)
        with self._cache_lock:
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

    def image_by_id(self, image_id: str) -> LoadedImage:
        """A recently loaded image by its ``image_id`` (see ``image_id``)."""
        with self._cache_lock:
            image = self._images.get(image_id)
        if image is None:
            raise ImageError(f"unknown image_id {shorten(image_id)}: it was never sent to this server, or it has left the "
                             f"cache of recent images ({self._images.maxsize / 2**20:.0f} MB: --image-cache-mb or "
                             "SAM_IMAGE_CACHE_MB raises it); send the image again")
        return image

    def embedding(self, image: ImageSource, model: Optional[str] = None):
        """The cached embedding of ``image`` for ``model`` (a segmenter, or a loaded text
        model that has one: SAM 3), encoding it at most once (once per ``cache_owner``)."""
        image = self.load_image(image)
        backend = self._backends[model] if is_detector(self._backends.get(model)) else self.backend(model)
        key = (backend.name, image.digest, self.cache_owner() if self.cache_owner else None)
        with self._cache_lock:
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
            size = sum(v.nbytes for v in self._cache.values())
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
        budget_s: Optional[float] = None,
    ) -> SegmentResult:
        """Segment already-built object prompts (see ``prompts.build_objects``),
        ``DECODE_CHUNK`` objects at a time. budget_s: seconds the decoding may take
        (None: no limit), checked between chunks (``limits.Deadline``; the image's
        encoding, once per image, is not counted); LimitError when over."""
        loaded = self.load_image(image)
        objects, results = list(objects), []
        check_memory(len(objects), 3 if multimask else 1, loaded.height, loaded.width, return_logits, DECODE_CHUNK)
        backend = self.backend(model)
        embedding = self.embedding(loaded, backend.name)
        deadline = Deadline(budget_s, "request_seconds")
        with out_of_memory_as_error():
            for start in range(0, len(objects), DECODE_CHUNK):
                deadline.check(start, len(objects), "objects")
                chunk = objects[start:start + DECODE_CHUNK]
                results += backend.decode(embedding, chunk, multimask, return_logits)
        self._trim_now_and_then()
        return SegmentResult((loaded.height, loaded.width), backend.name, results)

    def _trim_now_and_then(self) -> None:
        """Give freed memory back to the system at most every ``TRIM_EVERY_S`` seconds."""
        now = time.monotonic()
        if now - self._trimmed_at >= TRIM_EVERY_S:
            self._trimmed_at = now
            release_memory()

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
        budget_s: Optional[float] = None,
    ) -> SegmentResult:
        """Segment ``image`` with array prompts.

        points: Nx2 (X, Y) pixels. labels: N of 1 (foreground) / 0 (background), default
        all 1. boxes: Bx4 XYXY pixels; each box is one object and takes the points inside
        it. mask_input: previous low-res logits, 1x256x256 (or Kx1x256x256 for K objects).
        multimask: 3 candidates per object instead of 1. return_logits: also return
        full-size float logits. budget_s: see ``segment_objects``.
        """
        loaded = self.load_image(image)
        objects = build_objects(points, labels, boxes, (loaded.height, loaded.width), mask_input)
        return self.segment_objects(loaded, objects, multimask, return_logits, model, budget_s)

    def segment_text(
        self,
        image: ImageSource,
        points: str = "",
        labels: str = "",
        boxes: str = "",
        multimask: bool = False,
        model: Optional[str] = None,
        budget_s: Optional[float] = None,
    ) -> SegmentResult:
        """Segment with prompt text in the original UI's syntax (see ``prompts``)."""
        loaded = self.load_image(image)
        objects = parse_prompt(points, labels, boxes, (loaded.height, loaded.width))
        return self.segment_objects(loaded, objects, multimask, False, model, budget_s)


def is_detector(backend) -> bool:
    """Whether a loaded or added model is a text model (``Backend.kind``; a backend
    from elsewhere that does not say is a segmenter)."""
    return getattr(backend, "kind", "segmenter") == "detector"


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
