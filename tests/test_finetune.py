"""Fine-tuning with SAM's recipe: the loss pieces against hand-computed values, a run
that writes its checkpoint, card and report, resumes after an interruption, and whose
output loads in the CLI and the service as a custom model."""

import json
import math
import os

import numpy as np
import pytest
import torch

from sam_app import models
from sam_app.backends.sam import SamBackend
from sam_app.backends.transformers_sam import TransformersSamBackend
from sam_app.errors import SamAppError
from sam_app.prompts import ObjectPrompt
from sam_app.service import SamService
from sam_app.training import finetune as ft
from sam_app.training import run as training
from sam_app.training.losses import dice_loss, focal_loss, mask_iou, sam_loss
from sam_app.training.shapes import make_shapes

from conftest import IMGS, TINY_FAMILY, run_cli
from models import small_sam, tiny_hf

LN2 = math.log(2)


def test_loss_pieces_equal_hand_computed_values():
    logits = torch.zeros(1, 1, 1, 2)  # p = 0.5 on both pixels
    target = torch.tensor([[[[1.0, 0.0]]]])
    # focal: alpha (1 - p)^2 CE on the positive, (1 - alpha) p^2 CE on the negative, averaged
    expected = (0.25 * 0.25 * LN2 + 0.75 * 0.25 * LN2) / 2
    assert focal_loss(logits, target).item() == pytest.approx(expected, rel=1e-6)
    # dice: 1 - (2 * 0.5 + 1) / ((0.5 + 0.5) + 1 + 1)
    assert dice_loss(logits, target).item() == pytest.approx(1 - 2 / 3, rel=1e-6)
    sure = torch.tensor([[[[5.0, -5.0]], [[-5.0, 5.0]]]]).reshape(1, 2, 1, 2)
    np.testing.assert_allclose(mask_iou(sure, target).numpy(), [[1.0, 0.0]])
    loss, chosen = sam_loss(sure, torch.tensor([[1.0, 0.5]]), target)
    best = 20 * focal_loss(sure[:, :1], target) + dice_loss(sure[:, :1], target)
    assert chosen.tolist() == [0]  # the lowest-loss candidate, and only its mask loss
    assert loss.item() == pytest.approx(best.item() + (0.0 + 0.25) / 2, rel=1e-5)  # IoU MSE over both


def test_low_res_targets_are_placed_as_the_image_in_the_input():
    mask = np.zeros((100, 200), bool)
    mask[:, :100] = True  # the left half
    target = ft.low_res_target(mask, 256)
    assert target.shape == (256, 256) and target[:128, :128].all() and not target[:128, 128:].any()
    assert not target[128:].any()  # padding below the image
    stretched = ft.low_res_target(mask, 256, stretch=True)  # SAM 2's processor: the image fills the square
    assert stretched[:, :128].all() and not stretched[:, 128:].any()


def test_bad_settings_are_messages():
    with pytest.raises(SamAppError, match="val split must be between 0 and 1"):
        ft.TrainSettings(val_split=1.5)
    with pytest.raises(SamAppError, match="gradient clipping must be 0 \\(off\\) or a positive norm, got -1"):
        ft.TrainSettings(clip_grad=-1)
    with pytest.raises(SamAppError, match="at least 2 images"):
        ft.split([7], 0.2, 0)
    with pytest.raises(SamAppError, match="^classical cannot be fine-tuned; models that can: vit_h, vit_l, vit_b, "):
        training.finetune(SamService(model_type="classical", device="cpu", precision="fp32"), IMGS, IMGS, IMGS,
                          ft.TrainSettings())
    with pytest.raises(SamAppError, match="keep one of best, last"):
        ft.TrainSettings(keep="first")


def small_service(folder):
    service = SamService(device="cpu", precision="fp32", checkpoint_dir=folder, allow_fallback=False)
    service.add_backend(SamBackend(small_sam(), "small", torch.device("cpu"), "fp32", decoder="torch"))
    return service


