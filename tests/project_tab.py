"""One browser tab on the Project mode, for tests and benchmarks (no pytest here): the
values Gradio keeps for it, its handlers called with them as the page wires them, their
updates kept."""

import types

from sam_app.ui.prompt_state import FOREGROUND_MODE
from sam_app.ui.state import Session


def click(x, y):
    return types.SimpleNamespace(index=(x, y))


def row(*values):
    return types.SimpleNamespace(row_value=list(values))


def person(name):
    return types.SimpleNamespace(username=name)


class ProjectTab:
    """One browser tab on the Project mode: the values Gradio keeps for it, handlers
    called with them as the page wires them, updates kept."""

    def __init__(self, ui, user=None):
        self.ui, self.mode, self.request = ui, ui.project, person(user) if user else None
        self.values = {ui.shared.session: Session(), self.mode.state: self.mode.new_state(), self.mode.view: None}

    @property
    def state(self):
        return self.values[self.mode.state]

    @property
    def view(self):
        return self.values[self.mode.view]

    @property
    def message(self) -> str:
        return self.values.get(self.mode.shared.message, "")

    def keep(self, update: dict) -> dict:
        self.values.update(update)
        return update

    def open(self, last=""):
        return self.keep(self.mode.on_page(self.values[self.ui.shared.session], self.state, last, self.request))

    def step(self, step=1, unfinished=False, filters=("", 0, "")):
        return self.keep(self.mode.on_step(step, unfinished, *filters, self.values[self.ui.shared.session],
                                           self.view, self.state, self.request))

    def click(self, x, y, mode=FOREGROUND_MODE):
        return self.keep(self.mode.on_click(mode, True, False, self.view, self.state, click(x, y)))

    def pick_class(self, name):
        class_id = {c.name: c.id for c in self.mode.classes(self.state)}[name]
        return self.keep(self.mode.on_class(class_id, self.values.get(self.mode.text, ""), self.state))

    def accept(self):
        return self.keep(self.mode.on_accept(self.view, self.state, self.request))

    def select(self, number):
        return self.keep(self.mode.on_pick_object(self.view, self.state, row(number)))

    def change(self, what):
        return self.keep(self.mode.on_object(what, self.view, self.state, self.request))

    def history(self, step):
        return self.keep(self.mode.on_history(step, self.view, self.state, self.request))

    def set_status(self, value):
        return self.keep(self.mode.on_status(value, self.view, self.state, self.request))

    def refine(self):
        return self.keep(self.mode.on_refine(self.view, self.state))

    def clear(self):
        return self.keep(self.mode.on_clear(self.view, self.state))
