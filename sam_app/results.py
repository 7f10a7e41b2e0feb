"""One place for what a mask becomes in every output: the box of its pixels in each
convention, named for it; the fields every mask record shares; and the one versioned
result schema of the CLI, the API and the downloads (README, "Result files").

Box conventions (X right, Y down, pixels):

- ``xyxy_inclusive``: [x0, y0, x1, y1] of the first and last pixel (upstream's
  ``batched_mask_to_box``; segment everything's boxes and NMS);
- ``xyxy_exclusive``: [x0, y0, x1, y1] with x1, y1 one past the last pixel (a prompt box
  that holds the mask; fine-tuning's boxes);
- ``xywh``: COCO's [x, y, width, height] in pixels (every "bbox" we write, but
  upstream's automatic-mask records, which keep their own: ``box_xyxy_to_xywh`` of the
  inclusive box).
All are [0, 0, 0, 0] for an empty mask.
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence, Tuple

import cv2
import numpy as np

from .export import encode_rle, rle_json


def _bounds(mask: np.ndarray) -> Tuple[int, int, int, int]:
    """(x, y, w, h) of a HxW bool mask's pixels; (0, 0, 0, 0) when empty."""
    return cv2.boundingRect(np.ascontiguousarray(mask).view(np.uint8))


def xyxy_inclusive(mask: np.ndarray) -> List[int]:
    x, y, w, h = _bounds(mask)
    return [x, y, x + w - 1, y + h - 1] if w else [0, 0, 0, 0]


def xyxy_exclusive(mask: np.ndarray) -> List[int]:
    x, y, w, h = _bounds(mask)
    return [x, y, x + w, y + h] if w else [0, 0, 0, 0]


def xywh(mask: np.ndarray) -> List[int]:
    return list(_bounds(mask))


def mask_fields(rle: dict) -> Dict[str, object]:
    """What every mask record we write holds, from pycocotools' RLE of a mask:
    segmentation (COCO RLE, JSON-ready), area (pixels) and bbox (``xywh``)."""
    from pycocotools import mask as mask_utils

    return {"segmentation": rle_json(rle), "area": int(mask_utils.area(rle)),
            "bbox": [int(v) for v in mask_utils.toBbox(rle)]}


def score_of(value: float) -> Optional[float]:
    """A score as written: rounded to 6 decimals, None for NaN (no score)."""
    return None if np.isnan(value) else round(float(value), 6)


SCHEMA_VERSION = 1


def mask_record(mask: np.ndarray, candidate: int, score: float) -> Dict[str, object]:
    """One candidate mask (HxW bool) as the schema's mask record: candidate index, score
    (predicted IoU, None where the backend has none), area in pixels, bbox [x, y, w, h]
    of its pixels, segmentation as COCO RLE."""
    return {"candidate": int(candidate), "score": score_of(score), **mask_fields(encode_rle(mask))}


def image_record(image, file_name: Optional[str] = None, image_id: Optional[str] = None) -> Dict[str, object]:
    """The schema's "image" entry for a ``LoadedImage``."""
    return {"file_name": file_name, "width": image.width, "height": image.height, "image_id": image_id}


def add_text(record: Dict[str, object], phrases: Sequence[str], detector: str,
             notes: Sequence[Optional[Tuple[str, float]]]) -> Dict[str, object]:
    """``record`` (``result_record``) with what text prompts add: ``"text": {"phrases",
    "detector"}``, and for each object found by text (notes: per object its (phrase,
    detection score), or None for an object prompted otherwise) its ``phrase`` and
    ``detection_score``."""
    record["text"] = {"phrases": list(phrases), "detector": detector}
    for obj, note in zip(record["objects"], notes):
        if note is not None:
            obj.update(phrase=note[0], detection_score=round(float(note[1]), 6))
    return record


