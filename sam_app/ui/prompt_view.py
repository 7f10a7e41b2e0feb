"""The Prompt mode's layout and what its handlers show (``PromptMode`` is made of this,
``prompt_text.TextPrompts`` and its own handlers)."""

import copy
from typing import Optional

import gradio as gr

from ..errors import SamAppError
from .canvas import AnnotationCanvas
from .prompt_state import FOREGROUND_MODE, HOW_OBJECTS, MODES, PromptState
from .state import Session

CANVAS_HEIGHT = 500  # px: the canvas and the tools beside it fit a 1400x900 window below the header
CANDIDATE_HELP = "Pick the candidate that fits best; it is the one refined and downloaded."


def has_candidates(state: PromptState) -> bool:
    """Whether the state's result offers a choice of candidates (one object, several)."""
    result = state.result
    return result is not None and len(result.objects) == 1 and len(result.objects[0].scores) > 1


def score_texts(scores, least: int = 3, most: int = 6) -> list:
    """Scores as text with the fewest decimals (``least`` to ``most``) that tell apart the
    ones that differ, so candidates that differ in the 4th decimal do not look tied."""
    values = [float(s) for s in scores]
    distinct = len(set(values))
    for places in range(least, most + 1):
        texts = [f"{v:.{places}f}" for v in values]
        if len(set(texts)) == distinct:
            return texts
    return texts


def remembered(session: Session, state: PromptState) -> Optional[dict]:
    """What the browser keeps of a tab's Prompt mode (``PromptView.saved``), or None
    without an image: the image's id in the server's image store, its name and file, and
    the prompt (``PromptState.saved``)."""
    if session.image is None:
        return None
    return {"image_id": session.image.image_id, "name": session.image_name, "path": session.path,
            "prompt": state.saved()}


