"""The Prompt mode's own per-tab state and the pure logic on it: no Gradio import, no
model code. Coordinates are (X, Y) image pixels. Every edit of the prompt is a step of
the Undo history, Clear included, and a step holds the result that went with its prompt
(for the last ``RESULT_STEPS`` steps; an Undo further back clears the result): Undo
gives back the prompt and the masks together, so what is shown and downloaded is always
the result of the prompt in the list.

How clicks become objects: every point and box belongs to an object (an id, ascending
in the order objects were begun). A click adds to the *current* object, except a point
inside another object's box, which refines that object; a box goes to the current object
unless it has one already (then it begins the next object); ``new_object`` begins an
empty one. A point inside several boxes refines the smallest. So a background point
placed before a box belongs to the box's object.
"""

from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Tuple

import numpy as np

from .. import render
from ..backends.base import ObjectResult
from ..prompts import ObjectPrompt, build_grouped, points_in_boxes
from ..regions import Region
from ..service import SegmentResult

FOREGROUND_MODE, BACKGROUND_MODE, BOX_MODE = MODES = ("Foreground point", "Background point", "Box (2 clicks)")
HOW_OBJECTS = ("Clicks add to the current object; a click inside a box refines that box's object (the smallest, where "
               "boxes overlap). **New object** (key N) begins another; Esc drops a half-made box.")
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
    box_objects: tuple
    current: int
    pending: Optional[Tuple[float, float]]
    instances: tuple
    result: Optional[SegmentResult]
    choices: tuple
    region: Optional[Region] = None
    regions: tuple = ()


Box = Tuple[float, float, float, float]


