"""What a batch job is: the images, each image's object prompts (or none: everything),
the categories, and the settings its results depend on.

Three ways to say it (``python -m sam_app batch``):

- ``from_prompts``: JSON lines, one image each, ``{"image": "a/b.jpg", "objects":
  [{"points": [[x, y], ...], "labels": [1, 0], "box": [x1, y1, x2, y2], "category": "dog"}]}``
  (pixels, X right and Y down; labels default to all 1; category defaults to "object").
  An object may be a text prompt instead, ``{"text": "dog, red car", "threshold": 0.3,
  "max_instances": 20}``: one object per instance found (``tasks.text``; points and a
  box given with it narrow it), its category the phrase it answers unless "category" is
  given. ``{"image": ..., "text": "dog", "threshold": 0.3}`` is short for one such object.
- ``from_coco``: a COCO file with boxes; each box ([x, y, w, h]) is one box prompt and
  keeps its category, annotation id and image id.
- ``from_images``: a folder (recursive) or a text file listing images, one per line;
  every image is segmented automatically (segment everything).

Image names are paths relative to the images root ('/'-separated); they are the
dataset's ``file_name``s and the stems of its label and mask files.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

from ..errors import SamAppError, shorten
from ..files import IMAGE_SUFFIXES, check_label, image_path, list_images, number, parse_json, read_text  # noqa: F401
from ..limits import LIMITS

DEFAULT_CATEGORY = "object"


@dataclass
class Item:
    """One image of the job. objects: None for segment everything, else one dict per
    object: points Nx2 [[x, y], ...], labels N, box [x1, y1, x2, y2] or None,
    category_id, and the source annotation id (``id``) where there is one."""

    name: str
    path: str
    image_id: int
    objects: Optional[List[Dict[str, Any]]] = None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "Item":
        return cls(**json.loads(text))


@dataclass
class Job:
    """items: in dataset order. categories: [{"id", "name"}]; the YOLO class of a
    category is its index here. everything: the generator's settings (as_dict) when
    every image is segmented automatically, else None. multimask: three candidates per
    prompted object, the best-scoring kept."""

    items: List[Item]
    categories: List[Dict[str, Any]]
    everything: Optional[Dict[str, Any]] = None
    multimask: bool = False
    model: Dict[str, Any] = field(default_factory=dict)

    def settings_digest(self) -> str:
        """A hash of everything besides an image and its prompts that its result depends on."""
        return json_digest({"everything": self.everything, "multimask": self.multimask, "model": self.model})


def item_key(item: Item, content: str, settings: str) -> str:
    """The key a finished image is stored under: its name, the hash of its file's bytes,
    its prompts and the job's settings. A re-run skips an image whose key is unchanged."""
    return json_digest({"name": item.name, "content": content, "objects": item.objects, "settings": settings})[:32]


def json_digest(value: Any) -> str:
    """A short hash of a JSON-able value (keys sorted)."""
    return hashlib.blake2b(json.dumps(value, sort_keys=True).encode(), digest_size=20).hexdigest()


def from_images(source: os.PathLike, everything: Dict[str, Any], model: Dict[str, Any]) -> Job:
    root, names = list_images(source)
    items = [Item(name, str(root / name), i) for i, name in enumerate(names, start=1)]
    return Job(items, [{"id": 1, "name": DEFAULT_CATEGORY}], everything=everything, model=model)


