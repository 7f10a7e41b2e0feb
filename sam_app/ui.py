"""The Gradio front end: per-session state, event handlers and layout. No model code:
everything model-related goes through ``SamService``.

``build_app(service)`` returns the Blocks app; ``launch_options(...)`` the safe launch
settings that ``webui.py`` and the tests use.
"""


import copy
import os
import re
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import gradio as gr
import numpy as np
from gradio import FileData

from . import checkpoints, export, render
from .errors import SamAppError
from .images import LoadedImage
from .prompts import ObjectPrompt, build_objects, format_boxes, parse_boxes, parse_labels, parse_points
from .download import download_model
from .service import CLASSICAL, SamService, SegmentResult

IMGS = Path(__file__).resolve().parent.parent / "imgs"
MODES = ["Foreground point", "Background point", "Box (2 clicks)"]
CANDIDATE_HELP = "Pick the candidate that fits best; it is the one refined and downloaded."
DISPLAY_MAX_SIDE = 2048  # on-screen pictures are scaled down to this; clicks are scaled back
SCREEN_PICTURES = 4  # screen-size copies of large images kept (a 2048 px one is up to 12 MB)


def display_scale(image: LoadedImage) -> float:
    """Factor from image pixels to on-screen picture pixels (1 for images up to
    DISPLAY_MAX_SIDE): a 12 MP photo is shown at about 2.7 MP, which is more than a
    screen shows and four times cheaper to draw, encode and send."""
    return min(1.0, DISPLAY_MAX_SIDE / max(image.height, image.width))


def to_image_pixels(image: LoadedImage, index) -> Tuple[float, float]:
    """A click at (X, Y) on the on-screen picture -> (X, Y) in image pixels: the same
    pixel centre, rounded to whole pixels when the picture was scaled down."""
    scale = display_scale(image)
    if scale == 1:
        return float(index[0]), float(index[1])
    x = min(max(round((index[0] + 0.5) / scale - 0.5), 0), image.width - 1)
    y = min(max(round((index[1] + 0.5) / scale - 0.5), 0), image.height - 1)
    return float(x), float(y)


@dataclass
class Session:
    """One browser tab's state (kept in ``gr.State``, never shared between users).

    points: [(X, Y, label)] in pixels, label 1 = foreground, 0 = background.
    boxes: [(X1, Y1, X2, Y2)] in pixels. pending: first corner of a box being clicked.
    history: snapshots of (points, boxes, pending) for Undo.
    result: the last segmentation; choices: the candidate picked for each object.
    refine: per object key (its box, or None for points alone) the points, labels and
    1x256x256 low-res logits of its last mask, fed back when points are added to it.
    """

    image: Optional[LoadedImage] = None
    image_name: str = "image"
    model: Optional[str] = None
    points: List[Tuple[float, float, int]] = field(default_factory=list)
    boxes: List[Tuple[float, float, float, float]] = field(default_factory=list)
    pending: Optional[Tuple[float, float]] = None
    history: list = field(default_factory=list)
    result: Optional[SegmentResult] = None
    choices: List[int] = field(default_factory=list)
    refine: Dict[object, tuple] = field(default_factory=dict)

    def snapshot(self) -> None:
        """Push the prompt on a new history list (handlers work on shallow copies, so the
        previous Session's lists are never changed in place)."""
        self.history = (self.history + [(list(self.points), list(self.boxes), self.pending)])[-100:]

    def arrays(self):
        """(points Nx2 float32, labels N int32, boxes Bx4 float32)."""
        points = np.array([(x, y) for x, y, _ in self.points], np.float32).reshape(-1, 2)
        labels = np.array([label for _, _, label in self.points], np.int32)
        boxes = np.array(self.boxes, np.float32).reshape(-1, 4)
        return points, labels, boxes

    def reset_prompt(self) -> None:
        self.points, self.boxes, self.pending, self.history = [], [], None, []
        self.result, self.choices, self.refine = None, [], {}


