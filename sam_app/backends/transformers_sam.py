"""Models implemented by Hugging Face ``transformers`` (SAM 2.1, HQ-SAM, EdgeTAM, SAM 3's
tracker), called
the way their own processor + model pipeline calls them, with the image embedding kept
outside the model (cached by the service) and our prompt vocabulary:

- the image goes through the processor's own image processor, then
  ``model.get_image_embeddings`` (the heavy step, once per image);
- each object's points (X, Y pixels), labels (1 / 0), box (XYXY pixels) and previous
  low-res logits (1x256x256) become the model's ``input_points`` / ``input_labels`` /
  ``input_boxes`` / ``input_masks``, in the frame the processor normalises to: the
  1024x1024 square the image is stretched to (SAM 2, EdgeTAM), or the longest side
  scaled to 1024 and padded (HQ-SAM, as SAM 1);
- masks are the processor's ``post_process_masks`` (bilinear up to the image, threshold
  0), done with OpenCV and only for the candidates that are used;
- a model whose low-res logits are not 256x256 (SAM 3's tracker: 288x288) makes its masks
  from its own, and hands out (``ObjectResult.low_res_logits``) and takes back mask inputs
  at the app's 256x256: the model resizes a mask input to its size itself.

Objects with the same prompt shape are decoded as one batch along the model's
``point_batch`` axis; objects with a mask input one at a time, because the model adds a
mask's dense embedding to the image embedding that the whole batch shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Tuple

import cv2
import numpy as np
import torch

from ..capabilities import TRAINABLE, Capabilities
from ..devices import autocast
from ..prompts import LOW_RES_SIZE, ObjectPrompt
from .base import (
    Backend,
    HFModel,
    ObjectResult,
    Trainee,
    decode_by_shape,
    decode_points,
    map_tensors,
    trainable_copy,
    upscale_logits,
    writable,
)

POINT_BATCH = 16  # prompts per model call in point_logits: the decoder's memory grows with the batch


@dataclass
class HFEmbedding:
    """features: what the model's forward takes for the image (``image_embeddings``, and
    HQ-SAM's ``intermediate_embeddings``), float32 on the model's device. input_size:
    (h, w) of the image inside the model's square input (None: stretched to the whole
    square). original_size: (H, W) of the image."""

    features: Dict[str, Any]
    input_size: Optional[Tuple[int, int]]
    original_size: Tuple[int, int]

    @property
    def nbytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in _tensors(self.features))


def _tensors(value) -> Iterator[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _tensors(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _tensors(v)


class TransformersSamBackend(HFModel, Backend):
    """Wraps a transformers ``Sam2Model`` / ``EdgeTamModel`` / ``SamHQModel`` and its
    processor. precision applies to the image encoder (autocast); the prompt decoder
    runs in float32, as SAM 1's. capabilities: what this model declares, where it is
    less than the class's (SAM 3's tracker is not fine-tuned here)."""

    decoder = "torch"
    capabilities = TRAINABLE

    def __init__(self, model: torch.nn.Module, processor, name: str, device: torch.device, precision: str = "fp32",
                 capabilities: Optional[Capabilities] = None):
        super().__init__(model, processor, name, device, precision)
        if capabilities is not None:
            self.capabilities = capabilities
        # the model's low-res logits' side (HQ-SAM's prompt encoder names none: 256)
        self.low_res_side = int(getattr(model.prompt_encoder, "mask_input_size", (LOW_RES_SIZE,))[0])
        size = processor.image_processor.size
        self.square = getattr(size, "longest_edge", None) is None  # SAM 2 / EdgeTAM stretch, HQ-SAM pads
        self.frame_size = int(size["height"] if self.square else size["longest_edge"])

    def encode(self, pixels: np.ndarray) -> HFEmbedding:
        """pixels: HxWx3 uint8 RGB, through the processor's image processor."""
        inputs = self.processor.image_processor(images=writable(pixels), input_data_format="channels_last",
                                                return_tensors="pt")
        pixel_values = inputs["pixel_values"].to(self.torch_device)
        with self._lock, torch.inference_mode(), autocast(self.torch_device, self.precision):
            out = self.model.get_image_embeddings(pixel_values)
        if isinstance(out, list):  # SAM 2 / EdgeTAM: the feature pyramid, high resolution first
            features = {"image_embeddings": [t.float() for t in out]}
        else:  # HQ-SAM: (image embedding, the ViT's intermediate embeddings)
            features = {"image_embeddings": out[0].float(), "intermediate_embeddings": [t.float() for t in out[1]]}
        input_size = None if self.square else tuple(int(v) for v in inputs["reshaped_input_sizes"][0])
        return HFEmbedding(features, input_size, tuple(pixels.shape[:2]))

    def to_frame(self, xy: np.ndarray, embedding: HFEmbedding) -> np.ndarray:
        """...x2 (X, Y) image pixels -> the model frame's, as the processor normalises."""
        height, width = embedding.original_size
        frame_h, frame_w = embedding.input_size or (self.frame_size, self.frame_size)
        return (xy * np.array([frame_w / width, frame_h / height], np.float32)).astype(np.float32)

    def decode(
        self, embedding: HFEmbedding, objects: List[ObjectPrompt], multimask: bool, return_logits: bool
    ) -> List[ObjectResult]:
        def result(obj, scores, low_res):
            return self._result(embedding, obj, scores, low_res, return_logits)

        return decode_by_shape(objects, lambda batch: self._low_res(embedding, batch, multimask), result,
                               separate_masks=True)

    @torch.inference_mode()
    def _low_res(self, embedding: HFEmbedding, batch: List[ObjectPrompt], multimask: bool):
        """Objects of one prompt shape -> (scores KxC, low-res logits KxCx256x256) float32
        numpy (C = 3 with multimask; what the model returns without)."""
        device, kwargs = self.torch_device, {}
        if len(batch[0].points):
            points = np.stack([self.to_frame(o.points.astype(np.float32), embedding) for o in batch])
            kwargs["input_points"] = torch.as_tensor(points[None], device=device)
            kwargs["input_labels"] = torch.as_tensor(np.stack([o.labels for o in batch])[None], dtype=torch.long,
                                                     device=device)
        if batch[0].box is not None:
            boxes = np.stack([self.to_frame(o.box.astype(np.float32).reshape(2, 2), embedding).reshape(4)
                              for o in batch])
            kwargs["input_boxes"] = torch.as_tensor(boxes[None], device=device)
        if batch[0].mask_input is not None:
            kwargs["input_masks"] = torch.as_tensor(batch[0].mask_input[None].astype(np.float32), device=device)
        out = self.model(**embedding.features, **kwargs, multimask_output=multimask)
        return out.iou_scores[0].float().cpu().numpy(), out.pred_masks[0].float().cpu().numpy()

    @property
    def mask_threshold(self) -> float:
        return 0.0

    def upscale(self, low_res: np.ndarray, input_size: Optional[Tuple[int, int]], size: Tuple[int, int]) -> np.ndarray:
        """256x256 float32 low-res logits -> (h, w) float32 logits, as the processor's
        ``post_process_masks``: bilinear straight to the image (input_size None: the
        stretched square), or to the padded frame, cropped to input_size, then to the
        image (HQ-SAM)."""
        if input_size is None:
            return cv2.resize(low_res, (size[1], size[0]), interpolation=cv2.INTER_LINEAR)
        return upscale_logits(low_res, input_size, size, self.frame_size)

    def point_logits(self, embedding: HFEmbedding, points: np.ndarray, min_score: Optional[float] = None):
        """One foreground point per prompt, three candidates each (segment everything).
        points: Nx2 (X, Y) pixels -> (scores Nx3, low-res logits Nx3x256x256) float32
        (min_score is not used: every candidate is upscaled)."""
        return decode_points(lambda batch: self._low_res(embedding, batch, True), points, POINT_BATCH)

    def full_logits(self, embedding: HFEmbedding, low_res: np.ndarray) -> Iterator[np.ndarray]:
        """Kx256x256 low-res logits -> K HxW float32 logits at the image size."""
        for m in low_res:
            yield self.upscale(m.astype(np.float32), embedding.input_size, embedding.original_size)

    def _result(self, embedding: HFEmbedding, obj: ObjectPrompt, scores: np.ndarray, low_res: np.ndarray,
                return_logits: bool) -> ObjectResult:
        input_size = embedding.input_size
        result = ObjectResult.from_low_res(obj, scores, low_res, embedding.original_size,
                                           lambda logits, size: self.upscale(logits, input_size, size),
                                           self.mask_threshold, return_logits)
        if self.low_res_side != LOW_RES_SIZE:  # hand them out in the app's frame (see the module's docstring)
            result.low_res_logits = np.stack([cv2.resize(c, (LOW_RES_SIZE, LOW_RES_SIZE),
                                                         interpolation=cv2.INTER_LINEAR) for c in low_res])
        return result

    def trainee(self, encoder: bool = False) -> Trainee:
        """A copy of the model with its own prompt encoder and mask decoder (its image
        encoder stays frozen and shared: ``encoder`` is SAM 1's); saved as a
        ``save_pretrained`` folder with the processor."""
        from ..checkpoints import save_folder

        net = trainable_copy(self.model, ("prompt_encoder", "mask_decoder"))

        def serve(name: str) -> TransformersSamBackend:
            backend = TransformersSamBackend(net, self.processor, name, self.torch_device, self.precision)
            backend._encoder_key = self.encoder_key
            return backend

        return Trainee(net, self.frame_size, self.low_res_side, self.square, hf_decode(net),
                       lambda output: save_folder(net, self.processor, output), serve)


def hf_decode(model):
    """A ``Trainee.decode`` for a transformers model: its own forward, each object as an
    image of its own (the image features repeated) so that each takes its own mask input."""
    def decode(features, points, labels, boxes, mask_input, multimask):
        count = len(points if points is not None else boxes)
        kwargs = {name: map_tensors(value, lambda t: t.expand(count, *t.shape[1:])) for name, value in features.items()}
        if points is not None:
            kwargs.update(input_points=points[:, None], input_labels=labels[:, None])
        if boxes is not None:
            kwargs["input_boxes"] = boxes[:, None]
        out = model(**kwargs, input_masks=mask_input, multimask_output=multimask)
        return out.pred_masks[:, 0], out.iou_scores[:, 0]
    return decode
