"""What a project holds (``status``) and whether it is whole (``check``): for
``sam-app project status`` / ``check`` and the web UI's project summary.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Dict, List

from sqlalchemy import func, select

from ..errors import SamAppError
from ..files import inside, read_bytes
from . import schema as t
from .store import Project


def status(project: Project) -> Dict:
    """{"name", "images", "objects", "proposals", "statuses": {status: images},
    "classes": {name: {"objects", "images"}}} in a handful of queries (a 10,000-image
    project in well under a second)."""
    with project.engine.connect() as connection:
        images = connection.execute(select(func.count()).select_from(t.images)).scalar()
        statuses = dict(connection.execute(select(t.images.c.status, func.count()).group_by(t.images.c.status)).all())
        objects, proposals = connection.execute(
            select(func.count(), func.coalesce(func.sum(t.objects.c.proposal.cast(t.sa.Integer)), 0))).one()
        per_class = {row.class_id: (row.n, row.m) for row in connection.execute(
            select(t.objects.c.class_id, func.count().label("n"),
                   func.count(t.objects.c.image_id.distinct()).label("m")).group_by(t.objects.c.class_id))}
    classes = {c.name: {"objects": per_class.get(c.id, (0, 0))[0], "images": per_class.get(c.id, (0, 0))[1]}
               for c in project.classes()}
    if None in per_class:
        classes["(no class)"] = {"objects": per_class[None][0], "images": per_class[None][1]}
    return {"name": project.name, "images": images, "objects": objects, "proposals": int(proposals),
            "statuses": {s: statuses.get(s, 0) for s in t.STATUSES}, "classes": classes}


def status_text(summary: Dict) -> str:
    """``status`` for people: one line per status and per class."""
    lines = [f"{summary['name']}: {summary['images']} images, {summary['objects']} objects "
             f"({summary['proposals']} proposals not yet accepted)"]
    lines += [f"  {name.replace('_', ' '):12} {count} images" for name, count in summary["statuses"].items()]
    lines += [f"  class {name}: {c['objects']} objects in {c['images']} images"
              for name, c in summary["classes"].items()]
    return "\n".join(lines)


@dataclass
class CheckReport:
    """missing: image paths whose file is gone (or unreadable: path -> why); changed:
    paths whose bytes differ from the hash taken when they were added; orphans: rows
    that point at nothing (what and how many); damaged: objects whose mask cannot be
    read at their image's size."""

    missing: Dict[str, str] = field(default_factory=dict)
    changed: List[str] = field(default_factory=list)
    orphans: Dict[str, int] = field(default_factory=dict)
    damaged: List[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.changed or self.orphans or self.damaged)

    def text(self) -> str:
        if self.ok:
            return "The project is whole: every image is where it was, unchanged, and every row points at one."
        lines = [f"missing: {path} ({why})" for path, why in self.missing.items()]
        lines += [f"changed since it was added: {path}" for path in self.changed]
        lines += [f"orphan rows: {count} {what}" for what, count in self.orphans.items()]
        lines += [f"damaged mask: {what}" for what in self.damaged]
        return "\n".join(lines)


def check(project: Project) -> CheckReport:
    """Every image file read and hashed, every row's references and masks checked."""
    from ..export import decode_rle

    report = CheckReport()
    with project.engine.connect() as connection:
        for row in connection.execute(select(t.images.c.path, t.images.c.sha256).order_by(t.images.c.path)):
            try:
                data = read_bytes(inside(project.root, row.path, strict=True), row.path, what="image file")
            except (SamAppError, OSError) as exc:
                report.missing[row.path] = str(exc)
                continue
            if hashlib.sha256(data).hexdigest() != row.sha256:
                report.changed.append(row.path)
        known_images = select(t.images.c.id)
        for what, table, column in (("objects of no image", t.objects, t.objects.c.image_id),
                                    ("revisions of no image", t.revisions, t.revisions.c.image_id)):
            count = connection.execute(select(func.count()).select_from(table)
                                       .where(column.not_in(known_images))).scalar()
            if count:
                report.orphans[what] = count
        count = connection.execute(select(func.count()).select_from(t.objects).where(
            t.objects.c.class_id.is_not(None) & t.objects.c.class_id.not_in(select(t.classes.c.id)))).scalar()
        if count:
            report.orphans["objects of no class"] = count
        rows = connection.execute(select(t.objects.c.id, t.objects.c.counts, t.objects.c.area, t.images.c.path,
                                         t.images.c.width, t.images.c.height)
                                  .join(t.images, t.images.c.id == t.objects.c.image_id)
                                  .where(t.images.c.width.is_not(None)))
        for row in rows:
            try:
                ok = int(decode_rle({"size": [row.height, row.width], "counts": row.counts}).sum()) == row.area
            except (ValueError, TypeError):
                ok = False
            if not ok:
                report.damaged.append(f"object {row.id} of {row.path}")
    return report
