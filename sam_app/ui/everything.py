"""The Everything mode: automatic masks for the current image (``tasks.everything``),
every mask in its own colour; click masks (or table rows) to select them, download
the selection, or hand it to the Prompt mode as boxes to refine with clicks.

Every handler takes the Session and returns ``{component: value}``.
"""

import copy
import threading
import time
import weakref

import gradio as gr
import numpy as np
from cachetools import LRUCache

from .. import render
from ..export import decode_rle
from ..errors import SamAppError, shorten
from ..limits import LIMITS
from ..tasks.everything import EverythingSettings, MaskGenerator
from .common import Shared, shows_errors
from .state import Everything, Session, to_image_pixels

TABLE_HEADERS = ["id", "area", "bbox (x, y, w, h)", "predicted IoU", "stability"]
DRAW_CHUNK = 32  # masks decoded and drawn at once
DRAWN_KEPT = 4  # drawn Everything pictures kept (about 28 MB each at 2048 px)


def decode(record, size=None) -> np.ndarray:
    """A record's HxW bool mask, at ``size`` (h, w) if given (nearest pixel)."""
    from ..backends.base import resize_mask

    mask = decode_rle(record["segmentation"])
    return mask if size is None else resize_mask(mask, size)


def draw(pixels: np.ndarray, records) -> tuple:
    """(picture with every mask tinted and outlined, owner map: the index of the smallest
    mask covering each pixel, -1 where none), both at ``pixels``' size."""
    size = pixels.shape[:2]
    owner = np.full(size, -1, np.int32)
    picture = pixels
    order = sorted(range(len(records)), key=lambda i: -records[i]["area"])  # small masks drawn last, on top
    for start in range(0, len(order), DRAW_CHUNK):
        chunk = order[start:start + DRAW_CHUNK]
        masks = [decode(records[i], size) for i in chunk]
        picture = render.overlay_masks(picture, masks, colours=[render.colour(i) for i in chunk], alpha=0.4)
        for i, mask in zip(chunk, masks):
            owner[mask] = i
    return picture, owner


def generator_sliders(prefix: str = "", points_per_side: int = 32) -> tuple:
    """Sliders for the generator's main settings, upstream's defaults: points per side,
    predicted IoU and stability thresholds (elem_ids ``<prefix>points-per-side``, ...)."""
    return (gr.Slider(4, 64, points_per_side, step=1, label="Points per side (16 = fast)",
                      elem_id=f"{prefix}points-per-side"),
            gr.Slider(0, 1, 0.88, step=0.01, label="Predicted IoU at least", elem_id=f"{prefix}pred-iou-thresh"),
            gr.Slider(0, 1, 0.95, step=0.01, label="Stability at least", elem_id=f"{prefix}stability-score-thresh"))


