"""Text prompts through SAM 3, end to end: our instances against transformers' own
``Sam3Processor`` + ``Sam3Model`` + ``post_process_instance_segmentation`` on a small
random model with a tokenizer built from a word list (no network)."""

import json

import numpy as np
import pytest
import torch
from PIL import Image

from sam_app import models
from sam_app.backends.sam3 import Sam3Backend
from sam_app.tasks.text import segment_phrases

from agreement import assert_agree
from conftest import IMGS, make_service, run_cli
from models import tiny_detector, tiny_sam3

PHRASES = ["cup", "red car"]


@pytest.fixture(scope="module")
def photo():
    return np.asarray(Image.open(IMGS / "coffee.png").convert("RGB"))


@pytest.fixture(scope="module")
def sam3(tmp_path_factory):
    return tiny_sam3(tmp_path_factory.mktemp("tokenizer"), seed=1)


def reference(model, processor, image, phrase, threshold, boxes=None):
    """transformers' pipeline for one phrase (and exemplar boxes, all positive), sorted by
    score: (boxes Nx4, scores N, masks NxHxW bool)."""
    height, width = image.shape[:2]
    extra = {} if boxes is None else dict(input_boxes=[boxes], input_boxes_labels=[[1] * len(boxes)])
    inputs = processor(images=image, text=phrase, return_tensors="pt", **extra)
    inputs.pop("original_sizes")
    with torch.no_grad():
        outputs = model(**inputs)
    found = processor.post_process_instance_segmentation(outputs, threshold=threshold, mask_threshold=0.5,
                                                         target_sizes=[(height, width)])[0]
    order = np.argsort(-found["scores"].numpy(), kind="stable")
    return found["boxes"].numpy()[order], found["scores"].numpy()[order], found["masks"].numpy()[order].astype(bool)


def with_sam3(sam3, photo, tiny_model):
    """(a service of the tiny SAM with SAM 3 added, a threshold that keeps some but not
    all of the random model's instances)."""
    model, processor = sam3
    _, scores, _ = reference(model, processor, photo, PHRASES[0], 0.0)
    service = make_service(tiny_model)
    service.add_backend(Sam3Backend(model, processor, "sam3", torch.device("cpu")))
    return service, float(np.sort(scores)[-6]) - 1e-6


def merged(model, processor, photo, threshold, boxes=None):
    """Every phrase's reference instances, best first (stable: phrase order on ties)."""
    parts = [(p, *reference(model, processor, photo, p, threshold, boxes)) for p in PHRASES]
    scores = np.concatenate([s for _, _, s, _ in parts])
    labels = [p for p, _, s, _ in parts for _ in s]
    order = np.argsort(-scores, kind="stable")
    return (np.concatenate([b for _, b, _, _ in parts])[order], scores[order], [labels[i] for i in order],
            np.concatenate([m for *_, m in parts])[order])


def test_instances_equal_sam3s_own_post_processing(sam3, photo, tiny_model):
    model, processor = sam3
    service, threshold = with_sam3(sam3, photo, tiny_model)
    found = segment_phrases(service, photo, "Cup, red car", threshold, max_instances=100)
    boxes, scores, labels, masks = merged(model, processor, photo, threshold)
    assert len(scores) >= 5 and found.model == "sam3" and found.detector == "sam3"
    np.testing.assert_allclose(found.boxes, boxes, atol=1e-4)
    np.testing.assert_allclose(found.scores, scores, atol=1e-6)
    assert found.labels == labels
    for obj, mask, box in zip(found.objects, masks, boxes):
        assert_agree(obj.best_mask, mask)  # transformers' own pipeline: another graph
        assert np.isnan(obj.scores[0])
        np.testing.assert_allclose(obj.prompt.box, np.clip(box, 0, [600, 400, 600, 400]), atol=1e-4)
    again = segment_phrases(service, photo, "cup", threshold)
    assert service.encode_count == 1 and len(again.objects) > 0  # the vision features are cached


def test_boxes_are_exemplars_and_points_narrow(sam3, photo, tiny_model):
    model, processor = sam3
    service, threshold = with_sam3(sam3, photo, tiny_model)
    exemplar = [40.0, 60.0, 300.0, 260.0]
    found = segment_phrases(service, photo, "cup, red car", threshold, max_instances=100, boxes=[exemplar])
    boxes, scores, _, masks = merged(model, processor, photo, threshold, [exemplar])
    np.testing.assert_allclose(found.scores, scores, atol=1e-6)
    for obj, mask in zip(found.objects, masks):
        assert_agree(obj.best_mask, mask)
    every = segment_phrases(service, photo, "cup, red car", threshold, max_instances=100)
    box = every.boxes[0]
    point = [[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]]
    narrowed = segment_phrases(service, photo, "cup, red car", threshold, max_instances=100, points=point, labels=[1])
    holds = [(b[0] <= point[0][0] <= b[2]) and (b[1] <= point[0][1] <= b[3]) for b in every.boxes]
    np.testing.assert_allclose(narrowed.scores, every.scores[holds])


def test_sam3_first_on_a_gpu_the_cheapest_first_on_a_cpu():
    assert models.preference("cuda", "detector")[0].name == "sam3"
    assert models.preference("cpu", "detector")[-1].name == "sam3"
    assert models.get("sam3").weights.repo_id == "facebook/sam3" and models.get("sam3").kind == "detector"


