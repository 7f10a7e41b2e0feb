"""The interactive segmentation benchmark: the click simulator on hand-made masks, NoC
counting, and ``evaluate`` on a synthetic dataset."""

import json

import numpy as np
import pytest

from sam_app.errors import SamAppError
from sam_app.results import xyxy_exclusive
from sam_app.training.clicks import next_click, noisy_box, sampled_click
from sam_app.training.evaluate import EvalSettings, number_of_clicks, summarise
from sam_app.training.shapes import make_shapes


def square(size=(40, 60), top=10, left=20, side=15):
    mask = np.zeros(size, bool)
    mask[top:top + side, left:left + side] = True
    return mask


def test_first_click_is_the_most_interior_pixel():
    truth = np.zeros((30, 50), bool)
    truth[5:26, 3:12] = True  # 21 x 9: 5 pixels deep at most
    truth[5:26, 20:41] = True  # 21 x 21: 11 deep at its centre only
    assert next_click(truth, np.zeros_like(truth)) == (30, 15, 1)
    # the image's edge is boundary too; ties go to the first pixel in row order
    edge = np.zeros((20, 20), bool)
    edge[:, :9] = True
    assert next_click(edge, np.zeros_like(edge)) == (4, 4, 1)


def test_next_click_goes_to_the_larger_error_and_never_twice():
    truth = square()  # rows 10-24, columns 20-34
    missed = truth.copy()
    missed[10:25, 20:27] = False  # a 15 x 7 strip missed on the left: 4 deep
    assert next_click(truth, missed) == (23, 13, 1)
    spilled = truth.copy()
    spilled[30:40, 0:20] = True  # a 10 x 20 block spilled at the image's corner: 5 deep
    spilled[10:25, 20:22] = False  # a thin miss: 1 deep
    assert next_click(truth, spilled) == (4, 34, 0)
    allowed = np.ones_like(truth)
    allowed[34, 4] = False
    assert next_click(truth, spilled, allowed) == (5, 34, 0)
    assert next_click(truth, truth) is None


def test_sampled_clicks_are_drawn_from_the_error_region():
    truth = square()
    predicted = np.zeros_like(truth)
    predicted[0:5, 0:5] = True
    rng = np.random.default_rng(0)
    clicks = [sampled_click(truth, predicted, rng) for _ in range(200)]
    assert all(truth[y, x] == bool(label) and truth[y, x] != predicted[y, x] for x, y, label in clicks)
    assert {label for *_, label in clicks} == {0, 1}
    assert sampled_click(truth, truth, rng) is None


def test_noisy_boxes_stay_near_the_box_and_in_the_image():
    truth = square(size=(100, 100), top=0, left=60, side=40)
    np.testing.assert_array_equal(xyxy_exclusive(truth), [60, 0, 100, 40])
    rng = np.random.default_rng(1)
    boxes = np.array([noisy_box(truth, rng) for _ in range(500)])
    assert (boxes >= 0).all() and (boxes[:, [0, 2]] <= 100).all() and (boxes[:, 2] > boxes[:, 0]).all()
    offsets = boxes - np.array(xyxy_exclusive(truth), np.float32)
    assert np.abs(offsets).max() <= 20 + 1e-4
    assert 3.5 < np.std(offsets[:, 0]) < 4.5  # X1 is never clipped here: std 10 % of the 40-pixel side


def test_noc_counts_the_first_click_at_target_or_the_maximum():
    assert number_of_clicks([0.5, 0.86, 0.91, 0.7], 0.85) == (2, False)
    assert number_of_clicks([0.5, 0.86, 0.91, 0.7], 0.9) == (3, False)
    assert number_of_clicks([0.5, 0.6, 0.7], 0.85) == (3, True)
    assert number_of_clicks([0.95], 0.9) == (1, False)
    summary = summarise([[0.5, 0.86, 0.91], [0.2, 0.3, 0.4]], [0.85, 0.9])
    assert summary["NoC"] == {"85": 2.5, "90": 3.0} and summary["failures"] == {"85": 1, "90": 1}
    assert summary["mIoU"] == {"1": 0.35, "2": 0.58, "3": 0.655}


def test_bad_settings_are_messages():
    with pytest.raises(SamAppError, match="first prompt must be one of click, box"):
        EvalSettings(first_prompt="scribble")
    with pytest.raises(SamAppError, match="IoU targets must be in"):
        EvalSettings(iou_targets=(85,))


def test_evaluate_prints_the_table_and_writes_the_plot(tiny_cli, tmp_path):
    annotations = make_shapes(tmp_path / "shapes", images=2, seed=2)
    objects = len(json.loads(annotations.read_text())["annotations"])
    out = tmp_path / "out"
    result = tiny_cli("evaluate", "--images", tmp_path / "shapes" / "images", "--annotations", annotations,
                      "--output", out, "--max-clicks", "4", "--first-prompt", "box", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "| all | " + str(objects) + " |" in result.stdout and "mIoU@3 | NoC@85 | NoC@90" in result.stdout
    report = json.loads((out / "evaluation.json").read_text())
    assert report["model"] == "tiny" and len(report["objects"]) == objects
    assert all(len(o["ious"]) == 4 and all(0 <= v <= 1 for v in o["ious"]) for o in report["objects"])
    assert (out / "iou_vs_clicks.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "evaluation.md").read_text().count("\n|") >= 3
    again = tiny_cli("evaluate", "--images", tmp_path / "shapes" / "images", "--annotations", annotations,
                     "--output", tmp_path / "again", "--max-clicks", "4", "--first-prompt", "box", "--seed", "3")
    assert again.returncode == 0, again.stderr  # the same seed gives the same curves
    assert json.loads((tmp_path / "again" / "evaluation.json").read_text())["objects"] == report["objects"]
    missing = tiny_cli("evaluate", "--images", tmp_path, "--annotations", tmp_path / "none.json", "--output", out)
    assert missing.returncode == 2 and "annotations not found" in missing.stderr
