"""SAM 2.1, HQ-SAM, EdgeTAM and SAM 3's tracker through transformers: our service against transformers'
own processor + model pipeline on the same random weights, and their folders, recognition,
downloads and defaults. Nothing is fetched from the network (HF_HUB_OFFLINE=1)."""

import json
import os

import numpy as np
import pytest
import torch
from PIL import Image

from sam_app import models
from sam_app.backends.transformers_sam import TransformersSamBackend
from sam_app.errors import CheckpointError, SamAppError
from sam_app.service import SamService

from agreement import assert_agree
from conftest import IMGS, run_cli
from models import tiny_hf, tiny_sam3_video

FAMILIES = ["sam2", "sam_hq", "edgetam", "sam3_tracker"]


@pytest.fixture(scope="module", params=FAMILIES)
def family(request):
    model, processor = tiny_hf(request.param, seed=3)
    service = SamService(device="cpu", precision="fp32")
    service.add_backend(TransformersSamBackend(model, processor, request.param, torch.device("cpu")), default=True)
    return request.param, model, processor, service


def reference(model, processor, image, points=None, labels=None, boxes=None, mask=None, multimask=True):
    """transformers' own pipeline: processor -> model -> post_process_masks. Returns
    (masks KxCxHxW bool, scores KxC) for the K objects of one call."""
    inputs = processor(images=image, input_points=points, input_labels=labels, input_boxes=boxes, return_tensors="pt")
    extra = {} if mask is None else {"input_masks": torch.as_tensor(mask, dtype=torch.float32)[None]}
    with torch.no_grad():
        out = model(**inputs, **extra, multimask_output=multimask)
    sizes = {"reshaped_input_sizes": inputs["reshaped_input_sizes"]} if "reshaped_input_sizes" in inputs else {}
    masks = processor.post_process_masks(out.pred_masks, inputs["original_sizes"], **sizes)[0]
    return masks.numpy(), out.iou_scores[0].numpy()


def assert_same(ours, masks, scores):
    """ours: SegmentResult; masks KxCxHxW and scores KxC from ``reference``."""
    assert len(ours.objects) == len(masks)
    for obj, ref_masks, ref_scores in zip(ours.objects, masks, scores):
        assert_agree(obj.masks, ref_masks, obj.scores, ref_scores)


@pytest.fixture(scope="module")
def photo():
    return np.asarray(Image.open(IMGS / "coffee.png").convert("RGB"))


@pytest.mark.parametrize("multimask", [True, False])
def test_points_equal_the_pipeline(family, photo, multimask):
    _, model, processor, service = family
    points, labels = [[120, 90], [400, 300], [250, 200]], [1, 0, 1]
    ours = service.segment(photo, np.array(points), np.array(labels), multimask=multimask)
    assert_same(ours, *reference(model, processor, photo, [[points]], [[labels]], multimask=multimask))


def test_box_and_point_equal_the_pipeline(family, photo):
    _, model, processor, service = family
    ours = service.segment(photo, np.array([[300, 200]]), np.array([0]), boxes=np.array([[150, 60, 480, 340]]))
    assert_same(ours, *reference(model, processor, photo, [[[[300, 200]]]], [[[0]]], [[[150, 60, 480, 340]]],
                                 multimask=False))


def test_several_boxes_equal_the_pipeline_in_one_batch(family, photo):
    _, model, processor, service = family
    boxes = [[10, 10, 200, 150], [150, 60, 480, 340], [300, 250, 590, 390]]
    ours = service.segment(photo, boxes=np.array(boxes), multimask=True)
    assert_same(ours, *reference(model, processor, photo, boxes=[boxes]))


def test_mask_input_equals_the_pipeline(family, photo):
    """The previous best candidate's low-res logits fed back with a new point."""
    _, model, processor, service = family
    first = service.segment(photo, np.array([[250, 200]]), multimask=True).objects[0]
    previous = first.low_res_logits[first.best][None]  # 1x256x256
    ours = service.segment(photo, np.array([[250, 200], [420, 120]]), np.array([1, 0]), mask_input=previous)
    assert_same(ours, *reference(model, processor, photo, [[[[250, 200], [420, 120]]]], [[[1, 0]]], mask=previous,
                                 multimask=False))


