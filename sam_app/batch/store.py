"""A batch job's output folder: per-image parts as they finish, the dataset files
assembled from them at the end. Every file is written beside and renamed into place,
so an interrupted run leaves only whole files; a re-run picks up the parts.

    <output>/parts/<name hash>.<key>.json   one per finished image (see ``work``)
    <output>/masks/<name without suffix>/<k>.png   --format png: object k of the image
    <output>/annotations.json                --format coco: COCO instances
    <output>/labels/<name without suffix>.txt, classes.txt   --format yolo
    <output>/manifest.jsonl                  each image's status in the last run
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, Dict, Iterable, List

from ..errors import SamAppError
from ..export import atomic_write_bytes, decode_rle, mask_png_bytes, replaced_folder
from ..files import check_label, inside, umask_mode, writing
from .job import Job

FORMATS = ("coco", "yolo", "png")


def name_hash(name: str) -> str:
    return hashlib.blake2b(name.encode(), digest_size=10).hexdigest()


def stem(name: str) -> str:
    """A file name without its suffix, '/'-separated ("a/b.jpg" -> "a/b")."""
    return str(PurePosixPath(name).with_suffix(""))


class Store:
    def __init__(self, output: os.PathLike):
        self.output = Path(output)
        self.parts = self.output / "parts"
        try:
            self.parts.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SamAppError(f"cannot create output folder {self.output}: {exc.strerror}") from None

    def done_keys(self) -> Dict[str, str]:
        """name hash -> key of every finished image, from the part files' names."""
        keys = {}
        for path in self.parts.glob("*.json"):
            hashed, _, key = path.stem.partition(".")
            keys[hashed] = key
        return keys

    def part_path(self, name: str, key: str) -> Path:
        return self.parts / f"{name_hash(name)}.{key}.json"

    def read(self, name: str, key: str) -> Dict[str, Any]:
        return json.loads(self.part_path(name, key).read_text())

    def write(self, part: Dict[str, Any], png: bool) -> None:
        """Store a finished image: its mask PNGs first (with --format png), then its part,
        then drop the part of an earlier run with other settings."""
        if png:
            self.write_pngs(part)
        path = self.part_path(part["file_name"], part["key"])
        atomic_write_bytes(path, json.dumps(part).encode())
        for old in self.parts.glob(f"{name_hash(part['file_name'])}.*.json"):
            if old != path:
                old.unlink(missing_ok=True)

    def write_pngs(self, part: Dict[str, Any]) -> None:
        """masks/<stem>/<k>.png for each annotation k (0/255, the image's size), as a
        folder written beside and renamed into place."""
        target = inside(self.output / "masks", stem(part["file_name"]))  # never outside the output folder
        target.parent.mkdir(parents=True, exist_ok=True)
        with replaced_folder(target) as staging:
            for k, ann in enumerate(part["annotations"]):
                atomic_write_bytes(staging / f"{k}.png", mask_png_bytes(decode_rle(ann["segmentation"])))

    def assemble(self, job: Job, outcomes: Dict[str, Dict[str, Any]], formats: Iterable[str],
                 polygons: bool = False) -> List[Path]:
        """Write the dataset files from the parts of the finished images (outcomes: name ->
        {"status", "key", ...}, as the engines report them), in the job's order."""
        done = [item for item in job.items if outcomes.get(item.name, {}).get("status") in ("done", "skipped")]

        def parts():  # read again for each file: one image's part in memory at a time
            return (self.read(item.name, outcomes[item.name]["key"]) for item in done)

        written = []
        if "png" in formats:
            for part in parts():
                if not inside(self.output / "masks", stem(part["file_name"])).is_dir():
                    self.write_pngs(part)  # finished in a run without --format png
            written.append(self.output / "masks")
        if "coco" in formats:
            written.append(self._coco(job, parts, polygons, "png" in formats))
        if "yolo" in formats:
            written.append(self._yolo(job, parts))
        with self._staged(self.output / "manifest.jsonl") as f:
            for item in job.items:
                f.write(json.dumps({"file_name": item.name, **outcomes.get(item.name, {"status": "not run"})}) + "\n")
        return [*written, self.output / "manifest.jsonl"]

    def _coco(self, job: Job, parts, polygons: bool, png: bool) -> Path:
        """annotations.json, streamed: images, then annotations, then categories."""
        path = self.output / "annotations.json"
        with self._staged(path) as f:
            f.write('{"info": {"description": "Segment Anything masks (python -m sam_app batch)"},\n"images": [')
            f.write(",\n".join(json.dumps({"id": p["image_id"], "file_name": p["file_name"], "width": p["width"],
                                           "height": p["height"]}) for p in parts()))
            f.write('],\n"annotations": [')
            next_id, first = 1, True
            for part in parts():
                for k, ann in enumerate(part["annotations"]):
                    record = {"id": ann["source_id"] or next_id, "image_id": part["image_id"],
                              "category_id": ann["category_id"],
                              "segmentation": ann["polygons"] if polygons else ann["segmentation"],
                              "area": ann["area"], "bbox": ann["bbox"], "iscrowd": 0, "score": ann["score"]}
                    if ann["stability_score"] is not None:
                        record["stability_score"] = ann["stability_score"]
                    if png:
                        record["mask_file"] = f"masks/{stem(part['file_name'])}/{k}.png"
                    f.write(("" if first else ",\n") + json.dumps(record))
                    next_id, first = next_id + 1, False
            f.write('],\n"categories": ' + json.dumps(job.categories) + "}\n")
        return path

    def _yolo(self, job: Job, parts) -> Path:
        """labels/<stem>.txt: per object "class x1 y1 x2 y2 ..." (its largest contour,
        normalised to [0, 1]); classes.txt: one category name per line, class = line."""
        classes = {c["id"]: i for i, c in enumerate(job.categories)}
        names = [check_label(c["name"], "classes.txt") for c in job.categories]  # one line each, or YOLO misreads
        atomic_write_bytes(self.output / "classes.txt", "".join(name + "\n" for name in names).encode())
        for part in parts():
            w, h = part["width"], part["height"]
            lines = []
            for ann in part["annotations"]:
                if ann["polygons"]:
                    xy = ann["polygons"][0]
                    coords = " ".join(f"{v / (w if i % 2 == 0 else h):.6f}" for i, v in enumerate(xy))
                    lines.append(f"{classes[ann['category_id']]} {coords}\n")
            label = inside(self.output / "labels", stem(part["file_name"]) + ".txt")
            label.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(label, "".join(lines).encode())
        return self.output / "labels"

    @contextmanager
    def _staged(self, path: Path):
        """A text file written beside ``path`` and renamed into place when whole."""
        with writing(path):
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            os.fchmod(fd, umask_mode())
        try:
            with writing(path), io.open(fd, "w", encoding="utf-8") as f:
                yield f
            with writing(path):
                os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

