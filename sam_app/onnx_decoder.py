"""SAM's prompt encoder + mask decoder as an ONNX graph: export (``python -m sam_app
export-onnx``), a check against PyTorch on random prompts, and the ONNX Runtime decoder
that the SAM backend uses on the CPU where it is faster than PyTorch.

The graph takes prompts the way segment-anything's ONNX export does: points and box
corners as one list in the model's 1024x1024 input frame (after ``ResizeLongestSide``),
with labels 1 foreground, 0 background, 2 / 3 box top-left / bottom-right, and -1 for the
padding point that SamPredictor adds when there is no box.
"""

from __future__ import annotations

import io
import logging
import tempfile
import warnings
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Tuple, Union

import numpy as np
import torch
from segment_anything.modeling import Sam
from segment_anything.utils.onnx import SamOnnxModel
from segment_anything.utils.transforms import ResizeLongestSide

from .backends.fast_decoder import FastDecoder, ImageSide, upscale_kept
from .errors import SamAppError
from .prompts import ObjectPrompt

OPSET = 17


class Shapes(NamedTuple):
    """A SAM 1 model's decoder shapes: embedding (1, C, h, w), low_res (H, W) of its
    logits and mask input, frame: the side of its square input (the points' frame).
    Every released model: (1, 256, 64, 64), (256, 256), 1024."""

    embedding: Tuple[int, int, int, int]
    low_res: Tuple[int, int]
    frame: int

    @classmethod
    def of(cls, model: Sam) -> "Shapes":
        prompts = model.prompt_encoder
        return cls((1, prompts.embed_dim, *prompts.image_embedding_size), tuple(prompts.mask_input_size),
                   int(model.image_encoder.img_size))
UPSCALE_CHECK_SIZE = (600, 900)  # (H, W) that verify() asks an upscaling graph for


class PromptDecoder(SamOnnxModel):
    """segment-anything's ``SamOnnxModel``, with the upscaling to the image size optional.

    Inputs: image_embeddings 1x256x64x64 float32; point_coords BxNx2 float32 (X, Y) in
    the 1024 input frame; point_labels BxN float32 (see the module docstring);
    mask_input Bx1x256x256 float32 low-res logits; has_mask_input 1 float32 (1 = use
    mask_input); with ``upscale`` also orig_im_size 2 float32 (H, W).
    Outputs: with ``upscale`` first masks BxCxHxW float32 logits; then iou_predictions BxC
    and low_res_masks BxCx256x256. C = 4 (token 0 is the single-mask answer, 1-3 the
    multimask candidates), or 1 with ``return_single_mask`` (upstream's choice: token 0
    for more than one point, else the best of 1-3).
    """

    def __init__(self, model: Sam, return_single_mask: bool = False, upscale: bool = False):
        super().__init__(model, return_single_mask)
        self.upscale = upscale

    @torch.no_grad()
    def forward(self, image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size=None):
        masks, scores = self.model.mask_decoder.predict_masks(
            image_embeddings=image_embeddings,
            image_pe=self.model.prompt_encoder.get_dense_pe(),
            sparse_prompt_embeddings=self._embed_points(point_coords, point_labels),
            dense_prompt_embeddings=self._embed_masks(mask_input, has_mask_input),
        )
        if self.return_single_mask:
            masks, scores = self.select_masks(masks, scores, point_coords.shape[1])
        if self.upscale:
            return self.mask_postprocessing(masks, orig_im_size), scores, masks
        return scores, masks

    def input_names(self) -> List[str]:
        names = ["image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input"]
        return names + ["orig_im_size"] if self.upscale else names

    def output_names(self) -> List[str]:
        names = ["iou_predictions", "low_res_masks"]
        return ["masks"] + names if self.upscale else names

    def example_inputs(self) -> Tuple[torch.Tensor, ...]:
        shapes = Shapes.of(self.model)
        inputs = (
            torch.randn(shapes.embedding),
            torch.randint(0, shapes.frame, (1, 5, 2), dtype=torch.float),
            torch.randint(-1, 4, (1, 5), dtype=torch.float),
            torch.randn(1, 1, *shapes.low_res),
            torch.tensor([1.0]),
        )
        return inputs + (torch.tensor([1500.0, 2250.0]),) if self.upscale else inputs


