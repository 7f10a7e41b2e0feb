"""Segment everything against upstream's SamAutomaticMaskGenerator on the same weights.

Random weights make box NMS merge nearly every mask into one, so the comparisons run
with the thresholds at 0 and NMS at 1.0: every candidate of every point is a record."""

import re

import numpy as np
import pytest
import torch
from pycocotools import mask as mask_utils
from segment_anything import SamAutomaticMaskGenerator
from segment_anything.utils.amg import MaskData, build_point_grid

from sam_app.backends.sam import SamBackend
from sam_app.errors import LimitError, SamAppError
from sam_app.export import decode_rle
from sam_app.limits import LIMITS
from sam_app.service import SamService
from sam_app.tasks.everything import EverythingSettings, MaskGenerator, confident, uncompressed_counts

from conftest import make_service

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


@pytest.mark.parametrize("covers", ["nothing", "everything"])
def test_the_hierarchical_grid_prompts_what_its_coarse_masks_leave(tiny_service, coffee, monkeypatch, covers):
    """With no mask confident, the fine grid runs whole after the coarse one (the same
    records as one run of both grids in that order); with every mask confident, only the
    coarse grid runs."""
    settings = dict(KEEP_ALL, points_per_side=8, points_per_batch=4)
    calls, seen = [], []
    monkeypatch.setattr(MaskGenerator, "_batch", lambda self, *a, real=MaskGenerator._batch: calls.append(len(a[2]))
                        or real(self, *a))
    logit = 1000 if covers == "nothing" else -1000  # the tiny model's logits are well within
    ours = MaskGenerator(tiny_service, hierarchical=True, hierarchical_logit=logit, **settings).generate(
        coffee, progress=lambda done, desc: seen.append(desc))
    coarse, fine = build_point_grid(2), build_point_grid(8)
    grid = np.concatenate([coarse, fine]) if covers == "nothing" else coarse
    assert sum(calls) == len(grid)
    # the coarse points count in the progress (4 + 64 prompts at most), skipped ones as done
    expected = [4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68] if covers == "nothing" else [4, 68]
    assert seen == [f"{n} of 68 points" for n in expected]
    calls.clear()
    alone = dict(settings, points_per_side=None, point_grids=[grid])
    assert_equal_records(ours, MaskGenerator(tiny_service, **alone).generate(coffee))


def test_a_point_is_covered_where_a_kept_mask_is_confident():
    low_res = np.full((2, 64, 64), -20.0, np.float16)
    low_res[0, 10:20, 30:40] = 9.0  # confident in columns 30-39, rows 10-19 of the 64x64 frame
    low_res[1, 40:50, 0:10] = 5.0  # kept, not confident
    parts = [MaskData(low_res=low_res), MaskData(low_res=low_res[:0])]
    # a 512x256 (h, w) image sits in the frame's left half: frame pixel = image pixel / 8
    points = np.array([[35 * 8, 15 * 8], [4, 45 * 8], [39 * 8 + 7, 19 * 8 + 7], [40 * 8, 15 * 8]], float)
    assert confident(parts, points, (512, 256), 8.5).tolist() == [True, False, True, False]
    # stretched over the whole square (SAM 2, EdgeTAM): frame pixel = (X / 4, Y / 8)
    stretched = np.array([[35 * 4, 15 * 8], [35 * 8, 15 * 8], [39 * 4 + 3, 19 * 8 + 7]], float)
    assert confident(parts, stretched, (512, 256), 8.5, stretched=True).tolist() == [True, False, True]


def test_settings_are_checked(monkeypatch):
    assert EverythingSettings(hierarchical=None, mask_nms_thresh=None).hierarchical is False  # JSON null: off
    with pytest.raises(SamAppError, match="pred_iou_thresh must be a number, got null"):
        EverythingSettings(pred_iou_thresh=None)
    with pytest.raises(SamAppError, match="hierarchical must be true or false, got 'yes'"):
        EverythingSettings(hierarchical="yes")
    with pytest.raises(SamAppError, match="hierarchical needs points_per_side"):
        EverythingSettings(hierarchical=True, points_per_side=None, point_grids=[[[0.5, 0.5]]])
    with pytest.raises(SamAppError, match="unknown output_mode 'png'; expected one of binary_mask"):
        EverythingSettings(output_mode="png")
    with pytest.raises(SamAppError, match="points_per_side 1 leaves crop layer 1 no points"):  # was a ZeroDivisionError
        EverythingSettings(points_per_side=1, crop_n_layers=1, crop_n_points_downscale_factor=2)
    with pytest.raises(SamAppError, match="exactly one of points_per_side and point_grids"):
        EverythingSettings(points_per_side=None)
    assert EverythingSettings.preset("fast").points_per_side == 16
    with pytest.raises(SamAppError, match="unknown preset 'slow'"):
        EverythingSettings.preset("slow")
    monkeypatch.setattr(LIMITS, "max_everything_points", 64)
    assert EverythingSettings(points_per_side=8)
    with pytest.raises(LimitError, match="these settings ask for 68 point prompts .points_per_side 8 and its coarse"):
        EverythingSettings(points_per_side=8, hierarchical=True)  # the 2x2 coarse grid's prompts count


