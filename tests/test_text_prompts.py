"""Text prompts through a grounding detector (Grounding DINO, OWLv2) and the current
segmenter: our instances against the detector's own processor post-processing, on small
random models with tokenizers built from a word list (no network)."""


import numpy as np
import pytest
import torch
from PIL import Image

from sam_app.backends.detector import Detector
from sam_app.errors import CheckpointError, PromptError, SamAppError
from sam_app.tasks.text import parse_phrases, segment_phrases

from agreement import assert_agree
from conftest import IMGS, make_service, run_cli
from models import tiny_detector, tiny_hf

PHRASES = ["cup", "red car"]


@pytest.fixture(scope="module")
def photo():
    return np.asarray(Image.open(IMGS / "coffee.png").convert("RGB"))


@pytest.fixture(scope="module", params=["grounding_dino", "owlv2"])
def detector(request, tmp_path_factory):
    model, processor = tiny_detector(request.param, tmp_path_factory.mktemp("tokenizer"), seed=1)
    return request.param, model, processor


def reference(family, model, processor, image, phrases, threshold):
    """The detector's own pipeline: processor -> model -> post_process_grounded_object_detection,
    sorted by score. Returns (boxes Nx4, scores N, labels N)."""
    height, width = image.shape[:2]
    text = " ".join(p + "." for p in phrases) if family == "grounding_dino" else [phrases]
    inputs = processor(images=image, text=text, return_tensors="pt")
    with torch.no_grad():
        outputs = model(**inputs)
    if family == "grounding_dino":
        found = processor.post_process_grounded_object_detection(
            outputs, inputs["input_ids"], threshold=threshold, text_threshold=threshold,
            target_sizes=[(height, width)])[0]
    else:
        side = max(height, width)
        found = processor.post_process_grounded_object_detection(
            outputs, threshold=threshold, target_sizes=[(side, side)], text_labels=[phrases])[0]
    order = np.argsort(-found["scores"].numpy(), kind="stable")
    clipped = np.clip(found["boxes"].numpy(), 0, [width, height, width, height])
    order = [i for i in order if clipped[i, 2] > clipped[i, 0] and clipped[i, 3] > clipped[i, 1]]  # area in the image
    return found["boxes"].numpy()[order], found["scores"].numpy()[order], [found["text_labels"][i] for i in order]


def with_detector(detector, photo, tiny_model):
    """(a service of the tiny SAM with ``detector`` added, a threshold that keeps some but
    not all of the random detector's boxes)."""
    family, model, processor = detector
    _, scores, _ = reference(family, model, processor, photo, PHRASES, 0.0)
    distinct = np.unique(scores)  # random weights saturate many scores at 1.0
    service = make_service(tiny_model)
    service.add_backend(Detector(model, processor, family, torch.device("cpu")))
    return service, max(0.0, float(distinct[max(0, len(distinct) - 10)]) - 1e-6)


def test_instances_equal_the_detectors_own_post_processing(detector, photo, tiny_model):
    family, model, processor = detector
    service, threshold = with_detector(detector, photo, tiny_model)
    found = segment_phrases(service, photo, "Cup, red  car", threshold, max_instances=100)
    boxes, scores, labels = reference(family, model, processor, photo, PHRASES, threshold)
    assert len(boxes) > 0 and found.phrases == PHRASES and found.detector == family
    np.testing.assert_allclose(found.boxes, boxes, atol=1e-3)
    np.testing.assert_allclose(found.scores, scores, atol=1e-5)
    assert found.labels == labels
    # each instance is the segmenter's mask for its box (clipped to the image)
    clipped = np.clip(boxes, 0, [600, 400, 600, 400])
    expected = service.segment(photo, boxes=clipped)
    assert len(found.objects) == len(boxes)
    for ours, theirs in zip(found.objects, expected.objects):
        assert np.array_equal(ours.best_mask, theirs.best_mask)