def test_embedding_bytes_are_counted(family, photo):
    _, _, _, service = family
    service.clear_cache()
    service.segment(photo, np.array([[100, 100]]))
    embedding = service.embedding(service.load_image(photo))
    tensors = list(embedding.features.values())
    flat = [t for v in tensors for t in (v if isinstance(v, list) else [v])]
    assert service.cache_info()["bytes"] == sum(t.numel() * 4 for t in flat) > 4 * 256 * 16 * 16


def test_segment_everything_runs_on_the_family(family, photo):
    from sam_app.tasks.everything import EverythingSettings, MaskGenerator

    _, _, _, service = family
    settings = EverythingSettings(points_per_side=4, pred_iou_thresh=0.0, stability_score_thresh=0.0)
    records = MaskGenerator(service, settings=settings).generate(photo)
    assert records and all(r["segmentation"].shape == photo.shape[:2] for r in records)


@pytest.mark.slow
def test_full_size_sam21_tiny_equals_the_pipeline(photo):
    """SAM 2.1 Hiera-T at full size (transformers' default Sam2Config), random weights."""
    import transformers as tf

    torch.manual_seed(0)
    model = tf.Sam2Model(tf.Sam2Config()).eval()
    processor = tf.Sam2Processor(tf.Sam2ImageProcessor())
    service = SamService(device="cpu", precision="fp32")
    service.add_backend(TransformersSamBackend(model, processor, "sam2.1_hiera_t", torch.device("cpu")), default=True)
    ours = service.segment(photo, np.array([[250, 200], [420, 120]]), np.array([1, 0]), multimask=True)
    assert_same(ours, *reference(model, processor, photo, [[[[250, 200], [420, 120]]]], [[[1, 0]]]))
    boxes = [[10, 10, 200, 150], [150, 60, 480, 340]]
    assert_same(service.segment(photo, boxes=np.array(boxes)), *reference(model, processor, photo, boxes=[boxes],
                                                                         multimask=False))


# ---------------------------------------------------------------- folders and the registry


@pytest.fixture(scope="module")
def sam2_folder(tmp_path_factory):
    """A tiny SAM 2 saved with save_pretrained (config.json + model.safetensors + processor)."""
    model, processor = tiny_hf("sam2", seed=5)
    folder = tmp_path_factory.mktemp("saved") / "my-sam2"
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder, model, processor


def test_a_saved_folder_loads_through_checkpoint_and_equals_the_pipeline(sam2_folder, photo):
    folder, model, processor = sam2_folder
    service = SamService(checkpoint=folder, device="cpu", precision="fp32")
    assert service.resolve_model_name() == "my-sam2"  # a custom size: named after its folder
    assert models.get("my-sam2").family == "sam2.1"
    ours = service.segment(photo, np.array([[250, 200]]), multimask=True)
    assert_same(ours, *reference(model, processor, photo, [[[[250, 200]]]]))


def test_a_folder_of_config_and_weights_alone_loads_with_the_default_processor(sam2_folder, photo, tmp_path):
    """No preprocessor_config.json: the family's own processor (what the hub ships)."""
    import shutil

    folder = tmp_path / "bare"
    folder.mkdir()
    for name in ("config.json", "model.safetensors"):
        shutil.copy(sam2_folder[0] / name, folder / name)
    service = SamService(checkpoint=folder, device="cpu", precision="fp32")
    ours = service.segment(photo, np.array([[250, 200]]), multimask=True)
    assert_same(ours, *reference(sam2_folder[1], sam2_folder[2], photo, [[[[250, 200]]]]))


