"""The regrouped decoder (``backends.fast_decoder``) against segment-anything's own mask
decoder, on random weights: in PyTorch, as ONNX Runtime graphs, in bfloat16, with the
IoU filter before the upscaling branch, and through segment everything."""

import copy

import numpy as np
import pytest
import torch

from sam_app.backends.fast_decoder import FastDecoder
from sam_app.backends.sam import SamBackend, SamEmbedding
from sam_app.onnx_decoder import prompt_arrays
from sam_app.prompts import ObjectPrompt
from sam_app.tasks.everything import MaskGenerator

from conftest import make_service


def prompts(rng, count, points, box):
    """``count`` objects of ``points`` random points (labels 0/1) and maybe a box, in a
    1225x816 image."""
    objects = []
    for _ in range(count):
        xy = rng.random((points, 2)) * [1225, 816]
        corners = np.sort(rng.random((2, 2)) * [1225, 816], axis=0).reshape(4) if box else None
        objects.append(ObjectPrompt(xy.astype(np.float32), rng.integers(0, 2, points).astype(np.int32),
                                    None if corners is None else corners.astype(np.float32)))
    return objects


@pytest.fixture(scope="module")
def embedding():
    torch.manual_seed(5)
    return SamEmbedding(torch.randn(1, 256, 64, 64), (683, 1024), (816, 1225))


@pytest.mark.parametrize("points,box,multimask", [(1, False, True), (3, False, False), (0, True, True),
                                                  (2, True, False)])
def test_fast_decoders_equal_the_mask_decoder(tiny_model, embedding, points, box, multimask):
    """PyTorch and ONNX Runtime, for points, boxes and both, one and several candidates."""
    objects = prompts(np.random.default_rng(points), 6, points, box)
    reference = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "torch")._low_res(embedding, objects,
                                                                                           multimask)
    for decoder in ("fast", "onnx"):
        backend = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", decoder)
        scores, low_res = backend._low_res(embedding, objects, multimask)
        assert scores.shape == reference[0].shape and low_res.shape == reference[1].shape
        np.testing.assert_allclose(scores, reference[0], atol=1e-4)
        np.testing.assert_allclose(low_res, reference[1], atol=1e-3)
        assert ((low_res > 0) == (reference[1] > 0)).mean() >= 0.9999


def test_a_prompt_with_a_mask_input_goes_through_upstream_modules(tiny_model, embedding):
    """The regrouping holds only without a mask input (its dense embedding is then the same
    for every prompt); with one, the full decoder answers."""
    obj = prompts(np.random.default_rng(1), 1, 1, False)[0]
    obj.mask_input = np.random.default_rng(2).normal(0, 4, (1, 256, 256)).astype(np.float32)
    reference = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "torch")._low_res(embedding, [obj], True)
    ours = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "fast")._low_res(embedding, [obj], True)
    np.testing.assert_allclose(ours[1], reference[1], atol=1e-3)


def test_min_score_skips_the_upscaling_of_prompts_that_fail_it(tiny_model, embedding):
    points = np.random.default_rng(4).random((12, 2)) * [1225, 816]
    for decoder in ("fast", "onnx"):
        backend = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", decoder)
        scores, full = backend.point_logits(embedding, points)
        threshold = float(np.median(scores.max(1)))
        kept_scores, kept = backend.point_logits(embedding, points, min_score=threshold)
        np.testing.assert_array_equal(kept_scores, scores)
        passing = (scores > threshold).any(1)
        assert 0 < passing.sum() < len(points)
        np.testing.assert_array_equal(kept[passing], full[passing])
        assert not kept[~passing].any()


def test_bf16_decoding_stays_close_to_fp32(tiny_model, embedding):
    """The opt-in bfloat16 matrix products: the same masks to within a small share of
    pixels and the scores to within 0.05 on random weights (docs/performance.md gives
    the agreement on a photo)."""
    objects = prompts(np.random.default_rng(7), 4, 1, False)
    fp32 = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "fast")._low_res(embedding, objects, True)
    backend = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "fast-bf16")
    assert backend.decoder == "fast-bf16"
    bf16 = backend._low_res(embedding, objects, True)
    assert np.abs(bf16[0] - fp32[0]).max() < 0.05
    assert ((bf16[1] > 0) == (fp32[1] > 0)).mean() > 0.99


