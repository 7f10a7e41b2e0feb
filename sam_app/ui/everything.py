"""The Everything mode: automatic masks for the tab's image (``tasks.everything``),
every mask in its own colour; click masks (or table rows) to select them, download
the selection, or hand it to the Prompt mode as boxes to refine with clicks.

Every handler takes the tab's ``Session`` and this mode's ``EverythingState`` and
returns ``{component: value}``. It is offered only for a model that declares
``everything`` (the button says why it is off otherwise).
"""

import copy
import threading
import time
import weakref
from typing import Dict

import gradio as gr
import numpy as np
from cachetools import LRUCache

from .. import render
from ..capabilities import CapabilityError
from ..errors import SamAppError, plural, shorten
from ..limits import LIMITS
from ..tasks.everything import EverythingSettings, MaskGenerator
from .canvas import AnnotationCanvas
from .common import shows_errors
from .modes import App, Mode
from .outputs import canvas_object
from .prompt_state import PromptState
from .prompt_view import CANVAS_HEIGHT
from .state import Everything, EverythingState, Session, mask_size, to_image_pixels

TABLE_HEADERS = ["id", "area", "bbox (x, y, w, h)", "predicted IoU", "stability", "selected"]
SORTS = {"id": "mask id", "area": "area, largest first", "predicted_iou": "predicted IoU, highest first",
         "stability_score": "stability, highest first"}  # record field -> label
DRAWN_KEPT = 4  # Everything results' canvas masks and owner maps kept (an owner map is 11 MB at 2048 px)


def generator_sliders(prefix: str = "", points_per_side: int = 32) -> tuple:
    """Sliders for the generator's main settings, upstream's defaults: points per side,
    predicted IoU and stability thresholds (elem_ids ``<prefix>points-per-side``, ...)."""
    return (gr.Slider(4, 64, points_per_side, step=1, label="Points per side (16 = fast)",
                      elem_id=f"{prefix}points-per-side"),
            gr.Slider(0, 1, 0.88, step=0.01, label="Predicted IoU at least", elem_id=f"{prefix}pred-iou-thresh"),
            gr.Slider(0, 1, 0.95, step=0.01, label="Stability at least", elem_id=f"{prefix}stability-score-thresh"))


class Cancelled(Exception):
    """A run stopped by its tab's Cancel."""