def _dot(rgb, symbol: str = "●") -> str:
    return f'<span style="color:rgb{tuple(rgb)}">{symbol}</span>'


def _object_key(obj: ObjectPrompt):
    return None if obj.box is None else tuple(float(v) for v in obj.box)


def _refinable(previous: tuple, obj: ObjectPrompt) -> bool:
    """True when ``obj`` adds points to the prompt that produced ``previous``'s logits."""
    points, labels, _ = previous
    n = len(points)
    return (
        len(obj.points) > n
        and np.array_equal(obj.points[:n], points)
        and np.array_equal(obj.labels[:n], labels)
    )


class App:
    """Handlers bound to one service. Every handler takes and returns the Session."""

    def __init__(self, service: SamService, output_root: Optional[Path] = None):
        self.service = service
        # Under Gradio's own temp folder: the only place it serves files from by default.
        if output_root is None:
            base = Path(gr.utils.get_upload_folder())
            base.mkdir(parents=True, exist_ok=True)
            output_root = tempfile.mkdtemp(prefix="sam_app_outputs_", dir=base)
        self.output_root = Path(output_root)
        self._pruned_at = 0.0
        self._screen: "OrderedDict[str, np.ndarray]" = OrderedDict()  # image digest -> screen-size picture
        self._screen_lock = threading.Lock()

    # ------------------------------------------------------------ text helpers

    def status_text(self, session: Optional[Session] = None) -> str:
        model = (session.model if session else None) or self._default_model_name()
        svc = self.service
        info = svc.cache_info()
        if model == CLASSICAL:
            why = (f"no SAM checkpoint found in {svc.checkpoint_dir}. " if svc.fell_back else "")
            return (f"**Classical backend (OpenCV GrabCut)**: {why}Masks come from colour statistics, one per "
                    "object and without scores. To use SAM, pick vit_b in *Model* and press **Download** "
                    f"(or run `python -m sam_app download vit_b`). · {info['entries']} image(s) in cache")
        parts = [f"Model **{model or 'none'}**", f"device **{svc.device}**", f"precision **{svc.precision}**"]
        if model and svc.loaded(model):
            parts.append(f"decoder **{getattr(svc.backend(model), 'decoder', 'torch')}**")
        parts.append(f"{info['entries']} image(s) encoded in cache")
        if model and not svc.loaded(model) and model in checkpoints.MODELS:
            status = {s.info.name: s for s in checkpoints.list_checkpoints(svc.checkpoint_dir)}[model]
            parts.append("loads on first use" if status.present else
                         f"checkpoint missing in {svc.checkpoint_dir}: press **Download**")
        return " · ".join(parts)

    def _default_model_name(self) -> Optional[str]:
        try:
            return self.service.resolve_model_name(None)
        except SamAppError:
            return None

    def model_choices(self) -> List[Tuple[str, str]]:
        present = {s.info.name: s.present for s in checkpoints.list_checkpoints(self.service.checkpoint_dir)}
        choices = []
        for name in self.service.model_names():
            if self.service.loaded(name):
                label = f"{name} (loaded)"
            elif name in present:
                label = f"{name} ({'checkpoint present' if present[name] else 'checkpoint missing'})"
            elif name == CLASSICAL:
                label = "classical (OpenCV GrabCut, no weights)"
            else:
                label = name
            choices.append((label, name))
        return choices

    @staticmethod
    def prompt_text(session: Session) -> str:
        if session.image is None:
            return "_Upload an image or pick an example to start._"
        lines = [f"**Prompt** on {session.image_name} ({session.image.width}x{session.image.height})"]
        for i, (x, y, label) in enumerate(session.points, 1):
            kind = "foreground" if label == 1 else "background"
            dot = _dot(render.FOREGROUND if label == 1 else render.BACKGROUND)
            lines.append(f"{i}. {dot} {kind} point ({x:g}, {y:g})")
        for i, (x1, y1, x2, y2) in enumerate(session.boxes, 1):
            lines.append(f"- {_dot(render.colour(i - 1), '■')} box {i}: ({x1:g}, {y1:g}) to ({x2:g}, {y2:g})")
        if session.pending:
            lines.append(f"- box corner at ({session.pending[0]:g}, {session.pending[1]:g}): click the opposite corner")
        if len(lines) == 1:
            lines.append("_empty: click the image, or type points or boxes and press Add_")
        return "\n".join(lines)

    def canvas(self, session: Session) -> Optional[str]:
        """The click target: image, last masks (tinted) and prompt markers, as a file at
        display size (see ``display_scale``)."""
        if session.image is None:
            return None
        pixels, scale = self.screen_picture(session.image)
        if session.result is not None:
            masks = [o.mask_at(c, pixels.shape[:2]) for o, c in zip(session.result.objects, session.choices)]
            pixels = render.overlay_masks(pixels, masks, alpha=0.35, outline=True)
        points, labels, boxes = session.arrays()
        pending = None if session.pending is None else [v * scale for v in session.pending]
        return self.display(render.draw_prompts(pixels, points * scale, labels, boxes * scale, pending))

    def screen_picture(self, image: LoadedImage) -> Tuple[np.ndarray, float]:
        """(the image at display size, its scale; see ``display_scale``), made once per
        image for the last few images: every click draws on it twice."""
        scale = display_scale(image)
        if scale == 1:
            return image.pixels, scale
        with self._screen_lock:
            pixels = self._screen.get(image.digest)
            if pixels is not None:
                self._screen.move_to_end(image.digest)
                return pixels, scale
        pixels = render.resize(image.pixels, scale)
        with self._screen_lock:
            self._screen[image.digest] = pixels
            while len(self._screen) > SCREEN_PICTURES:
                self._screen.popitem(last=False)
        return pixels, scale

    def display(self, pixels: np.ndarray) -> str:
        """HxWx3 uint8 RGB -> path of a JPEG (quality 92) for an on-screen picture: about
        3 ms a megapixel, where Gradio's own PNG encoding of an array takes 150 ms.
        Downloads stay PNG and full size."""
        self._prune_outputs()
        handle, path = tempfile.mkstemp(suffix=".jpg", dir=self.output_root)
        with os.fdopen(handle, "wb") as f:
            f.write(export.jpeg_bytes(pixels))
        return path

    # ------------------------------------------------------------ image and model

    def on_image(self, path, session: Session, progress=gr.Progress()):
        session = copy.copy(session)
        session.reset_prompt()
        session.image, message = None, ""
        if path:
            try:
                session.image = self.service.load_image(path)
                session.image_name = Path(str(path)).stem
                message = self._encode(session, progress)
            except SamAppError as exc:
                message = f"Error: {exc}"
        return (session, self.canvas(session), self.prompt_text(session), message, None, None,
                gr.update(visible=False), None, self.status_text(session))

    def _encode(self, session: Session, progress) -> str:
        """Load the model and encode the session's image now, so that Run is fast."""
        try:
            name = session.model or self.service.resolve_model_name(None)
            if not self.service.loaded(name):
                progress(0.1, desc=f"Loading {name}...")
                self.service.backend(name)
            progress(0.5, desc="Encoding the image...")
            started = time.perf_counter()
            self.service.embedding(session.image, name)
            return f"Image ready ({time.perf_counter() - started:.1f} s): click it or type a prompt."
        except SamAppError as exc:
            return f"Error: {exc}"

    def on_model(self, name, session: Session, progress=gr.Progress()):
        session = copy.copy(session)
        session.model = name
        session.result, session.choices, session.refine = None, [], {}
        message = self._encode(session, progress) if session.image is not None else ""
        if not message:
            try:
                self.service.backend(name)
                message = f"Model {name} ready."
            except SamAppError as exc:
                message = f"Error: {exc}"
        return (session, self.canvas(session), message, None, gr.update(visible=False), None,
                self.status_text(session), gr.update(choices=self.model_choices(), value=name))

    def on_download(self, name, session: Session, progress=gr.Progress()):
        """Download the selected official model, then switch this session to it."""
        if name not in checkpoints.MODELS:
            return (session, gr.skip(), f"{name} needs no download; pick vit_b, vit_l or vit_h.",
                    gr.skip(), gr.skip(), gr.skip(), self.status_text(session), gr.skip())
        info = checkpoints.MODELS[name]

        def report(done, total):
            total = total or info.size
            progress(done / total, desc=f"Downloading {info.filename}: {done / 1e6:.0f} of {total / 1e6:.0f} MB")

        try:
            path = download_model(name, self.service.checkpoint_dir, report)
        except SamAppError as exc:
            return (session, gr.skip(), f"Error: {exc}", gr.skip(), gr.skip(), gr.skip(),
                    self.status_text(session), gr.update(choices=self.model_choices()))
        outputs = list(self.on_model(name, session, progress))
        outputs[2] = f"Downloaded and verified {path.name}. " + outputs[2]
        return tuple(outputs)

    # ------------------------------------------------------------ editing the prompt

    def _need_image(self, session: Session) -> Optional[str]:
        return None if session.image is not None else "Error: Upload an image (or pick an example) first."

    def on_click(self, mode, auto_run, multimask, session: Session, evt: gr.SelectData):
        """A click on the canvas at ``evt.index`` = (X, Y) in the displayed picture's
        pixels, mapped back to image pixels."""
        session = copy.copy(session)
        if session.image is None:
            return self.after_edit(session, self._need_image(session))
        x, y = to_image_pixels(session.image, evt.index)
        session.snapshot()
        if mode == MODES[2]:
            if session.pending is None:
                session.pending = (x, y)
                return self.after_edit(session, "First corner set: click the opposite corner.")
            (px, py), session.pending = session.pending, None
            if px == x or py == y:
                session.history = session.history[:-1]
                session.pending = (px, py)
                return self.after_edit(session, "Error: A box needs two corners that differ in both X and Y; click again.")
            session.boxes = session.boxes + [(min(px, x), min(py, y), max(px, x), max(py, y))]
        else:
            session.points = session.points + [(x, y, 1 if mode == MODES[0] else 0)]
        if auto_run:
            return self.run(session, multimask)
        return self.after_edit(session, "")

    def on_add_points(self, points_text, labels_text, mode, session: Session):
        session = copy.copy(session)
        problem = self._need_image(session)
        if problem:
            return self.after_edit(session, problem) + (gr.skip(), gr.skip())
        try:
            points = parse_points(points_text)
            if (labels_text or "").strip():
                labels = parse_labels(labels_text, len(points))
            else:  # no labels typed: the label that a click would add
                labels = np.full(len(points), 0 if mode == MODES[1] else 1, np.int32)
            if not len(points):
                raise SamAppError("points: the field is empty; type X Y pairs such as 100 150 250 300")
            build_objects(points, labels, None, (session.image.height, session.image.width))
        except SamAppError as exc:
            return self.after_edit(session, f"Error: {exc}") + (gr.skip(), gr.skip())
        session.snapshot()
        session.points = session.points + [(float(x), float(y), int(lab)) for (x, y), lab in zip(points, labels)]
        return self.after_edit(session, f"Added {len(points)} point(s).") + ("", "")

    def on_add_boxes(self, boxes_text, session: Session):
        session = copy.copy(session)
        problem = self._need_image(session)
        if problem:
            return self.after_edit(session, problem) + (gr.skip(),)
        try:
            boxes = parse_boxes(boxes_text)
            if not len(boxes):
                raise SamAppError("boxes: the field is empty; type X1 Y1 X2 Y2 per box, such as 100 100 200 200")
            build_objects(None, None, boxes, (session.image.height, session.image.width))
        except SamAppError as exc:
            return self.after_edit(session, f"Error: {exc}") + (gr.skip(),)
        session.snapshot()
        session.boxes = session.boxes + [tuple(float(v) for v in box) for box in boxes]
        return self.after_edit(session, f"Added {len(boxes)} box(es): {format_boxes(boxes)}.") + ("",)

    def on_undo(self, session: Session):
        session = copy.copy(session)
        if not session.history:
            return self.after_edit(session, "Nothing to undo.")
        session.points, session.boxes, session.pending = session.history[-1]
        session.history = session.history[:-1]
        return self.after_edit(session, "Undone.")

    def on_clear(self, session: Session):
        session = copy.copy(session)
        session.reset_prompt()
        return self.after_edit(session, "Prompt cleared.", clear_result=True) + (None,)

    def after_edit(self, session: Session, message: Optional[str], clear_result: bool = False):
        """Outputs of an edit: state, canvas, prompt list, message (+ result widgets)."""
        outputs = (session, self.canvas(session), self.prompt_text(session), message or "")
        if clear_result:
            return outputs + (None, gr.update(visible=False, value=None), None)
        return outputs + (gr.skip(), gr.skip(), gr.skip())

    def on_preview(self, session: Session):
        if session.image is None:
            return None, self._need_image(session)
        points, labels, boxes = session.arrays()
        picture = render.preview_with_axes(session.image.pixels, points, labels, boxes)
        note = "Preview: prompt drawn on pixel axes." if len(points) or len(boxes) else "Preview: read coordinates off the axes."
        return picture, note

    # ------------------------------------------------------------ running

    def on_run(self, multimask, session: Session):
        return self.run(copy.copy(session), multimask)

    def run(self, session: Session, multimask: bool):
        """Segment the session's prompt. Returns the edit outputs plus result widgets."""
        if session.image is None:
            return self.after_edit(session, self._need_image(session))
        points, labels, boxes = session.arrays()
        try:
            objects = build_objects(points, labels, boxes, (session.image.height, session.image.width))
            for obj in objects:
                previous = session.refine.get(_object_key(obj))
                if previous is not None and _refinable(previous, obj):
                    obj.mask_input = previous[2]
            started = time.perf_counter()
            result = self.service.segment_objects(
                session.image, objects, multimask=bool(multimask and len(objects) == 1), model=session.model
            )
            elapsed = time.perf_counter() - started
        except SamAppError as exc:
            return self.after_edit(session, f"Error: {exc}")
        session.result = result
        session.choices = [o.best for o in result.objects]
        self._remember_for_refinement(session)
        refined = sum(o.mask_input is not None for o in objects)
        message = f"{len(objects)} object(s) in {elapsed * 1000:.0f} ms" + (f", {refined} refined with the previous mask" if refined else "") + "."
        return (session, self.canvas(session), self.prompt_text(session), message) + self.result_widgets(session)

    def _remember_for_refinement(self, session: Session) -> None:
        session.refine = {}
        for obj, choice in zip(session.result.objects, session.choices):
            if obj.low_res_logits is not None:
                key = _object_key(obj.prompt)
                session.refine[key] = (obj.prompt.points, obj.prompt.labels, obj.low_res_logits[choice][None])

    def result_widgets(self, session: Session):
        """(result overlay file, candidate radio update, downloads cleared: they are
        written by ``on_downloads`` right after, so the masks show without waiting)."""
        result, radio = session.result, gr.update(visible=False)
        if len(result.objects) == 1 and len(result.objects[0].scores) > 1:
            obj = result.objects[0]
            choices = [(f"Candidate {i + 1}: predicted IoU {s:.3f}" + (" (best)" if i == obj.best else ""), i)
                       for i, s in enumerate(obj.scores)]
            radio = gr.update(visible=True, choices=choices, value=session.choices[0], info=CANDIDATE_HELP)
        return self.display(self.result_overlay(session, self.screen_picture(session.image)[0])), radio, None

    @staticmethod
    def result_overlay(session: Session, pixels: Optional[np.ndarray] = None) -> np.ndarray:
        """The picked masks, outlined and labelled with scores, drawn on ``pixels`` (the
        image at any size; default the image itself)."""
        result = session.result
        pixels = session.image.pixels if pixels is None else pixels
        masks = [o.mask_at(c, pixels.shape[:2]) for o, c in zip(result.objects, session.choices)]
        scores = [float(o.scores[c]) for o, c in zip(result.objects, session.choices)]
        return render.overlay_masks(pixels, masks, scores)

    def on_downloads(self, session: Session, current):
        """After a Run or a candidate pick: write the download files for the session's
        result, unless the Downloads box already holds them (``current`` not empty)."""
        if session.result is None or session.image is None or current:
            return gr.skip()
        return self.write_downloads(session, self.result_overlay(session))

    def on_pick(self, candidate, session: Session):
        session = copy.copy(session)
        if session.result is None or candidate is None or len(session.result.objects) != 1:
            return session, gr.skip(), gr.skip(), gr.skip(), gr.skip()
        session.choices = [int(candidate)]
        self._remember_for_refinement(session)
        overlay, _, cleared = self.result_widgets(session)
        return session, self.canvas(session), overlay, cleared, f"Candidate {int(candidate) + 1} selected."

    def write_downloads(self, session: Session, overlay: np.ndarray) -> List[str]:
        """Mask PNG per object, COCO RLE JSON, cut-out PNG and overlay PNG."""
        self._prune_outputs()
        folder = Path(tempfile.mkdtemp(dir=self.output_root))
        stem = session.image_name
        files = []
        annotations = []
        union = np.zeros(session.image.pixels.shape[:2], bool)
        for k, (obj, c) in enumerate(zip(session.result.objects, session.choices)):
            path = folder / f"{stem}_mask{k + 1}.png"
            export.save_mask_png(path, obj.mask(c))
            files.append(str(path))
            annotations.append(export.coco_annotation(obj, k, c))
            union |= obj.mask(c)
        coco = {
            "image": {"file_name": stem, "width": session.image.width, "height": session.image.height},
            "model": session.result.model,
            "annotations": annotations,
        }
        export.save_json(folder / f"{stem}_masks_coco.json", coco)
        x, y, w, h = export.mask_bbox(union) if union.any() else (0, 0, session.image.width, session.image.height)
        cutout = export.cutout_rgba(session.image.pixels, union)[y:y + h, x:x + w]
        export.atomic_write_bytes(folder / f"{stem}_cutout.png", export.png_bytes(cutout))
        export.atomic_write_bytes(folder / f"{stem}_overlay.png", export.png_bytes(overlay))
        return files + [str(folder / f"{stem}_{n}") for n in ("masks_coco.json", "cutout.png", "overlay.png")]

    def _prune_outputs(self, max_age_s: float = 3600) -> None:
        """Download folders and display files live an hour; older ones are removed (looked
        for at most once a minute: every click writes two display files)."""
        now = time.time()
        if now - self._pruned_at < 60:
            return
        self._pruned_at = now
        for entry in self.output_root.glob("*"):
            try:
                if now - entry.stat().st_mtime > max_age_s:
                    shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
            except OSError:
                pass

    # ------------------------------------------------------------ API

    def api_segment(
        self, image: Optional[FileData] = None, points: str = "", labels: str = "", boxes: str = "",
        multimask: bool = False, overlay: bool = True, image_id: str = "",
    ) -> tuple[dict, Optional[FileData]]:
        """Segment an image with prompt text in the web UI's syntax.

        image: the image file; or leave it out and pass image_id, the ``image_id`` of an
        earlier result, to prompt the same image again without sending it. points:
        "X Y X Y ..." in pixels. labels: "1 0 ..." (1 foreground, 0 background; empty =
        all foreground). boxes: "X1 Y1 X2 Y2 ...", one object per box, taking the points
        inside it. multimask: three candidates per object. overlay: also draw the best
        masks on the image.
        Returns a JSON result (image_id, image size, model, and per object: box, points,
        labels, scores, best, masks as COCO RLE, bbox of the best mask) and an overlay
        JPEG (a picture for people; the masks are in the JSON), or None without overlay.
        """
        try:
            if image is None or image == "":
                if not image_id:
                    raise SamAppError("no image: send an image file, or the image_id of an earlier result")
                loaded = self.service.image_by_id(image_id)
            else:
                path = image.get("path") if isinstance(image, dict) else getattr(image, "path", image)
                if not isinstance(path, str) or not _is_uploaded(path):
                    # Only files uploaded with this request: a client must not make us read others.
                    raise SamAppError("the image must be uploaded with the request: pass handle_file(path) "
                                      "from gradio_client")
                loaded = self.service.load_image(path, _upload_content_key(path))
            result = self.service.segment_text(loaded, points, labels, boxes, multimask)
        except SamAppError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        objects = []
        for obj in result.objects:
            record = export.object_summary(obj)
            record["masks"] = [export.coco_rle(m) for m in obj.masks]
            record["bbox"] = export.mask_bbox(obj.best_mask)
            objects.append(record)
        data = {"image_id": loaded.digest, "image_size": {"width": loaded.width, "height": loaded.height},
                "model": result.model, "objects": objects}
        if not overlay:
            return data, None
        picture = render.overlay_masks(loaded.pixels, [o.best_mask for o in result.objects],
                                       [float(o.scores[o.best]) for o in result.objects])
        self._prune_outputs()
        folder = Path(tempfile.mkdtemp(dir=self.output_root))
        export.atomic_write_bytes(folder / "overlay.jpg", export.jpeg_bytes(picture))
        return data, FileData(path=str(folder / "overlay.jpg"), mime_type="image/jpeg")


