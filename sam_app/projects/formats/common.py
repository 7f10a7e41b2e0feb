"""What every import shares: the report, the project's images found by the names files
give (never opened by those names), the objects gathered before anything is saved (the
object limit checked first), and the saving, one ``amend`` per image.
"""

from __future__ import annotations

import io
import os
import posixpath
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Dict, List, Optional, Tuple

import numpy as np

from ...errors import SamAppError, shorten
from ...files import check_label, inside, parse_json, read_text
from ...limits import LIMITS
from ..database import ProjectError
from ..records import ObjectRecord

UNSAFE = set('/\\:*?"<>|%')  # characters a class name cannot keep in a file name: written as %XX


def stem(name: str) -> str:
    """A '/'-separated path without its suffix ("a/b.jpg" -> "a/b")."""
    return str(PurePosixPath(name).with_suffix(""))


def file_label(name: str) -> str:
    """A class name as part of a file name: ``UNSAFE`` characters and control characters
    as %XX (``urllib.parse.unquote`` reads it back)."""
    return "".join(f"%{ord(c):02X}" if c in UNSAFE or ord(c) < 32 else c for c in name)


@dataclass
class ImportReport:
    """images: images whose objects were saved; objects: objects imported;
    added_classes: classes the import added to the project; unmapped: what could not be
    imported, each "where: why"."""

    images: int = 0
    objects: int = 0
    added_classes: List[str] = field(default_factory=list)
    unmapped: List[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [f"Imported {_count(self.objects, 'object')} into {_count(self.images, 'image')}."]
        if self.added_classes:
            lines.append(f"Classes added: {', '.join(self.added_classes)}.")
        if self.unmapped:
            lines.append(f"Not imported ({len(self.unmapped)}):")
            lines += [f"  {line}" for line in self.unmapped]
        return "\n".join(lines)


def _count(number: int, what: str) -> str:
    return f"{number} {what}{'' if number == 1 else 's'}"


def _by_base(table: Dict[str, List[int]]) -> Dict[str, List[str]]:
    """The keys of ``table`` (paths) by their last part."""
    bases: Dict[str, List[str]] = {}
    for key in table:
        bases.setdefault(posixpath.basename(key), []).append(key)
    return bases


def load_json(path: Path, where: str):
    """A JSON file within the size limit; SamAppError saying why it cannot be read."""
    return parse_json(read_text(path, where), where)


class Gathered:
    """An import in the making: the project's images by name, and per image the objects
    found so far (class name, record) and what could not be mapped."""

    def __init__(self, project):
        self.project = project
        listed = project.image_list()
        self.names = {i.id: i.path for i in listed}
        self.by_path: Dict[str, List[int]] = {}  # path -> ids, and stem -> ids
        self.by_stem: Dict[str, List[int]] = {}
        for i in listed:
            self.by_path.setdefault(i.path, []).append(i.id)
            self.by_stem.setdefault(stem(i.path), []).append(i.id)
        self.path_ends, self.stem_ends = _by_base(self.by_path), _by_base(self.by_stem)
        self.sizes: Dict[int, Optional[Tuple[int, int]]] = {}
        self.objects: Dict[int, List[Tuple[str, ObjectRecord]]] = {}
        self.unmapped: List[str] = []
        self.failed: set = set()
        self.count = 0

    def skip(self, where: str, why: str, image: Optional[int] = None) -> None:
        """List ``where``: ``why`` as not imported (``why`` alone when it names ``where``
        first); ``image``: the project image it was for (replace keeps such an image's
        objects when nothing of it could be imported)."""
        self.unmapped.append(why if why.startswith(f"{where} ") or why.startswith(f"{where}:") else f"{where}: {why}")
        if image is not None:
            self.failed.add(image)

    def image(self, name, where: str, without_suffix: bool = False) -> Optional[int]:
        """The project image a file names (a path relative to the image root, or the end
        of one: 'b.jpg' finds 'a/b.jpg' when only one image ends so), or None, the reason
        added to ``unmapped``. without_suffix: ``name`` is a path without its suffix."""
        if isinstance(name, str):
            name = name.replace("\\", "/").removeprefix("./")
        try:
            inside(Path("."), name)  # refuses absolute names, '..' and NULs with a message; opens nothing
        except SamAppError as exc:
            self.skip(where, str(exc))
            return None
        table, ends = (self.by_stem, self.stem_ends) if without_suffix else (self.by_path, self.path_ends)
        found = table.get(name) or [i for key in ends.get(posixpath.basename(name), [])
                                    if key.endswith("/" + name) for i in table[key]]
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(shorten(self.names[i]) for i in found[:3])
            self.skip(where, f"{shorten(name)} matches {len(found)} images of the project ({listed}); name one")
        else:
            self.skip(where, f"image {shorten(name)} is not in the project")
        return None

    def sized_image(self, stem: str, where: str) -> Optional[Tuple[int, Tuple[int, int]]]:
        """(image id, (height, width)) of the project image a file names by ``stem`` (its
        path without suffix), or None (unmapped, with the reason)."""
        image_id = self.image(stem, where, without_suffix=True)
        size = self.size(image_id, where) if image_id is not None else None
        return None if size is None else (image_id, size)

    def image_files(self, source: Path, folder: Path, suffix: str, leave=()):
        """(path, where, image id, (height, width)) of each file under ``folder`` ending in
        ``suffix`` whose path from ``folder`` without the suffix names a project image
        (``where``: its path from ``source``); the others are listed in ``unmapped``; the
        names in ``leave`` are passed over."""
        for path in files_under(folder, suffix, self):
            if path.name in leave:
                continue
            where = path.relative_to(source).as_posix()
            found = self.sized_image(path.relative_to(folder).with_suffix("").as_posix(), where)
            if found is not None:
                yield (path, where, *found)

    def size(self, image_id: int, where: str) -> Optional[Tuple[int, int]]:
        """(height, width) of a project image, or None (unmapped) when its file cannot be read."""
        if image_id not in self.sizes:
            record = self.project.image(image_id)
            self.sizes[image_id] = None if record.width is None else (record.height, record.width)
        if self.sizes[image_id] is None:
            self.skip(where, f"the size of {shorten(self.names[image_id])} is unknown: its file cannot be read")
        return self.sizes[image_id]

    def same_size(self, image_id: int, height, width, where: str) -> Optional[Tuple[int, int]]:
        """The image's (height, width) when the file's stated size (None: not stated) is
        the same; None otherwise, the reason in ``unmapped``."""
        size = self.size(image_id, where)
        if size is not None and (height, width) != (None, None) and (height, width) != size:
            self.skip(where, f"the file is for an image of {shorten(width)} x {shorten(height)} pixels; "
                             f"{self.names[image_id]} is {size[1]} x {size[0]}")
            return None
        return size

    def touch(self, image_id: int) -> None:
        """The source speaks of this image (with replace=True its objects are replaced,
        even by none)."""
        self.objects.setdefault(image_id, [])

    def reserve(self, count: int, where: str) -> None:
        """Count ``count`` more objects; ProjectError over ``LIMITS.max_import_objects``."""
        self.count += count
        if LIMITS.max_import_objects and self.count > LIMITS.max_import_objects:
            raise ProjectError(f"{where}: this import brings more than {LIMITS.max_import_objects:,} objects, the "
                               f"most one import may bring; nothing was imported "
                               f"({LIMITS.raise_hint('max_import_objects')})")

    def add(self, image_id: int, label, mask: np.ndarray, where: str, score=None, counted: bool = False) -> None:
        """One object of class ``label`` with the HxW bool ``mask`` (at the image's size);
        an empty mask or a bad class name goes to ``unmapped``."""
        try:
            label = check_label(label, where)
        except SamAppError as exc:
            self.skip(where, str(exc).removeprefix(f"{where}: "), image_id)
            return
        if not mask.any():
            self.skip(where, "the mask is empty (no pixel inside the image)", image_id)
            return
        if not counted:
            self.reserve(1, where)
        score = float(score) if type(score) in (int, float) and np.isfinite(score) else None
        record = ObjectRecord.from_mask(mask, None, "import", proposal=False, score=score)
        self.objects.setdefault(image_id, []).append((label, record))

    def save(self, author: str, replace_objects: bool) -> ImportReport:
        """Add the classes not in the project yet, then one ``amend`` per image touched
        (in path order): objects appended, or with ``replace_objects`` replacing the
        image's."""
        before = {c.name for c in self.project.classes()}
        wanted = list(dict.fromkeys(label for found in self.objects.values() for label, _ in found))
        added = [name for name in wanted if name not in before]
        ids = {c.name: c.id for c in self.project.add_classes(added)} if added else self.project.class_by_name()
        report = ImportReport(added_classes=added, unmapped=self.unmapped)
        for image_id in sorted(self.objects, key=lambda i: self.names[i]):
            new = [replace(record, class_id=ids[label]) for label, record in self.objects[image_id]]
            if not new and (not replace_objects or image_id in self.failed):
                if replace_objects:
                    self.skip(self.names[image_id], "its objects were kept as they were: none of what the source "
                                                    "holds for it could be imported")
                continue
            self.project.amend(image_id, lambda image, new=new: new if replace_objects else [*image.objects, *new],
                               author)
            report.images += 1
            report.objects += len(new)
        return report


def files_under(folder: Path, suffix: str, gathered: "Gathered") -> List[Path]:
    """The files of ``folder`` and its subfolders ending in ``suffix`` (case-blind), in
    path order. Symbolic links are not followed (each is listed in ``unmapped``)."""
    found = []
    for top, folders, names in os.walk(folder):
        folders.sort()
        for name in names:
            path = Path(top) / name
            if not name.lower().endswith(suffix):
                continue
            if path.is_symlink():
                gathered.skip(path.relative_to(folder).as_posix(), "a symbolic link: not followed")
            else:
                found.append(path)
        for name in folders:
            if (Path(top) / name).is_symlink():
                gathered.skip((Path(top) / name).relative_to(folder).as_posix(), "a symbolic link: not followed")
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_picture(data: bytes, size: Tuple[int, int]):
    """PNG (or any PIL-readable image) bytes -> a loaded PIL image, refused (SamAppError)
    unless it is ``size`` = (width, height), checked before its pixels are decoded."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.size != size:
                raise SamAppError(f"the mask is {picture.size[0]} x {picture.size[1]} pixels; expected "
                                  f"{size[0]} x {size[1]}")
            picture.load()
            return picture.copy()
    except SamAppError:
        raise
    except UnidentifiedImageError:
        raise SamAppError("not an image (a PNG is expected)") from None
    except (OSError, ValueError, SyntaxError, EOFError, zlib.error, Image.DecompressionBombError) as exc:
        raise SamAppError(f"not a readable image ({shorten(str(exc), 80, quote=False)})") from None


def nonzero(picture) -> np.ndarray:
    """A mask picture -> HxW bool: a pixel is in when any of its colour channels is
    above 0 (alpha ignored; a palette picture by its colours)."""
    if picture.mode in ("1", "L", "I", "I;16", "F"):
        return np.asarray(picture) > 0
    return np.asarray(picture.convert("RGB")).max(axis=2) > 0
