"""The Project mode's per-tab state and the pure logic on it: no Gradio import, no
database. The tab shows one image of a project: its saved objects (as the database
had them at ``version``) and a *draft*, the Prompt mode's state it extends: clicks,
boxes and text make the draft's objects, Accept adds them to the saved ones (or puts
the one being refined back in its place). Coordinates are (X, Y) image pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Tuple

import numpy as np

from ..images import ImageRef
from ..projects.records import ClassRecord, ImageRecord, ObjectRecord
from .prompt_state import PromptState

STATUS_LABELS = {"todo": "To do", "in_progress": "In progress", "done": "Done", "reviewed": "Reviewed"}


@dataclass
class ProjectState(PromptState):
    """project: the project's name in the server's library (None: none open); image_id,
    path, size (H, W; None when the file cannot be read), version (the database's, as
    last read), saved (its objects as saved), status, note, can_redo, flag (what is wrong with the
    file: moved or changed, else ""), image_ref (the file loaded); editing: the index of the saved object the draft
    refines (None: the draft makes new objects); selected: the object picked in the list
    or on the image; class_id: the class new objects get; filters: the image list's
    (status, class id, search) as the tab last listed it."""

    project: Optional[str] = None
    image_id: Optional[int] = None
    path: str = ""
    size: Optional[Tuple[int, int]] = None
    version: int = 0
    saved: Tuple[ObjectRecord, ...] = ()
    status: str = "todo"
    note: str = ""
    can_redo: bool = False
    flag: str = ""
    image_ref: Optional[ImageRef] = None
    editing: Optional[int] = None
    selected: Optional[int] = None
    class_id: Optional[int] = None
    filters: tuple = ("", 0, "")

    def showing(self, record: ImageRecord, image_ref: Optional[ImageRef] = None, flag: str = "") -> "ProjectState":
        """A fresh state (no draft) on the saved ``record``, keeping the project and class;
        ``image_ref``: its file loaded (None: not readable), ``flag``: see the class."""
        size = (record.height, record.width) if record.width else None
        return ProjectState(project=self.project, image_id=record.id, path=record.path, size=size, flag=flag,
                            image_ref=image_ref, class_id=self.class_id).reloaded(record)

    def reloaded(self, record: ImageRecord) -> "ProjectState":
        """This state with the saved side as ``record`` has it (the draft kept; a selection
        or refinement that points past the objects dropped)."""
        state = replace(self, version=record.version, saved=tuple(record.objects), status=record.status,
                        note=record.note, can_redo=record.redo)
        if state.selected is not None and state.selected >= len(state.saved):
            state.selected = None
        if state.editing is not None and state.editing >= len(state.saved):
            state.editing = None
        return state

    # ---------------------------------------------------------------- the draft

    def draft_records(self, class_of: Dict[str, int]) -> List[ObjectRecord]:
        """The draft's objects (their picked candidates) as records: each of the class
        picked, or, for an instance a text prompt found, the class its phrase names when
        one does (``class_of``: class name -> id)."""
        if self.result is None:
            return []
        records = []
        for obj, choice in zip(self.result.objects, self.choices):
            found = self.instance(obj.prompt)
            prompt = obj.prompt
            source = "edited" if obj.source == "edited" else "text" if found is not None \
                else "box" if prompt.box is not None and not len(prompt.points) else "click"
            class_id = class_of.get(found.phrase, self.class_id) if found is not None else self.class_id
            score = float(obj.scores[choice]) if found is None else float(found.score)
            given = {"points": prompt.points.tolist(), "labels": prompt.labels.tolist(),
                     "box": None if prompt.box is None else np.asarray(prompt.box).reshape(-1).tolist()}
            records.append(ObjectRecord.from_mask(obj.mask(choice), class_id, source,
                                                  score=None if score != score else score, prompt=given))
        return records

    def accepted(self, class_of: Dict[str, int]) -> List[ObjectRecord]:
        """The saved objects with the draft applied: the refined object replaced by the
        draft's first (the rest appended), or the draft's objects appended."""
        new = [r for r in self.draft_records(class_of) if r.area > 0]
        objects = list(self.saved)
        if self.editing is not None and new:
            objects[self.editing] = replace(new[0], source="edited", proposal=False)
            new = new[1:]
        return objects + new

    # ---------------------------------------------------------------- the saved objects

    def object_at(self, x: float, y: float) -> Optional[int]:
        """The smallest visible saved object covering pixel (X, Y), or None."""
        if self.size is None:
            return None
        height, width = self.size
        col, row = int(min(max(x, 0), width - 1)), int(min(max(y, 0), height - 1))
        best = None
        for k, o in enumerate(self.saved):
            bx, by, bw, bh = o.bbox
            if o.hidden or not (bx <= col < bx + bw and by <= row < by + bh):
                continue
            if o.mask(height, width)[row, col] and (best is None or o.area < self.saved[best].area):
                best = k
        return best

    def rows(self, classes: List[ClassRecord]) -> List[list]:
        """The object list: number, class, source, area, what it is (proposal, hidden)."""
        names = {c.id: c.name for c in classes}
        rows = []
        for k, o in enumerate(self.saved):
            marks = [m for m, on in (("proposal", o.proposal), ("hidden", o.hidden), ("selected", k == self.selected),
                                     ("refining", k == self.editing)) if on]
            rows.append([k + 1, names.get(o.class_id, "(no class)"), o.source, o.area, ", ".join(marks)])
        return rows
