"""What every backend returns, and the interface the service relies on."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, List, Optional, Protocol, Sequence, Tuple

import cv2
import numpy as np

from ..capabilities import PROMPTS, Capabilities
from ..prompts import ObjectPrompt


def resize_mask(mask: np.ndarray, size: Tuple[int, int]) -> np.ndarray:
    """HxW bool -> (h, w) bool, nearest pixel; the same array when the size matches."""
    if mask.shape == tuple(size):
        return mask
    return cv2.resize(mask.view(np.uint8), (size[1], size[0]), interpolation=cv2.INTER_NEAREST).view(bool)


def upscale_logits(low_res: np.ndarray, input_size: Tuple[int, int], original_size: Tuple[int, int],
                   frame_size: int = 1024) -> np.ndarray:
    """256x256 float32 low-res logits -> HxW float32 logits at the image size, as
    ``Sam.postprocess_masks`` does (bilinear to the frame_size square input frame, crop
    the padding to input_size (h, w), bilinear to original_size (H, W)), but with OpenCV
    (faster than PyTorch on the CPU: docs/performance.md)."""
    frame = cv2.resize(low_res, (frame_size, frame_size), interpolation=cv2.INTER_LINEAR)
    frame = frame[: input_size[0], : input_size[1]]
    return cv2.resize(frame, (original_size[1], original_size[0]), interpolation=cv2.INTER_LINEAR)


def decode_by_shape(objects: List[ObjectPrompt], low_res: Callable, result: Callable,
                    separate_masks: bool = False) -> List["ObjectResult"]:
    """Decode ``objects`` one batch per prompt shape (point count, box or not, mask input
    or not; with separate_masks, each object with a mask input by itself).
    low_res(batch) -> (scores KxC, low-res logits KxCx256x256); result(object, scores C,
    low-res Cx256x256) -> ObjectResult. Returns the results in the objects' order."""
    groups = defaultdict(list)
    for index, obj in enumerate(objects):
        mask = obj.mask_input is not None
        groups[(len(obj.points), obj.box is not None, mask, index if mask and separate_masks else -1)].append(index)
    results: List[ObjectResult] = [None] * len(objects)  # type: ignore[list-item]
    for indices in groups.values():
        batch = [objects[i] for i in indices]
        for i, obj, obj_scores, obj_low_res in zip(indices, batch, *low_res(batch)):
            results[i] = result(obj, obj_scores, obj_low_res)
    return results



def decode_points(low_res: Callable, points: np.ndarray, batch: int, dtype=np.float32):
    """Segment everything's prompts, one foreground point each (points: Nx2 (X, Y) image
    pixels), ``batch`` a call through low_res(prompts) -> (scores KxC, low-res logits
    KxCx256x256). Returns (scores NxC, low-res logits NxCx256x256 as ``dtype``)."""
    objects = [ObjectPrompt(np.asarray([xy], np.float32), np.ones(1, np.int32)) for xy in points]
    parts = [low_res(objects[start:start + batch]) for start in range(0, len(objects), batch)]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1].astype(dtype, copy=False) for p in parts])

