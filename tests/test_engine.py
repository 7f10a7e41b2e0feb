"""The SAM path: our service against upstream SamPredictor on the same weights, the
embedding cache, and thread safety."""

import os
import threading

import numpy as np
import pytest
import torch
from PIL import Image
from segment_anything import SamPredictor, sam_model_registry

from sam_app.models.sam1 import load_sam
from sam_app.prompts import ObjectPrompt, build_objects

from agreement import assert_agree
from conftest import make_service


def assert_same(ours_masks, ours_scores, ref_masks, ref_scores):
    """Ours against upstream's ``SamPredictor`` (another graph: the project's tolerance)."""
    assert_agree(ours_masks, ref_masks, ours_scores, ref_scores)


def non_trivial(masks) -> bool:
    """At least one candidate is neither empty nor the whole image."""
    fractions = np.asarray(masks).reshape(len(masks), -1).mean(axis=1)
    return bool(((fractions > 0.001) & (fractions < 0.999)).any())


def compare_with_upstream(service, predictor, image):
    """Four prompt kinds through our service vs SamPredictor.predict / predict_torch."""
    # 1. one foreground point, three candidates
    ours = service.segment(image, points=[[260, 180]], multimask=True).objects[0]
    ref = predictor.predict(np.array([[260, 180]]), np.array([1]), multimask_output=True)
    assert_same(ours.masks, ours.scores, ref[0], ref[1])
    np.testing.assert_allclose(ours.low_res_logits, ref[2], atol=1e-4)
    assert ours.best == int(np.argmax(ref[1]))
    assert non_trivial(ours.masks)

    # 2. a box with a negative point inside it
    box = np.array([150, 60, 400, 500], np.float32)
    ours = service.segment(image, points=[[300, 400]], labels=[0], boxes=[box]).objects[0]
    ref = predictor.predict(np.array([[300, 400]]), np.array([0]), box=box, multimask_output=False)
    assert_same(ours.masks, ours.scores, ref[0], ref[1])

    # 3. points only, several of each label: one object
    pts = np.array([[250, 150], [270, 300], [100, 450], [450, 60]], np.float32)
    lbl = np.array([1, 1, 0, 0])
    ours = service.segment(image, points=pts, labels=lbl, multimask=True)
    assert len(ours.objects) == 1
    ref = predictor.predict(pts, lbl, multimask_output=True)
    assert_same(ours.objects[0].masks, ours.objects[0].scores, ref[0], ref[1])

    # 4. several boxes at once = upstream's batched predict_torch
    boxes = np.array([[150, 60, 400, 500], [0, 0, 200, 200], [300, 250, 510, 510]], np.float32)
    ours = service.segment(image, boxes=boxes)
    with torch.inference_mode():
        tb = predictor.transform.apply_boxes_torch(torch.as_tensor(boxes), image.shape[:2])
        ref_masks, ref_scores, _ = predictor.predict_torch(None, None, tb, multimask_output=False)
    assert len(ours.objects) == 3
    for i, obj in enumerate(ours.objects):
        assert_same(obj.masks, obj.scores, ref_masks[i].numpy(), ref_scores[i].numpy())


@pytest.mark.parametrize("decoder", ["torch", "onnx"])
def test_tiny_model_matches_upstream_predictor(tiny_model, astronaut, decoder):
    """The tiny model has SAM's full-size prompt encoder and mask decoder, so this also
    checks the ONNX Runtime decoder and its prompt layout against SamPredictor (prompts
    without a mask input through the regrouped decoder's graphs)."""
    service = make_service(tiny_model, decoder=decoder)
    assert service.backend().decoder == {"torch": "torch", "onnx": "onnxruntime"}[decoder]
    assert (service.backend()._fast_onnx is not None) == (decoder == "onnx")
    predictor = SamPredictor(tiny_model)
    predictor.set_image(astronaut)
    compare_with_upstream(service, predictor, astronaut)


