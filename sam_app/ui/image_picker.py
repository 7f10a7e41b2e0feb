"""The tab's image, shared by every mode: an upload (or a paste) and the examples. A new
image is loaded, kept in the service's image store, encoded at once, and every mode is
told (``Mode.image_shown``)."""

import copy
from pathlib import Path

import gradio as gr

from ..errors import SamAppError
from .common import Shared
from .state import Session


class ImagePicker:
    """Components (made by ``build``) and the handler of the shared image."""

    def __init__(self, shared: Shared, examples=()):
        self.shared, self.examples, self.modes = shared, list(examples), []

    def build(self) -> None:
        with gr.Row():
            self.upload = gr.Image(label="Image", type="filepath", sources=["upload", "clipboard"], height=160,
                                   elem_id="upload", scale=1)
            if self.examples:
                # a click on an example asks first when it would replace work (app.PAGE_JS)
                with gr.Column(scale=2, elem_id="examples"):
                    gr.Examples(examples=[[e] for e in self.examples], inputs=[self.upload], label="Examples")

    def wire(self, app) -> None:
        s = self.shared
        self.modes = list(app.modes.values())
        told = (c for m in self.modes for c in m.reset_outputs)
        outputs = list(dict.fromkeys([s.session, s.message, s.status, *told]))
        self.upload.change(self.on_image, [self.upload, s.session], outputs, **app.events.model_work)

    def shown(self, session: Session) -> dict:
        """Every mode's update for the session's image (or none)."""
        update = {}
        for mode in self.modes:
            update.update(mode.image_shown(session))
        return update

    def on_image(self, path, session: Session, progress=gr.Progress()) -> dict:
        """A new image (or none): every mode starts afresh, and the image is encoded at once."""
        session = copy.copy(session)
        session.image, session.image_name, session.path = None, "image", None
        message = ""
        if path:
            try:
                self.shared.keep(session, self.shared.service.load_image(path), Path(str(path)).name)
                session.path = str(path)
                message = self.shared.encode(session, progress)
            except SamAppError as exc:
                message = self.shared.error_text(exc)
        try:
            update = self.shown(session)
        except SamAppError as exc:  # the canvas's picture could not be written (a full disk): no image
            session.image, session.image_name, session.path = None, "image", None
            update, message = self.shown(session), self.shared.error_text(exc)
        return {**update, self.shared.session: session, self.shared.message: message,
                self.shared.status: self.shared.status_text(session)}