def test_work_a_run_asks_for_is_bounded_before_any_model_work():
    """points_per_side, crop layers and the batch are the request's to choose: a million
    points per side was accepted (hours of work, and its grid alone 16 GB)."""

    hint = "--max-everything-points or the SAM_MAX_EVERYTHING_POINTS environment variable raises it"
    with pytest.raises(LimitError, match=rf"ask for 1,000,000,000,000 point prompts .*at most 16,384 .*\({hint}\)"):
        EverythingSettings(points_per_side=10 ** 6)
    with pytest.raises(LimitError, match="ask for 21,504 point prompts"):
        EverythingSettings(points_per_side=32, crop_n_layers=2)  # 1024 * (1 + 4 + 16)
    with pytest.raises(LimitError, match="crop_n_layers 9 is more than 3"):
        EverythingSettings(crop_n_layers=9, crop_n_points_downscale_factor=10 ** 6)
    with pytest.raises(LimitError, match="points_per_batch 100000 is more than the 256 prompts decoded at once "
                                         r"\(--max-objects"):
        EverythingSettings(points_per_batch=10 ** 5)
    assert EverythingSettings(points_per_side=64, crop_n_layers=1, crop_n_points_downscale_factor=2)


def test_a_run_over_its_time_budget_stops_after_its_first_batch(tiny_service, coffee):

    image = tiny_service.load_image(coffee)
    tiny_service.embedding(image)
    seen = []
    with pytest.raises(LimitError, match=r"over its time budget of 0.001 s: at the pace of the first 2 of 16 points, "
                                         r"it would take about \d+ s; .*--everything-seconds"):
        MaskGenerator(tiny_service, points_per_side=4, points_per_batch=2, **KEEP_ALL).generate(
            image, progress=lambda done, desc: seen.append(done), budget_s=0.001)
    assert seen == []


def test_a_model_without_scores_is_refused(coffee):
    service = SamService(model_type="classical", device="cpu")
    with pytest.raises(SamAppError, match="^classical cannot segment everything; models that can: vit_h, vit_l, vit_b"):
        MaskGenerator(service).generate(coffee)


# ------------------------------------------------------------------ CLI, API and web UI


def test_cli_writes_amg_layout_reruns_and_reports_bad_files(tiny_cli, tiny_model, tmp_path, coffee):
    import csv

    from PIL import Image

    images = tmp_path / "images"
    images.mkdir()
    Image.fromarray(coffee).save(images / "coffee.png")
    Image.fromarray(coffee[:200, :300]).convert("L").save(images / "gray.jpg")
    (images / "broken.png").write_bytes(b"not an image")
    settings = ["--points-per-side", "3", "--pred-iou-thresh", "0", "--stability-score-thresh", "0",
                "--box-nms-thresh", "1.0", "--crop-overlap-ratio", "0.25"]
    out = tmp_path / "out"
    result = tiny_cli("everything", "--input", images, "--output", out, *settings, "--decoder", "torch")
    assert result.returncode == 1, result.stderr  # one file failed
    assert "failed: broken.png: " in result.stderr and "not a readable image" in result.stderr
    assert result.stdout.startswith("2 image(s), 54 masks -> ")
    rows = list(csv.reader((out / "coffee" / "metadata.csv").read_text().splitlines()))
    assert rows[0] == ["id", "area", "bbox_x0", "bbox_y0", "bbox_w", "bbox_h", "point_input_x", "point_input_y",
                       "predicted_iou", "stability_score", "crop_box_x0", "crop_box_y0", "crop_box_w", "crop_box_h"]
    expected = MaskGenerator(make_service(tiny_model), points_per_side=3, pred_iou_thresh=0, stability_score_thresh=0,
                             box_nms_thresh=1.0).generate(coffee)
    assert len(rows) - 1 == len(expected) == 27
    for row, record in zip(rows[1:], expected):
        mask = np.asarray(Image.open(out / "coffee" / f"{row[0]}.png")) > 0
        np.testing.assert_array_equal(mask, record["segmentation"])
        assert int(row[1]) == record["area"] and [float(v) for v in row[2:6]] == record["bbox"]
    # a re-run into the same folder replaces each image's output whole
    (out / "coffee" / "99.png").write_bytes(b"stale")
    again = tiny_cli("everything", "--input", images / "coffee.png", "--output", out, *settings, "--decoder", "torch")
    assert again.returncode == 0, again.stderr
    assert not (out / "coffee" / "99.png").exists() and (out / "gray").is_dir()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging folder left
    rle = tiny_cli("everything", "--input", images / "coffee.png", "--output", out, "--convert-to-rle", *settings,
                   "--decoder", "torch")
    assert rle.returncode == 0, rle.stderr
    import json

    records = json.loads((out / "coffee.json").read_text())
    assert len(records) == 27 and set(records[0]) == {"segmentation", "area", "bbox", "predicted_iou",
                                                      "point_coords", "stability_score", "crop_box"}


