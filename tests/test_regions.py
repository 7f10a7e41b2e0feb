"""A region of interest (sam_app/regions.py): segmenting inside a region gives what
segmenting the cropped picture gives, placed at the region's offset, from the service,
the CLI and the API; the crop's embedding is cached like any image's; bad regions and
prompts outside the region are refused with what was wrong."""

import json

import numpy as np
import pytest
from gradio_client import handle_file
from PIL import Image

from sam_app.errors import PromptError
from sam_app.regions import Region

from conftest import IMGS

COFFEE = IMGS / "coffee.png"  # 600 x 400
REGION = (150, 90, 470, 330)  # x1, y1, x2, y2: 320 x 240


def _crop(pixels, region=REGION):
    x1, y1, x2, y2 = region
    return np.ascontiguousarray(pixels[y1:y2, x1:x2])


@pytest.mark.parametrize("multimask", [False, True])
def test_a_region_segments_as_its_crop_does(tiny_service, coffee, multimask):
    x1, y1 = REGION[:2]
    points, labels, box = np.array([[300, 200], [200, 150]]), np.array([1, 0]), np.array([[180, 120, 420, 300]])
    placed = tiny_service.segment(coffee, points, labels, box, multimask=multimask, return_logits=True,
                                  region=REGION)
    direct = tiny_service.segment(_crop(coffee), points - [x1, y1], labels, box - [x1, y1, x1, y1],
                                  multimask=multimask, return_logits=True)
    assert placed.region == Region(*REGION) and placed.image_size == coffee.shape[:2]
    [got], [want] = placed.objects, direct.objects
    np.testing.assert_array_equal(got.scores, want.scores)  # the same computation: the same numbers
    np.testing.assert_array_equal(got.low_res_logits, want.low_res_logits)
    np.testing.assert_array_equal(got.prompt.points, points)  # the prompt as given, in the whole image
    np.testing.assert_array_equal(got.prompt.box, box[0])
    inside = np.zeros(coffee.shape[:2], bool)
    inside[REGION[1]:REGION[3], REGION[0]:REGION[2]] = True
    for c in range(len(got.scores)):
        mask, crop_mask = got.mask(c), want.mask(c)
        assert mask.shape == coffee.shape[:2] and crop_mask.any()
        np.testing.assert_array_equal(_crop(mask), crop_mask)
        assert not mask[~inside].any()
        np.testing.assert_array_equal(_crop(got.logits[c]), want.logits[c])
        assert np.all(got.logits[c][~inside] == -np.inf)
        small = got.mask_at(c, (200, 300))  # at screen size: the whole mask scaled, offset kept
        assert small.shape == (200, 300) and not small[:40, :].any() and small[50:160, 80:230].any()


def test_the_crops_encoding_is_cached_like_any_images(tiny_service, coffee):
    tiny_service.segment(coffee, np.array([[300, 200]]), region=REGION)
    encoded = tiny_service.cache_info()["encodings"]
    tiny_service.segment(coffee, np.array([[310, 210]]), region=" ".join(map(str, REGION)))
    assert tiny_service.cache_info()["encodings"] == encoded  # the same crop: its embedding again
    tiny_service.segment(coffee, np.array([[310, 210]]), region=(149, 90, 470, 330))
    assert tiny_service.cache_info()["encodings"] == encoded + 1  # another crop: another image


@pytest.mark.parametrize("region, prompt, words", [
    ((150, 90, 470), dict(points=[[300, 200]]), "four"),
    ("150 90 470 x", dict(points=[[300, 200]]), "not four numbers"),
    ((150, 90, 700, 330), dict(points=[[300, 200]]), "not inside the 600x400 image"),
    ((470, 90, 150, 330), dict(points=[[300, 200]]), "X1 < X2"),
    ((150, 90, 160, 330), dict(points=[[155, 200]]), "too small"),
    (REGION, dict(points=[[100, 200]]), "point (100, 200) is outside the region (150, 90, 470, 330)"),
    (REGION, dict(boxes=[[100, 100, 300, 300]]), "box (100, 100, 300, 300) is not inside the region"),
])
def test_bad_regions_are_refused_with_what_was_wrong(tiny_service, coffee, region, prompt, words):
    points = np.array(prompt.get("points", np.zeros((0, 2))))
    with pytest.raises(PromptError, match=f"region.*{words}|{words}".replace("(", r"\(").replace(")", r"\)")):
        tiny_service.segment(coffee, points, boxes=np.array(prompt.get("boxes", np.zeros((0, 4)))), region=region)


def test_the_cli_segments_in_a_region(tiny_cli, tiny_service, coffee, tmp_path):
    done = tiny_cli("segment", COFFEE, "--points", "300 200", "--region", "150 90 470 330", "--out-dir", tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "result.json").read_text())
    assert record["region"] == list(REGION) and record["objects"][0]["prompt"]["points"] == [[300.0, 200.0]]
    mask = np.asarray(Image.open(tmp_path / "object1_mask0.png")) > 0
    want = tiny_service.segment(_crop(coffee), np.array([[150, 110]])).objects[0].mask(0)
    np.testing.assert_array_equal(_crop(mask), want)
    assert mask.sum() == want.sum()
    refused = tiny_cli("segment", COFFEE, "--points", "30 20", "--region", "150 90 470 330", "--out-dir", tmp_path)
    assert refused.returncode != 0 and "point (30, 20) is outside the region" in refused.stderr


def test_the_api_segments_in_a_region(client, served, coffee):
    from pycocotools import mask as mask_utils

    record, _ = client.predict(handle_file(str(COFFEE)), "300 200", "", "", False, False, "", "", "", 0.3,
                               "150 90 470 330", api_name="/segment")
    assert record["region"] == list(REGION)
    rle = record["objects"][0]["masks"][0]["segmentation"]
    mask = mask_utils.decode({"size": rle["size"], "counts": rle["counts"].encode()}).astype(bool)
    want = served[0].segment(_crop(coffee), np.array([[150, 110]])).objects[0].mask(0)
    np.testing.assert_array_equal(_crop(mask), want)
    assert mask.sum() == want.sum()
    with pytest.raises(Exception, match="outside the region"):
        client.predict(handle_file(str(COFFEE)), "30 20", "", "", False, False, "", "", "", 0.3, "150 90 470 330",
                       api_name="/segment")
