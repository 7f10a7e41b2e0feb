"""What a project's rows are, as the rest of the app sees them (no database code here):
an image's objects (``ObjectRecord``, its mask as COCO RLE counts at the image's size),
an image (``ImageRecord``), a class (``ClassRecord``), a row of the image list
(``ListedImage``). Boxes are (x, y, w, h) pixels, X right, Y down.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field, replace
from typing import List, Optional, Tuple

import numpy as np

from .. import render

SOURCES = ("click", "box", "text", "everything", "import", "prelabel", "edited", "track")


@dataclass
class ObjectRecord:
    """One object of an image, as stored. class_id: its class (None: none); counts: COCO
    RLE counts of its mask at the image's size (the size is the image's); area (pixels),
    bbox (x, y, w, h); source: what made it (``SOURCES``); proposal: made by a job or an
    import and not accepted by a person yet; score; hidden; prompt: the prompt that made it
    ({"points", "labels", "box"}) or None; job_id, track_id."""

    class_id: Optional[int]
    counts: str
    area: int
    bbox: Tuple[int, int, int, int]
    source: str
    proposal: bool = False
    score: Optional[float] = None
    hidden: bool = False
    prompt: Optional[dict] = None
    job_id: Optional[int] = None
    track_id: Optional[int] = None

    @classmethod
    def from_mask(cls, mask: np.ndarray, class_id: Optional[int], source: str, **extra) -> "ObjectRecord":
        """From an HxW bool mask."""
        from ..export import encode_rle
        from ..results import mask_fields

        fields = mask_fields(encode_rle(mask))
        return cls(class_id, fields["segmentation"]["counts"], fields["area"], tuple(fields["bbox"]), source, **extra)

    def mask(self, height: int, width: int) -> np.ndarray:
        """HxW bool."""
        from ..export import decode_rle

        # row-major: pycocotools gives column-major arrays, which draw 1.6 times slower
        return np.ascontiguousarray(decode_rle({"size": [height, width], "counts": self.counts}))

    def with_changes(self, **changes) -> "ObjectRecord":
        return replace(self, **changes)

    def accepted(self) -> "ObjectRecord":
        """This object accepted by a person: no longer a proposal."""
        return replace(self, proposal=False)

    def to_json(self) -> dict:
        return {**asdict(self), "bbox": list(self.bbox)}

    @classmethod
    def from_json(cls, data: dict) -> "ObjectRecord":
        return cls(**{**data, "bbox": tuple(data["bbox"])})


@dataclass
class ImageRecord:
    """An image of the project with its objects (see ``schema.images``)."""

    id: int
    path: str
    sha256: str
    width: Optional[int]
    height: Optional[int]
    status: str
    note: str
    version: int
    revision: int
    updated_by: Optional[str]
    updated_at: Optional[datetime.datetime]
    objects: List[ObjectRecord] = field(default_factory=list)
    redo: bool = False  # a later revision to go forward to


@dataclass(frozen=True)
class ClassRecord:
    id: int
    name: str
    colour: str
    key: Optional[str]
    position: int


@dataclass(frozen=True)
class ListedImage:
    """A row of the image list: id, path, status, object count (proposals among them)."""

    id: int
    path: str
    status: str
    objects: int
    proposals: int


def as_utc(when: Optional[datetime.datetime]) -> Optional[datetime.datetime]:
    """A time from the database as an aware UTC time (SQLite gives it back without its zone)."""
    if when is None:
        return None
    return when.replace(tzinfo=datetime.timezone.utc) if when.tzinfo is None else when.astimezone(datetime.timezone.utc)


def colour_of(position: int) -> str:
    r, g, b = render.colour(position)
    return f"#{r:02x}{g:02x}{b:02x}"
