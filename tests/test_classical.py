"""The weights-free classical backend, and the app starting on it with no checkpoint."""

import cv2
import numpy as np
import pytest

from sam_app.backends.classical import ClassicalBackend
from sam_app.errors import CheckpointError
from sam_app.prompts import build_objects
from sam_app.service import SamService

from conftest import IMGS, webui_client


def cluttered_scene(seed=0):
    """A 480x640 scene: random noise and coloured discs, and a textured reddish ellipse
    (the object, rotated 20 degrees). Returns (HxWx3 uint8, HxW bool ground truth)."""
    rng = np.random.default_rng(seed)
    height, width = 480, 640
    image = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    for _ in range(60):
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        centre = (int(rng.integers(0, width)), int(rng.integers(0, height)))
        cv2.circle(image, centre, int(rng.integers(5, 40)), colour, -1)
    truth = np.zeros((height, width), np.uint8)
    cv2.ellipse(truth, (320, 240), (130, 90), 20, 0, 360, 1, -1)
    texture = (np.array([200, 60, 40]) + rng.integers(-20, 20, (height, width, 3))).clip(0, 255).astype(np.uint8)
    image[truth > 0] = texture[truth > 0]
    return image, truth.astype(bool)


def iou(a, b):
    return (a & b).sum() / (a | b).sum()


def test_box_prompt_reaches_high_iou_on_a_cluttered_scene():
    image, truth = cluttered_scene()
    ys, xs = np.nonzero(truth)
    box = [xs.min() - 10, ys.min() - 10, xs.max() + 10, ys.max() + 10]
    service = SamService(model_type="classical", device="cpu", precision="fp32")
    result = service.segment(image, boxes=[box])
    (obj,) = result.objects
    assert result.model == "classical" and obj.masks.shape == (1, 480, 640)
    assert np.isnan(obj.scores).all() and obj.low_res_logits is None
    assert iou(obj.masks[0], truth) >= 0.85


def test_points_are_seeds_and_large_images_are_scaled_back():
    image, truth = cluttered_scene(seed=1)
    backend = ClassicalBackend(work_size=320)  # forces the downscaled path
    embedding = backend.encode(image)
    assert embedding.pixels.shape[:2] == (240, 320)
    ys, xs = np.nonzero(truth)
    box = [xs.min() - 10, ys.min() - 10, xs.max() + 10, ys.max() + 10]
    with_seed = backend.decode(embedding, build_objects([[320, 240]], [0], [box], (480, 640)), False, False)[0]
    mask = with_seed.masks[0]
    assert mask.shape == (480, 640)
    assert not mask[238:243, 318:323].any()  # the background seed is honoured
    points_only = backend.decode(embedding, build_objects([[320, 240]], [1], None, (480, 640)), False, False)[0]
    assert points_only.masks[0][240, 320]  # the foreground seed is inside its mask


def test_service_falls_back_to_classical_and_switches_when_a_checkpoint_appears(tmp_path):
    service = SamService(checkpoint_dir=tmp_path, device="cpu", precision="fp32")
    assert service.resolve_model_name() == "classical" and service.using_fallback
    (tmp_path / "sam_vit_b_01ec64.pth").write_bytes(b"")  # found by name; loaded (and checked) on first use
    assert service.resolve_model_name() == "vit_b" and not service.using_fallback
    strict = SamService(checkpoint_dir=tmp_path / "empty", allow_fallback=False, device="cpu")
    with pytest.raises(CheckpointError, match="no checkpoint found: looked for sam_vit_b_01ec64.pth"):
        strict.resolve_model_name()


def test_start_command_with_no_checkpoint_and_no_network_serves_classical_masks(tmp_path):
    """webui.py (what `make run` starts) with an empty checkpoint folder, the network
    blocked by a dead proxy, answers a box prompt on /segment with a classical mask."""
    from gradio_client import handle_file

    from sam_app.export import decode_rle

    env = dict(SAM_CHECKPOINT_DIR=str(tmp_path / "empty"), HTTP_PROXY="http://127.0.0.1:9",
               HTTPS_PROXY="http://127.0.0.1:9", NO_PROXY="127.0.0.1,localhost")
    with webui_client([], env) as client:
        data, overlay = client.predict(handle_file(str(IMGS / "coffee.png")), "", "", "170 20 480 330", False,
                                       api_name="/segment")
        (obj,) = data["objects"]
        assert data["model"] == "classical" and [m["score"] for m in obj["masks"]] == [None]
        mask = decode_rle(obj["masks"][0]["segmentation"])
        assert mask.shape == (400, 600) and 0.2 < mask[20:330, 170:480].mean() < 1.0 and not mask[350:, :].any()
