"""The Project mode's layout and what its handlers show (``ProjectMode`` is made of this
and the Prompt mode it extends: the same clicks, boxes and text, on its own canvas)."""

from __future__ import annotations

import threading
from typing import List, Optional

import gradio as gr
from cachetools import LRUCache

from ..backends.base import resize_mask
from ..images import LoadedImage
from ..limits import LIMITS
from ..projects.records import ClassRecord
from ..projects.schema import STATUSES
from .common import key_listener
from .outputs import canvas_object
from .project_state import STATUS_LABELS, ProjectState
from .prompt_state import BACKGROUND_MODE, BOX_MODE, FOREGROUND_MODE
from .state import mask_size

SELECT_MODE = "Select an object"
PROJECT_MODES = (FOREGROUND_MODE, BACKGROUND_MODE, BOX_MODE, SELECT_MODE)
LISTED = 200  # rows of the image list shown at once (a search or a filter finds the rest)
SAVED_PICTURES = 4  # pictures of saved objects kept (one per image and version)
KEYS = """() => {
  if (window.samProjectKeys) return;
  window.samProjectKeys = true;
  LISTENER
}""".replace("LISTENER", key_listener("project-canvas", """
    // Enter on a focused button or table cell is that button's (the canvas's own button aside)
    if (event.key === 'Enter' && target && target.closest('button, a, [role=gridcell]')
        && !target.closest('#project-canvas')) return;
    if (/^[1-9]$/.test(event.key)) {
      const options = document.querySelectorAll('#project-class input[type=radio]');
      const option = options[Number(event.key) - 1];
      if (option) { option.click(); event.preventDefault(); }
    } else if (event.key === 'a' || event.key === 'Enter') press('project-accept');
    else if (event.key === 'n') press('project-next');
    else if (event.key === 'p') press('project-previous');
    else if (event.key === 'u') press('project-next-unfinished');
    else if (event.key === 'Escape') press('project-clear');"""))
HELP = ("Click the image to outline an object, pick its class (keys 1-9), then **Accept** (A or Enter): it is saved at "
        "once. N / P: next / previous image, U: next unfinished, Esc: clear the draft.")


