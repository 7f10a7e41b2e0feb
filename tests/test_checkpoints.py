"""Checkpoint registry, discovery, verification, safe loading, and device choice."""

import os
import pickle

import pytest
import torch

from sam_app import checkpoints, models
from sam_app.checkpoints import check_state_dict, load_state_dict, verify_official
from sam_app.devices import cpu_has_fast_bf16, resolve_device, resolve_precision
from sam_app.errors import CheckpointError, DeviceError
from sam_app.models.sam1 import ENCODER_WIDTH_KEY, OFFICIAL, infer_model_type, load_sam
from sam_app.service import SamService

from models import tiny_sam


def test_registry_matches_the_official_files():
    vit_h, vit_l, vit_b = (models.get(n).weights for n in ("vit_h", "vit_l", "vit_b"))
    assert vit_h.filename == "sam_vit_h_4b8939.pth" and vit_h.size == 2_564_550_879
    assert vit_l.sha256.startswith("3adcc4315b64")
    assert vit_b.url == "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_b_01ec64.pth"
    assert [OFFICIAL[n][3] for n in ("vit_b", "vit_l", "vit_h")] == [768, 1024, 1280]
    assert models.names()[:4] == ["vit_h", "vit_l", "vit_b", "classical"]
    assert [m.family for m in models.models()][:4] == ["sam1", "sam1", "sam1", "classical"]
    hub = {m.name: m.weights.repo_id for m in models.models() if isinstance(m.weights, models.HubRepo)}
    assert hub == {"sam2.1_hiera_t": "facebook/sam2.1-hiera-tiny", "sam2.1_hiera_s": "facebook/sam2.1-hiera-small",
                   "sam2.1_hiera_b+": "facebook/sam2.1-hiera-base-plus",
                   "sam2.1_hiera_l": "facebook/sam2.1-hiera-large",
                   "sam_hq_vit_b": "syscv-community/sam-hq-vit-base",
                   "sam_hq_vit_l": "syscv-community/sam-hq-vit-large",
                   "sam_hq_vit_h": "syscv-community/sam-hq-vit-huge", "edgetam": "yonigozlan/EdgeTAM-hf",
                   "grounding_dino_tiny": "IDEA-Research/grounding-dino-tiny",
                   "owlv2_base": "google/owlv2-base-patch16-ensemble", "sam3": "facebook/sam3",
                   "sam3_tracker": "facebook/sam3"}  # the same folder: text and clicks
    assert models.names("detector") == ["grounding_dino_tiny", "owlv2_base", "sam3"]


def test_url_base_redirects_to_a_mirror(monkeypatch):
    monkeypatch.setenv("SAM_CHECKPOINT_URL_BASE", "http://mirror.local/sam/")
    assert models.get("vit_b").weights.url == "http://mirror.local/sam/sam_vit_b_01ec64.pth"


def test_no_checkpoint_says_where_it_looked_and_how_to_get_one(tmp_path):
    service = SamService(model_type="vit_b", checkpoint_dir=tmp_path, device="cpu")
    with pytest.raises(CheckpointError) as err:
        service.backend()
    message = str(err.value)
    assert message.startswith(f"no checkpoint found: looked for sam_vit_b_01ec64.pth in {tmp_path}. ")
    assert "python -m sam_app download vit_b" in message and "--checkpoint" in message


def test_with_no_checkpoint_a_cpu_is_told_of_small_models_and_a_gpu_of_the_best(tmp_path):
    cpu = models.missing_message(models.preference("cpu"), tmp_path)
    assert "download vit_b` (375 MB" in cpu and "`download edgetam` (56 MB) gets the fastest" in cpu
    assert "download vit_h" not in cpu
    assert "download vit_h` (2,565 MB" in models.missing_message(models.preference("cuda"), tmp_path)


