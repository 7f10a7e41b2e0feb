"""An annotation project: a folder of images (never copied or modified), a class list,
each image's objects, status, note and history, in a database (``database``).

    project = Project.create("proj", images="photos/", classes=["person", "car"])
    image = project.image(project.image_list()[0].id)
    project.save(image.id, [ObjectRecord.from_mask(mask, class_id=1, source="click")], image.version, "ann")
    project.undo(image.id, image.version + 1, "ann")      # back to no objects: a saved change too

Every change is one transaction, saved at once, and checked against the version the
caller last saw (``ConflictError`` says who changed the image and when); every saved
state of an image is a revision that Undo and Redo move along, across reloads.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..errors import SamAppError, shorten
from ..files import check_label, inside, read_bytes
from ..limits import LIMITS
from . import schema as t
from .database import SQLITE_FILE, ProjectError, engine_for, migrate, read_config, stored_url, write_config
from .records import ClassRecord, ImageRecord, ListedImage, ObjectRecord, as_utc, colour_of

REVISIONS_KEPT = 200  # per image: the oldest go first


class ConflictError(ProjectError):
    """Someone else saved the image after the caller last read it: nothing was saved."""


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class Project:
    """An open project: ``folder``, ``name``, ``root`` (the image root), ``engine``. Use
    ``create`` or ``open``. Thread-safe (each call its own connection)."""

    def __init__(self, folder: Path, name: str, root: Path, engine):
        self.folder, self.name, self.root, self.engine = Path(folder), name, Path(root), engine

    # ---------------------------------------------------------------- making and opening

    @classmethod
    def create(cls, folder, images, classes: Sequence[str], db: Optional[str] = None,
               name: Optional[str] = None) -> "Project":
        """A new project in ``folder`` (made if missing; refused if it holds a project) over
        the images of ``images`` (a folder, searched recursively, or a text file listing
        them), with ``classes`` (names, in order); ``db``: a PostgreSQL URL (its password
        used now, never written) or None for SQLite in the folder."""
        from ..files import list_images

        folder = Path(folder)
        if (folder / "project.json").exists():
            raise ProjectError(f"{folder} holds a project already; open it, or pick another folder")
        root, names = list_images(images)
        if len(names) > LIMITS.max_project_images:
            raise ProjectError(f"{images} holds {len(names):,} images; a project takes at most "
                               f"{LIMITS.max_project_images:,} ({LIMITS.raise_hint('max_project_images')})")
        root = Path(root).resolve()
        database = stored_url(db)
        made = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        sqlite_files = [folder / f"{SQLITE_FILE}{end}" for end in ("", "-wal", "-shm")]
        engine = engine_for(folder, database, db if database != "sqlite" else None, new=True)
        try:
            project = cls._fill(folder, name, root, engine, database, names, classes)
        except BaseException:
            engine.dispose()  # nothing half-made is left: the folder as it was (a database server's tables stay)
            if database == "sqlite":
                for path in sqlite_files:
                    path.unlink(missing_ok=True)
            if made:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        kept = str(root.relative_to(folder.resolve())) if root.is_relative_to(folder.resolve()) else str(root)
        write_config(folder, project.name, kept, database)
        return project

    @classmethod
    def _fill(cls, folder: Path, name: Optional[str], root: Path, engine, database: str, names: List[str],
              classes: Sequence[str]) -> "Project":
        """The new project's schema, classes and images, in its database (one transaction)."""
        migrate(engine, cls._where(folder, database))
        project = cls(folder, name or folder.resolve().name, root, engine)
        with engine.begin() as connection:
            if connection.execute(select(func.count()).select_from(t.images)).scalar():
                raise ProjectError(f"the database {database} holds a project already; give each project its own")
            project._insert_classes(connection, classes)
            rows = [{"path": n, "sha256": project._hash(n), "status": "todo", "note": "", "version": 0,
                     "revision": 0} for n in names]
            connection.execute(insert(t.images), rows)
        return project

    @classmethod
    def open(cls, folder) -> "Project":
        """The project in ``folder`` (its schema brought up to date)."""
        folder = Path(folder)
        config = read_config(folder)
        engine = engine_for(folder, config["database"])
        migrate(engine, cls._where(folder, config["database"]))
        return cls(folder, config["name"], (folder / config["images"]).resolve(), engine)

    @staticmethod
    def _where(folder: Path, database: str) -> str:
        return f"{folder / 'project.db'}" if database == "sqlite" else database

    def close(self) -> None:
        self.engine.dispose()

    def _hash(self, name: str) -> str:
        return hashlib.sha256(read_bytes(inside(self.root, name), name, what="image file")).hexdigest()

    def _insert_classes(self, connection, names: Sequence[str], start: int = 0) -> None:
        for position, name in enumerate(names, start=start):
            name = check_label(name, "classes")
            key = str(position + 1) if position < 9 else None
            try:
                connection.execute(insert(t.classes).values(name=name, colour=colour_of(position), key=key,
                                                            position=position))
            except IntegrityError:
                raise ProjectError(f"class {shorten(name)} is given twice") from None

    # ---------------------------------------------------------------- classes

    def classes(self) -> List[ClassRecord]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(t.classes).order_by(t.classes.c.position)).all()
        return [ClassRecord(r.id, r.name, r.colour, r.key, r.position) for r in rows]

    def add_classes(self, names: Sequence[str]) -> List[ClassRecord]:
        """Add classes at the end of the list (names already there are left as they are)."""
        known = {c.name for c in self.classes()}
        new = [n for n in dict.fromkeys(names) if n not in known]
        with self.engine.begin() as connection:
            start = connection.execute(select(func.count()).select_from(t.classes)).scalar()
            self._insert_classes(connection, new, start)
        return self.classes()

    def class_by_name(self) -> Dict[str, int]:
        return {c.name: c.id for c in self.classes()}

    # ---------------------------------------------------------------- images

    def image_list(self, status: Optional[str] = None, class_id: Optional[int] = None,
                   search: Optional[str] = None) -> List[ListedImage]:
        """The images in path order with their object counts; filtered by status, by
        holding an object of ``class_id``, by ``search`` in the path."""
        counts = (select(t.objects.c.image_id, func.count().label("n"),
                         func.sum(t.objects.c.proposal.cast(t.sa.Integer)).label("p"))
                  .group_by(t.objects.c.image_id).subquery())
        query = (select(t.images.c.id, t.images.c.path, t.images.c.status, func.coalesce(counts.c.n, 0),
                        func.coalesce(counts.c.p, 0))
                 .outerjoin(counts, counts.c.image_id == t.images.c.id).order_by(t.images.c.path))
        if status:
            query = query.where(t.images.c.status == status)
        if search:
            query = query.where(t.images.c.path.contains(search, autoescape=True))
        if class_id is not None:
            query = query.where(t.images.c.id.in_(select(t.objects.c.image_id).where(t.objects.c.class_id == class_id)))
        with self.engine.connect() as connection:
            return [ListedImage(*row) for row in connection.execute(query).all()]

    def image(self, image_id: int) -> ImageRecord:
        """Image ``image_id`` with its objects; its size is read from the file the first time."""
        with self.engine.connect() as connection:
            row = connection.execute(select(t.images).where(t.images.c.id == image_id)).first()
            if row is None:
                raise ProjectError(f"no image {image_id} in this project")
            rows = connection.execute(select(t.objects).where(t.objects.c.image_id == image_id)
                                      .order_by(t.objects.c.position)).all()
            later = connection.execute(select(func.count()).select_from(t.revisions).where(
                (t.revisions.c.image_id == image_id) & (t.revisions.c.number > row.revision))).scalar()
        record = ImageRecord(row.id, row.path, row.sha256, row.width, row.height, row.status, row.note, row.version,
                             row.revision, row.updated_by, as_utc(row.updated_at), [_object(r) for r in rows],
                             bool(later))
        if record.width is None:
            record = self._measure(record)
        return record

    def _measure(self, record: ImageRecord) -> ImageRecord:
        from PIL import Image, ImageOps

        try:
            with Image.open(self.image_file(record)) as picture:
                width, height = ImageOps.exif_transpose(picture).size if picture.getexif() else picture.size
        except (OSError, SamAppError):
            return record  # missing or unreadable: check() says so; the record works without a size
        with self.engine.begin() as connection:
            connection.execute(update(t.images).where(t.images.c.id == record.id).values(width=width, height=height))
        return replace(record, width=width, height=height)

    def image_file(self, record) -> Path:
        """The image's file, inside the image root."""
        return inside(self.root, record.path, strict=True)

    def following(self, image_id: Optional[int], step: int = 1, count: int = 1, unfinished: bool = False,
                  status: Optional[str] = None, class_id: Optional[int] = None,
                  search: Optional[str] = None) -> List[int]:
        """Up to ``count`` images ``step`` (+1 / -1) at a time from ``image_id`` in the list
        (filtered as ``image_list``; see ``following``)."""
        return following(self.image_list(status, class_id, search), image_id, step, count, unfinished)

    def neighbour(self, image_id: Optional[int], step: int, unfinished: bool = False, **filters) -> Optional[int]:
        """The image ``step`` from ``image_id`` (see ``following``), or None."""
        found = self.following(image_id, step, 1, unfinished, **filters)
        return found[0] if found else None

    # ---------------------------------------------------------------- changes

    def save(self, image_id: int, objects: Iterable[ObjectRecord], expected_version: int, author: Optional[str],
             status: Optional[str] = None, note: Optional[str] = None, job_id: Optional[int] = None) -> ImageRecord:
        """Make ``objects`` the image's objects (and its status / note where given), as one
        transaction and one new revision, if the image is still at ``expected_version``;
        ConflictError otherwise. ``job_id``: the pre-label job this save finishes the
        image for (recorded in the same transaction). The image as saved."""
        objects = list(objects)
        if status is not None and status not in t.STATUSES:
            raise ProjectError(f"unknown status {shorten(status)}; expected one of {', '.join(t.STATUSES)}")
        with self.engine.begin() as connection:
            current = self._claim(connection, image_id, expected_version, author, status, note)
            if job_id is not None:
                connection.execute(insert(t.job_images).values(job_id=job_id, image_id=image_id))
            revision = current.revision + 1
            self._write_objects(connection, image_id, objects)
            connection.execute(delete(t.revisions).where((t.revisions.c.image_id == image_id)
                                                         & ((t.revisions.c.number >= revision)
                                                            | (t.revisions.c.number <= revision - REVISIONS_KEPT))))
            connection.execute(insert(t.revisions).values(
                image_id=image_id, number=revision, objects=json.dumps([o.to_json() for o in objects]),
                status=status or current.status, note=current.note if note is None else note, author=author,
                created_at=now()))
            connection.execute(update(t.images).where(t.images.c.id == image_id).values(revision=revision))
        return self.image(image_id)

    def set_status(self, image_id: int, status: str, expected_version: int, author: Optional[str],
                   note: Optional[str] = None) -> ImageRecord:
        """A new status (and note) for the image, its objects kept (one revision)."""
        return self.save(image_id, self.image(image_id).objects, expected_version, author, status, note)

    def amend(self, image_id: int, change: Callable[[ImageRecord], List[ObjectRecord]], author: Optional[str],
              job_id: Optional[int] = None, tries: int = 5) -> ImageRecord:
        """Save ``change(image)`` as the image's objects, ``image`` read fresh: for jobs and
        imports, which add to whatever people saved meanwhile (a save between the read and
        the write is read again, up to ``tries`` times)."""
        for attempt in range(tries):
            record = self.image(image_id)
            try:
                return self.save(image_id, change(record), record.version, author, job_id=job_id)
            except ConflictError:
                if attempt == tries - 1:
                    raise
        raise AssertionError("unreachable")

    def undo(self, image_id: int, expected_version: int, author: Optional[str]) -> ImageRecord:
        """The image's previous revision, as a saved change (its later ones kept for Redo)."""
        return self._move(image_id, -1, expected_version, author)

    def redo(self, image_id: int, expected_version: int, author: Optional[str]) -> ImageRecord:
        return self._move(image_id, +1, expected_version, author)

    def _move(self, image_id: int, step: int, expected_version: int, author: Optional[str]) -> ImageRecord:
        with self.engine.begin() as connection:
            current = self._claim(connection, image_id, expected_version, author, None, None)
            target = current.revision + step
            row = connection.execute(select(t.revisions).where((t.revisions.c.image_id == image_id)
                                                               & (t.revisions.c.number == target))).first()
            if row is None and target != 0:
                raise ProjectError("nothing to undo" if step < 0 else "nothing to redo")
            objects = [] if row is None else [ObjectRecord.from_json(o) for o in json.loads(row.objects)]
            self._write_objects(connection, image_id, objects)
            values = {"revision": target}
            if row is not None:
                values.update(status=row.status, note=row.note)
            else:
                values.update(status="todo", note="")
            connection.execute(update(t.images).where(t.images.c.id == image_id).values(**values))
        return self.image(image_id)

    def _claim(self, connection, image_id: int, expected: int, author: Optional[str], status, note):
        """Bump the image's version if it is still ``expected`` (ConflictError otherwise);
        the row before the change."""
        row = connection.execute(select(t.images).where(t.images.c.id == image_id)).first()
        if row is None:
            raise ProjectError(f"no image {image_id} in this project")
        values = {"version": expected + 1, "updated_by": author, "updated_at": now()}
        if status is not None:
            values["status"] = status
        if note is not None:
            values["note"] = note
        done = connection.execute(update(t.images).where((t.images.c.id == image_id)
                                                         & (t.images.c.version == expected)).values(**values))
        if done.rowcount != 1:
            winner = connection.execute(select(t.images.c.updated_by, t.images.c.updated_at)
                                        .where(t.images.c.id == image_id)).first()  # the save that won, read now
            when = as_utc(winner.updated_at).strftime("%Y-%m-%d %H:%M:%S UTC") if winner.updated_at else "just now"
            raise ConflictError(f"{winner.updated_by or 'someone'} saved {row.path} at {when}, after you opened it: "
                                "your change was not saved; its objects are shown as they are now")
        return row

    @staticmethod
    def _write_objects(connection, image_id: int, objects: List[ObjectRecord]) -> None:
        connection.execute(delete(t.objects).where(t.objects.c.image_id == image_id))
        if objects:
            connection.execute(insert(t.objects), [_row(image_id, k, o) for k, o in enumerate(objects)])

    # ---------------------------------------------------------------- where people are

    def place(self, author: str) -> Optional[int]:
        """The image ``author`` was last on (None: none yet, or it is gone)."""
        with self.engine.connect() as connection:
            return connection.execute(select(t.places.c.image_id).where(t.places.c.author == author)).scalar()

    def set_place(self, author: str, image_id: int) -> None:
        with self.engine.begin() as connection:
            done = connection.execute(update(t.places).where(t.places.c.author == author)
                                      .values(image_id=image_id, updated_at=now()))
            if done.rowcount == 0:
                connection.execute(insert(t.places).values(author=author, image_id=image_id, updated_at=now()))


