"""``SamService``: the thin facade that the UI, the CLI, the tasks and batch call, over
a model pool (``pool``), an image store (``image_store``) and an embedding cache
(``embeddings``)."""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..backends.base import Backend, ObjectResult
from ..capabilities import Capabilities
from ..devices import release_memory
from ..errors import ResourceError, SamAppError
from ..images import DEFAULT_MAX_PIXELS, ImageRef, ImageSource, LoadedImage
from ..limits import LIMITS, Deadline, check_memory
from ..prompts import ObjectPrompt, build_objects, parse_prompt
from ..regions import Region
from .embeddings import EmbeddingCache
from .image_store import ImageStore
from .pool import ModelPool, is_detector
from .sessions import Sessions

DEFAULT_CACHE_SIZE = int(os.environ.get("SAM_EMBEDDING_CACHE", 16))
# Decoded images kept for image_by_id and files sent again, by their pixels' size: 1 GB
# holds about 28 images of 12 MP or 340 of 1 MP.
IMAGE_CACHE_BYTES = int(float(os.environ.get("SAM_IMAGE_CACHE_MB", 1024)) * 2**20)
TRIM_EVERY_S = 10  # see release_memory
DECODE_CHUNK = 32  # objects decoded at once: the decoder's memory grows with the batch


@dataclass(eq=False)
class SegmentResult:
    """image_size: (H, W). model: the backend's name. objects: one per object prompt.
    region: the region of interest the objects were segmented in (``regions``), or None."""

    image_size: Tuple[int, int]
    model: str
    objects: List[ObjectResult]
    region: Optional[Region] = field(default=None, kw_only=True)

    @property
    def nbytes(self) -> int:
        """Bytes its objects hold (``ObjectResult.nbytes``)."""
        return sum(o.nbytes for o in self.objects)


def _told(part: str, name: str, doc: str) -> property:
    """A read-only attribute of the facade that one of its parts holds."""
    return property(lambda self: getattr(getattr(self, part), name), doc=doc)