def test_a_run_resumes_after_an_interruption_and_writes_its_files(tmp_path, monkeypatch):
    annotations = make_shapes(tmp_path / "shapes", images=5, seed=4)
    settings = ft.TrainSettings(epochs=2, batch_size=4, val_split=0.4, val_clicks=2, warmup=2)
    output = tmp_path / "run" / "tuned.pth"
    calls = {"evaluate": 0}
    real_evaluate = training.evaluate

    def interrupted(*args, **kwargs):  # the validation after the last epoch fails once: the run stops there
        calls["evaluate"] += 1
        if calls["evaluate"] == 3:  # the base model, epoch 1, epoch 2
            raise KeyboardInterrupt
        return real_evaluate(*args, **kwargs)

    monkeypatch.setattr(training, "evaluate", interrupted)
    service = small_service(tmp_path)
    served = {k: v.clone() for k, v in service.backend().model.mask_decoder.state_dict().items()}
    with pytest.raises(KeyboardInterrupt):
        training.finetune(service, tmp_path / "shapes" / "images", annotations, output, settings, progress=False)
    state = torch.load(output.with_name("tuned.pth.resume.pt"), weights_only=True)
    assert state["epoch"] == 2 and not output.exists()
    assert all(torch.equal(v, served[k]) for k, v in service.backend().model.mask_decoder.state_dict().items())
    assert "small+training" not in service.model_names()  # the copy being trained is let go
    cached = sorted(os.listdir(tmp_path / "run" / "tuned_embeddings"))
    assert len(cached) == 3  # the 3 training images' embeddings

    report = training.finetune(small_service(tmp_path), tmp_path / "shapes" / "images", annotations, output,
                               settings, resume=True, progress=False)
    assert report["losses"] == state["losses"] and len(report["losses"]) == report["steps"]  # nothing trained again
    assert [h["epoch"] for h in report["history"]] == [0, 1, 2]  # epoch 2 validated on resuming
    weights = torch.load(output, weights_only=True)  # the best epoch's: epoch 2's, or the best before it
    kept = state["weights"] if report["kept_epoch"] == 2 else state["best"]["weights"]
    assert report["kept_epoch"] == report["best_epoch"]
    assert all(torch.equal(weights["mask_decoder." + k], v) for k, v in kept["mask_decoder"].items())
    card = json.loads(output.with_name("tuned.pth.json").read_text())
    assert card["base_model"] == "small" and set(card["before"]) == {"objects", "mIoU", "NoC", "failures"}
    assert (tmp_path / "run" / "tuned_loss.png").exists()
    assert "| before |" in (tmp_path / "run" / "tuned_report.md").read_text()
    assert not output.with_name("tuned.pth.resume.pt").exists()
    assert sorted(os.listdir(tmp_path / "run" / "tuned_embeddings")) == cached


@pytest.mark.slow
def test_fine_tuning_a_random_model_raises_its_first_click_score(tmp_path):
    """SAM's recipe learns: on 60 shapes pictures (48 training, ~200 masks; 12 held out),
    960 steps (about two minutes here) take the validation's mIoU after one click from
    ~0.06 by at least 0.2, as issue 12 asks (measured +0.316; six other draws of the run
    +0.200 to +0.337, docs/evaluation.md). A wrong frame for the clicks, the targets or
    the candidates' loss keeps it near the start."""
    annotations = make_shapes(tmp_path / "shapes", images=60, seed=3)
    settings = ft.TrainSettings(epochs=20, lr=2e-3, batch_size=8, warmup=10, val_clicks=1, patience=0)
    report = training.finetune(small_service(tmp_path), tmp_path / "shapes" / "images", annotations,
                               tmp_path / "t.pth", settings, progress=False)
    before, after = report["before"]["mIoU"]["1"], report["after"]["mIoU"]["1"]
    assert report["steps"] == 960 and after - before >= 0.2, (before, after)
    best = max(report["history"], key=lambda h: h["score"])  # the output is the best epoch's, not the last's
    assert report["kept_epoch"] == best["epoch"] > 0 and report["after"]["mIoU"] == best["mIoU"]


def test_the_output_loads_as_a_custom_model_in_the_cli_and_the_service(tmp_path):
    """finetune from the CLI (the small model as family tiny), then segment with
    --checkpoint: the file is served as its own model, with the trained weights."""
    checkpoints = tmp_path / "checkpoints"
    checkpoints.mkdir()
    torch.save(small_sam().state_dict(), checkpoints / "small_sam.pth")
    annotations = make_shapes(tmp_path / "shapes", images=4, seed=5)
    common = ["--model-type", "small", "--checkpoint-dir", checkpoints, "--device", "cpu", "--precision", "fp32"]
    output = tmp_path / "tuned.pth"
    run = run_cli("finetune", "--images", tmp_path / "shapes" / "images", "--annotations", annotations, "--output",
                  output, "--epochs", "1", "--val-clicks", "2", "--val-split", "0.25", *common, env=TINY_FAMILY)
    assert run.returncode == 0, run.stderr
    assert "| before |" in run.stdout and "| after |" in run.stdout
    segment = run_cli("segment", IMGS / "coffee.png", "--points", "300 200", "--out-dir", tmp_path / "seg",
                      "--checkpoint", output, "--checkpoint-dir", checkpoints, "--device", "cpu", "--precision", "fp32",
                      env=TINY_FAMILY)
    assert segment.returncode == 0, segment.stderr
    assert json.loads((tmp_path / "seg" / "result.json").read_text())["model"] == "tuned"
    # in this process (the web UI's service is the same): a custom model next to the official ones
    import tiny_family  # registers "small" here too; unregistered below, other tests rely on the real registry

    try:
        service = SamService(checkpoint=output, checkpoint_dir=checkpoints, device="cpu", precision="fp32")
        assert service.resolve_model_name() == "tuned" and "tuned" in service.model_names()
        assert "fine-tuned" in models.get("tuned").display
        trained = torch.load(output, weights_only=True)
        backend = service.backend()
        assert backend.name == "tuned" and all(torch.equal(v, trained[k])
                                               for k, v in backend.model.state_dict().items())
    finally:
        models.unregister("tiny")  # with it the custom "tuned", added to the same family
    assert "tuned" not in models.names() and tiny_family.FILENAME


