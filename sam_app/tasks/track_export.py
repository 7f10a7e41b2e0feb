"""A tracker's masks written as the video datasets' formats, into an output folder:

- ``png``: ``masks/00000.png``, ... one indexed PNG per frame in the DAVIS layout: pixel
  value = object id, 0 = background, DAVIS's palette;
- ``ytvis``: ``tracks.json``, YouTube-VIS style: one entry per track with its category
  and, per frame, COCO RLE (counts as text) or null;
- ``mots``: ``tracks.txt``, MOTS text: ``frame id class height width rle`` per mask, id
  = class * 1000 + object id;
- ``mp4``: ``overlay.mp4``, the video with the masks drawn (H.264 where PyAV has it).

Where masks overlap, the PNG and MOTS files give each pixel to the object with the
smaller id (both formats allow one object per pixel); the JSON keeps every mask whole.
Every file is written whole or not at all (``export.atomic_write_bytes``).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Dict, Iterable, List

import numpy as np

from ..errors import SamAppError
from ..export import atomic_write_bytes

FORMATS = ("png", "ytvis", "mots", "mp4")


def palette() -> List[int]:
    """DAVIS's 256-colour palette (PASCAL VOC's bit-interleaved colours), flat RGB."""
    colours = []
    for index in range(256):
        r = g = b = 0
        value = index
        for shift in range(7, -1, -1):
            r |= (value & 1) << shift
            g |= ((value >> 1) & 1) << shift
            b |= ((value >> 2) & 1) << shift
            value >>= 3
        colours += [r, g, b]
    return colours


def parse_formats(text: str) -> List[str]:
    """"png,ytvis" -> ["png", "ytvis"], or a SamAppError naming the unknown ones."""
    names = [n.strip().lower() for n in str(text).split(",") if n.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise SamAppError(f"unknown track format(s) {', '.join(unknown) or '(none)'}; expected some of "
                          f"{', '.join(FORMATS)}, comma-separated")
    return names


def label_map(masks: Dict[int, np.ndarray], height: int, width: int) -> np.ndarray:
    """HxW uint8: object ids (1-255) where their masks are, the smaller id on overlaps."""
    found = np.zeros((height, width), np.uint8)
    for obj in sorted(masks, reverse=True):  # the smaller id painted last wins
        found[masks[obj]] = obj
    return found


def write_tracks(tracker, output: Path, formats: Iterable[str]) -> List[Path]:
    """Write ``tracker``'s kept masks (``tasks.tracking.Tracker``) in ``formats`` into
    ``output``; the paths written."""
    most = max(tracker.tracks, default=0)
    if most > 255 and {"png", "mots"} & set(formats):
        raise SamAppError(f"object id {most} is over 255, the most the PNG masks (one byte a pixel) and MOTS ids "
                          "hold; export ytvis or mp4")
    output.mkdir(parents=True, exist_ok=True)
    writers = {"png": _davis, "ytvis": _ytvis, "mots": _mots, "mp4": _overlay}
    return [path for name in formats for path in writers[name](tracker, output)]


def _frames(tracker):
    video = tracker.video
    for frame in range(video.count):
        yield frame, tracker.masks_at(frame)


def _davis(tracker, output: Path) -> List[Path]:
    from PIL import Image

    folder = output / "masks"
    folder.mkdir(exist_ok=True)
    colours, paths = palette(), []
    for frame, masks in _frames(tracker):
        image = Image.fromarray(label_map(masks, tracker.video.height, tracker.video.width), mode="P")
        image.putpalette(colours)
        data = io.BytesIO()
        image.save(data, format="PNG")
        path = folder / f"{frame:05d}.png"
        atomic_write_bytes(path, data.getvalue())
        paths.append(path)
    return paths


def _categories(tracker) -> Dict[str, int]:
    names = sorted({track.label or "object" for track in tracker.tracks.values()})
    return {name: i + 1 for i, name in enumerate(names)}


def ytvis_record(tracker) -> dict:
    """The tracks as a YouTube-VIS style dict: ``videos`` (one), ``categories`` (the
    tracks' classes, "object" for none), ``annotations`` (per track: ``segmentations``
    with per frame COCO RLE or None, ``areas``, ``bboxes`` XYWH)."""
    from pycocotools import mask as mask_utils

    video = tracker.video
    categories = _categories(tracker)
    annotations = []
    for obj, track in sorted(tracker.tracks.items()):
        segmentations, areas, boxes = [], [], []
        for frame in range(video.count):
            rle = tracker.masks.get(frame, {}).get(obj)
            if rle is None or not mask_utils.area(rle):
                segmentations.append(None), areas.append(None), boxes.append(None)
                continue
            segmentations.append({"size": [int(v) for v in rle["size"]], "counts": rle["counts"].decode("ascii")})
            areas.append(int(mask_utils.area(rle)))
            boxes.append([float(v) for v in mask_utils.toBbox(rle)])
        annotations.append({"id": obj, "video_id": 1, "category_id": categories[track.label or "object"],
                            "segmentations": segmentations, "areas": areas, "bboxes": boxes, "iscrowd": 0})
    return {"videos": [{"id": 1, "name": video.name, "width": video.width, "height": video.height,
                        "length": video.count, "fps": video.fps}],
            "categories": [{"id": i, "name": name} for name, i in categories.items()],
            "annotations": annotations, "model": tracker.model_name}


def _ytvis(tracker, output: Path) -> List[Path]:
    path = output / "tracks.json"
    atomic_write_bytes(path, json.dumps(ytvis_record(tracker)).encode())
    return [path]


def _mots(tracker, output: Path) -> List[Path]:
    from ..export import encode_rle

    video = tracker.video
    categories = _categories(tracker)
    lines = []
    for frame, masks in _frames(tracker):
        labels = label_map(masks, video.height, video.width)
        for obj in sorted(masks):
            mask = labels == obj
            if not mask.any():
                continue
            category = categories[tracker.tracks[obj].label or "object"]
            rle = encode_rle(mask)["counts"].decode("ascii")
            lines.append(f"{frame} {category * 1000 + obj} {category} {video.height} {video.width} {rle}")
    path = output / "tracks.txt"
    atomic_write_bytes(path, ("\n".join(lines) + "\n" if lines else "").encode())
    return [path]


def _overlay(tracker, output: Path) -> List[Path]:
    import av

    from ..render import colour, overlay_masks

    video = tracker.video
    height, width = video.height + video.height % 2, video.width + video.width % 2  # yuv420p wants even sides
    codec = "libx264" if "libx264" in av.codecs_available else "mpeg4"
    data = io.BytesIO()
    with av.open(data, "w", format="mp4") as container:
        stream = container.add_stream(codec, rate=round(video.fps or 10))
        stream.height, stream.width, stream.pix_fmt = height, width, "yuv420p"
        for frame, masks in _frames(tracker):
            ids = sorted(masks)
            picture = overlay_masks(video.frame(frame), (masks[i] for i in ids), colours=[colour(i - 1) for i in ids],
                                    names=[f"#{i}" for i in ids])
            picture = np.pad(picture, ((0, height - video.height), (0, width - video.width), (0, 0)), mode="edge")
            container.mux(stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")))
        container.mux(stream.encode())
    path = output / "overlay.mp4"
    atomic_write_bytes(path, data.getvalue())
    return [path]