class ObjectResult:
    """Masks for one object, at the original image size, made when asked for.

    scores: C float32 predicted IoU (C = 3 with multimask, else 1; NaN where the backend
    has no score). best: index of the highest score. low_res_logits: Cx256x256 float32,
    feed one back as ``mask_input`` to refine (None where the backend has none). logits:
    CxHxW float32 before thresholding, only when asked for.

    source: "model", or "edited" for a mask a person changed by hand (``edited``).
    region: the ``regions.Region`` it was segmented in, or None: the whole image.

    Masks come either ready (``masks``: CxHxW bool, kept run-length encoded) or from
    ``upscale(candidate, (h, w)) -> hxw bool``, run for a candidate each time it is used
    and not kept: a click in the web UI shows one candidate at screen size, and a result
    of 256 objects on a 36 MP image must not hold 256 full-size masks (docs/security.md).
    """

    def __init__(self, prompt: ObjectPrompt, scores: np.ndarray, low_res_logits: Optional[np.ndarray], best: int,
                 image_size: Tuple[int, int], masks: Optional[np.ndarray] = None,
                 upscale: Optional[Callable[[int, Tuple[int, int]], np.ndarray]] = None,
                 logits: Optional[np.ndarray] = None, source: str = "model"):
        from pycocotools import mask as mask_utils

        if masks is None and upscale is None:
            raise ValueError("an ObjectResult needs masks or an upscale function")
        self.prompt, self.scores, self.low_res_logits, self.best = prompt, scores, low_res_logits, best
        self.image_size, self.logits, self._upscale = tuple(image_size), logits, upscale
        self.source, self.region = source, None
        self._rles = None if masks is None else [mask_utils.encode(np.asfortranarray(m.astype(np.uint8)))
                                                 for m in masks]

    @classmethod
    def from_low_res(cls, prompt: ObjectPrompt, scores: np.ndarray, low_res: np.ndarray, image_size: Tuple[int, int],
                     to_logits: Callable[[np.ndarray, Tuple[int, int]], np.ndarray], threshold: float,
                     return_logits: bool) -> "ObjectResult":
        """scores C, low_res Cx256x256 -> an ObjectResult whose masks are upscaled from
        low_res when used (full-size float logits of a large image are big).
        to_logits(256x256 logits, (h, w)) -> hxw float32 logits: the backend's upscaling
        (it must hold no reference to the image's embedding); threshold: mask = logits > it."""
        def upscale(candidate: int, size: Tuple[int, int]) -> np.ndarray:
            return to_logits(low_res[candidate], size) > threshold

        logits = np.stack([to_logits(c, image_size) for c in low_res]) if return_logits else None
        return cls(prompt=prompt, scores=scores, low_res_logits=low_res, best=int(np.argmax(scores)),
                   image_size=image_size, upscale=upscale, logits=logits)

    def edited(self, candidate: int, mask: np.ndarray) -> "ObjectResult":
        """This object with ``mask`` (HxW bool, the image size) in place of candidate
        ``candidate``, as its one mask, kept with that candidate's score and low-res logits
        (source "edited")."""
        low_res = None if self.low_res_logits is None else self.low_res_logits[candidate:candidate + 1]
        edited = ObjectResult(self.prompt, self.scores[candidate:candidate + 1], low_res, 0, self.image_size,
                              masks=mask[None], source="edited")
        edited.region = self.region
        return edited

    def mask(self, candidate: int) -> np.ndarray:
        """HxW bool: one candidate at the image size (made anew at each call: keep it
        while you need it)."""
        if not 0 <= candidate < len(self.scores):
            raise IndexError(f"candidate {candidate} of {len(self.scores)}")
        if self._rles is not None:
            from pycocotools import mask as mask_utils

            return mask_utils.decode(self._rles[candidate]).astype(bool)
        return self._upscale(candidate, self.image_size)

    def mask_at(self, candidate: int, size: Tuple[int, int]) -> np.ndarray:
        """(h, w) bool: one candidate at another size, e.g. the size it is shown at;
        upscaled from the low-res logits directly to that size where it can be."""
        size = tuple(size)
        if size == self.image_size or self._rles is not None:
            return resize_mask(self.mask(candidate), size)
        return self._upscale(candidate, size)

    @property
    def masks(self) -> np.ndarray:
        """CxHxW bool: every candidate at the image size."""
        return np.stack([self.mask(c) for c in range(len(self.scores))])

    @property
    def best_mask(self) -> np.ndarray:
        """HxW bool: the candidate with the highest predicted IoU."""
        return self.mask(self.best)

    @property
    def nbytes(self) -> int:
        """Bytes it holds: low-res logits, kept masks' run lengths, full-size logits."""
        held = sum(a.nbytes for a in (self.low_res_logits, self.logits) if a is not None)
        return held + sum(len(r["counts"]) for r in self._rles or [])


class Embedding(Protocol):
    """What ``Backend.encode`` returns: opaque to everyone but its backend (one tensor
    for SAM 1, several for families with high-resolution features), with its size."""

    @property
    def nbytes(self) -> int:
        """Bytes it holds (host or device memory), for the cache's accounting."""


