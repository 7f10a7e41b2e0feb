"""A project's objects written as datasets. Each writer gets the exported images in path
order (``Exported``) and returns the files it wrote; every file is written beside its
place and renamed into it, and every folder (``yolo/``, ``semantic/``, ``labelme/``,
``masks/``) is filled beside and replaces an earlier one whole. The same objects always
give the same bytes: no timestamps, ids from the database's order.

Classes: position p (0-based, the project's order) is COCO category p + 1, YOLO class p,
semantic index p + 1 (0 = background). Objects without a class and empty masks are
left out. Polygons follow the pixels' edges (``geometry``): pycocotools fills them back
to the very mask.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import numpy as np

from ...errors import shorten
from ...export import atomic_write_bytes, mask_png_bytes, replaced_folder
from ...files import check_label, inside
from ..database import ProjectError
from ..records import ClassRecord, ImageRecord, ObjectRecord
from . import geometry
from .common import file_label, stem

LABELME_VERSION = "5.5.0"


@dataclass
class Exported:
    """An image to export: its record (width and height known) and the objects to write
    (each with a class of the project), in the image's order."""

    image: ImageRecord
    objects: List[ObjectRecord]

    def masks(self):
        """(object, HxW bool mask) for each object."""
        for o in self.objects:
            yield o, o.mask(self.image.height, self.image.width)


def classes_by_id(classes: List[ClassRecord]) -> Dict[int, int]:
    """class id -> position (0-based, in the project's order)."""
    return {c.id: k for k, c in enumerate(classes)}


def write_coco(output: Path, name: str, classes: List[ClassRecord], images: List[Exported],
               polygons: bool) -> List[Path]:
    """``output/annotations.json``: COCO instances. Image id = project image id, category
    id = position + 1, annotation ids 1, 2, ... in image then object order;
    segmentation as RLE, or with ``polygons`` as keyhole polygons (one a part, its holes
    bridged in); score where the object has one."""
    position = classes_by_id(classes)
    annotations = []
    for item in images:
        h, w = item.image.height, item.image.width
        for o in item.objects:
            segmentation = ([ring.ravel().tolist() for ring in geometry.keyholes(o.mask(h, w))] if polygons
                            else {"size": [h, w], "counts": o.counts})
            record = {"id": len(annotations) + 1, "image_id": item.image.id,
                      "category_id": position[o.class_id] + 1, "segmentation": segmentation, "area": o.area,
                      "bbox": list(o.bbox), "iscrowd": 0}
            if o.score is not None:
                record["score"] = o.score
            annotations.append(record)
    document = {
        "info": {"description": f"{name}: annotations exported from a sam_app project"},
        "images": [{"id": i.image.id, "file_name": i.image.path, "width": i.image.width, "height": i.image.height}
                   for i in images],
        "categories": [{"id": k + 1, "name": c.name, "supercategory": ""} for k, c in enumerate(classes)],
        "annotations": annotations,
    }
    path = output / "annotations.json"
    atomic_write_bytes(path, _json_bytes(document, indent=None))
    return [path]


def write_yolo(output: Path, classes: List[ClassRecord], images: List[Exported]) -> List[Path]:
    """``output/yolo/labels/<path without suffix>.txt``: a line per object, "class x1 y1 x2
    y2 ..." normalised to [0, 1] (X by the width, Y by the height), its parts and holes
    in one polygon (``geometry.single_polygon``); ``output/yolo/classes.txt``: a name a
    line, class = line number from 0. An image without objects gets an empty file."""
    position, written = classes_by_id(classes), []
    with _folder(output / "yolo", written) as put:
        put("classes.txt", "".join(check_label(c.name, "classes.txt") + "\n" for c in classes).encode())
        for item in images:
            lines = []
            for o, mask in item.masks():
                ring = geometry.single_polygon(mask) / (item.image.width, item.image.height)
                lines.append(f"{position[o.class_id]} " + " ".join(f"{v:.6f}" for v in ring.ravel()) + "\n")
            put(f"labels/{stem(item.image.path)}.txt", "".join(lines).encode())
    return written


