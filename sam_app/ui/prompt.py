"""The Prompt mode: the original UI's point/box workflow (typed prompts, Add, Preview
with pixel axes, Run) plus clicks on the image, text prompts, Undo/Clear, candidates,
refinement with the previous mask, and downloads.

Every handler takes the tab's shared ``Session`` (its image and model) and this mode's
own ``PromptState``, and returns ``{component: value}``; components left out keep their
value. A click is answered with what it changed and nothing more (the canvas with the
masks, the prompt list, the message, the candidates): the Result picture below follows
in a chained step, and download files are written only when asked for
(docs/performance.md, "Clicks in the browser", says what each costs).
"""

import copy
import time
from pathlib import Path

import gradio as gr

from .. import edits, render
from ..errors import SamAppError
from ..limits import LIMITS
from ..prompts import build_objects, format_numbers, parse_boxes, parse_labels, parse_points
from ..regions import Region
from ..results import read_result
from ..service import SegmentResult
from .api_inputs import is_uploaded
from .canvas import to_runs
from .common import event_data, shows_errors, unchanged
from .modes import App, Mode
from .prompt_state import BACKGROUND_MODE, BOX_MODE, FOREGROUND_MODE, MODES, PromptState
from .prompt_text import TextPrompts
from .prompt_view import PromptView
from .state import Session, mask_size, to_image_pixels

# In the page, before the Result picture is asked for: the canvas picture that the event
# changed decoded and painted (at most 2 s), so that the two do not compete for the CPU.
AFTER_CANVAS = """(...inputs) => new Promise(resolve => {
  const canvas = 'CANVAS';
  let settled = false;
  const done = () => { if (!settled) { settled = true; requestAnimationFrame(() => resolve(inputs)); } };
  setTimeout(done, 2000);
  requestAnimationFrame(() => {
    const img = document.querySelector('#' + canvas + ' img');
    if (!img) return done();
    img.decode().then(done, done);
  });
})"""


def corner_box(corner, x: float, y: float) -> tuple:
    """The box (X1, Y1, X2, Y2) between a half-made box's first ``corner`` (X, Y) and a
    click at (x, y); SamAppError when they share an X or a Y."""
    px, py = corner
    if px == x or py == y:
        raise SamAppError("A box needs two corners that differ in both X and Y; click again.")
    return min(px, x), min(py, y), max(px, x), max(py, y)


def click_label(mode: str) -> int:
    """The label of the point a click adds in ``mode`` (a point mode): 1 foreground, 0 background."""
    return 1 if mode == FOREGROUND_MODE else 0


