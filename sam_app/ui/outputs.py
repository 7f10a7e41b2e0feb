"""What the web UI shows and hands out: on-screen pictures (JPEG files at display size)
and download files (full size), all under one output folder that Gradio serves.
No Gradio import: the folder is given by the caller.

Gradio serves any file under its upload folder to whoever names it, and the addresses
it hands out show this folder, so every file and folder here gets a random 128-bit name
(``private_name``): a client can fetch what it was given and guess nothing else.

On-screen pictures are JPEG files we encode ourselves (Gradio would PNG-encode an
array); downloads stay PNG and full size. Files older than ``max_age_s`` are removed,
and the oldest first while all of them take more than ``max_bytes``, looked for at most
once a minute. Each process has its own folder (``claim_folder``), and folders of
processes that are gone are removed when the next one starts.
"""

import os
import secrets
import shutil
import tempfile
import threading
import time
import uuid
import zipfile
from pathlib import Path
from typing import Iterable, List, Optional, Tuple

import numpy as np
from cachetools import LRUCache

from .. import edits, export, render, results
from ..images import LoadedImage
from .canvas import to_runs
from .prompt_state import PromptState
from .state import EverythingState, Session, display_scale, mask_size

SCREEN_PICTURES = 4  # screen-size copies of large images kept (a 2048 px one is up to 12 MB)
MAX_OUTPUT_BYTES = int(float(os.environ.get("SAM_OUTPUT_MB", 1024)) * 2**20)  # pictures and downloads on disk
OWNER = ".owner-"  # + a private name: in each process's output folder, "<process id> <PROCESS_TOKEN>"
PROCESS_TOKEN = uuid.uuid4().hex  # tells this process from an earlier one with the same id


def claim_folder(base: os.PathLike, prefix: str = "sam_app_outputs_") -> Path:
    """A new output folder for this process under ``base``, after removing the folders
    of earlier processes that have ended (or that never said whose they were)."""
    base = Path(base)
    base.mkdir(parents=True, exist_ok=True)
    for folder in base.glob(prefix + "*"):
        try:
            pid, token = next(folder.glob(OWNER + "*")).read_text().split()
            pid = int(pid)
        except (OSError, ValueError, StopIteration):
            pid = token = None
        ours = pid == os.getpid() and token == PROCESS_TOKEN
        if not ours and (pid is None or pid == os.getpid() or not _running(pid)):  # same id: a restart reused it
            shutil.rmtree(folder, ignore_errors=True)
    root = Path(tempfile.mkdtemp(prefix=prefix + private_name(), dir=base))
    # under a name nobody can guess: Gradio serves any file of this folder to whoever names it
    (root / private_name(prefix=OWNER)).write_text(f"{os.getpid()} {PROCESS_TOKEN}")
    return root


def private_name(suffix: str = "", prefix: str = "") -> str:
    """A file or folder name nobody can guess: 128 random bits."""
    return f"{prefix}{secrets.token_hex(16)}{suffix}"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def canvas_object(mask: np.ndarray, colour, selected: bool = False, label: Optional[str] = None,
                  at=None) -> dict:
    """One object of the canvas's value: ``mask`` (h x w bool, at the masks' size) as runs,
    its colour (R, G, B), whether it is the selected one, and a ``label`` written at
    ``at`` (X, Y) image pixels (``top_left`` of its mask, say)."""
    drawn = {"runs": to_runs(mask), "color": list(colour), "selected": selected}
    if label is not None:
        drawn.update(label=label, at=[int(v) for v in at])
    return drawn


def top_left(mask: np.ndarray) -> List[int]:
    """[X, Y] of an HxW bool mask's top-left corner (its bounding box's), [0, 0] when empty."""
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return [int(cols[0]), int(rows[0])] if len(rows) else [0, 0]


def canvas_frame(picture: str, image_size: Tuple[int, int], size: Tuple[int, int], objects: List[dict],
                 points=(), boxes=(), corner=None, region=None, polygon=None, preview=None, message: str = "") -> dict:
    """The annotation canvas's value (its format: ``canvas``): ``picture`` (a file) of an
    image of ``image_size`` (H, W), ``objects`` with runs at ``size`` (h, w), markers in
    image pixels."""
    return {"image": picture, "width": image_size[1], "height": image_size[0], "mask_width": size[1],
            "mask_height": size[0], "objects": objects, "preview": preview, "points": [list(p) for p in points],
            "boxes": [list(b) for b in boxes], "corner": None if corner is None else list(corner), "region": region,
            "polygon": polygon, "message": message}


