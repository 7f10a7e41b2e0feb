"""Text prompts: "dog, red car" -> one object per instance found, with its mask, box,
phrase and score, by one of two routes (the text model, ``service.detector``):

- SAM 3, end to end: it finds and segments every instance of each phrase;
- a grounding detector (Grounding DINO or OWLv2) whose boxes the current segmenter turns
  into masks (the Grounded-SAM recipe).

Either way the instances are ordinary objects afterwards, prompted by their box: clicks
refine them (with the segmenter) and they export as any.

Phrases are separated by commas, semicolons or new lines. Points and boxes given with the
text narrow it: with foreground points, only instances whose box holds one of them are
kept; boxes are SAM 3's exemplars (find things like the boxed one), and with a detector
only instances whose box centre lies in one of them are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np

from ..backends.base import ObjectResult
from ..backends.detector import Detections
from ..errors import PromptError, shorten
from ..prompts import ObjectPrompt, points_in_boxes
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
            raise PromptError(f"text: {shorten(raw.strip())} has no letter or digit; describe what to find, e.g. "
                              "'dog' or 'red car'")
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


def asked_phrase(label: str, phrases: Sequence[str]) -> str:
    """Which of the asked ``phrases`` a detection labelled ``label`` answers: the label
    itself, else the first phrase inside it (Grounding DINO labels a box with the caption
    words it matched, e.g. "red car" or "cup red"), else the first phrase."""
    if label in phrases:
        return label
    return next((p for p in phrases if p in label), phrases[0])


def narrow(found: Detections, points: Optional[np.ndarray] = None, labels: Optional[np.ndarray] = None,
           boxes: Optional[np.ndarray] = None) -> Detections:
    """Keep the detections that the points (Nx2 X, Y; labels N, 1 = foreground) and
    boxes (Bx4 XYXY) select, as the module docstring says."""
    keep = np.ones(len(found.scores), bool)
    if boxes is not None and len(boxes):
        keep &= points_in_boxes((found.boxes[:, :2] + found.boxes[:, 2:]) / 2, boxes).any(axis=1)
    if points is not None and len(points):
        fg = np.asarray(points, np.float32)[np.asarray(labels if labels is not None else np.ones(len(points))) == 1]
        if len(fg):
            keep &= points_in_boxes(fg, found.boxes).any(axis=0)
    return found.take(np.flatnonzero(keep))


@dataclass(eq=False)
class TextResult(SegmentResult):
    """A ``SegmentResult`` (image_size, model: what made the masks, the segmenter or SAM 3;
    objects: one per instance, best score first, each prompted by its box clipped to the
    image, a box with no area inside the image dropped; SAM 3's masks have NaN predicted
    IoU) and what the text adds: detector: the text model's name; phrases:
    what was asked; labels: the phrase each instance answers; scores: N detection scores;
    boxes: Nx4 XYXY as detected."""

    detector: str
    phrases: List[str]
    labels: List[str]
    scores: np.ndarray
    boxes: np.ndarray

    @property
    def notes(self) -> List[Tuple[str, float]]:
        """(phrase, detection score) per object, for ``results.add_text``."""
        return [(label, float(score)) for label, score in zip(self.labels, self.scores)]


@dataclass
class Instances:
    """What a text prompt found in an image, before any segmenter. detector: the text
    model's name; phrases: what was asked; found: the detections as the model gave them
    (best first; boxes may reach past the image's edges; masks from SAM 3); boxes: Nx4
    float32 XYXY, the same boxes clipped to the image (H, W = image_size): the objects'
    prompts."""

    detector: str
    phrases: List[str]
    found: Detections
    boxes: np.ndarray
    image_size: Tuple[int, int]

    def mask_results(self) -> Optional[List[ObjectResult]]:
        """SAM 3's masks as objects prompted by their clipped box (it predicts no IoU:
        NaN); None when the text model gave boxes only."""
        if self.found.masks is None:
            return None
        return [ObjectResult(ObjectPrompt(box=box), np.array([np.nan], np.float32), None, 0, self.image_size,
                             masks=mask[None]) for box, mask in zip(self.boxes, self.found.masks)]


def find_phrases(service, image, text: str, threshold: float = 0.3, max_instances: int = 20,
                 detector: Optional[str] = None, points: Optional[Sequence] = None,
                 labels: Optional[Sequence] = None, boxes: Optional[Sequence] = None) -> Instances:
    """Find ``text``'s phrases in ``image`` with text model ``detector`` (None: the
    service's choice), keep those scoring at least ``threshold`` (0-1) whose box has some
    area in the image, narrowed by points (Nx2 X, Y; labels N) and boxes (Bx4 XYXY) as the
    module docstring says, at most ``max_instances``, best first."""
    if not 0.0 <= float(threshold) <= 1.0:
        raise PromptError(f"text threshold {threshold} is outside 0-1")
    if int(max_instances) < 1:
        raise PromptError(f"max instances must be at least 1, got {max_instances}")
    phrases = parse_phrases(text)
    loaded = service.load_image(image)
    finder = service.detector(detector)
    points = None if points is None else np.asarray(points, np.float32).reshape(-1, 2)
    labels = None if labels is None else np.asarray(labels)
    boxes = None if boxes is None else np.asarray(boxes, np.float32).reshape(-1, 4)
    if hasattr(finder, "encode"):  # SAM 3: its features cached like an embedding; boxes are its exemplars
        embedding = service.embedding(loaded, finder.name)
        found = finder.detect(loaded.pixels, phrases, float(threshold), embedding=embedding, exemplars=boxes)
        found = narrow(found, points, labels)
    else:
        found = narrow(finder.detect(loaded.pixels, phrases, float(threshold)), points, labels, boxes)
    height, width = loaded.height, loaded.width
    clipped = np.clip(found.boxes, 0, [width, height, width, height]).astype(np.float32)
    inside = np.flatnonzero((clipped[:, 2] > clipped[:, 0]) & (clipped[:, 3] > clipped[:, 1]))[:int(max_instances)]
    return Instances(finder.name, phrases, found.take(inside), clipped[inside], (height, width))


def segment_phrases(service, image, text: str, threshold: float = 0.3, max_instances: int = 20,
                    detector: Optional[str] = None, model: Optional[str] = None,
                    points: Optional[Sequence] = None, labels: Optional[Sequence] = None,
                    boxes: Optional[Sequence] = None, multimask: bool = False,
                    budget_s: Optional[float] = None) -> TextResult:
    """``find_phrases``, then each instance segmented from its clipped box with ``model``
    unless the text model gave masks (SAM 3: ``model`` is then not used)."""
    loaded = service.load_image(image)
    found = find_phrases(service, loaded, text, threshold, max_instances, detector, points, labels, boxes)
    objects, segmenter = found.mask_results(), found.detector
    if objects is None and len(found.boxes):
        result = service.segment_objects(loaded, [ObjectPrompt(box=box) for box in found.boxes], multimask,
                                         model=model, budget_s=budget_s)
        objects, segmenter = result.objects, result.model
    elif objects is None:
        objects, segmenter = [], service.resolve_model_name(model)
    detected = found.found
    return TextResult(found.image_size, segmenter, objects, found.detector, found.phrases, detected.labels,
                      detected.scores, detected.boxes)
