"""The SDPA image encoder against segment-anything's own attention code."""

import pytest
import torch

from sam_app.backends import fast_attention
from sam_app.backends.sam import SamBackend

from models import tiny_sam


def relative_error(a, b):
    return float((a.float() - b.float()).norm() / b.float().norm())


@pytest.fixture(scope="module")
def model_and_input():
    model = tiny_sam(seed=3)  # one windowed block (64x64 padded to 70x70) and one global block
    torch.manual_seed(0)
    return model, torch.randn(1, 3, 1024, 1024)


def test_sdpa_encoder_matches_reference(model_and_input):
    model, x = model_and_input
    with torch.inference_mode():
        ref = model.image_encoder(x)
        ours = fast_attention.encode(model.image_encoder, x)
    assert ours.shape == ref.shape == (1, 256, 64, 64)
    assert relative_error(ours, ref) < 1e-5


def test_sdpa_encoder_in_bf16_stays_close(model_and_input):
    model, x = model_and_input
    with torch.inference_mode():
        ref = model.image_encoder(x)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            ours = fast_attention.encode(model.image_encoder, x)
            upstream_bf16 = model.image_encoder(x)
    assert relative_error(ours, ref) < 0.03
    assert relative_error(ours, upstream_bf16) < 0.03


def test_relative_position_bias_is_applied(model_and_input):
    """The comparison above would pass with the bias left out if the tables were zero."""
    model, x = model_and_input
    block = model.image_encoder.blocks[1]  # global attention
    tokens = torch.randn(1, 64, 64, block.attn.qkv.in_features)
    with torch.inference_mode():
        ref = block.attn(tokens)
        ours = fast_attention.attention(block.attn, tokens)
        saved = block.attn.use_rel_pos
        block.attn.use_rel_pos = False
        try:
            without_bias = fast_attention.attention(block.attn, tokens)
        finally:
            block.attn.use_rel_pos = saved
    assert relative_error(ours, ref) < 1e-5
    assert relative_error(without_bias, ref) > 1e-2


def test_backend_attention_choice(model_and_input):
    model, _ = model_and_input
    assert SamBackend(model, "t", torch.device("cpu"), decoder="torch").attention == "sdpa"
    with pytest.raises(ValueError, match="unknown attention 'flash'; expected one of sdpa, reference"):
        SamBackend(model, "t", torch.device("cpu"), decoder="torch", attention="flash")