def test_sam3_tracker_clicks_come_from_the_sam3_folder(photo, tmp_path):
    """The hub's SAM 3 folder (a ``sam3_video`` model) serves clicks as well as text:
    every weight of Sam3TrackerModel is the one transformers' video tracker reads from the
    folder, and the masks are transformers' pipeline's on that model."""
    import transformers as tf

    video_model, _ = tiny_sam3_video(tmp_path / "sam3")
    service = SamService(model_type="sam3_tracker", checkpoint=tmp_path / "sam3", device="cpu", precision="fp32")
    ours = service.segment(photo, np.array([[250, 200], [420, 120]]), np.array([1, 0]), multimask=True)
    backend = service.backend("sam3_tracker")
    assert type(backend.model).__name__ == "Sam3TrackerModel"
    theirs = video_model.state_dict()
    mine = backend.model.state_dict()
    assert mine and all(torch.equal(tensor, theirs[key]) for key, tensor in mine.items())
    processor = tf.Sam3TrackerProcessor.from_pretrained(tmp_path / "sam3")
    assert_same(ours, *reference(backend.model, processor, photo, [[[[250, 200], [420, 120]]]], [[[1, 0]]]))
    assert ours.objects[0].low_res_logits.shape == (3, 256, 256)  # the app's frame, fed back as a mask input
    declared = service.capabilities("sam3_tracker")
    assert declared.points and declared.mask_input and declared.everything and not declared.fine_tuning
    assert models.recognise(tmp_path / "sam3") == "sam3"  # the folder alone still names SAM 3 (text)
    assert SamService(device="cpu", checkpoint_dir=tmp_path).resolve_model_name() == "sam3_tracker"  # not classical
    assert models.get("sam3_tracker").weights.repo_id == models.get("sam3").weights.repo_id


def test_official_sizes_are_recognised_from_the_config_alone(tmp_path):
    import transformers as tf

    for name, config in [("sam2.1_hiera_t", tf.Sam2Config()), ("sam_hq_vit_l", tf.SamHQConfig(
            vision_config=tf.SamHQVisionConfig(hidden_size=1024))), ("edgetam", tf.EdgeTamConfig())]:
        folder = tmp_path / name
        config.save_pretrained(folder)
        assert models.recognise(folder) == name


def test_missing_or_corrupt_weights_get_a_clear_message(sam2_folder, tmp_path):
    import shutil

    folder = tmp_path / "broken"
    shutil.copytree(sam2_folder[0], folder)
    weights = folder / "model.safetensors"
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="truncated or corrupt"):
        SamService(checkpoint=folder, device="cpu").backend()
    weights.write_bytes(b"\x00" * 64)
    with pytest.raises(CheckpointError, match="truncated or corrupt"):
        SamService(checkpoint=folder, device="cpu").backend()
    weights.unlink()
    with pytest.raises(CheckpointError, match="no model.safetensors"):
        SamService(checkpoint=folder, device="cpu").backend()


def test_cli_segments_with_a_saved_folder(sam2_folder, tmp_path):
    out = tmp_path / "out"
    result = run_cli("segment", IMGS / "coffee.png", "--checkpoint", sam2_folder[0], "--points", "250 200",
                     "--out-dir", out, "--device", "cpu", "--precision", "fp32")
    assert result.returncode == 0, result.stderr
    assert any(out.iterdir())


def test_the_fastest_present_model_is_the_default_on_a_cpu_without_sam1(sam2_folder, tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("SAM_CHECKPOINT_DIR", str(tmp_path))
    for official in ("sam2.1-hiera-large", "sam2.1-hiera-tiny"):  # any SAM 2 folder loads under either name
        shutil.copytree(sam2_folder[0], tmp_path / official)
    assert SamService(device="cpu").resolve_model_name() == "sam2.1_hiera_t"
    order = [m.name for m in models.preference("cpu")]
    assert order[:3] == ["vit_b", "vit_l", "vit_h"]  # SAM 1 first wherever its file is present
    assert order.index("edgetam") < order.index("sam2.1_hiera_t") < order.index("sam2.1_hiera_l")
    assert [m.name for m in models.preference("cuda")][:3] == ["vit_h", "vit_l", "vit_b"]


def test_a_copy_in_the_hugging_face_cache_is_used(sam2_folder, monkeypatch, tmp_path):
    """A repo already in the user's HF cache (hub layout) counts as present and loads."""
    import shutil

    hub = tmp_path / "hf" / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(hub))
    import huggingface_hub.constants as constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(hub))
    repo = hub / "models--facebook--sam2.1-hiera-tiny"
    commit = "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(sam2_folder[0], repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    path = models.weights_path(models.get("sam2.1_hiera_t"), tmp_path / "empty")
    assert path == repo / "snapshots" / commit
    status = {s.spec.name: s.state for s in models.statuses(tmp_path / "empty")}
    assert status["sam2.1_hiera_t"] == "present" and status["sam2.1_hiera_s"] == "missing"
    service = SamService(checkpoint_dir=tmp_path / "empty", device="cpu", precision="fp32")
    assert service.resolve_model_name() == "sam2.1_hiera_t"
    result = service.segment(IMGS / "coffee.png", np.array([[250, 200]]))
    assert result.model == "sam2.1_hiera_t" and result.objects[0].masks.shape == (1, 400, 600)


