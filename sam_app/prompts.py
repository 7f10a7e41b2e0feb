"""Prompt text <-> arrays, and the validation shared by the UI, the CLI and the API.

Text syntax is the original UI's, made more forgiving:

- points: ``100 150 250 300`` = (100,150) and (250,300); ``(100,150)(250,300)`` and
  ``100,150; 250,300`` mean the same. Coordinates are (X, Y) in pixels of the image as
  displayed (EXIF orientation applied), X to the right, Y down.
- labels: ``1 0`` = first point foreground, second background. Empty = all foreground.
- boxes: ``100 100 200 200 300 300 500 500`` = two boxes, each X1 Y1 X2 Y2 with
  (X1, Y1) the top-left and (X2, Y2) the bottom-right corner.

Objects: with boxes, each box is one object and receives every point inside it (a point
inside no box is an error); with no box, all points form one object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np

from .errors import LimitError, PromptError, shorten
from .limits import LIMITS

LOW_RES_SIZE = 256  # SAM's low-resolution logit size (H = W = 256)

_SEPARATORS = re.compile(r"[\s,;()\[\]]+")


@dataclass
class ObjectPrompt:
    """The prompt for one object.

    points: Nx2 float32, (X, Y) in pixels, N >= 0. labels: N int32, 1 = foreground,
    0 = background. box: 4 float32 XYXY in pixels, or None. mask_input: 1x256x256
    float32 low-res logits from a previous prediction of this object, or None. note: what
    was done to the prompt on the way (a box clipped to the image), for people, or "".
    """

    points: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), np.float32))
    labels: np.ndarray = field(default_factory=lambda: np.zeros((0,), np.int32))
    box: Optional[np.ndarray] = None
    mask_input: Optional[np.ndarray] = None
    note: str = ""

    def describe(self) -> str:
        """One readable line, e.g. ``box (10, 20)-(110, 220) + 1 fg, 1 bg point``."""
        parts = []
        if self.box is not None:
            x1, y1, x2, y2 = (_fmt(v) for v in self.box)
            parts.append(f"box ({x1}, {y1})-({x2}, {y2})")
        fg = int((self.labels == 1).sum())
        bg = int((self.labels == 0).sum())
        if fg:
            parts.append(f"{fg} fg point{'s' if fg > 1 else ''}")
        if bg:
            parts.append(f"{bg} bg point{'s' if bg > 1 else ''}")
        if self.mask_input is not None:
            parts.append("previous mask")
        return " + ".join(parts) or "(empty)"


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def parse_numbers(text: Optional[str], what: str) -> List[float]:
    """Split ``text`` on spaces, commas, semicolons and brackets into floats.

    ``what`` names the field in error messages, e.g. "points".
    """
    tokens = [t for t in _SEPARATORS.split(text or "") if t]
    numbers = []
    for i, token in enumerate(tokens, start=1):
        try:
            value = float(token)
        except ValueError:
            raise PromptError(
                f"{what}: token {i} ({shorten(token)}) is not a number; "
                f"expected numbers separated by spaces or commas"
            ) from None
        if not np.isfinite(value):
            raise PromptError(f"{what}: token {i} ({shorten(token)}) is not a finite number")
        numbers.append(value)
    return numbers


def _rows(text: Optional[str], what: str, size: int, why: Callable[[List[float]], str]) -> np.ndarray:
    """``text``'s numbers as rows of ``size`` float32; PromptError ``what: got N numbers,
    but <why(numbers)>`` when they do not fill whole rows."""
    numbers = parse_numbers(text, what)
    if len(numbers) % size:
        raise PromptError(f"{what}: got {len(numbers)} numbers, but {why(numbers)}")
    return np.asarray(numbers, np.float32).reshape(-1, size)


def parse_points(text: Optional[str]) -> np.ndarray:
    """``"100 150 250 300"`` -> [[100, 150], [250, 300]] as Nx2 float32 (X, Y)."""
    return _rows(text, "points", 2,
                 lambda n: f"points come in X Y pairs; the last number ({_fmt(n[-1])}) has no Y")


def parse_labels(text: Optional[str], n_points: int) -> np.ndarray:
    """``"1 0"`` -> [1, 0] int32; empty text -> all ones (foreground) for ``n_points``."""
    numbers = parse_numbers(text, "labels")
    if not numbers:
        return np.ones((n_points,), np.int32)
    for i, value in enumerate(numbers, start=1):
        if value not in (0.0, 1.0):
            raise PromptError(
                f"labels: label {i} is {_fmt(value)}; expected 1 (foreground) or 0 (background)"
            )
    if len(numbers) != n_points:
        raise PromptError(
            f"labels: got {len(numbers)} labels for {n_points} points; give one label per "
            "point (1 = foreground, 0 = background) or leave labels empty for all foreground"
        )
    return np.asarray(numbers, np.int32)


def parse_boxes(text: Optional[str]) -> np.ndarray:
    """``"100 100 200 200"`` -> [[100, 100, 200, 200]] as Bx4 float32 XYXY."""
    return _rows(text, "boxes", 4, lambda n: f"each box is 4 numbers (X1 Y1 X2 Y2); {len(n) % 4} number(s) left over "
                                             f"after {len(n) // 4} box(es)")


def format_numbers(values: np.ndarray) -> str:
    """Inverse of ``parse_points`` / ``parse_boxes``: Nx2 or Bx4 -> ``"100 150 250 300"``."""
    return " ".join(_fmt(v) for v in np.asarray(values).reshape(-1))



def parse_prompt(
    points_text: Optional[str],
    labels_text: Optional[str],
    boxes_text: Optional[str],
    image_size: Tuple[int, int],
) -> List[ObjectPrompt]:
    """Parse the three prompt fields and group them into validated objects.

    image_size: (H, W) of the image the coordinates refer to.
    """
    points = parse_points(points_text)
    labels = parse_labels(labels_text, len(points))
    boxes = parse_boxes(boxes_text)
    return build_objects(points, labels, boxes, image_size)


def build_objects(
    points: Optional[np.ndarray],
    labels: Optional[np.ndarray],
    boxes: Optional[np.ndarray],
    image_size: Tuple[int, int],
    mask_inputs: Optional[np.ndarray] = None,
    clip: bool = False,
) -> List[ObjectPrompt]:
    """Validate prompt arrays and group them into objects.

    points: Nx2 (X, Y) pixels or None. labels: N of {0, 1} or None (= all 1).
    boxes: Bx4 XYXY pixels or None. image_size: (H, W).
    mask_inputs: low-res logits, one per object: 256x256 or 1x256x256 for a single
      object, Kx256x256 or Kx1x256x256 for K objects, or None.
    clip: a box reaching outside the image is clipped to it (the object's ``note`` says
      so) instead of refused; one wholly outside is still refused (the CLI and batch jobs,
      where boxes come from other tools; a click in the web UI lands inside).
    Returns one ObjectPrompt per box, or a single one for points without boxes.
    """
    height, width = image_size
    points = np.zeros((0, 2), np.float32) if points is None else np.asarray(points, np.float32)
    points = points.reshape(-1, 2) if points.size else np.zeros((0, 2), np.float32)
    if labels is None:
        labels = np.ones((len(points),), np.int32)
    labels = np.asarray(labels).reshape(-1)
    boxes = np.zeros((0, 4), np.float32) if boxes is None else np.asarray(boxes, np.float32)
    boxes = boxes.reshape(-1, 4) if boxes.size else np.zeros((0, 4), np.float32)

    if len(labels) != len(points):
        raise PromptError(f"got {len(labels)} labels for {len(points)} points; give one label per point")
    bad = [i for i, v in enumerate(labels) if v not in (0, 1)]
    if bad:
        raise PromptError(f"label {bad[0] + 1} is {labels[bad[0]]}; expected 1 (foreground) or 0 (background)")
    labels = labels.astype(np.int32)
    if len(points) == 0 and len(boxes) == 0 and mask_inputs is None:
        raise PromptError("the prompt is empty: add at least one point or box")

    if len(boxes) > LIMITS.max_objects:
        raise LimitError(f"the prompt has {len(boxes)} boxes; at most {LIMITS.max_objects} objects are accepted in "
                         f"one request ({LIMITS.raise_hint('max_objects')})")
    if clip:
        boxes = boxes.copy()  # clipped in place: not the caller's array
    notes = _clipped(boxes, width, height) if clip else [""] * len(boxes)
    _check_inside(points, boxes, width, height)
    objects = _group(points, labels, boxes)
    for obj, note in zip(objects if len(boxes) else [], notes):
        obj.note = note
    _check_points_per_object(objects, named=bool(len(boxes)))

    if mask_inputs is not None:
        for obj, logits in zip(objects, split_mask_inputs(mask_inputs, len(objects))):
            obj.mask_input = logits
    return objects


def build_grouped(points, labels, groups, boxes, box_groups, image_size: Tuple[int, int]) -> List[ObjectPrompt]:
    """Validate a prompt whose objects are given rather than found by box (the web UI's
    clicks: a background point may lie outside its object's box).

    points: Nx2 (X, Y) pixels; labels: N of {0, 1}; groups: N object ids, the object of
    each point; boxes: Bx4 XYXY pixels; box_groups: B object ids (at most one box per
    object); image_size: (H, W). Returns one ObjectPrompt per object id, ascending.
    """
    height, width = image_size
    points = np.asarray(points, np.float32).reshape(-1, 2)
    labels = np.asarray(labels, np.int32).reshape(-1)
    boxes = np.asarray(boxes, np.float32).reshape(-1, 4)
    groups, box_groups = list(groups), list(box_groups)
    if not len(points) and not len(boxes):
        raise PromptError("the prompt is empty: add at least one point or box")
    if len(set(box_groups)) != len(box_groups):
        raise PromptError("an object has two boxes; an object takes at most one box")
    ids = sorted(set(groups) | set(box_groups))
    if len(ids) > LIMITS.max_objects:
        raise LimitError(f"the prompt has {len(ids)} objects; at most {LIMITS.max_objects} objects are accepted in "
                         f"one request ({LIMITS.raise_hint('max_objects')})")
    _check_inside(points, boxes, width, height)
    box_of = dict(zip(box_groups, boxes))
    member = np.asarray(groups)
    objects = [ObjectPrompt(points[member == k], labels[member == k],
                            None if k not in box_of else box_of[k].copy()) for k in ids]
    _check_points_per_object(objects, named=len(objects) > 1)
    return objects


def _check_points_per_object(objects: List[ObjectPrompt], named: bool) -> None:
    """LimitError for an object with more than ``LIMITS.max_points`` points; ``named``:
    call it by its number (else "the object")."""
    for number, obj in enumerate(objects, start=1):
        if len(obj.points) > LIMITS.max_points:
            which = f"object {number}" if named else "the object"
            raise LimitError(f"{which} has {len(obj.points)} points; at most {LIMITS.max_points} points per object "
                             f"are accepted ({LIMITS.raise_hint('max_points')})")


def wholly_outside(box, image_size: Tuple[int, int]) -> bool:
    """Whether an XYXY ``box`` (pixels) misses an image of ``image_size`` (H, W) entirely."""
    height, width = image_size
    x1, y1, x2, y2 = (float(v) for v in np.asarray(box).reshape(4))
    return x2 <= 0 or y2 <= 0 or x1 >= width or y1 >= height


def _clipped(boxes: np.ndarray, width: int, height: int) -> List[str]:
    """Clip ``boxes`` (Bx4, in place) to the image; per box what was done ("" for
    nothing). PromptError for a box wholly outside it, or degenerate."""
    notes = []
    for i, box in enumerate(boxes, start=1):
        name = f"box {i} ({format_numbers(box)})"
        x1, y1, x2, y2 = box
        if x2 <= x1 or y2 <= y1:
            raise PromptError(f"{name} is degenerate: a box is X1 Y1 X2 Y2 with X2 > X1 and Y2 > Y1")
        if wholly_outside(box, (height, width)):
            raise PromptError(f"{name} lies wholly outside the {width}x{height} image")
        inside = np.array([max(x1, 0), max(y1, 0), min(x2, width), min(y2, height)], np.float32)
        notes.append("" if np.array_equal(inside, box) else
                     f"{name} reached outside the {width}x{height} image: clipped to {format_numbers(inside)}")
        box[:] = inside
    return notes


def _check_inside(points: np.ndarray, boxes: np.ndarray, width: int, height: int) -> None:
    """Every point inside the image, every box inside it and not degenerate."""
    for i, (x, y) in enumerate(points, start=1):
        if not (0 <= x < width and 0 <= y < height):
            raise PromptError(
                f"point {i} ({_fmt(x)}, {_fmt(y)}) is outside the {width}x{height} image; "
                f"X must be in [0, {width}) and Y in [0, {height})"
            )
    for i, (x1, y1, x2, y2) in enumerate(boxes, start=1):
        name = f"box {i} ({format_numbers(np.array([x1, y1, x2, y2]))})"
        if min(x1, y1) < 0 or x2 > width or y2 > height:
            raise PromptError(
                f"{name} reaches outside the {width}x{height} image; corners must be within "
                f"0 <= X <= {width} and 0 <= Y <= {height}"
            )
        if x2 <= x1 or y2 <= y1:
            raise PromptError(
                f"{name} is degenerate: a box is X1 Y1 X2 Y2 with X2 > X1 and Y2 > Y1 "
                "(top-left corner, then bottom-right)"
            )


def points_in_boxes(points, boxes) -> np.ndarray:
    """NxB bool: whether point i (Nx2, X, Y) lies in box j (Bx4 XYXY), edges included."""
    xy = np.asarray(points, np.float64).reshape(-1, 1, 2)
    box = np.asarray(boxes, np.float64).reshape(1, -1, 4)
    return ((xy[..., 0] >= box[..., 0]) & (xy[..., 0] <= box[..., 2])
            & (xy[..., 1] >= box[..., 1]) & (xy[..., 1] <= box[..., 3]))


def _group(points: np.ndarray, labels: np.ndarray, boxes: np.ndarray) -> List[ObjectPrompt]:
    """One object per box with the points inside it (a point in no box is an error), or
    one object for points without boxes."""
    if len(boxes):
        inside = points_in_boxes(points, boxes)
        claimed = inside.any(axis=1)
        objects = [ObjectPrompt(points[inside[:, j]], labels[inside[:, j]], box.copy()) for j, box in enumerate(boxes)]
        if not claimed.all():
            i = int(np.flatnonzero(~claimed)[0])
            raise PromptError(
                f"point {i + 1} ({_fmt(points[i, 0])}, {_fmt(points[i, 1])}) lies inside no box; "
                "with boxes, every point must lie inside the box of the object it refines"
            )
    else:
        objects = [ObjectPrompt(points, labels, None)]
    return objects


def split_mask_inputs(mask_inputs: np.ndarray, n_objects: int) -> Sequence[np.ndarray]:
    """Check low-res logits and return one 1x256x256 float32 array per object."""
    array = np.asarray(mask_inputs, np.float32)
    size = LOW_RES_SIZE
    if array.shape in ((size, size), (1, size, size), (1, 1, size, size)):
        array = array.reshape(1, 1, size, size)
    elif array.ndim == 3 and array.shape[1:] == (size, size):
        array = array[:, None]
    if array.ndim != 4 or array.shape[1:] != (1, size, size):
        raise PromptError(
            f"mask input has shape {array.shape}; expected low-res logits of shape "
            f"1x{size}x{size} (or Kx1x{size}x{size} for K objects), as returned by a previous run"
        )
    if len(array) != n_objects:
        raise PromptError(f"got {len(array)} mask inputs for {n_objects} objects; give one per object")
    if not np.isfinite(array).all():
        raise PromptError("mask input contains NaN or infinite values")
    return list(array)
