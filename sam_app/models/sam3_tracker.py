"""SAM 3's tracker as a segmenter (Meta, 2025): points, boxes, a mask input and three
candidates on one image, as SAM 2 takes them, from the same hub folder as SAM 3
(``facebook/sam3``, gated: the download says how to get access). transformers'
``Sam3TrackerModel`` reads the shared vision backbone (1008x1008 input, the image
stretched to the square) and the tracker's prompt encoder and mask decoder (288x288
low-res logits; the app's 256x256 mask inputs are resized by the model, as its own
forward does). Served by ``backends.transformers_sam.TransformersSamBackend``.

transformers 5.25's ``Sam3TrackerModel.from_pretrained`` does not map a ``sam3_video``
folder's weights (its prefix attribute is misspelt ``_base_model_prefix``), so the folder
is read by ``Sam3TrackerVideoModel``, which does, and the image model takes its weights:
every one of them must be there (``_image_model``)."""

from ..capabilities import SEGMENTER  # points, boxes, mask input, candidates, everything; not fine-tuned here
from ..errors import CheckpointError
from .hf import MB, Architecture, Official, hub_family


def _processor():
    """The tracker's processor at the released model's defaults (1008x1008), for a
    folder without processor files."""
    from transformers import Sam3ImageProcessor, Sam3TrackerProcessor

    return Sam3TrackerProcessor(Sam3ImageProcessor())


def _image_model(video_model):
    """Sam3TrackerModel with the weights of a loaded Sam3TrackerVideoModel (the same
    vision encoder, prompt encoder and mask decoder; the memory modules are left)."""
    from transformers import Sam3TrackerModel

    model = Sam3TrackerModel(video_model.config)
    missing, _ = model.load_state_dict(video_model.state_dict(), strict=False)
    if missing:
        raise CheckpointError(f"SAM 3's folder lacks {len(missing)} of the tracker's weights "
                              f"({', '.join(missing[:3])}); download it again")
    return model.eval()


def _tracker(model, processor, name, options):
    from ..backends.transformers_sam import TransformersSamBackend

    return TransformersSamBackend(_image_model(model).to(options.device), processor, name, options.device,
                                  options.precision, SEGMENTER)


TRACKER = Architecture("sam3_video", "Sam3TrackerVideoModel", _processor, lambda config: None, _tracker,
                       processor_class="Sam3TrackerProcessor", capabilities=SEGMENTER)
# cost: its encoder is SAM 3's vision backbone, whose text path measures 4.1x vit_b's encoder
# (docs/performance.md, "Text prompts"); the backbone is most of it
FAMILY = hub_family("sam3_tracker", TRACKER, {
    "sam3_tracker": Official("facebook/sam3", "SAM 3 tracker (clicks)", 3_450 * MB, 4.0, None),
})