def test_download_says_offline_mode_and_fetches_nothing(tmp_path):
    from sam_app.download import download_model

    with pytest.raises(SamAppError, match="offline mode is on"):
        download_model("sam2.1_hiera_t", tmp_path)
    assert not any(tmp_path.iterdir())


def test_a_download_that_cannot_start_prints_no_empty_bar_and_claims_no_kept_files(tmp_path):
    """No network (a hub address nobody answers, offline mode off): one line, no "0.00B"
    progress bar, and no "kept in" a folder that holds nothing."""
    result = run_cli("download", "sam2.1_hiera_t", "--checkpoint-dir", tmp_path,
                     env={"HF_HUB_OFFLINE": "0", "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_ETAG_TIMEOUT": "2",
                          "HF_HUB_DOWNLOAD_TIMEOUT": "2"})
    assert result.returncode == 2 and "0.00B" not in result.stderr and "it/s" not in result.stderr
    assert result.stderr.startswith("error: download of facebook/sam2.1-hiera-tiny broke off")
    assert "nothing was fetched" in result.stderr and "kept in" not in result.stderr


def test_download_hands_the_hub_the_pinned_revision_and_reports_bytes(tmp_path, monkeypatch):
    """The glue around huggingface_hub.snapshot_download (the hub itself is out of reach):
    the repo and revision asked for, weights and configs only, progress in bytes."""
    import huggingface_hub

    from sam_app import download

    asked, reports = {}, []

    def fake_snapshot(repo_id, revision, local_dir, allow_patterns, tqdm_class):
        asked.update(repo_id=repo_id, revision=revision, patterns=allow_patterns)
        bar = tqdm_class(total=300, name="huggingface_hub.snapshot_download", disable=True)
        bar.update(100)
        bar.update(200)
        os.makedirs(local_dir, exist_ok=True)
        return local_dir

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot)
    path = download.download_model("edgetam", tmp_path, lambda done, total: reports.append((done, total)))
    spec = models.get("edgetam")
    assert path == tmp_path / "EdgeTAM-hf"
    assert asked == {"repo_id": spec.weights.repo_id, "revision": spec.weights.revision,
                     "patterns": download.HUB_FILES}
    assert reports == [(100, 300), (300, 300)]
    assert not any(p.endswith((".bin", ".pt", ".pth")) for p in download.HUB_FILES)


