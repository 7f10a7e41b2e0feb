"""The model picker and its Download button: every registered model with its state
(``SamService.model_statuses``), for every mode. Picking a model whose weights are not
here keeps the tab on its model (clicks go on working) and offers the Download, with its
size; the button is pressable only then, and asks before it fetches (what, how large,
where)."""

import copy
from typing import Optional

import gradio as gr

from ..download import download_model
from ..errors import SamAppError
from .common import Shared, shows_errors
from .state import Session


class ModelBar:
    """Components (made by ``build``) and handlers."""

    def __init__(self, shared: Shared):
        self.shared = shared
        self.modes = []

    def choices(self):
        """(label, name) for every model, e.g. ("vit_b (checkpoint present)", "vit_b"):
        whether its weights are here, not whether it is loaded (labels do not change under
        the person); the segmenters, then the text models (for their Download)."""
        service = self.shared.service
        labels = {s.spec.name: s.label for s in service.model_statuses()}
        return [(labels.get(name, f"{name} (ready)"), name) for name in service.model_names()] + \
            [(labels.get(name, f"{name} (ready)") + " · text prompts", name) for name in service.text_model_names()]

    def missing(self, name) -> Optional[int]:
        """The download size in bytes of ``name`` when its weights are not here, else None."""
        status = next((s for s in self.shared.service.model_statuses() if s.spec.name == name), None)
        return status.spec.weights.size if status is not None and status.state == "missing" else None

    def download_button(self, name) -> dict:
        """The button's text and state for model ``name``: "Download (2.6 GB)" where its
        weights are missing, otherwise not pressable."""
        return self.button(self.missing(name))

    @staticmethod
    def button(size: Optional[int]) -> dict:
        """``download_button`` for weights of ``size`` bytes to fetch (None: none)."""
        if size is None:
            return dict(value="Download", interactive=False)
        return dict(value=f"Download ({size / 1e9:.1f} GB)" if size >= 1e9 else f"Download ({size / 1e6:.0f} MB)",
                    interactive=True)

    def build(self) -> None:
        with gr.Column(scale=3):
            self.model = gr.Dropdown(self.choices(), value=self.shared.model_name(), label="Model", elem_id="model")
            # Download asks first: what, how large, and where, then Fetch or Cancel
            with gr.Row(visible=False, elem_id="download-confirm") as self.confirm:
                self.confirm_text = gr.Markdown(elem_id="download-question")
                self.fetch = gr.Button("Fetch", variant="primary", elem_id="download-fetch", size="sm", min_width=60)
                self.cancel = gr.Button("Cancel", elem_id="download-cancel", size="sm", min_width=60)
        self.download = gr.Button(**self.download_button(self.shared.model_name()), elem_id="download", scale=1)

    def on_ask(self, name) -> dict:
        """Download pressed: say what it fetches, how large and where, and ask."""
        size = self.missing(name)
        if size is None:
            return {self.confirm: gr.update(visible=False)}
        return {self.confirm: gr.update(visible=True),
                self.confirm_text: self.shared.public(f"Fetch **{name}** ({size / 1e6:,.0f} MB) into "
                                                      f"{self.shared.service.checkpoint_dir}?")}

    def wire(self, app) -> None:
        """A change of model is told to every mode (``Mode.model_changed``, with its state)."""
        s = self.shared
        self.modes = list(app.modes.values())
        states = [m.state for m in self.modes if m.state is not None]
        inputs = [self.model, s.session, *states]
        outputs = list(dict.fromkeys([s.session, s.message, s.status, self.model, self.download,
                                      *(c for m in self.modes for c in m.reset_outputs)]))
        self.model.input(self.on_model, inputs, outputs, **app.events.model_work)
        self.download.click(self.on_ask, [self.model], [self.confirm, self.confirm_text], **app.events.instant)
        self.cancel.click(lambda: gr.update(visible=False), None, [self.confirm], **app.events.instant)
        self.fetch.click(lambda: gr.update(visible=False), None, [self.confirm], **app.events.instant).then(
            self.on_download, inputs, outputs, api_visibility="private", concurrency_limit=1, concurrency_id="download")

    def on_model(self, name, session: Session, progress=gr.Progress(), *states) -> dict:
        """Switch this tab to model ``name``: load it, encode the tab's image; every mode
        is told (``states``: those of the modes that have one, in order; a fresh one each
        where left out). A model whose weights are missing is not switched to: the message
        offers its Download, and the tab keeps its model."""
        size, current = self.missing(name), self.shared.model_name(session)
        if size is not None:
            return {self.shared.message: f"{name} is not on this server yet: press **Download** ({size / 1e6:,.0f} MB)"
                                         " to fetch it, or pick another model. The tab keeps using "
                                         f"{current or 'none'}.",
                    self.model: gr.update(choices=self.choices(), value=name),
                    self.download: gr.update(**self.button(size)),
                    self.shared.status: self.shared.status_text(session)}
        if name in self.shared.service.text_model_names():  # here: it answers phrases; the tab keeps its segmenter
            return {self.shared.message: f"{name} is a text model and is here: it answers the Text field (phrases) of "
                                         f"the Prompt tab. Clicks go on using {current or 'the default model'}.",
                    self.model: gr.update(choices=self.choices(), value=current),
                    self.download: gr.update(**self.button(None))}
        session = copy.copy(session)
        session.model = name
        if session.image is not None:
            message = self.shared.encode(session, progress)
        else:
            try:
                self.shared.service.backend(name)
                message = f"Model {name} ready."
            except SamAppError as exc:
                message = self.shared.error_text(exc)
        update = {}
        owners = iter(states)
        for mode in self.modes:
            state = next(owners, None) if mode.state is not None else None
            update.update(mode.model_changed(session, mode.new_state() if state is None else state))
        return {**update, self.shared.session: session, self.shared.message: message,
                self.shared.status: self.shared.status_text(session),
                self.model: gr.update(choices=self.choices(), value=name),
                self.download: gr.update(**self.button(None))}  # not missing: checked above

    @shows_errors
    def on_download(self, name, session: Session, progress=gr.Progress(), *states) -> dict:
        """Download the selected model's official file, then switch this session to it."""
        from .. import models

        if not self.shared.allow_downloads:
            raise SamAppError("Downloading checkpoints from the page is off on a server open to the network: run "
                              f"`python -m sam_app download {name}` on the server, or start it with --allow-downloads.")
        weights = models.get(name).weights
        if weights is None:
            raise SamAppError(f"{name} needs no download: it has no weights.")

        def report(done, total):
            total = total or weights.size
            progress(done / total, desc=f"Downloading {weights.filename}: {done / 1e6:.0f} of {total / 1e6:.0f} MB")

        try:
            path = download_model(name, self.shared.service.checkpoint_dir, report)
        except SamAppError as exc:
            return {self.shared.message: self.shared.error_text(exc), self.model: gr.update(choices=self.choices()),
                    self.download: gr.update(**self.download_button(name))}
        outputs = self.on_model(name, session, progress, *states)
        outputs[self.shared.message] = f"Downloaded and verified {path.name}. " + outputs[self.shared.message]
        return outputs
