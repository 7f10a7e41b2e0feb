"""Modes as plug-ins: each tab of the web UI is one ``Mode`` (a module implementing this
small protocol), listed once in ``BUILTIN``; a mode outside the project is named in
``SAM_APP_MODES`` (comma-separated ``module:Class``) or exposed as an entry point in the
``sam_app.modes`` group, and appears as a tab with no file of the project edited.

A mode has a title (its tab) and an id; ``build`` lays it out inside its tab, with its
own per-tab state (``self.state``, made by ``state_component``); ``wire`` connects its
events once every mode is built (``App`` gives the shared parts, the other modes by id,
the tabs and the event settings). The app tells every mode when the tab's shared image
or model changes (``image_shown``, ``model_changed``): each returns the updates of its
own components (``reset_outputs``).
"""

from __future__ import annotations

import copy
import importlib
import os
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Dict, List, Optional, Type

import gradio as gr

from ..errors import SamAppError, shorten
from ..limits import LIMITS
from .common import Shared, message_line
from .state import Session

BUILTIN = ("sam_app.ui.prompt:PromptMode", "sam_app.ui.everything:EverythingMode", "sam_app.ui.batch:BatchMode",
           "sam_app.ui.project:ProjectMode", "sam_app.ui.video:VideoMode")


@dataclass(frozen=True)
class Events:
    """Event settings (``gr`` keyword arguments) for: model_work (queued, bounded by the
    model slots), light (UI-only work), instant (UI-only work of a few milliseconds: off
    the queue, no progress overlay; docs/performance.md says why)."""

    model_work: dict
    light: dict
    instant: dict


class Mode:
    """One tab. Subclasses set ``id`` and ``title`` and implement ``build`` and ``wire``;
    the hooks have defaults that change nothing."""

    id = "mode"
    title = "Mode"

    def __init__(self, shared: Shared):
        self.shared = shared
        self.state = None  # this mode's own gr.State, when it has one

    def new_state(self):
        """This mode's per-tab state when the tab opens or its image changes (None: none)."""
        return None

    def state_component(self):
        """A gr.State of ``new_state()`` that lets go of a tab's value ``session_ttl`` after
        its last change (and an hour after the tab closes), heartbeat or not."""
        self.state = gr.State(self.new_state(), time_to_live=LIMITS.session_ttl or None)
        return self.state

    def own_message(self) -> None:
        """This mode's message line, made here in its layout (beside its controls): its
        handlers' messages (``self.shared.message``) show there, not in the page's header."""
        self.shared = copy.copy(self.shared)
        self.shared.message = message_line(f"{self.id}-message")

    def preferred(self) -> bool:
        """Whether the page opens on this mode's tab (the first mode that says so; else the first tab)."""
        return False

    def build(self) -> None:
        """The layout, inside the mode's tab."""
        raise NotImplementedError

    def wire(self, app: "App") -> None:
        """Connect the events."""

    @property
    def reset_outputs(self) -> list:
        """What ``image_shown`` and ``model_changed`` may update."""
        return [self.state] if self.state is not None else []

    def image_shown(self, session: Session) -> dict:
        """The tab's image changed (``session.image``, None for none): this mode's fresh
        state and the updates of its components (a message among them is overridden)."""
        return {self.state: self.new_state()} if self.state is not None else {}

    def model_changed(self, session: Session, state) -> dict:
        """The tab's model changed (``session.model``); ``state``: this mode's own (None
        without one). What this mode updates (default: nothing)."""
        return {}


@dataclass
class App:
    """What a mode's ``wire`` may use: shared, the modes by id, the gr.Tabs, events, and
    the page (the gr.Blocks: its ``load`` event runs when a browser opens or reloads it)."""

    shared: Shared
    modes: Dict[str, Mode]
    tabs: gr.Tabs
    events: Events
    page: Optional[gr.Blocks] = None

    def mode(self, mode_id: str) -> Mode:
        return self.modes[mode_id]


def mode_classes() -> List[Type[Mode]]:
    """The built-in modes, then those named in ``SAM_APP_MODES``, then entry points of the
    ``sam_app.modes`` group; one per id (the first wins)."""
    names = [*BUILTIN, *filter(None, (m.strip() for m in os.environ.get("SAM_APP_MODES", "").split(",")))]
    classes = [_load(name) for name in names]
    classes += [entry.load() for entry in entry_points(group="sam_app.modes")]
    unique: Dict[str, Type[Mode]] = {}
    for cls in classes:
        unique.setdefault(cls.id, cls)
    return list(unique.values())


def _load(name: str) -> Type[Mode]:
    module, _, attribute = name.partition(":")
    try:
        cls = getattr(importlib.import_module(module), attribute or "Mode")
    except (ImportError, AttributeError) as exc:
        raise SamAppError(f"SAM_APP_MODES names {shorten(name)}, which cannot be loaded ({exc}); expected "
                          "module:Class of a web UI mode") from None
    if not (isinstance(cls, type) and issubclass(cls, Mode)):
        raise SamAppError(f"SAM_APP_MODES names {shorten(name)}, which is not a sam_app.ui.modes.Mode")
    return cls
