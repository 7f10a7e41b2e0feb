"""The Project mode: label a project's images with classes, saved as you go.

The tab shows one image of a project (the server's ``Library`` says which projects it
may open) with its saved objects; clicks, boxes and text make a draft (the Prompt
mode's workflow, which this mode extends), Accept saves it, and every other change (a
class, a deletion, hiding, the status, the note, Undo and Redo of saves) is saved at
once, each one transaction checked against the version the tab last read: when someone
else saved the image meanwhile, the change is refused with who and when, and the tab
shows the image as it now is. Reopening the page goes back to the image the person was
on. While a person works, the next images are encoded in the background.

Handlers take the tab's shared ``Session`` (for the model picked) or this mode's view
``Session`` (its image), and its ``ProjectState``; they return ``{component: value}``.
The mode is made of ``project_view`` (layout, pictures), ``project_edits`` (saved
changes), ``project_jobs`` (the pre-label panel) and this module (opening, moving,
picking, refining).
"""

from __future__ import annotations

import copy
import hashlib
import os
import threading
from functools import partial
from pathlib import Path
from typing import Optional

import gradio as gr
from cachetools import LRUCache

from ..errors import SamAppError, shorten
from ..files import read_bytes
from ..projects import Project
from ..projects.store import following
from .common import shows_errors, unchanged
from .modes import App
from .project_edits import ProjectEdits
from .project_jobs import ProjectJobs
from .project_state import ProjectState
from .project_view import KEYS, SELECT_MODE, ProjectView, table
from .prompt import PromptMode
from .state import Session, to_image_pixels

LOCAL_AUTHOR = "local"  # who saves without --auth


