"""Segment everything against upstream's SamAutomaticMaskGenerator on the same weights.

Random weights make box NMS merge nearly every mask into one, so the comparisons run
with the thresholds at 0 and NMS at 1.0: every candidate of every point is a record."""

import numpy as np
import pytest
import torch
from pycocotools import mask as mask_utils
from segment_anything import SamAutomaticMaskGenerator

from conftest import make_service
from sam_app.backends.sam import SamBackend
from sam_app.errors import SamAppError
from sam_app.service import SamService
from sam_app.tasks.everything import EverythingSettings, MaskGenerator, uncompressed_counts

KEEP_ALL = dict(pred_iou_thresh=0, stability_score_thresh=0, box_nms_thresh=1.0, crop_nms_thresh=1.0,
                output_mode="coco_rle")


def reference_service(model, name="tiny", decoder="torch") -> SamService:
    """fp32, segment-anything's own attention: the embedding upstream's predictor makes."""
    service = SamService(device="cpu", precision="fp32")
    service.add_backend(SamBackend(model, name, torch.device("cpu"), "fp32", decoder, "reference"), default=True)
    return service


def assert_equal_records(ours, ref):
    assert len(ours) == len(ref) > 0
    for a, b in zip(ours, ref):
        assert a["segmentation"] == b["segmentation"]  # identical RLE
        assert a["bbox"] == b["bbox"] and a["area"] == b["area"]
        assert a["point_coords"] == b["point_coords"] and a["crop_box"] == b["crop_box"]
        assert abs(a["predicted_iou"] - b["predicted_iou"]) <= 1e-4
        assert np.isclose(a["stability_score"], b["stability_score"], atol=1e-4, equal_nan=True)


def matched_fraction(ours, ref, iou=0.99) -> float:
    """Share of ``ref``'s masks that one of ``ours`` matches at mask IoU >= ``iou``."""
    overlaps = mask_utils.iou([r["segmentation"] for r in ours], [r["segmentation"] for r in ref], [0] * len(ref))
    return float((np.asarray(overlaps).max(axis=0) >= iou).mean())


@pytest.mark.parametrize("settings", [
    dict(points_per_side=8),
    dict(points_per_side=4, crop_n_layers=1, min_mask_region_area=100),
], ids=["full image", "crops and small regions"])
def test_records_equal_upstream_on_the_reference_path(tiny_model, coffee, settings):
    ref = SamAutomaticMaskGenerator(tiny_model, **KEEP_ALL, **settings).generate(coffee)
    ours = MaskGenerator(reference_service(tiny_model), **KEEP_ALL, **settings).generate(coffee)
    assert_equal_records(ours, ref)


def test_fast_path_matches_upstream_masks(tiny_model, coffee):
    """ONNX Runtime decoder and OpenCV upscaling."""
    ref = SamAutomaticMaskGenerator(tiny_model, points_per_side=8, **KEEP_ALL).generate(coffee)
    service = make_service(tiny_model, decoder="onnx")
    ours = MaskGenerator(service, points_per_side=8, **KEEP_ALL).generate(coffee)
    assert len(ours) == len(ref) == 192
    assert matched_fraction(ours, ref) >= 0.99


@pytest.mark.slow
def test_full_size_vit_b_equals_upstream(vit_b_checkpoint, coffee):
    from segment_anything import sam_model_registry

    from sam_app.models.sam1 import load_sam

    upstream = sam_model_registry["vit_b"](checkpoint=str(vit_b_checkpoint))
    ref = SamAutomaticMaskGenerator(upstream, points_per_side=6, **KEEP_ALL).generate(coffee)
    model, _ = load_sam(vit_b_checkpoint, "vit_b")
    ours = MaskGenerator(reference_service(model, "vit_b"), points_per_side=6, **KEEP_ALL).generate(coffee)
    assert_equal_records(ours, ref)


def test_embedding_comes_from_the_cache_and_progress_is_reported(tiny_service, coffee):
    image = tiny_service.load_image(coffee)
    tiny_service.segment(image, points=[[10, 10]])  # prompted first: encoded once
    seen = []
    records = MaskGenerator(tiny_service, points_per_side=4, points_per_batch=6, **KEEP_ALL).generate(
        image, progress=lambda done, desc: seen.append((done, desc)))
    assert tiny_service.encode_count == 1 and len(records) == 48
    assert seen == [(6 / 16, "6 of 16 points"), (12 / 16, "12 of 16 points"), (1.0, "16 of 16 points")]


def test_output_modes_hold_the_same_masks(tiny_service, coffee):
    settings = dict(points_per_side=3, pred_iou_thresh=0, stability_score_thresh=0, box_nms_thresh=1.0)
    rle, binary, raw = (MaskGenerator(tiny_service, output_mode=mode, **settings).generate(coffee)
                        for mode in ("coco_rle", "binary_mask", "uncompressed_rle"))
    for a, b, c in zip(rle, binary, raw):
        mask = mask_utils.decode({"size": a["segmentation"]["size"], "counts": a["segmentation"]["counts"].encode()})
        assert b["segmentation"].dtype == bool and np.array_equal(b["segmentation"], mask)
        assert sum(c["segmentation"]["counts"]) == 600 * 400 and a["area"] == int(mask.sum())
        # upstream's uncompressed form encodes back to the same compressed RLE
        assert mask_utils.frPyObjects(c["segmentation"], 400, 600)["counts"].decode() == a["segmentation"]["counts"]


def test_uncompressed_counts_start_with_zeros():
    mask = np.zeros((3, 2), np.uint8, order="F")
    mask[0, 0] = mask[1, 1] = 1
    assert uncompressed_counts(mask_utils.encode(mask)) == {"size": [3, 2], "counts": [0, 1, 3, 1, 1]}


def test_our_filters_drop_large_masks_and_near_duplicates(tiny_service, coffee):
    base = MaskGenerator(tiny_service, points_per_side=4, **KEEP_ALL).generate(coffee)
    small = MaskGenerator(tiny_service, points_per_side=4, max_area_fraction=0.3, **KEEP_ALL).generate(coffee)
    assert [r for r in base if r["area"] <= 0.3 * 600 * 400] == small and len(small) < len(base)
    distinct = MaskGenerator(tiny_service, points_per_side=4, mask_nms_thresh=0.5, **KEEP_ALL).generate(coffee)
    assert 0 < len(distinct) < len(base)
    rles = [r["segmentation"] for r in distinct]
    overlaps = np.asarray(mask_utils.iou(rles, rles, [0] * len(rles)))
    assert (overlaps[~np.eye(len(rles), dtype=bool)] <= 0.5).all()


def test_settings_are_checked():
    with pytest.raises(SamAppError, match="unknown output_mode 'png'; expected one of binary_mask"):
        EverythingSettings(output_mode="png")
    with pytest.raises(SamAppError, match="exactly one of points_per_side and point_grids"):
        EverythingSettings(points_per_side=None)
    assert EverythingSettings.preset("fast").points_per_side == 16
    with pytest.raises(SamAppError, match="unknown preset 'slow'"):
        EverythingSettings.preset("slow")


def test_a_model_without_scores_is_refused(coffee):
    service = SamService(model_type="classical", device="cpu")
    with pytest.raises(SamAppError, match="segment everything needs a model with scored masks, such as SAM; "
                                          "classical has none"):
        MaskGenerator(service).generate(coffee)
