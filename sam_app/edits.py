"""Editing a mask by hand: brush and eraser strokes, in image pixels.

A stroke covers every pixel whose centre, (X + 0.5, Y + 0.5), lies within ``radius`` of
the polyline through its points (a chain of capsules; one point: a disc). The canvas in
the browser paints the same rule (sam_app/ui/canvas/frontend/canvas.ts) while the stroke
is drawn; what is kept is this one, at the image's full resolution.
"""

from typing import Sequence

import numpy as np

from .errors import PromptError

MAX_RADIUS = 500  # px
MAX_POINTS = 10_000  # points in one stroke


def check_stroke(points, radius) -> np.ndarray:
    """Stroke data from a client -> Nx2 float64 (X, Y); PromptError naming what is wrong."""
    try:
        array = np.asarray(points, np.float64).reshape(-1, 2)
        radius = float(radius)
    except (TypeError, ValueError):
        raise PromptError("a stroke is points [[X, Y], ...] and a radius, in pixels") from None
    if not 1 <= len(array) <= MAX_POINTS or not np.isfinite(array).all():
        raise PromptError(f"a stroke has 1 to {MAX_POINTS} points of finite numbers, got {len(array)}")
    if not 0.5 <= radius <= MAX_RADIUS:
        raise PromptError(f"a brush radius is 0.5 to {MAX_RADIUS} pixels, got {radius:g}")
    return array


def stroke_cover(size, points: Sequence, radius: float) -> np.ndarray:
    """(H, W) bool: the pixels a stroke through ``points`` (Nx2 (X, Y)) of ``radius`` covers."""
    height, width = size
    cover = np.zeros((height, width), bool)
    points = np.asarray(points, np.float64).reshape(-1, 2)
    pairs = zip(points, points[1:]) if len(points) > 1 else [(points[0], points[0])]
    for a, b in pairs:
        x0, y0 = (np.floor(np.minimum(a, b) - radius - 1)).astype(int)
        x1, y1 = (np.ceil(np.maximum(a, b) + radius + 1)).astype(int)
        x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, width - 1), min(y1, height - 1)
        if x0 > x1 or y0 > y1:
            continue
        px, py = np.meshgrid(np.arange(x0, x1 + 1) + 0.5, np.arange(y0, y1 + 1) + 0.5)
        d = b - a
        length2 = float(d @ d)
        t = np.zeros_like(px) if length2 == 0 else np.clip(((px - a[0]) * d[0] + (py - a[1]) * d[1]) / length2, 0, 1)
        ex, ey = px - (a[0] + t * d[0]), py - (a[1] + t * d[1])
        cover[y0:y1 + 1, x0:x1 + 1] |= ex * ex + ey * ey <= radius * radius
    return cover


def paint(mask: np.ndarray, points, radius: float, erase: bool = False) -> np.ndarray:
    """``mask`` (HxW bool) with a brush stroke added to it, or with ``erase`` taken out of
    it: a new array."""
    cover = stroke_cover(mask.shape, check_stroke(points, radius), float(radius))
    return mask & ~cover if erase else mask | cover
