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


# ---------------------------------------------------------------- transformers families
# Small random configs of the families transformers implements: the image encoders are
# shrunk, the 1024 input, the prompt encoder, the full-size mask decoder and the
# 256x256 low-res logits are as in the released models.

def tiny_hf(family: str, seed: int = 0):
    """(model, processor) of a small random ``family`` model: sam2 | sam_hq | edgetam."""
    import transformers as tf

    torch.manual_seed(seed)
    if family == "sam2":
        hiera = tf.Sam2HieraDetConfig(hidden_size=16, num_attention_heads=1, blocks_per_stage=[1, 1, 2, 1],
                                      embed_dim_per_stage=[16, 32, 64, 128], num_attention_heads_per_stage=[1, 1, 2, 2],
                                      global_attention_blocks=[3], window_size_per_stage=[8, 4, 14, 7])
        vision = tf.Sam2VisionConfig(backbone_config=hiera, backbone_channel_list=[128, 64, 32, 16])
        model = tf.Sam2Model(tf.Sam2Config(vision_config=vision))
        processor = tf.Sam2Processor(tf.Sam2ImageProcessor())
    elif family == "edgetam":
        backbone = tf.TimmWrapperConfig(architecture="repvit_m1", model_args={  # the released model's backbone
            "in_chans": 3, "features_only": True, "out_indices": [0, 1, 2, 3]})
        model = tf.EdgeTamModel(tf.EdgeTamConfig(vision_config=tf.EdgeTamVisionConfig(backbone_config=backbone)))
        processor = tf.Sam2Processor(tf.Sam2ImageProcessor())
    elif family == "sam_hq":
        vision = tf.SamHQVisionConfig(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, mlp_dim=128,
                                      global_attn_indexes=[1])
        model = tf.SamHQModel(tf.SamHQConfig(vision_config=vision, mask_decoder_config=tf.SamHQMaskDecoderConfig(vit_dim=64)))
        processor = tf.SamHQProcessor(tf.SamImageProcessor())
    else:
        raise ValueError(family)
    with torch.no_grad():  # random, not zero, parameters where transformers starts them at zero
        for name, param in model.named_parameters():
            if "rel_pos" in name or "no_memory" in name or "pos_embed" in name:
                param.normal_(0, 0.5)
    return model.eval(), processor
