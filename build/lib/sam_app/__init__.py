"""Interactive prompt-based segmentation on Meta's Segment Anything Model and kin.

Layers (data flows one way): ``images``, ``prompts`` and ``files`` normalise input;
``checkpoints`` finds files and loads state dicts safely; ``models`` is the registry of
model families (one module each) that says which files exist, how each model becomes a
backend and what it can do (``capabilities``); ``backends`` encode images, decode
prompts and give training what it needs; ``service`` (a model pool, an image store, an
embedding cache, long-lived sessions, the ``SamService`` facade) is the one place that
runs models; ``tasks``, ``batch`` and ``training`` build on it; ``results`` (the one
result schema), ``export`` and ``render`` turn masks into files and pictures; ``cli`` and
``ui`` are thin front ends.
"""

__version__ = "0.3.0"