def following(listed: List[ListedImage], image_id: Optional[int], step: int = 1, count: int = 1,
              unfinished: bool = False) -> List[int]:
    """Up to ``count`` ids ``step`` (+1 / -1) at a time from ``image_id`` in ``listed`` (from
    its start with None), wrapping around, without ``image_id`` itself; with
    ``unfinished``, only images to do or in progress."""
    ids = [i.id for i in listed]
    start = ids.index(image_id) if image_id in ids else (-1 if step > 0 else 0)
    found: List[int] = []
    for k in range(1, len(ids) + 1):
        candidate = listed[(start + step * k) % len(ids)]
        if candidate.id == image_id or len(found) == count:
            break
        if not unfinished or candidate.status in ("todo", "in_progress"):
            found.append(candidate.id)
    return found


def _object(row) -> ObjectRecord:
    return ObjectRecord(row.class_id, row.counts, row.area, (row.x, row.y, row.w, row.h), row.source, row.proposal,
                        row.score, row.hidden, json.loads(row.prompt) if row.prompt else None, row.job_id,
                        row.track_id)


def _row(image_id: int, position: int, o: ObjectRecord) -> dict:
    x, y, w, h = o.bbox
    return {"image_id": image_id, "position": position, "class_id": o.class_id, "counts": o.counts, "area": o.area,
            "x": x, "y": y, "w": w, "h": h, "source": o.source, "proposal": o.proposal, "score": o.score,
            "hidden": o.hidden, "prompt": json.dumps(o.prompt) if o.prompt is not None else None,
            "job_id": o.job_id, "track_id": o.track_id}
