"""One browser tab's state and the pure logic on it: no Gradio import, no model code.

Coordinates are (X, Y) image pixels, X right, Y down. Handlers never change a Session
in place: they work on ``copy.copy(session)`` and give new lists to changed fields, so
the previous Session (and its Undo history) stays intact.
"""

import threading
import weakref
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np

from .. import render
from ..backends.base import ObjectResult
from ..errors import LimitError, PromptError, shorten
from ..images import ImageRef, fit_scale
from ..limits import LIMITS
from ..prompts import ObjectPrompt, build_objects, points_in_boxes
from ..service import SegmentResult

FOREGROUND_MODE, BACKGROUND_MODE, BOX_MODE = MODES = ("Foreground point", "Background point", "Box (2 clicks)")
DISPLAY_MAX_SIDE = 2048  # on-screen pictures are scaled down to this; clicks are scaled back
HISTORY = 100  # Undo steps kept


def display_scale(image) -> float:
    """Factor from image pixels to on-screen picture pixels (1 for images up to
    DISPLAY_MAX_SIDE): a screen shows no more, and a smaller picture is cheaper to draw,
    encode and send."""
    return fit_scale(image.height, image.width, DISPLAY_MAX_SIDE)


def to_image_pixels(image, index) -> Tuple[float, float]:
    """A click at (X, Y) on the on-screen picture of ``image`` (anything with height and
    width) -> (X, Y) in image pixels: the same pixel centre, rounded to whole pixels when
    the picture was scaled down. PromptError for click data that is not two numbers
    inside the picture."""
    if not (isinstance(index, (list, tuple)) and len(index) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in index)):
        raise PromptError(f"a click must be at two numbers (X, Y), got {shorten(index)}")
    scale = display_scale(image)
    x, y = float(index[0]), float(index[1])
    if not (0 <= x < image.width * scale + 1 and 0 <= y < image.height * scale + 1):  # NaN fails too
        raise PromptError(f"the click at ({x:g}, {y:g}) is outside the picture")
    if scale == 1:
        return x, y
    x = min(max(round((x + 0.5) / scale - 0.5), 0), image.width - 1)
    y = min(max(round((y + 0.5) / scale - 0.5), 0), image.height - 1)
    return float(x), float(y)


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


@dataclass(frozen=True, eq=False)
class Everything:
    """Automatic masks of the session's image. records: upstream's records (COCO RLE
    segmentations), best first; model and settings that made them. (The picture with
    every mask drawn is made from them when shown, and kept a while apart from the
    session: see ``EverythingMode.drawn``.)"""

    records: list
    model: str
    settings: dict

    @property
    def nbytes(self) -> int:
        return sum(len(r["segmentation"]["counts"]) + 200 for r in self.records)


class Holdings:
    """What every browser tab's session holds (results, automatic masks), counted in
    bytes against ``limit`` bytes for the whole process. A session registers what it
    takes (``take``); it counts while any session still refers to it (a weak set: a tab
    whose state expired or was replaced stops counting at once). ``check()`` refuses new
    work with a clear message while the total is over the limit."""

    def __init__(self, limit: float):
        self.limit = limit
        self._held: "weakref.WeakSet" = weakref.WeakSet()
        self._lock = threading.Lock()

    def total(self) -> int:
        with self._lock:
            return sum(item.nbytes for item in list(self._held))

    def count(self) -> int:
        with self._lock:
            return len(self._held)

    def check(self) -> None:
        """LimitError when the tabs already hold more than the limit."""
        total = self.total()
        if self.limit and total > self.limit:
            raise LimitError(f"the server is full: open browser tabs hold {total / 2**20:.0f} MB of results, over its "
                             f"{self.limit / 2**20:.0f} MB; try again in a few minutes (a tab's work is let go "
                             f"{LIMITS.session_ttl / 60:.0f} minutes after its last change, at once when it closes; "
                             f"{LIMITS.raise_hint('sessions_mb')})")

    def take(self, item) -> None:
        """Count ``item`` (anything with ``nbytes`` that a weak reference can point at)."""
        with self._lock:
            self._held.add(item)