def test_api_everything(client, served, tiny_model):
    from gradio_client import handle_file

    from conftest import IMGS

    settings = {"points_per_side": 3, "pred_iou_thresh": 0, "stability_score_thresh": 0, "box_nms_thresh": 1.0}
    data, overlay = client.predict(handle_file(str(IMGS / "coffee.png")), "", settings, True, api_name="/everything")
    expected = MaskGenerator(make_service(tiny_model), output_mode="coco_rle", **settings).generate(
        str(IMGS / "coffee.png"))
    assert data["schema_version"] == 1 and data["model"] == "tiny" and data["settings"]["points_per_side"] == 3
    assert [m["segmentation"] for m in data["masks"]] == [r["segmentation"] for r in expected]
    assert overlay.endswith(".jpg")
    again, none = client.predict(None, data["image"]["image_id"], {"preset": "fast", "points_per_side": 2},
                                 False, api_name="/everything")
    assert none is None and again["settings"]["points_per_side"] == 2
    with pytest.raises(Exception, match="unknown setting\\(s\\) points; expected some of points_per_side"):
        client.predict(None, data["image"]["image_id"], {"points": 3}, False, api_name="/everything")
    with pytest.raises(Exception, match="points_per_side must be a number, got 'many'"):
        client.predict(None, data["image"]["image_id"], {"points_per_side": "many"}, False, api_name="/everything")


