"""The annotation projects a server opens (``--project`` / ``--projects-dir``), as API
endpoints and MCP tools: list them, list a project's images, read an image's objects,
save objects (COCO RLE or polygons) as a new revision. Saves are checked against the
version the caller read, as the Project tab's are; the author is the logged-in user (or
"api" on a server without logins)."""

from __future__ import annotations

import json

import gradio as gr

from ..errors import SamAppError, shorten
from ..files import number, parse_json
from ..projects import report
from ..projects.formats.coco import segmentation_mask
from ..projects.records import SOURCES, ObjectRecord
from ..projects.schema import STATUSES
from .common import Shared, api_errors


class ProjectApi:
    def __init__(self, shared: Shared):
        self.shared = shared

    def wire(self) -> None:
        light = dict(concurrency_limit=None)
        gr.api(self.project_list, api_name="project_list", **light)
        gr.api(self.project_images, api_name="project_images", **light)
        gr.api(self.project_image, api_name="project_image", **light)
        gr.api(self.project_save, api_name="project_save", **light)

    def project_list(self) -> str:
        """List the annotation projects this server serves, with their classes and how many images are at each status.

        Returns:
            JSON text: a list of {"name", "classes": [names], "images", "status": {"todo": n, "in_progress": n, "done": n, "reviewed": n}}.
        """
        found = []
        for name in self.shared.projects.names():
            try:
                opened = self._project(name)
            except gr.Error:
                continue  # a damaged project of many: the others are listed
            summary = report.status(opened)  # counted by the database, as `project status` does
            classes = [c.name for c in opened.classes()]
            found.append({"name": name, "classes": classes, "images": summary["images"],
                          "status": summary["statuses"]})
        return json.dumps(found)

    def project_images(self, project: str, status: str = "", search: str = "") -> str:
        """List a project's images in path order, with their status and object counts.

        Args:
            project: the project's name (from project_list).
            status: only images at this status: todo, in_progress, done or reviewed; empty = all.
            search: only images whose path contains this text; empty = all.
        Returns:
            JSON text: a list of {"id", "path", "status", "objects", "proposals"} (proposals: objects a job made that no person accepted yet).
        """
        opened = self._project(project)
        with api_errors(self.shared):
            if status and status not in STATUSES:
                raise SamAppError(f"unknown status {shorten(status)}; expected one of {', '.join(STATUSES)}")
            return json.dumps([{"id": i.id, "path": i.path, "status": i.status, "objects": i.objects,
                                "proposals": i.proposals} for i in opened.image_list(status or None, search=search or None)])

    def project_image(self, project: str, image: str) -> str:
        """Read one image of a project: its size, status, version and objects with their masks.

        Args:
            project: the project's name.
            image: the image's path in the project (from project_images) or its id.
        Returns:
            JSON text: {"id", "path", "width", "height", "status", "version", "objects": [{"class", "segmentation": COCO RLE {"size": [H, W], "counts"}, "area", "bbox" [x, y, w, h], "source", "proposal", "score"}]}; give the version back to project_save.
        """
        opened = self._project(project)
        with api_errors(self.shared):
            return json.dumps(self._record(opened, opened.image(self._image_id(opened, image))))

    def project_save(self, project: str, image: str, objects: str, version: int, status: str = "",
                     request: gr.Request = None) -> str:
        """Save objects as an image's annotation (one new revision that replaces its objects; undoable in the Project tab).

        Args:
            project: the project's name.
            image: the image's path in the project or its id.
            objects: JSON text, a list of {"segmentation": COCO RLE {"size": [H, W], "counts"} or polygons [[x1, y1, x2, y2, ...]], "class": a class name of the project (or null), "source": how it was made (click, box, text, everything, import, edited; default import), "score": optional}.
            version: the version project_image returned; if someone saved the image since, nothing is saved and the error says who.
            status: the image's new status (todo, in_progress, done, reviewed); empty = unchanged.
        Returns:
            The image as saved, as project_image returns it.
        """
        opened = self._project(project)
        with api_errors(self.shared):
            record = opened.image(self._image_id(opened, image))
            entries = parse_json(objects, "objects")
            if not isinstance(entries, list):
                raise SamAppError(f"objects must be a JSON list of objects, got {shorten(entries)}")
            classes = opened.class_by_name()
            made = [self._object(entry, k, record, classes) for k, entry in enumerate(entries, start=1)]
            author = getattr(request, "username", None) or "api"
            saved = opened.save(record.id, made, int(number(version, "version", integer=True)), author,
                                status=status or None)
            return json.dumps(self._record(opened, saved))

    # ---------------------------------------------------------------- helpers

    def _project(self, name):
        with api_errors(self.shared):
            if not isinstance(name, str):
                raise SamAppError(f"project must be a project's name, got {shorten(name)}")
            return self.shared.projects.open(name)

    @staticmethod
    def _image_id(opened, image) -> int:
        text = str(image).strip()
        if text.isdigit():
            return int(text)
        found = [i.id for i in opened.image_list(search=text) if i.path == text]
        if not found:
            raise SamAppError(f"no image {shorten(text)} in this project; project_images lists them")
        return found[0]

    @staticmethod
    def _object(entry, k: int, record, classes) -> ObjectRecord:
        where = f"object {k}"
        if not isinstance(entry, dict):
            raise SamAppError(f"{where} is not a JSON object")
        if record.width is None:
            raise SamAppError(f"the image {record.path} cannot be read, so its size is unknown")
        try:
            mask = segmentation_mask(entry.get("segmentation"), record.height, record.width)
        except SamAppError as exc:
            raise SamAppError(f"{where}: {exc}") from None
        name, source = entry.get("class"), entry.get("source", "import")
        if name is not None and name not in classes:
            raise SamAppError(f"{where}: no class {shorten(name)} in this project; its classes: {', '.join(classes)}")
        if source not in SOURCES:
            raise SamAppError(f"{where}: unknown source {shorten(source)}; expected one of {', '.join(SOURCES)}")
        score = entry.get("score")
        score = None if score is None else float(number(score, f"{where}'s score"))
        return ObjectRecord.from_mask(mask, classes.get(name), source, score=score)

    @staticmethod
    def _record(opened, record) -> dict:
        names = {c.id: c.name for c in opened.classes()}
        size = [record.height, record.width]
        return {"id": record.id, "path": record.path, "width": record.width, "height": record.height,
                "status": record.status, "version": record.version,
                "objects": [{"class": names.get(o.class_id), "segmentation": {"size": size, "counts": o.counts},
                             "area": o.area, "bbox": list(o.bbox), "source": o.source, "proposal": o.proposal,
                             "score": o.score} for o in record.objects]}