class EverythingMode:
    """Components (made by ``build``) and handlers of the Everything mode."""

    def __init__(self, shared: Shared):
        self.shared = shared
        # (picture with every mask drawn, owner map) per Everything, for the last few: made
        # again when gone, so a tab's state holds only the records (weak keys: no tab kept alive)
        self._drawn: LRUCache = LRUCache(DRAWN_KEPT)
        self._drawn_lock = threading.Lock()

    def drawn(self, session: Session) -> tuple:
        """(the session's image at display size with every automatic mask drawn, the
        display-size owner map: index of the smallest mask covering each pixel, -1: none)."""
        everything = session.everything
        key = id(everything)
        with self._drawn_lock:
            kept = self._drawn.get(key)
        if kept is not None and kept[0]() is everything:
            return kept[1]
        screen = self.shared.outputs.screen_picture(self.shared.image(session))[0]
        made = draw(screen, everything.records)
        with self._drawn_lock:
            self._drawn[key] = (weakref.ref(everything), made)
        return made

    def build(self) -> None:
        with gr.Row():
            with gr.Column(scale=3):
                self.picture = gr.Image(label="Masks: click one to select it", interactive=False, type="filepath",
                                        elem_id="everything-picture", buttons=["fullscreen"])
            with gr.Column(scale=2):
                with gr.Accordion("Settings (upstream's defaults)", open=False):
                    self.points_per_side, self.pred_iou_thresh, self.stability_score_thresh = generator_sliders()
                    self.box_nms_thresh = gr.Slider(0, 1, 0.7, step=0.01, label="Box NMS: drop overlaps above",
                                                    elem_id="box-nms-thresh")
                    self.crop_n_layers = gr.Slider(0, 2, 0, step=1, label="Crop layers (finer, slower)")
                    self.min_mask_region_area = gr.Number(0, precision=0, label="Remove holes and islands under (px)")
                    self.mask_nms_thresh = gr.Slider(0, 1, 1, step=0.01, label="Mask NMS: drop near-duplicates above "
                                                     "(1 = off)")
                    self.max_area_fraction = gr.Slider(0, 1, 1, step=0.01, label="Drop masks covering more than "
                                                       "(1 = off)")
                self.run_button = gr.Button("Segment everything", variant="primary", elem_id="everything-run")
                self.selection = gr.Markdown("_No masks yet._", elem_id="everything-selection")
                with gr.Row():
                    self.select_all = gr.Button("Select all", elem_id="everything-all")
                    self.select_none = gr.Button("Select none", elem_id="everything-none")
                with gr.Row():
                    self.download = gr.Button("Download selected", elem_id="everything-download")
                    self.refine = gr.Button("Refine selected in Prompt", elem_id="everything-refine")
        self.table = gr.Dataframe(headers=TABLE_HEADERS, interactive=False, elem_id="everything-table",
                                  label="Masks (click a row to select it; headers sort)")
        self.files = gr.File(label="Downloads", file_count="multiple", interactive=False, elem_id="everything-files")

    @property
    def settings_inputs(self) -> list:
        return [self.points_per_side, self.pred_iou_thresh, self.stability_score_thresh, self.box_nms_thresh,
                self.crop_n_layers, self.min_mask_region_area, self.mask_nms_thresh, self.max_area_fraction]

    def wire(self, prompt, tabs, model_work: dict, light: dict, instant: dict) -> None:
        """prompt: the Prompt mode (Refine hands boxes to it); tabs: the gr.Tabs; model_work /
        light / instant: event settings (see ``build_ui``)."""
        self.prompt, self.tabs = prompt, tabs
        s = self.shared
        shown = [s.session, s.message, self.picture, self.selection, self.table, self.files]
        self.run_button.click(self.on_run, self.settings_inputs + [s.session], shown + [s.status],
                              api_visibility="private", **model_work)
        self.picture.select(self.on_click, [s.session], shown, **instant)
        self.table.select(self.on_row, [s.session], shown, **instant)
        self.select_all.click(self.on_select_all, [s.session], shown, **instant)
        self.select_none.click(self.on_select_none, [s.session], shown, **instant)
        self.download.click(self.on_download, [s.session], shown, **light)
        prompt.upload.change(self.on_new_image, None, [self.picture, self.selection, self.table, self.files], **light)
        self.refine.click(self.on_refine, [s.session], prompt.result_outputs + [tabs], api_visibility="private",
                          **model_work)

    # ------------------------------------------------------------ outputs

    def shown(self, session: Session, message: str = "") -> dict:
        """The masks (selected ones labelled), the selection line, the message."""
        everything = session.everything
        picture = self.drawn(session)[0]
        if session.selected:
            size = picture.shape[:2]
            picture = render.overlay_masks(picture, (decode(everything.records[i], size) for i in session.selected),
                                           colours=[(255, 255, 255)] * len(session.selected), alpha=0.5,
                                           names=[f"#{i}" for i in session.selected])
        count = len(session.selected)
        line = (f"**{count} of {len(everything.records)} masks selected**: " + ", ".join(f"#{i}" for i in
                session.selected) if count else f"{len(everything.records)} masks; none selected: click one.")
        return {self.shared.session: session, self.picture: self.shared.outputs.jpeg_file(picture),
                self.selection: line, self.shared.message: message, self.files: None}

    @staticmethod
    def table_rows(records) -> list:
        return [[i, r["area"], ", ".join(str(int(v)) for v in r["bbox"]), round(r["predicted_iou"], 4),
                 round(r["stability_score"], 4)] for i, r in enumerate(records)]

    @staticmethod
    def _need_masks(session: Session) -> None:
        if session.everything is None:
            raise SamAppError("No masks yet: press Segment everything first.")

    # ------------------------------------------------------------ handlers

    def on_new_image(self) -> dict:
        return {self.picture: None, self.selection: "_No masks yet._", self.table: None, self.files: None}

    @shows_errors
    def on_run(self, points_per_side, pred_iou_thresh, stability_score_thresh, box_nms_thresh, crop_n_layers,
               min_mask_region_area, mask_nms_thresh, max_area_fraction, session: Session,
               progress=gr.Progress()) -> dict:
        if session.image is None:
            raise SamAppError("Upload an image (or pick an example) in the Prompt tab first.")
        self.shared.holdings.check()
        image = self.shared.image(session)
        settings = EverythingSettings(
            points_per_side=points_per_side, pred_iou_thresh=pred_iou_thresh,
            stability_score_thresh=stability_score_thresh, box_nms_thresh=box_nms_thresh,
            crop_n_layers=crop_n_layers, min_mask_region_area=min_mask_region_area or 0,
            mask_nms_thresh=mask_nms_thresh if mask_nms_thresh < 1 else None,
            max_area_fraction=max_area_fraction if max_area_fraction < 1 else None, output_mode="coco_rle")
        service = self.shared.service
        model = service.resolve_model_name(session.model)
        started = time.perf_counter()
        records = MaskGenerator(service, model, settings).generate(
            image, progress=lambda done, desc: progress(done, desc=f"Decoding {desc}"),
            budget_s=LIMITS.everything_seconds)
        elapsed = time.perf_counter() - started
        session = copy.copy(session)
        session.everything = Everything(records, model, settings.as_dict())
        self.shared.holdings.take(session.everything)
        session.selected = ()
        return {**self.shown(session, f"{len(records)} masks in {elapsed:.1f} s."),
                self.table: self.table_rows(records), self.shared.status: self.shared.status_text(session)}

    @shows_errors
    def on_click(self, session: Session, evt: gr.SelectData) -> dict:
        """A click on the picture toggles the smallest mask under it."""
        self._need_masks(session)
        owner = self.drawn(session)[1]
        scale = owner.shape[1] / session.image.width
        x, y = to_image_pixels(session.image, evt.index)
        index = int(owner[min(int(y * scale), owner.shape[0] - 1), min(int(x * scale), owner.shape[1] - 1)])
        if index < 0:
            return {self.shared.message: "No mask there."}
        session = copy.copy(session)
        session.toggle(index)
        return self.shown(session, f"Mask #{index} {'selected' if index in session.selected else 'unselected'}.")

    @shows_errors
    def on_row(self, session: Session, evt: gr.SelectData) -> dict:
        """A click on a table row toggles its mask (the row's id, whatever the sort)."""
        self._need_masks(session)
        row = evt.row_value
        index = row[0] if isinstance(row, (list, tuple)) and row else None
        if isinstance(index, bool) or not isinstance(index, (int, float)) or index != int(index) \
                or not 0 <= index < len(session.everything.records):
            raise SamAppError(f"no mask in that row ({shorten(row)})")
        index = int(index)
        session = copy.copy(session)
        session.toggle(index)
        return self.shown(session, f"Mask #{index} {'selected' if index in session.selected else 'unselected'}.")

    @shows_errors
    def on_select_all(self, session: Session) -> dict:
        self._need_masks(session)
        session = copy.copy(session)
        session.selected = tuple(range(len(session.everything.records)))
        return self.shown(session)

    @shows_errors
    def on_select_none(self, session: Session) -> dict:
        self._need_masks(session)
        session = copy.copy(session)
        session.selected = ()
        return self.shown(session)

    def _selected_records(self, session: Session) -> list:
        self._need_masks(session)
        if not session.selected:
            raise SamAppError("Select masks first: click them on the picture or in the table.")
        return [session.everything.records[i] for i in session.selected]

    @shows_errors
    def on_download(self, session: Session) -> dict:
        """A mask PNG and a cut-out PNG per selected mask, and their JSON (COCO RLE)."""
        records = self._selected_records(session)
        image = self.shared.image(session)
        files = self.shared.outputs.everything_downloads(session, image, (decode(r) for r in records),
                                                         self.shared.service.image_id(image))
        return {self.files: files, self.shared.message: f"{len(records)} mask(s) ready to download."}

    @shows_errors
    def on_refine(self, session: Session) -> dict:
        """The selected masks become box prompts in the Prompt mode (each box with the grid
        point that found the mask, where it lies inside), run at once; clicks refine them."""
        records = self._selected_records(session)
        session = copy.copy(session)
        session.reset_prompt()
        session.snapshot()
        for record in records:
            x, y, w, h = record["bbox"]
            session.boxes = session.boxes + [(float(x), float(y), float(x + w), float(y + h))]
            px, py = record["point_coords"][0]
            if x <= px <= x + w and y <= py <= y + h:
                session.points = session.points + [(float(px), float(py), 1)]
        return {**self.prompt.run(session, multimask=False), self.tabs: gr.Tabs(selected="prompt")}
