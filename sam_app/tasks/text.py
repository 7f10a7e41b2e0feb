"""Text prompts: "dog, red car" -> one object per instance found, with its mask, box,
phrase and score. The route here is a grounding detector (Grounding DINO or OWLv2)
whose boxes the current segmenter turns into masks (the Grounded-SAM recipe); the
instances are ordinary objects afterwards: clicks refine them and they export as any.

Phrases are separated by commas, semicolons or new lines. Points and boxes given with the
text narrow it: with boxes, only instances whose box centre lies in one of them are kept;
with foreground points, only instances whose box holds one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np

from ..backends.detector import Detections
from ..errors import PromptError
from ..prompts import ObjectPrompt
from ..service import SegmentResult

MAX_PHRASES = 16
MAX_PHRASE_CHARS = 120
_SPLIT = re.compile(r"[,;\n]+")


def parse_phrases(text: Optional[str]) -> List[str]:
    """"dog, red car" -> ["dog", "red car"] (lower case, spaces collapsed, duplicates
    dropped); PromptError for an empty prompt, a phrase with no letter or digit, or
    too many or too long phrases."""
    phrases: List[str] = []
    for raw in _SPLIT.split(text or ""):
        phrase = " ".join(raw.split()).lower()
        if not phrase:
            continue
        if not any(c.isalnum() for c in phrase):
            raise PromptError(f"text: {raw.strip()!r} has no letter or digit; describe what to find, e.g. 'dog' or "
                              "'red car'")
        if len(phrase) > MAX_PHRASE_CHARS:
            raise PromptError(f"text: a phrase of {len(phrase)} characters; at most {MAX_PHRASE_CHARS} per phrase "
                              "(name the thing, e.g. 'red car')")
        if phrase not in phrases:
            phrases.append(phrase)
    if not phrases:
        raise PromptError("text: the prompt is empty; type what to find, e.g. 'dog' or 'dog, red car' "
                          "(phrases separated by commas)")
    if len(phrases) > MAX_PHRASES:
        raise PromptError(f"text: {len(phrases)} phrases; at most {MAX_PHRASES} at once")
    return phrases


def narrow(found: Detections, points: Optional[np.ndarray] = None, labels: Optional[np.ndarray] = None,
           boxes: Optional[np.ndarray] = None) -> Detections:
    """Keep the detections that the points (Nx2 X, Y; labels N, 1 = foreground) and
    boxes (Bx4 XYXY) select, as the module docstring says."""
    keep = np.ones(len(found.scores), bool)
    if boxes is not None and len(boxes):
        centres = (found.boxes[:, :2] + found.boxes[:, 2:]) / 2
        inside = [(centres[:, 0:1] >= b[0]) & (centres[:, 0:1] <= b[2]) & (centres[:, 1:2] >= b[1])
                  & (centres[:, 1:2] <= b[3]) for b in np.asarray(boxes, np.float32)]
        keep &= np.any(np.hstack(inside), axis=1)
    if points is not None and len(points):
        fg = np.asarray(points, np.float32)[np.asarray(labels if labels is not None else np.ones(len(points))) == 1]
        if len(fg):
            b = found.boxes[:, None, :]
            holds = (fg[None, :, 0] >= b[..., 0]) & (fg[None, :, 0] <= b[..., 2]) & \
                    (fg[None, :, 1] >= b[..., 1]) & (fg[None, :, 1] <= b[..., 3])
            keep &= holds.any(axis=1)
    index = np.flatnonzero(keep)
    return Detections(found.boxes[index], found.scores[index], [found.labels[i] for i in index])


@dataclass
class TextResult(SegmentResult):
    """A ``SegmentResult`` (image_size, model: the segmenter, objects: one per instance,
    best score first, each prompted by its box clipped to the image; a box with no area
    inside the image is dropped) and what the text adds: detector: its name; phrases:
    what was asked; labels: the phrase each instance answers; scores: N detection scores;
    boxes: Nx4 XYXY as detected."""

    detector: str
    phrases: List[str]
    labels: List[str]
    scores: np.ndarray
    boxes: np.ndarray


def segment_phrases(service, image, text: str, threshold: float = 0.3, max_instances: int = 20,
                    detector: Optional[str] = None, model: Optional[str] = None,
                    points: Optional[Sequence] = None, labels: Optional[Sequence] = None,
                    boxes: Optional[Sequence] = None, multimask: bool = False,
                    budget_s: Optional[float] = None) -> TextResult:
    """Find ``text``'s phrases in ``image`` with ``detector`` (None: the service's first
    present), keep those scoring at least ``threshold`` (0-1), at most ``max_instances``,
    narrowed by points / boxes, and segment each from its box with ``model``."""
    if not 0.0 <= float(threshold) <= 1.0:
        raise PromptError(f"text threshold {threshold} is outside 0-1")
    if int(max_instances) < 1:
        raise PromptError(f"max instances must be at least 1, got {max_instances}")
    phrases = parse_phrases(text)
    loaded = service.load_image(image)
    finder = service.detector(detector)
    found = finder.detect(loaded.pixels, phrases, float(threshold))
    found = narrow(found, None if points is None else np.asarray(points, np.float32).reshape(-1, 2),
                   None if labels is None else np.asarray(labels), None if boxes is None else np.asarray(boxes))
    height, width = loaded.height, loaded.width
    clipped = np.clip(found.boxes, 0, [width, height, width, height]).astype(np.float32)
    inside = np.flatnonzero((clipped[:, 2] > clipped[:, 0]) & (clipped[:, 3] > clipped[:, 1]))  # any area in the image
    found = Detections(found.boxes[inside], found.scores[inside], [found.labels[i] for i in inside])
    found, clipped = found.top(int(max_instances)), clipped[inside][:int(max_instances)]
    prompts = [ObjectPrompt(box=box) for box in clipped]
    result = service.segment_objects(loaded, prompts, multimask, model=model, budget_s=budget_s) if prompts else None
    return TextResult((height, width), result.model if result else service.resolve_model_name(model),
                      result.objects if result else [], finder.name, phrases, found.labels, found.scores, found.boxes)
