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


PE_SCALE = 0.5
SMALL_INPUT = 128


def small_sam(seed: int = 0, size: int = SMALL_INPUT) -> Sam:
    """A SAM 1 architecture small all through, for training tests: ``size`` input (128:
    the shapes dataset's 256-wide pictures at half their size), a 64-channel embedding of
    ``size / 16`` a side (8x8), a 64-wide mask decoder and low-res logits of ``size / 4``
    (32x32). Its prompt encoder's random Fourier features are drawn at half SAM's scale
    (``PE_SCALE``): smoother position codes, with which a decoder trained from scratch
    learns where a click is sooner. The small input halves a training step's time against
    256 (docs/evaluation.md)."""
    torch.manual_seed(seed)
    side = size // 16
    sam = Sam(
        image_encoder=ImageEncoderViT(
            depth=2, embed_dim=64, img_size=size, mlp_ratio=2, norm_layer=partial(torch.nn.LayerNorm, eps=1e-6),
            num_heads=2, patch_size=16, qkv_bias=True, use_rel_pos=True, global_attn_indexes=[1],
            window_size=min(8, side), out_chans=64,
        ),
        prompt_encoder=PromptEncoder(embed_dim=64, image_embedding_size=(side, side), input_image_size=(size, size),
                                     mask_in_chans=16),
        mask_decoder=MaskDecoder(
            num_multimask_outputs=3, transformer=TwoWayTransformer(depth=2, embedding_dim=64, mlp_dim=256, num_heads=4),
            transformer_dim=64, iou_head_depth=3, iou_head_hidden_dim=64,
        ),
    )
    with torch.no_grad():
        sam.prompt_encoder.pe_layer.positional_encoding_gaussian_matrix *= PE_SCALE
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
    """(model, processor) of a small random ``family`` model: sam2 | sam_hq | edgetam | sam3_tracker."""
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
    elif family == "sam3_tracker":  # SAM 3's vision backbone shrunk to a 224 input (16x16 features)
        vit = dict(model_type="sam3_vit_model", hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                   num_attention_heads=2, image_size=224, patch_size=14, window_size=8, global_attn_indexes=[1],
                   pretrain_image_size=224)
        vision = dict(model_type="sam3_vision_model", backbone_config=vit, fpn_hidden_size=256,
                      backbone_feature_sizes=[[64, 64], [32, 32], [16, 16]])
        model = tf.Sam3TrackerModel(tf.Sam3TrackerConfig(vision_config=vision, prompt_encoder_config=dict(
            image_size=224, patch_size=14)))
        processor = tf.Sam3TrackerProcessor(tf.Sam3ImageProcessor(size={"height": 224, "width": 224}))
    elif family == "sam_hq":
        vision = tf.SamHQVisionConfig(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, mlp_dim=128,
                                      global_attn_indexes=[1])
        decoder = tf.SamHQMaskDecoderConfig(vit_dim=64)
        model = tf.SamHQModel(tf.SamHQConfig(vision_config=vision, mask_decoder_config=decoder))
        processor = tf.SamHQProcessor(tf.SamImageProcessor())
    else:
        raise ValueError(family)
    with torch.no_grad():  # random, not zero, parameters where transformers starts them at zero
        for name, param in model.named_parameters():
            if "rel_pos" in name or "no_memory" in name or "pos_embed" in name:
                param.normal_(0, 0.5)
    return model.eval(), processor


WORDS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "a", "dog", "cat", "red", "car", "the", "cup",
         "person", "saucer", "spoon", "coffee"]


def clip_tokenizer(folder, max_length: int):
    """A CLIP byte-pair tokenizer of ``WORDS`` (one token per word), its files written to
    ``folder``; the special tokens come last, as in CLIP (OWLv2 takes a query starting at
    id 0 for padding)."""
    import json
    import os

    import transformers as tf

    letters = sorted(set("".join(WORDS[5:])))
    tokens = [*letters, *(c + "</w>" for c in letters)]
    merges = []
    for word in WORDS[7:]:  # merge each word left to right into one token
        parts = list(word[:-1]) + [word[-1] + "</w>"]
        while len(parts) > 1:
            merges.append(f"{parts[0]} {parts[1]}")
            parts = [parts[0] + parts[1], *parts[2:]]
            if parts[0] not in tokens:
                tokens.append(parts[0])
    tokens += ["<|startoftext|>", "<|endoftext|>"]
    with open(os.path.join(folder, "vocab.json"), "w") as f:
        json.dump({t: i for i, t in enumerate(tokens)}, f)
    with open(os.path.join(folder, "merges.txt"), "w") as f:
        f.write("#version: 0.2\n" + "\n".join(dict.fromkeys(merges)) + "\n")
    return tf.CLIPTokenizer(os.path.join(folder, "vocab.json"), os.path.join(folder, "merges.txt"),
                            model_max_length=max_length)


