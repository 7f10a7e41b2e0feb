"""ONNX export of the prompt encoder + mask decoder, and the ONNX Runtime decoder path."""


import numpy as np
import onnxruntime as ort
import pytest
import torch

from sam_app.backends.base import upscale_logits
from sam_app.backends.sam import SamBackend, SamEmbedding
from sam_app.onnx_decoder import OnnxDecoder, Shapes, export_bytes, prompt_arrays, quantize_bytes, verify
from sam_app.prompts import ObjectPrompt

from agreement import assert_agree
from conftest import make_service, run_cli


@pytest.mark.parametrize("single, upscale", [(False, False), (False, True), (True, False), (True, True)])
def test_export_matches_pytorch_on_random_prompts(tiny_model, single, upscale):
    graph = export_bytes(tiny_model, return_single_mask=single, upscale=upscale)
    check = verify(graph, tiny_model, trials=8)
    assert check["max_logit_diff"] < 1e-4 and check["max_score_diff"] < 1e-4
    assert check["sign_agreement"] >= 0.9999
    assert ("max_upscaled_diff" in check) == upscale
    assert check.get("max_upscaled_diff", 0) < 1e-3


def test_verify_notices_a_different_model(tiny_model):
    """The check compares real outputs: another model's graph fails it."""
    from models import tiny_sam

    other = export_bytes(tiny_sam(seed=1))
    check = verify(other, tiny_model, trials=2)
    assert check["max_logit_diff"] > 1e-2 and check["sign_agreement"] < 0.99


def test_quantized_graph_is_smaller_and_close(tiny_model):
    graph = export_bytes(tiny_model)
    quantized = quantize_bytes(graph)
    assert len(quantized) < len(graph) / 2.5
    check = verify(quantized, tiny_model, trials=4)
    assert check["sign_agreement"] >= 0.97 and check["max_score_diff"] < 0.05


def test_onnx_backend_matches_torch_backend_with_mask_input_and_batches(tiny_model, astronaut):
    torch_service = make_service(tiny_model, decoder="torch")
    onnx_service = make_service(tiny_model, decoder="onnx")
    first = torch_service.segment(astronaut, points=[[260, 180]], multimask=True).objects[0]
    previous = first.low_res_logits[first.best][None]
    cases = [
        dict(points=[[260, 180], [300, 300]], labels=[1, 0], mask_input=previous),
        dict(boxes=[[150, 60, 400, 500], [0, 0, 200, 200]], points=[[300, 400], [100, 100]], labels=[0, 1],
             multimask=True),
        dict(boxes=[[150, 60, 400, 500]], return_logits=True),
    ]
    for case in cases:
        ours = onnx_service.segment(astronaut, **case).objects
        ref = torch_service.segment(astronaut, **case).objects
        assert len(ours) == len(ref)
        for a, b in zip(ours, ref):
            assert_agree(a.masks, b.masks, a.scores, b.scores)
            np.testing.assert_allclose(a.low_res_logits, b.low_res_logits, atol=1e-3)
            assert (a.logits is None) == (b.logits is None)
    assert onnx_service.encode_count == 1


def test_auto_decoder_times_both_and_keeps_the_faster(tiny_model):
    backend = SamBackend(tiny_model, "tiny", torch.device("cpu"), "fp32", "auto")
    assert set(backend.decoder_ms) == {"torch", "onnxruntime"}
    faster = min(backend.decoder_ms, key=backend.decoder_ms.get)
    assert backend.decoder == faster


def test_decoder_choice_is_checked(tiny_model):
    with pytest.raises(ValueError, match="unknown decoder 'tensorrt'; expected one of auto, torch, onnx"):
        SamBackend(tiny_model, "tiny", torch.device("cpu"), "fp32", "tensorrt")


