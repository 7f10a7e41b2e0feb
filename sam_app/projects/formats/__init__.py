"""A project's annotations out to datasets and in from them.

    from sam_app.projects.formats import export_project, import_annotations
    export_project(project, "out/", ["coco", "yolo"])                # -> files written
    report = import_annotations(project, "coco", "annotations.json")
    print(report.text())                                             # what came in, what did not

Export layouts in OUT (``writers``):

    annotations.json                                 coco: COCO instances (RLE, or polygons)
    yolo/labels/<path without suffix>.txt, yolo/classes.txt          yolo
    semantic/<path without suffix>.png, semantic/classes.json        semantic (palette PNGs)
    labelme/<path without suffix>.json                               labelme (LabelMe 5)
    masks/<path without suffix>/<k>_<class name>.png                 png (0/255, one per object)

Import kinds: coco (a file), yolo, labelme and masks (folders); see ``coco``, ``yolo``,
``labelme`` and ``masks``. Input files are untrusted: read within the size limit, RLE
checked before decoding, image names only matched against the project's images.
Polygons are written along the pixels' edges and read as pycocotools reads them, so a
mask survives export and import bit for bit (``geometry``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, List

from ...errors import shorten
from ...files import writing
from ..database import ProjectError
from .coco import read_coco
from .common import Gathered, ImportReport
from .labelme import read_labelme
from .masks import read_masks
from .writers import Exported, check_stems, write_coco, write_labelme, write_png, write_semantic, write_yolo
from .yolo import read_yolo

EXPORT_FORMATS = ("coco", "yolo", "semantic", "labelme", "png")
IMPORT_KINDS = ("coco", "yolo", "labelme", "masks")
READERS = {"coco": read_coco, "yolo": read_yolo, "labelme": read_labelme, "masks": read_masks}

__all__ = ["EXPORT_FORMATS", "IMPORT_KINDS", "ImportReport", "export_project", "import_annotations"]


def export_project(project, output, formats: Iterable[str], reviewed_only: bool = False, polygons: bool = False,
                   proposals: bool = False) -> List[Path]:
    """Write the project's objects into the folder ``output`` in each of ``formats``
    (``EXPORT_FORMATS``; layouts in the module docstring); the files written.

    reviewed_only: only images whose status is "reviewed". polygons: COCO segmentations
    as polygons instead of RLE. proposals: also objects not accepted yet (left out by
    default). Objects without a class and empty ones are left out. The same database
    gives the same bytes (for the same ``output``: LabelMe's imagePath is relative)."""
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in EXPORT_FORMATS]
    if unknown or not formats:
        raise ProjectError(f"unknown export format {shorten(unknown[0]) if unknown else '(none)'}; expected one or "
                           f"more of {', '.join(EXPORT_FORMATS)}")
    output = Path(output)
    with writing(output):
        output.mkdir(parents=True, exist_ok=True)
    classes = project.classes()
    images = _exported(project, {c.id for c in classes}, reviewed_only, proposals)
    if set(formats) - {"coco"}:
        check_stems(images)
    written: List[Path] = []
    for name in formats:
        if name == "coco":
            written += write_coco(output, project.name, classes, images, polygons)
        elif name == "yolo":
            written += write_yolo(output, classes, images)
        elif name == "semantic":
            written += write_semantic(output, classes, images)
        elif name == "labelme":
            written += write_labelme(output, project.root, classes, images)
        else:
            written += write_png(output, classes, images)
    return written


def _exported(project, class_ids, reviewed_only: bool, proposals: bool) -> List[Exported]:
    """The images to export, in path order, with the objects to write."""
    images = []
    for listed in project.image_list(status="reviewed" if reviewed_only else None):
        record = project.image(listed.id)
        objects = [o for o in record.objects if (proposals or not o.proposal) and o.class_id in class_ids
                   and o.area > 0]
        if record.width is None:
            if objects:
                raise ProjectError(f"{record.path} has objects but its size is unknown: its file cannot be read "
                                   "(sam-app project check says more); restore the file to export")
            continue
        images.append(Exported(record, objects))
    return images


def import_annotations(project, kind: str, source, author: str = "import", replace: bool = False) -> ImportReport:
    """Bring the annotations of ``source`` into the project: ``kind`` "coco" (a COCO
    file), "yolo", "labelme" or "masks" (folders; see the module docstring). One
    ``amend`` per image touched: its objects appended, or with ``replace`` replaced (an
    image the source lists without objects is then emptied). Imported objects have
    source "import" and are not proposals; classes the project lacks are added. Nothing
    is saved when the import would bring more than ``LIMITS.max_import_objects``
    objects (ProjectError); what cannot be mapped is listed in ``report.unmapped``."""
    if kind not in READERS:
        raise ProjectError(f"unknown import kind {shorten(kind)}; expected one of {', '.join(IMPORT_KINDS)}")
    source = Path(source)
    if kind == "coco" and source.is_dir() and (source / "annotations.json").is_file():
        source = source / "annotations.json"
    if not source.exists():
        raise ProjectError(f"{kind} import: {source} not found")
    if kind != "coco" and not source.is_dir():
        raise ProjectError(f"a {kind} import reads a folder; {source} is not one")
    gathered = Gathered(project)
    READERS[kind](gathered, source)
    return gathered.save(author, replace)
