"""Simulated clicks and boxes, as interactive segmentation is scored and trained.

Coordinates are (X, Y) pixel indices (column, row) of the image, as the web UI's clicks.
Masks are HxW bool.

- ``next_click``: the standard evaluation click (SAM's appendix D.1, RITM's
  ``isegm/inference/clicker.py``): in whichever error region reaches farther from its
  own boundary, the pixel farthest from it; positive where the object is missed, negative
  where the mask spills. The first click (an empty mask) is so the object's most interior
  pixel. The image's edge counts as boundary; ties go to the first pixel in row order.
- ``sampled_click``: training's click, a pixel drawn uniformly from the error region.
- ``noisy_box``: the object's box with SAM's noise (per coordinate, a normal draw of
  std 10 % of the box side, at most 20 pixels).
"""

from __future__ import annotations

from typing import Optional, Tuple

import cv2
import numpy as np

from ..results import xyxy_exclusive

Click = Tuple[int, int, int]  # X, Y, label (1 = foreground, 0 = background)
BOX_NOISE, BOX_NOISE_MAX = 0.1, 20.0


def _distance_to_boundary(region: np.ndarray) -> np.ndarray:
    """HxW float32: each pixel's Euclidean distance to the nearest pixel outside ``region``
    (or outside the image)."""
    padded = np.pad(region, 1).astype(np.uint8)
    return cv2.distanceTransform(padded, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)[1:-1, 1:-1]


def next_click(truth: np.ndarray, predicted: np.ndarray, allowed: Optional[np.ndarray] = None) -> Optional[Click]:
    """The evaluation protocol's next click (module docstring) for ground truth ``truth``
    and the current mask ``predicted``; ``allowed``: HxW bool, False where a click was
    already made (never clicked twice). None when the mask is exact."""
    to_missed, to_spilled = _distance_to_boundary(truth & ~predicted), _distance_to_boundary(predicted & ~truth)
    if allowed is not None:  # as RITM: a clicked pixel is out, the distances around it are not changed
        to_missed, to_spilled = to_missed * allowed, to_spilled * allowed
    if max(to_missed.max(), to_spilled.max()) == 0:
        return None
    positive = to_missed.max() > to_spilled.max()
    distance = to_missed if positive else to_spilled
    y, x = np.unravel_index(int(np.argmax(distance)), distance.shape)
    return int(x), int(y), int(positive)


def sampled_click(truth: np.ndarray, predicted: np.ndarray, rng: np.random.Generator) -> Optional[Click]:
    """A pixel drawn uniformly from the error region (missed: positive; spilled:
    negative); None when the mask is exact."""
    error = truth ^ predicted
    ys, xs = np.nonzero(error)
    if not len(xs):
        return None
    k = int(rng.integers(len(xs)))
    return int(xs[k]), int(ys[k]), int(truth[ys[k], xs[k]])


def noisy_box(mask: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """4 float32 XYXY: the mask's box with SAM's noise, inside the image and at least one
    pixel wide and high."""
    box = np.array(xyxy_exclusive(mask), np.float32)
    height, width = mask.shape
    side = np.array([box[2] - box[0], box[3] - box[1]] * 2, np.float32)
    noise = np.clip(rng.normal(0.0, 1.0, 4) * BOX_NOISE * side, -BOX_NOISE_MAX, BOX_NOISE_MAX)
    x1, y1, x2, y2 = np.clip(box + noise, 0, [width, height, width, height])
    x1, x2 = min(x1, width - 1), max(x2, min(x1, width - 1) + 1)
    y1, y2 = min(y1, height - 1), max(y2, min(y1, height - 1) + 1)
    return np.array([x1, y1, x2, y2], np.float32)
