"""Pictures for people: prompt markers, mask overlays with outlines and scores, and the
coordinate-axes preview. Inputs are HxWx3 uint8 RGB; coordinates are (X, Y) pixels."""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, Tuple

import cv2
import numpy as np

from .export import decode_rle
from .results import xywh

# Distinct, colour-blind-friendly colours (Okabe-Ito, then Tableau), RGB.
PALETTE = [
    (0, 114, 178), (230, 159, 0), (0, 158, 115), (204, 121, 167), (86, 180, 233),
    (213, 94, 0), (240, 228, 66), (148, 103, 189), (140, 86, 75), (127, 127, 127),
]
FOREGROUND = (40, 220, 60)
BACKGROUND = (235, 40, 40)
BOX = (30, 144, 255)


def colour(index: int) -> Tuple[int, int, int]:
    return PALETTE[index % len(PALETTE)]


def _scale(pixels: np.ndarray) -> int:
    """A marker size that reads well on small and large images alike."""
    return max(4, int(round(min(pixels.shape[:2]) / 70)))


def draw_prompts(
    pixels: np.ndarray,
    points: Optional[np.ndarray] = None,
    labels: Optional[np.ndarray] = None,
    boxes: Optional[np.ndarray] = None,
    pending_corner: Optional[Sequence[float]] = None,
    box_colours: Optional[Sequence[int]] = None,
) -> np.ndarray:
    """Copy of ``pixels`` with prompts drawn: foreground points as green discs, background
    points as red discs with a white cross, boxes as rectangles in their object's colour
    (box i in ``colour(box_colours[i])``, default ``colour(i)``), and a pending first box
    corner as a crosshair.

    points: Nx2 (X, Y); labels: N of {0, 1}; boxes: Bx4 XYXY.
    """
    canvas = np.ascontiguousarray(pixels.copy())
    r = _scale(canvas)
    thick = max(1, r // 3)
    if boxes is not None:
        boxes = np.asarray(boxes).reshape(-1, 4)
        for i, (x1, y1, x2, y2) in zip(range(len(boxes)) if box_colours is None else box_colours, boxes):
            p1, p2 = (int(round(x1)), int(round(y1))), (int(round(x2)), int(round(y2)))
            cv2.rectangle(canvas, p1, p2, (255, 255, 255), thick + 2, cv2.LINE_AA)
            cv2.rectangle(canvas, p1, p2, colour(i), thick, cv2.LINE_AA)
    if points is not None:
        labels = np.ones(len(points), int) if labels is None else labels
        for (x, y), label in zip(np.asarray(points).reshape(-1, 2), labels):
            c = (int(round(x)), int(round(y)))
            cv2.circle(canvas, c, r + thick, (255, 255, 255), -1, cv2.LINE_AA)
            cv2.circle(canvas, c, r, FOREGROUND if label == 1 else BACKGROUND, -1, cv2.LINE_AA)
            if label == 0:
                d = max(1, int(r * 0.6))
                cv2.line(canvas, (c[0] - d, c[1] - d), (c[0] + d, c[1] + d), (255, 255, 255), thick, cv2.LINE_AA)
                cv2.line(canvas, (c[0] - d, c[1] + d), (c[0] + d, c[1] - d), (255, 255, 255), thick, cv2.LINE_AA)
    if pending_corner is not None:
        x, y = (int(round(v)) for v in pending_corner)
        cv2.drawMarker(canvas, (x, y), (255, 255, 255), cv2.MARKER_CROSS, 4 * r + 4, thick + 2)
        cv2.drawMarker(canvas, (x, y), BOX, cv2.MARKER_CROSS, 4 * r, thick)
    return canvas


def resize(pixels: np.ndarray, scale: float) -> np.ndarray:
    """HxWx3 uint8 -> round(H*scale) x round(W*scale) x 3 (area averaging when shrinking)."""
    h, w = pixels.shape[:2]
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(pixels, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)


def _bbox(mask: np.ndarray):
    """(x, y, w, h) of an HxW bool mask's pixels, or None when it is empty."""
    x, y, w, h = xywh(mask)
    return (x, y, w, h) if w else None


def overlay_masks(
    pixels: np.ndarray,
    masks: Iterable[np.ndarray],
    scores: Optional[Sequence[Optional[float]]] = None,
    colours: Optional[Sequence[Tuple[int, int, int]]] = None,
    alpha: float = 0.45,
    outline: bool = True,
    names: Optional[Sequence[str]] = None,
) -> np.ndarray:
    """``pixels`` with each HxW bool mask tinted in its colour, outlined, and labelled with
    its number and score (``#1 0.93``; scores of None or NaN are left out) when scores
    are given, or with ``names``. ``masks`` is read once, one mask at a time (a generator
    keeps only one full-size mask in memory); outlines and labels are drawn after every
    tint, over them. Work is done in uint8 inside each mask's bounding box, so cost
    follows the masks, not the image."""
    canvas = np.ascontiguousarray(pixels.copy())
    thick = max(1, _scale(canvas) // 2)
    marks = []  # (index, colour, box, outer contours) of each non-empty mask
    for i, mask in enumerate(masks):
        box = _bbox(mask)
        if box is None:
            continue
        c = colours[i] if colours is not None else colour(i)
        x, y, w, h = box
        region, inside = canvas[y:y + h, x:x + w], mask[y:y + h, x:x + w].view(np.uint8)
        cv2.copyTo(cv2.LUT(region, _tint_table(c, alpha)), inside, region)  # writes into canvas
        # 8-connected lines: anti-aliasing costs several times more on ragged masks and does not
        # show once the browser scales the picture down
        contours = cv2.findContours(inside, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE, offset=(x, y))[0] \
            if outline else ()
        marks.append((i, c, box, contours))
    for i, c, box, contours in marks:
        if outline:
            cv2.drawContours(canvas, contours, -1, (255, 255, 255), thick + 2, cv2.LINE_8)
            cv2.drawContours(canvas, contours, -1, c, thick, cv2.LINE_8)
        if names is not None:
            _label(canvas, names[i], box, c)
        elif scores is not None:
            score = scores[i]
            text = f"#{i + 1}" if score is None or np.isnan(score) else f"#{i + 1} {score:.2f}"
            _label(canvas, text, box, c)
    return canvas


def record_mask(record: dict, size: Optional[Tuple[int, int]] = None) -> np.ndarray:
    """An automatic-mask record's HxW bool mask (COCO RLE), at ``size`` (h, w) if given
    (nearest pixel)."""
    from .backends.base import resize_mask

    mask = decode_rle(record["segmentation"])
    return mask if size is None else resize_mask(mask, size)


def draw_records(pixels: np.ndarray, records: Sequence[dict], chunk: int = 32) -> Tuple[np.ndarray, np.ndarray]:
    """(``pixels`` with every record's mask tinted and outlined, owner map: the index of
    the smallest mask covering each pixel, -1 where none), both at ``pixels``' size;
    ``chunk`` masks decoded and drawn at once."""
    size = pixels.shape[:2]
    owner = np.full(size, -1, np.int32)
    picture = pixels
    order = sorted(range(len(records)), key=lambda i: -records[i]["area"])  # small masks drawn last, on top
    for start in range(0, len(order), chunk):
        part = order[start:start + chunk]
        masks = [record_mask(records[i], size) for i in part]
        picture = overlay_masks(picture, masks, colours=[colour(i) for i in part], alpha=0.4)
        for i, mask in zip(part, masks):
            owner[mask] = i
    return picture, owner


def _tint_table(c: Tuple[int, int, int], alpha: float) -> np.ndarray:
    """256x1x3 uint8 lookup table: value v of channel k -> (1 - alpha) * v + alpha * c[k]."""
    values = np.arange(256, dtype=np.float32)[:, None] * (1 - alpha) + np.asarray(c, np.float32)[None, :] * alpha
    return np.clip(np.round(values), 0, 255).astype(np.uint8).reshape(256, 1, 3)


def _label(canvas: np.ndarray, text: str, box, c) -> None:
    """Write ``text`` on a coloured tag at the top-left of ``box`` (x, y, w, h)."""
    scale = max(0.4, min(canvas.shape[:2]) / 700)
    thick = max(1, int(round(scale * 1.5)))
    (w, h), base = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)
    x = int(np.clip(box[0], 0, max(0, canvas.shape[1] - w - 4)))
    y = int(np.clip(box[1], h + base + 4, canvas.shape[0] - 1))
    cv2.rectangle(canvas, (x, y - h - base - 4), (x + w + 4, y), c, -1)
    cv2.putText(canvas, text, (x + 2, y - base - 2), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), thick,
                cv2.LINE_AA)


