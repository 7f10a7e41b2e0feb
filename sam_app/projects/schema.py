"""The tables of an annotation project (SQLAlchemy Core; the same on SQLite and
PostgreSQL; their history is Alembic's, ``migrations/``).

- ``classes``: name (unique), colour (#rrggbb), key (a keyboard key, optional), position.
- ``images``: path (relative to the project's image root, '/'-separated, unique), the
  sha256 of the file's bytes, width and height (filled when first read), status (to do,
  in progress, done, reviewed), a note, ``version`` (bumped by every saved change: the
  optimistic check that refuses a save made on stale objects), ``revision`` (the
  position in the image's Undo history), who changed it last and when.
- ``objects``: the image's current objects, in order: class, mask (COCO RLE counts at
  the image's size), its area and box (XYWH), source (click, text, everything, import,
  edited, ...), proposal (made by a pre-label job or an import, not accepted by a person
  yet), score, hidden, the prompt that made it (JSON), the job and track it belongs to.
- ``revisions``: every saved state of an image's objects (JSON), numbered: Undo and Redo
  move along them, so they survive a reload; author and time of each.
- ``places``: the image each author was last on (reopening the page goes back there).
- ``jobs``: pre-label jobs and their progress; ``job_images``: the images whose
  proposals a job has saved (a resumed job skips them).
"""

import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, Index, Table

SCHEMA = sa.MetaData()
STATUSES = ("todo", "in_progress", "done", "reviewed")

classes = Table(
    "classes", SCHEMA,
    Column("id", sa.Integer, primary_key=True),
    Column("name", sa.String(200), nullable=False, unique=True),
    Column("colour", sa.String(7), nullable=False),
    Column("key", sa.String(1)),
    Column("position", sa.Integer, nullable=False),
)

images = Table(
    "images", SCHEMA,
    Column("id", sa.Integer, primary_key=True),
    Column("path", sa.String(1024), nullable=False, unique=True),
    Column("sha256", sa.String(64), nullable=False),
    Column("width", sa.Integer),
    Column("height", sa.Integer),
    Column("status", sa.String(16), nullable=False, default="todo", index=True),
    Column("note", sa.Text, nullable=False, default=""),
    Column("version", sa.Integer, nullable=False, default=0),
    Column("revision", sa.Integer, nullable=False, default=0),
    Column("updated_by", sa.String(200)),
    Column("updated_at", sa.DateTime(timezone=True)),
)

objects = Table(
    "objects", SCHEMA,
    Column("id", sa.Integer, primary_key=True),
    Column("image_id", sa.Integer, ForeignKey("images.id", ondelete="CASCADE"), nullable=False),
    Column("position", sa.Integer, nullable=False),
    Column("class_id", sa.Integer, ForeignKey("classes.id", ondelete="SET NULL")),
    Column("counts", sa.Text, nullable=False),
    Column("area", sa.Integer, nullable=False),
    Column("x", sa.Integer, nullable=False),
    Column("y", sa.Integer, nullable=False),
    Column("w", sa.Integer, nullable=False),
    Column("h", sa.Integer, nullable=False),
    Column("source", sa.String(16), nullable=False),
    Column("proposal", sa.Boolean, nullable=False, default=False),
    Column("score", sa.Float),
    Column("hidden", sa.Boolean, nullable=False, default=False),
    Column("prompt", sa.Text),
    Column("job_id", sa.Integer),
    Column("track_id", sa.Integer),
    Index("objects_image", "image_id", "position"),
    Index("objects_class", "class_id"),
)

revisions = Table(
    "revisions", SCHEMA,
    Column("id", sa.Integer, primary_key=True),
    Column("image_id", sa.Integer, ForeignKey("images.id", ondelete="CASCADE"), nullable=False),
    Column("number", sa.Integer, nullable=False),
    Column("objects", sa.Text, nullable=False),
    Column("status", sa.String(16), nullable=False),
    Column("note", sa.Text, nullable=False, default=""),
    Column("author", sa.String(200)),
    Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("image_id", "number", name="revisions_image_number"),
)

places = Table(
    "places", SCHEMA,
    Column("author", sa.String(200), primary_key=True),
    Column("image_id", sa.Integer, ForeignKey("images.id", ondelete="SET NULL")),
    Column("updated_at", sa.DateTime(timezone=True)),
)

jobs = Table(
    "jobs", SCHEMA,
    Column("id", sa.Integer, primary_key=True),
    Column("kind", sa.String(32), nullable=False),
    Column("settings", sa.Text, nullable=False),
    Column("status", sa.String(16), nullable=False),
    Column("message", sa.Text, nullable=False, default=""),
    Column("done", sa.Integer, nullable=False, default=0),
    Column("total", sa.Integer, nullable=False, default=0),
    Column("created_at", sa.DateTime(timezone=True), nullable=False),
    Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

job_images = Table(
    "job_images", SCHEMA,
    Column("job_id", sa.Integer, ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("image_id", sa.Integer, ForeignKey("images.id", ondelete="CASCADE"), primary_key=True),
)