def _upload_content_key(path: str) -> Optional[str]:
    """Gradio stores an upload in a folder named by the sha256 of its bytes (and writes it
    anew with each upload), so that name identifies the content where the file's
    modification time cannot."""
    folder = Path(path).parent.name
    return f"sha256:{folder}" if re.fullmatch(r"[0-9a-f]{64}", folder) else None


def _is_uploaded(path: str) -> bool:
    """True if ``path`` lies in Gradio's upload folder (where uploads land)."""
    folder = Path(gr.utils.get_upload_folder()).resolve()
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


CSS = """
#message {min-height: 1.5em}
#message p {font-size: 1.05em}
"""


def build_app(service: SamService, model_concurrency: int = 2) -> gr.Blocks:
    """The whole web UI around ``service``."""
    app = App(service)
    examples = sorted(str(p) for p in IMGS.glob("*") if p.suffix.lower() in (".png", ".jpg", ".jpeg"))
    with gr.Blocks(title="Segment Anything", delete_cache=(3600, 3600)) as demo:
        session = gr.State(Session())
        gr.Markdown("## Segment Anything\nUpload an image, then click it (or type points and boxes) and press **Run**.")
        status = gr.Markdown(app.status_text(), elem_id="status")
        message = gr.Markdown("", elem_id="message")
        with gr.Row():
            with gr.Column(scale=3):
                canvas = gr.Image(label="Click to add prompts", interactive=False, type="filepath",
                                  elem_id="canvas", buttons=["fullscreen"])
                with gr.Row():
                    upload = gr.Image(label="Image", type="filepath", sources=["upload", "clipboard"],
                                      height=220, elem_id="upload")
                    with gr.Column():
                        if examples:
                            gr.Examples(examples=[[e] for e in examples], inputs=[upload], label="Examples")
            with gr.Column(scale=2):
                with gr.Row(equal_height=True):
                    model = gr.Dropdown(app.model_choices(), value=app._default_model_name(), label="Model",
                                        elem_id="model", scale=3)
                    download = gr.Button("Download", elem_id="download", scale=1)
                mode = gr.Radio(MODES, value=MODES[0], label="Click adds", elem_id="mode")
                with gr.Row():
                    auto_run = gr.Checkbox(True, label="Run on every click", elem_id="auto-run")
                    multimask = gr.Checkbox(True, label="3 candidates (one object)", elem_id="multimask")
                with gr.Group():
                    points_text = gr.Textbox(label="Points (X Y ...)", placeholder="100 150 250 300", elem_id="points")
                    labels_text = gr.Textbox(label="Labels (1 = foreground, 0 = background; empty = as 'Click adds')",
                                             placeholder="1 0", elem_id="labels")
                    add_points = gr.Button("Add points", elem_id="add-points")
                with gr.Group():
                    boxes_text = gr.Textbox(label="Boxes (X1 Y1 X2 Y2 ...)", placeholder="100 100 200 200", elem_id="boxes")
                    add_boxes = gr.Button("Add boxes", elem_id="add-boxes")
                prompt_list = gr.Markdown(app.prompt_text(Session()), elem_id="prompt-list")
                with gr.Row():
                    undo = gr.Button("Undo", elem_id="undo")
                    clear = gr.Button("Clear", elem_id="clear")
                with gr.Row():
                    preview_button = gr.Button("Preview", elem_id="preview-button")
                    run = gr.Button("Run", variant="primary", elem_id="run")
        with gr.Row():
            preview = gr.Image(label="Preview (pixel axes)", interactive=False, format="png", elem_id="preview")
            result_image = gr.Image(label="Result", interactive=False, type="filepath", elem_id="result")
        candidates = gr.Radio([], label="Candidates", visible=False, elem_id="candidates")
        downloads = gr.File(label="Downloads", file_count="multiple", interactive=False, elem_id="downloads")

        edit_outputs = [session, canvas, prompt_list, message, result_image, candidates, downloads]
        model_work = dict(concurrency_limit=model_concurrency, concurrency_id="model")
        light = dict(concurrency_limit=None, api_visibility="private")

        upload.change(app.on_image, [upload, session],
                      [session, canvas, prompt_list, message, result_image, preview, candidates, downloads, status],
                      api_visibility="private", **{k: v for k, v in model_work.items()})
        model.input(app.on_model, [model, session],
                    [session, canvas, message, result_image, candidates, downloads, status, model],
                    api_visibility="private", **model_work)
        download.click(app.on_download, [model, session],
                       [session, canvas, message, result_image, candidates, downloads, status, model],
                       api_visibility="private", concurrency_limit=1, concurrency_id="download")
        write_downloads = dict(fn=app.on_downloads, inputs=[session, downloads], outputs=[downloads], **light)
        canvas.select(app.on_click, [mode, auto_run, multimask, session], edit_outputs,
                      api_visibility="private", **model_work).then(**write_downloads)
        add_points.click(app.on_add_points, [points_text, labels_text, mode, session],
                         edit_outputs + [points_text, labels_text], **light)
        points_text.submit(app.on_add_points, [points_text, labels_text, mode, session],
                           edit_outputs + [points_text, labels_text], **light)
        add_boxes.click(app.on_add_boxes, [boxes_text, session], edit_outputs + [boxes_text], **light)
        boxes_text.submit(app.on_add_boxes, [boxes_text, session], edit_outputs + [boxes_text], **light)
        undo.click(app.on_undo, [session], edit_outputs, **light)
        clear.click(app.on_clear, [session], edit_outputs + [preview], **light)
        preview_button.click(app.on_preview, [session], [preview, message], **light)
        run.click(app.on_run, [multimask, session], edit_outputs, api_visibility="private",
                  **model_work).then(**write_downloads)
        candidates.input(app.on_pick, [candidates, session], [session, canvas, result_image, downloads, message],
                         **light).then(**write_downloads)
        run.click(lambda s: app.status_text(s), [session], [status], **light)
        gr.api(app.api_segment, api_name="segment", **model_work)
    demo.sam_app = app  # for tests and scripts
    return demo


def launch_options(checkpoint_dir: Path, host: str = "127.0.0.1", port: Optional[int] = None,
                   share: bool = False, max_file_size: str = "50mb") -> dict:
    """Safe ``launch()`` keywords: local by default, uploads bounded, monitoring off,
    checkpoint files never served."""
    return dict(
        server_name=host, server_port=port, share=share, max_file_size=max_file_size,
        enable_monitoring=False, blocked_paths=[str(Path(checkpoint_dir).resolve())],
        css=CSS, footer_links=["api"],
    )