class SamService:
    """See the package docstring. All arguments are optional:

    model_type: the default model (a registry name: vit_h | vit_l | vit_b | classical |
      ...); None = the first model whose checkpoint is found (costly first on CUDA,
      cheap first elsewhere), or the model an explicit ``checkpoint`` holds.
    checkpoint: an explicit file (or folder) for the default model.
    checkpoint_dir: where official files are looked for (see ``checkpoints``).
    device: auto | cpu | cuda | cuda:N | mps. precision: auto | fp32 | bf16 | fp16.
    decoder: auto | torch | onnx | fast | fast-bf16 | fast-fp16 | fast-int8 (SAM 1's prompt decoder,
    see ``SamBackend``).
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

    def __init__(self, model_type: Optional[str] = None, checkpoint: Optional[os.PathLike] = None,
                 checkpoint_dir: Optional[os.PathLike] = None, device: str = "auto", precision: str = "auto",
                 cache_size: int = DEFAULT_CACHE_SIZE, max_pixels: int = DEFAULT_MAX_PIXELS,
                 allow_fallback: bool = True, decoder: str = "auto", attention: str = "sdpa",
                 image_cache_bytes: int = IMAGE_CACHE_BYTES,
                 cache_owner: Optional[Callable[[], Optional[str]]] = None):
        if cache_size < 1:
            raise SamAppError(f"cache size must be at least 1, got {cache_size}")
        self.models = ModelPool(model_type, checkpoint, checkpoint_dir, device, precision, decoder, attention,
                                allow_fallback)
        self.images = ImageStore(max_pixels, image_cache_bytes)
        self.embeddings = EmbeddingCache(cache_size, cache_owner)
        self.cache_size, self.max_pixels = cache_size, max_pixels
        self._trimmed_at = 0.0
        # videos being tracked (browser tabs and API calls), bounded and closed when idle
        self.videos = Sessions("video", LIMITS.max_video_sessions, LIMITS.session_ttl)

    # ------------------------------------------------------------ what the parts say

    device = _told("models", "device", "the torch.device models run on")
    precision = _told("models", "precision", "the image encoders' precision: fp32 | bf16 | fp16")
    decoder = _told("models", "decoder", "SAM 1's prompt decoder asked for: one of DECODERS")
    checkpoint_dir = _told("models", "checkpoint_dir", "where official files are looked for")
    checkpoint_paths = _told("models", "checkpoint_paths", "model name -> the explicit file it loads from")
    using_fallback = _told("models", "using_fallback", "whether the default is the fallback for want of a checkpoint")
    encode_count = _told("embeddings", "encode_count", "image encodings actually run (cache misses)")

    # ------------------------------------------------------------ models

    def add_backend(self, backend: Backend, default: bool = False) -> None:
        """Register a ready backend under ``backend.name`` (e.g. a custom model), or a
        ready text model (``backends.detector.Detector``, ``backends.sam3.Sam3Backend``)."""
        self.models.add(backend, default)

    def resolve_model_name(self, model: Optional[str] = None) -> str:
        """The name a request for ``model`` (None = default) will run on (``ModelPool.resolve``)."""
        return self.models.resolve(model)

    def backend(self, model: Optional[str] = None) -> Backend:
        """The loaded segmenter ``model`` (None = default), loading it once if needed."""
        return self.models.segmenter(model)

    def detector(self, name: Optional[str] = None):
        """The loaded text model ``name`` (None: the service's choice; ``ModelPool.text_model``)."""
        return self.models.text_model(name)

    def text_model_name(self) -> Optional[str]:
        """The text model a text prompt naming none would use, or None (nothing is loaded)."""
        return self.models.text_model_name()

    def require(self, model: Optional[str], capability: str) -> str:
        """``model``'s resolved name, or the one-line refusal when it cannot do ``capability``."""
        return self.models.require(model, capability)

    def capabilities(self, model: Optional[str] = None) -> Capabilities:
        return self.models.capabilities(self.models.resolve(model))

    def weights_path(self, name: str) -> Optional[Path]:
        return self.models.weights_path(name)

    def model_names(self) -> List[str]:
        """Segmenters: registered, and added with ``add_backend``."""
        return self.models.names()

    def text_model_names(self) -> List[str]:
        """Text models: registered, and added with ``add_backend``."""
        return self.models.text_names()

    def tracker(self, video, model: Optional[str] = None, window: Optional[int] = -1):
        """A ``tasks.tracking.Tracker`` of ``video`` (a ``video.Video``) on ``model``
        (None: the first video model present; ``ModelPool.video_name``)."""
        from ..tasks.tracking import Tracker

        name, video_model, processor = self.models.video_model(model)
        return Tracker(video_model, processor, video, window, str(self.models.device), model_name=name)

    def text_tracker(self, video, model: Optional[str] = None):
        """A ``tasks.text_tracking.TextTracker`` of ``video``: what phrases name, found and
        tracked by ``model`` (None: the first present that declares ``video_text``, SAM 3)."""
        from ..tasks.text_tracking import TextTracker

        name, video_model, processor = self.models.video_model(model, text=True)
        return TextTracker(video_model, processor, video, str(self.models.device), model_name=name)

    def loaded(self, model: str) -> bool:
        return self.models.is_loaded(model)

    def model_statuses(self):
        """Every registered model with its state as this service sees it."""
        return self.models.statuses()

    # ------------------------------------------------------------ images and embeddings

    def load_image(self, source: ImageSource, content_key: Optional[str] = None) -> LoadedImage:
        """Normalise any accepted source under this service's pixel limit (``ImageStore.load``)."""
        return self.images.load(source, content_key)

    def image_ref(self, image: LoadedImage) -> ImageRef:
        """``image`` kept in the image store, by reference (``images.ImageRef``)."""
        return self.images.ref(image)

    def image_id(self, image: LoadedImage) -> str:
        """The id clients send instead of ``image`` (``ImageStore.image_id``)."""
        return self.images.image_id(image)

    def image_by_id(self, image_id: str) -> LoadedImage:
        return self.images.by_id(image_id)

    def embedding(self, image: ImageSource, model: Optional[str] = None):
        """The cached embedding of ``image`` for ``model`` (a segmenter, or a loaded text
        model that has one: SAM 3), encoding it at most once."""
        image = self.load_image(image)
        added = self.models.added(model)
        backend = added if is_detector(added) else self.backend(model)

        def encode(pixels):
            with out_of_memory_as_error():
                return backend.encode(pixels)

        return self.embeddings.get(image, backend, encode)

    def encode(self, image: ImageSource, model: Optional[str] = None) -> LoadedImage:
        """Load and encode ``image`` ahead of prompts (e.g. on upload); returns it loaded."""
        loaded = self.load_image(image)
        self.embedding(loaded, model)
        return loaded

    def cache_info(self) -> Dict[str, int]:
        """entries, bytes of cached embeddings, and encodings run so far."""
        return self.embeddings.info()

    def clear_cache(self) -> None:
        self.embeddings.clear()

    # ------------------------------------------------------------ prompts -> masks

    def segment_objects(self, image: ImageSource, objects: Sequence[ObjectPrompt], multimask: bool = False,
                        return_logits: bool = False, model: Optional[str] = None,
                        budget_s: Optional[float] = None, region=None) -> SegmentResult:
        """Segment already-built object prompts (see ``prompts.build_objects``),
        ``DECODE_CHUNK`` objects at a time. budget_s: seconds the decoding may take
        (None: no limit), checked between chunks (``limits.Deadline``; the image's
        encoding, once per image, is not counted); LimitError when over. The request's
        memory is checked first (``limits.check_memory``); a mask input needs a model that
        declares it (the one-line refusal otherwise). region: a ``regions.Region``, or
        "X1 Y1 X2 Y2" in pixels, to segment inside at full resolution (the prompts must lie
        in it; the masks come back in the whole image), None for the whole image."""
        loaded = self.load_image(image)
        size = (loaded.height, loaded.width)
        objects, results = list(objects), []
        check_memory(len(objects), 3 if multimask else 1, loaded.height, loaded.width, return_logits, DECODE_CHUNK)
        backend = self.backend(model)
        if any(o.mask_input is not None for o in objects):
            self.require(backend.name, "mask_input")
        if not isinstance(region, Region):
            region = Region.parse(region, size)
        seen, prompts = (loaded, objects) if region is None else (region.crop(loaded), region.into(objects))
        embedding = self.embedding(seen, backend.name)
        deadline = Deadline(budget_s, "request_seconds")
        with out_of_memory_as_error():
            for start in range(0, len(prompts), DECODE_CHUNK):
                deadline.check(start, len(prompts), "objects")
                chunk = prompts[start:start + DECODE_CHUNK]
                results += backend.decode(embedding, chunk, multimask, return_logits)
        if region is not None:
            results = [region.place(r, o, size) for r, o in zip(results, objects)]
        self._trim_now_and_then()
        return SegmentResult(size, backend.name, results, region=region)

    def _trim_now_and_then(self) -> None:
        """Give freed memory back to the system at most every ``TRIM_EVERY_S`` seconds."""
        now = time.monotonic()
        if now - self._trimmed_at >= TRIM_EVERY_S:
            self._trimmed_at = now
            release_memory()

    def segment(self, image: ImageSource, points: Optional[np.ndarray] = None, labels: Optional[np.ndarray] = None,
                boxes: Optional[np.ndarray] = None, mask_input: Optional[np.ndarray] = None, multimask: bool = False,
                return_logits: bool = False, model: Optional[str] = None,
                budget_s: Optional[float] = None, region=None) -> SegmentResult:
        """Segment ``image`` with array prompts.

        points: Nx2 (X, Y) pixels. labels: N of 1 (foreground) / 0 (background), default
        all 1. boxes: Bx4 XYXY pixels; each box is one object and takes the points inside
        it. mask_input: previous low-res logits, 1x256x256 (or Kx1x256x256 for K objects).
        multimask: 3 candidates per object instead of 1. return_logits: also return
        full-size float logits. budget_s, region: see ``segment_objects``.
        """
        loaded = self.load_image(image)
        objects = build_objects(points, labels, boxes, (loaded.height, loaded.width), mask_input)
        return self.segment_objects(loaded, objects, multimask, return_logits, model, budget_s, region)

    def segment_text(self, image: ImageSource, points: str = "", labels: str = "", boxes: str = "",
                     multimask: bool = False, model: Optional[str] = None,
                     budget_s: Optional[float] = None, region=None) -> SegmentResult:
        """Segment with prompt text in the original UI's syntax (see ``prompts``)."""
        loaded = self.load_image(image)
        objects = parse_prompt(points, labels, boxes, (loaded.height, loaded.width))
        return self.segment_objects(loaded, objects, multimask, False, model, budget_s, region)


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
        except Exception:  # noqa: BLE001 - best effort
            pass
        raise ResourceError(
            "out of memory while running the model; try a smaller image (--max-pixels), "
            "a smaller model (vit_b), or --device cpu"
        ) from None