def test_train_encoder_adds_adapters_and_merges_them(tmp_path):
    """--train-encoder: LoRA on the encoder's qkv trains beside the decoder; the output is
    a plain SAM state dict whose encoder weights moved (only the qkv projections)."""
    annotations = make_shapes(tmp_path / "shapes", images=3, seed=6)
    service = small_service(tmp_path)
    original = {k: v.clone() for k, v in service.backend().model.image_encoder.state_dict().items()}
    settings = ft.TrainSettings(epochs=1, batch_size=4, val_split=0.34, val_clicks=1, warmup=1, train_encoder=True,
                                lr=1e-2, keep="last")
    training.finetune(service, tmp_path / "shapes" / "images", annotations, tmp_path / "enc.pth", settings,
                      progress=False)
    weights = torch.load(tmp_path / "enc.pth", weights_only=True)
    assert set(weights) == set(small_sam().state_dict())  # merged: no adapter keys left
    moved = {k for k, v in original.items() if not torch.equal(weights["image_encoder." + k], v)}
    assert moved and all(".attn.qkv." in k for k in moved)
    assert not (tmp_path / "enc_embeddings").exists()  # nothing cached: the encoder changed at every step


@pytest.mark.parametrize("family", ["sam2", "sam_hq"])
def test_training_decodes_as_the_served_model(family):
    """A transformers model trains on its own forward with each object as an image of its
    own (so each takes its own mask input): equal, in eval mode, to what the served
    backend (itself equal to transformers' pipeline) gives for the same prompts, in the
    frame the backend puts them in (SAM 2 stretched, HQ-SAM padded)."""
    model, processor = tiny_hf(family, seed=3)
    service = SamService(device="cpu", precision="fp32")
    backend = TransformersSamBackend(model, processor, family, torch.device("cpu"))
    service.add_backend(backend, default=True)
    learner = backend.trainee()
    assert (learner.frame, learner.side, learner.stretch) == (1024, 256, family == "sam2")
    image = service.load_image(IMGS / "coffee.png")
    embedding = backend.encode(image.pixels)
    points = np.array([[[250, 200]], [[420, 120]]], np.float32)
    mask_input = np.random.default_rng(0).normal(0, 3, (2, 1, 256, 256)).astype(np.float32)
    with torch.no_grad():
        logits, iou = learner.decode(embedding.features, torch.as_tensor(backend.to_frame(points, embedding)),
                                     torch.ones(2, 1, dtype=torch.long), None, torch.as_tensor(mask_input), False)
    for k in range(2):
        served = ObjectPrompt(points[k], np.ones(1, np.int32), mask_input=mask_input[k])
        (obj,) = backend.decode(embedding, [served], False, False)
        np.testing.assert_allclose(logits[k].numpy(), obj.low_res_logits, atol=1e-4)
        np.testing.assert_allclose(iou[k].numpy(), obj.scores, atol=1e-5)