def test_the_hubs_video_folder_loads_in_the_cli(sam3, tmp_path):
    """SAM 3's hub folder is the video model's: config.json of model_type sam3_video with
    the image model under detector_config, weights under detector_model.; a copy in the
    checkpoint folder is found and answers ``segment --text`` as the model itself."""
    from safetensors.torch import load_file, save_file

    model, processor = sam3
    folder = tmp_path / "checkpoints" / "sam3"
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({"model_type": "sam3_video", "detector_config": config}))
    weights = load_file(folder / "model.safetensors")
    save_file({"detector_model." + k: v for k, v in weights.items()}, folder / "model.safetensors",
              metadata={"format": "pt"})
    assert models.recognise(folder) == "sam3"
    # a detector beside it: SAM 3 is named, so the cheaper detector is not used
    gd, gd_processor = tiny_detector("grounding_dino", tmp_path / "tokenizer", seed=1)
    gd.save_pretrained(tmp_path / "checkpoints" / "grounding-dino-tiny")
    gd_processor.save_pretrained(tmp_path / "checkpoints" / "grounding-dino-tiny")
    out = tmp_path / "out"
    threshold = float(np.sort(reference(model, processor, np.asarray(Image.open(IMGS / "coffee.png").convert("RGB")),
                                        "cup", 0.0)[1])[-3]) - 1e-6
    result = run_cli("segment", IMGS / "coffee.png", "--text", "cup", "--text-threshold", threshold, "--detector",
                     "sam3", "--model-type", "classical", "--out-dir", out, "--checkpoint-dir",
                     tmp_path / "checkpoints", "--device", "cpu", "--precision", "fp32")
    assert result.returncode == 0, result.stderr
    record = json.loads((out / "result.json").read_text())
    assert record["text"] == {"phrases": ["cup"], "detector": "sam3"} and record["model"] == "sam3"
    assert len(record["objects"]) == 3 and all(o["phrase"] == "cup" for o in record["objects"])


def test_web_ui_keeps_sam3s_masks_until_an_object_is_refined(sam3, photo, tiny_model):
    """Find and add: SAM 3's instances join the prompt as boxes with their own masks; a
    click inside one re-segments that object alone with the segmenter; asking the same
    phrase again replaces its instances, and a box drawn by hand stays."""
    import gradio as gr
    from ui_tab import Tab

    from sam_app.ui import build_ui

    service, threshold = with_sam3(sam3, photo, tiny_model)
    with gr.Blocks():
        ui = build_ui(service)
    p, tab = ui.prompt, Tab(ui)
    tab.open(str(IMGS / "coffee.png"))
    tab.call(p.on_add_boxes, "1 2 50 60")  # drawn by hand
    out = tab.call(p.on_add_text, "cup", threshold, False)
    state, expected = tab.state("prompt"), segment_phrases(service, photo, "cup", threshold)
    n = len(expected.objects)
    assert n >= 3 and f"sam3 found {n} instance(s) of cup" in out[p.shared.message]
    assert state.boxes[0] == (1.0, 2.0, 50.0, 60.0) and len(state.boxes) == n + 1
    masks = [o.best_mask for o in state.result.objects]
    assert all(np.array_equal(m, e.best_mask) for m, e in zip(masks[1:], expected.objects))  # the same SAM 3 call
    x1, y1, x2, y2 = state.boxes[1]
    x, y = (x1 + x2) / 2, (y1 + y2) / 2
    evt = gr.SelectData(None, {"index": [x, y], "value": None})
    tab.call(p.on_click, "Foreground point", True, False, evt=evt)
    refined = tab.state("prompt")
    # the click refines one object: the smallest box that holds it (instances may overlap)
    holding = [k for k, (a, b, c, d) in enumerate(refined.boxes) if a <= x <= c and b <= y <= d]
    owner = min(holding, key=lambda k: (refined.boxes[k][2] - refined.boxes[k][0])
                * (refined.boxes[k][3] - refined.boxes[k][1]))
    assert [k for k, o in enumerate(refined.result.objects) if len(o.prompt.points)] == [owner]
    for before, after in zip(state.result.objects[1:], refined.result.objects[1:]):
        if len(after.prompt.points):  # the point falls in this box: the segmenter's mask for box + point
            theirs = service.segment_objects(photo, [after.prompt]).objects[0]
            assert_agree(after.best_mask, theirs.best_mask)  # decoded beside other objects, and alone
            assert refined.result.model == "tiny"
        else:
            assert np.array_equal(after.best_mask, before.best_mask)
    out = tab.call(p.on_add_text, "cup", float(expected.scores[1]) - 1e-6, False)
    assert p.state in out, out[p.shared.message]
    again = tab.state("prompt")
    assert len(again.instances) == 2 and again.boxes[0] == (1.0, 2.0, 50.0, 60.0) and len(again.boxes) == 3
    tab.call(p.on_undo)
    assert tab.state("prompt").boxes == refined.boxes
    tab.values[p.state] = again
    nothing = tab.call(p.on_add_text, "cup", 0.99, False)
    assert "found no cup scoring 0.99 or more" in nothing[p.shared.message]
    left = tab.state("prompt")  # the earlier cups are gone, the box drawn by hand stays and is segmented
    assert left.boxes == [(1.0, 2.0, 50.0, 60.0)] and len(left.result.objects) == 1
