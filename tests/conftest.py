"""Shared fixtures: real photos from imgs/, small random SAM models, and one full-size
random-weight vit_b checkpoint file (built once per test session)."""

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from models import randomise_rel_pos, tiny_sam
from sam_app.backends.sam import SamBackend
from sam_app.service import SamService

REPO = Path(__file__).resolve().parent.parent
IMGS = REPO / "imgs"

torch.set_num_threads(max(1, torch.get_num_threads()))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    """Keep checksum verdicts and checkpoint lookups inside the test's temp folder."""
    monkeypatch.setenv("SAM_APP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SAM_CHECKPOINT_DIR", str(tmp_path / "no-checkpoints"))
    monkeypatch.delenv("SAM_CHECKPOINT_URL_BASE", raising=False)


@pytest.fixture(scope="session")
def astronaut() -> np.ndarray:
    return np.asarray(Image.open(IMGS / "astronaut.png").convert("RGB"))


@pytest.fixture(scope="session")
def coffee() -> np.ndarray:
    return np.asarray(Image.open(IMGS / "coffee.png").convert("RGB"))


@pytest.fixture(scope="session")
def tiny_model():
    return tiny_sam(seed=0)


def make_service(model, name="tiny", decoder="torch", **kwargs) -> SamService:
    """A CPU, float32 service serving ``model`` under ``name`` (PyTorch decoder unless
    asked: ``auto`` times both decoders at load, which tests need not pay for)."""
    service = SamService(device="cpu", precision="fp32", **kwargs)
    service.add_backend(SamBackend(model, name, torch.device("cpu"), "fp32", decoder), default=True)
    return service


@pytest.fixture
def tiny_service(tiny_model) -> SamService:
    return make_service(tiny_model)


@pytest.fixture(scope="session")
def vit_b_checkpoint(tmp_path_factory) -> Path:
    """A full-size vit_b with random weights, saved as a plain state dict (~375 MB)."""
    from segment_anything import sam_model_registry

    torch.manual_seed(1)
    model = randomise_rel_pos(sam_model_registry["vit_b"](), std=0.05)
    path = tmp_path_factory.mktemp("vit_b") / "random_vit_b.pth"
    torch.save(model.state_dict(), path)
    return path