@dataclass
class Session:
    """One browser tab's state (kept in ``gr.State``, never shared between users).

    points: [(X, Y, label)] in pixels, label 1 = foreground, 0 = background.
    boxes: [(X1, Y1, X2, Y2)] in pixels. pending: first corner of a box being clicked.
    history: snapshots of (points, boxes, pending) for Undo.
    result: the last segmentation; choices: the candidate picked for each object.
    previous_masks: per object key (see ``object_key``) its last picked mask.
    everything: the Everything mode's masks; selected: the ones picked there.
    instances: what text prompts found; each one's box is in ``boxes`` while it is ticked.
    """

    image: Optional[ImageRef] = None
    image_name: str = "image"
    model: Optional[str] = None
    points: List[Tuple[float, float, int]] = field(default_factory=list)
    boxes: List[Tuple[float, float, float, float]] = field(default_factory=list)
    pending: Optional[Tuple[float, float]] = None
    history: list = field(default_factory=list)
    result: Optional[SegmentResult] = None
    choices: List[int] = field(default_factory=list)
    previous_masks: Dict[object, PreviousMask] = field(default_factory=dict)
    everything: Optional[Everything] = None
    selected: Tuple[int, ...] = ()  # indices into everything.records
    instances: List[Instance] = field(default_factory=list)

    def snapshot(self) -> None:
        """Push the prompt on a new history list."""
        self.history = (self.history + [(list(self.points), list(self.boxes), self.pending)])[-HISTORY:]

    def undo(self) -> bool:
        """Back to the last snapshot; False when there is none."""
        if not self.history:
            return False
        self.points, self.boxes, self.pending = self.history[-1]
        self.history = self.history[:-1]
        return True

    def arrays(self):
        """(points Nx2 float32, labels N int32, boxes Bx4 float32)."""
        points = np.array([(x, y) for x, y, _ in self.points], np.float32).reshape(-1, 2)
        labels = np.array([label for _, _, label in self.points], np.int32)
        boxes = np.array(self.boxes, np.float32).reshape(-1, 4)
        return points, labels, boxes

    def reset_result(self) -> None:
        self.result, self.choices, self.previous_masks = None, [], {}

    def reset_prompt(self) -> None:
        self.points, self.boxes, self.pending, self.history, self.instances = [], [], None, [], []
        self.reset_result()

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

    def show_image(self, image: Optional[ImageRef], name: str = "image") -> None:
        """A new image (or none): every mode starts afresh."""
        self.image, self.image_name = image, name
        self.reset_prompt()
        self.everything, self.selected = None, ()

    def toggle(self, index: int) -> None:
        """Select an Everything mask, or unselect it."""
        self.selected = tuple(i for i in self.selected if i != index) if index in self.selected \
            else tuple(sorted(self.selected + (index,)))

    def objects(self) -> List[ObjectPrompt]:
        """The prompt as validated objects, each refining its previous mask where it adds
        points to the prompt that made it."""
        points, labels, boxes = self.arrays()
        objects = build_objects(points, labels, boxes, (self.image.height, self.image.width))
        for obj in objects:
            previous = self.previous_masks.get(object_key(obj))
            if previous is not None and previous.refines(obj):
                obj.mask_input = previous.logits
        return objects

    def take_result(self, result: SegmentResult, choices: Optional[List[int]] = None) -> None:
        """Keep ``result`` with its picked candidates (default the best ones) and
        remember each picked mask for refinement."""
        self.result = result
        self.choices = list(choices) if choices is not None else [o.best for o in result.objects]
        self.previous_masks = {
            object_key(o.prompt): PreviousMask(o.prompt.points, o.prompt.labels, o.low_res_logits[c][None])
            for o, c in zip(result.objects, self.choices) if o.low_res_logits is not None
        }

    def prompt_markdown(self) -> str:
        """The prompt list as Markdown, with each marker's colour."""
        if self.image is None:
            return "_Upload an image or pick an example to start._"
        lines = [f"**Prompt** on {self.image_name} ({self.image.width}x{self.image.height})"]
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