def write_semantic(output: Path, classes: List[ClassRecord], images: List[Exported]) -> List[Path]:
    """``output/semantic/<path without suffix>.png``: a palette PNG per image, HxW class
    indices (0 background, position p -> p + 1, later objects over earlier ones), the
    palette the classes' colours; ``output/semantic/classes.json``: {index: {"name",
    "colour"}} from "0" (background)."""
    from PIL import Image

    if len(classes) > 255:
        raise ProjectError(f"the project has {len(classes)} classes; a semantic PNG holds at most 255 (export coco, "
                           "labelme or png instead)")
    position = classes_by_id(classes)
    palette = bytearray(3 * 256)
    table = {"0": {"name": "background", "colour": "#000000"}}
    for k, c in enumerate(classes):
        palette[3 * (k + 1):3 * (k + 2)] = bytes.fromhex(c.colour.lstrip("#"))
        table[str(k + 1)] = {"name": c.name, "colour": c.colour}
    written = []
    with _folder(output / "semantic", written) as put:
        put("classes.json", _json_bytes(table))
        for item in images:
            labels = np.zeros((item.image.height, item.image.width), np.uint8)
            for o, mask in item.masks():
                labels[mask] = position[o.class_id] + 1
            picture = Image.frombytes("P", (item.image.width, item.image.height), labels.tobytes())
            picture.putpalette(bytes(palette))
            buffer = io.BytesIO()
            picture.save(buffer, format="PNG")
            put(f"{stem(item.image.path)}.png", buffer.getvalue())
    return written


def write_labelme(output: Path, root: Path, classes: List[ClassRecord], images: List[Exported]) -> List[Path]:
    """``output/labelme/<path without suffix>.json``: LabelMe 5 files, imagePath relative
    to the JSON file, imageData null; a "polygon" shape per part of an object (its holes
    bridged in), group_id = the object's number in the image (from 1) on all its parts."""
    names, written = {c.id: c.name for c in classes}, []
    target = output.resolve() / "labelme"
    with _folder(output / "labelme", written) as put:
        for item in images:
            shapes = []
            for number, (o, mask) in enumerate(item.masks(), start=1):
                for ring in geometry.keyholes(mask):
                    shapes.append({"label": names[o.class_id], "points": ring.tolist(), "group_id": number,
                                   "description": "", "shape_type": "polygon", "flags": {}, "mask": None})
            relative = f"{stem(item.image.path)}.json"
            where = inside(target, relative).parent
            image_path = Path(os.path.relpath(Path(root).resolve() / item.image.path, where)).as_posix()
            put(relative, _json_bytes({"version": LABELME_VERSION, "flags": {}, "shapes": shapes,
                                       "imagePath": image_path, "imageData": None,
                                       "imageHeight": item.image.height, "imageWidth": item.image.width}))
    return written


def write_png(output: Path, classes: List[ClassRecord], images: List[Exported]) -> List[Path]:
    """``output/masks/<path without suffix>/<k>_<class name>.png``: one 0/255 PNG per
    object, k from 0 in the image's order; characters a file name cannot hold are
    written %XX (``common.file_label``)."""
    names, written = {c.id: file_label(c.name) for c in classes}, []
    with _folder(output / "masks", written) as put:
        for item in images:
            for k, (o, mask) in enumerate(item.masks()):
                put(f"{stem(item.image.path)}/{k}_{names[o.class_id]}.png", mask_png_bytes(mask))
    return written


@contextlib.contextmanager
def _folder(target: Path, written: List[Path]):
    """``put(relative, data)`` writes a file (relative: a '/'-separated name) into a new
    folder that replaces ``target`` when the block ends well; ``written`` gets the files'
    final paths, in order."""
    with replaced_folder(target) as staging:
        def put(relative: str, data: bytes) -> None:
            path = inside(staging, relative)  # names come from the database: still never outside
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
            written.append(inside(target, relative))

        yield put


def _json_bytes(document, indent=2) -> bytes:
    return (json.dumps(document, indent=indent, ensure_ascii=False) + "\n").encode()


def check_stems(images: List[Exported]) -> None:
    """ProjectError when two images would share a file (a.jpg and a.png both -> a.txt)."""
    seen: Dict[str, str] = {}
    for item in images:
        key = stem(item.image.path)
        if key in seen:
            raise ProjectError(f"images {shorten(seen[key])} and {shorten(item.image.path)} would be written to the "
                               f"same files ({shorten(key)}.*) in yolo, semantic, labelme and png exports; rename one "
                               "of them, or export coco only")
        seen[key] = item.image.path
