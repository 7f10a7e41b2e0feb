"""The Prompt mode: the original UI's point/box workflow (typed prompts, Add, Preview
with pixel axes, Run) plus clicks on the image, Undo/Clear, candidates, refinement with
the previous mask, and downloads.

Every handler takes the Session and returns ``{component: value}``; components left out
keep their value. A click is answered with what it changed and nothing more (the canvas
with the masks, the prompt list, the message, the candidates): the Result picture below
follows in a chained step, and download files are written only when asked for
(docs/performance.md, "Clicks in the browser", says what each costs).
"""

import copy
import time
from pathlib import Path

import gradio as gr
import numpy as np

from .. import render
from ..errors import SamAppError
from ..limits import LIMITS
from ..prompts import build_objects, format_numbers, parse_boxes, parse_labels, parse_points
from ..service import SegmentResult
from ..tasks.text import find_phrases
from .common import Shared, shows_errors
from .state import BACKGROUND_MODE, BOX_MODE, FOREGROUND_MODE, MODES, Instance, Session, to_image_pixels

# In the page, before the Result picture is asked for: the canvas picture that the event
# changed decoded and painted (at most 2 s), so that the two do not compete for the CPU.
AFTER_CANVAS = """(session) => new Promise(resolve => {
  let settled = false;
  const done = () => { if (!settled) { settled = true; requestAnimationFrame(() => resolve(session)); } };
  setTimeout(done, 2000);
  requestAnimationFrame(() => {
    const img = document.querySelector('#canvas img');
    if (!img) return done();
    img.decode().then(done, done);
  });
})"""
CANDIDATE_HELP = "Pick the candidate that fits best; it is the one refined and downloaded."
INSTANCES_HELP = "Ticked ones are objects in the prompt; click inside one to refine it."


def has_candidates(session: Session) -> bool:
    """Whether the session's result offers a choice of candidates (one object, several)."""
    result = session.result
    return result is not None and len(result.objects) == 1 and len(result.objects[0].scores) > 1