def test_a_large_batch_gives_its_memory_back(tiny_model):
    """With ONNX Runtime's arena the process kept the peak of the largest batch it had
    run: 1.4 GB more after one 32-object, 65-point batch, for good."""
    from sam_app.devices import release_memory

    def rss_mb() -> float:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096 / 2**20

    features = np.random.default_rng(0).standard_normal((1, 256, 64, 64)).astype(np.float32)
    coords = np.random.default_rng(1).uniform(0, 1000, (32, 65, 2)).astype(np.float32)
    grown = {}
    for arena in (False, True):
        decoder = OnnxDecoder(export_bytes(tiny_model), arena=arena)
        release_memory()
        before = rss_mb()
        decoder(features, coords, np.ones((32, 65), np.float32), None)
        release_memory()
        grown[arena] = rss_mb() - before
        del decoder
    assert grown[False] < 150 and grown[True] > 500, grown  # the arena, for contrast, keeps it


def test_service_needs_a_low_res_graph(tiny_model):
    with pytest.raises(ValueError, match="upscales to the image size"):
        OnnxDecoder(export_bytes(tiny_model, upscale=True))


@pytest.mark.parametrize("size", [(400, 600), (513, 97), (1200, 1600), (1024, 1024), (31, 40)])
def test_upscaling_matches_sam_postprocess_masks(tiny_model, size):
    """OpenCV's bilinear resize stands in for Sam.postprocess_masks."""
    rng = np.random.default_rng(0)
    low = torch.from_numpy(rng.normal(0, 3, (1, 1, 256, 256)).astype(np.float32))
    input_size = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "torch").transform.get_preprocess_shape(
        size[0], size[1], 1024)
    with torch.inference_mode():
        ref = tiny_model.postprocess_masks(low, input_size, size)[0, 0].numpy()
    ours = upscale_logits(low[0, 0].numpy(), input_size, size)
    assert ours.shape == size
    assert np.abs(ours - ref).max() < 1e-3
    assert ((ours > 0) == (ref > 0)).mean() >= 0.9999




@pytest.mark.slow
def test_cli_export_onnx_writes_checked_graphs(tmp_path, vit_b_checkpoint):
    full = tmp_path / "sam_vit_b.onnx"
    result = run_cli("export-onnx", "--checkpoint", vit_b_checkpoint, "--output", full)
    assert result.returncode == 0, result.stderr
    assert "vit_b prompt encoder + mask decoder" in result.stdout and "sign_agreement 1" in result.stdout
    session = ort.InferenceSession(str(full), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == [
        "image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input", "orig_im_size"]
    masks, scores, low = session.run(None, {
        "image_embeddings": np.zeros((1, 256, 64, 64), np.float32),
        "point_coords": np.array([[[500, 400], [0, 0]]], np.float32),
        "point_labels": np.array([[1, -1]], np.float32),
        "mask_input": np.zeros((1, 1, 256, 256), np.float32),
        "has_mask_input": np.zeros(1, np.float32),
        "orig_im_size": np.array([480, 640], np.float32),
    })
    assert masks.shape == (1, 4, 480, 640) and scores.shape == (1, 4) and low.shape == (1, 4, 256, 256)

    small = tmp_path / "single_q.onnx"
    result = run_cli("export-onnx", "--checkpoint", vit_b_checkpoint, "--output", small, "--quantize",
                     "--return-single-mask", "--low-res-only")
    assert result.returncode == 0, result.stderr
    assert "quantized" in result.stdout
    assert small.stat().st_size < full.stat().st_size / 2.5
    session = ort.InferenceSession(str(small), providers=["CPUExecutionProvider"])
    assert [o.name for o in session.get_outputs()] == ["iou_predictions", "low_res_masks"]


def test_cli_export_onnx_bad_input(tmp_path):
    missing = run_cli("export-onnx", "--checkpoint", tmp_path / "nope.pth", "--output", tmp_path / "x.onnx")
    assert missing.returncode == 2 and missing.stderr.startswith("error: checkpoint file not found")
    assert "Traceback" not in missing.stderr and not (tmp_path / "x.onnx").exists()


def test_a_failing_export_falls_back_or_says_why(tiny_model, monkeypatch):
    def broken(model):
        raise RuntimeError("exporter cannot trace this")

    monkeypatch.setattr(OnnxDecoder, "from_model", staticmethod(broken))
    assert SamBackend(tiny_model, "tiny", torch.device("cpu"), "fp32", "auto").decoder == "torch"
    with pytest.raises(ValueError, match="ONNX decoder is not available for tiny: exporter cannot trace this"):
        SamBackend(tiny_model, "tiny", torch.device("cpu"), "fp32", "onnx")


def test_the_fast_graphs_equal_the_mask_decoder_on_many_points(tiny_model):
    """Segment everything's point batches and single clicks through ONNX Runtime's fast
    graphs (``FastOnnxDecoder``), against upstream's modules."""
    torch.manual_seed(3)
    features = torch.randn(1, 256, 64, 64)
    embedding = SamEmbedding(features, (683, 1024), (816, 1225))
    points = np.random.default_rng(0).random((17, 2)) * [1225, 816]  # calls of FAST_BATCH and one of 1
    expected = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "torch").point_logits(embedding, points)
    backend = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "onnx")
    ours = backend.point_logits(embedding, points)
    assert ours[0].shape == (17, 3) and ours[1].shape == (17, 3, 256, 256)
    np.testing.assert_allclose(ours[0], expected[0], atol=1e-4)
    np.testing.assert_allclose(ours[1], expected[1], atol=1e-3)
    clicks = [ObjectPrompt(np.asarray([xy], np.float32), np.ones(1, np.int32)) for xy in points]
    coords, labels = prompt_arrays(clicks, lambda xy: backend.transform.apply_coords(xy, embedding.original_size))
    scores, low_res = backend._fast_onnx.decode(backend._image_side(embedding), coords, labels, False)
    single = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "torch")._low_res(embedding, clicks, False)
    np.testing.assert_allclose(scores, single[0], atol=1e-4)
    np.testing.assert_allclose(low_res, single[1], atol=1e-3)