@pytest.mark.slow
def test_full_size_vit_b_checkpoint_matches_upstream(vit_b_checkpoint, astronaut):
    """Same random vit_b file through our loader and through upstream's registry."""
    ours_model, model_type = load_sam(vit_b_checkpoint, "vit_b")
    assert model_type == "vit_b"
    service = make_service(ours_model, name="vit_b")
    upstream = sam_model_registry["vit_b"](checkpoint=str(vit_b_checkpoint))
    predictor = SamPredictor(upstream)
    predictor.set_image(astronaut)
    compare_with_upstream(service, predictor, astronaut)
    assert service.encode_count == 1


def test_refinement_feeds_previous_logits(tiny_model, tiny_service, astronaut):
    first = tiny_service.segment(astronaut, points=[[260, 180]], multimask=True).objects[0]
    previous = first.low_res_logits[first.best][None]  # 1x256x256
    ours = tiny_service.segment(
        astronaut, points=[[260, 180], [300, 300]], labels=[1, 0], mask_input=previous
    ).objects[0]
    predictor = SamPredictor(tiny_model)
    predictor.set_image(astronaut)
    ref = predictor.predict(
        np.array([[260, 180], [300, 300]]), np.array([1, 0]), mask_input=previous, multimask_output=False
    )
    assert_same(ours.masks, ours.scores, ref[0], ref[1])
    # the mask input changes the answer (so it really is used)
    plain = tiny_service.segment(astronaut, points=[[260, 180], [300, 300]], labels=[1, 0]).objects[0]
    assert not np.allclose(plain.low_res_logits, ours.low_res_logits)


def test_return_logits_thresholds_to_masks(tiny_service, astronaut):
    obj = tiny_service.segment(astronaut, boxes=[[100, 100, 300, 400]], return_logits=True).objects[0]
    assert obj.logits.shape == (1, 512, 512) and obj.logits.dtype == np.float32
    np.testing.assert_array_equal(obj.logits > 0, obj.masks)
    assert obj.low_res_logits.shape == (1, 256, 256)


def test_mixed_objects_keep_their_order(tiny_service, astronaut):
    """Boxes with different point counts are decoded in groups but come back in order."""
    boxes = [[0, 0, 256, 256], [256, 256, 512, 512], [0, 256, 256, 512]]
    points = [[300, 300], [310, 320], [100, 300]]
    result = tiny_service.segment(astronaut, points=points, labels=[1, 0, 1], boxes=boxes)
    assert [len(o.prompt.points) for o in result.objects] == [0, 2, 1]
    for obj, box in zip(result.objects, boxes):
        alone = tiny_service.segment(astronaut, points=obj.prompt.points, labels=obj.prompt.labels, boxes=[box])
        assert_agree(obj.masks, alone.objects[0].masks)  # decoded in a group, and alone


def test_many_objects_are_decoded_in_bounded_chunks(tiny_service, astronaut, monkeypatch):
    """1,000 boxes once took 12 GB in one decoder batch; batches are now at most
    DECODE_CHUNK objects, with the same masks in the same order."""
    from sam_app import service as sam

    backend = tiny_service.backend()
    sizes = []
    low_res = backend._low_res
    monkeypatch.setattr(backend, "_low_res",
                        lambda emb, batch, multi: (sizes.append(len(batch)), low_res(emb, batch, multi))[1])
    rng = np.random.default_rng(0)
    corners = rng.uniform(0, 250, (sam.DECODE_CHUNK * 2 + 5, 2))
    boxes = np.hstack([corners, corners + rng.uniform(20, 250, corners.shape)])
    result = tiny_service.segment(astronaut, boxes=boxes)
    assert sizes == [sam.DECODE_CHUNK, sam.DECODE_CHUNK, 5]
    for k in (0, sam.DECODE_CHUNK + 3, len(boxes) - 1):
        alone = tiny_service.segment(astronaut, boxes=boxes[k:k + 1])
        assert_agree(result.objects[k].masks, alone.objects[0].masks)  # in a chunk of 32, and alone