class PromptView:
    """The components (``build``) and the updates handlers return (``shown``,
    ``with_result``, ``cleared``). Expects ``shared`` and ``state`` (``Mode``).
    ``elem_prefix`` starts the page ids of its components (a mode that lays out the same
    tools in its own tab has its own), ``session_input`` is the component whose
    ``Session`` the handlers work on (the tab's shared one)."""

    elem_prefix = ""
    saved = None  # the gr.BrowserState that keeps the tab's image and prompt across a reload (None: not kept)
    new_object_label, objects_help = "New object (N)", HOW_OBJECTS  # a mode with other keys says so
    # the page's keys for this mode (``app.PAGE_JS``), listed in the canvas's help overlay
    shortcuts = (("Q / W / X", "clicks add a foreground point / a background point / a box corner"),
                 ("N", "begin a new object"), ("R", "run"), ("Z / Shift + Z", "undo / redo"),
                 ("Esc", "drop a half-made box"))

    def eid(self, name: str) -> str:
        """The page id of component ``name``."""
        return self.elem_prefix + name

    @property
    def session_input(self):
        return self.shared.session

    def build(self) -> None:
        """The layout, inside the Prompt tab: the canvas, and beside it (in view at
        1400x900) this mode's message line, the buttons, the candidates and the prompt;
        the Result picture and the pixel-axes preview folded below."""
        self.state_component()
        self.saved = gr.BrowserState(None, storage_key="sam_app_prompt")
        with gr.Row():
            with gr.Column(scale=3):
                self.build_canvas()
            with gr.Column(scale=2):
                self.own_message()
                with gr.Row():
                    self.build_history()
                    self.run_button = gr.Button("Run", variant="primary", elem_id=self.eid("run"), min_width=60)
                self.build_candidates()
                self.build_tools()
        with gr.Accordion("Result picture and pixel-axes preview", open=False, elem_id=self.eid("pictures")):
            self.preview_button = gr.Button("Preview the prompt on pixel axes", elem_id=self.eid("preview-button"))
            self.build_results()
        self.build_downloads()

    def build_canvas(self, show_label: bool = True) -> None:
        self.canvas = AnnotationCanvas(None, height=CANVAS_HEIGHT,
                                       shortcuts=self.shortcuts, label="Click to add prompts", show_label=show_label,
                                       elem_id=self.eid("canvas"))

    def build_history(self, undo: str = "Undo", clear: str = "Clear") -> None:
        """Undo, Redo and Clear (their labels)."""
        self.undo = gr.Button(undo, elem_id=self.eid("undo"), min_width=60)
        self.redo = gr.Button("Redo", elem_id=self.eid("redo"), min_width=60)
        self.clear = gr.Button(clear, elem_id=self.eid("clear"), min_width=60)

    def build_tools(self, modes=MODES, run_buttons: bool = False) -> None:
        """What a click adds (``modes``), New object, how clicks become objects, the
        prompt list, typed points and boxes, text; with ``run_buttons`` also Preview and
        Run (the Project mode's, which lays out its other buttons itself)."""
        self.mode = gr.Radio(list(modes), value=FOREGROUND_MODE, label="Click adds", elem_id=self.eid("mode"))
        self.new_object = gr.Button(self.new_object_label, elem_id=self.eid("new-object"), size="sm")
        self.escape = gr.Button("Drop the box corner (Esc)", visible="hidden", elem_id=self.eid("escape"))
        gr.Markdown(self.objects_help, elem_classes=["sam-hint"])
        self.prompt_list = gr.Markdown(PromptState().markdown(None, None), elem_id=self.eid("prompt-list"))
        with gr.Row():
            self.auto_run = gr.Checkbox(True, label="Run on every click", elem_id=self.eid("auto-run"))
            self.multimask = gr.Checkbox(True, label="3 candidates (one object)", elem_id=self.eid("multimask"))
        if run_buttons:
            with gr.Row():
                self.preview_button = gr.Button("Preview", elem_id=self.eid("preview-button"))
                self.run_button = gr.Button("Run", variant="primary", elem_id=self.eid("run"))
        with gr.Accordion("Type points and boxes", open=True, elem_id=self.eid("typed")):
            with gr.Group():
                self.points_text = gr.Textbox(label="Points (X Y ...)", placeholder="100 150 250 300",
                                              elem_id=self.eid("points"))
                self.labels_text = gr.Textbox(label="Labels (1 = foreground, 0 = background; empty = as 'Click adds')",
                                              placeholder="1 0", elem_id=self.eid("labels"))
                self.add_points = gr.Button("Add points", elem_id=self.eid("add-points"))
            with gr.Group():
                self.boxes_text = gr.Textbox(label="Boxes (X1 Y1 X2 Y2 ...)", placeholder="100 100 200 200",
                                             elem_id=self.eid("boxes"))
                self.add_boxes = gr.Button("Add boxes", elem_id=self.eid("add-boxes"))
        with gr.Accordion("Combine two objects", open=False, elem_id=self.eid("combine")):
            self.combined = gr.Textbox(label="Objects A B (their numbers in the list)", placeholder="1 2",
                                       elem_id=self.eid("combined"))
            with gr.Row():
                self.union = gr.Button("A ∪ B (B joins A)", elem_id=self.eid("union"), size="sm")
                self.subtract = gr.Button("A − B (B is cut out of A)", elem_id=self.eid("subtract"), size="sm")
        self.build_text()

    def build_results(self) -> None:
        with gr.Row():
            self.preview = gr.Image(label="Preview (pixel axes)", interactive=False, format="png",
                                    elem_id=self.eid("preview"))
            # no label badge: it would hide the score of a mask at the top-left corner
            self.result_image = gr.Image(label="Result", show_label=False, interactive=False, type="filepath",
                                         elem_id=self.eid("result"))

    def build_candidates(self) -> None:
        self.candidates = gr.Radio([], label="Candidates", visible=False, elem_id=self.eid("candidates"))

    def build_downloads(self) -> None:
        with gr.Row():
            self.make_downloads = gr.Button("Prepare downloads (masks, JSON, cut-out, overlay; full size)",
                                            elem_id=self.eid("make-downloads"), scale=3)
            self.open_result = gr.UploadButton("Open a result (its JSON)", file_types=[".json"], scale=1,
                                               elem_id=self.eid("open-result"))
        self.downloads = gr.File(label="Downloads", file_count="multiple", interactive=False,
                                 elem_id=self.eid("downloads"))

    @property
    def result_outputs(self) -> list:
        """What a change of image, model or result may update."""
        return [*self.edit_outputs, self.result_image, self.candidates, self.downloads, self.preview]

    @property
    def reset_outputs(self) -> list:
        return self.result_outputs + [self.mode]

    @property
    def edit_outputs(self) -> list:
        """What an edit of the prompt that keeps the result may update (``shown``)."""
        return [self.state, self.shared.message, self.canvas, self.prompt_list, self.instances,
                *([self.saved] if self.saved is not None else [])]

    @property
    def click_outputs(self) -> list:
        """What a click, a candidate pick, Undo or Clear may update (the Result picture
        follows in a chained step, ``on_result_picture``)."""
        return self.edit_outputs + [self.candidates, self.downloads]

    @staticmethod
    def need_image(session: Session) -> None:
        if session.image is None:
            raise SamAppError("Upload an image (or pick an example) first.")

    def shown(self, session: Session, state: PromptState, message: str = "", before: PromptState = None,
              outline: bool = False) -> dict:
        """The state's prompt on the canvas (with the selected object's ``outline``) and in
        the lists, and a message; the instance list only where it differs from ``before``
        (the state the handler started from; None: always)."""
        image = self.shared.image(session) if session.image is not None else None
        size = None if image is None else (image.height, image.width)
        update = {self.state: state, self.canvas: self.canvas_picture(state, image, outline=outline),
                  self.prompt_list: state.markdown(session.image_name, size), self.shared.message: message}
        if before is None or (before.instances, before.boxes) != (state.instances, state.boxes):
            update[self.instances] = self.instance_list(state)
        if self.saved is not None:
            update[self.saved] = remembered(session, state)
        return update

    def canvas_picture(self, state: PromptState, image, preview: Optional[dict] = None, outline: bool = False):
        """The canvas's value for ``state`` on ``image`` (loaded; None: no picture), with
        the live ``preview`` where given and the selected object's ``outline``
        (``Outputs.canvas_value``)."""
        return self.shared.outputs.canvas_value(state, image, preview=preview, outline=outline,
                                                message="Upload an image or pick an example to start.")

    def cleared(self, session: Session, state: PromptState, message: str = "") -> dict:
        """``shown`` with the result, candidates, downloads and preview emptied."""
        return {**self.shown(session, state, message), self.result_image: None, self.preview: None,
                self.candidates: gr.update(visible=False, value=None), self.downloads: None}

    def with_result(self, session: Session, state: PromptState, message: str, before: PromptState = None,
                    picture: bool = True) -> dict:
        """``shown`` (see ``before`` there) plus the candidates and, with ``picture``, the
        Result picture (a click leaves it to a chained ``on_result_picture``), with the
        download files emptied (they were the previous result's)."""
        radio = gr.update(visible=False)
        if has_candidates(state):
            obj = state.result.objects[0]
            choices = [(f"Candidate {i + 1}: predicted IoU {s}" + (" (best)" if i == obj.best else ""), i)
                       for i, s in enumerate(score_texts(obj.scores))]
            radio = gr.update(visible=True, choices=choices, value=state.choices[0], info=CANDIDATE_HELP)
        elif before is not None and not has_candidates(before):
            radio = gr.skip()  # hidden already
        update = {**self.shown(session, state, message, before), self.candidates: radio, self.downloads: None}
        if picture:
            update[self.result_image] = self.on_result_picture(session, state)
        return update

    def on_result_picture(self, session: Session, state: PromptState):
        """After a change of result: the Result picture (masks with their scores), or none."""
        if state.result is None or session.image is None:
            return None
        try:
            return self.shared.outputs.result_file(state, self.shared.image(session))
        except SamAppError:
            return None  # the image left the store: the next event says so

    def image_shown(self, session: Session) -> dict:
        """A new image (or none): a fresh prompt and its canvas, clicks adding foreground
        points again (a background or box mode left from the last image would surprise)."""
        return {**self.cleared(session, PromptState()), self.mode: FOREGROUND_MODE}

    def model_changed(self, session: Session, state: PromptState) -> dict:
        """Another model: the prompt stays, its result goes (it was the other model's)."""
        state = copy.copy(state)
        state.reset_result()
        return self.cleared(session, state)