class FastTokensGraph(torch.nn.Module):
    """``FastDecoder.tokens`` with the point embedding, for prompts without a mask input.

    Inputs: x, pe 1x4096x256 and k1, v1, q1 1x8x4096x16 (the image's
    ``fast_decoder.ImageSide``); point_coords BxNx2 and point_labels BxN as for
    ``PromptDecoder``. Outputs: iou_predictions Bx4, hyper Bx4x32 (the mask tokens'
    hypernetwork vectors), keys Bx4096x256 (the image tokens after the transformer)."""

    def __init__(self, fast: FastDecoder):
        super().__init__()
        self.fast, self.model = fast, fast.sam  # the model registered: its weights are the graph's
        self.size = Shapes.of(fast.sam).embedding[2:]

    def forward(self, x, pe, k1, v1, q1, point_coords, point_labels):
        side = ImageSide(x, pe, k1, v1, q1, self.size)
        return self.fast.tokens(side, self.fast.embed(point_coords, point_labels))

    @staticmethod
    def input_names() -> List[str]:
        return ["x", "pe", "k1", "v1", "q1", "point_coords", "point_labels"]


class FastMasksGraph(torch.nn.Module):
    """``FastDecoder.masks``. Inputs: hyper BxCx32, keys Bx4096x256. Output: low_res_masks
    BxCx256x256."""

    def __init__(self, fast: FastDecoder):
        super().__init__()
        self.fast, self.model = fast, fast.sam  # the model registered: its weights are the graph's
        self.size = Shapes.of(fast.sam).embedding[2:]

    def forward(self, hyper, keys):
        return self.fast.masks(hyper, keys, self.size)


def export_fast(model: Sam, opset: int = OPSET) -> Tuple[bytes, bytes]:
    """The ONNX graphs of ``FastTokensGraph`` and ``FastMasksGraph`` for ``model``."""
    fast, shapes = FastDecoder(model), Shapes.of(model)
    side = fast.image_side(torch.randn(shapes.embedding))
    coords = torch.randint(0, shapes.frame, (2, 5, 2), dtype=torch.float)
    labels = torch.randint(-1, 4, (2, 5)).float()
    tokens = FastTokensGraph(fast)
    with torch.no_grad():
        _, hyper, keys = tokens(side.x, side.pe, side.k1, side.v1, side.q1, coords, labels)
    points = {0: "batch", 1: "num_points"}
    return (
        _export(tokens, (side.x, side.pe, side.k1, side.v1, side.q1, coords, labels), tokens.input_names(),
                ["iou_predictions", "hyper", "keys"], {"point_coords": points, "point_labels": points}, opset),
        _export(FastMasksGraph(fast), (hyper, keys), ["hyper", "keys"], ["low_res_masks"],
                {"hyper": {0: "batch", 1: "masks"}, "keys": {0: "batch"}}, opset),
    )


