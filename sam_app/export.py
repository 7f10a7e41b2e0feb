"""Masks to files: 8-bit PNG masks, COCO run-length encoding, cut-outs, upstream's amg
layout; atomic writes. What goes in the files is ``results``'."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Dict, Union

import cv2
import numpy as np

from .files import umask_mode, writing


def atomic_write_bytes(path: Union[str, os.PathLike], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place, so a
    reader never sees a half-written file."""
    path = Path(path)
    with writing(path):
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            os.fchmod(fd, umask_mode())
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def replaced_folder(target: Path):
    """A new folder beside ``target`` to fill; when the block ends well it replaces
    ``target`` whole (an earlier one is removed), otherwise it is removed: a reader never
    sees a half-written folder."""
    with writing(target):
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
        staging.chmod(umask_mode(folder=True))
    try:
        yield staging
        with writing(target):
            if target.exists():
                shutil.rmtree(target)
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
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
    return rle_json(encode_rle(mask))


def encode_rle(mask: np.ndarray) -> dict:
    """HxW bool -> pycocotools' RLE (compressed counts as bytes)."""
    from pycocotools import mask as mask_utils

    return mask_utils.encode(np.asfortranarray(mask.astype(np.uint8)))


def rle_json(rle: dict) -> Dict[str, object]:
    """pycocotools' RLE -> ``{"size": [H, W], "counts": str}`` (JSON-ready)."""
    return {"size": [int(v) for v in rle["size"]], "counts": rle["counts"].decode("ascii")}


def decode_rle(rle: Dict[str, object]) -> np.ndarray:
    """Inverse of ``coco_rle``: -> HxW bool."""
    from pycocotools import mask as mask_utils

    return mask_utils.decode({"size": rle["size"], "counts": str(rle["counts"]).encode("ascii")}).astype(bool)


def cutout_rgba(pixels: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """HxWx3 uint8 + HxW bool -> RGBA uint8 cropped to the mask's bbox (the whole image
    when the mask is empty), transparent outside the mask."""
    from .results import xywh

    alpha = np.where(mask, 255, 0).astype(np.uint8)
    x, y, w, h = xywh(mask) if mask.any() else (0, 0, mask.shape[1], mask.shape[0])
    return np.dstack([pixels, alpha])[y:y + h, x:x + w]


AMG_HEADER = ("id,area,bbox_x0,bbox_y0,bbox_w,bbox_h,point_input_x,point_input_y,predicted_iou,"
              "stability_score,crop_box_x0,crop_box_y0,crop_box_w,crop_box_h")


def write_amg_output(records, output: Union[str, os.PathLike], stem: str, output_mode: str) -> Path:
    """Automatic-mask records in upstream ``scripts/amg.py``'s layout: with binary masks a
    folder ``<output>/<stem>/`` of ``<i>.png`` (0/255) and ``metadata.csv``; otherwise
    ``<output>/<stem>.json``. The folder is written beside and renamed into place, so a
    re-run replaces it whole and an interrupted run leaves no half folder."""
    output = Path(output)
    if output_mode != "binary_mask":
        save_json(output / f"{stem}.json", records)
        return output / f"{stem}.json"
    with replaced_folder(output / stem) as staging:  # an earlier run's is replaced whole, never mixed
        rows = [AMG_HEADER]
        for i, record in enumerate(records):
            atomic_write_bytes(staging / f"{i}.png", mask_png_bytes(record["segmentation"]))
            rows.append(",".join(str(v) for v in (i, record["area"], *record["bbox"], *record["point_coords"][0],
                                                  record["predicted_iou"], record["stability_score"],
                                                  *record["crop_box"])))
        atomic_write_bytes(staging / "metadata.csv", "\n".join(rows).encode())
    return output / stem