@dataclass
class PromptState:
    """points: [(X, Y, label, object id)] in pixels, label 1 = foreground, 0 =
    background. boxes: [(X1, Y1, X2, Y2)] in pixels; box_objects: each box's object id.
    current: the object id clicks add to (see the module's text). pending: first corner
    of a box being clicked. history: ``Step``s for Undo. result: the last segmentation,
    one object per id of ``object_ids()``; choices: the candidate picked for each.
    previous_masks: per object id its last picked mask. instances: what text prompts
    found; each one's box is in ``boxes`` while it is ticked. region: the region of
    interest new objects are segmented in (``regions.Region``), or None: the whole image;
    regions: per object id the region it was begun in (none: the whole image).
    undone: the steps Undo went back from, for Redo (emptied by any new step). result_ids:
    the object id of each of the result's objects (the prompt may have more since)."""

    points: List[Tuple[float, float, int, int]] = field(default_factory=list)
    boxes: List[Box] = field(default_factory=list)
    box_objects: Dict[Box, int] = field(default_factory=dict)
    current: int = 1
    pending: Optional[Tuple[float, float]] = None
    history: List[Step] = field(default_factory=list)
    result: Optional[SegmentResult] = None
    choices: List[int] = field(default_factory=list)
    previous_masks: Dict[int, PreviousMask] = field(default_factory=dict)
    instances: List[Instance] = field(default_factory=list)
    region: Optional[Region] = None
    regions: Dict[int, Region] = field(default_factory=dict)
    undone: List[Step] = field(default_factory=list)
    result_ids: List[int] = field(default_factory=list)

    # ---------------------------------------------------------------- history

    def _step(self) -> Step:
        return Step(tuple(self.points), tuple(self.boxes), tuple(self.box_objects.items()), self.current,
                    self.pending, tuple(self.instances), self.result, tuple(self.choices), self.region,
                    tuple(self.regions.items()))

    def _push(self, step: Step) -> None:
        kept = (self.history + [step])[-HISTORY:]
        self.history = [replace(s, result=None, choices=()) if k < len(kept) - RESULT_STEPS else s
                        for k, s in enumerate(kept)]

    def snapshot(self) -> None:
        """Push the prompt and its result on a new history list (a new step: what Undo
        undid can no longer be redone)."""
        self._push(self._step())
        self.undone = []

    def undo(self) -> bool:
        """Back to the last step, its result with it; False when there is none."""
        if not self.history:
            return False
        step, self.history = self.history[-1], self.history[:-1]
        self.undone = (self.undone + [self._step()])[-RESULT_STEPS:]
        self._restore(step)
        return True

    def redo(self) -> bool:
        """Forward again to the step the last Undo left (the last ``RESULT_STEPS``, with
        their results); False when there is none."""
        if not self.undone:
            return False
        step, self.undone = self.undone[-1], self.undone[:-1]
        self._push(self._step())
        self._restore(step)
        return True

    def _restore(self, step: Step) -> None:
        self.points, self.boxes, self.pending = list(step.points), list(step.boxes), step.pending
        self.box_objects, self.current = dict(step.box_objects), step.current
        self.instances, self.region, self.regions = list(step.instances), step.region, dict(step.regions)
        if step.result is None:
            self.reset_result()
        else:
            self.take_result(step.result, list(step.choices))

    def clear(self) -> None:
        """An empty prompt, as one more step (Undo brings the prompt and its masks back)."""
        self.snapshot()
        self.points, self.boxes, self.box_objects, self.current = [], [], {}, 1
        self.pending, self.instances, self.region, self.regions = None, [], None, {}
        self.reset_result()

    # ---------------------------------------------------------------- the prompt's objects

    def object_ids(self) -> List[int]:
        """The ids of the objects that have a point or a box, ascending."""
        return sorted({self.box_objects[b] for b in self.boxes} | {p[3] for p in self.points})

    def next_id(self) -> int:
        return max([self.current, *self.box_objects.values(), *(p[3] for p in self.points)]) + 1

    def box_of(self, object_id: int) -> Optional[Box]:
        return next((b for b in self.boxes if self.box_objects[b] == object_id), None)

    def owner(self, x: float, y: float) -> int:
        """The object a new point at (X, Y) joins: the current one, unless the point lies
        in other objects' boxes only (then the one with the smallest box: the most
        specific, where boxes overlap)."""
        inside = points_in_boxes([(x, y)], self.boxes)[0] if self.boxes else []
        holders = [b for b, hit in zip(self.boxes, inside) if hit]
        if not holders or self.current in {self.box_objects[b] for b in holders}:
            return self.current
        return self.box_objects[min(holders, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))]

    def _begun(self, object_id: int) -> None:
        """An object about to get its first point or box is segmented in the region now set."""
        if self.region is not None and object_id not in self.object_ids():
            self.regions = {**self.regions, object_id: self.region}

    def object_regions(self) -> List[Optional[Region]]:
        """Per object of ``object_ids()``, the region it is segmented in (None: the whole image)."""
        return [self.regions.get(k) for k in self.object_ids()]

    def add_point(self, x: float, y: float, label: int) -> int:
        """Add a point (label 1 foreground, 0 background); returns its object id."""
        object_id = self.owner(x, y)
        self._begun(object_id)
        self.points = self.points + [(float(x), float(y), int(label), object_id)]
        return object_id

    def add_box(self, box) -> int:
        """Add a box to the current object, or begin the next one when the current has a
        box already (which it then is); returns its object id. A box already in the
        prompt stays as it is."""
        box = tuple(float(v) for v in box)
        if box in self.boxes:
            return self.box_objects[box]
        if self.box_of(self.current) is not None:
            self.current = self.next_id()
        self._begun(self.current)
        self._put_box(box, self.current)
        return self.current

    def _put_box(self, box: Box, object_id: int) -> None:
        """``box`` joins the prompt as object ``object_id``'s (new lists: see ``state``)."""
        self.boxes = self.boxes + [box]
        self.box_objects = {**self.box_objects, box: object_id}

    def new_object(self) -> bool:
        """Begin an empty object that clicks add to; False when the current one is empty
        already (nothing changes)."""
        if self.current not in self.object_ids():
            return False
        self.current = self.next_id()
        return True

    def add_object(self, box, points) -> int:
        """One whole object, as the next one (the current one when it is empty): ``box``
        (X1, Y1, X2, Y2) or None and ``points`` [(X, Y, label)], wherever they lie; its id."""
        self.new_object()
        object_id = self.current
        self._begun(object_id)
        if box is not None:
            self._put_box(tuple(float(v) for v in box), object_id)
        self.points = self.points + [(float(x), float(y), int(label), object_id) for x, y, label in points]
        return object_id

    def set_prompt(self, boxes, points) -> None:
        """``boxes`` [(X1, Y1, X2, Y2)], each an object, and ``points`` [(X, Y, label)],
        each joining the box that holds it (else the last object), as the whole prompt."""
        self.points, self.boxes, self.box_objects, self.current = [], [], {}, 1
        for box in boxes:
            self.add_box(box)
        for x, y, label in points:
            self.add_point(x, y, label)

    def saved(self) -> dict:
        """The prompt as JSON-ready data (kept in the browser across a reload; ``restored``
        reads it back): points, boxes with their objects, the current object, and the
        candidates picked when it had a result (None: no result)."""
        return {"points": [list(p) for p in self.points], "boxes": [list(b) for b in self.boxes],
                "box_objects": [self.box_objects[b] for b in self.boxes], "current": self.current,
                "choices": None if self.result is None else list(self.choices),
                "region": None if self.region is None else self.region.as_list(),
                "regions": [[k, r.as_list()] for k, r in self.regions.items()]}

    @classmethod
    def restored(cls, data: dict) -> "PromptState":
        """A state with the prompt of ``saved()`` data (from a browser: checked, and
        ValueError when it is not that shape); its result is to be made again."""
        try:
            points = [(float(x), float(y), int(label), int(k)) for x, y, label, k in data["points"]]
            boxes = [tuple(float(v) for v in box) for box in data["boxes"]]
            owners = [int(k) for k in data["box_objects"]]
            current = int(data["current"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a saved prompt ({exc})") from None
        if len(owners) != len(boxes) or any(len(b) != 4 for b in boxes) or any(p[2] not in (0, 1) for p in points):
            raise ValueError("not a saved prompt")
        try:
            region = data.get("region")
            region = None if region is None else Region(*(int(v) for v in region))
            regions = {int(k): Region(*(int(v) for v in r)) for k, r in data.get("regions") or []}
        except (TypeError, ValueError, OverflowError):
            raise ValueError("not a saved prompt") from None
        return cls(points=points, boxes=boxes, box_objects=dict(zip(boxes, owners)), current=current, region=region,
                   regions=regions)

    def arrays(self):
        """(points Nx2 float32, labels N int32, boxes Bx4 float32)."""
        points = np.array([p[:2] for p in self.points], np.float32).reshape(-1, 2)
        labels = np.array([p[2] for p in self.points], np.int32)
        boxes = np.array(self.boxes, np.float32).reshape(-1, 4)
        return points, labels, boxes

    def box_colours(self) -> List[int]:
        """Per box, the colour index of its object (its place in ``object_ids()``, as its mask)."""
        place = {k: i for i, k in enumerate(self.object_ids())}
        return [place[self.box_objects[b]] for b in self.boxes]

    def objects(self, image_size: Tuple[int, int]) -> List[ObjectPrompt]:
        """The prompt as validated objects (one per id of ``object_ids()``) on an image of
        ``image_size`` (H, W), each refining its previous mask where it adds points to the
        prompt that made it."""
        points, labels, boxes = self.arrays()
        objects = build_grouped(points, labels, [p[3] for p in self.points], boxes,
                                [self.box_objects[b] for b in self.boxes], image_size)
        for object_id, obj in zip(self.object_ids(), objects):
            previous = self.previous_masks.get(object_id)
            if previous is not None and previous.refines(obj):
                obj.mask_input = previous.logits
        return objects

    def reset_result(self) -> None:
        self.result, self.choices, self.previous_masks, self.result_ids = None, [], {}, []

    def take_result(self, result: SegmentResult, choices: Optional[List[int]] = None) -> None:
        """Keep ``result`` (one object per id of ``object_ids()``) with its picked
        candidates (default the best ones) and remember each picked mask for refinement."""
        self.result, self.result_ids = result, self.object_ids()
        self.choices = list(choices) if choices is not None else [o.best for o in result.objects]
        self.previous_masks = {
            object_id: PreviousMask(o.prompt.points, o.prompt.labels, o.low_res_logits[c][None])
            for object_id, o, c in zip(self.result_ids, result.objects, self.choices)
            if o.low_res_logits is not None
        }

    def kept_edits(self, objects: List[ObjectPrompt]) -> List[Optional[ObjectResult]]:
        """Per object (``objects(...)``'s, one per id of ``object_ids()``), its mask edited
        by hand when its prompt is the one that mask went with (a run keeps it), else None."""
        made = dict(zip(self.result_ids, self.result.objects)) if self.result is not None else {}
        kept = []
        for object_id, obj in zip(self.object_ids(), objects):
            old = made.get(object_id)
            same = old is not None and old.source == "edited" and object_key(old.prompt) == object_key(obj) \
                and np.array_equal(old.prompt.points, obj.points) and np.array_equal(old.prompt.labels, obj.labels)
            kept.append(old if same else None)
        return kept

    def edit(self, mask: np.ndarray) -> None:
        """The current object's picked mask replaced by ``mask`` (HxW bool, the image
        size, edited by hand: ``ObjectResult.edited``), as one more step of the history.
        Runs keep it while the object's prompt stays; a click on the object segments it
        again from its prompt (Undo brings the edit back)."""
        place = self.result_ids.index(self.current)
        self.snapshot()
        objects, choices = list(self.result.objects), list(self.choices)
        objects[place] = objects[place].edited(choices[place], mask)
        choices[place] = 0
        self.take_result(replace(self.result, objects=objects), choices)

    def set_region(self, region: Optional[Region]) -> None:
        """Objects begun from now on are segmented inside ``region`` (None: the whole
        image), as one more step; the objects there are keep theirs, and their masks."""
        self.snapshot()
        self.region, self.pending = region, None

    def combine(self, first: int, second: int, subtract: bool) -> None:
        """Objects ``first`` and ``second`` (places in ``object_ids()``, from 0): the
        first's picked mask becomes its union with the second's, the second leaving the
        prompt, or (``subtract``) the first less the second, the second staying; one more
        step of the history. The first's mask is then an edited one
        (``ObjectResult.edited``). IndexError for a place with no object in the result."""
        ids = self.result_ids
        if not (0 <= first < len(ids) and 0 <= second < len(ids)) or first == second or self.result is None:
            raise IndexError(f"objects {first + 1} and {second + 1} of {len(ids)}")
        objects, choices = list(self.result.objects), list(self.choices)
        a, b = objects[first].mask(choices[first]), objects[second].mask(choices[second])
        self.snapshot()
        objects[first] = objects[first].edited(choices[first], a & ~b if subtract else a | b)
        choices[first] = 0
        if not subtract:
            gone = ids[second]
            del objects[second], choices[second]
            self.points = [p for p in self.points if p[3] != gone]
            boxes = [b for b in self.boxes if self.box_objects[b] == gone]
            self.boxes = [b for b in self.boxes if b not in boxes]
            self.box_objects = {b: k for b, k in self.box_objects.items() if k != gone}
            self.instances = [i for i in self.instances if i.box not in boxes]
            self.regions = {k: r for k, r in self.regions.items() if k != gone}
            if self.current == gone:
                self.current = ids[first]
        self.take_result(replace(self.result, objects=objects), choices)

    def region_list(self) -> Optional[List[int]]:
        """The region as [X1, Y1, X2, Y2] (checked against the image where it is used), or None."""
        return None if self.region is None else self.region.as_list()

    def editable(self) -> bool:
        """Whether the current object has a mask to edit (a result that holds it)."""
        return self.result is not None and self.current in self.result_ids

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
        self._drop_points_of(gone - set(left))
        self.boxes = left
        for instance in new:
            self._add_instance_box(instance.box)

    def tick_instances(self, ticked: List[int]) -> None:
        """Keep the instances at ``ticked`` (indices into ``instances``) in the prompt, the
        others out; boxes drawn by hand stay."""
        self.snapshot()
        wanted = [self.instances[i].box for i in ticked]
        unwanted = {i.box for i in self.instances} - set(wanted)
        self._drop_points_of(unwanted & set(self.boxes))
        self.boxes = [b for b in self.boxes if b not in unwanted]
        for box in wanted:
            self._add_instance_box(box)

    def _add_instance_box(self, box: Box) -> None:
        """An instance's box in the prompt, as an object of its own (the id it had, if it
        was in the prompt before)."""
        if box not in self.boxes:
            self._put_box(box, self.box_objects.get(box) or self.next_id())

    def _drop_points_of(self, boxes) -> None:
        """Drop the points of the objects of ``boxes`` (boxes leaving the prompt)."""
        gone = {self.box_objects[b] for b in boxes}
        self.points = [p for p in self.points if p[3] not in gone]

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
        """The prompt list as Markdown, object by object with each marker's colour, and
        which object clicks add to; ``size`` (H, W) of the image (None: no image yet)."""
        if size is None:
            return "_Upload an image or pick an example to start._"
        lines = [f"**Prompt** on {image_name} ({size[1]}x{size[0]})"]
        if self.region is not None:
            r = self.region
            lines[0] += f"; new objects in the region ({r.x1}, {r.y1}) to ({r.x2}, {r.y2}) at full resolution"
        phrases = {i.box: f" · **{i.phrase}** {i.score:.2f}" for i in self.instances}
        ids = self.object_ids()
        listed = ids + ([] if self.current in ids else [self.current])  # the current one, even empty
        for place, object_id in enumerate(listed):
            here = " ← clicks add here" if object_id == self.current and len(listed) > 1 else ""
            region = self.regions.get(object_id)
            inside = "" if region is None else (f" in the region ({region.x1}, {region.y1}) to ({region.x2}, "
                                                f"{region.y2})")
            lines.append(f"- {_dot(render.colour(place), '■')} **object {place + 1}**{inside}{here}")
            box = self.box_of(object_id)
            if box is not None:
                x1, y1, x2, y2 = (round(v, 1) for v in box)  # a detector's boxes have many decimals
                lines.append(f"    - box ({x1:g}, {y1:g}) to ({x2:g}, {y2:g})" + phrases.get(box, ""))
            for x, y, label, owner in self.points:
                if owner == object_id:
                    kind, rgb = ("foreground", render.FOREGROUND) if label == 1 else ("background", render.BACKGROUND)
                    lines.append(f"    - {_dot(rgb)} {kind} point ({x:g}, {y:g})")
            if object_id not in ids:
                lines.append("    - _empty: click the image_")
        if self.pending:
            lines.append(f"- box corner at ({self.pending[0]:g}, {self.pending[1]:g}): click the opposite corner "
                         "(Esc drops it)")
        if not ids and not self.pending:
            lines[1:] = ["_empty: click the image, or type points or boxes and press Add_"]
        return "\n".join(lines)


def _dot(rgb, symbol: str = "●") -> str:
    return f'<span style="color:rgb{tuple(rgb)}">{symbol}</span>'