def test_max_instances_and_narrowing_by_a_box_or_a_point(detector, photo, tiny_model):
    family, model, processor = detector
    service, threshold = with_detector(detector, photo, tiny_model)
    every = segment_phrases(service, photo, "cup, red car", threshold, max_instances=100)
    top = segment_phrases(service, photo, "cup, red car", threshold, max_instances=2)
    np.testing.assert_allclose(top.scores, every.scores[:2])
    area = [0, 0, 300, 200]
    narrowed = segment_phrases(service, photo, "cup, red car", threshold, max_instances=100, boxes=[area])
    centres = (every.boxes[:, :2] + every.boxes[:, 2:]) / 2
    inside = (centres[:, 0] <= 300) & (centres[:, 1] <= 200)
    np.testing.assert_allclose(narrowed.scores, every.scores[inside])
    box = every.boxes[0]
    point = [[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]]
    by_point = segment_phrases(service, photo, "cup, red car", threshold, max_instances=100, points=point, labels=[1])
    assert 1 <= len(by_point.scores) <= len(every.scores) and by_point.scores[0] == every.scores[0]


@pytest.mark.parametrize("text, message", [
    ("", "the prompt is empty"), (" , ;\n", "the prompt is empty"), ("?!, ...", "has no letter or digit"),
    (", ".join(f"thing {i}" for i in range(17)), "at most 16"), ("x" * 200, "at most 120"),
])
def test_bad_phrases_get_a_clear_message(text, message):
    with pytest.raises(PromptError, match=message):
        parse_phrases(text)


def test_phrases_are_normalised():
    assert parse_phrases("Dog,  RED   car; dog\nperson") == ["dog", "red car", "person"]


def test_no_detector_and_a_detector_as_segmenter_get_clear_messages(tiny_model, photo, tmp_path):
    service = make_service(tiny_model, checkpoint_dir=tmp_path)
    with pytest.raises(CheckpointError, match="download grounding_dino_tiny"):
        segment_phrases(service, photo, "cup")
    with pytest.raises(SamAppError, match="is a text model"):
        service.backend("grounding_dino_tiny")
    with pytest.raises(SamAppError, match="not a text model"):
        service.detector("tiny")
    assert "grounding_dino_tiny" not in service.model_names()


def test_cli_segments_text_with_folders_in_the_checkpoint_folder(tmp_path):
    """Grounding DINO's saved folder found in the checkpoint folder, a SAM 2 folder given
    with --checkpoint: result.json has one object per instance with its phrase."""
    import json

    checkpoints = tmp_path / "checkpoints"
    model, processor = tiny_detector("grounding_dino", tmp_path / "tokenizer", seed=1)
    model.save_pretrained(checkpoints / "grounding-dino-tiny")
    processor.save_pretrained(checkpoints / "grounding-dino-tiny")
    sam2, sam2_processor = tiny_hf("sam2", seed=1)
    sam2.save_pretrained(tmp_path / "sam2")
    sam2_processor.save_pretrained(tmp_path / "sam2")
    out = tmp_path / "out"
    options = ["--text-threshold", "0.5", "--max-instances", "3", "--out-dir", out, "--checkpoint", tmp_path / "sam2",
               "--checkpoint-dir", checkpoints, "--device", "cpu", "--precision", "fp32"]
    result = run_cli("segment", IMGS / "coffee.png", "--text", "cup, red car", *options)
    assert result.returncode == 0, result.stderr
    record = json.loads((out / "result.json").read_text())
    assert record["text"] == {"phrases": ["cup", "red car"], "detector": "grounding_dino_tiny"}
    assert 1 <= len(record["objects"]) <= 3 and record["model"] == "sam2"
    assert all(o["detection_score"] >= 0.5 and o["phrase"] for o in record["objects"])
    empty = run_cli("segment", IMGS / "coffee.png", "--text", " ?! ", *options)
    assert empty.returncode == 2 and "has no letter or digit" in empty.stderr


