"""SAM's ViT image encoder with attention through ``F.scaled_dot_product_attention``.

Upstream computes softmax(q k^T * scale + rel_h + rel_w) v with explicit matrices; here the
decomposed relative-position terms are summed into one additive bias and handed to the
fused kernel (flash / memory-efficient), which never stores the attention matrix and its
softmax separately. ``encode`` runs an unmodified ``ImageEncoderViT`` module this way: the
module and its weights are shared, not patched, so the reference path stays available.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from segment_anything.modeling.image_encoder import (
    Attention,
    Block,
    ImageEncoderViT,
    get_rel_pos,
    window_partition,
    window_unpartition,
)


def relative_position_bias(attn: Attention, q: torch.Tensor, size) -> torch.Tensor:
    """q: (B*heads) x (h*w) x head_dim -> the additive bias (B*heads) x (h*w) x (h*w) of
    ``add_decomposed_rel_pos`` (queries and keys on the same h x w grid)."""
    h, w = size
    rel_pos_h = get_rel_pos(h, h, attn.rel_pos_h).to(q.dtype)  # h x h x head_dim
    rel_pos_w = get_rel_pos(w, w, attn.rel_pos_w).to(q.dtype)
    grid_q = q.reshape(q.shape[0], h, w, -1)
    rel_h = torch.einsum("bhwc,hkc->bhwk", grid_q, rel_pos_h)  # (B*heads) x h x w x h (key row)
    rel_w = torch.einsum("bhwc,wkc->bhwk", grid_q, rel_pos_w)  # ... x w (key column)
    return (rel_h[:, :, :, :, None] + rel_w[:, :, :, None, :]).reshape(q.shape[0], h * w, h * w)


def attention(attn: Attention, x: torch.Tensor) -> torch.Tensor:
    """``Attention.forward`` through SDPA. x: B x h x w x dim -> B x h x w x dim."""
    batch, h, w, _ = x.shape
    qkv = attn.qkv(x).reshape(batch, h * w, 3, attn.num_heads, -1).permute(2, 0, 3, 1, 4)
    q, k, v = qkv.reshape(3, batch * attn.num_heads, h * w, -1).unbind(0)
    bias = relative_position_bias(attn, q, (h, w)) if attn.use_rel_pos else None
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=bias, scale=attn.scale)
    out = out.view(batch, attn.num_heads, h, w, -1).permute(0, 2, 3, 1, 4).reshape(batch, h, w, -1)
    return attn.proj(out)


def block(blk: Block, x: torch.Tensor) -> torch.Tensor:
    """``Block.forward`` with ``attention``. x: B x 64 x 64 x dim."""
    shortcut = x
    x = blk.norm1(x)
    if blk.window_size > 0:
        h, w = x.shape[1], x.shape[2]
        windows, pad_hw = window_partition(x, blk.window_size)
        x = window_unpartition(attention(blk.attn, windows), blk.window_size, pad_hw, (h, w))
    else:
        x = attention(blk.attn, x)
    x = shortcut + x
    return x + blk.mlp(blk.norm2(x))


def encode(encoder: ImageEncoderViT, x: torch.Tensor) -> torch.Tensor:
    """``ImageEncoderViT.forward`` with ``attention``. x: 1 x 3 x 1024 x 1024 normalised
    and padded (``Sam.preprocess``) -> 1 x 256 x 64 x 64."""
    x = encoder.patch_embed(x)
    if encoder.pos_embed is not None:
        x = x + encoder.pos_embed
    for blk in encoder.blocks:
        x = block(blk, x)
    return encoder.neck(x.permute(0, 3, 1, 2))