def result_record(result, image: Dict[str, object], selected: Optional[Sequence[int]] = None,
                  candidates: str = "all", mask_files: Optional[Callable[[int, int], str]] = None,
                  logits_files: Optional[Callable[[int], str]] = None) -> Dict[str, object]:
    """A ``SegmentResult`` as the one JSON schema of the CLI, the API and the downloads
    (README, "Result files")::

        {"schema_version": 1, "model": "vit_b",
         "image": {"file_name": ..., "width": W, "height": H, "image_id": ...},
         "region": [x1, y1, x2, y2] (only when segmented in a region of interest),
         "objects": [{"id": 1, "prompt": {"box": [x1, y1, x2, y2] | null, "points": [[x, y], ...],
                                          "labels": [1, 0, ...], "mask_input": bool},
                      "best": k, "selected": k, "masks": [mask_record, ...], "logits": file?,
                      "source": "edited" (only for a mask edited by hand),
                      "region": [x1, y1, x2, y2] (an object segmented in a region others were not)}]}

    image: the "image" entry. selected: the candidate picked per object (default the
    best). candidates: "all" or "selected" (only the picked mask of each object).
    mask_files(object index, candidate) / logits_files(object index): file names to
    record next to each mask / object, where the caller writes them.
    """
    objects = []
    for i, obj in enumerate(result.objects):
        pick = int(obj.best if selected is None else selected[i])
        prompt = obj.prompt
        record = {
            "id": i + 1,
            "prompt": {"box": None if prompt.box is None else [float(v) for v in prompt.box],
                       "points": [[float(x), float(y)] for x, y in prompt.points],
                       "labels": [int(v) for v in prompt.labels], "mask_input": prompt.mask_input is not None},
            "best": int(obj.best), "selected": pick, "masks": [],
        }
        if obj.source != "model":
            record["source"] = obj.source
        if obj.region is not None and result.region is None:
            record["region"] = obj.region.as_list()
        for c in ([pick] if candidates == "selected" else range(len(obj.scores))):
            record["masks"].append(mask_record(obj.mask(c), c, obj.scores[c]))
            if mask_files:
                record["masks"][-1]["file"] = mask_files(i, c)
        if logits_files:
            record["logits"] = logits_files(i)
        objects.append(record)
    record = {"schema_version": SCHEMA_VERSION, "model": result.model, "image": image, "objects": objects}
    if result.region is not None:
        record["region"] = result.region.as_list()
    return record


def everything_record(records, image: Dict[str, object], model: str, settings: Dict[str, object]) -> Dict[str, object]:
    """Automatic masks as JSON: the schema's header (schema_version, model, image) with
    the generator's settings and upstream's records (segmentation as COCO RLE) as masks."""
    return {"schema_version": SCHEMA_VERSION, "model": model, "image": image, "settings": settings,
            "masks": records}


def read_result(path) -> Dict[str, object]:
    """A result file of the schema (``result_record``: the web UI's download, the CLI's or
    the API's) read back, checked as far as reading its prompts needs: schema_version 1,
    "image" with width and height, and per object a prompt (box [x1, y1, x2, y2] or null,
    points [[x, y], ...], labels of 0 and 1, one per point) and "selected". SamAppError
    naming what is wrong otherwise."""
    from pathlib import Path

    from .errors import SamAppError
    from .files import number, parse_json, read_text

    name = Path(str(path)).name
    record = parse_json(read_text(path, name), name)
    if not isinstance(record, dict) or record.get("schema_version") != SCHEMA_VERSION \
            or not isinstance(record.get("objects"), list) or not isinstance(record.get("image"), dict):
        raise SamAppError(f"{name} is not a result file of this app: expected JSON with schema_version "
                          f"{SCHEMA_VERSION}, \"image\" and \"objects\" (README, \"Result files\")")
    image = record["image"]
    for key in ("width", "height"):
        number(image.get(key), f"{name}: image.{key}", integer=True)
    for i, obj in enumerate(record["objects"], start=1):
        where = f"{name}: object {i}"
        prompt = obj.get("prompt") if isinstance(obj, dict) else None
        if not isinstance(prompt, dict):
            raise SamAppError(f"{where} has no prompt; expected {{\"box\": ..., \"points\": ..., \"labels\": ...}}")
        box, points, labels = prompt.get("box"), prompt.get("points") or [], prompt.get("labels") or []
        if box is not None and not (isinstance(box, list) and len(box) == 4):
            raise SamAppError(f"{where}: box must be [x1, y1, x2, y2] or null")
        if not (isinstance(points, list) and isinstance(labels, list) and len(points) == len(labels)
                and all(isinstance(p, list) and len(p) == 2 for p in points)):
            raise SamAppError(f"{where}: points must be [[x, y], ...] with one label each")
        for value in [*(box or []), *(v for p in points for v in p)]:
            number(value, f"{where}: a coordinate")
        if any(label not in (0, 1) or isinstance(label, bool) for label in labels):
            raise SamAppError(f"{where}: labels must be 1 (foreground) or 0 (background)")
        prompt.update(box=box, points=points, labels=labels)
    return record
