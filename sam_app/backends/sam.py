"""The SAM backend: segment-anything's model, called the way ``SamPredictor`` does,
with the image embedding kept outside the model so that many images can be cached."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Tuple

import numpy as np
import torch
from segment_anything.utils.transforms import ResizeLongestSide

from ..capabilities import SAM1
from ..devices import ATTENTIONS, DECODERS, DTYPE_NAMES, DTYPES, autocast
from ..errors import SamAppError
from ..onnx_decoder import prompt_arrays
from ..prompts import ObjectPrompt
from . import fast_attention
from .base import Backend, ObjectResult, Trainee, decode_by_shape, decode_points, trainable_copy, upscale_logits
from .fast_decoder import FastDecoder, candidates


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


log = logging.getLogger("sam_app")
FAST_BATCH = 1  # prompts per call of a fast decoder (the fastest here without the arena: docs/performance.md)
FAST_MAX_POINTS = 8  # beyond (with the 5 output tokens), the regrouped attention costs more than upstream's
POINT_BATCH = 64  # segment everything's prompts handed to the decoder at once (its low-res logits kept as float16)


class SamBackend(Backend):
    """Wraps a ``segment_anything.modeling.Sam``. precision applies to the encoder only.

    attention: ``sdpa`` runs the image encoder's attention through PyTorch's fused
    scaled_dot_product_attention (see ``fast_attention``), ``reference`` through
    segment-anything's own code.

    decoder: ``torch`` (segment-anything's modules: the reference); ``onnx`` (prompt
    encoder + mask decoder exported in memory and run by ONNX Runtime on the CPU, prompts
    without a mask input and with at most FAST_MAX_POINTS point slots through
    ``fast_decoder``'s regrouped graphs); ``fast`` (PyTorch, the same prompts through
    ``fast_decoder.FastDecoder``, on any device);
    ``fast-bf16`` / ``fast-fp16`` (the same with its matrix products in that precision:
    opt-in, for CPUs with AVX512-BF16 or AMX and for GPUs); ``fast-int8`` (``onnx`` with
    the regrouped graphs' weights quantised to uint8: opt-in, the masks move; measured in
    docs/performance.md); or ``auto``: on the CPU, ONNX
    Runtime when it is installed, agrees with PyTorch and is faster on this machine (timed
    once at load), else PyTorch. The choice is in ``decoder`` and the timings in
    ``decoder_ms``."""

    capabilities = SAM1

    def __init__(self, model: torch.nn.Module, name: str, device: torch.device, precision: str = "fp32",
                 decoder: str = "auto", attention: str = "sdpa"):
        if decoder not in DECODERS:
            raise SamAppError(f"unknown decoder {decoder!r}; expected one of {', '.join(DECODERS)}")
        if attention not in ATTENTIONS:
            raise SamAppError(f"unknown attention {attention!r}; expected one of {', '.join(ATTENTIONS)}")
        self.attention = attention
        self.model = model.to(device).eval()
        self.name = name
        self.torch_device = torch.device(device)
        self.device = str(self.torch_device)
        self.precision = precision
        self.transform = ResizeLongestSide(model.image_encoder.img_size)
        self._encode_lock = threading.Lock()  # one encoding at a time bounds peak memory
        self.onnx = None  # also: no fast graphs (``_fast_onnx``)
        self.fast = None  # a FastDecoder in PyTorch (decoder fast*)
        self._side = None  # (features, dtype, ImageSide) of the last image the fast decoders saw
        self.decoder_ms: Dict[str, float] = {}
        self._choose_decoder(decoder)

    @property
    def decoder(self) -> str:
        if self.fast is not None:
            return "fast" if self.fast.dtype == torch.float32 else f"fast-{DTYPE_NAMES[self.fast.dtype]}"
        if self._fast_onnx is not None and self._fast_onnx.quantized:
            return "onnxruntime-int8"
        return "onnxruntime" if self.onnx is not None else "torch"

    @property
    def onnx(self):
        """The ONNX Runtime decoder (``onnx_decoder.OnnxDecoder``), or None: PyTorch decodes
        (``fast``, when set, takes the prompts without a mask input either way)."""
        return self._onnx

    @onnx.setter
    def onnx(self, decoder) -> None:
        """Replacing the decoder (a benchmark's arena or uint8 one, fine-tuning's None) drops
        the fast graphs exported beside the old one: prompts without a mask input then go
        through ``decoder`` too, unless ``fast`` is set."""
        self._onnx, self._fast_onnx = decoder, None

    def _choose_decoder(self, choice: str) -> None:
        if choice.startswith("fast") and choice != "fast-int8":
            self.fast = FastDecoder(self.model, DTYPES[choice.partition("-")[2] or "fp32"])
            return
        if choice == "torch" or (choice == "auto" and self.torch_device.type != "cpu"):
            return
        try:
            from ..onnx_decoder import FastOnnxDecoder, OnnxDecoder, Shapes

            onnx = OnnxDecoder.from_model(self.model)
        except Exception as exc:  # noqa: BLE001 - missing packages, or an exporter that cannot trace this model
            if choice != "auto":
                raise SamAppError(f"the ONNX decoder is not available for {self.name}: {exc}; it needs the onnx "
                                  "and onnxruntime packages; or use --decoder torch") from None
            log.warning("%s: ONNX decoder not available (%s); using PyTorch", self.name, exc)
            return
        try:
            fast = FastOnnxDecoder.from_model(self.model, quantize=choice == "fast-int8")
        except Exception as exc:  # noqa: BLE001 - a model the regrouped graphs do not fit: the full graph serves all
            if choice == "fast-int8":
                raise SamAppError(f"the uint8 decoder is not available for {self.name}: {exc}") from None
            log.warning("%s: the regrouped ONNX graphs are not available (%s); the full graph decodes", self.name, exc)
            fast = None
        if choice != "auto":
            self.onnx, self._fast_onnx = onnx, fast
            return
        # auto: a synthetic click (the fast graphs) and a prompt with a mask input (the full graph) on a random
        # embedding, decoded both ways
        shapes = Shapes.of(self.model)
        frame = (shapes.frame, shapes.frame)
        probe = SamEmbedding(torch.randn(shapes.embedding, device=self.torch_device), frame, frame)
        click = ObjectPrompt(np.array([[0.4, 0.6]], np.float32) * shapes.frame, np.array([1], np.int32))
        noise = np.random.default_rng(0).normal(0, 4, (1, *shapes.low_res)).astype(np.float32)
        refined = ObjectPrompt(click.points, click.labels, mask_input=noise)

        def both():
            return [self._low_res(probe, [obj], True)[1] for obj in (click, refined)]

        answers = {}
        for kind, engine in (("torch", None), ("onnxruntime", onnx)):
            self.onnx = engine
            self._fast_onnx = fast if engine is not None else None
            answers[kind], self.decoder_ms[kind] = _median_ms(both)
        difference = max(float(np.abs(a - b).max()) for a, b in zip(answers["torch"], answers["onnxruntime"]))
        faster = self.decoder_ms["onnxruntime"] < self.decoder_ms["torch"]
        if not (faster and difference < 1e-3):
            self.onnx = None  # drops the fast graphs too
        self._side = None  # the probe's
        log.info("%s decoder: %s (torch %.0f ms, onnxruntime %.0f ms, max logit difference %.1e)", self.name,
                 self.decoder, self.decoder_ms["torch"], self.decoder_ms["onnxruntime"], difference)

    def _image_side(self, embedding: SamEmbedding):
        """The fast decoders' ``ImageSide`` of ``embedding`` (kept for the last image; read
        and replaced whole, so two threads decoding two images each get their own)."""
        dtype = self.fast.dtype if self.fast is not None else torch.float32  # the ONNX graphs' float32
        kept = self._side
        if kept is None or kept[0] is not embedding.features or kept[1] is not dtype:
            fast = self.fast or FastDecoder(self.model)
            kept = (embedding.features, dtype, fast.image_side(embedding.features))
            self._side = kept
        return kept[2]

    def encoder_input(self, pixels: np.ndarray) -> torch.Tensor:
        """pixels: HxWx3 uint8 RGB -> 1x3xSxS float32 (S = 1024 for SAM): resized to the
        longest side S, normalised and padded, as ``SamPredictor.set_image``."""
        resized = self.transform.apply_image(pixels)
        tensor = torch.as_tensor(resized, device=self.torch_device).permute(2, 0, 1).contiguous()[None]
        return self.model.preprocess(tensor.float())

    def encode(self, pixels: np.ndarray) -> SamEmbedding:
        """pixels: HxWx3 uint8 RGB. Same steps as ``SamPredictor.set_image``."""
        input_size = self.transform.get_preprocess_shape(pixels.shape[0], pixels.shape[1], self.transform.target_length)
        with self._encode_lock, torch.inference_mode(), autocast(self.torch_device, self.precision):
            image = self.encoder_input(pixels)
            if self.attention == "sdpa":
                features = fast_attention.encode(self.model.image_encoder, image)
            else:
                features = self.model.image_encoder(image)
        return SamEmbedding(features.float(), tuple(input_size), tuple(pixels.shape[:2]))

    def decode(
        self, embedding: SamEmbedding, objects: List[ObjectPrompt], multimask: bool, return_logits: bool
    ) -> List[ObjectResult]:
        """Objects with the same prompt shape (point count, box or not, mask or not) are
        decoded as one batch, exactly as ``SamPredictor.predict_torch`` would (the service
        hands over at most ``service.DECODE_CHUNK`` objects at a time: memory grows with
        the batch)."""
        def result(obj, scores, low_res):
            return self._result(embedding, obj, scores, low_res, return_logits)

        return decode_by_shape(objects, lambda batch: self._low_res(embedding, batch, multimask), result)

    @torch.inference_mode()
    def _low_res(self, embedding: SamEmbedding, batch: List[ObjectPrompt], multimask: bool,
                 min_score: Optional[float] = None):
        """Objects of one prompt shape -> (scores BxC, low-res logits BxCx256x256) float32
        numpy, C = 3 with multimask (tokens 1-3) else 1 (token 0), as ``MaskDecoder``.
        min_score: the fast decoders leave the logits of objects whose C scores are all at
        most it at zero (not upscaled)."""
        size = embedding.original_size
        masks = np.stack([o.mask_input for o in batch]).astype(np.float32) if batch[0].mask_input is not None else None
        slots = len(batch[0].points) + (2 if batch[0].box is not None else 1)  # the box corners, or the padding
        fast = (self.fast or self._fast_onnx) if masks is None and slots <= FAST_MAX_POINTS else None
        if fast is not None or self.onnx is not None:
            coords, labels = prompt_arrays(batch, lambda xy: self.transform.apply_coords(xy, size))
        if fast is not None:  # FAST_BATCH prompts a call
            side = self._image_side(embedding)
            step = FAST_BATCH if self.torch_device.type == "cpu" else len(batch)  # a GPU takes them at once
            parts = [fast.decode(side, coords[i:i + step], labels[i:i + step], multimask, min_score)
                     for i in range(0, len(batch), step)]
            return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
        if self.onnx is not None:
            tokens = candidates(multimask)
            scores, low_res = self.onnx(embedding.features.cpu().numpy(), coords, labels, masks)
            return scores[:, tokens], low_res[:, tokens]
        device = self.torch_device
        points = boxes = None
        if len(batch[0].points):
            coords = np.stack([self.transform.apply_coords(o.points.astype(np.float32), size) for o in batch])
            points = (
                torch.as_tensor(coords, dtype=torch.float, device=device),
                torch.as_tensor(np.stack([o.labels for o in batch]), dtype=torch.int, device=device),
            )
        if batch[0].box is not None:
            box_array = self.transform.apply_boxes(np.stack([o.box for o in batch]).astype(np.float32), size)
            boxes = torch.as_tensor(box_array, dtype=torch.float, device=device)
        sparse, dense = self.model.prompt_encoder(
            points=points, boxes=boxes, masks=None if masks is None else torch.as_tensor(masks, device=device))
        low_res, scores = self.model.mask_decoder(
            image_embeddings=embedding.features,
            image_pe=self.model.prompt_encoder.get_dense_pe(),
            sparse_prompt_embeddings=sparse,
            dense_prompt_embeddings=dense,
            multimask_output=multimask,
        )
        return scores.float().cpu().numpy(), low_res.float().cpu().numpy()

    @property
    def mask_threshold(self) -> float:
        return float(self.model.mask_threshold)

    def point_logits(self, embedding: SamEmbedding, points: np.ndarray, min_score: Optional[float] = None):
        """One foreground point per prompt, three candidates each, as
        ``SamPredictor.predict_torch`` in upstream's mask generator. points: Nx2 (X, Y)
        pixels of the encoded image -> (scores Nx3, low-res logits Nx3x256x256) float32.
        The fast decoders (``onnx``, ``fast*``) skip the upscaling branch of prompts whose
        three scores are all at most ``min_score`` (their logits stay zero) and return the
        low-res logits in float16 (callers keep many); PyTorch's reference gives float32."""
        def low_res(batch):
            return self._low_res(embedding, batch, True, min_score)

        if self.fast is None and self.onnx is None:
            return decode_points(low_res, points, max(1, len(points)))
        return decode_points(low_res, points, POINT_BATCH, np.float16)

    def full_logits(self, embedding: SamEmbedding, low_res: np.ndarray) -> Iterator[np.ndarray]:
        """Kx256x256 low-res logits -> K HxW float32 logits at the encoded image's size,
        one after another: with the PyTorch decoder through segment-anything's own
        ``postprocess_masks`` (the reference; all K at once), else ``upscale_logits``."""
        if self.onnx is None and self.fast is None:
            with torch.inference_mode():
                logits = torch.as_tensor(low_res, device=self.torch_device)[:, None]
                full = self.model.postprocess_masks(logits, embedding.input_size, embedding.original_size)
            yield from full[:, 0].float().cpu().numpy()
            return
        for m in low_res:
            yield upscale_logits(m.astype(np.float32), embedding.input_size, embedding.original_size,
                                 self.transform.target_length)

    def _result(self, embedding: SamEmbedding, obj: ObjectPrompt, scores: np.ndarray, low_res: np.ndarray,
                return_logits: bool) -> ObjectResult:
        frame, input_size = self.transform.target_length, embedding.input_size
        return ObjectResult.from_low_res(obj, scores, low_res, embedding.original_size,
                                         lambda logits, size: upscale_logits(logits, input_size, size, frame),
                                         float(self.model.mask_threshold), return_logits)

    def trainee(self, encoder: bool = False) -> Trainee:
        """A copy of the model with its own prompt encoder and mask decoder (and, with
        ``encoder``, image encoder), served by PyTorch when validated; saved as a state dict."""
        from ..checkpoints import atomic_torch_save

        net = trainable_copy(self.model, ("prompt_encoder", "mask_decoder") + (("image_encoder",) if encoder else ()))

        def serve(name: str) -> SamBackend:
            backend = SamBackend(net, name, self.torch_device, self.precision, "torch", self.attention)
            backend._encoder_key = None if encoder else self.encoder_key  # a shared encoder: shared embeddings
            return backend

        return Trainee(net, net.image_encoder.img_size, net.prompt_encoder.mask_input_size[0], False, sam_decode(net),
                       lambda output: atomic_torch_save(net.state_dict(), output), serve, self.encoder_input)


def sam_decode(sam):
    """A ``Trainee.decode`` for a segment-anything model: its prompt encoder and mask
    decoder, with gradients."""
    def decode(features, points, labels, boxes, mask_input, multimask):
        sparse, dense = sam.prompt_encoder(points=None if points is None else (points, labels), boxes=boxes,
                                           masks=mask_input)
        return sam.mask_decoder(image_embeddings=features, image_pe=sam.prompt_encoder.get_dense_pe(),
                                sparse_prompt_embeddings=sparse, dense_prompt_embeddings=dense,
                                multimask_output=multimask)
    return decode


def _median_ms(fn, repeats: int = 5):
    """(last result, median milliseconds) of ``fn()`` over ``repeats`` calls after a warm-up."""
    result, samples = fn(), []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
    return result, float(np.median(samples))
