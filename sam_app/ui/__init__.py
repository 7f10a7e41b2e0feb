"""The Gradio front end, one module per concern: ``state`` (per-tab Session, no Gradio),
``outputs`` (pictures and files, no Gradio), ``common`` (what sections share),
``model_bar``, one module per mode (``prompt``), ``api`` (``gr.api`` endpoints) and
``app`` (layout). No model code: everything model-related goes through ``SamService``."""

from .app import build_app, build_ui, launch_options

__all__ = ["build_app", "build_ui", "launch_options"]