class PromptMode(PromptView, TextPrompts, Mode):
    """Components (made by ``build``, in ``PromptView``) and handlers of the Prompt mode."""

    id = "prompt"
    title = "Prompt"

    def new_state(self) -> PromptState:
        return PromptState()

    def wire(self, app: App) -> None:
        """Connect the events (``App.events``: model work, UI-only work, instant work)."""
        s, state, events = self.shared, self.state, app.events
        both = [self.session_input, state]
        # the Result picture is made once the canvas shows the masks, not beside them
        self.show_result = show_result = dict(fn=self.on_result_picture, inputs=both, outputs=[self.result_image],
                                              js=AFTER_CANVAS.replace("CANVAS", self.eid("canvas")),
                                              **events.instant)
        # off the queue like the instant events (its round trip would add to every click), with the
        # model work bounded by the shared model slots instead; no progress overlay: the message
        # line says how long it took
        self.canvas.select(self.on_click, [self.mode, self.auto_run, self.multimask, *both], self.click_outputs,
                           **events.instant).then(**show_result)
        # the live preview: at most one in flight per tab, the last pointer rest waiting behind it
        self.canvas.hover(self.on_hover, [self.mode, self.multimask, *both], [self.canvas], trigger_mode="always_last",
                          **events.instant)
        self.canvas.stroke(self.on_stroke, both, self.click_outputs, **events.instant).then(**show_result)
        self.canvas.region(self.on_region, both, self.click_outputs, **events.instant).then(**show_result)
        self.canvas.polygon(self.on_polygon, both, self.click_outputs, **events.instant).then(**show_result)
        self.canvas.outline(self.on_outline, both, [self.canvas], trigger_mode="always_last", **events.instant)
        for event in (self.add_points.click, self.points_text.submit):
            event(self.on_add_points, [self.points_text, self.labels_text, self.mode, *both],
                  self.edit_outputs + [self.points_text, self.labels_text], **events.instant)
        for event in (self.add_boxes.click, self.boxes_text.submit):
            event(self.on_add_boxes, [self.boxes_text, *both], self.edit_outputs + [self.boxes_text],
                  **events.instant)
        self.wire_text(events)
        self.new_object.click(self.on_new_object, both, self.edit_outputs, **events.instant)
        for button, subtract in ((self.union, False), (self.subtract, True)):
            button.click(self.on_combine, [self.combined, gr.State(subtract), *both], self.click_outputs,
                         **events.instant).then(**show_result)
        self.escape.click(self.on_escape, both, self.edit_outputs, **events.instant)
        self.undo.click(self.on_undo, both, self.click_outputs, **events.instant).then(**show_result)
        self.redo.click(self.on_redo, both, self.click_outputs, **events.instant).then(**show_result)
        self.clear.click(self.on_clear, both, self.click_outputs, **events.instant).then(**show_result)
        self.preview_button.click(self.on_preview, both, [self.preview, s.message], **events.light)
        self.run_button.click(self.on_run, [self.multimask, *both], self.result_outputs, **events.model_work)
        self.candidates.input(self.on_pick, [self.candidates, *both], self.click_outputs,
                              **events.instant).then(**show_result)
        self.make_downloads.click(self.on_downloads, both, [self.downloads, s.message], **events.light)
        # its timer shows on the canvas, where the result comes back, not over the lists and the message
        self.open_result.upload(self.on_open_result, [self.open_result, *both], self.result_outputs,
                                show_progress_on=self.canvas, **events.model_work)
        self.modes, self.page_message = list(app.modes.values()), app.shared.message
        if self.saved is not None and app.page is not None:
            told = [c for m in self.modes for c in m.reset_outputs]
            outputs = list(dict.fromkeys([s.session, app.shared.message, app.shared.status, *told]))
            # its timer shows on this canvas only, where the picture comes back, not on every mode
            app.page.load(self.on_restore, [self.saved, s.session, state], outputs, show_progress_on=self.canvas,
                          **events.model_work)

    # ------------------------------------------------------------ editing the prompt

    @shows_errors
    def on_click(self, mode, auto_run, multimask, session: Session, state: PromptState, evt: gr.SelectData) -> dict:
        """A click on the canvas at ``evt.index`` = (X, Y), the image pixel under the
        pointer. A click that fails drops a half-made box (its first corner) rather than
        leave it waiting."""
        self.need_image(session)
        try:
            with self.shared.working():
                return self._click(mode, auto_run, multimask, session, state, evt)
        except SamAppError as exc:
            if state.pending is None:
                raise
            return {**self.shown(session, self._without_corner(state), before=state),
                    self.shared.message: self.shared.error_text(exc) + " (the box's first corner was dropped)"}

    @staticmethod
    def _without_corner(state: PromptState) -> PromptState:
        state = copy.copy(state)
        state.pending = None
        return state

    def _click(self, mode, auto_run, multimask, session: Session, state: PromptState, evt: gr.SelectData) -> dict:
        before, state = state, copy.copy(state)
        x, y = to_image_pixels(session.image, evt.index)
        if mode == BOX_MODE:
            if state.pending is None:
                state.snapshot()
                state.pending = (x, y)
                return self.shown(session, state, "First corner set: click the opposite corner.", before)
            box = corner_box(state.pending, x, y)
            state.snapshot()
            state.pending = None
            state.add_box(box)
        else:
            state.snapshot()
            state.add_point(x, y, click_label(mode))
        if auto_run:
            return self.run(session, state, multimask, before, picture=False)
        return self.shown(session, state, before=before)

    def on_hover(self, mode, multimask, session: Session, state: PromptState, evt: gr.EventData):
        """The pointer rested at ``evt._data`` {"x", "y"} (image pixels): the canvas with
        the mask a click there would give (the object the point would join, with it added,
        as "Click adds" says; a box from a half-made box's corner), or an empty preview
        when there is nothing to show (a first box corner to come, a failure: the preview
        is a courtesy and says nothing); unchanged for no image or bad data."""
        data = event_data(evt)
        if session.image is None or mode not in MODES:
            return unchanged()
        try:
            x, y = to_image_pixels(session.image, [data.get("x"), data.get("y")])
            image = self.shared.image(session)
        except SamAppError:
            return unchanged()
        preview = {"runs": "", "at": [int(x), int(y)]}
        try:
            trial = copy.copy(state)
            if mode == BOX_MODE:
                if state.pending is None:
                    raise SamAppError("no box to preview")
                box, trial.pending = corner_box(state.pending, x, y), None
                object_id = trial.add_box(box)
            else:
                object_id = trial.add_point(x, y, click_label(mode))
            objects, place = trial.objects((image.height, image.width)), trial.object_ids().index(object_id)
            region = trial.object_regions()[place]
            multimask = bool(multimask and len(objects) == 1)  # as a click's run
            with self.shared.working():
                made = self.shared.service.segment_objects(image, [objects[place]], multimask=multimask,
                                                           model=session.model, budget_s=LIMITS.request_seconds,
                                                           region=None if region is None else region.as_list())
            found = made.objects[0]
            preview["runs"] = to_runs(found.mask_at(found.best, mask_size(image)))
        except SamAppError:
            pass
        return {self.canvas: self.canvas_picture(state, image, preview=preview)}

    @shows_errors
    def on_stroke(self, session: Session, state: PromptState, evt: gr.EventData) -> dict:
        """A brush or eraser stroke ended on the canvas: ``evt._data`` {"points": [[X, Y],
        ...], "radius", "erase"} in image pixels, painted into the current object's mask at
        full size (``edits.paint``) as one step of the history."""
        self.need_image(session)
        data = event_data(evt)
        if not state.editable():
            return {**self.shown(session, state), self.shared.message:
                    "The brush and the eraser edit the selected object's mask: click the image to make one first."}
        image = self.shared.image(session)
        place = state.result_ids.index(state.current)
        mask = state.result.objects[place].mask(state.choices[place])
        erase = bool(data.get("erase"))
        try:
            edited = edits.paint(mask, data.get("points"), data.get("radius"), erase)
        except SamAppError as exc:  # the canvas drew the stroke: it is drawn again without it
            return {**self.shown(session, state), self.shared.message: self.shared.error_text(exc)}
        before, state = state, copy.copy(state)
        state.edit(edited)
        change = int(edited.sum()) - int(mask.sum())
        message = (f"Object {place + 1}: {abs(change)} pixel(s) {'erased' if erase else 'painted'} "
                   f"({image.width}x{image.height} image); Undo takes it back.")
        return self.with_result(session, state, message, before, picture=False)

    @shows_errors
    def on_polygon(self, session: Session, state: PromptState, evt: gr.EventData) -> dict:
        """The selected object's outline edited on the canvas (``evt._data`` {"rings"} in
        image pixels): its mask becomes the rings filled even-odd at full size
        (``edits.fill``), one step of the history."""
        self.need_image(session)
        if not state.editable():
            return {**self.shown(session, state), self.shared.message:
                    "The polygon tool edits the selected object's outline: click the image to make one first."}
        image = self.shared.image(session)
        try:
            mask = edits.fill((image.height, image.width), event_data(evt).get("rings"))
        except SamAppError as exc:  # the canvas moved the vertex: it is drawn again as it was
            return {**self.shown(session, state, outline=True), self.shared.message: self.shared.error_text(exc)}
        before, state = state, copy.copy(state)
        state.edit(mask)
        place = state.result_ids.index(state.current)
        return {**self.with_result(session, state, f"Object {place + 1}: outline edited ({int(mask.sum())} pixels); "
                                   "Undo takes it back.", before, picture=False),
                self.canvas: self.canvas_picture(state, image, outline=True)}

    @shows_errors
    def on_outline(self, session: Session, state: PromptState) -> dict:
        """The polygon tool asks for the selected object's outline: the canvas with it."""
        if session.image is None:
            return unchanged()
        return {self.canvas: self.canvas_picture(state, self.shared.image(session), outline=True)}

    @shows_errors
    def on_region(self, session: Session, state: PromptState, evt: gr.EventData) -> dict:
        """A region drawn on the canvas, ``evt._data`` {"box": [X1, Y1, X2, Y2]} in image
        pixels (X2, Y2 excluded), or {"box": None}: back to the whole image. Objects begun
        from then on are segmented inside the region at full resolution (``regions``); the
        objects made before keep theirs; one step of the history."""
        self.need_image(session)
        box = event_data(evt).get("box")
        region = None if box is None else Region.parse(box, (session.image.height, session.image.width))
        if region == state.region:
            return unchanged()
        before, state = state, copy.copy(state)
        state.set_region(region)
        if region is None:
            message = "Back to the whole image."
        else:
            message = (f"Region {region.x2 - region.x1}x{region.y2 - region.y1} set: new objects are segmented inside "
                       "it at full resolution (its first click encodes it). A click with the Region tool goes back "
                       "to the whole image.")
        return self.with_result(session, state, message, before, picture=False)

    @shows_errors
    def on_combine(self, text, subtract, session: Session, state: PromptState) -> dict:
        """Objects A and B (``text``: their numbers in the prompt list, "A B"): A's mask
        becomes A ∪ B (B leaves the prompt) or A − B (``subtract``; B stays), one step of
        the history (``PromptState.combine``)."""
        self.need_image(session)
        try:
            first, second = (int(v) for v in str(text or "").replace(",", " ").split())
        except ValueError:
            raise SamAppError(f"objects: {text!r} is not two numbers; give A B, such as 1 2 (numbers in the "
                              "prompt list)") from None
        count = len(state.result_ids)
        if not (1 <= first <= count and 1 <= second <= count) or first == second:
            raise SamAppError(f"objects {first} and {second}: give two different numbers of the {count} object(s) "
                              "with masks (run the prompt first)")
        before, state = state, copy.copy(state)
        state.combine(first - 1, second - 1, bool(subtract))
        what = f"Object {first} less object {second}" if subtract else f"Object {second} joined object {first}"
        return self.with_result(session, state, f"{what}; Undo takes it back.", before, picture=False)

    @shows_errors
    def on_add_points(self, points_text, labels_text, mode, session: Session, state: PromptState) -> dict:
        self.need_image(session)
        points = parse_points(points_text)
        if not len(points):
            raise SamAppError("points: the field is empty; type X Y pairs such as 100 150 250 300")
        if (labels_text or "").strip():
            labels = parse_labels(labels_text, len(points))
        else:  # no labels typed: the label that a click would add
            labels = [0 if mode == BACKGROUND_MODE else 1] * len(points)
        build_objects(points, labels, None, (session.image.height, session.image.width))
        before, state = state, copy.copy(state)
        state.snapshot()
        for (x, y), label in zip(points, labels):
            state.add_point(x, y, label)
        return {**self.shown(session, state, f"Added {len(points)} point(s).", before), self.points_text: "",
                self.labels_text: ""}

    @shows_errors
    def on_add_boxes(self, boxes_text, session: Session, state: PromptState) -> dict:
        self.need_image(session)
        boxes = parse_boxes(boxes_text)
        if not len(boxes):
            raise SamAppError("boxes: the field is empty; type X1 Y1 X2 Y2 per box, such as 100 100 200 200")
        build_objects(None, None, boxes, (session.image.height, session.image.width))
        before, state = state, copy.copy(state)
        state.snapshot()
        for box in boxes:
            state.add_box(box)
        return {**self.shown(session, state, f"Added {len(boxes)} box(es): {format_numbers(boxes)}.", before),
                self.boxes_text: ""}

    def on_new_object(self, session: Session, state: PromptState) -> dict:
        """Clicks begin another object (key N); a half-made box is dropped."""
        if session.image is None:
            return {self.shared.message: "Upload an image (or pick an example) first."}
        before, state = state, copy.copy(state)
        state.snapshot()
        state.pending = None
        if not state.new_object() and before.pending is None:
            return {self.shared.message: "The current object is empty already: click the image to make it."}
        number = len(state.object_ids()) + 1
        return self.shown(session, state, f"Object {number} begun: clicks now add to it.", before)

    def on_escape(self, session: Session, state: PromptState) -> dict:
        """Esc: drop a half-made box (its first corner)."""
        if state.pending is None:
            return unchanged()
        return self.shown(session, self._without_corner(state), "The box's first corner was dropped.", state)

    @shows_errors
    def on_undo(self, session: Session, state: PromptState) -> dict:
        """Back one step: the prompt and the result that went with it."""
        return self._through_history(session, state, PromptState.undo, "Undone.", "Nothing to undo.")

    @shows_errors
    def on_redo(self, session: Session, state: PromptState) -> dict:
        """Forward again to the step the last Undo went back from."""
        return self._through_history(session, state, PromptState.redo, "Redone.", "Nothing to redo.")

    def _through_history(self, session: Session, state: PromptState, step, done: str, none: str) -> dict:
        """``step`` (PromptState.undo or redo) on a copy of ``state``, and what it changed."""
        before, state = state, copy.copy(state)
        if not step(state):
            return {self.shared.message: none}
        return self.with_result(session, state, done, before, picture=False)

    @shows_errors
    def on_clear(self, session: Session, state: PromptState) -> dict:
        """An empty prompt, as one more step of the history (Undo brings it back)."""
        before, state = state, copy.copy(state)
        state.clear()
        return self.with_result(session, state, "Prompt cleared (Undo brings it back).", before, picture=False)

    @shows_errors
    def on_preview(self, session: Session, state: PromptState) -> dict:
        self.need_image(session)
        points, labels, boxes = state.arrays()
        picture = render.preview_with_axes(self.shared.image(session).pixels, points, labels, boxes)
        note = "Preview: prompt drawn on pixel axes." if len(points) or len(boxes) else \
            "Preview: read coordinates off the axes."
        return {self.preview: picture, self.shared.message: note}

    # ------------------------------------------------------------ running

    @shows_errors
    def on_run(self, multimask, session: Session, state: PromptState) -> dict:
        self.need_image(session)
        return self.run(session, copy.copy(state), multimask)

    def run(self, session: Session, state: PromptState, multimask: bool, before: PromptState = None,
            picture: bool = True) -> dict:
        """Segment the state's prompt (a copy the caller owns; ``before`` and ``picture``:
        see ``with_result``); SamAppError on bad input."""
        image = self.shared.image(session)
        objects = state.objects((image.height, image.width))
        self.shared.holdings.check()
        started = time.perf_counter()
        # SAM 3's own masks stay until the object is refined, and so do masks edited by hand
        given = [text or edit for text, edit in zip(state.text_results(objects), state.kept_edits(objects))]
        found = state.instance(objects[0])  # what made the masks when none is made now
        model = found.detector if found is not None and given[0] is found.result else \
            (state.result.model if state.result is not None else None)
        regions, made = state.object_regions(), {}
        groups: dict = {}  # objects to segment by the region each is segmented in
        for k, result in enumerate(given):
            if result is None:
                groups.setdefault(regions[k], []).append(k)
        for region, places in groups.items():
            answer = self.shared.service.segment_objects(
                image, [objects[k] for k in places], multimask=bool(multimask and len(objects) == 1),
                model=session.model, budget_s=LIMITS.request_seconds,
                region=None if region is None else region.as_list())
            model = answer.model
            made.update(zip(places, answer.objects))
        shared = regions[0] if len(set(regions)) == 1 else None
        result = SegmentResult((image.height, image.width), model, [r if r is not None else made[k]
                                                                    for k, r in enumerate(given)],
                               region=shared)  # a new result, in order
        elapsed = time.perf_counter() - started
        state.take_result(result)
        self.shared.holdings.take(result)
        refined = sum(o.mask_input is not None for o in objects)
        message = (f"{len(objects)} object(s) in {elapsed * 1000:.0f} ms"
                   + (f", {refined} refined with the previous mask" if refined else "") + ".")
        return self.with_result(session, state, message, before, picture)

    def take_objects(self, session: Session, state: PromptState, boxes, points) -> dict:
        """What another mode hands over (Everything's Refine): ``boxes`` [(X1, Y1, X2, Y2)]
        and ``points`` [(X, Y, label)] inside them become the prompt, as one step of the
        history, and are segmented; this mode's ``result_outputs``."""
        self.need_image(session)
        state = copy.copy(state)
        state.clear()
        state.set_prompt(boxes, points)
        return self.run(session, state, multimask=False)

    def on_pick(self, candidate, session: Session, state: PromptState) -> dict:
        if state.result is None or candidate is None or len(state.result.objects) != 1:
            return unchanged()
        before, state = state, copy.copy(state)
        state.take_result(state.result, [int(candidate)])
        return self.with_result(session, state, f"Candidate {int(candidate) + 1} selected.", before, picture=False)

    # ------------------------------------------------------------ a reload, a result file

    def on_restore(self, saved, session: Session, state: PromptState) -> dict:
        """The page opened or was reloaded: the image and the prompt the browser kept
        (``remembered``) come back, their result made again (a new tab: nothing)."""
        if not isinstance(saved, dict) or session.image is not None:
            return unchanged()
        name = Path(str(saved.get("name") or "image")).name
        try:
            prompt = PromptState.restored(saved.get("prompt") or {})
            image, path = self._kept_image(saved)
            session = Session()
            self.shared.keep(session, image, name)
        except (ValueError, SamAppError) as exc:
            return {self.page_message: f"Your last image ({name}) could not be brought back after the reload: {exc}"}
        session.path = path
        update = {}
        for mode in self.modes:
            update.update(mode.image_shown(session))
        message = f"Brought back {name} and its prompt after the reload."
        update.update(self._remade(session, prompt, saved["prompt"].get("choices"), message))
        return {**update, self.shared.session: session, self.page_message: "",
                self.shared.status: self.shared.status_text(session)}

    def _kept_image(self, saved: dict):
        """The image a saved tab had: from the server's image store, else its file when
        it is one this server was sent (under the upload folder); (image, path)."""
        try:
            return self.shared.service.image_by_id(str(saved.get("image_id"))), saved.get("path")
        except SamAppError:
            path = saved.get("path")
            if not isinstance(path, str) or not is_uploaded(path) or not Path(path).is_file():
                raise SamAppError("it has left the server (the server restarted or kept other images since)") from None
            return self.shared.service.load_image(path), path

    def _remade(self, session: Session, state: PromptState, choices, message: str) -> dict:
        """``state``'s prompt (a new state the caller owns) run again when ``choices`` (the
        candidates it had picked, None: it had no result), with those candidates picked
        where they still exist; this mode's ``result_outputs``."""
        if choices is None or not state.object_ids():
            return self.with_result(session, state, message, picture=False)
        try:
            with self.shared.working():
                self.run(session, state, multimask=True, picture=False)
        except SamAppError as exc:
            return self.with_result(session, state, f"{message} Running it again failed: {exc}", picture=False)
        picks = [c if isinstance(c, int) and 0 <= c < len(o.scores) else o.best
                 for o, c in zip(state.result.objects, list(choices) + [None] * len(state.result.objects))]
        state.take_result(state.result, picks)
        return self.with_result(session, state, message, picture=False)

    @shows_errors
    def on_open_result(self, file, session: Session, state: PromptState) -> dict:
        """The app's own result JSON (a download, or the CLI's or the API's) back into the
        prompt: each object's box and points, run again, with the candidate it had picked."""
        self.need_image(session)
        image = self.shared.image(session)
        record = read_result(file)
        size = (record["image"].get("width"), record["image"].get("height"))
        if size != (image.width, image.height):
            raise SamAppError(f"this result is of a {size[0]}x{size[1]} image "
                              f"({record['image'].get('file_name') or 'unnamed'}), the image here is "
                              f"{image.width}x{image.height}: open its image first")
        state = copy.copy(state)
        state.clear()
        shared = record.get("region")
        for obj in record["objects"]:  # each in the region it was made in, if one
            prompt, where = obj["prompt"], obj.get("region") or shared
            state.region = Region.parse(where, (image.height, image.width)) if where else None
            state.add_object(prompt["box"], [(*xy, label) for xy, label in zip(prompt["points"], prompt["labels"])])
        state.region = Region.parse(shared, (image.height, image.width)) if shared else None
        count, refined = len(record["objects"]), sum(bool(o["prompt"].get("mask_input")) for o in record["objects"])
        edited = sum(o.get("source") == "edited" for o in record["objects"])
        message = f"Opened {Path(str(file)).name}: {count} object(s) made again from their prompts."
        if refined:
            message += (f" {refined} of them had been refined with a previous mask, which the file does not hold: "
                        "their masks may differ.")
        if edited:
            message += f" {edited} of them had been edited by hand: those edits are not made again."
        return self._remade(session, state, [o.get("selected") for o in record["objects"]], message)

    @shows_errors
    def on_downloads(self, session: Session, state: PromptState) -> dict:
        """The download files of the state's result (``Outputs.downloads``), written now."""
        if state.result is None or session.image is None:
            raise SamAppError("Nothing to download yet: click the image or press Run first.")
        started = time.perf_counter()
        image = self.shared.image(session)
        files = self.shared.outputs.downloads(session, state, image, self.shared.service.image_id(image))
        return {self.downloads: files, self.shared.message: f"{len(files)} file(s) ready to download "
                f"({time.perf_counter() - started:.1f} s)."}


__all__ = ["PromptMode", "MODES", "FOREGROUND_MODE", "BACKGROUND_MODE", "BOX_MODE"]
