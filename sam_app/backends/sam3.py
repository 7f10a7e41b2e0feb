"""SAM 3 (Meta, 2025) through transformers' ``Sam3Model``: phrases -> every instance with
its mask, box and score, end to end, as the model's own processor post-processes them
(``post_process_instance_segmentation``).

The image's vision features are computed once (``encode``, cached by the service like a
segmenter's embedding) and each phrase runs the text encoder, the DETR encoder and
decoder and the mask decoder on them, as transformers' docs reuse ``vision_embeds``.
Exemplar boxes (XYXY pixels, positive) are the model's own geometric prompt: they steer
it towards things like the boxed one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
import torch

from ..capabilities import TEXT
from ..devices import autocast
from .base import HFModel, writable
from .detector import Detections

MASK_THRESHOLD = 0.5  # on the mask probabilities, the processor's default


@dataclass
class Sam3Embedding:
    """vision: the vision encoder's output with only what the detector reads (the FPN
    levels and their position encodings, float32 on the model's device); original_size:
    (H, W) of the image."""

    vision: object
    original_size: Tuple[int, int]

    @property
    def nbytes(self) -> int:
        tensors = [*self.vision.fpn_hidden_states, *self.vision.fpn_position_encoding]
        return sum(t.numel() * t.element_size() for t in tensors)


class Sam3Backend(HFModel):
    """Wraps ``Sam3Model`` and ``Sam3Processor``. kind is ``detector``: it answers text
    prompts, and unlike the box detectors it makes the masks too (``Detections.masks``).
    precision applies to the vision encoder (autocast); the rest runs in float32."""

    kind = "detector"
    capabilities = TEXT.with_(exemplars=True)

    def encode(self, pixels: np.ndarray) -> Sam3Embedding:
        """pixels: HxWx3 uint8 RGB, through the processor's image processor."""
        from transformers.models.sam3.modeling_sam3 import Sam3VisionEncoderOutput

        inputs = self.processor.image_processor(images=writable(pixels), input_data_format="channels_last",
                                                return_tensors="pt")
        with self._lock, torch.inference_mode(), autocast(self.torch_device, self.precision):
            out = self.model.get_vision_features(pixel_values=inputs["pixel_values"].to(self.torch_device))
        vision = Sam3VisionEncoderOutput(fpn_hidden_states=tuple(t.float() for t in out.fpn_hidden_states),
                                         fpn_position_encoding=tuple(t.float() for t in out.fpn_position_encoding))
        return Sam3Embedding(vision, tuple(pixels.shape[:2]))

    def detect(self, pixels: np.ndarray, phrases: List[str], threshold: float,
               embedding: Optional[Sam3Embedding] = None, exemplars: Optional[np.ndarray] = None) -> Detections:
        """pixels: HxWx3 uint8 RGB; phrases: what to find; threshold: the lowest score
        kept (the processor keeps scores above it); embedding: ``encode``'s (made here
        when None); exemplars: Bx4 XYXY pixels, each a positive example ("like this").
        Returns every phrase's instances, best first, with masks."""
        embedding = embedding if embedding is not None else self.encode(pixels)
        height, width = embedding.original_size
        boxes, labels, masks, scores = [], [], [], []
        for phrase in phrases:
            kwargs = {}
            if exemplars is not None and len(exemplars):
                kwargs = dict(input_boxes=[np.asarray(exemplars, np.float32).tolist()],
                              input_boxes_labels=[[1] * len(exemplars)], original_sizes=[[height, width]])
            inputs = self.processor(text=phrase, return_tensors="pt", **kwargs).to(self.torch_device)
            inputs.pop("original_sizes", None)
            with self._lock, torch.inference_mode():
                outputs = self.model(vision_embeds=embedding.vision, **inputs)
            found = self.processor.post_process_instance_segmentation(
                outputs, threshold=threshold, mask_threshold=MASK_THRESHOLD, target_sizes=[(height, width)])[0]
            boxes.append(found["boxes"].float().cpu().numpy().reshape(-1, 4))
            scores.append(found["scores"].float().cpu().numpy().reshape(-1))
            masks.append(found["masks"].cpu().numpy().astype(bool).reshape(-1, height, width))
            labels += [phrase] * len(scores[-1])
        score = np.concatenate(scores).astype(np.float32)
        found = Detections(np.concatenate(boxes).astype(np.float32), score, labels, np.concatenate(masks))
        return found.take(np.argsort(-score, kind="stable"))
