"""A Label Studio ML backend (``sam-app label-studio --port 9090``): Label Studio's smart
keypoints and rectangles, and text, answered with our masks as BrushLabels (Label
Studio's RLE) and PolygonLabels, and whole tasks pre-annotated with segment everything or
the labels' names as text prompts.

- ``rle``: Label Studio's brush RLE;
- ``config``: what a labeling config asks for (the image, the brush and polygon controls);
- ``predict``: tasks and a prompt context -> Label Studio results;
- ``server``: the HTTP protocol (/health, /setup, /predict, /webhook) on Starlette.
"""
