"""Checkpoint registry, discovery, verification, safe loading, and device choice."""

import os
import pickle

import pytest
import torch

from models import tiny_sam
from sam_app import checkpoints
from sam_app.checkpoints import (
    ENCODER_WIDTH_KEY, MODELS, ModelInfo, check_state_dict, find_checkpoint, infer_model_type,
    load_sam, load_state_dict, verify_official,
)
from sam_app.devices import resolve_device, resolve_precision
from sam_app.errors import CheckpointError, DeviceError


def test_registry_matches_the_official_files():
    assert MODELS["vit_h"].filename == "sam_vit_h_4b8939.pth" and MODELS["vit_h"].size == 2_564_550_879
    assert MODELS["vit_l"].sha256.startswith("3adcc4315b64")
    assert MODELS["vit_b"].url == "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_b_01ec64.pth"
    assert [MODELS[n].encoder_width for n in ("vit_b", "vit_l", "vit_h")] == [768, 1024, 1280]


def test_url_base_redirects_to_a_mirror(monkeypatch):
    monkeypatch.setenv("SAM_CHECKPOINT_URL_BASE", "http://mirror.local/sam/")
    assert MODELS["vit_b"].url == "http://mirror.local/sam/sam_vit_b_01ec64.pth"


def test_no_checkpoint_says_where_it_looked_and_how_to_get_one(tmp_path):
    with pytest.raises(CheckpointError) as err:
        find_checkpoint("vit_b", directory=tmp_path)
    message = str(err.value)
    assert str(tmp_path) in message and "sam_vit_b_01ec64.pth" in message
    assert "python -m sam_app download vit_b" in message and "--checkpoint" in message


def test_discovery_uses_env_dir_then_preference(tmp_path, monkeypatch):
    monkeypatch.setenv("SAM_CHECKPOINT_DIR", str(tmp_path))
    (tmp_path / "sam_vit_l_0b3195.pth").write_bytes(b"x")
    (tmp_path / "sam_vit_b_01ec64.pth").write_bytes(b"x")
    assert find_checkpoint() == (tmp_path / "sam_vit_l_0b3195.pth", "vit_l")
    assert find_checkpoint(preference=("vit_b", "vit_l", "vit_h"))[1] == "vit_b"
    assert find_checkpoint("vit_b")[0].name == "sam_vit_b_01ec64.pth"
    explicit = tmp_path / "mine.pth"
    explicit.write_bytes(b"x")
    assert find_checkpoint(checkpoint=explicit) == (explicit, None)
    with pytest.raises(CheckpointError, match="not found"):
        find_checkpoint(checkpoint=tmp_path / "nope.pth")
    with pytest.raises(CheckpointError, match="unknown model type 'vit_x'"):
        find_checkpoint("vit_x")


@pytest.fixture(scope="module")
def tiny_state():
    return tiny_sam(seed=3).state_dict()


def test_state_dict_loads_and_is_checked_strictly(tmp_path, tiny_state):
    path = tmp_path / "tiny.pth"
    torch.save({"model": tiny_state}, path)  # wrapped, as some trainers save
    loaded = load_state_dict(path)
    model = tiny_sam(seed=4)
    check_state_dict(model, loaded, path)
    model.load_state_dict(loaded, strict=True)
    assert torch.equal(model.mask_decoder.iou_token.weight, tiny_state["mask_decoder.iou_token.weight"])

    broken = dict(loaded)
    del broken["mask_decoder.iou_token.weight"]
    broken["extra.weight"] = torch.zeros(1)
    broken["prompt_encoder.no_mask_embed.weight"] = torch.zeros(1, 3)
    with pytest.raises(CheckpointError) as err:
        check_state_dict(model, broken, path)
    message = str(err.value)
    assert "1 missing keys: mask_decoder.iou_token.weight" in message
    assert "1 unexpected keys: extra.weight" in message
    assert "prompt_encoder.no_mask_embed.weight (1, 3) != (1, 256)" in message


def test_truncated_checkpoint_is_reported(tmp_path, tiny_state):
    path = tmp_path / "tiny.pth"
    torch.save(tiny_state, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="truncated or corrupt"):
        load_state_dict(path)
    path.write_bytes(b"not a checkpoint at all")
    with pytest.raises(CheckpointError, match="not a PyTorch checkpoint|truncated or corrupt"):
        load_state_dict(path)


