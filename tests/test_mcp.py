"""The API as MCP tools (``webui.py --mcp``), called by the ``mcp`` package's own client
over streamable HTTP against the launched app: the tools listed, their masks equal to
/segment's for the same image and point, files in each accepted form, one-line errors,
and the project tools' round trip."""

import asyncio
import base64
import io
import json
import shutil

import httpx
import numpy as np
import pytest
from gradio_client import Client, handle_file
from PIL import Image

from sam_app.projects import Project
from sam_app.projects.library import Library

from conftest import IMGS, launched, make_service

TOOLS = {"segment_image", "segment_everything", "track_video"}
PROJECT_TOOLS = {"project_list", "project_images", "project_image", "project_save"}
COFFEE = IMGS / "coffee.png"


def data_url(path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


def call(url: str, *calls):
    """Run (tool, arguments) calls in one MCP session; returns (tool names, results), each
    result (is_error, JSON-decoded text or the error's text)."""
    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    async def session():
        async with streamablehttp_client(url + "gradio_api/mcp/") as (read, write, _):
            async with ClientSession(read, write) as client:
                await client.initialize()
                names = {tool.name for tool in (await client.list_tools()).tools}
                answers = []
                for tool, arguments in calls:
                    result = await client.call_tool(tool, arguments)
                    text = "".join(part.text for part in result.content if part.type == "text")
                    answers.append((result.isError, text if result.isError else json.loads(text)))
                return names, answers

    return asyncio.run(session())


@pytest.fixture(scope="module")
def server(tiny_model, tmp_path_factory):
    roots = tmp_path_factory.mktemp("roots")
    (roots / "sub").mkdir()
    shutil.copy(COFFEE, roots / "sub" / "coffee.png")
    images = tmp_path_factory.mktemp("images")
    shutil.copy(COFFEE, images / "coffee.png")
    project = Project.create(tmp_path_factory.mktemp("projects") / "cups", images, classes=["cup", "saucer"])
    project.close()
    service = make_service(tiny_model)
    with launched(service, projects=Library(project.folder), image_roots=[roots], mcp=True) as (_, _, url):
        yield url, service, roots


def masks_of(result: dict) -> list:
    return [[m["segmentation"] for m in obj["masks"]] for obj in result["objects"]]


def test_the_tools_are_the_api_and_a_point_gives_segments_masks(server):
    url, _, _ = server
    names, [(error, found)] = call(url, ("segment_image", {"image": data_url(COFFEE), "points": "250 200",
                                                           "multimask": True}))
    assert names == TOOLS | PROJECT_TOOLS  # no page event, no gradio_client endpoint twice
    assert not error
    expected, _ = Client(url, verbose=False).predict(handle_file(str(COFFEE)), "250 200", "", "", True, False,
                                                     api_name="/segment")
    assert masks_of(found) == masks_of(expected) and len(masks_of(found)[0]) == 3
    assert [m["score"] for m in found["objects"][0]["masks"]] == [m["score"] for m in expected["objects"][0]["masks"]]
    overlay = httpx.get(found["overlay_url"])  # a picture of the masks, on this server
    assert overlay.status_code == 200 and overlay.headers["content-type"] == "image/jpeg"


def test_images_as_a_path_in_an_allowed_folder_or_a_url_of_this_server(server):
    url, service, roots = server
    expected = service.segment(COFFEE, np.array([[250, 200]])).objects[0].best_mask
    _, answers = call(url, ("segment_image", {"image": "sub/coffee.png", "points": "250 200", "overlay": True}),
                      ("segment_image", {"image": str(roots / "sub" / "coffee.png"), "points": "250 200"}))
    for error, found in answers:
        assert not error
        from pycocotools import mask as mask_utils

        best = found["objects"][0]["masks"][found["objects"][0]["best"]]["segmentation"]
        assert np.array_equal(mask_utils.decode({**best, "counts": best["counts"].encode()}).astype(bool), expected)
    overlay_url = answers[0][1]["overlay_url"]  # a file this server handed out is an image it takes
    _, [(error, found)] = call(url, ("segment_image", {"image": overlay_url, "points": "10 10"}))
    overlay = Image.open(io.BytesIO(httpx.get(overlay_url).content))
    assert not error and (found["image"]["width"], found["image"]["height"]) == overlay.size


@pytest.mark.parametrize("image, says", [
    ("../coffee.png", "is outside the images folder"),
    ("/etc/hostname", "is in none of the folders this server allows"),
    ("http://example.com/gradio_api/x.png", "is not one of this server's files"),
    ("http://127.0.0.1:1/gradio_api/file=/etc/hostname", "names no upload or result of this server"),
    ("data:image/png;base64,@@@", "cannot be decoded"),
    ("", "no image: send an image file"),
])
def test_a_bad_image_is_a_tool_error_with_our_one_line_message(server, image, says):
    _, [(error, text)] = call(server[0], ("segment_image", {"image": image, "points": "250 200"}))
    assert error and says in text and "\n" not in text


def test_a_bad_prompt_is_a_tool_error_with_our_one_line_message(server):
    _, [(error, text)] = call(server[0], ("segment_image", {"image": data_url(COFFEE), "points": "250 x"}))
    assert error and text == "points: token 2 ('x') is not a number; expected numbers separated by spaces or commas"


def test_segment_everything_and_track_are_tools_too(server, tmp_path):
    from videos import moving_shapes, write_video

    video = write_video(tmp_path / "clip.mp4", moving_shapes(4, 64, 96))
    prompts = json.dumps([{"frame": 0, "object": 1, "box": [10, 10, 40, 40]}])
    _, [(error, found), (no_tracker, text)] = call(
        server[0], ("segment_everything", {"image": data_url(COFFEE), "settings": {"points_per_side": 4}}),
        ("track_video", {"video": "data:video/mp4;base64," + base64.b64encode(video.read_bytes()).decode(),
                         "prompts": prompts}))
    assert not error and found["settings"]["points_per_side"] == 4 and isinstance(found["masks"], list)
    assert no_tracker and "track" in text and "\n" not in text  # the video arrived; this server has no video model


def test_projects_are_listed_read_and_saved_through_the_tools(server):
    url, service, _ = server
    names, answers = call(url, ("project_list", {}), ("project_images", {"project": "cups"}),
                          ("project_image", {"project": "cups", "image": "coffee.png"}))
    (_, listed), (_, images), (_, image) = answers
    assert listed == [{"name": "cups", "classes": ["cup", "saucer"], "images": 1,
                       "status": {"todo": 1, "in_progress": 0, "done": 0, "reviewed": 0}}]
    assert [i["path"] for i in images] == ["coffee.png"] and image["objects"] == []
    _, [(_, segmented)] = call(url, ("segment_image", {"image": data_url(COFFEE), "points": "250 200"}))
    rle = segmented["objects"][0]["masks"][0]["segmentation"]
    objects = json.dumps([{"segmentation": rle, "class": "cup", "source": "click", "score": 0.5}])
    _, answers = call(url, ("project_save", {"project": "cups", "image": "coffee.png", "objects": objects,
                                             "version": image["version"], "status": "done"}),
                      ("project_save", {"project": "cups", "image": "coffee.png", "objects": objects,
                                        "version": image["version"]}),
                      ("project_save", {"project": "cups", "image": "coffee.png", "version": image["version"] + 1,
                                        "objects": json.dumps([{"segmentation": rle, "class": "dog"}])}),
                      ("project_image", {"project": "nope", "image": "coffee.png"}))
    (error, saved), (stale, conflict), (bad, unknown), (missing, none) = answers
    assert not error and saved["status"] == "done" and saved["version"] == image["version"] + 1
    assert saved["objects"][0]["segmentation"] == rle and saved["objects"][0]["class"] == "cup"
    assert saved["objects"][0]["source"] == "click" and saved["objects"][0]["score"] == 0.5
    assert stale and "api" in conflict  # saved since by "api" (no logins here): nothing saved
    assert bad and "object 1: no class 'dog' in this project; its classes: cup, saucer" in unknown
    assert missing and "no project 'nope' here; the projects are: cups" in none


def test_every_page_event_is_private_so_the_api_is_its_endpoints_alone(tiny_model, tmp_path):
    from sam_app.ui.app import build_app

    named = build_app(make_service(tiny_model)).get_api_info()["named_endpoints"]
    assert set(named) == {"/segment", "/everything", "/track", "/segment_image", "/segment_everything",
                          "/track_video"}  # no project served: no project endpoints


def test_mcp_is_refused_with_logins(capsys):
    from sam_app.ui.server import main

    assert main(["--mcp", "--auth", "ann:secret"]) == 2
    assert "--mcp cannot be used with --auth" in capsys.readouterr().err


def test_webui_with_mcp_serves_the_tools(tmp_path):
    """``webui.py --mcp`` as a user starts it (no checkpoint: the classical fallback, whose
    GrabCut is not repeatable, so the masks are checked for their place, not equality)."""
    from conftest import webui_client

    with webui_client(["--mcp", "--device", "cpu"], {"SAM_CHECKPOINT_DIR": str(tmp_path)}) as client:
        url = client.src if client.src.endswith("/") else client.src + "/"
        names, [(error, found)] = call(url, ("segment_image", {"image": data_url(COFFEE), "boxes": "150 60 480 340"}))
    assert TOOLS <= names and not error and found["model"] == "classical"
    [[mask]] = masks_of(found)
    x, y, w, h = found["objects"][0]["masks"][0]["bbox"]
    assert mask["size"] == [400, 600] and w * h > 0 and 150 <= x and x + w <= 480 and 60 <= y and y + h <= 340
