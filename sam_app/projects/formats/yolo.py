"""YOLO segmentation labels into a project: a folder with ``labels/`` (or the label files
themselves) whose ``<path without suffix>.txt`` hold one object a line, "class x1 y1 x2
y2 ..." normalised to [0, 1] (X by the image's width, Y by its height); class names
from ``classes.txt`` (a name a line, from class 0) or ``data.yaml``'s ``names``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import List, Optional, Tuple

from ...errors import SamAppError, shorten
from ...files import read_text
from ..database import ProjectError
from . import geometry
from .common import Gathered


def read_yolo(gathered: Gathered, source: Path) -> None:
    """Gather the label files of the folder ``source``."""
    names = yolo_classes(source)
    labels = source / "labels" if (source / "labels").is_dir() else source
    for path, where, image_id, size in gathered.image_files(source, labels, ".txt", leave=("classes.txt",)):
        try:
            text = read_text(path, where)
        except SamAppError as exc:
            gathered.skip(where, str(exc))
            continue
        gathered.touch(image_id)
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                _line(gathered, image_id, size, names, line, f"{where}, line {number}")


def yolo_classes(source: Path) -> List[Optional[str]]:
    """Class names by index, from ``classes.txt`` or ``data.yaml`` (``names``: a list, or
    a mapping index -> name); ProjectError when there is neither."""
    if (source / "classes.txt").is_file():
        try:
            lines = read_text(source / "classes.txt", "classes.txt").splitlines()
        except SamAppError as exc:
            raise ProjectError(str(exc)) from None
        while lines and not lines[-1].strip():
            lines.pop()
        return [line.strip() for line in lines]
    if (source / "data.yaml").is_file():
        import yaml

        try:
            names = (yaml.safe_load(read_text(source / "data.yaml", "data.yaml")) or {}).get("names")
        except (SamAppError, yaml.YAMLError, AttributeError) as exc:
            raise ProjectError(f"data.yaml cannot be read: {shorten(str(exc), 120, quote=False)}") from None
        if isinstance(names, dict) and all(type(k) is int and 0 <= k < 100_000 for k in names):
            return [names.get(k) for k in range(max(names, default=-1) + 1)]
        if isinstance(names, list):
            return names
        raise ProjectError("data.yaml has no \"names\" list (or mapping of class index to name)")
    raise ProjectError(f"{source} holds neither classes.txt nor data.yaml: the class names of a YOLO dataset come "
                       "from one of them")


def _line(gathered: Gathered, image_id: int, size: Tuple[int, int], names: list, line: str, where: str) -> None:
    """One label line -> one object (its polygon filled as pycocotools fills it)."""
    height, width = size
    try:
        label, polygon = _parsed(line, names, height, width)
    except SamAppError as exc:
        gathered.skip(where, str(exc), image_id)
        return
    gathered.add(image_id, label, geometry.fill_polygons([polygon], height, width), where)


def _parsed(line: str, names: list, height: int, width: int) -> Tuple[Optional[str], List[float]]:
    """A label line -> (class name, polygon [x1, y1, ...] in pixels); SamAppError says why not."""
    token, *rest = line.split()
    if not (token.isascii() and token.isdigit() and len(token) < 10) or int(token) >= len(names):
        raise SamAppError(f"class {shorten(token)} is not one of the {len(names)} classes (0 to {len(names) - 1})")
    if len(rest) == 4:
        raise SamAppError("a box (YOLO detection), not a polygon: not imported as a mask")
    try:
        values = [float(v) for v in rest]
    except ValueError:
        raise SamAppError("the coordinates are not numbers") from None
    if not all(math.isfinite(v) for v in values):
        raise SamAppError("the coordinates must be finite numbers")
    scaled = [v * (width if k % 2 == 0 else height) for k, v in enumerate(values)]
    return names[int(token)], geometry.polygon_values(scaled, height, width)
