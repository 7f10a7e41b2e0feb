"""SAM's mask decoder for prompts without a mask input, with the same arithmetic
regrouped so that many prompts on one image cost less than half of upstream's work.

Upstream's ``MaskDecoder.predict_masks`` repeats the 64x64 image embedding for every
prompt and runs the two-way transformer's projections over all 4,096 image tokens per
prompt (about 1.3 GMAC), then upscales with two transposed convolutions (0.4 GMAC). Here,
with the modules' own weights:

- The first layer's image side (the token-to-image keys and values, the image-to-token
  queries) is the same for every prompt without a mask input, so it is computed once per
  image (``image_side``) and shared by every batch.
- Where the image tokens do differ per prompt, each attention between T prompt tokens
  and the 4,096 image tokens is regrouped around the few tokens: for token-to-image,
  ``softmax(q Wk (X + pe)^T) (X Wv^T)`` becomes ``softmax((q Wk) (X + pe)^T) X`` then
  ``Wv`` on T rows; for image-to-token, ``(X + pe) Wq^T k^T`` becomes
  ``(X + pe) (Wq^T k^T)`` and the output projection is applied to the T values before
  the attention weights. Per head and prompt that is 4,096 x 256 x T multiply-adds
  instead of 4,096 x 256 x 16, and T is 7 for a point prompt. Biases are carried
  exactly; the key bias, a constant per row of the softmax, drops out.
- The transposed convolutions (kernel 2, stride 2) are matrix products on channel-last
  tiles, which BLAS runs faster than PyTorch's ConvTranspose2d on a CPU.
- The IoU head needs only the output tokens, so prompts whose candidates all score at
  most ``min_score`` skip the upscaling branch (their logits are left at zero).

Only the order of float additions differs from upstream: on the random full-size
decoder the logits agree within 1e-6 in float32 (tests/test_fast_decoder.py allows 1e-3,
as for the ONNX graphs). ``dtype`` bfloat16 or float16 runs the matrix products in that
precision (opt-in: bfloat16 where the CPU has AVX512-BF16 or AMX, either on a GPU).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Optional, Tuple, Union

import numpy as np
import torch
import torch.nn.functional as F
from segment_anything.utils.onnx import SamOnnxModel


@dataclass
class ImageSide:
    """One image's share of the decoder, channel-last: x and pe 1x4096x256 (the image
    tokens with the no-mask embedding added, and their positional encoding); k1, v1 and
    q1 1xHx4096xD: the first layer's token-to-image keys and values, and its
    image-to-token queries (H heads of D channels)."""

    x: torch.Tensor
    pe: torch.Tensor
    k1: torch.Tensor
    v1: torch.Tensor
    q1: torch.Tensor
    size: Tuple[int, int]  # (h, w) of the embedding grid


def candidates(multimask: bool) -> slice:
    """The mask tokens ``MaskDecoder`` answers with: 1-3 with multimask, else 0."""
    return slice(1, None) if multimask else slice(0, 1)


def upscale_kept(scores: np.ndarray, multimask: bool, min_score: Optional[float],
                 masks: Callable[[Union[slice, np.ndarray], slice], np.ndarray],
                 size: Tuple[int, int]) -> Tuple[np.ndarray, np.ndarray]:
    """The candidates' scores Bx4 (all four tokens) -> (scores BxC, low-res logits
    BxCxHxW) with C = 3 (tokens 1-3) when multimask else 1 (token 0); ``masks(rows,
    tokens)`` gives the logits of those prompts (an index array, or ``slice(None)`` for
    all) and tokens. With ``min_score``, only prompts with a candidate scoring above it
    are upscaled; the others' logits (HxW = ``size``) are zeros."""
    picked = candidates(multimask)
    scores = scores[:, picked]
    rows = np.arange(len(scores)) if min_score is None else np.flatnonzero((scores > min_score).any(1))
    if len(rows) == len(scores):
        return scores, masks(slice(None), picked)
    logits = np.zeros((len(scores), scores.shape[1], *size), np.float32)
    if len(rows):
        logits[rows] = masks(rows, picked)
    return scores, logits


