"""Interactive prompt-based segmentation on Meta's Segment Anything Model and kin.

Layers (data flows one way): ``images`` and ``prompts`` normalise input; ``checkpoints``
finds files and loads state dicts safely; ``models`` is the registry of model families
(one module each) that says which files exist and how each model becomes a backend;
``backends`` encode images and decode prompts; ``service.SamService`` is the one place
that runs models (cached, thread-safe); ``export`` (the one result schema) and
``render`` turn masks into files and pictures; ``cli`` and ``ui`` are thin front ends.
"""

__version__ = "0.2.0"
