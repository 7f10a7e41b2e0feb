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
MAX_STROKE_PIXELS = 100_000_000  # pixels one stroke's segments may look at, all together


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


def thinned(points: np.ndarray, radius: float) -> np.ndarray:
    """A stroke's points less those within ``radius`` / 4 of the last one kept (the last
    point always kept): the same capsule chain to within a sliver, at a fraction of the
    work where a pointer sent a point per pixel."""
    kept = [points[0]]
    for p in points[1:-1]:
        if np.hypot(*(p - kept[-1])) >= radius / 4:
            kept.append(p)
    if len(points) > 1:
        kept.append(points[-1])
    return np.asarray(kept)


def paint(mask: np.ndarray, points, radius: float, erase: bool = False) -> np.ndarray:
    """``mask`` (HxW bool) with a brush stroke added to it, or with ``erase`` taken out of
    it: a new array (the stroke worked out in its bounding box only; points far outside
    the image are brought to its margin, and a stroke that would look at more than
    ``MAX_STROKE_PIXELS`` is refused)."""
    points, radius = check_stroke(points, radius), float(radius)
    height, width = mask.shape
    margin = radius + 1
    points = thinned(np.clip(points, [-margin, -margin], [width + margin, height + margin]), radius)
    spans = np.abs(np.diff(points, axis=0)) + 2 * margin if len(points) > 1 else np.array([[2 * margin] * 2])
    if float(np.prod(np.minimum(spans, [width + 2 * margin, height + 2 * margin]), axis=1).sum()) > MAX_STROKE_PIXELS:
        raise PromptError("this stroke is too long for its brush size: draw it in parts")
    x0, y0 = np.maximum(np.floor(points.min(axis=0) - radius - 1), 0).astype(int)
    x1, y1 = np.minimum(np.ceil(points.max(axis=0) + radius + 1), [width - 1, height - 1]).astype(int)
    out = mask.copy()
    if x0 > x1 or y0 > y1:
        return out
    cover = stroke_cover((y1 - y0 + 1, x1 - x0 + 1), points - [x0, y0], radius)
    part = out[y0:y1 + 1, x0:x1 + 1]
    part[...] = part & ~cover if erase else part | cover
    return out


MAX_RINGS = 50  # rings a mask's outline is given as: the largest (a noisy mask has thousands)
OUTLINE_VERTICES = 2_000  # at most, all rings together: a coarser outline where a finer one has more
MAX_VERTICES = 20_000  # vertices accepted back from a client, all rings together


def outline(mask: np.ndarray, scale: float = 1.0, tolerance: float = 0.5) -> list:
    """HxW bool -> its outline as rings of (X, Y) vertices, outer boundaries and holes
    alike (filled even-odd they give the mask back, to within ``tolerance`` pixels, a
    coarser tolerance where that takes more than ``OUTLINE_VERTICES``), the ``MAX_RINGS``
    largest by area; each vertex's pixel centre mapped by ``scale`` (a mask at display
    size -> image pixels). Vertices are pixel centres: X, Y whole numbers at scale 1."""
    import cv2

    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    contours = sorted(contours, key=lambda c: -abs(cv2.contourArea(c)))[:MAX_RINGS]
    while True:
        rings = [r for r in (cv2.approxPolyDP(c, tolerance, True).reshape(-1, 2) for c in contours) if len(r) >= 3]
        if sum(len(r) for r in rings) <= OUTLINE_VERTICES:
            break
        tolerance *= 2
    return [[[round((float(x) + 0.5) / scale - 0.5, 2), round((float(y) + 0.5) / scale - 0.5, 2)] for x, y in r]
            for r in rings]


def fill(size, rings) -> np.ndarray:
    """Rings of (X, Y) vertices (``outline``'s, edited) -> (H, W) bool, filled even-odd
    (a ring inside another is a hole), every ring's own pixels included (as
    ``cv2.findContours`` gives rings: on the mask's pixels); PromptError for rings
    that are not lists of at least 3 finite points or that hold too many vertices."""
    import cv2

    if not isinstance(rings, (list, tuple)) or not 1 <= len(rings) <= MAX_RINGS:
        raise PromptError(f"a polygon is 1 to {MAX_RINGS} rings of [X, Y] vertices in pixels")
    try:
        polygons = [np.asarray(r, np.float64).reshape(-1, 2) for r in rings]
    except (TypeError, ValueError):
        raise PromptError("a polygon is rings of [X, Y] vertices in pixels") from None
    if any(len(p) < 3 or not np.isfinite(p).all() for p in polygons):
        raise PromptError("a polygon needs rings of at least 3 vertices of finite numbers")
    if sum(len(p) for p in polygons) > MAX_VERTICES:
        raise PromptError(f"a polygon has at most {MAX_VERTICES} vertices")
    height, width = size
    parity, edges = np.zeros((height, width), np.uint8), np.zeros((height, width), np.uint8)
    for p in polygons:  # each ring filled in its bounding box, on the image and a pixel around it
        vertices = np.round(np.clip(p, -1, [width, height])).astype(np.int32)
        x0, y0 = np.maximum(vertices.min(axis=0), 0)
        x1, y1 = np.minimum(vertices.max(axis=0), [width - 1, height - 1])
        if x0 > x1 or y0 > y1:
            continue
        ring = np.zeros((y1 - y0 + 1, x1 - x0 + 1), np.uint8)
        cv2.fillPoly(ring, [vertices - [x0, y0]], 1)
        parity[y0:y1 + 1, x0:x1 + 1] ^= ring
        cv2.polylines(edges, [vertices], True, 1)  # a hole's ring runs on the mask's pixels around it
    return (parity | edges).astype(bool)