def test_a_request_over_its_time_budget_is_refused_after_its_first_chunk(tiny_service, astronaut, monkeypatch):
    """Any request returns within its budget: with a result, or with a message saying
    what the budget is, how long the request would take and which flag raises it."""
    import time

    from sam_app.errors import LimitError
    from sam_app.service import DECODE_CHUNK

    backend = tiny_service.backend()
    embedding = tiny_service.embedding(tiny_service.load_image(astronaut))  # encoded: only decoding counts
    one, calls = backend.decode(embedding, build_objects(None, None, [[10, 10, 200, 200]], (512, 512)), False,
                                False), []

    def slow(embedding, objects, *args):  # 0.3 s per chunk, whatever this machine's speed
        calls.append(len(objects))
        time.sleep(0.3)
        return one * len(objects)

    monkeypatch.setattr(backend, "decode", slow)
    boxes = np.tile([[10, 10, 200, 200]], (DECODE_CHUNK * 8, 1))
    start = time.monotonic()
    with pytest.raises(LimitError, match=r"over its time budget of 1 s: at the pace of the first 32 of 256 objects, "
                                         r"it would take about \d+ s; .*--request-seconds or the SAM_REQUEST_SECONDS"):
        tiny_service.segment_objects(astronaut, build_objects(None, None, boxes, (512, 512)), budget_s=1)
    assert time.monotonic() - start < 1 and calls == [DECODE_CHUNK]
    calls.clear()
    result = tiny_service.segment_objects(astronaut, build_objects(None, None, boxes[:64], (512, 512)), budget_s=5)
    assert len(result.objects) == 64 and calls == [DECODE_CHUNK, DECODE_CHUNK]


def count_encoder_calls(model):
    calls = []
    # patch_embed runs once per encoding on both attention paths
    handle = model.image_encoder.patch_embed.register_forward_hook(lambda *a: calls.append(1))
    return calls, handle


def test_ten_prompts_from_two_threads_encode_once(tiny_model, astronaut):
    service = make_service(tiny_model)
    calls, handle = count_encoder_calls(tiny_model)
    errors = []

    def worker(offset):
        try:
            for i in range(5):
                service.segment(astronaut.copy(), points=[[100 + 40 * i + offset, 200]])
        except Exception as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in (0, 7)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    handle.remove()
    assert not errors
    assert len(calls) == 1 and service.encode_count == 1


def test_two_images_alternating_from_two_threads_get_their_own_masks(tiny_model, astronaut, coffee):
    reference = make_service(tiny_model)
    prompt = dict(points=[[200, 200]], multimask=True)
    expected = {
        "astronaut": reference.segment(astronaut, **prompt).objects[0].masks,
        "coffee": reference.segment(coffee, **prompt).objects[0].masks,
    }
    assert expected["astronaut"].shape != expected["coffee"].shape
    service = make_service(tiny_model, cache_size=1)  # forces re-encoding as they alternate
    mismatches, errors = [], []

    def worker(order):
        try:
            for name in order * 3:
                image = astronaut if name == "astronaut" else coffee
                masks = service.segment(image, **prompt).objects[0].masks
                if masks.shape != expected[name].shape or not np.array_equal(masks, expected[name]):
                    mismatches.append(name)
        except Exception as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(o,)) for o in (["astronaut", "coffee"], ["coffee", "astronaut"])]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors and not mismatches


def test_cache_is_bounded_and_least_recently_used(tiny_model, astronaut, coffee):
    service = make_service(tiny_model, cache_size=2)
    third = astronaut[:, ::-1].copy()
    for image in (astronaut, coffee, astronaut, third):  # coffee is the LRU one when third comes
        service.encode(image)
    assert service.cache_info()["entries"] == 2
    assert service.encode_count == 3
    service.encode(astronaut)
    assert service.encode_count == 3
    service.encode(coffee)
    assert service.encode_count == 4
    assert service.cache_info()["bytes"] == 2 * 256 * 64 * 64 * 4


def test_same_picture_in_any_form_shares_one_embedding(tiny_service, tmp_path, astronaut):
    from PIL import Image

    path = tmp_path / "a.png"
    Image.fromarray(astronaut).save(path)
    for source in (astronaut, path, str(path), path.read_bytes(), Image.open(path)):
        tiny_service.encode(source)
    assert tiny_service.encode_count == 1


def test_failed_encoding_is_not_cached_and_does_not_block(tiny_model, astronaut):
    service = make_service(tiny_model)
    backend = service.backend()
    original = backend.encode
    backend.encode = lambda pixels: (_ for _ in ()).throw(RuntimeError("boom"))
    with pytest.raises(RuntimeError):
        service.encode(astronaut)
    backend.encode = original
    service.encode(astronaut)
    assert service.encode_count == 1