class ProjectMode(ProjectEdits, ProjectJobs, ProjectView, PromptMode):
    """Components (``ProjectView``), the Prompt mode's handlers on the draft, and these."""

    id = "project"
    title = "Project"

    def new_state(self) -> ProjectState:
        return ProjectState()

    def preferred(self) -> bool:
        """A server started with projects opens on this tab."""
        return bool(self.shared.projects)

    def wire(self, app: App) -> None:
        PromptMode.wire(self, app)  # clicks, boxes, text, Undo click, Clear draft: on the draft
        s, events = self.shared, app.events
        self._hashes: LRUCache = LRUCache(4096)  # (path, size, mtime) -> sha256 of the file
        self._hashes_lock = threading.Lock()
        out = self.all_outputs
        filters = [self.status_filter, self.class_filter, self.search]
        here = [s.session, self.view, self.state]
        self.project_pick.input(self.on_project, [self.project_pick, *here], out, **events.model_work)
        for event in (self.status_filter.input, self.class_filter.input, self.search.submit):
            event(self.on_filter, [*filters, self.state], [self.state, self.heading, self.image_table, s.message],
                  **events.light)
        for button, step, unfinished in ((self.previous, -1, False), (self.next, 1, False),
                                         (self.next_unfinished, 1, True)):
            button.click(partial(self.on_step, step, unfinished), [*filters, *here], out, **events.model_work)
        self.image_table.select(self.on_pick_image, [*filters, *here], out, **events.model_work)
        self.class_pick.input(self.on_class, [self.class_pick, self.text, self.state],
                              [self.state, self.text, s.message], **events.instant)
        self.accept.click(self.on_accept, [self.view, self.state], out, **events.light)
        self.undo_saved.click(partial(self.on_history, -1), [self.view, self.state], out, **events.light)
        self.redo_saved.click(partial(self.on_history, 1), [self.view, self.state], out, **events.light)
        self.status.input(self.on_status, [self.status, self.view, self.state], out, **events.light)
        for event in (self.note.blur, self.note.submit):
            event(self.on_note, [self.note, self.view, self.state], out, **events.light)
        self.object_table.select(self.on_pick_object, [self.view, self.state], out, **events.instant)
        for button, change in ((self.set_class, "class"), (self.hide, "hide"), (self.delete, "delete"),
                               (self.accept_proposals, "proposals")):
            button.click(partial(self.on_object, change), [self.view, self.state], out, **events.light)
        self.refine.click(self.on_refine, [self.view, self.state], out, **events.instant)
        self.wire_prelabel(events)
        if app.page is not None:
            app.page.load(self.on_page, [s.session, self.state, self.last_project], out, js=KEYS,
                          **events.model_work)

    @property
    def all_outputs(self) -> list:
        """Every component a project handler may update."""
        return list(dict.fromkeys([
            self.state, self.view, self.shared.message, self.canvas, self.prompt_list, self.instances,
            self.candidates, self.result_image, self.preview, self.downloads, self.project_pick, self.heading,
            self.image_table, self.class_pick, self.class_filter, self.object_table, self.status, self.note,
            self.text, self.last_project, self.job_list]))

    @property
    def edit_outputs(self) -> list:
        return PromptMode.edit_outputs.fget(self) + [self.object_table, self.heading]

    # ------------------------------------------------------------ where things are

    def project(self, state: ProjectState) -> Project:
        if state.project is None:
            raise SamAppError("Pick a project first.")
        return self.shared.projects.open(state.project)

    def classes(self, state: ProjectState):
        return self.project(state).classes() if state.project else []

    @staticmethod
    def author(request: Optional[gr.Request]) -> str:
        """Who saves: the logged-in user (``--auth``), else LOCAL_AUTHOR."""
        return getattr(request, "username", None) or LOCAL_AUTHOR

    def need_image(self, session: Session) -> None:
        if session is None or session.image is None:
            raise SamAppError("No image to work on: pick a project and an image (one that can be read).")

    def open_image(self, project: Project, record):
        """(the image loaded, or None, and what is wrong with its file, or ""): a file that
        moved or cannot be read is flagged, not fatal; one whose bytes changed since it was
        added is shown, flagged."""
        try:
            path = project.image_file(record)
            info = os.stat(path)
            key = (str(path), info.st_size, info.st_mtime_ns)
            with self._hashes_lock:
                digest = self._hashes.get(key)
            if digest is None:
                digest = hashlib.sha256(read_bytes(path, record.path, what="image file")).hexdigest()
                with self._hashes_lock:
                    self._hashes[key] = digest
            image = self.shared.service.load_image(str(path), content_key=digest)
        except (SamAppError, OSError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return None, (f"{record.path} cannot be shown ({self.shared.public(shorten(why, 200, quote=False))}): "
                          "it moved, was deleted or cannot be read; `sam-app project check` lists every such image")
        if digest != record.sha256:
            return image, (f"{record.path} changed since it was added to the project: its saved objects may no "
                           "longer fit it")
        return image, ""

    # ------------------------------------------------------------ showing an image

    def show(self, project: Project, record, state: ProjectState, model: Optional[str], author: str,
             message: str = "", filters=("", 0, ""), listed=None) -> dict:
        """``record`` in the tab: its file loaded and encoded (a cache hit when prefetched),
        the person's place saved, the next images handed to the prefetcher; ``listed``:
        the image list as ``filters`` filter it, when the caller has it."""
        image, flag = self.open_image(project, record)
        state = state.showing(record, flag=flag)
        state.filters = tuple(filters)
        view = Session(image=None, image_name=Path(record.path).name, model=model)
        if image is not None:
            try:
                self.shared.holdings.check()
                view.image = state.image_ref = self.shared.service.image_ref(image)
                with self.shared.activity.working():  # the prefetcher waits: this image first
                    self.shared.service.embedding(image, model)
            except SamAppError as exc:
                message = (message + " " if message else "") + self.shared.error_text(exc)
        project.set_place(author, record.id)
        listed = project.image_list(*self.filter_values(filters)) if listed is None else listed
        self.prefetch(project, listed, record.id, model)
        return {**self.cleared(view, state, message), self.view: view, **self.listing(state, listed),
                **self.saved_side(state)}

    def listing(self, state: ProjectState, listed=None) -> dict:
        """The title (with the image's place in the list) and the image list, as the
        state's filters have it (``listed``: the list, when the caller has it)."""
        if listed is None:
            listed = self.project(state).image_list(*self.filter_values(state.filters)) if state.project else []
        position = next((k for k, i in enumerate(listed) if i.id == state.image_id), None)
        count = f"image {position + 1} of {len(listed)}" if position is not None else f"{len(listed)} listed"
        return {self.heading: self.title_text(state, count), self.image_table: table(listed, state.image_id)}

    def saved_side(self, state: ProjectState) -> dict:
        return {self.object_table: state.rows(self.classes(state)), self.status: state.status, self.note: state.note}

    def refreshed(self, view: Session, state: ProjectState, message: str, saved: bool = False,
                  draft: bool = True) -> dict:
        """After a pick (or a save, ``saved``: the image list and the title too; without
        the ``draft``: its candidates and pictures emptied): the canvas and the lists."""
        shown = self.shown(view, state, message) if draft else self.cleared(view, state, message)
        if not saved:
            return {**shown, **self.saved_side(state)}
        return {**shown, **self.saved_side(state), **self.listing(state)}

    def prefetch(self, project: Project, listed, image_id: int, model: Optional[str]) -> None:
        """The images after ``image_id`` in ``listed`` (the list as shown) to the prefetcher."""
        ahead = following(listed, image_id, 1, self.shared.prefetcher.ahead)
        self.shared.prefetcher.ask([partial(self.warm, project, i, model) for i in ahead])

    def warm(self, project: Project, image_id: int, model: Optional[str]) -> None:
        image, _ = self.open_image(project, project.image(image_id))
        if image is not None:
            self.shared.service.embedding(image, model)

    @staticmethod
    def filter_values(filters):
        status, class_id, search = filters
        return status or None, int(class_id) if class_id else None, (search or "").strip() or None

    def opened(self, name: str, session: Session, state: ProjectState, author: str, message: str = "") -> dict:
        """Project ``name`` opened at the image ``author`` was last on (else the first)."""
        project = self.shared.projects.open(name)
        classes = project.classes()
        start = project.place(author)
        listed = project.image_list()
        if start is None or start not in {i.id for i in listed}:
            start = listed[0].id if listed else None
        fresh = ProjectState(project=name, class_id=classes[0].id if classes else None)
        update = {self.project_pick: gr.update(choices=self.shared.projects.names(), value=name),
                  self.last_project: name, self.job_list: self.job_text(fresh),
                  self.class_pick: gr.update(choices=self.class_choices(classes), value=fresh.class_id),
                  self.class_filter: gr.update(choices=[("Any class", 0)] + [(c.name, c.id) for c in classes],
                                               value=0),
                  self.text: classes[0].name if classes else ""}
        if start is None:
            return {**update, self.state: fresh, self.heading: self.title_text(fresh), self.image_table: [],
                    self.shared.message: message}
        shown = self.show(project, project.image(start), fresh, self.shared.model_name(session), author,
                          message or f"Project {name}: {len(listed)} images, at {project.image(start).path}.")
        return {**update, **shown}

    # ------------------------------------------------------------ opening and moving

    @shows_errors
    def on_page(self, session: Session, state: ProjectState, last: str = "", request: gr.Request = None) -> dict:
        """The page opened or reloaded: the project this browser had open last (``last``,
        kept in the browser), else the first, at the image the person was last on."""
        names = self.shared.projects.names() if self.shared.projects else []
        if not names:
            return {self.heading: self.no_project_text()}
        name = next((n for n in (state.project if state else None, last) if n in names), names[0])
        return self.opened(name, session, state, self.author(request))

    @shows_errors
    def on_project(self, name, session: Session, view: Session, state: ProjectState,
                   request: gr.Request = None) -> dict:
        return self.opened(name, session, state, self.author(request))

    @shows_errors
    def on_filter(self, status, class_id, search, state: ProjectState) -> dict:
        listed = self.project(state).image_list(*self.filter_values((status, class_id, search)))
        state = copy.copy(state)
        state.filters = (status, class_id, search)
        return {self.state: state, **self.listing(state, listed),
                self.shared.message: f"{len(listed)} image(s) listed" + (f", the first {len(table(listed, None))} "
                                                                         "shown" if len(listed) > 200 else "") + "."}

    @shows_errors
    def on_step(self, step: int, unfinished: bool, status, class_id, search, session: Session, view: Session,
                state: ProjectState, request: gr.Request = None) -> dict:
        """Previous / Next / Next unfinished, within the list as filtered."""
        project, filters = self.project(state), (status, class_id, search)
        listed = project.image_list(*self.filter_values(filters))
        target = following(listed, state.image_id, step, 1, unfinished)
        if not target:
            what = "unfinished image" if unfinished else "image"
            raise SamAppError(f"No other {what} in the list" + (" (Show: all images lists every one)."
                                                                 if status or class_id or search else "."))
        left = self.left_behind(state)
        return self.show(project, project.image(target[0]), state, self.shared.model_name(session),
                         self.author(request), left, filters, listed)

    @shows_errors
    def on_pick_image(self, status, class_id, search, session: Session, view: Session, state: ProjectState,
                      evt: gr.SelectData, request: gr.Request = None) -> dict:
        """A row of the image list picked: that image."""
        row = evt.row_value if evt is not None else None
        if not row:
            return unchanged()
        project = self.project(state)
        return self.show(project, project.image(int(row[0])), state, self.shared.model_name(session),
                         self.author(request), self.left_behind(state), (status, class_id, search))

    @staticmethod
    def left_behind(state: ProjectState) -> str:
        if state.result is None:
            return ""
        return f"The draft on {state.path} was not accepted and is gone ({len(state.result.objects)} object(s))."

    # ------------------------------------------------------------ the draft's class

    def on_class(self, class_id, text, state: ProjectState) -> dict:
        """The class of new objects (and of the object being refined); the text prompt
        follows it when it held the previous class's name."""
        classes = {c.id: c for c in self.classes(state)}
        if class_id not in classes:
            return unchanged()
        before = classes.get(state.class_id)
        state = copy.copy(state)
        state.class_id = class_id
        update = {self.state: state, self.shared.message: f"New objects: {classes[class_id].name}."}
        if not (text or "").strip() or (before is not None and text == before.name):
            update[self.text] = classes[class_id].name
        return update

    # ------------------------------------------------------------ clicks: the draft, or picking an object

    @shows_errors
    def on_click(self, mode, auto_run, multimask, session: Session, state: ProjectState, evt: gr.SelectData) -> dict:
        if mode != SELECT_MODE:
            return PromptMode.on_click(self, mode, auto_run, multimask, session, state, evt)
        self.need_image(session)
        x, y = to_image_pixels(session.image, evt.index)
        state = copy.copy(state)
        state.selected = state.object_at(x, y)
        what = "no object there" if state.selected is None else f"object {state.selected + 1} selected"
        return self.refreshed(session, state, what.capitalize() + ".")

    @shows_errors
    def on_pick_object(self, view: Session, state: ProjectState, evt: gr.SelectData) -> dict:
        row = evt.row_value if evt is not None else None
        if not row:
            return unchanged()
        state = copy.copy(state)
        state.selected = int(row[0]) - 1
        return self.refreshed(view, state, f"Object {state.selected + 1} selected.")

    @shows_errors
    def on_refine(self, view: Session, state: ProjectState) -> dict:
        """The selected object becomes the draft (its prompt, where it has one): clicks
        refine it, Accept puts it back in its place."""
        k = self.selected(state)
        obj = state.saved[k]
        state = copy.copy(state)
        state.clear()
        state.editing = k
        if obj.class_id is not None:
            state.class_id = obj.class_id
        prompt = obj.prompt or {}
        points = zip(prompt.get("points") or [], prompt.get("labels") or [])
        if prompt.get("box") or prompt.get("points"):
            state.add_object(prompt.get("box"), [(x, y, label) for (x, y), label in points])
        update = self.refreshed(view, state, f"Refining object {k + 1}: click to add points, then Accept.")
        if state.points or state.boxes:
            with self.shared.working():
                update = {**update, **self.run(view, state, multimask=False, picture=False)}
            update[self.shared.message] = f"Refining object {k + 1}: its prompt is the draft; click, then Accept."
        return {**update, self.class_pick: state.class_id}

    # ------------------------------------------------------------ the shared image and model

    def image_shown(self, session: Session) -> dict:
        """The tab's shared image changed: this mode shows its project's, untouched."""
        return {}

    def model_changed(self, session: Session, state: ProjectState) -> dict:
        """Another model: the draft's result goes (it was the other model's)."""
        view = Session(image=state.image_ref, image_name=Path(state.path).name, model=session.model)
        state = copy.copy(state)
        state.reset_result()
        return {**self.cleared(view, state), self.view: view}

    @property
    def reset_outputs(self) -> list:
        return PromptMode.reset_outputs.fget(self) + [self.view]
