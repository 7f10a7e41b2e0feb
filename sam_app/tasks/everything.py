"""Segment everything: automatic masks from a grid of point prompts, built on the service
as upstream's ``SamAutomaticMaskGenerator`` is built on the predictor.

    generator = MaskGenerator(service, points_per_side=32, output_mode="coco_rle")
    records = generator.generate("photo.jpg", progress=lambda done, desc: ...)

Every upstream setting has its name and default; records carry upstream's fields
(segmentation, area, bbox XYWH, predicted_iou, point_coords, stability_score, crop_box
XYWH). Where the time goes, and what is done instead of upstream's way:

- Upstream upscales all 3 candidates of every point to full size as float logits
  before it filters anything. Here predicted-IoU filtering happens first: the fast
  decoders skip the decoder's own upscaling branch for points whose candidates all fail
  it (the IoU head needs only the transformer's tokens), and survivors are upscaled a few
  at a time (memory bounded at any image size) to measure their stability and boxes with
  OpenCV and numpy counts (the same integers).
- Upstream run-length encodes every candidate with per-run Python loops before box NMS;
  here only the masks box NMS keeps are encoded, by pycocotools' C encoder (their low-res
  logits are kept until then: 256 KB a candidate).
- The full-image layer takes the embedding from the service's cache (an image already
  prompted is not encoded again); crops go through the same cache.

With the PyTorch decoder (``torch``) the masks are upscaled by segment-anything's own
``postprocess_masks``, so the records equal upstream's (tested); the fast decoders
(``backends.fast_decoder``, through ONNX Runtime by default on the CPU) and the OpenCV
upscaling are the fast path (>= 99 % of masks at IoU >= 0.99).

Options of ours, off by default: ``mask_nms_thresh`` drops a mask whose mask IoU with a
better one exceeds it (box NMS lets near-duplicates of different extent through);
``max_area_fraction`` drops masks covering more of the image than that (SA-1B's
pipeline dropped masks covering 95 %); ``hierarchical`` prompts the grid in two steps,
as TinySAM's hierarchical strategy does: a grid of a quarter of the points per side
first, then only the points of the full grid that none of its confident masks covers
(low-res logit above ``hierarchical_logit`` at the point, among the masks that passed the
filters); box NMS then runs over both steps' masks. The presets (``PRESETS``) and what
each costs and finds against the default are measured in docs/performance.md
(benchmarks/shortcuts.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Callable, Dict, List, Optional

import numpy as np
import torch
from pycocotools import mask as mask_utils
from segment_anything.utils.amg import (
    MaskData,
    box_xyxy_to_xywh,
    build_all_layer_point_grids,
    build_point_grid,
    generate_crop_boxes,
    is_box_near_crop_edge,
    remove_small_regions,
    uncrop_boxes_xyxy,
    uncrop_points,
)
from torchvision.ops.boxes import batched_nms, box_area

from ..errors import LimitError, SamAppError, shorten
from ..export import encode_rle, rle_json
from ..files import number
from ..images import ImageSource, LoadedImage
from ..limits import LIMITS, Deadline
from ..results import xyxy_inclusive

OUTPUT_MODES = ("binary_mask", "uncompressed_rle", "coco_rle")
INT_OPTIONS = ("points_per_side", "points_per_batch", "crop_n_layers", "crop_n_points_downscale_factor",
               "min_mask_region_area")
FLOAT_OPTIONS = ("pred_iou_thresh", "stability_score_thresh", "stability_score_offset", "box_nms_thresh",
                 "crop_nms_thresh", "crop_overlap_ratio", "mask_nms_thresh", "max_area_fraction", "hierarchical_logit")
NULLABLE = ("points_per_side", "mask_nms_thresh", "max_area_fraction")  # None: point_grids instead, or off
PRESETS = {"default": {}, "fast": {"points_per_side": 16}}
RANGES = {  # what each setting may be, inclusive (a huge or non-finite value would break the run, or its answer)
    "points_per_side": (1, 2**20), "points_per_batch": (1, 2**20), "crop_n_layers": (0, 3), "pred_iou_thresh": (0, 1),
    "stability_score_thresh": (0, 1), "stability_score_offset": (0, 1000), "box_nms_thresh": (0, 1),
    "crop_nms_thresh": (0, 1), "crop_overlap_ratio": (0, 0.99), "crop_n_points_downscale_factor": (1, 1024),
    "min_mask_region_area": (0, 2**31 - 1), "mask_nms_thresh": (0, 1), "max_area_fraction": (0, 1),
    "hierarchical_logit": (-1000, 1000),
}
MAX_CROP_LAYERS = 3  # 1 + 4 + 16 + 64 crops, each encoded
MAX_CHUNK_PIXELS = 32_000_000  # full-size float logits upscaled at once (128 MB)
Progress = Callable[[float, str], None]


@dataclass
class EverythingSettings:
    """Upstream's ``SamAutomaticMaskGenerator`` arguments with its defaults, then ours.

    points_per_side (int or None): grid points along each side (None: point_grids).
    points_per_batch (int): points decoded at once. pred_iou_thresh (float): keep masks
    whose predicted IoU is above it. stability_score_thresh (float): keep masks whose
    stability (IoU of the mask thresholded at +-stability_score_offset) is at least it.
    box_nms_thresh (float): box IoU above which a lower-scoring mask of the same crop is
    dropped. crop_n_layers (int): layers of crops (layer i has (2**i)**2 crops).
    crop_nms_thresh (float): the same between crops. crop_overlap_ratio (float): crop
    overlap as a fraction of the short side. crop_n_points_downscale_factor (int): points
    per side shrink by this at each layer. point_grids (list of Nx2 arrays in [0, 1]):
    explicit grids, one per layer. min_mask_region_area (int): holes and islands smaller
    than this (pixels) are removed. output_mode: binary_mask | uncompressed_rle | coco_rle.
    mask_nms_thresh (float or None): ours, see the module docstring. max_area_fraction
    (float or None): ours, likewise. hierarchical (bool; null: false): ours, likewise.
    hierarchical_logit (float): a coarse mask covers a grid point where its low-res logit
    is above this (TinySAM's 8.5).
    """

    points_per_side: Optional[int] = 32
    points_per_batch: int = 64
    pred_iou_thresh: float = 0.88
    stability_score_thresh: float = 0.95
    stability_score_offset: float = 1.0
    box_nms_thresh: float = 0.7
    crop_n_layers: int = 0
    crop_nms_thresh: float = 0.7
    crop_overlap_ratio: float = 512 / 1500
    crop_n_points_downscale_factor: int = 1
    point_grids: Optional[List[np.ndarray]] = field(default=None, repr=False)
    min_mask_region_area: int = 0
    output_mode: str = "binary_mask"
    mask_nms_thresh: Optional[float] = None
    max_area_fraction: Optional[float] = None
    hierarchical: bool = False
    hierarchical_logit: float = 8.5

    def __post_init__(self):
        if self.hierarchical is None:  # JSON's null, as the other options of ours: off
            self.hierarchical = False
        if not isinstance(self.hierarchical, bool):  # JSON's true / false only
            raise SamAppError(f"hierarchical must be true or false, got {shorten(self.hierarchical)}")
        if self.hierarchical and self.point_grids is not None:
            raise SamAppError("hierarchical needs points_per_side: its coarse grid is a quarter of the points per "
                              "side, which explicit point_grids do not have")
        for name in (*INT_OPTIONS, *FLOAT_OPTIONS):
            value = getattr(self, name)
            if value is None and name not in NULLABLE:
                raise SamAppError(f"{name} must be a number, got null (only {', '.join(NULLABLE)} may be null)")
            if value is not None:  # JSON numbers as they are: no "4", true or 4.9 for a whole number
                setattr(self, name, number(value, name, integer=name in INT_OPTIONS))
        if (self.points_per_side is None) == (self.point_grids is None):
            raise SamAppError("give exactly one of points_per_side and point_grids")
        if self.output_mode not in OUTPUT_MODES:
            raise SamAppError(f"unknown output_mode {shorten(self.output_mode)}; expected one of "
                              f"{', '.join(OUTPUT_MODES)}")
        if self.crop_n_layers > MAX_CROP_LAYERS:
            raise LimitError(f"crop_n_layers {self.crop_n_layers} is more than {MAX_CROP_LAYERS}: layer i encodes "
                             f"4**i crops of the image")
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if value is not None and not low <= value <= high:
                raise SamAppError(f"{name} must be in {low:g}-{high:g}, got {value:g}")
        if self.point_grids is not None:
            self.point_grids = _check_grids(self.point_grids, self.crop_n_layers)
        elif self.points_per_side // self.crop_n_points_downscale_factor ** self.crop_n_layers < 1:
            raise SamAppError(f"points_per_side {self.points_per_side} leaves crop layer {self.crop_n_layers} no "
                              f"points: each layer has points_per_side // {self.crop_n_points_downscale_factor}**layer "
                              "per side; give more points, fewer crop layers or a smaller "
                              "crop_n_points_downscale_factor")
        self._check_limits()

    def _check_limits(self) -> None:
        """The run's point prompts over all crops, and those decoded at once, within
        ``LIMITS`` (counted without building the grids: a huge points_per_side would not fit)."""
        if self.point_grids is not None:
            per_layer = [len(grid) for grid in self.point_grids]
        else:
            per_layer = [self.prompts_per_grid((self.points_per_side // self.crop_n_points_downscale_factor ** i) ** 2)
                         for i in range(self.crop_n_layers + 1)]
        total = sum(4 ** layer * count for layer, count in enumerate(per_layer[:self.crop_n_layers + 1]))
        if total > LIMITS.max_everything_points:
            grid = " and its coarse grid" if self.hierarchical else ""
            raise LimitError(f"these settings ask for {total:,} point prompts (points_per_side {self.points_per_side}"
                             f"{grid}, crop_n_layers {self.crop_n_layers}); at most {LIMITS.max_everything_points:,} "
                             f"are accepted in one run ({LIMITS.raise_hint('max_everything_points')})")
        if self.points_per_batch > LIMITS.max_objects:
            raise LimitError(f"points_per_batch {self.points_per_batch} is more than the {LIMITS.max_objects} prompts "
                             f"decoded at once ({LIMITS.raise_hint('max_objects')})")

    def coarse_side(self, points: int) -> int:
        """Points per side of the hierarchical coarse grid for a fine grid of ``points``
        points (a quarter of its points per side, at least 1); 0 when not hierarchical."""
        return max(1, round(np.sqrt(points)) // 4) if self.hierarchical else 0

    def prompts_per_grid(self, points: int) -> int:
        """The most point prompts a grid of ``points`` points costs: its own, and its
        coarse grid's first when hierarchical."""
        return points + self.coarse_side(points) ** 2

    @classmethod
    def preset(cls, name: str, **overrides) -> "EverythingSettings":
        if not isinstance(name, str) or name not in PRESETS:
            raise SamAppError(f"unknown preset {shorten(name)}; expected one of {', '.join(PRESETS)}")
        return cls(**{**PRESETS[name], **overrides})

    def grids(self) -> List[np.ndarray]:
        if self.point_grids is not None:
            return [np.asarray(g, np.float64) for g in self.point_grids]
        return build_all_layer_point_grids(self.points_per_side, self.crop_n_layers,
                                           self.crop_n_points_downscale_factor)

    def as_dict(self) -> Dict[str, Any]:
        """JSON-ready settings (point grids as lists)."""
        data = asdict(self)
        data["point_grids"] = None if self.point_grids is None else [np.asarray(g).tolist() for g in self.point_grids]
        return data


SETTING_NAMES = [f.name for f in fields(EverythingSettings)]


class MaskGenerator:
    """Automatic masks for ``service``'s model ``model`` (None: its default).
    settings: an ``EverythingSettings``, or its fields as keyword arguments."""

    def __init__(self, service, model: Optional[str] = None, settings: Optional[EverythingSettings] = None,
                 **kwargs):
        self.service, self.model = service, model
        self.settings = settings or EverythingSettings(**kwargs)

    def backend(self):
        """The model's backend (loaded once); the one-line refusal (``CapabilityError``)
        for a model that does not declare ``everything``."""
        return self.service.backend(self.service.require(self.model, "everything"))

    def generate(self, image: ImageSource, progress: Optional[Progress] = None,
                 budget_s: Optional[float] = None) -> List[Dict[str, Any]]:
        """Records for ``image`` (see the module docstring), best first within each crop.
        budget_s: seconds the run may take (None: no limit), checked after each batch of
        points (``limits.Deadline``); LimitError when over."""
        image = self.service.load_image(image)
        data = self.generate_data(image, progress, budget_s)
        return records(data, self.settings.output_mode)

    def generate_data(self, image: LoadedImage, progress: Optional[Progress] = None,
                      budget_s: Optional[float] = None) -> MaskData:
        """The kept masks as a ``MaskData`` (rles: pycocotools RLE dicts of full-size
        masks; boxes XYXY; iou_preds; points; stability_score; crop_boxes XYXY)."""
        s, report = self.settings, progress or (lambda done, desc: None)
        deadline = Deadline(budget_s, "everything_seconds")
        backend = self.backend()
        orig_size = (image.height, image.width)
        crop_boxes, layers = generate_crop_boxes(orig_size, s.crop_n_layers, s.crop_overlap_ratio)
        grids = s.grids()
        total = sum(s.prompts_per_grid(len(grids[layer])) for layer in layers)
        done, data = 0, MaskData()

        def step(n: int) -> None:
            deadline.check(done + n, total, "points")
            report((done + n) / total, f"{done + n} of {total} points")

        for crop_box, layer in zip(crop_boxes, layers):
            crop_data = self._crop(backend, image, crop_box, grids[layer], orig_size, step)
            done += s.prompts_per_grid(len(grids[layer]))
            data.cat(crop_data)
        if len(crop_boxes) > 1:  # duplicates between crops: prefer masks from smaller crops
            scores = 1 / box_area(data["crop_boxes"])
            data.filter(batched_nms(data["boxes"].float(), scores, torch.zeros(len(data["boxes"])),
                                    iou_threshold=s.crop_nms_thresh))
        data.to_numpy()
        if s.min_mask_region_area > 0:
            data = remove_small_regions_and_duplicates(data, s.min_mask_region_area,
                                                       max(s.box_nms_thresh, s.crop_nms_thresh))
        return apply_our_filters(data, s, orig_size)

    def _crop(self, backend, image: LoadedImage, crop_box, grid: np.ndarray, orig_size, report) -> MaskData:
        x0, y0, x1, y1 = crop_box
        whole = crop_box == [0, 0, image.width, image.height]
        crop = image if whole else self.service.load_image(np.ascontiguousarray(image.pixels[y0:y1, x0:x1]))
        embedding = self.service.embedding(crop, backend.name)
        scale = np.array([[crop.width, crop.height]])
        points_for_crop = grid * scale
        parts, skipped, s = [], 0, self.settings
        if s.hierarchical:  # a quarter of the points per side first (the module docstring)
            coarse = build_point_grid(s.coarse_side(len(grid))) * scale
            parts = self._points(backend, embedding, coarse, crop_box, orig_size, report)
            covered = confident(parts, points_for_crop, (crop.height, crop.width), s.hierarchical_logit,
                                embedding.input_size is None)
            points_for_crop, skipped = points_for_crop[~covered], len(coarse) + int(covered.sum())
            if covered.any():
                report(skipped)
        parts += self._points(backend, embedding, points_for_crop, crop_box, orig_size, lambda n: report(skipped + n))
        data = merge(parts)
        data.filter(batched_nms(data["boxes"].float(), data["iou_preds"], torch.zeros(len(data["boxes"])),
                                iou_threshold=self.settings.box_nms_thresh))
        data["rles"] = self._encode(backend, embedding, data["low_res"], crop_box, orig_size)
        del data["low_res"]
        data["boxes"] = uncrop_boxes_xyxy(data["boxes"], crop_box)
        data["points"] = uncrop_points(data["points"], crop_box)
        data["crop_boxes"] = torch.tensor([crop_box for _ in range(len(data["rles"]))])
        return data

    def _points(self, backend, embedding, points: np.ndarray, crop_box, orig_size, report) -> List[MaskData]:
        """``_batch`` over ``points`` (Nx2 (X, Y) in the crop's pixels), points_per_batch at
        a time; report(points done) after each."""
        parts, batch = [], self.settings.points_per_batch
        for start in range(0, len(points), batch):
            parts.append(self._batch(backend, embedding, points[start:start + batch], crop_box, orig_size))
            report(min(start + batch, len(points)))
        return parts

    def _batch(self, backend, embedding, points: np.ndarray, crop_box, orig_size) -> MaskData:
        """Upstream's ``_process_batch`` up to the masks' boxes, with the IoU filter
        before any upscaling, survivors upscaled a chunk at a time, and their low-res
        logits kept (not their full-size masks) until box NMS has picked the few to encode."""
        s = self.settings
        min_score = s.pred_iou_thresh if s.pred_iou_thresh > 0.0 else None  # decided before the upscaling branch
        scores, low_res = backend.point_logits(embedding, points, min_score)  # Bx3, Bx3x256x256
        scores, low_res = scores.reshape(-1), low_res.reshape(-1, *low_res.shape[-2:])
        point_of = np.repeat(points, 3, axis=0)
        keep = np.flatnonzero(scores > s.pred_iou_thresh) if s.pred_iou_thresh > 0.0 else np.arange(len(scores))
        threshold, offset = backend.mask_threshold, s.stability_score_offset
        counts, boxes = [], []  # (inside, union) and box of each kept candidate
        for index in chunks(keep, embedding.original_size):
            for logits in backend.full_logits(embedding, low_res[index]):  # HxW float32 each
                counts.append((np.count_nonzero(logits > threshold + offset),
                               np.count_nonzero(logits > threshold - offset)))
                boxes.append(xyxy_inclusive(logits > threshold))
        inside, union = torch.as_tensor(np.array(counts, np.int32).reshape(-1, 2)).unbind(1)
        data = MaskData(low_res=low_res[keep], iou_preds=torch.as_tensor(scores[keep]),
                        points=torch.as_tensor(point_of[keep]), stability_score=inside / union,  # as upstream
                        boxes=torch.as_tensor(np.array(boxes, np.int64).reshape(-1, 4)))
        if s.stability_score_thresh > 0.0:
            data.filter(data["stability_score"] >= s.stability_score_thresh)
        data.filter(~is_box_near_crop_edge(data["boxes"], crop_box, [0, 0, orig_size[1], orig_size[0]]))
        return data

    @staticmethod
    def _encode(backend, embedding, low_res: np.ndarray, crop_box, orig_size) -> List[Dict[str, Any]]:
        """Low-res logits of the kept masks -> RLEs of their full-size masks in the image."""
        rles = []
        x0, y0, x1, y1 = crop_box
        for index in chunks(np.arange(len(low_res)), embedding.original_size):
            for logits in backend.full_logits(embedding, low_res[index]):
                mask = np.zeros(orig_size, np.uint8, order="F")  # column-major, as the encoder wants
                np.greater(logits, backend.mask_threshold, out=mask[y0:y1, x0:x1], casting="unsafe")
                rles.append(mask_utils.encode(mask))
        return rles


def _check_grids(grids, layers: int) -> List[np.ndarray]:
    """Explicit point grids: one per crop layer, each Nx2 (X, Y) in [0, 1]."""
    if not isinstance(grids, (list, tuple)) or len(grids) != layers + 1:
        raise SamAppError(f"point_grids must be a list of {layers + 1} grid(s), one per crop layer")
    checked = []
    for i, grid in enumerate(grids):
        try:
            array = np.asarray(grid, np.float64)
        except (TypeError, ValueError):
            raise SamAppError(f"point_grids[{i}] must be a list of [x, y] pairs in 0-1") from None
        if array.ndim != 2 or array.shape[1:] != (2,) or not len(array) or not np.isfinite(array).all() \
                or array.min() < 0 or array.max() > 1:
            raise SamAppError(f"point_grids[{i}] must be a non-empty list of [x, y] pairs in 0-1, got shape "
                              f"{array.shape}")
        checked.append(array)
    return checked


def confident(parts: List[MaskData], points: np.ndarray, size, logit: float, stretched: bool = False) -> np.ndarray:
    """N bool: which ``points`` (Nx2 (X, Y) in the pixels of an image of ``size`` (h, w))
    a mask of ``parts`` covers confidently: its low-res logit above ``logit`` there.
    The low-res logits are the model's square frame: the image in its top-left corner at
    its longest side (SAM 1, HQ-SAM), or with ``stretched`` over the whole square (SAM 2,
    EdgeTAM: an embedding whose ``input_size`` is None)."""
    covered = np.zeros(len(points), bool)
    for part in parts:
        low_res = part["low_res"]  # K x L x L
        if not len(low_res) or not len(points):
            continue
        side = low_res.shape[-1]
        scale = side / np.array([size[1], size[0]]) if stretched else side / max(size)
        u, v = (np.minimum((points * scale).astype(int), side - 1)).T
        covered |= (low_res[:, v, u] > logit).any(0)
    return covered


def merge(parts: List[MaskData]) -> MaskData:
    """Concatenate ``MaskData`` parts key by key, once (``MaskData.cat`` copies the
    whole so far at every call)."""
    merged = MaskData()
    for key, first in parts[0].items():
        values = [part[key] for part in parts]
        if isinstance(first, torch.Tensor):
            merged[key] = torch.cat(values)
        elif isinstance(first, np.ndarray):
            merged[key] = np.concatenate(values)
        else:
            merged[key] = [v for value in values for v in value]
    return merged


def chunks(index: np.ndarray, size) -> List[np.ndarray]:
    """``index`` in pieces whose full-size logits (``size`` (h, w) each) fit MAX_CHUNK_PIXELS."""
    step = max(1, MAX_CHUNK_PIXELS // (size[0] * size[1]))
    return [index[i:i + step] for i in range(0, len(index), step)]


def remove_small_regions_and_duplicates(data: MaskData, min_area: int, nms_thresh: float) -> MaskData:
    """Upstream's ``postprocess_small_regions`` on our RLEs: fill holes and drop islands
    smaller than ``min_area`` pixels, then box NMS preferring masks that were unchanged."""
    if not len(data["rles"]):
        return data
    masks, scores = [], []
    for rle in data["rles"]:
        mask, changed_holes = remove_small_regions(mask_utils.decode(rle).astype(bool), min_area, mode="holes")
        mask, changed_islands = remove_small_regions(mask, min_area, mode="islands")
        masks.append(mask)
        scores.append(float(not (changed_holes or changed_islands)))
    boxes = torch.as_tensor([xyxy_inclusive(m) for m in masks], dtype=torch.int64)
    keep = batched_nms(boxes.float(), torch.as_tensor(scores), torch.zeros(len(boxes)), iou_threshold=nms_thresh)
    for i in keep.tolist():
        if scores[i] == 0.0:
            data["rles"][i] = encode_rle(masks[i])
            data["boxes"][i] = boxes[i].numpy()
    data.filter(keep)
    return data


def apply_our_filters(data: MaskData, s: EverythingSettings, orig_size) -> MaskData:
    """``max_area_fraction``, then ``mask_nms_thresh`` (greedy, best predicted IoU first)."""
    if s.max_area_fraction is not None and len(data["rles"]):
        areas = mask_utils.area(data["rles"])
        data.filter(torch.as_tensor(areas <= s.max_area_fraction * orig_size[0] * orig_size[1]))
    if s.mask_nms_thresh is not None and len(data["rles"]):
        order = np.argsort(-np.asarray(data["iou_preds"]), kind="stable")
        overlaps = mask_utils.iou([data["rles"][i] for i in order], [data["rles"][i] for i in order],
                                  [0] * len(order))
        kept: List[int] = []  # ranks in ``order``
        for rank in range(len(order)):
            if all(overlaps[rank, j] <= s.mask_nms_thresh for j in kept):
                kept.append(rank)
        data.filter(torch.as_tensor(np.sort(order[kept])))
    return data


def uncompressed_counts(rle: Dict[str, Any]) -> Dict[str, Any]:
    """A pycocotools RLE -> upstream's uncompressed form {"size": [H, W], "counts": [..]}
    (column-major runs, starting with a run of zeros)."""
    flat = mask_utils.decode(rle).ravel(order="F")
    changes = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    counts = np.diff(np.concatenate([[0], changes, [flat.size]]))
    if flat.size and flat[0]:
        counts = np.concatenate([[0], counts])
    return {"size": [int(v) for v in rle["size"]], "counts": counts.tolist()}


def records(data: MaskData, output_mode: str) -> List[Dict[str, Any]]:
    """Upstream's records from ``MaskData`` (see ``MaskGenerator.generate``)."""
    result = []
    for i, rle in enumerate(data["rles"]):
        if output_mode == "coco_rle":
            segmentation = rle_json(rle)
        elif output_mode == "binary_mask":
            segmentation = mask_utils.decode(rle).astype(bool)
        else:
            segmentation = uncompressed_counts(rle)
        result.append({
            "segmentation": segmentation,
            "area": int(mask_utils.area(rle)),
            "bbox": box_xyxy_to_xywh(torch.as_tensor(data["boxes"][i])).tolist(),
            "predicted_iou": float(data["iou_preds"][i]),
            "point_coords": [np.asarray(data["points"][i]).tolist()],
            "stability_score": float(data["stability_score"][i]),
            "crop_box": box_xyxy_to_xywh(torch.as_tensor(data["crop_boxes"][i])).tolist(),
        })
    return result