def from_prompts(prompts: os.PathLike, images: os.PathLike, multimask: bool, model: Dict[str, Any],
                 strict: bool = False) -> Job:
    """A job from a JSON-lines prompts file; image paths are relative to ``images`` (a
    folder, or a list file's folder) and must stay inside it (``strict``: see
    ``_image_path``). Errors name the line and the field."""
    root = Path(images) if Path(images).is_dir() else Path(images).parent
    categories: Dict[str, int] = {}
    items = []
    for line_number, line in enumerate(read_text(Path(prompts)).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{Path(prompts).name}, line {line_number}"
        record = parse_json(line, where)
        if not isinstance(record, dict) or not isinstance(record.get("image"), str):
            raise SamAppError(f'{where}: expected {{"image": "path", "objects": [...]}}')
        objects = record.get("objects")
        if objects is None and record.get("text"):
            objects = [{k: record[k] for k in ("text", "threshold", "max_instances", "category") if k in record}]
        if not isinstance(objects, list) or not objects:
            raise SamAppError(f'{where}: "objects" must be a non-empty list of {{"points", "labels", "box", '
                              f'"category"}} or {{"text"}} (or give "text" for the whole image)')
        path = image_path(root, record["image"], where, strict)
        parsed = [_prompt_object(o, f"{where}, object {i}", categories) for i, o in enumerate(objects, start=1)]
        items.append(Item(record["image"], path, len(items) + 1, parsed))
    _check_unique(items, Path(prompts).name)
    names = [{"id": i, "name": name} for name, i in categories.items()]
    return Job(items, names, multimask=multimask, model=model)


def _prompt_object(obj: Any, where: str, categories: Dict[str, int]) -> Dict[str, Any]:
    if not isinstance(obj, dict):
        raise SamAppError(f"{where}: expected an object with points, labels, box, category")
    points, labels, box = obj.get("points") or [], obj.get("labels"), obj.get("box")
    if not isinstance(points, list) or not all(isinstance(p, list) and len(p) == 2 for p in points):
        raise SamAppError(f"{where}: points must be [[x, y], ...], got {shorten(points)}")
    points = [[number(v, f"{where}, point {i}") for v in p] for i, p in enumerate(points, start=1)]
    if labels is None:
        labels = [1] * len(points)
    if not isinstance(labels, list) or not all(number(v, f"{where}, labels", integer=True) in (0, 1) for v in labels):
        raise SamAppError(f"{where}: labels must be a list of 1 (foreground) and 0 (background), got {shorten(labels)}")
    if box is not None:
        if not isinstance(box, list) or len(box) != 4:
            got = f"has {len(box)} numbers" if isinstance(box, list) else f"is {shorten(box)}"
            raise SamAppError(f"{where}: box {got}; expected [x1, y1, x2, y2]")
        box = [number(v, f"{where}, box") for v in box]
    if "text" in obj:
        return _text_object(obj, where, categories, points, labels, box)
    if not points and box is None:
        raise SamAppError(f"{where}: no points and no box; give at least one (or text)")
    category = DEFAULT_CATEGORY if obj.get("category") in (None, "") else check_label(obj["category"], where)
    category_id = categories.setdefault(category, len(categories) + 1)
    return {"points": points, "labels": [int(v) for v in labels], "box": box, "category_id": category_id}


def _text_object(obj: Dict[str, Any], where: str, categories: Dict[str, int], points, labels, box) -> Dict[str, Any]:
    """A text prompt object: phrases, threshold, max_instances, the points and box that
    narrow it, and category_id (the given category's) or phrase_ids (phrase -> id)."""
    from ..tasks.text import parse_phrases

    if not isinstance(obj["text"], str):
        raise SamAppError(f'{where}: "text" must be a string of phrases, e.g. "dog, red car"')
    try:
        phrases = parse_phrases(obj["text"])
    except SamAppError as exc:
        raise SamAppError(f"{where}: {exc}") from None
    threshold = number(obj.get("threshold", 0.3), f"{where}, threshold")
    most = number(obj.get("max_instances", 20), f"{where}, max_instances", integer=True)
    if not 0 <= threshold <= 1 or not 1 <= most <= LIMITS.max_objects:
        raise SamAppError(f"{where}: threshold must be in 0-1 (got {threshold}) and max_instances in 1-"
                          f"{LIMITS.max_objects} (got {most}; {LIMITS.raise_hint('max_objects')})")
    given = None if obj.get("category") in (None, "") else check_label(obj["category"], where)
    category_id = categories.setdefault(given, len(categories) + 1) if given else None
    phrase_ids = {} if given else {p: categories.setdefault(p, len(categories) + 1) for p in phrases}
    return {"text": phrases, "threshold": threshold, "max_instances": most, "points": points,
            "labels": [int(v) for v in labels], "box": box, "category_id": category_id, "phrase_ids": phrase_ids}


def from_coco(annotations: os.PathLike, images: os.PathLike, multimask: bool, model: Dict[str, Any],
              strict: bool = False) -> Job:
    """A job with one box prompt per COCO annotation that has a box; image, category and
    annotation ids are kept. Images without boxes are left out; file names must stay
    inside ``images`` (``strict``: see ``_image_path``)."""
    root = Path(images) if Path(images).is_dir() else Path(images).parent
    where = Path(annotations).name
    coco = parse_json(read_text(Path(annotations)), where)
    try:
        categories = [{"id": number(c["id"], f"{where}, category id", integer=True),
                       "name": check_label(c["name"], f"{where}, category {c['id']}")}
                      for c in coco.get("categories", [])]
        files = {number(im["id"], f"{where}, image id", integer=True): im["file_name"] for im in coco["images"]}
        boxes: Dict[int, List[Dict[str, Any]]] = {}
        for ann in coco.get("annotations", []):
            bbox = ann["bbox"]
            if not isinstance(bbox, list) or len(bbox) != 4:
                raise SamAppError(f"{where}: annotation {ann.get('id')}: bbox must be [x, y, width, height]")
            x, y, w, h = (number(v, f"{where}, annotation {ann.get('id')} bbox") for v in bbox)
            if w > 0 and h > 0:
                boxes.setdefault(number(ann["image_id"], f"{where}, image_id", integer=True), []).append(
                    {"points": [], "labels": [], "box": [x, y, x + w, y + h],
                     "category_id": number(ann["category_id"], f"{where}, category_id", integer=True),
                     "id": number(ann["id"], f"{where}, annotation id", integer=True)})
    except (KeyError, TypeError, AttributeError) as exc:
        raise SamAppError(f"{where} is not a COCO file with boxes ({type(exc).__name__}: {shorten(str(exc))}); "
                          'expected "images" [{id, file_name}], "annotations" [{id, image_id, category_id, bbox}]'
                          ) from None
    unknown = {o["category_id"] for objs in boxes.values() for o in objs} - {c["id"] for c in categories}
    categories += [{"id": i, "name": f"category {i}"} for i in sorted(unknown)]
    missing = sorted(set(boxes) - set(files))
    if missing:
        raise SamAppError(f"{where}: annotations refer to image id {missing[0]}, which is not in \"images\"")
    items = [Item(files[i], image_path(root, files[i], f"{where}, image {i}", strict), i, boxes[i])
             for i in sorted(files) if i in boxes]
    if not items:
        raise SamAppError(f"{where} has no annotation with a box")
    _check_unique(items, where)
    return Job(items, sorted(categories, key=lambda c: c["id"]), multimask=multimask, model=model)


def from_prompt_file(path: os.PathLike, images: os.PathLike, multimask: bool, model: Dict[str, Any],
                     strict: bool = False) -> Job:
    """A COCO file (a JSON object with "images") or JSON lines of prompts, told apart by
    their content (the web UI takes either)."""
    text = read_text(Path(path)).lstrip()
    is_coco = False
    if text.startswith("{"):
        try:
            document = json.loads(text)
            is_coco = isinstance(document, dict) and "images" in document
        except (ValueError, RecursionError):
            pass  # JSON lines (several objects, so not one document), or a bad file: from_prompts says why
    return (from_coco if is_coco else from_prompts)(path, images, multimask, model, strict)


def _check_unique(items: Iterable[Item], source) -> None:
    seen = set()
    for item in items:
        if item.name in seen:
            raise SamAppError(f"{source}: image {shorten(item.name, quote=False)} appears twice; give each image "
                              "once, with all its objects")
        seen.add(item.name)
