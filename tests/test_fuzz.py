"""Property-based fuzzing (hypothesis): whatever text or bytes arrive, the prompt parser
and the image loader either succeed or raise our own error type, whose message is what
the UI, the API and the CLI show; never another exception, never a crash."""

import io

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from sam_app.errors import ImageError, PromptError, SamAppError
from sam_app.images import load_image
from sam_app.prompts import build_objects, parse_prompt

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NUMBERISH = st.text(alphabet="0123456789.-+eE ,;()[]\t\nxnaif", max_size=80)


@FUZZ
@given(points=st.one_of(NUMBERISH, st.text(max_size=40)), labels=st.one_of(NUMBERISH, st.text(max_size=20)),
       boxes=st.one_of(NUMBERISH, st.text(max_size=40)),
       size=st.tuples(st.integers(1, 5000), st.integers(1, 5000)))
def test_prompt_text_parses_or_says_what_is_wrong(points, labels, boxes, size):
    try:
        objects = parse_prompt(points, labels, boxes, size)
    except PromptError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    height, width = size
    for obj in objects:
        assert np.isfinite(obj.points).all() and set(obj.labels.tolist()) <= {0, 1}
        assert ((obj.points >= 0) & (obj.points < [width, height])).all()


@FUZZ
@given(points=st.lists(st.tuples(st.floats(allow_nan=True, allow_infinity=True),
                                 st.floats(allow_nan=True, allow_infinity=True)), max_size=8),
       boxes=st.lists(st.tuples(*[st.one_of(st.floats(-10, 2000), st.just(float("nan")))] * 4), max_size=4),
       labels=st.lists(st.integers(-2, 3), max_size=8))
def test_prompt_arrays_build_or_say_what_is_wrong(points, boxes, labels):
    try:
        build_objects(np.asarray(points, np.float64).reshape(-1, 2), labels or None,
                      np.asarray(boxes, np.float64).reshape(-1, 4), (600, 800))
    except PromptError as exc:
        assert str(exc)


def _image_bytes(fmt: str, width: int, height: int, mode: str) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), 128).save(buffer, fmt)
    return buffer.getvalue()


VALID = st.builds(_image_bytes, st.sampled_from(["PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP"]),
                  st.integers(1, 64), st.integers(1, 64), st.sampled_from(["RGB", "L"]))


@FUZZ
@given(data=VALID, cut=st.integers(0, 400), flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)),
                                                          max_size=6))
def test_damaged_image_bytes_load_or_say_what_is_wrong(data, cut, flips):
    damaged = bytearray(data[: max(0, len(data) - cut)])
    for position, value in flips:
        if damaged:
            damaged[position % len(damaged)] = value
    try:
        image = load_image(bytes(damaged), max_pixels=1_000_000, name="upload.bin")
    except ImageError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert image.pixels.dtype == np.uint8 and image.pixels.ndim == 3 and image.pixels.shape[2] == 3


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_load_or_say_what_is_wrong(data):
    try:
        load_image(data, max_pixels=1_000_000)
    except SamAppError:
        pass
