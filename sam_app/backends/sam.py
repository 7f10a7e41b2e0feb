"""The SAM backend: segment-anything's model, called the way ``SamPredictor`` does,
with the image embedding kept outside the model so that many images can be cached."""

from __future__ import annotations

import contextlib
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import List, Tuple

import numpy as np
import torch
from segment_anything.utils.transforms import ResizeLongestSide

from ..devices import DTYPES
from ..prompts import ObjectPrompt
from .base import Backend, ObjectResult


@dataclass
class SamEmbedding:
    """features: 1x256x64x64 float32 (for SAM's 1024 input) on the model's device.
    input_size: (h, w) of the resized image inside the 1024x1024 input.
    original_size: (H, W) of the image."""

    features: torch.Tensor
    input_size: Tuple[int, int]
    original_size: Tuple[int, int]

    @property
    def nbytes(self) -> int:
        return self.features.numel() * self.features.element_size()


class SamBackend(Backend):
    """Wraps a ``segment_anything.modeling.Sam``. precision applies to the encoder only."""

    kind = "sam"

    def __init__(self, model: torch.nn.Module, name: str, device: torch.device, precision: str = "fp32"):
        self.model = model.to(device).eval()
        self.name = name
        self.torch_device = torch.device(device)
        self.device = str(self.torch_device)
        self.precision = precision
        self.transform = ResizeLongestSide(model.image_encoder.img_size)
        self._encode_lock = threading.Lock()  # one encoding at a time bounds peak memory

    def _autocast(self):
        if self.precision == "fp32":
            return contextlib.nullcontext()
        return torch.autocast(self.torch_device.type, dtype=DTYPES[self.precision])

    def encode(self, pixels: np.ndarray) -> SamEmbedding:
        """pixels: HxWx3 uint8 RGB. Same steps as ``SamPredictor.set_image``."""
        resized = self.transform.apply_image(pixels)
        tensor = torch.as_tensor(resized, device=self.torch_device).permute(2, 0, 1).contiguous()[None]
        with self._encode_lock, torch.inference_mode(), self._autocast():
            features = self.model.image_encoder(self.model.preprocess(tensor))
        return SamEmbedding(features.float(), tuple(tensor.shape[-2:]), tuple(pixels.shape[:2]))

    @torch.inference_mode()
    def decode(
        self, embedding: SamEmbedding, objects: List[ObjectPrompt], multimask: bool, return_logits: bool
    ) -> List[ObjectResult]:
        """Objects with the same prompt shape (point count, box or not, mask or not) are
        decoded as one batch, exactly as ``SamPredictor.predict_torch`` would."""
        groups = defaultdict(list)
        for index, obj in enumerate(objects):
            groups[(len(obj.points), obj.box is not None, obj.mask_input is not None)].append(index)
        results: List[ObjectResult] = [None] * len(objects)  # type: ignore[list-item]
        for indices in groups.values():
            batch = [objects[i] for i in indices]
            for i, result in zip(indices, self._decode_batch(embedding, batch, multimask, return_logits)):
                results[i] = result
        return results

    def _decode_batch(self, embedding, batch, multimask, return_logits) -> List[ObjectResult]:
        device, size = self.torch_device, embedding.original_size
        points = boxes = masks = None
        if len(batch[0].points):
            coords = np.stack([self.transform.apply_coords(o.points.astype(np.float32), size) for o in batch])
            labels = np.stack([o.labels for o in batch])
            points = (
                torch.as_tensor(coords, dtype=torch.float, device=device),
                torch.as_tensor(labels, dtype=torch.int, device=device),
            )
        if batch[0].box is not None:
            box_array = self.transform.apply_boxes(np.stack([o.box for o in batch]).astype(np.float32), size)
            boxes = torch.as_tensor(box_array, dtype=torch.float, device=device)
        if batch[0].mask_input is not None:
            masks = torch.as_tensor(np.stack([o.mask_input for o in batch]), dtype=torch.float, device=device)
        sparse, dense = self.model.prompt_encoder(points=points, boxes=boxes, masks=masks)
        low_res, iou = self.model.mask_decoder(
            image_embeddings=embedding.features,
            image_pe=self.model.prompt_encoder.get_dense_pe(),
            sparse_prompt_embeddings=sparse,
            dense_prompt_embeddings=dense,
            multimask_output=multimask,
        )
        results = []
        for obj, obj_low_res, obj_iou in zip(batch, low_res, iou):
            # One object at a time: full-size float logits for a large image are big.
            logits = self.model.postprocess_masks(obj_low_res[None], embedding.input_size, size)[0]
            scores = obj_iou.float().cpu().numpy()
            results.append(
                ObjectResult(
                    prompt=obj,
                    masks=(logits > self.model.mask_threshold).cpu().numpy(),
                    scores=scores,
                    low_res_logits=obj_low_res.float().cpu().numpy(),
                    best=int(np.argmax(scores)),
                    logits=logits.float().cpu().numpy() if return_logits else None,
                )
            )
        return results
