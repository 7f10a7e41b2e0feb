"""What a model can do, declared by its family (``ModelSpec.capabilities``) and by its
backend class (``Backend.capabilities``), never guessed with ``hasattr``.

    from sam_app.capabilities import SEGMENTER
    SEGMENTER.everything                      # True
    refusal("classical", "everything", ["vit_b", "edgetam"])
    # 'classical cannot segment everything; models that can: vit_b, edgetam'

The UI, the CLI and the API offer only what the chosen model declares, and asking a
model for anything else gets ``refusal``'s one line (a ``CapabilityError``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Iterable

from .errors import SamAppError

# what each capability lets a model do, as the refusal says it
WORDS = {
    "points": "take point prompts",
    "boxes": "take box prompts",
    "candidates": "give three candidate masks",
    "mask_input": "refine a previous mask (mask input)",
    "everything": "segment everything",
    "text": "answer text prompts",
    "exemplars": "take exemplar boxes with a text prompt",
    "video": "track video",
    "video_text": "track the objects a phrase names through a video",
    "fine_tuning": "be fine-tuned",
    "onnx_decoder": "export its prompt decoder to ONNX",
}


class CapabilityError(SamAppError):
    """A model was asked for something it does not declare."""


@dataclass(frozen=True)
class Capabilities:
    """points / boxes: point and box prompts; candidates: three candidates for an
    ambiguous prompt; mask_input: a previous low-res mask refines the next; everything:
    scored masks for a grid of points (segment everything); text: phrases -> instances;
    exemplars: boxes that say "like this" with a text prompt; video: tracking through
    frames; video_text: every object a phrase names, found and tracked through frames;
    fine_tuning: ``finetune`` can train it (its backend gives a ``trainee``);
    onnx_decoder: ``export-onnx`` can export its prompt decoder."""

    points: bool = False
    boxes: bool = False
    candidates: bool = False
    mask_input: bool = False
    everything: bool = False
    text: bool = False
    exemplars: bool = False
    video: bool = False
    video_text: bool = False
    fine_tuning: bool = False
    onnx_decoder: bool = False

    def with_(self, **changes) -> "Capabilities":
        return replace(self, **changes)

    def names(self) -> list:
        """The capabilities it has, by name."""
        return [f.name for f in fields(self) if getattr(self, f.name)]


PROMPTS = Capabilities(points=True, boxes=True)  # what any segmenter takes
SEGMENTER = PROMPTS.with_(candidates=True, mask_input=True, everything=True)  # SAM's decoder
TEXT = Capabilities(text=True)
SAM1 = SEGMENTER.with_(fine_tuning=True, onnx_decoder=True)  # segment-anything's models
TRAINABLE = SEGMENTER.with_(fine_tuning=True)  # the segmenters transformers implements


def refusal(model: str, capability: str, able: Iterable[str]) -> CapabilityError:
    """The one-line refusal: "<model> cannot <do it>; models that can: a, b, ..." ."""
    able = list(able)
    known = WORDS.get(capability, capability.replace("_", " "))
    others = f"models that can: {', '.join(able)}" if able else "no model this server knows can"
    return CapabilityError(f"{model} cannot {known}; {others}")
