"""The Prompt mode's text prompts: "Find and add" asks the text model for the phrases'
instances, which join the prompt as box objects (SAM 3's masks kept until an object is
refined), and the instance list ticks them in or out (part of ``PromptMode``)."""

import copy
import time

import gradio as gr

from .. import models
from ..errors import SamAppError
from ..limits import LIMITS
from ..tasks.text import find_phrases
from .common import shows_errors
from .prompt_state import Instance, PromptState
from .state import Session

INSTANCES_HELP = "Ticked ones are objects in the prompt; click inside one to refine it."


class TextPrompts:
    """Components, events and handlers of text prompts in the Prompt mode (which
    provides ``run``, ``cleared``, ``need_image`` and the other components)."""

    def text_model_offer(self) -> tuple:
        """(the text field's info, the text model to offer for download or None): which
        text model answers, or that one is needed and which one is the cheapest to get."""
        service = self.shared.service
        name = service.text_model_name()
        if name is not None:
            return f"Answered by the text model {name}.", None
        offer = next(iter(models.preference(service.device.type, "detector")), None)
        if offer is None:
            return "Needs a text model, and this server knows none.", None
        return (f"Needs a text model, and none is here: press Get {offer.name} ({offer.weights.size / 1e6:,.0f} MB) "
                "below (sam3 answers too, best on a GPU: `python -m sam_app download sam3`)."), offer.name

    def build_text(self) -> None:
        info, offer = self.text_model_offer()
        with gr.Group():
            self.text = gr.Textbox(label="Text: what to find (phrases, comma-separated)", info=info,
                                   placeholder="dog, red car", elem_id=self.eid("text"))
            self.text_threshold = gr.Slider(0.0, 1.0, value=0.3, step=0.01, label="Lowest score kept",
                                            elem_id=self.eid("text-threshold"))
            with gr.Row():
                self.add_text = gr.Button("Find and add", elem_id=self.eid("add-text"))
                self.get_text_model = gr.Button(f"Get {offer}" if offer else "Get a text model", visible=bool(offer),
                                                elem_id=self.eid("get-text-model"))
        self.instances = gr.CheckboxGroup([], label="Instances found", info=INSTANCES_HELP, visible=False,
                                          elem_id=self.eid("instances"))

    def wire_text(self, events) -> None:
        both = [self.session_input, self.state]
        for event in (self.add_text.click, self.text.submit):
            event(self.on_add_text, [self.text, self.text_threshold, self.multimask, *both], self.result_outputs,
                  **events.model_work)
        self.instances.input(self.on_tick, [self.instances, self.multimask, *both], self.result_outputs,
                             **events.model_work)
        self.get_text_model.click(self.on_get_text_model, None, [self.text, self.get_text_model, self.shared.message],
                                  concurrency_limit=1, concurrency_id="download", api_visibility="private")

    def on_get_text_model(self, progress=gr.Progress()) -> dict:
        """Download the text model the field offers (as the model picker's Download does)."""
        from ..download import download_model

        _, offer = self.text_model_offer()
        try:
            if offer is None:
                raise SamAppError("A text model is here already.")
            if not self.shared.allow_downloads:
                raise SamAppError("Downloading models from the page is off on a server open to the network: run "
                                  f"`python -m sam_app download {offer}` on the server, or start it with "
                                  "--allow-downloads.")
            download_model(offer, self.shared.service.checkpoint_dir,
                           lambda done, total: progress(done / (total or 1), desc=f"Downloading {offer}"))
            message = f"Downloaded {offer}: type phrases and press Find and add."
        except SamAppError as exc:
            message = self.shared.error_text(exc)
        info, still = self.text_model_offer()
        return {self.text: gr.update(info=info), self.get_text_model: gr.update(visible=bool(still)),
                self.shared.message: message}

    @staticmethod
    def instance_list(state: PromptState):
        """The text instances, ticked where their box is in the prompt."""
        if not state.instances:
            return gr.update(visible=False, choices=[], value=[])
        choices = [(f"{i.phrase} {i.score:.2f}", k) for k, i in enumerate(state.instances)]
        return gr.update(visible=True, choices=choices,
                         value=[k for k, i in enumerate(state.instances) if i.box in state.boxes])

    @shows_errors
    def on_add_text(self, text, threshold, multimask, session: Session, state: PromptState) -> dict:
        """Find the phrases in the image and add each instance as a box object (replacing
        what the same phrases found before), then segment the prompt."""
        self.need_image(session)
        started = time.perf_counter()
        self.shared.holdings.check()
        found = find_phrases(self.shared.service, self.shared.image(session), text, float(threshold),
                             LIMITS.max_objects)
        elapsed = time.perf_counter() - started
        results = found.mask_results() or [None] * len(found.boxes)
        for result in results:
            if result is not None:  # SAM 3's masks, kept in the state until refined
                self.shared.holdings.take(result)
        state = copy.copy(state)
        state.add_instances(found.phrases, [
            Instance(tuple(float(v) for v in box), phrase, float(score), found.detector, tuple(found.phrases), result)
            for box, phrase, score, result in zip(found.boxes, found.found.labels, found.found.scores, results)])
        what = ", ".join(found.phrases)
        if len(found.boxes):
            note = f"{found.detector} found {len(found.boxes)} instance(s) of {what} in {elapsed:.1f} s; "
        else:
            note = (f"{found.detector} found no {what} scoring {float(threshold):.2f} or more ({elapsed:.1f} s): "
                    "lower the score, or try other words. ")
        if not state.boxes and not state.points:  # nothing (left) to segment
            state.reset_result()
            return self.cleared(session, state, note.rstrip("; "))
        update = self.run(session, state, multimask)  # what earlier answers to these phrases made is gone
        return {**update, self.shared.message: note + update[self.shared.message]}

    @shows_errors
    def on_tick(self, ticked, multimask, session: Session, state: PromptState) -> dict:
        """Instances ticked or unticked: their boxes join or leave the prompt."""
        self.need_image(session)
        state = copy.copy(state)
        state.tick_instances([int(k) for k in ticked or []])
        if not state.boxes and not state.points:
            state.reset_result()
            return self.cleared(session, state, "No object left in the prompt.")
        return self.run(session, state, multimask)
