"""The Project mode's saved changes (part of ``ProjectMode``): Accept, the object list's
Set class / Hide / Delete / Accept every proposal, Undo and Redo of saves, status and
note. Each is one transaction checked against the version the tab last read; a change
someone else's save made stale is refused (who and when), and the tab then shows the
image as it now is, its draft kept."""

from __future__ import annotations

import copy
from dataclasses import replace

import gradio as gr

from ..errors import SamAppError
from ..projects import ConflictError, ProjectError
from .common import shows_errors, unchanged
from .project_state import STATUS_LABELS, ProjectState
from .state import Session


class ProjectEdits:
    """Handlers of saved changes; expects the Project mode (``project``, ``refreshed``,
    ``author``, ``classes``)."""

    @staticmethod
    def selected(state: ProjectState) -> int:
        if state.selected is None or state.selected >= len(state.saved):
            raise SamAppError("Select an object first: a row of the object list, or click it with 'Select an "
                              "object'.")
        return state.selected

    # ------------------------------------------------------------ saved changes

    def save(self, view: Session, state: ProjectState, change, message: str, keep_draft: bool = True) -> dict:
        """Run ``change(project, state)`` (a saved change, returning the image as saved);
        the tab then shows it. A change someone else's save made stale is refused: the tab
        shows the image as it now is, the draft kept."""
        project = self.project(state)
        if state.image_id is None:
            raise SamAppError("No image to work on: pick a project and an image.")
        try:
            record = change(project, state)
        except ConflictError as exc:
            state = copy.copy(state).reloaded(project.image(state.image_id))
            return self.refreshed(view, state, self.shared.error_text(exc), saved=True)
        if keep_draft:
            state = copy.copy(state).reloaded(record)
        else:
            state = replace(state.showing(record, state.image_ref, state.flag), filters=state.filters)
        return self.refreshed(view, state, message, saved=True, draft=keep_draft)

    @shows_errors
    def on_accept(self, view: Session, state: ProjectState, request: gr.Request = None) -> dict:
        """The draft's objects saved (the one being refined put back in its place); with no
        draft, the selected proposal accepted."""
        author = self.author(request)
        classes = {c.name: c.id for c in self.classes(state)}
        if state.result is None:
            k = self.selected(state) if state.selected is not None else None
            if k is None or not state.saved[k].proposal:
                raise SamAppError("Nothing to accept: click the image to outline an object first (or select a "
                                  "proposal).")
            return self.change_objects(view, state, author, lambda o, i: o.accepted() if i == k else o,
                                       f"Proposal {k + 1} accepted.")
        objects = state.accepted(classes)
        added = len(objects) - len(state.saved)
        status = "in_progress" if state.status == "todo" else None

        def change(project, current):
            return project.save(current.image_id, objects, current.version, author, status=status)

        what = f"Object {state.editing + 1} saved" if state.editing is not None else f"{added} object(s) saved"
        return self.save(view, state, change, f"{what} ({len(objects)} on this image).", keep_draft=False)

    def change_objects(self, view: Session, state: ProjectState, author: str, edit, message: str) -> dict:
        objects = [edit(o, k) for k, o in enumerate(state.saved)]
        objects = [o for o in objects if o is not None]
        return self.save(view, state, lambda p, s: p.save(s.image_id, objects, s.version, author), message)

    @shows_errors
    def on_object(self, change: str, view: Session, state: ProjectState, request: gr.Request = None) -> dict:
        """Set class / Hide / Delete on the selected object, or accept every proposal."""
        author = self.author(request)
        if change == "proposals":
            count = sum(o.proposal for o in state.saved)
            if not count:
                raise SamAppError("No proposal on this image.")
            return self.change_objects(view, state, author, lambda o, k: o.accepted(),
                                       f"{count} proposal(s) accepted.")
        k = self.selected(state)
        if change == "delete":
            state = copy.copy(state)
            state.selected = None
            return self.change_objects(view, state, author, lambda o, i: None if i == k else o,
                                       f"Object {k + 1} deleted (Undo save brings it back).")
        if change == "hide":
            shown = state.saved[k].hidden
            return self.change_objects(view, state, author,
                                       lambda o, i: o.with_changes(hidden=not o.hidden) if i == k else o,
                                       f"Object {k + 1} {'shown' if shown else 'hidden'}.")
        names = {c.id: c.name for c in self.classes(state)}
        return self.change_objects(view, state, author,
                                   lambda o, i: o.with_changes(class_id=state.class_id, proposal=False) if i == k
                                   else o, f"Object {k + 1} is now {names.get(state.class_id, '?')}.")

    @shows_errors
    def on_history(self, step: int, view: Session, state: ProjectState, request: gr.Request = None) -> dict:
        """Undo save / Redo save: the image's previous or next saved state, as a save."""
        author = self.author(request)
        try:
            return self.save(view, state, lambda p, s: (p.undo if step < 0 else p.redo)(s.image_id, s.version, author),
                             "Undone: the image is as it was before its last save." if step < 0 else "Redone.")
        except ProjectError as exc:
            raise SamAppError(f"{str(exc).capitalize()} on this image.") from None

    @shows_errors
    def on_status(self, status, view: Session, state: ProjectState, request: gr.Request = None) -> dict:
        author = self.author(request)
        return self.save(view, state, lambda p, s: p.set_status(s.image_id, status, s.version, author),
                         f"{state.path}: {STATUS_LABELS.get(status, status)}.")

    @shows_errors
    def on_note(self, note, view: Session, state: ProjectState, request: gr.Request = None) -> dict:
        if (note or "") == state.note or state.image_id is None:
            return unchanged()
        author = self.author(request)
        return self.save(view, state, lambda p, s: p.set_status(s.image_id, s.status, s.version, author, note or ""),
                         "Note saved.")