class EverythingMode(Mode):
    """Components (made by ``build``) and handlers of the Everything mode."""

    id = "everything"
    title = "Everything"

    def __init__(self, shared):
        super().__init__(shared)
        # (picture with every mask drawn, owner map) per Everything, for the last few: made
        # again when gone, so a tab's state holds only the records (weak: no tab kept alive)
        self._drawn: LRUCache = LRUCache(DRAWN_KEPT)
        self._drawn_lock = threading.Lock()

    def new_state(self) -> EverythingState:
        return EverythingState()

    def drawn(self, session: Session, state: EverythingState) -> tuple:
        """(every automatic mask as the canvas draws it: runs at display size, its colour,
        its index, the largest first so that small ones lie on top; the display-size owner
        map: index of the smallest mask covering each pixel, -1: none)."""
        everything = state.everything
        with self._drawn_lock:
            kept = self._drawn.get(id(everything))
        if kept is not None and kept[0]() is everything:
            return kept[1]
        image = self.shared.image(session)
        size = mask_size(image)
        owner, objects = np.full(size, -1, np.int32), []
        for i in sorted(range(len(everything.records)), key=lambda i: -everything.records[i]["area"]):
            mask = render.record_mask(everything.records[i], size)
            owner[mask] = i
            objects.append({**canvas_object(mask, render.colour(i)), "index": i})
        made = objects, owner
        with self._drawn_lock:
            self._drawn[id(everything)] = (weakref.ref(everything), made)
        return made

    def build(self) -> None:
        self.state_component()
        with gr.Row():
            with gr.Column(scale=3):
                self.picture = AnnotationCanvas(None, height=CANVAS_HEIGHT, label="Masks: click one to select it",
                                                elem_id="everything-picture", tools=("click", "pan"))
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
                    self.hierarchical = gr.Checkbox(False, label="Hierarchical grid: a coarse grid first, then only "
                                                    "the points its confident masks leave", elem_id="hierarchical")
                with gr.Row():
                    self.run_button = gr.Button(**self.run_button_state(Session()), variant="primary",
                                                elem_id="everything-run", scale=3)
                    self.cancel = gr.Button("Cancel", elem_id="everything-cancel", scale=1, min_width=80)
                self.own_message()
                self.selection = gr.Markdown("_No masks yet._", elem_id="everything-selection")
                with gr.Row():
                    self.select_all = gr.Button("Select all", elem_id="everything-all")
                    self.select_none = gr.Button("Select none", elem_id="everything-none")
                with gr.Row():
                    self.download = gr.Button("Download selected", elem_id="everything-download")
                    self.refine = gr.Button("Refine selected in Prompt", elem_id="everything-refine")
        self.sort = gr.Dropdown([(label, key) for key, label in SORTS.items()], value="id", label="Sort the table by",
                                elem_id="everything-sort")
        self.table = gr.Dataframe(headers=TABLE_HEADERS, interactive=False, elem_id="everything-table",
                                  label="Masks (click a row to select it)")
        self.files = gr.File(label="Downloads", file_count="multiple", interactive=False, elem_id="everything-files")

    @property
    def settings_inputs(self) -> list:
        return [self.points_per_side, self.pred_iou_thresh, self.stability_score_thresh, self.box_nms_thresh,
                self.crop_n_layers, self.min_mask_region_area, self.mask_nms_thresh, self.max_area_fraction,
                self.hierarchical]

    @property
    def reset_outputs(self) -> list:
        return [self.state, self.picture, self.selection, self.table, self.files, self.run_button, self.sort]

    def wire(self, app: App) -> None:
        """Refine hands the selection to the Prompt mode (``PromptMode.take_objects``)."""
        s, events, both = self.shared, app.events, [self.shared.session, self.state]
        self.prompt, self.tabs = app.mode("prompt"), app.tabs
        shown = [self.state, s.message, self.picture, self.selection, self.table, self.files]
        self.run_button.click(self.on_run, self.settings_inputs + both, shown + [s.status],
                              **events.model_work)
        self._running: Dict[str, threading.Event] = {}  # per tab (Gradio's session), the run Cancel stops
        self.cancel.click(self.on_cancel, None, [s.message], **events.instant)
        self.picture.select(self.on_click, both, shown, **events.instant)
        self.table.select(self.on_row, both, shown, **events.instant)
        self.sort.input(self.on_sort, [self.sort, *both], shown, **events.instant)
        self.select_all.click(self.on_select_all, both, shown, **events.instant)
        self.select_none.click(self.on_select_none, both, shown, **events.instant)
        self.download.click(self.on_download, both, shown, **events.light)
        self.refine.click(self.on_refine, both + [self.prompt.state], self.prompt.result_outputs + [self.tabs],
                          **events.model_work)

    # ------------------------------------------------------------ what the app tells it

    def run_button_state(self, session: Session) -> dict:
        """The run button's label and whether it can be pressed: only for a model that
        declares ``everything`` (the label says why not)."""
        name = self.shared.model_name(session)
        try:
            if name is not None:
                self.shared.service.require(name, "everything")
        except CapabilityError:
            return dict(value=f"Segment everything (not with {name}: pick a SAM model)", interactive=False)
        except SamAppError:
            pass  # a model that cannot be loaded says why when it is used
        return dict(value="Segment everything", interactive=True)

    def image_shown(self, session: Session) -> dict:
        return {self.state: EverythingState(), self.sort: "id", self.picture: None, self.selection: "_No masks yet._",
                self.table: None, self.files: None}

    def model_changed(self, session: Session, state: EverythingState) -> dict:
        return {self.run_button: gr.update(**self.run_button_state(session))}

    # ------------------------------------------------------------ outputs

    def shown(self, session: Session, state: EverythingState, message: str = "") -> dict:
        """The masks (selected ones labelled), the selection line, the message."""
        everything = state.everything
        chosen = set(state.selected)
        objects = [{**o, "selected": o["index"] in chosen} for o in self.drawn(session, state)[0]]
        for i in state.selected:  # selected ones on top, in white, named
            x, y, _, _ = everything.records[i]["bbox"]
            objects.append({**next(o for o in objects if o["index"] == i), "color": [255, 255, 255],
                            "label": f"#{i}", "at": [int(x), int(y)]})
        picture = self.shared.outputs.canvas_value(PromptState(), self.shared.image(session), base=objects)
        count = len(state.selected)
        line = (f"**{count} of {len(everything.records)} masks selected**: " + ", ".join(f"#{i}" for i in
                state.selected) if count else f"{plural(len(everything.records), 'mask')}; none selected: click one.")
        return {self.state: state, self.picture: picture, self.selection: line,
                self.shared.message: message, self.files: None,
                self.table: self.table_rows(everything.records, state.selected, state.sort)}

    @staticmethod
    def table_rows(records, selected=(), sort: str = "id") -> list:
        """One row per mask, sorted by record field ``sort`` ("id": in order, else largest
        first); the last column marks the selected ones."""
        chosen = set(selected)
        order = range(len(records)) if sort not in SORTS or sort == "id" else \
            sorted(range(len(records)), key=lambda i: -records[i][sort])
        return [[i, records[i]["area"], ", ".join(str(int(v)) for v in records[i]["bbox"]),
                 round(records[i]["predicted_iou"], 4), round(records[i]["stability_score"], 4),
                 "✓" if i in chosen else ""] for i in order]

    @staticmethod
    def _need_masks(state: EverythingState) -> None:
        if state.everything is None:
            raise SamAppError("No masks yet: press Segment everything first.")

    # ------------------------------------------------------------ handlers

    def on_cancel(self, request: gr.Request = None) -> dict:
        """Cancel: the tab's run stops at its next batch of points."""
        stop = self._running.get(getattr(request, "session_hash", None))
        if stop is None:
            return {self.shared.message: "Nothing to cancel: no run of this tab is going."}
        stop.set()
        return {self.shared.message: "Stopping at the next batch of points..."}

    @shows_errors
    def on_run(self, points_per_side, pred_iou_thresh, stability_score_thresh, box_nms_thresh, crop_n_layers,
               min_mask_region_area, mask_nms_thresh, max_area_fraction, hierarchical, session: Session,
               state: EverythingState,
               progress=gr.Progress(), request: gr.Request = None) -> dict:
        tab, stop = getattr(request, "session_hash", None), threading.Event()
        self._running[tab] = stop
        try:
            return self._run(points_per_side, pred_iou_thresh, stability_score_thresh, box_nms_thresh, crop_n_layers,
                             min_mask_region_area, mask_nms_thresh, max_area_fraction, bool(hierarchical), session,
                             progress, stop, state.sort)
        except Cancelled:
            return {self.shared.message: "Stopped (Cancel): no masks were kept; press Segment everything to run "
                                         "again (fewer points per side is faster)."}
        finally:
            if self._running.get(tab) is stop:
                del self._running[tab]

    def _run(self, points_per_side, pred_iou_thresh, stability_score_thresh, box_nms_thresh, crop_n_layers,
             min_mask_region_area, mask_nms_thresh, max_area_fraction, hierarchical: bool, session: Session, progress,
             stop: threading.Event, sort: str) -> dict:
        if session.image is None:
            raise SamAppError("Upload an image (or pick an example) first.")
        self.shared.holdings.check()
        image = self.shared.image(session)
        settings = EverythingSettings(
            points_per_side=points_per_side, pred_iou_thresh=pred_iou_thresh,
            stability_score_thresh=stability_score_thresh, box_nms_thresh=box_nms_thresh,
            crop_n_layers=crop_n_layers, min_mask_region_area=min_mask_region_area or 0,
            mask_nms_thresh=mask_nms_thresh if mask_nms_thresh < 1 else None,
            max_area_fraction=max_area_fraction if max_area_fraction < 1 else None, hierarchical=hierarchical,
            output_mode="coco_rle")
        service = self.shared.service
        model = service.resolve_model_name(session.model)
        started = time.perf_counter()

        def report(done, desc):
            if stop.is_set():
                raise Cancelled
            progress(done, desc=f"Decoding {desc}")

        records = MaskGenerator(service, model, settings).generate(image, progress=report,
                                                                   budget_s=LIMITS.everything_seconds)
        elapsed = time.perf_counter() - started
        state = EverythingState(Everything(records, model, settings.as_dict()), sort=sort)
        self.shared.holdings.take(state.everything)
        said = f"{plural(len(records), 'mask')} in {elapsed:.1f} s."
        if not records:
            said += (" None passed the filters: lower Predicted IoU and Stability under Settings (a small or "
                     "fine-tuned model often scores lower).")
        return {**self.shown(session, state, said), self.shared.status: self.shared.status_text(session)}

    @shows_errors
    def on_click(self, session: Session, state: EverythingState, evt: gr.SelectData) -> dict:
        """A click on the picture toggles the smallest mask under it."""
        self._need_masks(state)
        owner = self.drawn(session, state)[1]
        scale = owner.shape[1] / session.image.width
        x, y = to_image_pixels(session.image, evt.index)
        index = int(owner[min(int((y + 0.5) * scale), owner.shape[0] - 1),
                          min(int((x + 0.5) * scale), owner.shape[1] - 1)])
        if index < 0:
            return {self.shared.message: "No mask there."}
        return self._toggled(session, state, index)

    @shows_errors
    def on_row(self, session: Session, state: EverythingState, evt: gr.SelectData) -> dict:
        """A click on a table row toggles its mask (the row's id, whatever the sort)."""
        self._need_masks(state)
        row = evt.row_value
        index = row[0] if isinstance(row, (list, tuple)) and row else None
        if isinstance(index, bool) or not isinstance(index, (int, float)) or index != int(index) \
                or not 0 <= index < len(state.everything.records):
            raise SamAppError(f"no mask in that row ({shorten(row)})")
        return self._toggled(session, state, int(index))

    @shows_errors
    def on_sort(self, sort, session: Session, state: EverythingState) -> dict:
        """The table sorted by another record field (``SORTS``)."""
        if sort not in SORTS:
            raise SamAppError(f"cannot sort by {shorten(sort)}; expected one of {', '.join(SORTS)}")
        state = copy.copy(state)
        state.sort = sort
        if state.everything is None:
            return {self.state: state}
        return self.shown(session, state, f"Sorted by {SORTS[sort]}.")

    def _toggled(self, session: Session, state: EverythingState, index: int) -> dict:
        state = copy.copy(state)
        state.toggle(index)
        return self.shown(session, state, f"Mask #{index} {'selected' if index in state.selected else 'unselected'}.")

    @shows_errors
    def on_select_all(self, session: Session, state: EverythingState) -> dict:
        self._need_masks(state)
        return self.shown(session, EverythingState(state.everything, tuple(range(len(state.everything.records))),
                                                   state.sort))

    @shows_errors
    def on_select_none(self, session: Session, state: EverythingState) -> dict:
        self._need_masks(state)
        return self.shown(session, EverythingState(state.everything, (), state.sort))

    def _selected_records(self, state: EverythingState) -> list:
        self._need_masks(state)
        if not state.selected:
            raise SamAppError("Select masks first: click them on the picture or in the table.")
        return [state.everything.records[i] for i in state.selected]

    @shows_errors
    def on_download(self, session: Session, state: EverythingState) -> dict:
        """A mask PNG and a cut-out PNG per selected mask, and their JSON (COCO RLE)."""
        records = self._selected_records(state)
        image = self.shared.image(session)
        files = self.shared.outputs.everything_downloads(session, state, image,
                                                         (render.record_mask(r) for r in records),
                                                         self.shared.service.image_id(image))
        return {self.files: files, self.shared.message: f"{len(records)} mask(s) ready to download: a zip of "
                                                        "their PNGs and cut-outs, and their JSON."}

    @shows_errors
    def on_refine(self, session: Session, state: EverythingState, prompt_state) -> dict:
        """The selected masks become box prompts in the Prompt mode (each box with the grid
        point that found the mask, where it lies inside), run at once; clicks refine them."""
        boxes, points = [], []
        for record in self._selected_records(state):
            x, y, w, h = record["bbox"]
            boxes.append((float(x), float(y), float(x + w), float(y + h)))
            px, py = record["point_coords"][0]
            if x <= px <= x + w and y <= py <= y + h:
                points.append((float(px), float(py), 1))
        return {**self.prompt.take_objects(session, prompt_state, boxes, points), self.tabs: gr.Tabs(selected="prompt")}