def test_a_replaced_decoder_also_decodes_prompts_without_a_mask_input(tiny_model):
    """Benchmarks swap in another ONNX decoder (arena, uint8 weights): a click then goes
    through it, not through the fast graphs exported beside the load-time one."""
    backend = SamBackend(tiny_model, "t", torch.device("cpu"), "fp32", "onnx")
    assert backend._fast_onnx is not None
    calls, replacement = [], backend.onnx

    def counted(*args):
        calls.append(args[3] is None)  # the mask input
        return replacement(*args)

    backend.onnx = counted
    assert backend._fast_onnx is None
    embedding = SamEmbedding(torch.randn(1, 256, 64, 64), (683, 1024), (816, 1225))
    backend._low_res(embedding, [ObjectPrompt(np.array([[600.0, 400.0]], np.float32), np.array([1], np.int32))], True)
    assert calls == [True]


def test_a_small_custom_model_runs_on_every_decoder():
    """A SAM 1 of other shapes than the released ones (256 input, a 64-channel 16x16
    embedding, 64x64 logits) exports both ONNX paths, picks its decoder under auto, and
    its uint8 decoder stays close (its masks move: opt-in)."""
    from models import small_sam

    model = small_sam(size=256)
    assert Shapes.of(model) == ((1, 64, 16, 16), (64, 64), 256)
    assert verify(export_bytes(model), model)["max_logit_diff"] < 1e-4
    reference = SamBackend(model, "s", torch.device("cpu"), "fp32", "torch")
    embedding = reference.encode(np.random.default_rng(0).integers(0, 255, (192, 256, 3), np.uint8))
    points = np.random.default_rng(1).uniform(0, 190, (6, 2))
    scores, low_res = reference.point_logits(embedding, points)
    assert low_res.shape == (6, 3, 64, 64)
    labels = {"onnx": "onnxruntime", "auto": None, "fast": "fast", "fast-int8": "onnxruntime-int8"}
    for decoder, label in labels.items():
        backend = SamBackend(model, "s", torch.device("cpu"), "fp32", decoder)
        assert label is None or backend.decoder == label
        if decoder == "auto":  # its probe ran on this model's shapes, both ways
            assert backend.decoder in ("torch", "onnxruntime") and set(backend.decoder_ms) == {"torch", "onnxruntime"}
        elif decoder != "fast":
            assert backend._fast_onnx is not None  # the regrouped graphs exported, no fallback to the full one
        theirs = backend.point_logits(embedding, points)
        close = 0.05 if decoder == "fast-int8" else 1e-4
        np.testing.assert_allclose(theirs[0], scores, atol=close)
        assert ((theirs[1] > 0) == (low_res > 0)).mean() >= (0.99 if decoder == "fast-int8" else 0.9999)
