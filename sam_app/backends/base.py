"""What every backend returns, and the interface the service relies on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional

import numpy as np

from ..prompts import ObjectPrompt


@dataclass
class ObjectResult:
    """Masks for one object, at the original image size.

    masks: CxHxW bool (C = 3 with multimask, else 1). scores: C float32 predicted IoU
    (NaN where the backend has no score). low_res_logits: Cx256x256 float32, feed one
    back as ``mask_input`` to refine (None where the backend has none). logits: CxHxW
    float32 before thresholding, only when asked for. best: index of the highest score.
    """

    prompt: ObjectPrompt
    masks: np.ndarray
    scores: np.ndarray
    low_res_logits: Optional[np.ndarray]
    best: int
    logits: Optional[np.ndarray] = None

    @property
    def best_mask(self) -> np.ndarray:
        """HxW bool: the candidate with the highest predicted IoU."""
        return self.masks[self.best]


class Backend:
    """Interface. ``name`` identifies the model (e.g. "vit_b"), ``kind`` the family
    ("sam" or "classical"), ``device`` and ``precision`` are shown to users."""

    name: str = "?"
    kind: str = "?"
    device: str = "cpu"
    precision: str = "fp32"

    def encode(self, pixels: np.ndarray) -> Any:
        """pixels: HxWx3 uint8 RGB -> an embedding object with an ``nbytes`` attribute."""
        raise NotImplementedError

    def decode(
        self, embedding: Any, objects: List[ObjectPrompt], multimask: bool, return_logits: bool
    ) -> List[ObjectResult]:
        """One ObjectResult per object, in order."""
        raise NotImplementedError
