"""The model registry: a throwaway family, written as a plugin module in a temporary
folder (no project file edited), shows up everywhere models are listed or run."""

import importlib
import json
import os
import sys

import gradio as gr
import numpy as np
import pytest

from sam_app import models
from sam_app.cli import build_parser
from sam_app.export import decode_rle
from sam_app.service import SamService
from sam_app.ui import build_ui

from conftest import IMGS, REPO, run_cli

FAKE_FAMILY = '''
"""A fake family: the mask is the box, shrunk by the inset its weights file holds."""
import json
from dataclasses import dataclass

import numpy as np

from sam_app.backends.base import Backend, ObjectResult
from sam_app.models import Family, ModelSpec, WeightFile, register


@dataclass
class Shape:
    size: tuple

    @property
    def nbytes(self):
        return 16


class BoxBackend(Backend):
    name = "boxy"

    def __init__(self, inset):
        self.inset = inset

    def encode(self, pixels):
        return Shape(pixels.shape[:2])

    def decode(self, embedding, objects, multimask, return_logits):
        results = []
        for obj in objects:
            mask = np.zeros(embedding.size, bool)
            x1, y1, x2, y2 = (int(v) for v in obj.box)
            mask[y1 + self.inset:y2 - self.inset, x1 + self.inset:x2 - self.inset] = True
            results.append(ObjectResult(obj, np.array([0.5], np.float32), None, 0, embedding.size, masks=mask[None]))
        return results


def load(spec, path, options):
    return BoxBackend(json.loads(path.read_text())["inset"])


register(Family("boxes", (ModelSpec("boxy", "boxes", "Box filler", WeightFile("boxy.json", 12, "0" * 64,
                                    "http://127.0.0.1:9/"), load),)))
'''


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """The fake family's module on the path and in SAM_APP_MODELS; a checkpoint folder
    holding its weights file. Unregistered afterwards."""
    (tmp_path / "fake_family.py").write_text(FAKE_FAMILY)
    folder = tmp_path / "checkpoints"
    folder.mkdir()
    (folder / "boxy.json").write_text(json.dumps({"inset": 5}))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("SAM_APP_MODELS", "fake_family")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), str(REPO)]))
    importlib.import_module("fake_family")
    yield folder
    models.unregister("boxes")
    sys.modules.pop("fake_family", None)




def test_a_new_family_is_listed_chosen_shown_and_run(plugin, tmp_path):
    # python -m sam_app list (a new process: the family comes from SAM_APP_MODELS)
    listing = run_cli("list", "--checkpoint-dir", plugin)
    assert listing.returncode == 0, listing.stderr
    assert any(line.split()[:2] == ["boxy", "boxy.json"] and "present, not verified yet" in line
               for line in listing.stdout.splitlines()), listing.stdout

    # the CLI's --model-type choices
    parsed = build_parser().parse_args(["segment", "x.png", "--out-dir", "o", "--model-type", "boxy"])
    assert parsed.model_type == "boxy"
    assert "boxy" in run_cli("segment", "--help").stdout

    # segmenting through the service, from the CLI
    out = tmp_path / "out"
    result = run_cli("segment", IMGS / "coffee.png", "--model-type", "boxy", "--checkpoint-dir", plugin,
                     "--boxes", "100 50 300 250", "--out-dir", out)
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "result.json").read_text())
    mask = decode_rle(data["objects"][0]["masks"][0]["segmentation"])
    expected = np.zeros((400, 600), bool)
    expected[55:245, 105:295] = True
    assert data["model"] == "boxy" and np.array_equal(mask, expected)

    # the web UI's model picker and status line
    service = SamService(checkpoint_dir=plugin, device="cpu")
    with gr.Blocks():
        ui = build_ui(service)
    assert ("boxy (checkpoint present)", "boxy") in ui.model_bar.choices()
    picked = ui.model_bar.on_model("boxy", ui.shared.session.value, lambda *a, **k: None)
    assert picked[ui.shared.message] == "Model boxy ready." and "Model **boxy**" in picked[ui.shared.status]
    assert ("boxy (checkpoint present)", "boxy") in ui.model_bar.choices()  # labels do not change under the person

    # and in-process, through the service
    obj = service.segment(str(IMGS / "coffee.png"), boxes=[[100, 50, 300, 250]], model="boxy").objects[0]
    np.testing.assert_array_equal(obj.best_mask, expected)


def test_registry_refuses_clashing_names():
    from sam_app.models import Family, ModelSpec

    with pytest.raises(ValueError, match=r"\['vit_b'\] of family 'copy' are taken by another family"):
        models.register(Family("copy", (ModelSpec("vit_b", "copy", "A copy", None, lambda *a: None),)))
    assert "copy" not in [m.family for m in models.models()]
