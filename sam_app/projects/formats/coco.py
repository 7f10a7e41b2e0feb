"""COCO instances into a project: images matched by ``file_name`` (a path relative to the
project's image root), categories by name, segmentations as RLE (compressed or plain
counts, checked before decoding: ``rle``) or polygons (filled as pycocotools fills
them, a polygon inside another of the same annotation a hole: ``geometry``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import numpy as np

from ...errors import SamAppError, shorten
from ..database import ProjectError
from . import geometry
from .common import Gathered, load_json
from .rle import rle_mask


def read_coco(gathered: Gathered, source: Path) -> None:
    """Gather the annotations of the COCO file ``source``; ProjectError when the file
    itself cannot be read or is not COCO, ``unmapped`` lines for what cannot be mapped."""
    where = source.name
    try:
        document = load_json(source, where)
    except SamAppError as exc:
        raise ProjectError(str(exc)) from None
    parts = {key: document.get(key, []) for key in ("images", "annotations", "categories")} \
        if isinstance(document, dict) else {}
    if not isinstance(document, dict) or "images" not in document \
            or not all(isinstance(value, list) for value in parts.values()):
        raise ProjectError(f"{where} is not a COCO file: expected an object with lists \"images\", \"annotations\" "
                           "and \"categories\"")
    labels = {c["id"]: c.get("name") for c in parts["categories"] if isinstance(c, dict) and _whole(c.get("id"))}
    images, lines = _images(gathered, parts["images"], where)
    left: Dict[int, int] = {}  # coco image id of an unmapped image -> its annotations
    for k, annotation in enumerate(parts["annotations"], start=1):
        if not isinstance(annotation, dict):
            gathered.skip(f"{where}, annotation #{k}", "not an object")
            continue
        number = annotation.get("id") if _whole(annotation.get("id")) else f"#{k}"
        spot = f"{where}, annotation {number}"
        image_id = annotation.get("image_id")
        if not _whole(image_id) or image_id not in images:
            gathered.skip(spot, f"its image_id {shorten(image_id)} is not among the file's images")
            continue
        if images[image_id] is None:
            left[image_id] = left.get(image_id, 0) + 1
            continue
        project_id, (height, width) = images[image_id]
        if annotation.get("category_id") not in labels:
            gathered.skip(spot, f"its category_id {shorten(annotation.get('category_id'))} is not among the file's "
                                "categories", project_id)
            continue
        try:
            mask = segmentation_mask(annotation.get("segmentation"), height, width)
        except SamAppError as exc:
            gathered.skip(spot, str(exc), project_id)
            continue
        gathered.add(project_id, labels[annotation["category_id"]], mask, spot, score=annotation.get("score"))
    for image_id, count in left.items():
        gathered.unmapped[lines[image_id]] += f" (its {count} annotation{'s' if count > 1 else ''} not imported)"


def _whole(value: Any) -> bool:
    return type(value) is int


def _images(gathered: Gathered, entries: list, where: str):
    """coco image id -> (project image id, (height, width)), or None for an image that
    could not be mapped (then also id -> its line in ``unmapped``)."""
    images: Dict[int, Optional[Tuple[int, Tuple[int, int]]]] = {}
    lines: Dict[int, int] = {}
    for k, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not _whole(entry.get("id")):
            gathered.skip(f"{where}, image #{k}", "not an object with a whole-number id")
            continue
        spot = f"{where}, image id {entry['id']}"
        if entry["id"] in images:
            gathered.skip(spot, f"image id {entry['id']} is given twice; the first is used")
            continue
        size = None
        project_id = gathered.image(entry.get("file_name"), spot)
        if project_id is not None:
            size = gathered.same_size(project_id, entry.get("height"), entry.get("width"), spot)
        if size is None:
            images[entry["id"]], lines[entry["id"]] = None, len(gathered.unmapped) - 1
            continue
        images[entry["id"]] = (project_id, size)
        gathered.touch(project_id)
    return images, lines


def segmentation_mask(segmentation: Any, height: int, width: int) -> np.ndarray:
    """A COCO segmentation -> HxW bool: RLE ``{"size": [H, W], "counts"}`` or polygons
    ``[[x1, y1, x2, y2, ...], ...]`` in pixels (X right, Y down); SamAppError otherwise."""
    if isinstance(segmentation, dict):
        return rle_mask(segmentation, height, width)
    if isinstance(segmentation, list) and segmentation and all(isinstance(p, list) for p in segmentation):
        polygons = []
        for k, values in enumerate(segmentation, start=1):
            try:
                polygons.append(geometry.polygon_values(values, height, width))
            except SamAppError as exc:
                raise SamAppError(f"polygon {k}: {exc}") from None
        return geometry.fill_polygons(polygons, height, width)
    if segmentation in (None, []):
        raise SamAppError("no segmentation (a box only): not imported as a mask")
    raise SamAppError("the segmentation is neither COCO RLE nor a list of polygons")
