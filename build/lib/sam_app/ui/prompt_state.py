"""The Prompt mode's own per-tab state and the pure logic on it: no Gradio import, no
model code. Coordinates are (X, Y) image pixels. Every edit of the prompt is a step of
the Undo history, Clear included, and a step holds the result that went with its prompt
(for the last ``RESULT_STEPS`` steps; an Undo further back clears the result): Undo
gives back the prompt and the masks together, so what is shown and downloaded is always
the result of the prompt in the list.
"""

from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Tuple

import numpy as np

from .. import render
from ..backends.base import ObjectResult
from ..prompts import ObjectPrompt, build_objects, points_in_boxes
from ..service import SegmentResult

FOREGROUND_MODE, BACKGROUND_MODE, BOX_MODE = MODES = ("Foreground point", "Background point", "Box (2 clicks)")
HISTORY = 100  # Undo steps kept
RESULT_STEPS = 10  # of which the last hold their results (the rest give back the prompt alone)


def object_key(obj: ObjectPrompt):
    """What identifies an object across runs: its box, or None for points alone."""
    return None if obj.box is None else tuple(float(v) for v in obj.box)


@dataclass(frozen=True)
class PreviousMask:
    """The prompt that produced an object's picked mask, and that mask's 1x256x256
    low-res logits: fed back as ``mask_input`` when points are added to the object."""

    points: np.ndarray
    labels: np.ndarray
    logits: np.ndarray

    def refines(self, obj: ObjectPrompt) -> bool:
        """True when ``obj`` adds points to this prompt."""
        n = len(self.points)
        return (len(obj.points) > n and np.array_equal(obj.points[:n], self.points)
                and np.array_equal(obj.labels[:n], self.labels))


@dataclass(frozen=True)
class Instance:
    """One instance a text prompt found: box (X1, Y1, X2, Y2) pixels clipped to the
    image, the phrase it answers (as the text model labels it), the text model's score
    and name, the phrases that were asked, and its mask as the text model made it (SAM
    3), else None (the segmenter makes it from the box)."""

    box: Tuple[float, float, float, float]
    phrase: str
    score: float
    detector: str
    asked: Tuple[str, ...]
    result: Optional[ObjectResult] = None


@dataclass(frozen=True)
class Step:
    """What Undo goes back to: the prompt, and the result that went with it (or None)."""

    points: tuple
    boxes: tuple
    pending: Optional[Tuple[float, float]]
    instances: tuple
    result: Optional[SegmentResult]
    choices: tuple