def test_image_files_are_decoded_once_until_they_change(tiny_service, tmp_path, coffee):
    path = tmp_path / "picture.png"
    Image.fromarray(coffee).save(path)
    first = tiny_service.load_image(str(path))
    assert tiny_service.load_image(path) is first  # same file, any path type: no decoding
    changed = coffee.copy()
    changed[:10] = 0
    Image.fromarray(changed).save(path)
    os.utime(path, ns=(1, 1))  # a new modification time even on coarse clocks
    second = tiny_service.load_image(path)
    assert second is not first and second.digest != first.digest
    np.testing.assert_array_equal(second.pixels[:10], 0)


def test_masks_at_screen_size_come_from_the_low_res_logits(tiny_service, astronaut):
    """A smooth low-res disc (random weights give pixel noise, which no resampling keeps)."""
    backend = tiny_service.backend()
    embedding = tiny_service.embedding(tiny_service.load_image(astronaut))
    yy, xx = np.mgrid[:256, :256]
    low = np.stack([60 - np.hypot(xx - 128, yy - 100), 30 - np.hypot(xx - 60, yy - 60)]).astype(np.float32)
    obj = backend._result(embedding, ObjectPrompt(), np.array([0.2, 0.9], np.float32), low, False)
    h, w = astronaut.shape[:2]
    assert obj.best == 1
    for c in range(2):
        small = obj.mask_at(c, (h // 4, w // 4))
        assert small.shape == (h // 4, w // 4) and small.dtype == bool and small.any()
        full = obj.mask(c)[2::4, 2::4]  # the same candidate at full size, sampled at a quarter
        assert (small == full).mean() >= 0.995
    np.testing.assert_array_equal(obj.masks[1], obj.best_mask)
    np.testing.assert_array_equal(obj.mask_at(1, (h, w)), obj.mask(1))  # made anew at each call, never kept
    with pytest.raises(IndexError):
        obj.mask(2)


def test_image_ids_are_unguessable_and_the_cache_is_sized_by_memory(tiny_model, astronaut, coffee):
    """image_id was the pixels' plain hash (computable offline, the same on every server)
    and only the last 4 images could be fetched by it."""
    from sam_app.errors import ImageError

    one, other = make_service(tiny_model), make_service(tiny_model)
    image = one.load_image(astronaut)
    token = one.image_id(image)
    assert len(token) == 32 and token not in image.digest and token != other.image_id(other.load_image(astronaut))
    assert one.image_by_id(token) is image
    with pytest.raises(ImageError, match="never sent to this server"):
        other.image_by_id(token)
    tokens = [one.image_id(one.load_image(np.roll(coffee, k, axis=1))) for k in range(12)]
    assert all(one.image_by_id(t).width == 600 for t in tokens)

    small = make_service(tiny_model, image_cache_bytes=3 * coffee.nbytes)
    tokens = [small.image_id(small.load_image(np.roll(coffee, k, axis=1))) for k in range(5)]
    small.image_by_id(tokens[2])  # used again: the oldest two go first
    small.load_image(np.roll(coffee, 9, axis=1))
    assert small.image_by_id(tokens[2]) and small.image_by_id(tokens[4])
    for gone in (tokens[0], tokens[1], tokens[3]):
        with pytest.raises(ImageError, match=r"left the cache of recent images \(\d+ MB: --image-cache-mb"):
            small.image_by_id(gone)


def test_freed_memory_is_handed_back_now_and_then(tiny_service, astronaut, monkeypatch):
    from sam_app.devices import release_memory
    from sam_app.service import facade as service_module

    assert release_memory() in (True, False)  # glibc's malloc_trim where there is one; never raises
    calls = []
    monkeypatch.setattr(service_module, "release_memory", lambda: calls.append(1))
    for _ in range(3):
        tiny_service.segment(astronaut, points=[[100, 100]])
    assert len(calls) == 1  # at most every TRIM_EVERY_S seconds
    tiny_service._trimmed_at -= service_module.TRIM_EVERY_S
    tiny_service.segment(astronaut, points=[[100, 100]])
    assert len(calls) == 2
