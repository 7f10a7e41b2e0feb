"""The segmentation service: the only place that runs a model.

    from sam_app.service import SamService
    service = SamService(device="auto")            # finds a checkpoint in checkpoint/
    result = service.segment("imgs/dog.png", points=[[320, 240]], multimask=True)
    obj = result.objects[0]
    obj.masks.shape, obj.scores, obj.best          # (3, H, W) bool, (3,), int

In parts, behind one thin facade (``SamService``, what the UI, the CLI, the tasks and
batch call):

- ``pool.ModelPool``: models from the registry (``sam_app.models``), loaded once, on
  first use, by name (``vit_b``, ``classical``, ...; or a ready backend given to
  ``add_backend``), the default and the fallback, and what each declares it can do;
- ``image_store.ImageStore``: a request's image normalised once (``load_image``) and
  kept by id for prompting again, bounded by its pixels' size;
- ``embeddings.EmbeddingCache``: image embeddings in an LRU keyed by (image encoder,
  content hash[, owner]): any number of prompts from any number of threads on one image
  run the encoder once while it stays cached;
- ``sessions.Sessions``: long-lived work (a video being tracked, an open project), with
  limits and clean-up of its own.

Each request carries its own image and embedding, so concurrent requests on different
images never mix.
"""

from .facade import (  # noqa: F401 - the service's public names
    DECODE_CHUNK,
    DEFAULT_CACHE_SIZE,
    IMAGE_CACHE_BYTES,
    SamService,
    SegmentResult,
    out_of_memory_as_error,
)
from .pool import is_detector  # noqa: F401
from .sessions import Sessions  # noqa: F401
