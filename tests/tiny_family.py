"""The tests' tiny random SAMs as a model family, so that CLI subprocesses can run them:
``SAM_APP_MODELS=tiny_family`` with tests/ on PYTHONPATH, and ``tiny_sam.pth`` (a state
dict of ``models.tiny_sam``) or ``small_sam.pth`` (``models.small_sam``) in the
checkpoint folder."""

from sam_app.models import Family, ModelSpec, WeightFile, register
from sam_app.models.sam1 import CAPABILITIES  # the tiny models are SAM 1 architectures

FILENAME = "tiny_sam.pth"


def load(spec, path, options):
    from sam_app.backends.sam import SamBackend
    from sam_app.checkpoints import check_state_dict, load_state_dict

    import models

    model, state = getattr(models, f"{spec.name}_sam")(), load_state_dict(path)
    check_state_dict(model, state, path)
    model.load_state_dict(state)
    return SamBackend(model, spec.name, options.device, options.precision, options.decoder, options.attention)


register(Family("tiny", (ModelSpec("tiny", "tiny", "Tiny random SAM (tests)",
                                   WeightFile(FILENAME, 0, "0" * 64, "http://127.0.0.1:9/"), load,
                                   capabilities=CAPABILITIES),
                         ModelSpec("small", "tiny", "Small random SAM (training tests)",
                                   WeightFile("small_sam.pth", 0, "1" * 64, "http://127.0.0.1:9/"), load,
                                   capabilities=CAPABILITIES))))