def test_api_segment_takes_text(tiny_model, tmp_path):
    """/segment with text: one object per instance, each with its phrase and score,
    masks as the segmenter gives for the instance's box."""
    from gradio_client import Client, handle_file

    from sam_app.export import decode_rle

    from conftest import launched

    model, processor = tiny_detector("grounding_dino", tmp_path / "tokenizer", seed=1)
    service = make_service(tiny_model)
    service.add_backend(Detector(model, processor, "grounding_dino", torch.device("cpu")))
    expected = segment_phrases(service, IMGS / "coffee.png", "cup, red car", 0.5, max_instances=256)
    with launched(service) as (_, _, url):
        client = Client(url, verbose=False)
        data, _ = client.predict(handle_file(str(IMGS / "coffee.png")), "", "", "", False, False, "", "",
                                 "cup, red car", 0.5, api_name="/segment")
        with pytest.raises(Exception, match="has no letter or digit"):
            client.predict(handle_file(str(IMGS / "coffee.png")), "", "", "", False, False, "", "", "?!", 0.5,
                           api_name="/segment")
    assert data["text"] == {"phrases": ["cup", "red car"], "detector": "grounding_dino"}
    assert len(data["objects"]) == len(expected.objects) > 0
    for obj, ours, label, score in zip(data["objects"], expected.objects, expected.labels, expected.scores):
        assert obj["phrase"] == label and abs(obj["detection_score"] - score) < 1e-5
        assert np.array_equal(decode_rle(obj["masks"][obj["best"]]["segmentation"]), ours.best_mask)


def test_batch_prompt_lines_take_text(tiny_cli, tiny_model, tmp_path):
    """A line's "text" (the whole image) and a text object with its own category beside a
    box: one annotation per instance, each the segmenter's mask for its box, its category
    the phrase it answers (or the one given) and its score the detector's."""
    import json

    from pycocotools.coco import COCO

    from sam_app.tasks.text import asked_phrase

    model, processor = tiny_detector("grounding_dino", tmp_path / "tokenizer", seed=1)
    model.save_pretrained(tmp_path / "checkpoints" / "grounding-dino-tiny")
    processor.save_pretrained(tmp_path / "checkpoints" / "grounding-dino-tiny")
    images = tmp_path / "images"
    images.mkdir()
    Image.open(IMGS / "coffee.png").convert("RGB").save(images / "coffee.png")
    Image.open(IMGS / "coffee.png").convert("RGB").crop((100, 50, 500, 350)).save(images / "crop.png")
    lines = [{"image": "coffee.png", "text": "cup, red car", "threshold": 0.4},
             {"image": "crop.png", "objects": [{"text": "cup", "category": "thing", "threshold": 0.5,
                                                "max_instances": 2}, {"box": [10, 10, 200, 200], "category": "cup"}]}]
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    out = tmp_path / "out"
    result = tiny_cli("batch", "--images", images, "--output", out, "--prompts", prompts)
    assert result.returncode == 0, result.stderr
    coco = COCO(str(out / "annotations.json"))
    names = {c["id"]: c["name"] for c in coco.loadCats(coco.getCatIds())}
    assert sorted(names.values()) == ["cup", "red car", "thing"]
    service = make_service(tiny_model)
    service.add_backend(Detector(model, processor, "grounding_dino", torch.device("cpu")))
    expected = {"coffee.png": [(segment_phrases(service, images / "coffee.png", "cup, red car", 0.4), None)],
                "crop.png": [(segment_phrases(service, images / "crop.png", "cup", 0.5, max_instances=2), "thing"),
                             (service.segment(images / "crop.png", boxes=np.array([[10, 10, 200, 200]])), "cup")]}
    for image in coco.loadImgs(coco.getImgIds()):
        anns = coco.loadAnns(coco.getAnnIds(imgIds=image["id"]))
        wanted = [(o, r, category) for r, category in expected[image["file_name"]] for o in range(len(r.objects))]
        assert len(anns) == len(wanted) > 1
        for ann, (k, r, category) in zip(anns, wanted):
            assert_agree(coco.annToMask(ann).astype(bool), r.objects[k].best_mask)  # another batch composition
            if category != "cup":  # found by text
                assert names[ann["category_id"]] == (category or asked_phrase(r.labels[k], r.phrases))
                assert abs(ann["score"] - r.scores[k]) < 1e-5
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"image": "crop.png", "objects": [{"text": "?!"}]}) + "\n")
    failed = tiny_cli("batch", "--images", images, "--output", tmp_path / "out2", "--prompts", bad)
    assert failed.returncode == 2 and "line 1, object 1: text: '?!' has no letter or digit" in failed.stderr