def _export(module: torch.nn.Module, inputs, input_names, output_names, dynamic, opset: int) -> bytes:
    """The ONNX graph of ``module`` (TorchScript exporter) as bytes."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about Python control flow on shapes
        torch.onnx.export(module.eval(), inputs, buffer, input_names=input_names, output_names=output_names,
                          dynamic_axes=dynamic, opset_version=opset, do_constant_folding=True, dynamo=False)
    return buffer.getvalue()


def export_bytes(model: Sam, return_single_mask: bool = False, upscale: bool = False, opset: int = OPSET) -> bytes:
    """The ONNX graph of ``PromptDecoder(model, ...)`` (batch and point count dynamic)."""
    wrapper = PromptDecoder(model, return_single_mask, upscale)
    dynamic = {
        "point_coords": {0: "batch", 1: "num_points"},
        "point_labels": {0: "batch", 1: "num_points"},
        "mask_input": {0: "batch"},
    }
    return _export(wrapper, wrapper.example_inputs(), wrapper.input_names(), wrapper.output_names(), dynamic, opset)


def quantize_bytes(graph: bytes) -> bytes:
    """Dynamic uint8 quantisation of the weights (as upstream's export script does)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "float.onnx", Path(folder) / "quantized.onnx"
        source.write_bytes(graph)
        root.setLevel(logging.ERROR)  # its advice to pre-process applies to image models, not this one
        try:
            quantize_dynamic(str(source), str(target), per_channel=False, reduce_range=False,
                             weight_type=QuantType.QUInt8)
        finally:
            root.setLevel(level)
        return target.read_bytes()


def prompt_arrays(objects: List[ObjectPrompt], to_input_frame) -> Tuple[np.ndarray, np.ndarray]:
    """Objects with the same prompt shape -> (point_coords BxNx2, point_labels BxN) float32
    as the graph takes them: points, then the box corners (labels 2, 3) or, with no box,
    the padding point SamPredictor adds (label -1). ``to_input_frame(xy Kx2) -> Kx2``
    maps (X, Y) image pixels into the 1024 input frame."""
    coords, labels = [], []
    for obj in objects:
        xy = obj.points.reshape(-1, 2).astype(np.float32)
        codes = obj.labels.reshape(-1).astype(np.float32)
        if obj.box is not None:
            xy = np.concatenate([xy, np.asarray(obj.box, np.float32).reshape(2, 2)])
            codes = np.concatenate([codes, [2.0, 3.0]])
        xy = to_input_frame(xy)
        if obj.box is None:
            xy = np.concatenate([xy, np.zeros((1, 2))])
            codes = np.concatenate([codes, [-1.0]])
        coords.append(xy)
        labels.append(codes)
    return np.stack(coords).astype(np.float32), np.stack(labels).astype(np.float32)


class OnnxDecoder:
    """An ONNX Runtime session over a ``PromptDecoder`` graph without upscaling.

    ``OnnxDecoder.from_model(sam)`` exports in memory (about a second for any SAM size,
    since the decoder is the same small network)."""

    def __init__(self, graph: bytes, threads: int = 0, arena: bool = False):
        """arena: ONNX Runtime's CPU memory arena, off by default: with it the process
        kept the peak of the largest batch it ever ran (gigabytes after one request with
        many objects); without it a request's memory goes back when it ends. A one-point
        prompt is as fast either way, the largest requests somewhat slower without
        (docs/performance.md, benchmarks/large_requests.py)."""
        self.session = session(graph, threads, arena)
        self.inputs = names = [i.name for i in self.session.get_inputs()]
        if "orig_im_size" in names:
            raise SamAppError("this ONNX decoder upscales to the image size; the service needs one exported "
                              "without upscaling (PromptDecoder(upscale=False))")
        self.low_res = tuple(next(i for i in self.session.get_inputs() if i.name == "mask_input").shape[2:])

    @classmethod
    def from_model(cls, model: Sam, threads: int = 0, arena: bool = False) -> "OnnxDecoder":
        return cls(export_bytes(model), threads, arena)

    def __call__(self, features: np.ndarray, coords: np.ndarray, labels: np.ndarray,
                 mask_input: Optional[np.ndarray]) -> Tuple[np.ndarray, np.ndarray]:
        """features 1x256x64x64, coords BxNx2, labels BxN, mask_input Bx1x256x256 or None ->
        (iou_predictions Bx4, low_res_masks Bx4x256x256), float32 (a released model's
        shapes; a custom model's: ``Shapes``)."""
        feed = graph_feed(features, coords, labels, mask_input, self.low_res)
        scores, low_res = self.session.run(None, {name: feed[name] for name in self.inputs})
        return scores, low_res


class FastOnnxDecoder:
    """``FastDecoder`` run by ONNX Runtime: its two graphs (``export_fast``), for prompts
    without a mask input. Same ``decode`` as ``FastDecoder``, on the CPU."""

    def __init__(self, graphs: Tuple[bytes, bytes], threads: int = 0, arena: bool = False,
                 low_res: Tuple[int, int] = (256, 256), quantized: bool = False):
        """arena: as for ``OnnxDecoder``; low_res: (H, W) of the model's logits (``Shapes``);
        quantized: the graphs' weights are uint8 (``quantize_bytes``), a label only."""
        self.tokens, self.masks = (session(graph, threads, arena) for graph in graphs)
        self.low_res, self.quantized = low_res, quantized

    @classmethod
    def from_model(cls, model: Sam, threads: int = 0, arena: bool = False,
                   quantize: bool = False) -> "FastOnnxDecoder":
        """The graphs exported from ``model``; with ``quantize``, their weights as uint8
        (ONNX Runtime's dynamic quantisation: opt-in, it moves the masks)."""
        graphs = export_fast(model)
        if quantize:
            graphs = tuple(quantize_bytes(graph) for graph in graphs)
        return cls(graphs, threads, arena, Shapes.of(model).low_res, quantize)

    def decode(self, side: ImageSide, coords: np.ndarray, labels: np.ndarray, multimask: bool = True,
               min_score: Optional[float] = None) -> Tuple[np.ndarray, np.ndarray]:
        """As ``FastDecoder.decode`` (coords, labels and the results as numpy arrays)."""
        feed = {name: getattr(side, name).cpu().numpy() for name in ("x", "pe", "k1", "v1", "q1")}
        scores, hyper, keys = self.tokens.run(None, dict(feed, point_coords=coords, point_labels=labels))

        def masks(rows: Union[slice, np.ndarray], picked: slice) -> np.ndarray:
            feed = {"hyper": np.ascontiguousarray(hyper[rows, picked]), "keys": keys[rows]}
            return self.masks.run(None, feed)[0]

        return upscale_kept(scores, multimask, min_score, masks, self.low_res)


def session(graph: bytes, threads: int = 0, arena: bool = False):
    """An ONNX Runtime CPU session over ``graph`` with every graph optimisation, ``threads``
    intra-op threads (0: PyTorch's count) that sleep when idle, and the memory arena on or off."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads or torch.get_num_threads()
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.enable_cpu_mem_arena = arena
    return ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])


def graph_feed(features: np.ndarray, coords: np.ndarray, labels: np.ndarray, mask_input: Optional[np.ndarray],
               low_res: Tuple[int, int] = (256, 256)) -> Dict[str, np.ndarray]:
    """The graph's inputs (without orig_im_size): features 1x256x64x64, coords BxNx2 and
    labels BxN (see ``prompt_arrays``), mask_input Bx1x256x256 low-res logits or None
    (HxW = ``low_res`` for a custom model's, see ``Shapes``)."""
    return {
        "image_embeddings": np.ascontiguousarray(features, np.float32),
        "point_coords": coords,
        "point_labels": labels,
        "mask_input": mask_input.astype(np.float32) if mask_input is not None
        else np.zeros((len(coords), 1, *low_res), np.float32),
        "has_mask_input": np.array([0.0 if mask_input is None else 1.0], np.float32),
    }


def verify(graph: bytes, model: Sam, trials: int = 8, seed: int = 0) -> Dict[str, float]:
    """Run ``graph`` (any PromptDecoder export) and PyTorch's prompt encoder + mask decoder
    (as SamPredictor calls them) on random embeddings and prompts: 1-4 points, with or
    without a box and a mask input. Returns the largest absolute differences of the
    low-res logits, the scores and (for a graph that upscales) the full-size logits, and
    the smallest share of low-res mask pixels that agree in sign."""
    import onnxruntime as ort

    session = ort.InferenceSession(graph, providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    outputs = [o.name for o in session.get_outputs()]
    rng, shapes = np.random.default_rng(seed), Shapes.of(model)
    worst = {"max_logit_diff": 0.0, "max_score_diff": 0.0, "sign_agreement": 1.0}
    for trial in range(trials):
        n = int(rng.integers(1, 5))
        obj = ObjectPrompt(
            points=rng.uniform(0, shapes.frame, (n, 2)).astype(np.float32),
            labels=rng.integers(0, 2, n).astype(np.int32),
            box=np.sort(rng.uniform(0, shapes.frame, (2, 2)), axis=0).reshape(4).astype(np.float32)
            if trial % 2 else None,
            mask_input=rng.normal(0, 4, (1, *shapes.low_res)).astype(np.float32) if trial % 4 >= 2 else None,
        )
        features = rng.normal(0, 1, shapes.embedding).astype(np.float32)
        with torch.inference_mode():  # as SamPredictor.predict_torch calls them
            sparse, dense = model.prompt_encoder(
                points=(torch.from_numpy(obj.points[None]), torch.from_numpy(obj.labels[None])),
                boxes=None if obj.box is None else torch.from_numpy(obj.box[None]),
                masks=None if obj.mask_input is None else torch.from_numpy(obj.mask_input[None]),
            )
            ref_masks, ref_scores = model.mask_decoder.predict_masks(
                torch.from_numpy(features), model.prompt_encoder.get_dense_pe(), sparse, dense)
        coords, codes = prompt_arrays([obj], lambda xy: xy)
        feed = graph_feed(features, coords, codes, None if obj.mask_input is None else obj.mask_input[None],
                          shapes.low_res)
        if "orig_im_size" in names:
            feed["orig_im_size"] = np.array(UPSCALE_CHECK_SIZE, np.float32)
        result = dict(zip(outputs, session.run(None, feed)))
        low, scores = ref_masks.numpy(), ref_scores.numpy()
        if result["low_res_masks"].shape[1] == 1:  # single-mask graph: the token upstream's rule picks
            pick = 0 if coords.shape[1] > 2.5 else 1 + int(np.argmax(scores[0, 1:]))
            low, scores = low[:, pick:pick + 1], scores[:, pick:pick + 1]
        worst["max_logit_diff"] = max(worst["max_logit_diff"], float(np.abs(result["low_res_masks"] - low).max()))
        worst["max_score_diff"] = max(worst["max_score_diff"], float(np.abs(result["iou_predictions"] - scores).max()))
        if "masks" in result:
            with torch.inference_mode():
                input_size = ResizeLongestSide.get_preprocess_shape(*UPSCALE_CHECK_SIZE, model.image_encoder.img_size)
                full = model.postprocess_masks(torch.from_numpy(low), input_size, UPSCALE_CHECK_SIZE).numpy()
            upscaled = float(np.abs(result["masks"] - full).max())
            worst["max_upscaled_diff"] = max(worst.get("max_upscaled_diff", 0.0), upscaled)
        agree = float(((result["low_res_masks"] > 0) == (low > 0)).mean())
        worst["sign_agreement"] = min(worst["sign_agreement"], agree)
    return worst
