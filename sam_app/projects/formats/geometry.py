"""Masks to polygons and back, exactly.

Coordinates are COCO's: X right, Y down, in pixels, pixel (row i, column j) the unit
square [j, j+1] x [i, i+1], so its centre is (j + 0.5, i + 0.5). pycocotools fills a
polygon by the even-odd rule on pixel centres; the polygons written here follow the
pixels' edges (integer corners, horizontal and vertical sides), so no centre ever lies
on a side and ``fill_polygons(outline(mask))`` gives the mask back bit for bit.

- ``rings(mask)``: per 8-connected part, its outer ring and its holes (OpenCV's
  ``findContours`` with ``RETR_CCOMP`` on the mask doubled in size, whose contours map
  onto the pixels' edges).
- ``keyholes(mask)``: one polygon per part, its holes joined to it by zero-width bridges
  (walked there and back: even-odd filling cancels them), for COCO and LabelMe, whose
  readers union an object's polygons.
- ``single_polygon(mask)``: every part and hole in one polygon (YOLO's one line per
  object, as ultralytics' ``merge_multi_segment`` makes it).
- ``fill_polygons(polygons, h, w)``: polygons read from a file to a mask, a polygon that
  lies inside another of the same object being a hole (containment parity).
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

import cv2
import numpy as np
from pycocotools import mask as mask_utils

from ...errors import SamAppError

MAX_POLYGONS = 1000  # polygons of one object read from a file (containment is checked pairwise)
MAX_EDGE_PIXELS = 4_000_000  # summed side lengths of one polygon read from a file (pycocotools' memory grows with it)
PAIRWISE_POINTS = 4_000_000  # above this many point pairs a bridge starts at the ring's first point
Ring = np.ndarray  # Kx2 int64 (X, Y) corners, the last joined to the first


def rings(mask: np.ndarray) -> List[Tuple[Ring, List[Ring]]]:
    """HxW bool -> per 8-connected part (in OpenCV's order) its outer ring and its hole
    rings, each Kx2 (X, Y) integer pixel-edge corners, no point repeated in a row and no
    point in the middle of a straight side."""
    x0, y0, w, h = cv2.boundingRect(np.ascontiguousarray(mask).view(np.uint8))
    if w == 0:
        return []
    crop = np.zeros((h + 2, w + 2), np.uint8)  # a blank pixel around: every contour closes inside
    crop[1:-1, 1:-1] = mask[y0:y0 + h, x0:x0 + w]
    doubled = np.repeat(np.repeat(crop, 2, axis=0), 2, axis=1)
    contours, hierarchy = cv2.findContours(doubled, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    # A contour runs through the centres of the doubled boundary pixels; the half a pixel
    # it runs through says which of the pixel's edges is the boundary: ceil(p / 2).
    mapped = [_simplified((c.reshape(-1, 2).astype(np.int64) + 1) // 2 + (x0 - 1, y0 - 1)) for c in contours]
    parts = {k: (ring, []) for k, ring in enumerate(mapped) if hierarchy[0][k][3] < 0}
    for k, ring in enumerate(mapped):
        parent = hierarchy[0][k][3]
        if parent >= 0:
            parts[parent][1].append(ring)
    return list(parts.values())


def _simplified(ring: Ring) -> Ring:
    """``ring`` without points equal to the one before and without points on the straight
    line through their neighbours."""
    ring = ring[np.any(ring != np.roll(ring, 1, axis=0), axis=1)]
    before, after = np.roll(ring, 1, axis=0), np.roll(ring, -1, axis=0)
    turn = (ring - before)[:, 0] * (after - ring)[:, 1] - (ring - before)[:, 1] * (after - ring)[:, 0]
    return ring[turn != 0]


def _nearest(a: Ring, b: Ring) -> Tuple[int, int]:
    """Indices (i, j) of the closest pair a[i], b[j] (Nx2 and Mx2); for large rings, the
    point of ``a`` closest to b[0]."""
    if len(a) * len(b) <= PAIRWISE_POINTS:
        d = ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)
        i, j = np.unravel_index(int(np.argmin(d)), d.shape)
        return int(i), int(j)
    return int(np.argmin(((a - b[0]) ** 2).sum(-1))), 0


def bridged(base: Ring, others: Sequence[Ring]) -> Ring:
    """One closed path: ``base`` with each ring of ``others`` joined to its nearest point
    by a zero-width bridge (base[i] -> other[j] -> around other -> other[j] -> base[i]).
    Even-odd filling of the path = ``base`` XOR every other ring."""
    if not others:
        return base
    visits: dict = {}
    for ring in others:
        i, j = _nearest(base, ring)
        visits.setdefault(i, []).append(np.concatenate([np.roll(ring, -j, axis=0), ring[j:j + 1], base[i:i + 1]]))
    pieces, start = [], 0
    for i in sorted(visits):
        pieces += [base[start:i + 1], *visits[i]]
        start = i + 1
    return np.concatenate([*pieces, base[start:]])


def keyholes(mask: np.ndarray) -> List[Ring]:
    """HxW bool -> one ring per 8-connected part with its holes bridged in (see
    ``bridged``); their union, each filled even-odd, is the mask."""
    return [bridged(outer, holes) for outer, holes in rings(mask)]


def single_polygon(mask: np.ndarray) -> Ring:
    """HxW bool -> one ring holding every part and hole, the parts bridged to the
    largest; an empty Kx2 array for an empty mask."""
    parts = sorted(keyholes(mask), key=lambda r: -abs(cv2.contourArea(r.astype(np.float32))))
    if not parts:
        return np.zeros((0, 2), np.int64)
    return bridged(parts[0], parts[1:])


def polygon_values(values, height: int, width: int) -> List[float]:
    """A polygon read from a file, [x1, y1, x2, y2, ...] in pixels: checked to be three or
    more finite (X, Y) pairs within the image (a pixel of slack at each border) whose
    sides are not absurdly long; SamAppError says what is wrong."""
    if not isinstance(values, list) or len(values) < 6 or len(values) % 2:
        got = f"{len(values)} numbers" if isinstance(values, list) else type(values).__name__
        raise SamAppError(f"a polygon is a list of x y pairs, 3 pairs or more; got {got}")
    if not all(type(v) in (int, float) for v in values):
        raise SamAppError("a polygon's coordinates must be numbers")
    xy = np.asarray(values, np.float64).reshape(-1, 2)
    if not np.isfinite(xy).all():
        raise SamAppError("a polygon's coordinates must be finite numbers")
    low, high = xy.min(axis=0), xy.max(axis=0)
    if low.min() < -1 or high[0] > width + 1 or high[1] > height + 1:
        raise SamAppError(f"the polygon lies outside the image: x from {low[0]:g} to {high[0]:g}, y from {low[1]:g} "
                          f"to {high[1]:g}, on an image of {width} x {height} pixels")
    edges = np.abs(np.diff(np.vstack([xy, xy[:1]]), axis=0)).max(axis=1).sum()
    if edges > MAX_EDGE_PIXELS:
        raise SamAppError(f"the polygon's sides are {edges:,.0f} pixels long in all; at most {MAX_EDGE_PIXELS:,} "
                          "are read")
    return xy.ravel().tolist()


def fill_polygons(polygons: Sequence[List[float]], height: int, width: int) -> np.ndarray:
    """Checked polygons (``polygon_values``) of one object -> HxW bool mask, each filled
    by pycocotools (even-odd on pixel centres). A polygon whose pixels all lie in another
    one's (and are fewer) is inside it; those inside an odd number of others are holes,
    the rest are unioned: outer minus holes plus islands in holes."""
    if len(polygons) > MAX_POLYGONS:
        raise SamAppError(f"{len(polygons):,} polygons in one object; at most {MAX_POLYGONS:,} are read")
    rles = [mask_utils.frPyObjects([list(p)], height, width)[0] for p in polygons]
    if len(rles) == 1:
        return mask_utils.decode(rles[0]).astype(bool)
    areas = mask_utils.area(rles).astype(np.int64)
    x, y, w, h = mask_utils.toBbox(rles).T
    depth = np.zeros(len(rles), np.int64)
    for i in range(len(rles)):
        around = np.flatnonzero((areas > areas[i]) & (x <= x[i]) & (y <= y[i])
                                & (x + w >= x[i] + w[i]) & (y + h >= y[i] + h[i]))
        if areas[i] == 0:
            continue
        for j in around:
            inside = mask_utils.area(mask_utils.merge([rles[i], rles[j]], intersect=True))
            depth[i] += int(inside == areas[i])
    mask = np.zeros((height, width), bool)
    for level in sorted(set(depth.tolist())):
        layer = mask_utils.decode(mask_utils.merge([r for r, d in zip(rles, depth) if d == level])).astype(bool)
        mask = mask | layer if level % 2 == 0 else mask & ~layer
    return mask