def test_list_shows_every_family(tmp_path):
    result = run_cli("list", "--checkpoint-dir", tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("vit_b", "sam2.1_hiera_t", "sam2.1_hiera_l", "sam_hq_vit_b", "sam_hq_vit_h", "edgetam"):
        assert f"  {name} " in result.stdout
    assert "sam2.1-hiera-tiny" in result.stdout


def test_list_takes_a_checkpoint_and_shows_the_model_it_holds(sam2_folder, tmp_path):
    """``list --checkpoint`` (no longer taken for --checkpoint-dir by an abbreviation)."""
    result = run_cli("list", "--checkpoint", sam2_folder[0], "--checkpoint-dir", tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"--checkpoint: {sam2_folder[0]} holds my-sam2" in result.stdout
    assert "  my-sam2 " in result.stdout and f"present as {sam2_folder[0].resolve()}" in result.stdout
    assert run_cli("list", "--checkpoint-d", tmp_path).returncode == 2  # abbreviations are refused


def test_batch_dataset_with_a_saved_folder_equals_single_image_results(sam2_folder, tmp_path):
    """``batch --checkpoint DIR``: each COCO annotation is the mask the service gives."""
    from pycocotools.coco import COCO

    images = tmp_path / "images"
    images.mkdir()
    for name in ("coffee.png", "astronaut.png"):
        Image.open(IMGS / name).convert("RGB").save(images / name)
    lines = [{"image": "coffee.png", "objects": [{"box": [50, 50, 300, 250]}, {"points": [[200, 200]]}]},
             {"image": "astronaut.png", "objects": [{"points": [[250, 150], [20, 20]], "labels": [1, 0]}]}]
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    out = tmp_path / "out"
    result = run_cli("batch", "--images", images, "--prompts", prompts, "--output", out, "--checkpoint",
                     sam2_folder[0], "--device", "cpu", "--precision", "fp32")
    assert result.returncode == 0, result.stderr
    coco = COCO(str(out / "annotations.json"))
    service = SamService(checkpoint=sam2_folder[0], device="cpu", precision="fp32")
    for image in coco.loadImgs(coco.getImgIds()):
        objects = next(line["objects"] for line in lines if line["image"] == image["file_name"])
        for ann, obj in zip(coco.loadAnns(coco.getAnnIds(imgIds=image["id"])), objects):
            boxes = np.array([obj["box"]]) if "box" in obj else None
            points = np.array(obj.get("points", []), np.float32).reshape(-1, 2)
            expected = service.segment(images / image["file_name"], points, obj.get("labels"), boxes).objects[0]
            assert_agree(coco.annToMask(ann).astype(bool), expected.best_mask)  # beside other objects, and alone


def test_api_takes_a_model_argument(tiny_model):
    """/segment and /everything on a server with SAM 1 as default and a SAM 2 beside it."""
    from gradio_client import Client, handle_file

    from sam_app.export import decode_rle

    from conftest import launched, make_service

    model, processor = tiny_hf("sam2", seed=2)
    service = make_service(tiny_model)
    service.add_backend(TransformersSamBackend(model, processor, "sam2-test", torch.device("cpu")))
    with launched(service) as (_, _, url):
        client = Client(url, verbose=False)
        coffee = str(IMGS / "coffee.png")
        data, _ = client.predict(handle_file(coffee), "250 200", "", "", True, False, "", "sam2-test",
                                 api_name="/segment")
        assert data["model"] == "sam2-test"
        expected = service.segment(IMGS / "coffee.png", np.array([[250, 200]]), multimask=True, model="sam2-test")
        masks = [decode_rle(m["segmentation"]) for m in data["objects"][0]["masks"]]
        assert np.array_equal(np.stack(masks), expected.objects[0].masks)
        default, _ = client.predict(handle_file(coffee), "250 200", api_name="/segment")
        assert default["model"] == "tiny"
        with pytest.raises(Exception, match="unknown model 'nope'"):
            client.predict(handle_file(coffee), "250 200", "", "", False, False, "", "nope", api_name="/segment")
        everything, _ = client.predict(handle_file(coffee), "", {"points_per_side": 4}, False, "sam2-test",
                                       api_name="/everything")
        assert everything["model"] == "sam2-test"


def test_webui_serves_a_saved_folder_given_with_checkpoint(sam2_folder, photo, tmp_path):
    """webui.py --checkpoint DIR: /segment answers with the folder's model, equal to the pipeline."""
    from gradio_client import handle_file

    from sam_app.export import decode_rle

    from conftest import webui_client

    folder, model, processor = sam2_folder
    args = ["--checkpoint", folder, "--device", "cpu", "--precision", "fp32"]
    with webui_client(args, {"SAM_CHECKPOINT_DIR": str(tmp_path / "empty")}) as client:
        data, _ = client.predict(handle_file(str(IMGS / "coffee.png")), "250 200", "", "", True, False,
                                 api_name="/segment")
    assert data["model"] == "my-sam2"
    masks = np.stack([decode_rle(m["segmentation"]) for m in data["objects"][0]["masks"]])
    ref_masks, ref_scores = reference(model, processor, photo, [[[[250, 200]]]])
    assert_agree(masks, ref_masks[0], [m["score"] for m in data["objects"][0]["masks"]], ref_scores[0])


def test_read_only_pixels_raise_no_torch_warning():
    """The image store's pixels are read-only; torch warns once per process about such
    arrays, so this runs in a process of its own."""
    import subprocess
    import sys

    from conftest import REPO

    script = ("import sys, numpy as np, torch; sys.path.insert(0, 'tests')\n"
              "from models import tiny_hf\n"
              "from sam_app.backends.transformers_sam import TransformersSamBackend\n"
              "from sam_app.service import SamService\n"
              "model, processor = tiny_hf('sam2', seed=1)\n"
              "service = SamService(device='cpu', precision='fp32')\n"
              "service.add_backend(TransformersSamBackend(model, processor, 's', torch.device('cpu')), default=True)\n"
              "pixels = np.zeros((64, 96, 3), np.uint8); pixels.flags.writeable = False\n"
              "service.segment(pixels, np.array([[10, 10]]))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    assert "not writable" not in done.stderr