def test_a_transformers_model_fine_tunes_into_a_folder_served_as_a_custom_model(tmp_path, monkeypatch):
    """SAM 2 (transformers) through the same recipe: the loss falls, and the output is a
    save_pretrained folder that --checkpoint serves as its own model, with the trained
    decoder."""
    from sam_app.models import registry

    for table in ("_MODELS", "_FAMILIES"):  # the custom model this test adds goes with it
        monkeypatch.setattr(registry, table, dict(getattr(registry, table)))
    model, processor = tiny_hf("sam2", seed=3)
    start = {k: v.clone() for k, v in model.mask_decoder.state_dict().items()}
    service = SamService(device="cpu", precision="fp32", checkpoint_dir=tmp_path)
    service.add_backend(TransformersSamBackend(model, processor, "sam2", torch.device("cpu")), default=True)
    annotations = make_shapes(tmp_path / "shapes", images=4, seed=4)
    settings = ft.TrainSettings(epochs=2, batch_size=4, val_split=0.4, val_clicks=1, warmup=2, lr=1e-3, keep="last")
    output = tmp_path / "tuned-sam2"
    report = training.finetune(service, tmp_path / "shapes" / "images", annotations, output, settings,
                               progress=False)
    assert report["steps"] == 6 and np.mean(report["losses"][-2:]) < report["losses"][0]
    assert (output / "config.json").is_file() and (tmp_path / "tuned-sam2.json").is_file()
    with pytest.raises(SamAppError, match="--train-encoder adapts SAM 1's image encoder"):
        training.finetune(service, tmp_path / "shapes" / "images", annotations, tmp_path / "again",
                          ft.TrainSettings(train_encoder=True), progress=False)
    served = SamService(checkpoint=output, checkpoint_dir=tmp_path / "none", device="cpu", precision="fp32")
    assert served.resolve_model_name() == "tuned-sam2"
    loaded = served.backend().model.mask_decoder.state_dict()
    assert any(not torch.equal(start[name], value) for name, value in loaded.items())  # trained
    assert all(torch.equal(start[name], value) for name, value in model.mask_decoder.state_dict().items())  # not served
    assert served.segment(IMGS / "coffee.png", np.array([[300, 200]])).objects[0].masks.shape[-2:] == (400, 600)


def blobs(folder, count: int = 6, side: int = 320, seed: int = 0):
    """``count`` pictures of ``side`` x ``side`` with one blob each, and their COCO file
    (RLE): the case where fine-tuning a random vit_b made it worse."""
    from PIL import Image
    from pycocotools import mask as mask_utils

    rng = np.random.default_rng(seed)
    (folder / "images").mkdir(parents=True)
    images, annotations = [], []
    for k in range(count):
        yy, xx = np.mgrid[:side, :side]
        cx, cy, rx, ry = rng.uniform(90, 230), rng.uniform(90, 230), rng.uniform(30, 70), rng.uniform(30, 70)
        blob = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1
        pixels = rng.integers(40, 120, (side, side, 3), dtype=np.uint8)
        pixels[blob] = rng.integers(150, 255, 3, dtype=np.uint8)
        Image.fromarray(pixels).save(folder / "images" / f"{k}.png")
        rle = mask_utils.encode(np.asfortranarray(blob.astype(np.uint8)))
        images.append({"id": k + 1, "file_name": f"{k}.png", "width": side, "height": side})
        annotations.append({"id": k + 1, "image_id": k + 1, "category_id": 1, "iscrowd": 0,
                            "segmentation": {"size": [side, side], "counts": rle["counts"].decode()},
                            "area": int(blob.sum()), "bbox": [float(v) for v in mask_utils.toBbox(rle)]})
    path = folder / "blobs.json"
    path.write_text(json.dumps({"images": images, "annotations": annotations,
                                "categories": [{"id": 1, "name": "blob"}]}))
    return path


@pytest.mark.slow
def test_a_run_that_learns_nothing_delivers_the_base_model_and_says_so(tmp_path, vit_b_checkpoint):
    """Six blob pictures, a random vit_b, four epochs at the defaults (issue 27: the output
    was worse than the base, 0.143 -> 0.011 over the six images, and nothing said so):
    the output is not worse than the base on its validation images, and the command says
    plainly that no epoch improved."""
    annotations = blobs(tmp_path)
    output = tmp_path / "tuned.pth"
    run = run_cli("finetune", "--images", tmp_path / "images", "--annotations", annotations, "--output", output,
                  "--epochs", "4", "--checkpoint", vit_b_checkpoint, "--device", "cpu", "--precision", "fp32",
                  timeout=1800)
    assert run.returncode == 0, run.stderr
    report = json.loads((tmp_path / "tuned_report.json").read_text())
    base = report["history"][0]["score"]
    assert all(h["score"] <= base for h in report["history"][1:]), report["history"]  # as the issue saw it
    assert "No epoch improved on the base model's validation score" in run.stdout
    assert report["kept_epoch"] == 0 and not report["improved"]
    assert report["after"] == report["before"]  # the base model's weights, unchanged
    weights, original = torch.load(output, weights_only=True), torch.load(vit_b_checkpoint, weights_only=True)
    assert all(torch.equal(weights[k], v) for k, v in original.items())
