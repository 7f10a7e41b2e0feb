"""Small random-weight SAM models for fast tests, built from segment_anything.modeling.

The image encoder is shrunk (width 64, depth 2) but keeps SAM's 1024 input, 16 px patches
and 256-channel 64x64 embedding, so the prompt encoder, the mask decoder (full size, as
in every SAM) and the 256x256 low-res logits are exactly as in the real models.
"""

from functools import partial

import torch
from segment_anything.modeling import ImageEncoderViT, MaskDecoder, PromptEncoder, Sam, TwoWayTransformer


def tiny_sam(seed: int = 0) -> Sam:
    torch.manual_seed(seed)
    sam = Sam(
        image_encoder=ImageEncoderViT(
            depth=2, embed_dim=64, img_size=1024, mlp_ratio=2,
            norm_layer=partial(torch.nn.LayerNorm, eps=1e-6), num_heads=2, patch_size=16,
            qkv_bias=True, use_rel_pos=True, global_attn_indexes=[1], window_size=14, out_chans=256,
        ),
        prompt_encoder=PromptEncoder(
            embed_dim=256, image_embedding_size=(64, 64), input_image_size=(1024, 1024), mask_in_chans=16
        ),
        mask_decoder=MaskDecoder(
            num_multimask_outputs=3,
            transformer=TwoWayTransformer(depth=2, embedding_dim=256, mlp_dim=2048, num_heads=8),
            transformer_dim=256, iou_head_depth=3, iou_head_hidden_dim=256,
        ),
    )
    return randomise_rel_pos(sam).eval()


def randomise_rel_pos(sam: Sam, std: float = 0.5) -> Sam:
    """segment-anything starts the relative-position tables at zero; trained models'
    are not, and a zero table would hide any error in how they are applied."""
    with torch.no_grad():
        for block in sam.image_encoder.blocks:
            block.attn.rel_pos_h.normal_(0, std)
            block.attn.rel_pos_w.normal_(0, std)
    return sam