def preview_with_axes(
    pixels: np.ndarray,
    points: Optional[np.ndarray] = None,
    labels: Optional[np.ndarray] = None,
    boxes: Optional[np.ndarray] = None,
    max_side_inches: float = 9.0,
) -> np.ndarray:
    """The image on pixel-coordinate axes (X right, Y down, ticks in pixels) with the
    prompt drawn on it, rendered by matplotlib to an RGB array; with no prompt the axes
    alone, so that coordinates can be read off."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    height, width = pixels.shape[:2]
    aspect = width / height
    size = (max_side_inches, max_side_inches / aspect) if aspect >= 1 else (max_side_inches * aspect, max_side_inches)
    figure = Figure(figsize=(max(size[0], 3.5) + 0.8, max(size[1], 3.0) + 0.6), dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot(1, 1, 1)
    ax.imshow(draw_prompts(pixels, points, labels, boxes), extent=(0, width, height, 0), interpolation="antialiased")
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_xlabel("X (pixels)")
    ax.set_ylabel("Y (pixels)")
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.grid(color="white", alpha=0.35, linewidth=0.6)
    ax.minorticks_on()
    figure.tight_layout()
    figure.canvas.draw()
    return np.asarray(figure.canvas.buffer_rgba())[:, :, :3].copy()
