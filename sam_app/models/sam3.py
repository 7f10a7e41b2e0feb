"""SAM 3 (Meta, 2025): promptable concept segmentation, text (and exemplar boxes) ->
every instance's mask, run by transformers' ``Sam3Model`` from its hub folder
(``backends.sam3``). Its repo is gated: the download says how to get access, and a copy
of the folder placed in the checkpoint folder is used as is. The hub folder is the video
model's (``sam3_video``); its image detector is what is loaded for text, and its tracker
(``Sam3TrackerVideoModel``) for tracking clicked or boxed objects through a video."""

from ..capabilities import TEXT
from .hf import MB, Architecture, Official, VideoArchitecture, hub_family, needs_processor_files


def _sam3(model, processor, name, options):
    from ..backends.sam3 import Sam3Backend

    return Sam3Backend(model, processor, name, options.device, options.precision)


# the same folder's tracker (points and boxes through a video): transformers maps the detector's vision
# backbone and the tracker's weights into Sam3TrackerVideoModel
VIDEO = VideoArchitecture("sam3_video", "Sam3TrackerVideoModel", "Sam3TrackerVideoProcessor", needs_processor_files,
                          text_model_class="Sam3VideoModel", text_processor_class="Sam3VideoProcessor")
SAM3 = Architecture("sam3", "Sam3Model", needs_processor_files, lambda config: None, _sam3, "detector",
                    other_types=("sam3_video",), processor_class="Sam3Processor",
                    capabilities=TEXT.with_(exemplars=True), video=VIDEO)
# cost: text -> masks time relative to SAM 1 vit_b's encoder on a CPU (docs/performance.md, "Text prompts")
FAMILY = hub_family("sam3", SAM3, {
    "sam3": Official("facebook/sam3", "SAM 3", 3_450 * MB, 4.1, None),
})
