"""HQ-SAM (Ke et al., NeurIPS 2023): SAM's ViT-B / L / H with a high-quality output token
that reads the encoder's early features for finer boundaries; same prompts as SAM 1. Run
by transformers' ``SamHQModel`` from the ``syscv-community/sam-hq-vit-*`` hub folders, with
the image scaled to 1024 on its longest side and padded, as SAM 1."""

from .hf import MB, Architecture, Official, hub_family


def _processor():
    from transformers import SamHQProcessor, SamImageProcessor

    return SamHQProcessor(SamImageProcessor())


def _signature(config: dict):
    """The ViT's width: 768 / 1024 / 1280."""
    return config.get("vision_config", {}).get("hidden_size")


ARCHITECTURE = Architecture("sam_hq", "SamHQModel", _processor, _signature)
# cost: encoder time relative to SAM 1 vit_b on a CPU (docs/performance.md, "Models"; the sizes
# not in that table are placed between their measured neighbours)
OFFICIAL = {
    "sam_hq_vit_b": Official("syscv-community/sam-hq-vit-base", "HQ-SAM ViT-B", 380 * MB, 0.88, 768),
    "sam_hq_vit_l": Official("syscv-community/sam-hq-vit-large", "HQ-SAM ViT-L", 1_260 * MB, 2.5, 1024),
    "sam_hq_vit_h": Official("syscv-community/sam-hq-vit-huge", "HQ-SAM ViT-H", 2_570 * MB, 4.78, 1280),
}
FAMILY = hub_family("sam_hq", ARCHITECTURE, OFFICIAL)