def test_discovery_uses_env_dir_then_the_device_order(tmp_path, monkeypatch):
    monkeypatch.setenv("SAM_CHECKPOINT_DIR", str(tmp_path))
    assert SamService(device="cpu").resolve_model_name() == "classical"  # nothing there: the fallback
    with pytest.raises(CheckpointError, match="no checkpoint found: looked for sam_vit_b_01ec64.pth, sam_vit_l"):
        SamService(device="cpu", allow_fallback=False).resolve_model_name()
    (tmp_path / "sam_vit_l_0b3195.pth").write_bytes(b"x")
    (tmp_path / "sam_vit_h_4b8939.pth").write_bytes(b"x")
    assert SamService(device="cpu").resolve_model_name() == "vit_l"  # cheapest present first on a CPU
    assert [m.name for m in models.preference("cuda")][:3] == ["vit_h", "vit_l", "vit_b"]  # best first on a GPU
    with pytest.raises(CheckpointError, match="checkpoint file not found: .*nope.pth"):
        SamService(checkpoint=tmp_path / "nope.pth", device="cpu")
    with pytest.raises(CheckpointError,
                       match="unknown model type 'vit_x'; expected one of vit_h, vit_l, vit_b, classical"):
        SamService(model_type="vit_x", device="cpu")


def test_explicit_checkpoint_is_recognised_from_its_contents(tmp_path):
    path = tmp_path / "mine.pth"
    torch.save({ENCODER_WIDTH_KEY: torch.zeros(1024, 3, 16, 16)}, path)
    assert models.recognise(path) == "vit_l"
    service = SamService(checkpoint=path, checkpoint_dir=tmp_path / "empty", device="cpu")
    assert service.resolve_model_name() == "vit_l" and service.checkpoint_paths == {"vit_l": path}
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CheckpointError, match="notes.txt is not a checkpoint of any known model family"):
        models.recognise(tmp_path / "notes.txt")


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
    with pytest.raises(CheckpointError, match="is not a PyTorch checkpoint of plain tensors, or is corrupt"):
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
        load_sam(path, "vit_l")
    # an official name for another model is caught the same way (after the size check)
    official = tmp_path / "sam_vit_h_4b8939.pth"
    official.write_bytes(path.read_bytes())
    with pytest.raises(CheckpointError, match="truncated"):
        load_sam(official)
    with pytest.raises(CheckpointError, match="looks like vit_b"):
        load_sam(official, verify=False)


def test_official_name_with_wrong_size_is_refused_without_hashing(tmp_path, monkeypatch):
    path = tmp_path / "sam_vit_b_01ec64.pth"
    path.write_bytes(b"\0" * 1000)
    monkeypatch.setattr(checkpoints, "sha256_of", lambda p: pytest.fail("hashed a file of the wrong size"))
    with pytest.raises(CheckpointError, match="1,000 bytes but the official sam_vit_b_01ec64.pth is 375,042,383"):
        verify_official(path, models.get("vit_b").weights, "vit_b")


def test_hash_verdict_is_remembered_until_the_file_changes(tmp_path, monkeypatch):
    import hashlib

    data = b"pretend weights" * 100
    path = tmp_path / "small.pth"
    path.write_bytes(data)
    info = models.WeightFile("small.pth", len(data), hashlib.sha256(data).hexdigest(), "http://unused/")
    calls = []
    real = checkpoints.sha256_of
    monkeypatch.setattr(checkpoints, "sha256_of", lambda p: calls.append(p) or real(p))
    verify_official(path, info, "vit_b")
    verify_official(path, info, "vit_b")
    assert len(calls) == 1
    bad = data[:-1] + b"X"
    path.write_bytes(bad)
    os.utime(path, ns=(1, 1))
    with pytest.raises(CheckpointError, match=f"has sha256 {hashlib.sha256(bad).hexdigest()}, expected {info.sha256}"):
        verify_official(path, info, "vit_b")
    assert len(calls) == 2


def test_device_choice():
    expected = "cuda" if torch.cuda.is_available() else ("mps" if torch.backends.mps.is_available() else "cpu")
    assert resolve_device("auto").type == expected
    assert resolve_device("cpu") == torch.device("cpu")
    with pytest.raises(DeviceError, match="unknown device 'tpu'"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="CUDA is not available.*--device cpu"):
            resolve_device("cuda")
        with pytest.raises(DeviceError):
            resolve_device("cuda:1")
    assert resolve_precision("fp32", torch.device("cpu")) == "fp32"
    assert resolve_precision("auto", torch.device("cpu")) == ("bf16" if cpu_has_fast_bf16() else "fp32")
    with pytest.raises(DeviceError, match="fp16 is not supported on the CPU"):
        resolve_precision("fp16", torch.device("cpu"))
    with pytest.raises(DeviceError, match="unknown precision"):
        resolve_precision("int4", torch.device("cpu"))
