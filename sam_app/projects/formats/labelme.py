"""LabelMe files into a project: a folder of ``.json`` files (LabelMe 5), each matched
to its image by ``imagePath`` (worked out against the project's image root, never
opened) or else by its own path without suffix. Shapes sharing (label, group_id) are one
object: "polygon" and "rectangle" shapes filled as pycocotools fills polygons (one
inside another of the group a hole), "mask" shapes (a PNG in base64 over the box of
their two points, LabelMe's ``mask[y1:y2+1, x1:x2+1]``) added to it. Other shape
types are listed as unmapped.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path
from typing import Optional, Tuple

import numpy as np

from ...errors import SamAppError, shorten
from . import geometry
from .common import Gathered, files_under, load_json, nonzero, read_picture

SHAPES = ("polygon", "rectangle", "mask")


def read_labelme(gathered: Gathered, source: Path) -> None:
    """Gather the LabelMe files of the folder ``source``."""
    for path in files_under(source, ".json", gathered):
        where = path.relative_to(source).as_posix()
        try:
            document = load_json(path, where)
        except SamAppError as exc:
            gathered.skip(where, str(exc))
            continue
        if not isinstance(document, dict) or not isinstance(document.get("shapes"), list):
            gathered.skip(where, "not a LabelMe file (an object with a \"shapes\" list)")
            continue
        image_id = _image(gathered, source, path, document.get("imagePath"), where)
        if image_id is None:
            continue
        size = gathered.same_size(image_id, document.get("imageHeight"), document.get("imageWidth"), where)
        if size is None:
            continue
        gathered.touch(image_id)
        groups = {}
        for number, shape in enumerate(document["shapes"], start=1):
            spot = f"{where}, shape {number}"
            if not isinstance(shape, dict):
                gathered.skip(spot, "not an object", image_id)
                continue
            group = shape.get("group_id")
            if group is not None and type(group) is not int:
                gathered.skip(spot, f"group_id {shorten(group)} is not a whole number", image_id)
                continue
            key = (str(shape.get("label")), group if group is not None else f"#{number}")
            groups.setdefault(key, []).append((spot, shape))
        for shapes in groups.values():
            _object(gathered, image_id, size, shapes)


def _image(gathered: Gathered, source: Path, path: Path, image_path, where: str) -> Optional[int]:
    """The project image of a LabelMe file: the one its imagePath leads to (as a path,
    relative to the JSON file's folder), else the one named like the file."""
    if isinstance(image_path, str) and image_path:
        named = os.path.normpath(os.path.join(path.parent.resolve(), image_path.replace("\\", "/")))
        root = str(gathered.project.root)
        if os.path.commonpath([named, root]) == root:
            relative = Path(named).relative_to(root).as_posix()
            if relative in gathered.by_path:
                return gathered.by_path[relative][0]
    return gathered.image(path.relative_to(source).with_suffix("").as_posix(), where, without_suffix=True)


def _object(gathered: Gathered, image_id: int, size: Tuple[int, int], shapes) -> None:
    """The shapes of one (label, group_id) -> one object."""
    height, width = size
    polygons, masks, used = [], [], []
    for spot, shape in shapes:
        kind = shape.get("shape_type") or "polygon"
        try:
            if kind not in SHAPES:
                raise SamAppError(f"shape type {shorten(kind)} is not supported; polygon, rectangle and mask are")
            points = shape.get("points")
            if kind == "mask":
                masks.append(_mask(shape, points, height, width))
            else:
                flat = [v for p in points for v in p] if _pairs(points) else None
                if kind == "rectangle" and flat is not None and len(flat) == 4:
                    (x1, y1), (x2, y2) = points
                    flat = [x1, y1, x2, y1, x2, y2, x1, y2]
                elif kind == "rectangle":
                    raise SamAppError("a rectangle has two [x, y] points")
                polygons.append(geometry.polygon_values(flat if flat is not None else points, height, width))
        except SamAppError as exc:
            gathered.skip(spot, str(exc), image_id)
            continue
        used.append(spot)
    if not used:
        return
    try:
        mask = geometry.fill_polygons(polygons, height, width) if polygons else np.zeros((height, width), bool)
    except SamAppError as exc:
        gathered.skip(used[0], str(exc), image_id)
        return
    for extra in masks:
        mask |= extra
    spot = used[0] if len(used) == 1 else f"{used[0]} (with {len(used) - 1} more of its group)"
    gathered.add(image_id, shapes[0][1].get("label"), mask, spot)


def _pairs(points) -> bool:
    return isinstance(points, list) and all(isinstance(p, list) and len(p) == 2 for p in points)


def _mask(shape: dict, points, height: int, width: int) -> np.ndarray:
    """A "mask" shape -> HxW bool: its PNG placed at [y1:y2+1, x1:x2+1] of its points."""
    if not (_pairs(points) and len(points) == 2 and all(type(v) in (int, float) for p in points for v in p)):
        raise SamAppError("a mask shape has two [x, y] points (its box)")
    (x1, y1), (x2, y2) = [[int(v) for v in p] for p in points]
    if not (0 <= x1 <= x2 < width and 0 <= y1 <= y2 < height):
        raise SamAppError(f"the mask's box ({x1}, {y1}) to ({x2}, {y2}) lies outside the image of {width} x {height}")
    try:
        data = base64.b64decode(shape.get("mask") or "", validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise SamAppError("the mask is not base64 text") from None
    mask = np.zeros((height, width), bool)
    mask[y1:y2 + 1, x1:x2 + 1] = nonzero(read_picture(data, (x2 - x1 + 1, y2 - y1 + 1)))
    return mask
