"""Interactive prompt-based segmentation on Meta's Segment Anything Model.

Layers: ``images`` and ``prompts`` normalise input; ``checkpoints`` finds and safely
loads weights; ``service.SamService`` is the one place that runs models (cached,
thread-safe); ``export`` and ``render`` turn masks into files and pictures; ``cli`` and
``ui`` are thin front ends over the service.
"""

__version__ = "0.1.0"