class Outputs:
    """Pictures and files for the web UI under ``root`` (created if missing)."""

    def __init__(self, root: os.PathLike, max_age_s: float = 3600, max_bytes: int = MAX_OUTPUT_BYTES):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.max_age_s, self.max_bytes = max_age_s, max_bytes
        self._pruned_at = 0.0
        self._screen: LRUCache = LRUCache(SCREEN_PICTURES)  # image digest -> screen-size picture
        self._pictures: LRUCache = LRUCache(4 * SCREEN_PICTURES)  # image digest -> full-size JPEG file for the canvas
        self._screen_lock = threading.Lock()

    # ------------------------------------------------------------ pictures

    def screen_picture(self, image: LoadedImage) -> Tuple[np.ndarray, float]:
        """(the image at display size, its scale; see ``display_scale``), made once per
        image for the last few images: every click draws on it twice."""
        scale = display_scale(image)
        if scale == 1:
            return image.pixels, scale
        with self._screen_lock:
            pixels = self._screen.get(image.digest)
        if pixels is None:
            pixels = render.resize(image.pixels, scale)
            with self._screen_lock:
                self._screen[image.digest] = pixels
        return pixels, scale

    def picture_file(self, image: LoadedImage) -> str:
        """``image`` at full size as a JPEG file for the canvas (which zooms into it),
        written once per image while it is among the last few and its file is kept."""
        with self._screen_lock:
            path = self._pictures.get(image.digest)
        if path is None or not os.path.exists(path):
            path = self.jpeg_file(image.pixels)
            with self._screen_lock:
                self._pictures[image.digest] = path
        return path

    def canvas_value(self, state: PromptState, image: Optional[LoadedImage], base: Iterable[dict] = (),
                     preview: Optional[dict] = None, message: str = "", outline: bool = False) -> Optional[dict]:
        """What the annotation canvas (``canvas.AnnotationCanvas``) draws for ``state`` on
        ``image`` (loaded; None: an empty canvas saying ``message``): the full-size
        picture, ``base`` objects under the state's (dicts of the value's "objects": runs
        at display size, colour), the state's picked masks at display size (the current
        object's selected, and with ``outline`` its outline as polygon rings in image
        pixels, for the polygon tool: it costs as much as the decoder), its points, boxes, a
        half-made box's corner and its region, and ``preview`` ({"runs", "at": [X, Y]})
        where given."""
        if image is None:
            return {"image": None, "message": message}
        size = mask_size(image)
        objects, polygon = list(base), None
        if state.result is not None:
            for place, (object_id, obj, c) in enumerate(zip(state.result_ids, state.result.objects, state.choices)):
                mask = obj.mask_at(c, size)
                objects.append(canvas_object(mask, render.colour(place), object_id == state.current))
                if outline and object_id == state.current:
                    polygon = edits.outline(mask, size[1] / image.width)
        colours = state.box_colours()
        return canvas_frame(self.picture_file(image), (image.height, image.width), size, objects,
                            [[x, y, label] for x, y, label, _ in state.points],
                            [[*box, *render.colour(k)] for box, k in zip(state.boxes, colours)], state.pending,
                            region=state.region_list(), polygon=polygon, preview=preview, message=message)

    def result_file(self, state: PromptState, image: LoadedImage) -> str:
        """The result overlay at display size, as a JPEG file."""
        return self.jpeg_file(result_overlay(state, self.screen_picture(image)[0]))

    def jpeg_file(self, pixels: np.ndarray) -> str:
        """HxWx3 uint8 RGB -> path of a new JPEG file."""
        self.prune()
        path = self.root / private_name(".jpg")
        export.atomic_write_bytes(path, export.jpeg_bytes(pixels))
        return str(path)

    def new_folder(self, prefix: str = "") -> Path:
        """A new, empty folder with a private name."""
        self.prune()
        folder = self.root / private_name(prefix=prefix)
        folder.mkdir()
        return folder

    # ------------------------------------------------------------ downloads

    def downloads(self, session: Session, state: PromptState, image: LoadedImage,
                  image_id: Optional[str] = None) -> List[str]:
        """The Prompt state's result on ``image`` (its pixels) as files in a new folder: a mask
        PNG per object (its picked candidate), the result JSON (``results.result_record``,
        picked masks only, with the service's ``image_id``), the cut-out of all masks
        (RGBA, cropped to them) and the overlay PNG, full size; one full-size mask in
        memory at a time."""
        folder = self.new_folder()
        result, stem = state.result, session.stem
        files = []
        union = np.zeros((image.height, image.width), bool)
        for k, (obj, c) in enumerate(zip(result.objects, state.choices)):
            files.append(str(folder / f"{stem}_object{k + 1}_mask{c}.png"))
            mask = obj.mask(c)
            export.save_mask_png(files[-1], mask)
            union |= mask
        record = results.result_record(result, results.image_record(image, session.image_name, image_id),
                                      state.choices, candidates="selected",
                                      mask_files=lambda i, c: f"{stem}_object{i + 1}_mask{c}.png")
        found = [state.instance(o.prompt) for o in result.objects]
        if any(found):
            results.add_text(record, list(dict.fromkeys(p for i in found if i for p in i.asked)),
                            ", ".join(dict.fromkeys(i.detector for i in found if i)),
                            [(i.phrase, i.score) if i else None for i in found])
        export.save_json(folder / f"{stem}_masks.json", record)
        cutout = export.png_bytes(export.cutout_rgba(image.pixels, union))
        export.atomic_write_bytes(folder / f"{stem}_cutout.png", cutout)
        export.atomic_write_bytes(folder / f"{stem}_overlay.png", export.png_bytes(result_overlay(state, image.pixels)))
        return files + [str(folder / f"{stem}_{n}") for n in ("masks.json", "cutout.png", "overlay.png")]

    def everything_downloads(self, session: Session, state: EverythingState, image: LoadedImage,
                             masks: Iterable[np.ndarray],
                             image_id: Optional[str] = None) -> List[str]:
        """The selected Everything masks (HxW bool each, read one at a time) as two files in
        a new folder: a zip of a mask PNG and a cut-out PNG (RGBA, cropped to the mask) per
        mask with their JSON, and that JSON (``results.everything_record``) by itself."""
        folder = self.new_folder()
        everything, stem = state.everything, session.stem
        archive_path, json_path = folder / f"{stem}_everything.zip", folder / f"{stem}_everything.json"
        records = [dict(everything.records[i], id=i) for i in state.selected]
        export.save_json(json_path, results.everything_record(records, results.image_record(image, session.image_name,
                                                                                           image_id),
                                                              everything.model, everything.settings))
        partial = folder / f".{archive_path.name}.partial"
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:  # PNGs are compressed already
            for index, mask in zip(state.selected, masks):
                archive.writestr(f"{stem}_mask{index}.png", export.mask_png_bytes(mask))
                archive.writestr(f"{stem}_cutout{index}.png", export.png_bytes(export.cutout_rgba(image.pixels, mask)))
            archive.write(json_path, json_path.name)
        partial.replace(archive_path)
        return [str(archive_path), str(json_path)]

    def prune(self) -> None:
        """Remove files and folders older than ``max_age_s``, then the oldest while the
        rest take more than ``max_bytes`` (at most once a minute: every click writes two
        display files)."""
        now = time.time()
        if now - self._pruned_at < 60:
            return
        self._pruned_at = now
        entries = []
        for entry in self.root.glob("*"):
            if entry.name.startswith(OWNER):
                continue
            try:
                entries.append((entry.stat().st_mtime, _size(entry), entry))
            except OSError:
                pass
        total = sum(size for _, size, _ in entries)
        for mtime, size, entry in sorted(entries, key=lambda e: e[0]):
            if now - mtime <= self.max_age_s and total <= self.max_bytes:
                break
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
            total -= size


def _size(entry: Path) -> int:
    if entry.is_dir():
        return sum(p.stat().st_size for p in entry.rglob("*") if p.is_file())
    return entry.stat().st_size


def result_overlay(state: PromptState, pixels: np.ndarray) -> np.ndarray:
    """The picked masks, outlined and labelled with scores, drawn on ``pixels`` (the
    image at any size), one mask made at a time."""
    result = state.result
    masks = (o.mask_at(c, pixels.shape[:2]) for o, c in zip(result.objects, state.choices))
    scores = [float(o.scores[c]) for o, c in zip(result.objects, state.choices)]
    return render.overlay_masks(pixels, masks, scores)