def test_image_side_is_made_once_per_image(tiny_model, embedding, monkeypatch):
    backend = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "fast")
    calls = []
    original = FastDecoder.image_side
    monkeypatch.setattr(FastDecoder, "image_side", lambda self, features: calls.append(1) or original(self, features))
    click = prompts(np.random.default_rng(0), 1, 1, False)
    for _ in range(3):
        backend._low_res(embedding, click, True)
    other = SamEmbedding(torch.randn(1, 256, 64, 64), (683, 1024), (816, 1225))
    backend._low_res(other, click, True)
    assert len(calls) == 2


@pytest.mark.parametrize("decoder", ["fast", "onnx"])
def test_everything_on_the_fast_decoders_matches_the_reference(tiny_model, decoder):
    """Segment everything with thresholds at 0, then with a predicted-IoU threshold that
    some candidates fail: the fast path's records match the reference path's (the IoU
    filter decided before the upscaling branch changes which prompts are upscaled, not
    the records)."""
    pixels = np.random.default_rng(0).integers(0, 255, (240, 320, 3), np.uint8)
    pixels[60:180, 80:240] = [200, 40, 40]
    model = copy.deepcopy(tiny_model)
    with torch.no_grad():  # random weights score around 0: lift them into the threshold's range 0-1
        model.mask_decoder.iou_prediction_head.layers[-1].bias += 0.5
    reference, fast = make_service(model), make_service(model, decoder=decoder)
    settings = {"pred_iou_thresh": 0.0, "stability_score_thresh": 0.0, "points_per_side": 6,
                "output_mode": "coco_rle"}
    loaded = reference.load_image(pixels)
    grid = MaskGenerator(reference, **settings).settings.grids()[0] * [320, 240]
    scores = np.sort(reference.backend().point_logits(reference.embedding(loaded), grid)[0].ravel())
    quarter = len(scores) // 4  # a threshold that a quarter to three quarters fail, far from any score
    middle = quarter + int(np.argmax(np.diff(scores[quarter:3 * quarter]))) + 1
    assert scores[middle] - scores[middle - 1] > 1e-3
    for threshold in (0.0, float(scores[middle - 1] + scores[middle]) / 2):
        settings["pred_iou_thresh"] = threshold
        expected = MaskGenerator(reference, **settings).generate(pixels)
        ours = MaskGenerator(fast, **settings).generate(pixels)
        assert len(ours) == len(expected) > 0
        for a, b in zip(ours, expected):
            assert a["point_coords"] == b["point_coords"]
            assert abs(a["predicted_iou"] - b["predicted_iou"]) < 1e-4
            assert abs(a["area"] - b["area"]) <= max(2, 1e-4 * a["area"])


def test_prompt_arrays_feed_the_fast_decoder_as_the_prompt_encoder(tiny_model):
    """``FastDecoder.embed`` (segment-anything's ONNX point embedding) equals the prompt
    encoder's, for points with the padding point and for boxes."""
    fast = FastDecoder(tiny_model)
    encoder = tiny_model.prompt_encoder
    for box in (False, True):
        objects = prompts(np.random.default_rng(3), 2, 2, box)
        coords, labels = prompt_arrays(objects, lambda xy: xy)
        with torch.inference_mode():
            ours = fast.embed(torch.as_tensor(coords), torch.as_tensor(labels))
            points = (torch.as_tensor(np.stack([o.points for o in objects])),
                      torch.as_tensor(np.stack([o.labels for o in objects])))
            boxes = torch.as_tensor(np.stack([o.box for o in objects])) if box else None
            expected, _ = encoder(points=points, boxes=boxes, masks=None)
        torch.testing.assert_close(ours, expected, atol=1e-5, rtol=1e-5)


def test_prompts_with_many_points_take_the_full_decoder(tiny_model, embedding, monkeypatch):
    """Beyond FAST_MAX_POINTS point slots the regrouped attention would cost more than
    upstream's, so those prompts go through segment-anything's modules (same answers)."""
    backend = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "fast")
    calls = []
    original = FastDecoder.decode
    monkeypatch.setattr(FastDecoder, "decode", lambda self, *args: calls.append(args[1].shape[1]) or
                        original(self, *args))
    rng = np.random.default_rng(9)
    few, many = prompts(rng, 2, 6, True), prompts(rng, 2, 7, True)  # 8 and 9 slots with the box corners
    for objects in (few, many):
        reference = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "torch")._low_res(embedding, objects,
                                                                                               True)
        np.testing.assert_allclose(backend._low_res(embedding, objects, True)[1], reference[1], atol=1e-3)
    assert calls and set(calls) == {8}  # only the prompts of 8 slots went through it
