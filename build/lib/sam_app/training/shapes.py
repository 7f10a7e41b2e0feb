"""A synthetic instance-segmentation dataset: filled ellipses, rectangles and triangles on
textured backgrounds, written as images and a COCO file (``python -m
sam_app.training.shapes OUT``). For trying evaluate and finetune without data, and for
their tests. Later shapes occlude earlier ones; each mask is what stays visible."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Tuple

import cv2
import numpy as np

from ..export import atomic_write_bytes, encode_rle, png_bytes, rle_json, save_json

CATEGORIES = ("ellipse", "rectangle", "triangle")


def texture(rng: np.random.Generator, size: Tuple[int, int]) -> np.ndarray:
    """HxWx3 uint8: a colour gradient, blurred noise blobs and a few lines."""
    height, width = size
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    a, b = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    t = (xs / width * rng.uniform(-1, 1) + ys / height * rng.uniform(-1, 1))[..., None]
    image = a + (b - a) * (t - t.min()) / max(float(np.ptp(t)), 1e-6)
    noise = cv2.GaussianBlur(rng.normal(0, 40, (height, width, 3)).astype(np.float32), (0, 0), rng.uniform(2, 8))
    image = np.clip(image + noise * 2, 0, 255).astype(np.uint8)
    for _ in range(rng.integers(3, 8)):
        p, q = rng.integers(0, [width, height], 2), rng.integers(0, [width, height], 2)
        cv2.line(image, tuple(int(v) for v in p), tuple(int(v) for v in q), rng.integers(0, 255, 3).tolist(),
                 int(rng.integers(1, 4)))
    return image


def draw_shape(rng: np.random.Generator, size: Tuple[int, int], kind: str) -> np.ndarray:
    """HxW bool: one random filled shape of ``kind`` (see ``CATEGORIES``)."""
    height, width = size
    mask = np.zeros(size, np.uint8)
    cx, cy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height
    rx, ry = rng.uniform(0.08, 0.25) * width, rng.uniform(0.08, 0.25) * height
    if kind == "ellipse":
        cv2.ellipse(mask, (int(cx), int(cy)), (int(rx), int(ry)), float(rng.uniform(0, 180)), 0, 360, 1, -1)
    elif kind == "rectangle":
        corners = cv2.boxPoints(((cx, cy), (2 * rx, 2 * ry), float(rng.uniform(0, 180))))
        cv2.fillPoly(mask, [corners.astype(np.int32)], 1)
    else:
        angles = np.arange(3) / 3 * 2 * np.pi + rng.uniform(0, 2 * np.pi) + rng.uniform(-0.3, 0.3, 3)
        corners = np.stack([cx + rx * np.cos(angles), cy + ry * np.sin(angles)], 1)
        cv2.fillPoly(mask, [corners.astype(np.int32)], 1)
    return mask.astype(bool)


def make_shapes(output: Path, images: int = 20, size: Tuple[int, int] = (192, 256), per_image: Tuple[int, int] = (2, 5),
                seed: int = 0) -> Path:
    """Write ``images`` pictures of size (H, W) with ``per_image`` (min, max) shapes each
    under ``output``/images and their COCO file ``output``/annotations.json; returns it."""
    rng = np.random.default_rng(seed)
    folder = Path(output) / "images"
    folder.mkdir(parents=True, exist_ok=True)
    coco = {"images": [], "annotations": [],
            "categories": [{"id": i, "name": name} for i, name in enumerate(CATEGORIES, start=1)]}
    for index in range(1, images + 1):
        picture = texture(rng, size)
        masks, kinds = [], []
        for _ in range(rng.integers(per_image[0], per_image[1] + 1)):
            kind = int(rng.integers(len(CATEGORIES)))
            mask = draw_shape(rng, size, CATEGORIES[kind])
            colour = rng.integers(0, 255, 3)
            shade = np.clip(colour + rng.normal(0, 12, (*size, 3)), 0, 255).astype(np.uint8)
            picture[mask] = shade[mask]
            masks = [m & ~mask for m in masks] + [mask]
            kinds.append(kind + 1)
        name = f"shapes_{index:04d}.png"
        atomic_write_bytes(folder / name, png_bytes(picture))
        coco["images"].append({"id": index, "file_name": name, "height": size[0], "width": size[1]})
        for mask, category in zip(masks, kinds):
            if mask.sum() < 30:  # mostly hidden
                continue
            ys, xs = np.nonzero(mask)
            box = [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)]
            coco["annotations"].append({"id": len(coco["annotations"]) + 1, "image_id": index,
                                        "category_id": category, "segmentation": rle_json(encode_rle(mask)),
                                        "area": int(mask.sum()), "bbox": box, "iscrowd": 0})
    path = Path(output) / "annotations.json"
    save_json(path, coco)
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output")
    parser.add_argument("--images", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(make_shapes(Path(args.output), args.images, seed=args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
