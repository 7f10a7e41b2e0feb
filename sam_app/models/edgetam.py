"""EdgeTAM (Meta, CVPR 2025): SAM 2's decoder behind a RepViT-M1 image encoder (timm),
built for phones and CPUs. Run by transformers' ``EdgeTamModel`` from the hub folder its
documentation uses, with SAM 2's processor (the image stretched to 1024x1024). The same
folder gives ``EdgeTamVideoModel`` (with SAM 2's video processor) for tracking: the CPU's
tracker."""

from .hf import MB, Architecture, Official, VideoArchitecture, hub_family
from .sam2 import sam2_processor, sam2_video_processor

VIDEO = VideoArchitecture("edgetam_video", "EdgeTamVideoModel", "Sam2VideoProcessor", sam2_video_processor)
ARCHITECTURE = Architecture("edgetam", "EdgeTamModel", sam2_processor, lambda config: None, video=VIDEO)
# cost: encoder time relative to SAM 1 vit_b on a CPU (docs/performance.md, "Models"; the sizes
# not in that table are placed between their measured neighbours)
OFFICIAL = {
    # one released size: any EdgeTAM folder is this model
    "edgetam": Official("yonigozlan/EdgeTAM-hf", "EdgeTAM", 56 * MB, 0.07, None),
}
FAMILY = hub_family("edgetam", ARCHITECTURE, OFFICIAL)