class ProjectView:
    """Components (``build``) and the pictures and lists handlers show. Expects the
    Prompt mode's view (``PromptView``) beside it."""

    elem_prefix = "project-"
    # N is the next image here, Esc clears the draft
    new_object_label = "New object"
    shortcuts = (("1 - 9", "the class of the object"), ("A / Enter", "accept the object (saved at once)"),
                 ("N / P", "next / previous image"), ("U", "next unfinished image"), ("Esc", "clear the draft"))
    objects_help = ("Clicks add to the current object; a click inside a box refines that box's object. **New object** "
                    "begins another.")

    @property
    def session_input(self):
        return self.view

    def build(self) -> None:
        self.state_component()
        self.view = gr.State(None, time_to_live=LIMITS.session_ttl or None)
        self._pictures: LRUCache = LRUCache(SAVED_PICTURES)
        self._pictures_lock = threading.Lock()
        names = self.shared.projects.names() if self.shared.projects else []
        with gr.Row(equal_height=True):
            self.project_pick = gr.Dropdown(names, value=None, label="Project", elem_id="project-pick")
            self.heading = gr.Markdown(self.no_project_text(), elem_id="project-title")
        self.last_project = gr.BrowserState("", storage_key="sam_app_project")
        with gr.Row():
            with gr.Column(scale=1, min_width=320):
                self.build_list()
            with gr.Column(scale=3):
                self.build_canvas(show_label=False)
                self.own_message()  # under the canvas, beside the work
                self.build_candidates()
                self.class_pick = gr.Radio([], label="Class of new objects (keys 1-9)", elem_id="project-class")
                with gr.Row():
                    self.accept = gr.Button("Accept (A)", variant="primary", elem_id="project-accept")
                    self.build_history(undo="Undo click", clear="Clear draft (Esc)")
                with gr.Row():
                    self.undo_saved = gr.Button("Undo save", elem_id="project-undo-saved")
                    self.redo_saved = gr.Button("Redo save", elem_id="project-redo-saved")
                gr.Markdown(HELP)
            with gr.Column(scale=2):
                self.build_image_panel()
                with gr.Accordion("Prompt tools", open=False):
                    self.build_tools(PROJECT_MODES, run_buttons=True)
        self.build_prelabel()
        with gr.Accordion("Preview and downloads of the draft", open=False):
            self.build_results()
            self.build_downloads()

    def build_list(self) -> None:
        self.status_filter = gr.Dropdown([("All images", "")] + [(STATUS_LABELS[s], s) for s in STATUSES], value="",
                                         label="Show", elem_id="project-status-filter")
        self.class_filter = gr.Dropdown([("Any class", 0)], value=0, label="Holding", elem_id="project-class-filter")
        self.search = gr.Textbox(label="Name contains", elem_id="project-search")
        self.image_table = gr.Dataframe(headers=["id", "image", "status", "objects"], interactive=False,
                                        max_height=420, elem_id="project-images", wrap=True,
                                        column_widths=["11%", "39%", "32%", "18%"])
        with gr.Row():
            self.previous = gr.Button("◀ Prev (P)", elem_id="project-previous", min_width=120)
            self.next = gr.Button("Next (N) ▶", elem_id="project-next", min_width=120)
        self.next_unfinished = gr.Button("Next unfinished (U)", elem_id="project-next-unfinished")

    def build_image_panel(self) -> None:
        self.status = gr.Radio([(STATUS_LABELS[s], s) for s in STATUSES], value="todo", label="Status of this image",
                               elem_id="project-status")
        self.note = gr.Textbox(label="Note (saved when you leave the field)", lines=2, elem_id="project-note")
        self.object_table = gr.Dataframe(headers=["#", "class", "source", "area", ""], interactive=False,
                                         max_height=320, elem_id="project-objects")
        with gr.Row():
            self.set_class = gr.Button("Set class", elem_id="project-set-class", min_width=60)
            self.refine = gr.Button("Refine", elem_id="project-refine", min_width=60)
            self.hide = gr.Button("Hide / show", elem_id="project-hide", min_width=60)
            self.delete = gr.Button("Delete", variant="stop", elem_id="project-delete", min_width=60)
        self.accept_proposals = gr.Button("Accept every proposal", elem_id="project-accept-proposals")

    # ------------------------------------------------------------ lists and text

    def no_project_text(self) -> str:
        if not self.shared.projects:
            return ("No project on this server. Make one with `sam-app project create DIR --images IMAGES "
                    "--classes a,b`, then start the web UI with `--project DIR` (or `--projects-dir` for several).")
        return "Pick a project."

    @staticmethod
    def class_choices(classes: List[ClassRecord]):
        return [(f"{c.key} {c.name}" if c.key else c.name, c.id) for c in classes]

    def title_text(self, state: ProjectState, count: Optional[str] = None) -> str:
        """The image's name, place in the list, status, who saved it last, and its flag."""
        if state.image_id is None:
            return "This project has no image to show." if state.project else self.no_project_text()
        size = f" ({state.size[1]}x{state.size[0]})" if state.size else ""
        parts = [f"**{state.path}**{size}", STATUS_LABELS[state.status], f"{len(state.saved)} object(s)"]
        if count:
            parts.insert(1, count)
        flag = f"\n\n⚠ {state.flag}" if state.flag else ""
        return " · ".join(parts) + flag

    # ------------------------------------------------------------ pictures

    def canvas_picture(self, state: ProjectState, image: Optional[LoadedImage], preview: Optional[dict] = None,
                       outline: bool = False):
        """The canvas's value: the saved objects (class colours, numbered) under the draft
        and its prompt."""
        if image is None:
            return self.shared.outputs.canvas_value(state, None, message=self.no_project_text())
        return self.shared.outputs.canvas_value(state, image, base=self.saved_objects(state, image), preview=preview,
                                                outline=outline)

    def saved_objects(self, state: ProjectState, image: LoadedImage) -> list:
        """The visible saved objects as the canvas draws them (``Outputs.canvas_value``'s
        ``base``: masks at display size as runs, class colours, labels), kept per image,
        version, selection and refinement."""
        key = (image.digest, state.project, state.image_id, state.version, state.selected, state.editing)
        with self._pictures_lock:
            objects = self._pictures.get(key)
        if objects is not None:
            return objects
        size = mask_size(image)
        classes = {c.id: c for c in self.classes(state)}
        objects = []
        for k, o in enumerate(state.saved):
            if o.hidden or k == state.editing:
                continue
            name = ("▶ " if k == state.selected else "") + f"{k + 1} " + (
                classes[o.class_id].name if o.class_id in classes else "?") + (" ?" if o.proposal else "")
            colour = _rgb(classes[o.class_id].colour) if o.class_id in classes else (128, 128, 128)
            objects.append(canvas_object(resize_mask(o.mask(image.height, image.width), size), colour, label=name,
                                         at=o.bbox[:2]))
        with self._pictures_lock:
            self._pictures[key] = objects
        return objects


def table(listed, current: Optional[int]) -> list:
    """The image list's rows (the first ``LISTED``), the current image marked."""
    return [[i.id, ("▶ " if i.id == current else "") + i.path, STATUS_LABELS[i.status],
             f"{i.objects}" + (f" ({i.proposals} proposed)" if i.proposals else "")] for i in listed[:LISTED]]


def _rgb(colour: str):
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
