"""SAM 2.1 (Meta, 2024): Hiera tiny / small / base-plus / large image encoders, run by
transformers' ``Sam2Model`` from the ``facebook/sam2.1-hiera-*`` hub folders. The image is
stretched to 1024x1024 (the processor's rule); the decoder also reads the encoder's
high-resolution features, which the cached embedding keeps (about 16 MB per image).
The same folders give ``Sam2VideoModel`` for tracking (``tasks.tracking``)."""

from .hf import MB, Architecture, Official, VideoArchitecture, hub_family


def sam2_processor():
    """SAM 2's processor at its defaults (EdgeTAM uses it too)."""
    from transformers import Sam2ImageProcessor, Sam2Processor

    return Sam2Processor(Sam2ImageProcessor())


def sam2_video_processor():
    """SAM 2's video processor at its defaults (EdgeTAM's video model uses it too)."""
    from transformers import Sam2ImageProcessor, Sam2VideoProcessor, Sam2VideoVideoProcessor

    return Sam2VideoProcessor(Sam2ImageProcessor(), Sam2VideoVideoProcessor())


def _signature(config: dict):
    """(Hiera width, blocks per stage), which tell the four sizes apart."""
    hiera = config.get("vision_config", {}).get("backbone_config", {})
    return hiera.get("hidden_size"), tuple(hiera.get("blocks_per_stage") or ())


# the hub's folders hold the video model (``sam2_video``), whose image part Sam2Model loads
VIDEO = VideoArchitecture("sam2_video", "Sam2VideoModel", "Sam2VideoProcessor", sam2_video_processor)
ARCHITECTURE = Architecture("sam2", "Sam2Model", sam2_processor, _signature, video=VIDEO)
# cost: encoder time relative to SAM 1 vit_b on a CPU (docs/performance.md, "Models"; the sizes
# not in that table are placed between their measured neighbours)
OFFICIAL = {
    "sam2.1_hiera_t": Official("facebook/sam2.1-hiera-tiny", "SAM 2.1 Hiera-T", 156 * MB, 0.28, (96, (1, 2, 7, 2))),
    "sam2.1_hiera_s": Official("facebook/sam2.1-hiera-small", "SAM 2.1 Hiera-S", 184 * MB, 0.35, (96, (1, 2, 11, 2))),
    "sam2.1_hiera_b+": Official("facebook/sam2.1-hiera-base-plus", "SAM 2.1 Hiera-B+", 324 * MB, 0.6,
                                (112, (2, 3, 16, 3))),
    "sam2.1_hiera_l": Official("facebook/sam2.1-hiera-large", "SAM 2.1 Hiera-L", 898 * MB, 1.42, (144, (2, 6, 36, 4))),
}
FAMILY = hub_family("sam2.1", ARCHITECTURE, OFFICIAL)