class _Exploit:
    def __reduce__(self):
        return (os.system, (f"touch {os.environ['EXPLOIT_MARKER']}",))


def test_pickle_that_carries_code_is_refused_and_never_run(tmp_path, monkeypatch):
    marker = tmp_path / "pwned"
    monkeypatch.setenv("EXPLOIT_MARKER", str(marker))
    path = tmp_path / "evil.pth"
    torch.save({"image_encoder.patch_embed.proj.weight": torch.zeros(1), "x": _Exploit()}, path)
    with pytest.raises(CheckpointError, match="refused to load .*posix.system.*can run code"):
        load_state_dict(path)
    assert not marker.exists()
    legacy = tmp_path / "evil.pkl"
    legacy.write_bytes(pickle.dumps(_Exploit()))
    with pytest.raises(CheckpointError):
        load_state_dict(legacy)
    assert not marker.exists()


def test_model_type_comes_from_shapes_and_mismatch_is_named(tmp_path):
    fake = {ENCODER_WIDTH_KEY: torch.zeros(768, 3, 16, 16)}
    assert infer_model_type(fake) == "vit_b"
    assert infer_model_type({ENCODER_WIDTH_KEY: torch.zeros(1280, 3, 16, 16)}) == "vit_h"
    with pytest.raises(CheckpointError, match="width 64"):
        infer_model_type({ENCODER_WIDTH_KEY: torch.zeros(64, 3, 16, 16)})
    with pytest.raises(CheckpointError, match="not a SAM checkpoint"):
        infer_model_type({"foo": torch.zeros(1)})
    path = tmp_path / "my_model.pth"
    torch.save(fake, path)
    with pytest.raises(CheckpointError, match="asked for as vit_l, but this looks like vit_b.*--model-type vit_b"):
        load_sam("vit_l", checkpoint=path)
    # an official name for another model is caught the same way (after the size check)
    official = tmp_path / "sam_vit_h_4b8939.pth"
    official.write_bytes(path.read_bytes())
    with pytest.raises(CheckpointError, match="truncated"):
        load_sam(checkpoint=official)
    with pytest.raises(CheckpointError, match="looks like vit_b"):
        load_sam(checkpoint=official, verify=False)


def test_official_name_with_wrong_size_is_refused_without_hashing(tmp_path, monkeypatch):
    path = tmp_path / "sam_vit_b_01ec64.pth"
    path.write_bytes(b"\0" * 1000)
    monkeypatch.setattr(checkpoints, "sha256_of", lambda p: pytest.fail("hashed a file of the wrong size"))
    with pytest.raises(CheckpointError, match="1,000 bytes but the official sam_vit_b_01ec64.pth is 375,042,383"):
        verify_official(path)


def test_hash_verdict_is_remembered_until_the_file_changes(tmp_path, monkeypatch):
    import hashlib

    data = b"pretend weights" * 100
    path = tmp_path / "small.pth"
    path.write_bytes(data)
    info = ModelInfo("vit_b", "small.pth", len(data), hashlib.sha256(data).hexdigest(), 768)
    calls = []
    real = checkpoints.sha256_of
    monkeypatch.setattr(checkpoints, "sha256_of", lambda p: calls.append(p) or real(p))
    verify_official(path, info)
    verify_official(path, info)
    assert len(calls) == 1
    bad = data[:-1] + b"X"
    path.write_bytes(bad)
    os.utime(path, ns=(1, 1))
    with pytest.raises(CheckpointError, match=f"has sha256 {hashlib.sha256(bad).hexdigest()}, expected {info.sha256}"):
        verify_official(path, info)
    assert len(calls) == 2


def test_device_choice():
    assert resolve_device("auto").type in ("cuda", "mps", "cpu")
    assert resolve_device("cpu") == torch.device("cpu")
    with pytest.raises(DeviceError, match="unknown device 'tpu'"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="CUDA is not available.*--device cpu"):
            resolve_device("cuda")
        with pytest.raises(DeviceError):
            resolve_device("cuda:1")
    assert resolve_precision("fp32", torch.device("cpu")) == "fp32"
    assert resolve_precision("auto", torch.device("cpu")) in ("fp32", "bf16")
    with pytest.raises(DeviceError, match="fp16 is not supported on the CPU"):
        resolve_precision("fp16", torch.device("cpu"))
    with pytest.raises(DeviceError, match="unknown precision"):
        resolve_precision("int4", torch.device("cpu"))