def tiny_sam3(folder, seed: int = 0):
    """(model, processor) of a small random SAM 3 (224-pixel input, 2 ViT blocks, one
    layer in each transformer), its CLIP tokenizer built in ``folder``."""
    import os

    import transformers as tf

    torch.manual_seed(seed)
    os.makedirs(folder, exist_ok=True)
    tokenizer = clip_tokenizer(folder, 32)
    n = len(tokenizer.get_vocab())
    vit = dict(model_type="sam3_vit_model", hidden_size=32, intermediate_size=64, num_hidden_layers=2,
               num_attention_heads=2, image_size=224, patch_size=14, window_size=8, global_attn_indexes=[1],
               pretrain_image_size=224)
    small = dict(hidden_size=32, num_attention_heads=2, intermediate_size=64, num_layers=1)
    config = tf.Sam3Config(
        vision_config=dict(backbone_config=vit, fpn_hidden_size=32,
                           backbone_feature_sizes=[[64, 64], [32, 32], [16, 16]]),
        text_config=dict(vocab_size=n, hidden_size=32, intermediate_size=64, projection_dim=32, num_hidden_layers=1,
                         num_attention_heads=2, max_position_embeddings=32, bos_token_id=n - 2, eos_token_id=n - 1,
                         pad_token_id=n - 1),
        geometry_encoder_config=small, detr_encoder_config=small, detr_decoder_config=dict(small, num_queries=20),
        mask_decoder_config=dict(hidden_size=32, num_attention_heads=2))
    image_processor = tf.Sam3ImageProcessor(size={"height": 224, "width": 224}, mask_size={"height": 64, "width": 64})
    return tf.Sam3Model(config).eval(), tf.Sam3Processor(image_processor, tokenizer)


def tiny_detector(family: str, folder, seed: int = 0):
    """(model, processor) of a small random open-vocabulary detector, its tokenizer built
    from a word list written to ``folder`` (no network): grounding_dino (BERT WordPiece)
    or owlv2 (CLIP byte-pair, one token per word)."""
    import os

    import transformers as tf

    torch.manual_seed(seed)
    os.makedirs(folder, exist_ok=True)
    if family == "grounding_dino":
        vocab = os.path.join(folder, "vocab.txt")
        with open(vocab, "w") as f:
            f.write("\n".join(WORDS) + "\n")
        swin = tf.SwinConfig(embed_dim=16, depths=[1, 1, 2, 1], num_heads=[1, 1, 2, 2],
                             out_features=["stage2", "stage3", "stage4"], out_indices=[2, 3, 4])
        bert = tf.BertConfig(vocab_size=len(WORDS), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                             intermediate_size=64)
        config = tf.GroundingDinoConfig(
            backbone_config=swin, text_config=bert, d_model=32, encoder_layers=1, decoder_layers=2,
            encoder_ffn_dim=64, decoder_ffn_dim=64, num_queries=20, encoder_attention_heads=2,
            decoder_attention_heads=2, encoder_n_points=2, decoder_n_points=2)
        model = tf.GroundingDinoForObjectDetection(config)
        processor = tf.GroundingDinoProcessor(tf.GroundingDinoImageProcessor(), tf.BertTokenizer(vocab))
    elif family == "owlv2":
        tokenizer = clip_tokenizer(folder, 16)
        tokens = tokenizer.get_vocab()
        text = tf.Owlv2TextConfig(vocab_size=len(tokens), hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                                  num_attention_heads=2, max_position_embeddings=16, bos_token_id=len(tokens) - 2,
                                  eos_token_id=len(tokens) - 1, pad_token_id=len(tokens) - 1)
        vision = tf.Owlv2VisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2,
                                      image_size=960, patch_size=64)
        model = tf.Owlv2ForObjectDetection(tf.Owlv2Config(text_config=text.to_dict(), vision_config=vision.to_dict(),
                                                          projection_dim=32))
        processor = tf.Owlv2Processor(tf.Owlv2ImageProcessor(size={"height": 960, "width": 960}), tokenizer)
    else:
        raise ValueError(family)
    return model.eval(), processor


# one memory-attention layer, 3 memories and 4 object pointers: memory attention over 7
# memories of 4,096 tokens is most of a released model's time per frame
SMALL_MEMORY = dict(memory_attention_num_layers=1, num_maskmem=3, max_object_pointers_in_encoder=4)
VIDEO_INPUT = 256  # the small SAM 2 video model's input side (the released models' is 1024)