class PromptMode:
    """Components (made by ``build``) and handlers of the Prompt mode."""

    def __init__(self, shared: Shared, examples=()):
        self.shared, self.examples = shared, list(examples)

    # ------------------------------------------------------------ layout and events

    def build(self) -> None:
        """The layout, inside a Blocks context."""
        with gr.Row():
            with gr.Column(scale=3):
                self.canvas = gr.Image(label="Click to add prompts", interactive=False, type="filepath",
                                       elem_id="canvas", buttons=["fullscreen"])
                with gr.Row():
                    self.upload = gr.Image(label="Image", type="filepath", sources=["upload", "clipboard"],
                                           height=220, elem_id="upload")
                    with gr.Column():
                        if self.examples:
                            gr.Examples(examples=[[e] for e in self.examples], inputs=[self.upload], label="Examples")
            with gr.Column(scale=2):
                self.mode = gr.Radio(list(MODES), value=FOREGROUND_MODE, label="Click adds", elem_id="mode")
                with gr.Row():
                    self.auto_run = gr.Checkbox(True, label="Run on every click", elem_id="auto-run")
                    self.multimask = gr.Checkbox(True, label="3 candidates (one object)", elem_id="multimask")
                with gr.Group():
                    self.points_text = gr.Textbox(label="Points (X Y ...)", placeholder="100 150 250 300",
                                                  elem_id="points")
                    self.labels_text = gr.Textbox(label="Labels (1 = foreground, 0 = background; empty = as "
                                                  "'Click adds')", placeholder="1 0", elem_id="labels")
                    self.add_points = gr.Button("Add points", elem_id="add-points")
                with gr.Group():
                    self.boxes_text = gr.Textbox(label="Boxes (X1 Y1 X2 Y2 ...)", placeholder="100 100 200 200",
                                                 elem_id="boxes")
                    self.add_boxes = gr.Button("Add boxes", elem_id="add-boxes")
                with gr.Group():
                    self.text = gr.Textbox(label="Text: what to find (phrases, comma-separated)",
                                           placeholder="dog, red car", elem_id="text")
                    self.text_threshold = gr.Slider(0.0, 1.0, value=0.3, step=0.01, label="Lowest score kept",
                                                    elem_id="text-threshold")
                    self.add_text = gr.Button("Find and add", elem_id="add-text")
                self.instances = gr.CheckboxGroup([], label="Instances found", info=INSTANCES_HELP, visible=False,
                                                  elem_id="instances")
                self.prompt_list = gr.Markdown(Session().prompt_markdown(), elem_id="prompt-list")
                with gr.Row():
                    self.undo = gr.Button("Undo", elem_id="undo")
                    self.clear = gr.Button("Clear", elem_id="clear")
                with gr.Row():
                    self.preview_button = gr.Button("Preview", elem_id="preview-button")
                    self.run_button = gr.Button("Run", variant="primary", elem_id="run")
        with gr.Row():
            self.preview = gr.Image(label="Preview (pixel axes)", interactive=False, format="png", elem_id="preview")
            self.result_image = gr.Image(label="Result", interactive=False, type="filepath", elem_id="result")
        self.candidates = gr.Radio([], label="Candidates", visible=False, elem_id="candidates")
        self.make_downloads = gr.Button("Prepare downloads (masks, JSON, cut-out, overlay; full size)",
                                        elem_id="make-downloads")
        self.downloads = gr.File(label="Downloads", file_count="multiple", interactive=False, elem_id="downloads")

    @property
    def result_outputs(self) -> list:
        """What a change of image, model or result may update."""
        s = self.shared
        return [s.session, s.message, s.status, self.canvas, self.prompt_list, self.result_image,
                self.candidates, self.downloads, self.preview, self.instances]

    @property
    def edit_outputs(self) -> list:
        """What an edit of the prompt that keeps the result may update (``shown``)."""
        s = self.shared
        return [s.session, s.message, self.canvas, self.prompt_list, self.instances]

    @property
    def click_outputs(self) -> list:
        """What a click or a candidate pick may update (the Result picture follows in a
        chained step, ``show_result``)."""
        return self.edit_outputs + [self.candidates, self.downloads]

    def wire(self, model_work: dict, light: dict, instant: dict) -> None:
        """Connect the events. model_work / light / instant: event settings for model work,
        UI-only work and UI-only work of a few milliseconds (see ``build_ui``)."""
        session, outputs = self.shared.session, self.result_outputs
        # the Result picture is made once the canvas shows the masks, not beside them
        self.show_result = show_result = dict(fn=self.on_result_picture, inputs=[session], outputs=[self.result_image],
                                              js=AFTER_CANVAS, **instant)
        self.upload.change(self.on_image, [self.upload, session], outputs, api_visibility="private", **model_work)
        # off the queue like the instant events (its round trip would add to every click), with the
        # model work bounded by the shared model slots instead; no progress overlay: the message
        # line says how long it took
        self.canvas.select(self.on_click, [self.mode, self.auto_run, self.multimask, session], self.click_outputs,
                           **instant).then(**show_result)
        for event in (self.add_points.click, self.points_text.submit):
            event(self.on_add_points, [self.points_text, self.labels_text, self.mode, session],
                  self.edit_outputs + [self.points_text, self.labels_text], **instant)
        for event in (self.add_boxes.click, self.boxes_text.submit):
            event(self.on_add_boxes, [self.boxes_text, session], self.edit_outputs + [self.boxes_text], **instant)
        for event in (self.add_text.click, self.text.submit):
            event(self.on_add_text, [self.text, self.text_threshold, self.multimask, session], outputs,
                  api_visibility="private", **model_work)
        self.instances.input(self.on_tick, [self.instances, self.multimask, session], outputs,
                             api_visibility="private", **model_work)
        self.undo.click(self.on_undo, [session], self.edit_outputs, **instant)
        self.clear.click(self.on_clear, [session], outputs, **instant)
        self.preview_button.click(self.on_preview, [session], outputs, **light)
        self.run_button.click(self.on_run, [self.multimask, session], outputs, api_visibility="private",
                              **model_work)
        self.candidates.input(self.on_pick, [self.candidates, session], self.click_outputs,
                              **instant).then(**show_result)
        self.make_downloads.click(self.on_downloads, [session], [self.downloads, self.shared.message], **light)

    # ------------------------------------------------------------ outputs

    def shown(self, session: Session, message: str = "", before: Session = None) -> dict:
        """The session's prompt on the canvas and in the lists, and a message; the
        instance list only where it differs from ``before`` (the session the handler
        started from; None: always)."""
        image = self.shared.image(session) if session.image is not None else None
        update = {self.shared.session: session, self.canvas: self.shared.outputs.canvas(session, image),
                  self.prompt_list: session.prompt_markdown(), self.shared.message: message}
        if before is None or (before.instances, before.boxes) != (session.instances, session.boxes):
            update[self.instances] = self.instance_list(session)
        return update

    @staticmethod
    def instance_list(session: Session):
        """The text instances, ticked where their box is in the prompt."""
        if not session.instances:
            return gr.update(visible=False, choices=[], value=[])
        choices = [(f"{i.phrase} {i.score:.2f}", k) for k, i in enumerate(session.instances)]
        return gr.update(visible=True, choices=choices,
                         value=[k for k, i in enumerate(session.instances) if i.box in session.boxes])

    def cleared(self, session: Session, message: str = "") -> dict:
        """``shown`` with the result, candidates, downloads and preview emptied."""
        return {**self.shown(session, message), self.result_image: None, self.preview: None,
                self.candidates: gr.update(visible=False, value=None), self.downloads: None}

    def with_result(self, session: Session, message: str, before: Session = None, picture: bool = True) -> dict:
        """``shown`` (see ``before`` there) plus the candidates and, with ``picture``, the
        Result picture (a click leaves it to a chained ``on_result_picture``), with the
        download files emptied (they were the previous result's)."""
        radio = gr.update(visible=False)
        if has_candidates(session):
            obj = session.result.objects[0]
            choices = [(f"Candidate {i + 1}: predicted IoU {s:.3f}" + (" (best)" if i == obj.best else ""), i)
                       for i, s in enumerate(obj.scores)]
            radio = gr.update(visible=True, choices=choices, value=session.choices[0], info=CANDIDATE_HELP)
        elif before is not None and not has_candidates(before):
            radio = gr.skip()  # hidden already
        update = {**self.shown(session, message, before), self.candidates: radio, self.downloads: None}
        if picture:
            update[self.result_image] = self.on_result_picture(session)
        return update

    def on_result_picture(self, session: Session):
        """After a change of result: the Result picture (masks with their scores), or none."""
        if session.result is None or session.image is None:
            return None
        try:
            return self.shared.outputs.result_file(session, self.shared.image(session))
        except SamAppError:
            return None  # the image left the store: the next event says so

    # ------------------------------------------------------------ image

    def on_image(self, path, session: Session, progress=gr.Progress()) -> dict:
        """A new image (or none): a fresh prompt, and the image encoded at once."""
        session = copy.copy(session)
        session.show_image(None)
        message = ""
        if path:
            try:
                self.shared.keep(session, self.shared.service.load_image(path), Path(str(path)).stem)
                message = self.shared.encode(session, progress)
            except SamAppError as exc:
                message = self.shared.error_text(exc)
        return {**self.cleared(session, message), self.shared.status: self.shared.status_text(session)}

    # ------------------------------------------------------------ editing the prompt

    @staticmethod
    def _need_image(session: Session) -> None:
        if session.image is None:
            raise SamAppError("Upload an image (or pick an example) first.")

    @shows_errors
    def on_click(self, mode, auto_run, multimask, session: Session, evt: gr.SelectData) -> dict:
        """A click on the canvas at ``evt.index`` = (X, Y) in the displayed picture's
        pixels, mapped back to image pixels."""
        self._need_image(session)
        with self.shared.model_slots:
            return self._click(mode, auto_run, multimask, session, evt)

    def _click(self, mode, auto_run, multimask, session: Session, evt: gr.SelectData) -> dict:
        before, session = session, copy.copy(session)
        x, y = to_image_pixels(session.image, evt.index)
        if mode == BOX_MODE:
            if session.pending is None:
                session.snapshot()
                session.pending = (x, y)
                return self.shown(session, "First corner set: click the opposite corner.", before)
            px, py = session.pending
            if px == x or py == y:
                raise SamAppError("A box needs two corners that differ in both X and Y; click again.")
            session.snapshot()
            session.pending = None
            session.boxes = session.boxes + [(min(px, x), min(py, y), max(px, x), max(py, y))]
        else:
            session.snapshot()
            session.points = session.points + [(x, y, 1 if mode == FOREGROUND_MODE else 0)]
        return self.run(session, multimask, before, picture=False) if auto_run else self.shown(session, before=before)

    @shows_errors
    def on_add_points(self, points_text, labels_text, mode, session: Session) -> dict:
        self._need_image(session)
        points = parse_points(points_text)
        if not len(points):
            raise SamAppError("points: the field is empty; type X Y pairs such as 100 150 250 300")
        if (labels_text or "").strip():
            labels = parse_labels(labels_text, len(points))
        else:  # no labels typed: the label that a click would add
            labels = np.full(len(points), 0 if mode == BACKGROUND_MODE else 1, np.int32)
        build_objects(points, labels, None, (session.image.height, session.image.width))
        before, session = session, copy.copy(session)
        session.snapshot()
        session.points = session.points + [(float(x), float(y), int(lab)) for (x, y), lab in zip(points, labels)]
        return {**self.shown(session, f"Added {len(points)} point(s).", before), self.points_text: "",
                self.labels_text: ""}

    @shows_errors
    def on_add_boxes(self, boxes_text, session: Session) -> dict:
        self._need_image(session)
        boxes = parse_boxes(boxes_text)
        if not len(boxes):
            raise SamAppError("boxes: the field is empty; type X1 Y1 X2 Y2 per box, such as 100 100 200 200")
        build_objects(None, None, boxes, (session.image.height, session.image.width))
        before, session = session, copy.copy(session)
        session.snapshot()
        session.boxes = session.boxes + [tuple(float(v) for v in box) for box in boxes]
        return {**self.shown(session, f"Added {len(boxes)} box(es): {format_numbers(boxes)}.", before),
                self.boxes_text: ""}

    @shows_errors
    def on_add_text(self, text, threshold, multimask, session: Session) -> dict:
        """Find the phrases in the image and add each instance as a box object (replacing
        what the same phrases found before), then segment the prompt."""
        self._need_image(session)
        started = time.perf_counter()
        self.shared.holdings.check()
        found = find_phrases(self.shared.service, self.shared.image(session), text, float(threshold),
                             LIMITS.max_objects)
        elapsed = time.perf_counter() - started
        results = found.mask_results() or [None] * len(found.boxes)
        for result in results:
            if result is not None:  # SAM 3's masks, kept in the session until refined
                self.shared.holdings.take(result)
        session = copy.copy(session)
        session.add_instances(found.phrases, [
            Instance(tuple(float(v) for v in box), phrase, float(score), found.detector, tuple(found.phrases), result)
            for box, phrase, score, result in zip(found.boxes, found.found.labels, found.found.scores, results)])
        what = ", ".join(found.phrases)
        if len(found.boxes):
            note = f"{found.detector} found {len(found.boxes)} instance(s) of {what} in {elapsed:.1f} s; "
        else:
            note = (f"{found.detector} found no {what} scoring {float(threshold):.2f} or more ({elapsed:.1f} s): "
                    "lower the score, or try other words. ")
        if not session.boxes and not session.points:  # nothing (left) to segment
            session.reset_result()
            return self.cleared(session, note.rstrip("; "))
        update = self.run(session, multimask)  # what earlier answers to these phrases made is gone
        return {**update, self.shared.message: note + update[self.shared.message]}

    @shows_errors
    def on_tick(self, ticked, multimask, session: Session) -> dict:
        """Instances ticked or unticked: their boxes join or leave the prompt."""
        self._need_image(session)
        session = copy.copy(session)
        session.tick_instances([int(k) for k in ticked or []])
        if not session.boxes and not session.points:
            session.reset_result()
            return self.cleared(session, "No object left in the prompt.")
        return self.run(session, multimask)

    @shows_errors
    def on_undo(self, session: Session) -> dict:
        before, session = session, copy.copy(session)
        return self.shown(session, "Undone." if session.undo() else "Nothing to undo.", before)

    @shows_errors
    def on_clear(self, session: Session) -> dict:
        session = copy.copy(session)
        session.reset_prompt()
        return self.cleared(session, "Prompt cleared.")

    @shows_errors
    def on_preview(self, session: Session) -> dict:
        self._need_image(session)
        points, labels, boxes = session.arrays()
        picture = render.preview_with_axes(self.shared.image(session).pixels, points, labels, boxes)
        note = "Preview: prompt drawn on pixel axes." if len(points) or len(boxes) else \
            "Preview: read coordinates off the axes."
        return {self.preview: picture, self.shared.message: note}

    # ------------------------------------------------------------ running

    @shows_errors
    def on_run(self, multimask, session: Session) -> dict:
        self._need_image(session)
        return self.run(copy.copy(session), multimask)

    def run(self, session: Session, multimask: bool, before: Session = None, picture: bool = True) -> dict:
        """Segment the session's prompt (a copy the caller owns; ``before`` and ``picture``:
        see ``with_result``); SamAppError on bad input."""
        objects = session.objects()
        self.shared.holdings.check()
        image = self.shared.image(session)
        started = time.perf_counter()
        given = session.text_results(objects)  # SAM 3's own masks stay until the object is refined
        todo = [o for o, r in zip(objects, given) if r is None]
        if todo:
            result = self.shared.service.segment_objects(
                image, todo, multimask=bool(multimask and len(objects) == 1), model=session.model,
                budget_s=LIMITS.request_seconds)
        else:  # all made by the text model
            result = SegmentResult((session.image.height, session.image.width), session.instance(objects[0]).detector,
                                   [])
        made = iter(result.objects)
        result.objects = [r if r is not None else next(made) for r in given]
        elapsed = time.perf_counter() - started
        session.take_result(result)
        self.shared.holdings.take(result)
        refined = sum(o.mask_input is not None for o in objects)
        message = (f"{len(objects)} object(s) in {elapsed * 1000:.0f} ms"
                   + (f", {refined} refined with the previous mask" if refined else "") + ".")
        return self.with_result(session, message, before, picture)

    def on_pick(self, candidate, session: Session) -> dict:
        if session.result is None or candidate is None or len(session.result.objects) != 1:
            return {}
        before, session = session, copy.copy(session)
        session.take_result(session.result, [int(candidate)])
        return self.with_result(session, f"Candidate {int(candidate) + 1} selected.", before, picture=False)

    @shows_errors
    def on_downloads(self, session: Session) -> dict:
        """The download files of the session's result (``Outputs.downloads``), written now."""
        if session.result is None or session.image is None:
            raise SamAppError("Nothing to download yet: click the image or press Run first.")
        started = time.perf_counter()
        image = self.shared.image(session)
        files = self.shared.outputs.downloads(session, image, self.shared.service.image_id(image))
        return {self.downloads: files, self.shared.message: f"{len(files)} file(s) ready to download "
                f"({time.perf_counter() - started:.1f} s)."}
