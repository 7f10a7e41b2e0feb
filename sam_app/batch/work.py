"""One image of a batch job: read it (and decide whether it is already done), then
segment it into its *part*, the JSON record every dataset file is assembled from::

    {"key": ..., "file_name": "a/b.jpg", "image_id": 7, "width": W, "height": H,
     "annotations": [{"category_id": 3, "source_id": 12 | None, "segmentation": COCO RLE,
                      "polygons": [[x1, y1, x2, y2, ...], ...], "bbox": [x, y, w, h],
                      "area": pixels, "score": predicted IoU (for an instance found by text,
                      the text model's score), "stability_score": float | None}]}

Polygons are the outer contours of the mask (OpenCV, pixel coordinates, X then Y);
empty masks are left out (``empty`` counts them).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import cv2
import numpy as np
from pycocotools import mask as mask_utils

from ..errors import LimitError, SamAppError
from ..export import encode_rle
from ..files import read_bytes
from ..images import DEFAULT_MAX_PIXELS, LoadedImage, load_image
from ..limits import LIMITS
from ..prompts import ObjectPrompt, build_objects, format_numbers, wholly_outside
from ..results import mask_fields, score_of
from ..tasks.text import asked_phrase, find_phrases
from .job import Item, item_key

TODO, DONE, SKIPPED, FAILED = "todo", "done", "skipped", "failed"


@dataclass
class Read:
    """An image as the reader hands it on. status: todo (``image`` is decoded), skipped
    (its part is current) or failed (``reason`` says why)."""

    item: Item
    key: str
    status: str
    image: Optional[LoadedImage] = None
    reason: str = ""


def read_item(item: Item, done_key: Optional[str], settings: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> Read:
    """Read ``item``'s file once: hash its bytes for the key, and decode it unless the part
    stored under ``done_key`` is for the same key. Never raises for a bad file."""
    try:
        data = read_bytes(item.path, item.name, what="image file")  # regular files within the size limit only
    except SamAppError as exc:
        return Read(item, "", FAILED, reason=str(exc))
    key = item_key(item, hashlib.blake2b(data, digest_size=20).hexdigest(), settings)
    if key == done_key:
        return Read(item, key, SKIPPED)
    try:
        return Read(item, key, TODO, load_image(data, max_pixels, name=item.name))
    except SamAppError as exc:
        return Read(item, key, FAILED, reason=str(exc))


class Segmenter:
    """The model side of a job: ``service``'s model (loaded once) turns a read image into
    its part. everything: the generator's settings (``EverythingSettings.as_dict()``) or
    None for the items' own prompts; multimask: keep the best of three candidates;
    model: the service's model to run (None: its default); budget_s: seconds one image's
    decoding may take (None: no limit; ``limits.Deadline``)."""

    def __init__(self, service, everything: Optional[Dict[str, Any]] = None, multimask: bool = False,
                 model: Optional[str] = None, budget_s: Optional[float] = None):
        from ..tasks.everything import EverythingSettings, MaskGenerator

        self.service, self.multimask, self.model, self.budget_s = service, multimask, model, budget_s
        self.generator = None
        if everything is not None:
            settings = EverythingSettings(**{**everything, "output_mode": "coco_rle"})
            self.generator = MaskGenerator(service, model, settings=settings)

    def load(self) -> str:
        """Load the model now (a model that cannot do the job fails here); its name."""
        return (self.generator.backend() if self.generator else self.service.backend(self.model)).name

    def part(self, read: Read) -> Dict[str, Any]:
        """The part of an image read with status todo (see the module docstring)."""
        image, item = read.image, read.item
        notes: List[str] = []
        if self.generator is not None:
            data = self.generator.generate_data(image, budget_s=self.budget_s)
            annotations = [annotation(rle, 1, float(iou), stability=float(stab))
                           for rle, iou, stab in zip(data["rles"], data["iou_preds"], data["stability_score"])]
        else:
            annotations = self._prompted(image, item.objects, notes)
        kept = [a for a in annotations if a["area"] > 0]
        return {"key": read.key, "file_name": item.name, "image_id": item.image_id, "width": image.width,
                "height": image.height, "annotations": kept, "empty": len(annotations) - len(kept), "notes": notes}

    def _prompted(self, image: LoadedImage, objects: List[Dict[str, Any]], notes: List[str]) -> List[Dict[str, Any]]:
        """The objects' annotations in their order, a text object giving one per instance
        (category: the given one, or the phrase it answers; score: the text model's).
        Every object the segmenter makes is decoded in one call. A box reaching outside
        the image is clipped to it, an object whose box lies wholly outside is left out;
        ``notes`` gets a line for each."""
        size = (image.height, image.width)
        asked = sum(o["max_instances"] if "text" in o else 1 for o in objects)
        if asked > LIMITS.max_objects:
            text = f" (up to {asked} masks with the instances text may find)" if asked != len(objects) else ""
            raise LimitError(f"{len(objects)} objects{text}; at most {LIMITS.max_objects} objects are accepted for "
                             f"one image ({LIMITS.raise_hint('max_objects')})")
        prompts: List[ObjectPrompt] = []
        plan = []  # per annotation: (category_id, score or None, source id, index into prompts or a result)
        for number, obj in enumerate(objects, start=1):
            box = None if obj["box"] is None else np.asarray([obj["box"]], np.float32)
            if box is not None and "text" not in obj and wholly_outside(box, size):
                notes.append(f"object {number} left out: its box ({format_numbers(box[0])}) lies wholly outside "
                             f"the {size[1]}x{size[0]} image")
                continue
            points, labels = np.asarray(obj["points"], np.float32).reshape(-1, 2), np.asarray(obj["labels"], np.int32)
            try:
                if "text" in obj:
                    found = find_phrases(self.service, image, ", ".join(obj["text"]), obj["threshold"],
                                         obj["max_instances"], points=points, labels=labels, boxes=box)
                    made = found.mask_results() or [None] * len(found.boxes)
                    for clipped, label, score, result in zip(found.boxes, found.found.labels, found.found.scores, made):
                        category = obj["category_id"] or obj["phrase_ids"][asked_phrase(label, obj["text"])]
                        plan.append((category, float(score), None, len(prompts) if result is None else result))
                        prompts += [ObjectPrompt(box=clipped)] if result is None else []
                else:
                    plan.append((obj["category_id"], None, obj.get("id"), len(prompts)))
                    made = build_objects(points, labels, box, size, clip=True)
                    notes += [f"object {number}: {o.note}" for o in made if o.note]
                    prompts += made
            except SamAppError as exc:
                raise SamAppError(f"object {number}: {exc}") from None
        made = self.service.segment_objects(image, prompts, multimask=self.multimask, model=self.model,
                                            budget_s=self.budget_s).objects \
            if prompts else []
        annotations = []
        for category, score, source, what in plan:
            r = made[what] if isinstance(what, int) else what
            annotations.append(annotation(encode_rle(r.mask(r.best)), category,
                                          float(r.scores[r.best]) if score is None else score, source))
        return annotations


def annotation(rle: dict, category_id: int, score: float, source_id: Optional[int] = None,
               stability: Optional[float] = None) -> Dict[str, Any]:
    """One object of a part, from its pycocotools RLE (``results.mask_fields`` and what
    a dataset adds)."""
    return {"category_id": int(category_id), "source_id": source_id, **mask_fields(rle),
            "polygons": polygons(mask_utils.decode(rle)), "score": score_of(score),
            "stability_score": None if stability is None else score_of(stability)}


def polygons(mask: np.ndarray) -> List[List[float]]:
    """HxW mask -> its outer contours as flat [x1, y1, x2, y2, ...] lists (3 points or
    more each), largest first."""
    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    contours = sorted((c for c in contours if len(c) >= 3), key=cv2.contourArea, reverse=True)
    return [c.reshape(-1).astype(float).tolist() for c in contours]
