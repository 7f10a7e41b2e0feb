"""Open-vocabulary detectors for text prompts: Grounding DINO tiny (IDEA Research) and
OWLv2 base (Google), run by transformers from their hub folders. They find boxes for
phrases; the current segmenter turns the boxes into masks (``tasks.text``)."""

from ..capabilities import TEXT
from .hf import MB, Architecture, Official, hub_family, needs_processor_files


def _detector(model, processor, name, options):
    from ..backends.detector import Detector

    return Detector(model, processor, name, options.device)


GROUNDING_DINO = Architecture("grounding-dino", "GroundingDinoForObjectDetection", needs_processor_files,
                              lambda config: None, _detector, "detector", capabilities=TEXT)
OWLV2 = Architecture("owlv2", "Owlv2ForObjectDetection", needs_processor_files, lambda config: None, _detector,
                     "detector", capabilities=TEXT)
# cost: the detector's time per image relative to SAM 1 vit_b's encoder on a CPU (docs/performance.md, "Text
# prompts": the first phrase less vit_b's encoding)
GROUNDING = hub_family("grounding_dino", GROUNDING_DINO, {
    "grounding_dino_tiny": Official("IDEA-Research/grounding-dino-tiny", "Grounding DINO tiny", 690 * MB, 1.6, None),
})
OWL = hub_family("owlv2", OWLV2, {
    "owlv2_base": Official("google/owlv2-base-patch16-ensemble", "OWLv2 base", 620 * MB, 0.8, None),
})
