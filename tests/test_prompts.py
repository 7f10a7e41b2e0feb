"""Prompt text parsing and validation (shared by UI, CLI and API)."""

import numpy as np
import pytest

from sam_app.errors import PromptError
from sam_app.prompts import build_objects, format_numbers, parse_boxes, parse_labels, parse_points, parse_prompt

SIZE = (400, 600)  # H, W


@pytest.mark.parametrize("text", ["100 150 250 300", "(100,150)(250,300)", "100,150, 250,300", "[100, 150]; [250, 300]",
                                  " 100\n150  250 300 "])
def test_point_syntaxes(text):
    np.testing.assert_array_equal(parse_points(text), [[100, 150], [250, 300]])


def test_round_trip_and_empty_fields():
    assert format_numbers(parse_points("1 2.5 3 4")) == "1 2.5 3 4"
    assert format_numbers(parse_boxes("10 20 30 40")) == "10 20 30 40"
    assert parse_points("").shape == (0, 2) and parse_points(None).shape == (0, 2)
    assert parse_labels("", 3).tolist() == [1, 1, 1]
    assert parse_labels("1, 0", 2).tolist() == [1, 0]


@pytest.mark.parametrize("call, message", [
    (lambda: parse_points("100 150 250"),
     r"got 3 numbers, but points come in X Y pairs; the last number \(250\) has no Y"),
    (lambda: parse_points("100 abc"), r"points: token 2 \('abc'\) is not a number"),
    (lambda: parse_points("1 inf"), r"token 2 \('inf'\) is not a finite number"),
    (lambda: parse_boxes("1 2 3 4 5 6"), r"boxes: got 6 numbers, but each box is 4 numbers"),
    (lambda: parse_boxes("1 2 x 4"), r"boxes: token 3 \('x'\)"),
    (lambda: parse_labels("1 2", 2), r"labels: label 2 is 2; expected 1 \(foreground\) or 0"),
    (lambda: parse_labels("1 0 1", 2), r"got 3 labels for 2 points"),
    (lambda: parse_prompt("", "", "", SIZE), r"the prompt is empty"),
    (lambda: parse_prompt("700 10", "", "", SIZE), r"point 1 \(700, 10\) is outside the 600x400 image"),
    (lambda: parse_prompt("10 10 5 -1", "", "", SIZE), r"point 2 \(5, -1\) is outside"),
    (lambda: parse_prompt("", "", "10 10 700 100", SIZE), r"box 1 \(10 10 700 100\) reaches outside the 600x400 image"),
    (lambda: parse_prompt("", "", "10 10 50 50 300 300 200 200", SIZE), r"box 2 \(300 300 200 200\) is degenerate"),
    (lambda: parse_prompt("", "", "10 10 10 50", SIZE), r"box 1 \(10 10 10 50\) is degenerate"),
    (lambda: parse_prompt("20 20 500 300", "", "10 10 50 50", SIZE), r"point 2 \(500, 300\) lies inside no box"),
])
def test_errors_name_the_offending_value(call, message):
    with pytest.raises(PromptError, match=message):
        call()


def test_boxes_take_the_points_inside_them():
    objects = parse_prompt("20 20 30 30 300 300", "1 0 1", "10 10 50 50 250 250 350 350 0 0 100 100", SIZE)
    assert len(objects) == 3
    assert objects[0].points.tolist() == [[20, 20], [30, 30]] and objects[0].labels.tolist() == [1, 0]
    assert objects[1].points.tolist() == [[300, 300]] and objects[1].box.tolist() == [250, 250, 350, 350]
    assert objects[2].points.tolist() == [[20, 20], [30, 30]]  # overlapping boxes both get them
    assert objects[0].describe() == "box (10, 10)-(50, 50) + 1 fg point + 1 bg point"


def test_points_without_boxes_are_one_object():
    objects = parse_prompt("1 1 2 2 3 3", "1 0 0", "", SIZE)
    assert len(objects) == 1 and objects[0].box is None and objects[0].labels.tolist() == [1, 0, 0]


def test_mask_inputs_are_checked_and_split_per_object():
    logits = np.zeros((256, 256), np.float32)
    objects = build_objects([[5, 5]], None, None, SIZE, logits)
    assert objects[0].mask_input.shape == (1, 256, 256)
    two = build_objects(None, None, [[0, 0, 10, 10], [20, 20, 30, 30]], SIZE, np.zeros((2, 1, 256, 256)))
    assert all(o.mask_input.shape == (1, 256, 256) for o in two)
    with pytest.raises(PromptError,
                       match=r"mask input has shape \(1, 64, 64\); expected low-res logits of shape 1x256x256"):
        build_objects([[5, 5]], None, None, SIZE, np.zeros((1, 64, 64)))
    with pytest.raises(PromptError, match="got 1 mask inputs for 2 objects"):
        build_objects(None, None, [[0, 0, 10, 10], [20, 20, 30, 30]], SIZE, logits)
    with pytest.raises(PromptError, match="got 2 labels for 1 points"):
        build_objects([[5, 5]], [1, 0], None, SIZE)


def test_points_and_objects_per_request_are_bounded_before_any_model_work():
    """10,000 points in one object took the server past 12 GB; now a message, at once."""
    from sam_app.errors import LimitError
    from sam_app.limits import LIMITS

    size = (1000, 1000)
    most_points, most_objects = LIMITS.max_points, LIMITS.max_objects
    many = np.random.default_rng(0).uniform(0, 999, (10_000, 2))
    hint = r"--max-points or the SAM_MAX_POINTS environment variable raises it"
    with pytest.raises(LimitError, match=f"the object has 10000 points; at most {most_points} .*{hint}"):
        build_objects(many, None, None, size)
    with pytest.raises(LimitError, match=f"object 1 has {most_points + 1} points.*SAM_MAX_POINTS"):
        build_objects(many[:most_points + 1], None, np.array([[0, 0, 999, 999]]), size)
    boxes = np.tile([[10, 10, 50, 50]], (most_objects + 1, 1))
    with pytest.raises(LimitError, match=f"{most_objects + 1} boxes; at most {most_objects} objects.*--max-objects"):
        build_objects(None, None, boxes, size)
    assert len(build_objects(many[:most_points], None, None, size)[0].points) == most_points
    assert len(build_objects(None, None, boxes[:most_objects], size)) == most_objects


def test_boxes_from_other_tools_are_clipped_where_asked_and_one_wholly_outside_is_refused():
    boxes = np.array([[10, 10, 700, 100], [20, 20, 50, 50]], np.float32)
    first, second = build_objects(None, None, boxes, SIZE, clip=True)
    assert first.box.tolist() == [10, 10, 600, 100] and boxes[0].tolist() == [10, 10, 700, 100]  # a copy
    assert first.note == "box 1 (10 10 700 100) reached outside the 600x400 image: clipped to 10 10 600 100"
    assert second.note == "" and second.box.tolist() == [20, 20, 50, 50]
    with pytest.raises(PromptError, match=r"box 1 \(610 10 700 100\) lies wholly outside the 600x400 image"):
        build_objects(None, None, np.array([[610, 10, 700, 100]]), SIZE, clip=True)
    with pytest.raises(PromptError, match="reaches outside the 600x400 image"):  # the web UI's clicks: refused
        build_objects(None, None, boxes, SIZE)