def tiny_video(family: str, seed: int = 0):
    """(model, processor) of a small random video model: sam2 (``Sam2VideoModel``, a small
    Hiera at a 256 input, so 16x16 memory tokens) | edgetam (``EdgeTamVideoModel`` at
    1024 with the released RepViT backbone, passed explicitly: transformers' default names
    a resnet50). Parameters transformers starts at zero (no-memory embeddings, temporal
    encodings, position tables) are drawn at random, so a wrong memory path shows, and
    the object-score head leans to "present", so masks are seldom empty."""
    import transformers as tf

    torch.manual_seed(seed)
    if family == "sam2":
        side = VIDEO_INPUT
        hiera = tf.Sam2HieraDetConfig(hidden_size=16, num_attention_heads=1, blocks_per_stage=[1, 1, 2, 1],
                                      embed_dim_per_stage=[16, 32, 64, 128], num_attention_heads_per_stage=[1, 1, 2, 2],
                                      global_attention_blocks=[3], window_size_per_stage=[8, 4, 4, 2],
                                      image_size=[side, side])
        vision = tf.Sam2VisionConfig(backbone_config=hiera, backbone_channel_list=[128, 64, 32, 16],
                                     backbone_feature_sizes=[[side // 4] * 2, [side // 8] * 2, [side // 16] * 2])
        model = tf.Sam2VideoModel(tf.Sam2VideoConfig(
            vision_config=vision, image_size=side, memory_attention_rope_feat_sizes=[side // 16] * 2,
            prompt_encoder_config=dict(image_size=side), memory_attention_feed_forward_hidden_size=256,
            **SMALL_MEMORY))
        processor = tf.Sam2VideoProcessor(
            tf.Sam2ImageProcessor(size={"height": side, "width": side}, mask_size={"height": side // 4,
                                                                                    "width": side // 4}),
            tf.Sam2VideoVideoProcessor(size={"height": side, "width": side}))
    elif family == "edgetam":
        backbone = tf.TimmWrapperConfig(architecture="repvit_m1", model_args={
            "in_chans": 3, "features_only": True, "out_indices": [0, 1, 2, 3]})
        model = tf.EdgeTamVideoModel(tf.EdgeTamVideoConfig(
            vision_config=tf.EdgeTamVisionConfig(backbone_config=backbone), memory_attention_mlp_hidden_size=256,
            **SMALL_MEMORY))
        processor = tf.Sam2VideoProcessor(tf.Sam2ImageProcessor(), tf.Sam2VideoVideoProcessor())
    else:
        raise ValueError(family)
    with torch.no_grad():
        for name, param in model.named_parameters():
            if any(key in name for key in ("no_memory", "no_obj", "pos_embed", "temporal", "rel_pos")):
                param.normal_(0, 0.5)
        model.mask_decoder.pred_obj_score_head.proj_out.bias.fill_(2.0)
    return model.eval(), processor


def tiny_sam3_video(folder, seed: int = 0):
    """A small random SAM 3 video model (detector and tracker, ``Sam3VideoModel``) saved in
    ``folder`` as the hub's folder is (type ``sam3_video``, ``Sam3VideoProcessor``'s files
    with a tokenizer beside; detection thresholds at 0, so the random detector finds
    things), and (the tracker ``Sam3TrackerVideoModel`` loaded from it, its processor): a
    224 input with 16x16 features, 256-wide features where the tracker reads them."""
    import os

    import transformers as tf

    torch.manual_seed(seed)
    os.makedirs(folder, exist_ok=True)
    tokens = len(clip_tokenizer(folder, 32).get_vocab())
    vit = dict(model_type="sam3_vit_model", hidden_size=32, intermediate_size=64, num_hidden_layers=2,
               num_attention_heads=2, image_size=224, patch_size=14, window_size=8, global_attn_indexes=[1],
               pretrain_image_size=224)
    small = dict(hidden_size=256, num_attention_heads=2, intermediate_size=64, num_layers=1)
    vision = dict(backbone_config=vit, fpn_hidden_size=256, backbone_feature_sizes=[[64, 64], [32, 32], [16, 16]])
    detector = dict(vision_config=vision, geometry_encoder_config=small, detr_encoder_config=small,
                    detr_decoder_config=dict(small, num_queries=4),  # few detections: each is tracked
                    mask_decoder_config=dict(hidden_size=256, num_attention_heads=2),
                    text_config=dict(vocab_size=tokens, hidden_size=32, intermediate_size=64, projection_dim=256,
                                     num_hidden_layers=1, num_attention_heads=2, max_position_embeddings=32,
                                     bos_token_id=tokens - 2, eos_token_id=tokens - 1, pad_token_id=tokens - 1))
    tracker = dict(image_size=224, memory_attention_rope_feat_sizes=[16, 16], vision_config=vision,
                   prompt_encoder_config=dict(image_size=224, patch_size=14), **SMALL_MEMORY)
    config = tf.Sam3VideoConfig(detector_config=detector, tracker_config=tracker, score_threshold_detection=0.0,
                                new_det_thresh=0.0)  # a random detector's scores: keep what it finds
    tf.Sam3VideoModel(config).save_pretrained(folder)
    tokenizer = tf.CLIPTokenizer(os.path.join(folder, "vocab.json"), os.path.join(folder, "merges.txt"))
    tf.Sam3VideoProcessor(
        tf.Sam3ImageProcessor(size={"height": 224, "width": 224}, mask_size={"height": 56, "width": 56}),
        tf.Sam2VideoVideoProcessor(size={"height": 224, "width": 224}), tokenizer).save_pretrained(folder)
    processor = tf.Sam3TrackerVideoProcessor.from_pretrained(folder)
    return tf.Sam3TrackerVideoModel.from_pretrained(folder).eval(), processor