@dataclass
class PromptState:
    """points: [(X, Y, label)] in pixels, label 1 = foreground, 0 = background. boxes:
    [(X1, Y1, X2, Y2)] in pixels. pending: first corner of a box being clicked. history:
    ``Step``s for Undo. result: the last segmentation; choices: the candidate picked for
    each object. previous_masks: per object key (see ``object_key``) its last picked
    mask. instances: what text prompts found; each one's box is in ``boxes`` while it is
    ticked."""

    points: List[Tuple[float, float, int]] = field(default_factory=list)
    boxes: List[Tuple[float, float, float, float]] = field(default_factory=list)
    pending: Optional[Tuple[float, float]] = None
    history: List[Step] = field(default_factory=list)
    result: Optional[SegmentResult] = None
    choices: List[int] = field(default_factory=list)
    previous_masks: Dict[object, PreviousMask] = field(default_factory=dict)
    instances: List[Instance] = field(default_factory=list)

    # ---------------------------------------------------------------- history

    def snapshot(self) -> None:
        """Push the prompt and its result on a new history list."""
        step = Step(tuple(self.points), tuple(self.boxes), self.pending, tuple(self.instances), self.result,
                    tuple(self.choices))
        kept = (self.history + [step])[-HISTORY:]
        self.history = [replace(s, result=None, choices=()) if k < len(kept) - RESULT_STEPS else s
                        for k, s in enumerate(kept)]

    def undo(self) -> bool:
        """Back to the last step, its result with it; False when there is none."""
        if not self.history:
            return False
        step, self.history = self.history[-1], self.history[:-1]
        self.points, self.boxes, self.pending = list(step.points), list(step.boxes), step.pending
        self.instances = list(step.instances)
        if step.result is None:
            self.reset_result()
        else:
            self.take_result(step.result, list(step.choices))
        return True

    def clear(self) -> None:
        """An empty prompt, as one more step (Undo brings the prompt and its masks back)."""
        self.snapshot()
        self.points, self.boxes, self.pending, self.instances = [], [], None, []
        self.reset_result()

    # ---------------------------------------------------------------- the prompt

    def arrays(self):
        """(points Nx2 float32, labels N int32, boxes Bx4 float32)."""
        points = np.array([(x, y) for x, y, _ in self.points], np.float32).reshape(-1, 2)
        labels = np.array([label for _, _, label in self.points], np.int32)
        boxes = np.array(self.boxes, np.float32).reshape(-1, 4)
        return points, labels, boxes

    def objects(self, image_size: Tuple[int, int]) -> List[ObjectPrompt]:
        """The prompt as validated objects on an image of ``image_size`` (H, W), each
        refining its previous mask where it adds points to the prompt that made it."""
        points, labels, boxes = self.arrays()
        objects = build_objects(points, labels, boxes, image_size)
        for obj in objects:
            previous = self.previous_masks.get(object_key(obj))
            if previous is not None and previous.refines(obj):
                obj.mask_input = previous.logits
        return objects

    def reset_result(self) -> None:
        self.result, self.choices, self.previous_masks = None, [], {}

    def take_result(self, result: SegmentResult, choices: Optional[List[int]] = None) -> None:
        """Keep ``result`` with its picked candidates (default the best ones) and
        remember each picked mask for refinement."""
        self.result = result
        self.choices = list(choices) if choices is not None else [o.best for o in result.objects]
        self.previous_masks = {
            object_key(o.prompt): PreviousMask(o.prompt.points, o.prompt.labels, o.low_res_logits[c][None])
            for o, c in zip(result.objects, self.choices) if o.low_res_logits is not None
        }

    # ---------------------------------------------------------------- text instances

    def add_instances(self, phrases: List[str], found: List[Instance]) -> None:
        """A text prompt's answer: the instances found before when any of ``phrases`` was
        asked are replaced (their boxes leave the prompt) by ``found``, whose boxes join
        it."""
        self.snapshot()
        gone = {i.box for i in self.instances if set(phrases) & set(i.asked)}
        kept = [i for i in self.instances if i.box not in gone]
        new = [i for i in found if i.box not in {k.box for k in kept}]
        self.instances = kept + new
        left = [b for b in self.boxes if b not in gone]
        self.boxes = left + [i.box for i in new if i.box not in left]
        self._drop_points_of(gone - set(self.boxes))

    def tick_instances(self, ticked: List[int]) -> None:
        """Keep the instances at ``ticked`` (indices into ``instances``) in the prompt, the
        others out; boxes drawn by hand stay."""
        self.snapshot()
        wanted = {self.instances[i].box for i in ticked}
        unwanted = {i.box for i in self.instances} - wanted
        self.boxes = [b for b in self.boxes if b not in unwanted] + [b for b in wanted if b not in self.boxes]
        self._drop_points_of(unwanted)

    def _drop_points_of(self, boxes) -> None:
        """Drop the points that refined objects in ``boxes`` (boxes gone from the prompt)
        and lie in no box left: they belonged to those objects."""
        xy = [(x, y) for x, y, _ in self.points]
        gone, left = points_in_boxes(xy, list(boxes)).any(axis=1), points_in_boxes(xy, self.boxes).any(axis=1)
        self.points = [p for p, in_gone, in_left in zip(self.points, gone, left) if in_left or not in_gone]

    def instance(self, obj: ObjectPrompt) -> Optional[Instance]:
        """The text instance an object is, or None (an object with points added by hand is
        no longer the text model's answer, but keeps its phrase)."""
        key = object_key(obj)
        return next((i for i in self.instances if i.box == key), None)

    def text_results(self, objects: List[ObjectPrompt]) -> List[Optional[ObjectResult]]:
        """Per object, the text model's own mask result where it made one and the object
        is still just its box; else None (to segment)."""
        found = [self.instance(o) for o in objects]
        return [i.result if i is not None and not len(o.points) else None for o, i in zip(objects, found)]

    # ---------------------------------------------------------------- for people

    def markdown(self, image_name: Optional[str], size: Optional[Tuple[int, int]]) -> str:
        """The prompt list as Markdown, with each marker's colour; ``size`` (H, W) of the
        image (None: no image yet)."""
        if size is None:
            return "_Upload an image or pick an example to start._"
        lines = [f"**Prompt** on {image_name} ({size[1]}x{size[0]})"]
        for i, (x, y, label) in enumerate(self.points, 1):
            kind, rgb = ("foreground", render.FOREGROUND) if label == 1 else ("background", render.BACKGROUND)
            lines.append(f"{i}. {_dot(rgb)} {kind} point ({x:g}, {y:g})")
        phrases = {i.box: f" · **{i.phrase}** {i.score:.2f}" for i in self.instances}
        for i, box in enumerate(self.boxes, 1):
            x1, y1, x2, y2 = (round(v, 1) for v in box)  # a detector's boxes have many decimals
            lines.append(f"- {_dot(render.colour(i - 1), '■')} box {i}: ({x1:g}, {y1:g}) to ({x2:g}, {y2:g})"
                         + phrases.get(box, ""))
        if self.pending:
            lines.append(f"- box corner at ({self.pending[0]:g}, {self.pending[1]:g}): click the opposite corner")
        if len(lines) == 1:
            lines.append("_empty: click the image, or type points or boxes and press Add_")
        return "\n".join(lines)


def _dot(rgb, symbol: str = "●") -> str:
    return f'<span style="color:rgb{tuple(rgb)}">{symbol}</span>'