def test_web_ui_everything_select_download_and_refine(tiny_model, coffee):
    import io
    import json
    import zipfile

    import gradio as gr
    from PIL import Image
    from ui_tab import NO_PROGRESS, Tab

    from sam_app.ui import build_ui

    from conftest import IMGS

    with gr.Blocks():
        ui = build_ui(make_service(tiny_model))
    e, s = ui.everything, ui.everything.shared  # its messages show in its own line
    tab = Tab(ui)
    tab.open(str(IMGS / "coffee.png"))
    assert tab.call(e.on_download)[s.message] == "Error: No masks yet: press Segment everything first."
    none = tab.call(e.on_run, 2, 1.0, 1.0, 1.0, 0, 0, 1, 1, True, progress=NO_PROGRESS)
    assert none[s.message].startswith("0 masks in ") and "lower Predicted IoU and Stability" in none[s.message]
    out = tab.call(e.on_run, 3, 0, 0, 1.0, 0, 0, 1, 1, False, progress=NO_PROGRESS)
    records = tab.state("everything").everything.records
    assert len(records) == 27 and out[s.message].startswith("27 masks in ") and len(out[e.table]) == 27
    shown = out[e.picture]  # the canvas: every mask, the largest first (the small ones on top)
    assert (shown["width"], shown["height"]) == (600, 400) and len(shown["objects"]) == 27
    assert [o["index"] for o in shown["objects"]] == sorted(range(27), key=lambda i: -records[i]["area"])
    # a click selects the smallest mask under it; a table row selects by id
    smallest = min(range(27), key=lambda i: records[i]["area"])
    ys, xs = np.nonzero(decode_rle(records[smallest]["segmentation"]))
    out = tab.call(e.on_click, evt=gr.SelectData(None, {"index": [int(xs[0]), int(ys[0])], "value": None}))
    assert tab.state("everything").selected == (smallest,) and out[s.message] == f"Mask #{smallest} selected."
    assert [row[0] for row in out[e.table] if row[-1] == "✓"] == [smallest]  # the table shows the selection
    tab.call(e.on_row, evt=gr.SelectData(None, {"index": [0, 0], "value": 5, "row_value": [5, 0, "", 0, 0, ""]}))
    selected = tab.state("everything").selected
    assert selected == tuple(sorted({smallest, 5}))
    # the table sorts by a field (largest first), and keeps the sort and the selection marks
    out = tab.call(e.on_sort, "area")
    areas = [row[1] for row in out[e.table]]
    assert areas == sorted(areas, reverse=True) and out[s.message] == "Sorted by area, largest first."
    assert sorted(row[0] for row in out[e.table] if row[-1] == "✓") == list(selected)
    out = tab.call(e.on_click, evt=gr.SelectData(None, {"index": [int(xs[0]), int(ys[0])], "value": None}))
    assert [row[1] for row in out[e.table]] == areas  # still sorted
    tab.call(e.on_click, evt=gr.SelectData(None, {"index": [int(xs[0]), int(ys[0])], "value": None}))
    assert tab.call(e.on_sort, "colour")[s.message].startswith("Error: cannot sort by 'colour'")
    assert tab.state("everything").selected == selected
    files = tab.call(e.on_download)[e.files]
    names = [f.rsplit("/", 1)[1] for f in files]
    assert names == ["coffee_everything.zip", "coffee_everything.json"]  # two links, however many masks
    with zipfile.ZipFile(files[0]) as archive:
        assert sorted(archive.namelist()) == sorted([*(f"coffee_mask{i}.png" for i in selected),
                                                     *(f"coffee_cutout{i}.png" for i in selected),
                                                     "coffee_everything.json"])
        mask = np.asarray(Image.open(io.BytesIO(archive.read(f"coffee_mask{smallest}.png")))) > 0
    np.testing.assert_array_equal(mask, decode_rle(records[smallest]["segmentation"]))
    data = json.loads(open(next(f for f in files if f.endswith(".json"))).read())
    assert [m["id"] for m in data["masks"]] == list(selected)
    # Refine: the selected masks become boxes (with their points) in the Prompt mode, run at once
    out = tab.keep(e.on_refine(tab.session, tab.state("everything"), tab.state("prompt")))
    assert len(tab.state("prompt").boxes) == 2 and len(tab.state("prompt").result.objects) == 2
    assert out[e.tabs].selected == "prompt"


def test_web_ui_cancel_stops_a_run_at_its_next_batch(tiny_model):
    import gradio as gr
    from ui_tab import Tab

    from sam_app.ui import build_ui

    from conftest import IMGS

    with gr.Blocks():
        ui = build_ui(make_service(tiny_model))
    e, tab = ui.everything, Tab(ui)
    tab.open(str(IMGS / "coffee.png"))

    class Request:  # what Gradio hands a handler: the tab is its session_hash
        session_hash = "tab-1"

    other = type("Other", (), {"session_hash": "tab-2"})()
    reports = []

    def progress(done, desc=""):  # Cancel pressed (by this tab) while the first batch is reported
        reports.append(done)
        assert e.on_cancel(other)[e.shared.message].startswith("Nothing to cancel")  # another tab's Cancel
        e.on_cancel(Request())

    out = tab.call(e.on_run, 16, 0, 0, 0.7, 0, 0, 1, 1, False, progress=progress, request=Request())
    assert out[e.shared.message].startswith("Stopped (Cancel): no masks were kept") and e.state not in out
    assert len(reports) == 1 and reports[0] < 1  # 256 points: stopped after the first of 4 batches
    assert e.on_cancel(Request())[e.shared.message].startswith("Nothing to cancel")  # the run is over
    out = tab.call(e.on_run, 4, 0, 0, 0.7, 0, 0, 1, 1, False, progress=lambda *a, **k: None, request=Request())
    assert re.match(r"\d+ masks? in ", out[e.shared.message]) and tab.state("everything").everything is not None


def test_the_cli_flags_name_every_setting_of_ours():
    import argparse

    from sam_app.cli.options import add_everything_arguments, everything_settings

    parser = argparse.ArgumentParser()
    add_everything_arguments(parser)
    assert everything_settings(parser.parse_args(["--hierarchical", "--preset", "fast"])).hierarchical
    plain = everything_settings(parser.parse_args(["--mask-nms-thresh", "0.8"]))
    assert not plain.hierarchical and plain.mask_nms_thresh == 0.8 and plain.points_per_side == 32
