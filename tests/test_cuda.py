"""On a CUDA GPU only (skipped elsewhere; `make gpu-check` runs them there): the same
random SAM gives the CPU's masks on the GPU in float32, and the GPU's half precisions
stay close to its float32."""

import copy

import numpy as np
import pytest
import torch

from sam_app.backends.sam import SamBackend
from sam_app.images import load_image

from agreement import assert_agree
from conftest import IMGS

pytestmark = [pytest.mark.cuda, pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")]


@pytest.fixture
def exact_float32():
    """Float32 on the GPU as on the CPU: no TF32 in matrix products or convolutions."""
    kept = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = False
    yield
    torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = kept


def backend(model, device: str, precision: str = "fp32") -> SamBackend:
    return SamBackend(copy.deepcopy(model).to(device), "tiny", torch.device(device), precision, "torch")


def test_the_gpu_gives_the_cpus_masks_in_float32(tiny_model, exact_float32):
    from sam_app.prompts import build_objects

    pixels = load_image(str(IMGS / "coffee.png")).pixels
    objects = build_objects(np.float32([[300, 200], [100, 350]]), np.int32([1, 0]), None, pixels.shape[:2])
    cpu, gpu = backend(tiny_model, "cpu"), backend(tiny_model, "cuda")
    ours = gpu.decode(gpu.encode(pixels), objects, multimask=True, return_logits=False)[0]
    theirs = cpu.decode(cpu.encode(pixels), objects, multimask=True, return_logits=False)[0]
    assert_agree(ours.masks, theirs.masks, ours.scores, theirs.scores)


@pytest.mark.parametrize("precision", ["bf16", "fp16"])
def test_half_precision_embeddings_stay_close_to_float32(tiny_model, exact_float32, precision):
    pixels = load_image(str(IMGS / "coffee.png")).pixels
    full = backend(tiny_model, "cuda").encode(pixels).features
    half = backend(tiny_model, "cuda", precision).encode(pixels).features
    assert half.dtype == torch.float32 and torch.isfinite(half).all()  # handed out as float32, no overflow
    error = ((half - full).norm() / full.norm()).item()
    assert error < 0.05, f"{precision} embedding off float32's by {error:.3f} (relative)"


@pytest.mark.parametrize("decoder", ["fast", "fast-bf16", "fast-fp16"])
def test_the_regrouped_decoder_on_the_gpu_agrees_with_upstream_modules(tiny_model, exact_float32, decoder):
    """``--decoder fast*`` on CUDA: segment everything's points (all in one call there)
    and a click, against segment-anything's modules on the same GPU."""
    from sam_app.backends.sam import SamEmbedding

    torch.manual_seed(0)
    embedding = SamEmbedding(torch.randn(1, 256, 64, 64, device="cuda"), (683, 1024), (816, 1225))
    points = np.random.default_rng(0).random((20, 2)) * [1225, 816]
    reference = backend(tiny_model, "cuda").point_logits(embedding, points)
    fast = SamBackend(copy.deepcopy(tiny_model).to("cuda"), "tiny", torch.device("cuda"), "fp32", decoder)
    scores, low_res = fast.point_logits(embedding, points)
    if decoder == "fast":
        np.testing.assert_allclose(scores, reference[0], atol=1e-4)
        np.testing.assert_allclose(low_res.astype(np.float32), reference[1], atol=1e-2)  # kept as float16
    else:
        assert np.abs(scores - reference[0]).max() < 0.05
        assert ((low_res > 0) == (reference[1] > 0)).mean() > 0.99