class Backend:
    """What the service and the tasks call on a model, declared in one place. ``name``
    identifies the model (e.g. "vit_b"); ``device``, ``precision`` and ``decoder`` are
    shown to users; ``capabilities`` says which of the optional methods below it has
    (a front end offers only those); ``encoder_key`` names its image encoder for the
    embedding cache (two backends that share an encoder share embeddings: a model being
    fine-tuned and the model it came from)."""

    name: str = "?"
    kind: str = "segmenter"  # what the service serves it as (``backends.detector.Detector`` says "detector")
    device: str = "cpu"
    precision: str = "fp32"
    decoder: str = "-"
    capabilities: Capabilities = PROMPTS

    @property
    def encoder_key(self) -> str:
        return getattr(self, "_encoder_key", None) or self.name

    def encode(self, pixels: np.ndarray) -> Embedding:
        """pixels: HxWx3 uint8 RGB -> the image's embedding (the heavy step, cached)."""
        raise NotImplementedError

    def decode(
        self, embedding: Embedding, objects: List[ObjectPrompt], multimask: bool, return_logits: bool
    ) -> List[ObjectResult]:
        """One ObjectResult per object, in order (``capabilities.points`` / ``boxes`` /
        ``mask_input`` / ``candidates`` say which prompts and outputs it takes)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- capabilities.everything

    def point_logits(self, embedding: Embedding, points: np.ndarray,
                     min_score: Optional[float] = None) -> Tuple[np.ndarray, np.ndarray]:
        """Segment everything's prompts: one foreground point each, points Nx2 (X, Y) pixels
        of the encoded image -> (scores Nx3, low-res logits Nx3x256x256). A backend may
        leave at zero the logits of prompts whose three scores are all at most
        ``min_score`` (the caller drops those candidates)."""
        raise NotImplementedError

    def full_logits(self, embedding: Embedding, low_res: np.ndarray) -> Iterator[np.ndarray]:
        """Kx256x256 low-res logits -> K HxW float32 logits at the encoded image's size,
        one after another."""
        raise NotImplementedError

    @property
    def mask_threshold(self) -> float:
        """A mask is logits > this."""
        raise NotImplementedError

    # ---------------------------------------------------------------- capabilities.fine_tuning

    def trainee(self, encoder: bool = False) -> "Trainee":
        """A ``Trainee``: a copy of this model to train (its prompt encoder and mask
        decoder; with ``encoder`` its image encoder too), leaving the served model as it is."""
        raise NotImplementedError


Decode = Callable[..., Any]


@dataclass
class Trainee:
    """What fine-tuning needs of a model, made by its backend's ``trainee()``. model: the
    copy whose ``prompt_encoder`` and ``mask_decoder`` train (other parts shared with the
    served model, frozen); frame: the side of its square input (1024), the clicks' frame;
    side: its low-res logits' side (256); stretch: the image fills the square (SAM 2,
    EdgeTAM) instead of being padded (SAM 1, HQ-SAM); decode: (features, points BxNx2
    (X, Y) in the frame and labels BxN, or both None; boxes Bx4 XYXY or None; mask_input
    Bx1xLxL or None; multimask) -> (logits BxCxLxL, predicted IoU BxC), with gradients;
    save(output): the trained model written whole at ``output`` (SAM 1: a state dict;
    transformers: a ``save_pretrained`` folder); serve(name): a Backend that serves the
    copy as it is now (for validation); encoder_input(pixels) -> the image encoder's input
    (where the encoder can train: SAM 1)."""

    model: Any
    frame: int
    side: int
    stretch: bool
    decode: Decode
    save: Callable[[Path], None]
    serve: Callable[[str], Backend]
    encoder_input: Optional[Callable[[np.ndarray], Any]] = None


def writable(pixels: np.ndarray) -> np.ndarray:
    """``pixels`` as a writable array (a copy where the image store's is read-only):
    transformers' processors hand arrays to ``torch.from_numpy``, which warns about every
    read-only one ("The given NumPy array is not writable")."""
    return np.require(pixels, requirements=["W"])


def map_tensors(value, fn):
    """``value`` (a tensor, or dicts and lists of them: an embedding's features) with
    ``fn`` applied to each tensor."""
    if isinstance(value, (list, tuple)):
        return [map_tensors(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: map_tensors(v, fn) for k, v in value.items()}
    return fn(value)


def trainable_copy(model, parts: Sequence[str]):
    """A copy of the torch module ``model`` in which the children named ``parts`` (and any
    child that shares a parameter with them: HQ-SAM ties its prompt encoder's position
    codes to a child of its own) are copies; every other child is shared with ``model``.
    Training the parts leaves the served model as it is and costs their memory only."""
    import copy

    trained = {id(p) for name, child in model.named_children() if name in parts for p in child.parameters()}
    memo = {id(child): child for name, child in model.named_children()
            if name not in parts and not any(id(p) in trained for p in child.parameters())}
    return copy.deepcopy(model, memo)


class HFModel:
    """What every wrapper of a transformers model holds: model (in eval mode on
    ``device``), processor, name (the registry's), torch_device and device (its text),
    precision (of the image encoder: fp32 | bf16 | fp16), and a lock that keeps one
    image at a time in the model (it bounds peak memory)."""

    def __init__(self, model, processor, name: str, device, precision: str = "fp32"):
        import threading

        import torch

        self.model = model.to(device).eval()
        self.processor = processor
        self.name = name
        self.torch_device = torch.device(device)
        self.device = str(self.torch_device)
        self.precision = precision
        self._lock = threading.Lock()

    @property
    def encoder_key(self) -> str:
        """What its embeddings are cached under (``Backend.encoder_key``)."""
        return getattr(self, "_encoder_key", None) or self.name
