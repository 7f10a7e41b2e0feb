"""Open-vocabulary detectors (Grounding DINO, OWLv2 through transformers): an image and
phrases -> boxes with scores and the phrase each box answers, exactly as each model's own
processor post-processes them; a segmenter then turns the boxes into masks (the
Grounded-SAM recipe, ``tasks.text``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np
import torch

from ..capabilities import TEXT
from .base import HFModel, writable


@dataclass
class Detections:
    """boxes: Nx4 float32 XYXY pixels of the image ((X1, Y1) top-left; as the model says,
    so a box may reach past the image's edges); scores: N float32
    in [0, 1]; labels: N phrases (the one each box answers); masks: NxHxW bool where the
    model segments too (SAM 3), else None; best first."""

    boxes: np.ndarray
    scores: np.ndarray
    labels: List[str]
    masks: Optional[np.ndarray] = None

    def take(self, index: Sequence[int]) -> "Detections":
        """The detections at ``index`` (in that order)."""
        index = np.asarray(index, int)
        return Detections(self.boxes[index], self.scores[index], [self.labels[i] for i in index],
                          None if self.masks is None else self.masks[index])


class Detector(HFModel):
    """Wraps ``GroundingDinoForObjectDetection`` or ``Owlv2ForObjectDetection`` and its
    processor. name: the model's registry name. Runs in float32 (precision is for the
    segmenters' encoders)."""

    kind = "detector"
    capabilities = TEXT

    def __init__(self, model: torch.nn.Module, processor, name: str, device: torch.device):
        super().__init__(model, processor, name, device)
        self.grounding = model.config.model_type == "grounding-dino"  # else OWLv2

    def detect(self, pixels: np.ndarray, phrases: List[str], threshold: float) -> Detections:
        """pixels: HxWx3 uint8 RGB; phrases: what to find (e.g. ["dog", "red car"]);
        threshold: the lowest score kept."""
        height, width = pixels.shape[:2]
        if self.grounding:  # Grounding DINO reads one caption: "dog. red car."
            text = " ".join(p + "." for p in phrases)
        else:  # OWLv2 scores each phrase as its own query
            text = [phrases]
        inputs = self.processor(images=writable(pixels), text=text, return_tensors="pt").to(self.torch_device)
        with self._lock, torch.inference_mode():
            outputs = self.model(**inputs)
        if self.grounding:
            found = self.processor.post_process_grounded_object_detection(
                outputs, inputs["input_ids"], threshold=threshold, text_threshold=threshold,
                target_sizes=[(height, width)])[0]
        else:  # OWLv2's boxes are relative to the square the image was padded to
            side = max(height, width)
            found = self.processor.post_process_grounded_object_detection(
                outputs, threshold=threshold, target_sizes=[(side, side)], text_labels=[phrases])[0]
        labels = list(found["text_labels"])
        boxes = found["boxes"].float().cpu().numpy().reshape(-1, 4).astype(np.float32)  # may reach past the edges
        scores = found["scores"].float().cpu().numpy().astype(np.float32)
        return Detections(boxes, scores, labels).take(np.argsort(-scores, kind="stable"))
