"""The Gradio front end, one module per concern: ``state`` (the tab's shared Session, no
Gradio), ``prompt_state`` (the Prompt mode's own, no Gradio), ``outputs`` (pictures and
files, no Gradio), ``common`` (what sections share), ``modes`` (the Mode protocol and
the list of modes: one module per mode, ``prompt``, ``everything``, ``batch``, and
plug-ins), ``image_picker`` and ``model_bar`` (the header), ``api`` (``gr.api``
endpoints) and ``app`` (layout). No model code: everything model-related goes through
``SamService``."""

from .app import build_app, build_ui, launch_options

__all__ = ["build_app", "build_ui", "launch_options"]
