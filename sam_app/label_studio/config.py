"""What a Label Studio labeling config asks of us: the image (its ``name`` and the task
field its ``value="$field"`` reads) and the controls our masks fill: BrushLabels (masks as
RLE) and PolygonLabels (outlines), each with its labels. The smart KeyPointLabels and
RectangleLabels, and a TextArea, are where prompts come from; they need nothing here.

    <View>
      <Image name="image" value="$image"/>
      <BrushLabels name="tag" toName="image"><Label value="cat"/></BrushLabels>
      <KeyPointLabels name="kp" toName="image" smart="true"><Label value="cat" smart="true"/></KeyPointLabels>
    </View>
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import List, Tuple

from ..errors import SamAppError

OUTPUTS = {"brushlabels": "brushlabels", "polygonlabels": "polygonlabels"}  # tag (lower case) -> result type
MAX_CONFIG = 1_000_000  # characters of a labeling config


@dataclass(frozen=True)
class Output:
    """A control our masks fill: from_name (its name), to_name (the image's name), kind
    (brushlabels | polygonlabels), labels (its Label values, in order)."""

    from_name: str
    to_name: str
    kind: str
    labels: Tuple[str, ...]

    def label(self, asked: str) -> str:
        """``asked`` if it is one of this control's labels (any case), else its first label
        (or ``asked`` where it has none)."""
        for name in self.labels:
            if name.lower() == asked.lower():
                return name
        return self.labels[0] if self.labels else asked


@dataclass(frozen=True)
class LabelingConfig:
    """image_name: the Image tag's name; image_key: the task field holding its URL;
    outputs: the BrushLabels / PolygonLabels controls on that image."""

    image_name: str
    image_key: str
    outputs: Tuple[Output, ...]

    @property
    def labels(self) -> List[str]:
        """Every output label, once, in order (the classes pre-annotation looks for)."""
        return list(dict.fromkeys(name for output in self.outputs for name in output.labels))


def parse_config(text: str) -> LabelingConfig:
    """A labeling config's XML -> LabelingConfig; SamAppError saying what is missing."""
    if not isinstance(text, str) or not text.strip():
        raise SamAppError("the project has no labeling config; set one with an Image and a BrushLabels or "
                          "PolygonLabels control")
    if len(text) > MAX_CONFIG or "<!ENTITY" in text.upper():
        raise SamAppError("the labeling config is too large or declares entities; expected Label Studio's XML")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise SamAppError(f"the labeling config is not XML ({exc})") from None
    images = [tag for tag in root.iter() if tag.tag == "Image" and tag.get("value", "").startswith("$")]
    if not images:
        raise SamAppError('the labeling config has no <Image name="..." value="$field"/>; this backend segments images')
    image = images[0]
    outputs = tuple(
        Output(tag.get("name", ""), tag.get("toName", ""), OUTPUTS[tag.tag.lower()],
               tuple(label.get("value", "") for label in tag.iter("Label")))
        for tag in root.iter() if tag.tag.lower() in OUTPUTS and tag.get("toName") == image.get("name"))
    if not outputs:
        raise SamAppError(f"the labeling config has no BrushLabels or PolygonLabels on the image "
                          f"{image.get('name')!r}; add one for the masks (e.g. <BrushLabels name=\"tag\" "
                          f"toName=\"{image.get('name')}\">...)")
    return LabelingConfig(image.get("name", ""), image.get("value", "")[1:], outputs)
