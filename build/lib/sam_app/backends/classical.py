"""A weights-free backend on OpenCV's GrabCut, so the app is useful with no checkpoint.

Per object: a box initialises GrabCut's rectangle; foreground / background points become
definite seeds (discs); points without a box use a rectangle around them with a margin.
It returns one mask per object and no scores (NaN) or low-res logits. Large images are
segmented on a copy whose long side is at most ``work_size`` and the mask is scaled back.
"""

from dataclasses import dataclass
from typing import List

import cv2
import numpy as np

from ..images import fit_scale
from ..prompts import ObjectPrompt
from .base import Backend, ObjectResult, resize_mask


@dataclass
class ClassicalEmbedding:
    """pixels: hxwx3 uint8 BGR working copy; scale: working size / original size;
    original_size: (H, W)."""

    pixels: np.ndarray
    scale: float
    original_size: tuple

    @property
    def nbytes(self) -> int:
        return self.pixels.nbytes


class ClassicalBackend(Backend):
    name = "classical"
    device = "cpu"
    precision = "-"

    def __init__(self, work_size: int = 1024, iterations: int = 5):
        self.work_size = work_size
        self.iterations = iterations

    def encode(self, pixels: np.ndarray) -> ClassicalEmbedding:
        height, width = pixels.shape[:2]
        scale = fit_scale(height, width, self.work_size)
        small = pixels if scale == 1.0 else cv2.resize(
            pixels, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA)
        return ClassicalEmbedding(cv2.cvtColor(small, cv2.COLOR_RGB2BGR), scale, (height, width))

    def decode(self, embedding: ClassicalEmbedding, objects: List[ObjectPrompt], multimask: bool,
               return_logits: bool) -> List[ObjectResult]:
        results = []
        for obj in objects:
            small = self._segment(embedding, obj)
            height, width = embedding.original_size
            mask = resize_mask(small, (height, width))
            results.append(ObjectResult(
                prompt=obj, masks=mask[None], scores=np.array([np.nan], np.float32), low_res_logits=None,
                best=0, image_size=(height, width), logits=mask[None].astype(np.float32) if return_logits else None,
            ))
        return results

    def _segment(self, embedding: ClassicalEmbedding, obj: ObjectPrompt) -> np.ndarray:
        """hxw bool mask at the working size."""
        image, s = embedding.pixels, embedding.scale
        h, w = image.shape[:2]
        points = obj.points * s
        x1, y1, x2, y2 = self._rectangle(obj, s, w, h)
        seeds = np.full((h, w), cv2.GC_BGD, np.uint8)
        seeds[y1:y2, x1:x2] = cv2.GC_PR_FGD
        radius = max(2, round(min(h, w) / 100))
        for (x, y), label in zip(points, obj.labels):
            cv2.circle(seeds, (int(round(x)), int(round(y))), radius, cv2.GC_FGD if label == 1 else cv2.GC_BGD, -1)
        if not (seeds == cv2.GC_PR_FGD).any() and not (seeds == cv2.GC_FGD).any():
            return np.zeros((h, w), bool)
        background, foreground = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
        try:
            cv2.grabCut(image, seeds, None, background, foreground, self.iterations, cv2.GC_INIT_WITH_MASK)
        except cv2.error:  # e.g. no background pixels at all: keep the initial guess
            pass
        mask = (seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)
        return self._keep_object(mask, points[obj.labels == 1])

    @staticmethod
    def _rectangle(obj: ObjectPrompt, s: float, w: int, h: int):
        """The box, or the foreground points' bounding box grown by a margin (integers)."""
        if obj.box is not None:
            x1, y1, x2, y2 = obj.box * s
        else:
            fg = obj.points[obj.labels == 1] * s if (obj.labels == 1).any() else obj.points * s
            x1, y1 = fg.min(axis=0)
            x2, y2 = fg.max(axis=0)
            margin = max(0.15 * min(w, h), 0.5 * max(x2 - x1, y2 - y1))
            x1, y1, x2, y2 = x1 - margin, y1 - margin, x2 + margin, y2 + margin
        x1, y1 = int(np.clip(np.floor(x1), 0, w - 1)), int(np.clip(np.floor(y1), 0, h - 1))
        x2, y2 = int(np.clip(np.ceil(x2), x1 + 1, w)), int(np.clip(np.ceil(y2), y1 + 1, h))
        return x1, y1, x2, y2

    @staticmethod
    def _keep_object(mask: np.ndarray, foreground_points: np.ndarray) -> np.ndarray:
        """Drop specks: keep the components that hold a foreground point, else the largest."""
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
        if count <= 2:
            return mask
        keep = set()
        for x, y in foreground_points:
            row, column = int(np.clip(round(y), 0, mask.shape[0] - 1)), int(np.clip(round(x), 0, mask.shape[1] - 1))
            component = labels[row, column]
            if component:
                keep.add(int(component))
        if not keep:
            keep = {int(np.argmax(stats[1:, cv2.CC_STAT_AREA])) + 1}
        return np.isin(labels, list(keep))