def _heads(t: torch.Tensor, heads: int) -> torch.Tensor:
    """B x N x (H*D) -> B x H x N x D."""
    b, n, c = t.shape
    return t.reshape(b, n, heads, c // heads).transpose(1, 2)


def _merge(t: torch.Tensor) -> torch.Tensor:
    """B x H x N x D -> B x N x (H*D)."""
    b, h, n, d = t.shape
    return t.transpose(1, 2).reshape(b, n, h * d)


class FastDecoder:
    """The regrouped decoder over a ``segment_anything`` ``Sam``'s prompt encoder and mask
    decoder (their weights are read at each call, so it follows a model being trained)."""

    def __init__(self, sam, dtype: torch.dtype = torch.float32):
        self.sam, self.dtype = sam, dtype
        self.decoder = sam.mask_decoder
        self.transformer = self.decoder.transformer
        self._onnx_model = SamOnnxModel(sam, return_single_mask=False)  # for its point embedding

    @torch.inference_mode()
    def image_side(self, features: torch.Tensor) -> ImageSide:
        """features: 1x256xhxw image embedding -> its ``ImageSide``."""
        encoder, layer = self.sam.prompt_encoder, self.transformer.layers[0]
        _, c, h, w = features.shape
        x = (features + encoder.no_mask_embed.weight.reshape(1, -1, 1, 1)).flatten(2).transpose(1, 2)
        pe = encoder.get_dense_pe().flatten(2).transpose(1, 2).to(x)
        t2i, i2t = layer.cross_attn_token_to_image, layer.cross_attn_image_to_token
        k1 = _heads(t2i.k_proj(x + pe), t2i.num_heads)
        v1 = _heads(t2i.v_proj(x), t2i.num_heads)
        q1 = _heads(i2t.q_proj(x + pe), i2t.num_heads)
        cast = lambda t: t.to(self.dtype).contiguous()  # noqa: E731
        return ImageSide(x.contiguous(), pe.contiguous(), cast(k1), cast(v1), cast(q1), (h, w))

    def embed(self, coords: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """coords BxNx2 (X, Y) in the 1024 input frame and labels BxN as
        ``onnx_decoder.prompt_arrays`` gives them -> sparse embeddings BxNx256 (the
        prompt encoder's, as segment-anything's ONNX export computes them)."""
        return self._onnx_model._embed_points(coords, labels)

    @torch.inference_mode()
    def decode(self, side: ImageSide, coords: np.ndarray, labels: np.ndarray, multimask: bool = True,
               min_score: Optional[float] = None) -> Tuple[np.ndarray, np.ndarray]:
        """Prompts (see ``embed``; numpy float32) -> (scores BxC, low-res logits BxCx4hx4w)
        float32 numpy; C = 3 with multimask (tokens 1-3) else 1 (token 0), as
        ``MaskDecoder``. With ``min_score``, prompts whose C scores are all at most it are
        not upscaled: their logits are zeros."""
        device = side.x.device
        sparse = self.embed(torch.as_tensor(coords, device=device), torch.as_tensor(labels, device=device))
        scores, hyper, keys = self.tokens(side, sparse)

        def masks(rows: Union[slice, np.ndarray], picked: slice) -> np.ndarray:
            index = rows if isinstance(rows, slice) else torch.as_tensor(rows, device=device)
            return self.masks(hyper[index, picked], keys[index], side.size).cpu().numpy()

        h, w = side.size
        return upscale_kept(scores.float().cpu().numpy(), multimask, min_score, masks, (4 * h, 4 * w))

    def tokens(self, side: ImageSide, sparse: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """The two-way transformer and the heads that need only the output tokens:
        sparse BxNx256 -> (scores Bx4, hypernetwork vectors Bx4x32 of the four mask
        tokens, image tokens Bx(h*w)x256 after the transformer), float32."""
        decoder = self.decoder
        output_tokens = torch.cat([decoder.iou_token.weight, decoder.mask_tokens.weight], dim=0)
        tokens = torch.cat((output_tokens.unsqueeze(0).expand(sparse.shape[0], -1, -1), sparse), dim=1)
        hs, keys = self._transformer(side, tokens)
        hyper = torch.stack([mlp(hs[:, 1 + i, :]) for i, mlp in enumerate(decoder.output_hypernetworks_mlps)], 1)
        return decoder.iou_prediction_head(hs[:, 0, :]), hyper, keys

    def _transformer(self, side: ImageSide, tokens: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """``TwoWayTransformer.forward`` (queries BxTx256, keys Bx4096x256 out)."""
        queries, query_pe, keys = tokens, tokens, None
        for index, layer in enumerate(self.transformer.layers):
            if layer.skip_first_layer_pe:
                queries = layer.self_attn(q=queries, k=queries, v=queries)
            else:
                q = queries + query_pe
                queries = queries + layer.self_attn(q=q, k=q, v=queries)
            queries = layer.norm1(queries)
            q = queries + query_pe
            if index == 0:
                attn_out = self._token_to_image_shared(layer.cross_attn_token_to_image, q, side)
                image, image_q, residual = None, side.q1, side.x
            else:
                image = keys + side.pe
                attn_out = self._token_to_image(layer.cross_attn_token_to_image, q, keys, image)
                image_q, residual = None, keys
            queries = layer.norm2(queries + attn_out)
            queries = layer.norm3(queries + layer.mlp(queries))
            q = queries + query_pe
            keys = layer.norm4(self._image_to_token(layer.cross_attn_image_to_token, image, image_q, q, queries,
                                                    residual))
        final = self.transformer
        attn_out = self._token_to_image(final.final_attn_token_to_image, queries + query_pe, keys, keys + side.pe)
        return final.norm_final_attn(queries + attn_out), keys

    def _token_to_image_shared(self, attn, q: torch.Tensor, side: ImageSide) -> torch.Tensor:
        """Token-to-image attention on the shared first-layer image keys and values."""
        dt = self.dtype
        query = _heads(attn.q_proj(q), attn.num_heads).to(dt)  # B x H x T x D
        weights = torch.softmax((query @ side.k1.transpose(-1, -2)).float() / math.sqrt(query.shape[-1]), -1)
        return attn.out_proj(_merge((weights.to(dt) @ side.v1).float()))

    def _token_to_image(self, attn, q: torch.Tensor, keys: torch.Tensor, image: torch.Tensor) -> torch.Tensor:
        """Token-to-image attention with per-prompt image tokens ``keys`` (B x 4096 x 256;
        ``image``: keys + their positional encoding):
        softmax((q Wq + bq) Wk_h image^T / sqrt(D)) keys Wv_h^T + bv_h, per head."""
        dt, heads = self.dtype, attn.num_heads
        b, t, _ = q.shape
        query = _heads(attn.q_proj(q), heads)  # B x H x T x D
        wk = attn.k_proj.weight.reshape(heads, -1, keys.shape[-1])  # H x D x 256
        gathered = (query @ wk).reshape(b, heads * t, -1) / math.sqrt(query.shape[-1])  # B x HT x 256
        weights = torch.softmax((gathered.to(dt) @ image.to(dt).transpose(1, 2)).float(), -1)
        pooled = (weights.to(dt) @ keys.to(dt)).float().reshape(b, heads, t, -1)  # B x H x T x 256
        wv = attn.v_proj.weight.reshape(heads, -1, keys.shape[-1])  # H x D x 256
        values = pooled @ wv.transpose(1, 2) + attn.v_proj.bias.reshape(heads, 1, -1)  # B x H x T x D
        return attn.out_proj(_merge(values))

    def _image_to_token(self, attn, image: Optional[torch.Tensor], image_q: Optional[torch.Tensor],
                        q: torch.Tensor, v: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        """``residual`` + image-to-token attention: image queries (``image`` B x 4096 x 256
        with its positional encoding, or the shared projected ``image_q`` 1 x H x 4096 x D)
        over the T prompt tokens (keys from ``q``, values from ``v``) -> B x 4096 x 256. The
        output projection is applied to the T values first, its bias divided among the H
        heads (each head's weights sum to 1); the weights are laid out B x H x T x 4096 so
        that the softmax over T runs along contiguous rows of image tokens."""
        dt, heads = self.dtype, attn.num_heads
        b, t, _ = q.shape
        key = _heads(attn.k_proj(q), heads) / math.sqrt(attn.internal_dim // heads)  # B x H x T x D, scaled
        d = key.shape[-1]
        if image_q is not None:
            logits = (key.to(dt) @ image_q.transpose(-1, -2)).float()  # B x H x T x 4096
        else:
            wq = attn.q_proj.weight.reshape(heads, d, -1)  # H x D x 256
            mixed = (key @ wq).reshape(b, heads * t, -1)  # B x HT x 256
            bias = (key @ attn.q_proj.bias.reshape(heads, d, 1)).reshape(b, heads * t, 1)
            logits = (mixed.to(dt) @ image.to(dt).transpose(1, 2)).float() + bias
            logits = logits.reshape(b, heads, t, -1)
        weights = torch.softmax(logits, 2).reshape(b, heads * t, -1)  # B x HT x 4096
        value = _heads(attn.v_proj(v), heads)  # B x H x T x D
        wo = attn.out_proj.weight.reshape(-1, heads, d).permute(1, 2, 0)  # H x D x 256
        projected = ((value @ wo) + attn.out_proj.bias / heads).reshape(b, heads * t, -1)  # B x HT x 256
        return residual + (weights.to(dt).transpose(1, 2) @ projected.to(dt)).float()

    def masks(self, hyper: torch.Tensor, keys: torch.Tensor, size: Tuple[int, int]) -> torch.Tensor:
        """Hypernetwork vectors BxCx32 and image tokens Bx(h*w)x256 (from ``tokens``) ->
        low-res logits BxCx4hx4w float32: ``output_upscaling`` as two channel-last matrix
        products, then the dot products with the vectors."""
        decoder, dt = self.decoder, self.dtype
        conv1, norm, act1, conv2, act2 = decoder.output_upscaling
        b, (h, w) = hyper.shape[0], size
        w1 = conv1.weight.permute(0, 2, 3, 1).reshape(conv1.in_channels, -1)  # 256 x (2*2*64)
        up = F.linear(keys.to(dt), w1.t().to(dt), conv1.bias.repeat(4).to(dt)).float()
        up = up.reshape(b, h * w * 4, -1)  # B x (hw*4) x 64
        up = act1(F.layer_norm(up, (conv1.out_channels,), norm.weight, norm.bias, norm.eps))
        w2 = conv2.weight.permute(0, 2, 3, 1).reshape(conv2.in_channels, -1)  # 64 x (2*2*32)
        up = act2(F.linear(up.to(dt), w2.t().to(dt), conv2.bias.repeat(4).to(dt)).float())
        up = up.reshape(b, h * w * 16, -1)  # B x (hw*16) x 32
        masks = (hyper.to(dt) @ up.to(dt).transpose(1, 2)).float()  # B x C x (h*w*16), pixels (i, j, a, b, c, d)
        masks = masks.reshape(b, -1, h, w, 2, 2, 2, 2).permute(0, 1, 2, 4, 6, 3, 5, 7)  # B x C x i a c x j b d
        return masks.reshape(b, -1, 4 * h, 4 * w)
