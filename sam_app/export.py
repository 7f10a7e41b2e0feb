"""Masks to files: 8-bit PNG masks, COCO run-length encoding, cut-outs; atomic writes."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Dict, Union

import cv2
import numpy as np


def atomic_write_bytes(path: Union[str, os.PathLike], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place, so a
    reader never sees a half-written file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def png_bytes(image: np.ndarray) -> bytes:
    """HxW (gray), HxWx3 (RGB) or HxWx4 (RGBA) uint8 -> PNG bytes (fast OpenCV encoder)."""
    if image.ndim == 3:
        code = cv2.COLOR_RGB2BGR if image.shape[2] == 3 else cv2.COLOR_RGBA2BGRA
        image = cv2.cvtColor(image, code)
    ok, buffer = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise ValueError("PNG encoding failed")
    return buffer.tobytes()


def jpeg_bytes(image: np.ndarray, quality: int = 92) -> bytes:
    """HxWx3 uint8 RGB -> JPEG bytes (OpenCV, 4:2:0)."""
    ok, buffer = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return buffer.tobytes()


def mask_png_bytes(mask: np.ndarray) -> bytes:
    """HxW bool -> single-channel 8-bit PNG, 255 inside the mask, 0 outside."""
    return png_bytes(np.where(mask, 255, 0).astype(np.uint8))


def save_mask_png(path: Union[str, os.PathLike], mask: np.ndarray) -> None:
    atomic_write_bytes(path, mask_png_bytes(mask))


def save_npy(path: Union[str, os.PathLike], array: np.ndarray) -> None:
    import io

    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    atomic_write_bytes(path, buffer.getvalue())


def save_json(path: Union[str, os.PathLike], data) -> None:
    atomic_write_bytes(path, (json.dumps(data, indent=2) + "\n").encode())


def coco_rle(mask: np.ndarray) -> Dict[str, object]:
    """HxW bool -> COCO RLE ``{"size": [H, W], "counts": str}`` (pycocotools, column-major)."""
    from pycocotools import mask as mask_utils

    rle = mask_utils.encode(np.asfortranarray(mask.astype(np.uint8)))
    return {"size": [int(v) for v in rle["size"]], "counts": rle["counts"].decode("ascii")}


def decode_rle(rle: Dict[str, object]) -> np.ndarray:
    """Inverse of ``coco_rle``: -> HxW bool."""
    from pycocotools import mask as mask_utils

    return mask_utils.decode({"size": rle["size"], "counts": str(rle["counts"]).encode("ascii")}).astype(bool)


def mask_bbox(mask: np.ndarray) -> list:
    """HxW bool -> COCO bbox [x, y, width, height] of its pixels ([0, 0, 0, 0] if empty)."""
    ys, xs = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    if not len(ys):
        return [0, 0, 0, 0]
    return [int(xs[0]), int(ys[0]), int(xs[-1] - xs[0] + 1), int(ys[-1] - ys[0] + 1)]


def cutout_rgba(pixels: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """HxWx3 uint8 + HxW bool -> HxWx4 uint8, transparent outside the mask."""
    alpha = np.where(mask, 255, 0).astype(np.uint8)
    return np.dstack([pixels, alpha])


def object_summary(obj) -> Dict[str, object]:
    """The prompt and scores of one ``ObjectResult`` as JSON-ready values: box (XYXY or
    None), points ([[X, Y], ...]), labels, scores (None where the backend has none), best."""
    prompt = obj.prompt
    scores = [None if np.isnan(s) else round(float(s), 6) for s in obj.scores]
    return {
        "box": None if prompt.box is None else [float(v) for v in prompt.box],
        "points": [[float(x), float(y)] for x, y in prompt.points],
        "labels": [int(v) for v in prompt.labels],
        "scores": scores,
        "best": int(obj.best),
    }


def coco_annotation(obj, index: int, candidate: int) -> Dict[str, object]:
    """One COCO-style record for object ``index`` using mask ``candidate``: id,
    segmentation (RLE), area, bbox [x, y, w, h], score (predicted IoU or None), and the
    prompt that produced it."""
    summary = object_summary(obj)
    mask = obj.mask(candidate)
    return {
        "id": index + 1,
        "segmentation": coco_rle(mask),
        "area": int(mask.sum()),
        "bbox": mask_bbox(mask),
        "score": summary["scores"][candidate],
        "candidate": int(candidate),
        "prompt": {k: summary[k] for k in ("box", "points", "labels")},
    }
