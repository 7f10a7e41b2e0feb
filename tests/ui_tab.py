"""One browser tab over a UI built in a test (``build_ui``): the states Gradio would keep
for it, handlers called with them, their updates kept, as the page would."""

from sam_app.ui.state import Session

NO_PROGRESS = lambda *a, **k: None  # noqa: E731


class Tab:
    """ui: the built UI. ``values`` maps each state component (the shared session, each
    mode's own) to its current value."""

    def __init__(self, ui):
        self.ui = ui
        self.values = {ui.shared.session: Session()}
        self.values.update({m.state: m.new_state() for m in ui.modes.values() if m.state is not None})

    @property
    def session(self) -> Session:
        return self.values[self.ui.shared.session]

    def state(self, mode_id: str):
        """The current state of mode ``mode_id``."""
        return self.values[self.ui.modes[mode_id].state]

    def keep(self, update: dict) -> dict:
        """Keep the states an update gives; the update."""
        for component, value in update.items():
            if component in self.values:
                self.values[component] = value
        return update

    def call(self, handler, *inputs, evt=None, **kwargs) -> dict:
        """``handler`` (a mode's, taking its inputs, then the session and its mode's state,
        then the event data if any) with this tab's states; its update, kept."""
        mode = handler.__self__
        args = [*inputs, self.session, *([self.values[mode.state]] if mode.state is not None else [])]
        return self.keep(handler(*args, *([evt] if evt is not None else []), **kwargs))

    def open(self, path) -> dict:
        """Upload ``path`` (or None: no image) as the image picker does."""
        return self.keep(self.ui.picker.on_image(path, self.session, progress=NO_PROGRESS))

    def pick_model(self, name) -> dict:
        bar, states = self.ui.model_bar, [self.values[m.state] for m in self.ui.modes.values() if m.state is not None]
        return self.keep(bar.on_model(name, self.session, NO_PROGRESS, *states))

