"""Mask pictures into a project, in either layout the png and semantic exports write:

- per object: ``<path without suffix>/<k>_<class name>.png`` (any non-zero pixel is in;
  the class name with %XX escapes, ``common.file_label``), objects in the order of k;
- per image (a ``classes.json`` in the folder): ``<path without suffix>.png`` of class
  indices (palette or grayscale), 0 background, the table ``{index: {"name", ...}}``
  naming the others; one object per 8-connected component of each class.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Tuple
from urllib.parse import unquote

import cv2
import numpy as np

from ...errors import SamAppError, shorten
from ...files import read_bytes
from ..database import ProjectError
from .common import Gathered, files_under, load_json, nonzero, read_picture

OBJECT_FILE = re.compile(r"(\d{1,9})_(.+)\.png", re.IGNORECASE)


def read_masks(gathered: Gathered, source: Path) -> None:
    """Gather the mask pictures of the folder ``source`` (the layout by ``classes.json``)."""
    if (source / "classes.json").is_file():
        _class_pictures(gathered, source, class_table(source))
        return
    folders: Dict[Path, List[Tuple[int, str, Path]]] = {}
    for path in files_under(source, ".png", gathered):
        where = path.relative_to(source).as_posix()
        named = OBJECT_FILE.fullmatch(path.name)
        if path.parent == source or not named:
            gathered.skip(where, "not <image path without suffix>/<k>_<class name>.png (nor is there a classes.json "
                                 "for class-index pictures)")
            continue
        folders.setdefault(path.parent, []).append((int(named.group(1)), unquote(named.group(2)), path))
    for folder, files in folders.items():
        relative = folder.relative_to(source).as_posix()
        found = gathered.sized_image(relative, relative)
        if found is None:
            gathered.unmapped[-1] += f" ({len(files)} mask file{'s' if len(files) > 1 else ''} not imported)"
            continue
        image_id, size = found
        gathered.touch(image_id)
        for _, label, path in sorted(files, key=lambda f: (f[0], f[2].name)):
            where = path.relative_to(source).as_posix()
            try:
                mask = nonzero(read_picture(read_bytes(path, where), (size[1], size[0])))
            except SamAppError as exc:
                gathered.skip(where, str(exc), image_id)
                continue
            gathered.add(image_id, label, mask, where)


def class_table(source: Path) -> Dict[int, str]:
    """``classes.json``: index (from 1) -> class name; ProjectError when unreadable."""
    try:
        table = load_json(source / "classes.json", "classes.json")
    except SamAppError as exc:
        raise ProjectError(str(exc)) from None
    if not isinstance(table, dict):
        raise ProjectError("classes.json is not a table of class index -> {\"name\": ...}")
    names = {}
    for key, entry in table.items():
        if not (key.isascii() and key.isdigit() and len(key) < 6):
            raise ProjectError(f"classes.json: {shorten(key)} is not a class index (0, 1, 2, ...)")
        names[int(key)] = entry.get("name") if isinstance(entry, dict) else entry
    names.pop(0, None)  # 0 is background, whatever its name
    return names


def _class_pictures(gathered: Gathered, source: Path, names: Dict[int, str]) -> None:
    """Each ``<path without suffix>.png`` of class indices -> an object per component."""
    for path, where, image_id, size in gathered.image_files(source, source, ".png"):
        try:
            picture = read_picture(read_bytes(path, where), (size[1], size[0]))
            if picture.mode not in ("P", "L", "I", "I;16"):
                raise SamAppError(f"a {picture.mode} picture, not class indices (a palette or grayscale PNG)")
        except SamAppError as exc:
            gathered.skip(where, str(exc))
            continue
        gathered.touch(image_id)
        indices = np.asarray(picture)
        values, counts = np.unique(indices, return_counts=True)
        for value, count in zip(values.tolist(), counts.tolist()):
            if value == 0:
                continue
            if value not in names:
                gathered.skip(where, f"{count:,} pixels of index {value}, which classes.json does not name", image_id)
                continue
            _components(gathered, image_id, indices == value, names[value], f"{where}, index {value}")


def _components(gathered: Gathered, image_id: int, region: np.ndarray, label, where: str) -> None:
    """One object per 8-connected component of the HxW bool ``region``, in OpenCV's
    labelling order (by first pixel, row by row)."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(region.astype(np.uint8), connectivity=8)
    gathered.reserve(count - 1, where)
    for k in range(1, count):
        x, y, w, h = stats[k, :4]
        mask = np.zeros(region.shape, bool)
        mask[y:y + h, x:x + w] = labels[y:y + h, x:x + w] == k
        gathered.add(image_id, label, mask, where, counted=True)
