"""The web UI: handlers (per-tab state, refinement, messages, Undo and Clear) and the
running app driven by gradio_client (the /segment API, caching, parallel clients, what is
served)."""

import json
import os
import re
import threading
import time
from pathlib import Path

import gradio as gr
import httpx
import numpy as np
import pytest
from gradio_client import Client, handle_file
from PIL import Image
from ui_tab import NO_PROGRESS, Tab

from sam_app.export import decode_rle
from sam_app.prompts import ObjectPrompt
from sam_app.results import SCHEMA_VERSION
from sam_app.ui import build_ui
from sam_app.ui.canvas import from_runs
from sam_app.ui.common import unchanged
from sam_app.ui.prompt_state import BACKGROUND_MODE, BOX_MODE, FOREGROUND_MODE, PromptState

from agreement import assert_agree
from conftest import IMGS, make_service

COFFEE = str(IMGS / "coffee.png")


def make_ui(service):
    with gr.Blocks():
        return build_ui(service)




def click(tab, x, y, mode=FOREGROUND_MODE, auto_run=True, multimask=True):
    evt = gr.SelectData(None, {"index": [x, y], "value": None})
    return tab.call(tab.ui.prompt.on_click, mode, auto_run, multimask, evt=evt)


def message(p, out) -> str:
    return out[p.shared.message]


def test_upload_encodes_at_once_and_click_runs(p, tab):
    service = p.shared.service
    before = tab.state("prompt")
    assert tab.session.image.width == 600 and service.encode_count == 1
    out = click(tab, 300, 200)
    state = tab.state("prompt")
    assert state.points == [(300.0, 200.0, 1, 1)] and before.points == [] and before.history == []  # not mutated
    # a click answers with what it changed: the canvas's value (the picture's file, the
    # masks as runs, the markers); the Result picture follows in a chained step
    assert set(out) <= set(p.click_outputs) and p.result_image not in out and p.shared.status not in out
    assert p.instances not in out  # no text instances before or after
    shown = out[p.canvas]
    assert (shown["width"], shown["height"], shown["mask_width"], shown["mask_height"]) == (600, 400, 600, 400)
    assert Image.open(shown["image"]).size == (600, 400) and shown["points"] == [[300.0, 200.0, 1]]
    [drawn] = shown["objects"]
    best = state.result.objects[0].best
    assert drawn["selected"]
    assert np.array_equal(from_runs(drawn["runs"], (400, 600)), state.result.objects[0].mask(best))
    picture = p.on_result_picture(tab.session, state)
    assert Image.open(picture).format == "JPEG" and Image.open(picture).size == (600, 400)
    assert p.on_result_picture(tab.session, p.new_state()) is None
    assert "1 object(s)" in message(p, out) and "foreground point (300, 200)" in out[p.prompt_list]
    radio = out[p.candidates]
    assert radio["visible"] and len(radio["choices"]) == 3 and radio["value"] == state.result.objects[0].best
    assert service.encode_count == 1
    # the previous result's download files are cleared; new ones are written when asked for
    assert out[p.downloads] is None
    ready = tab.call(p.on_downloads)
    names = sorted(f.rsplit("/", 1)[1] for f in ready[p.downloads])
    best = state.result.objects[0].best  # object<id>_mask<candidate>: the result JSON's numbering (README)
    assert names == ["coffee_cutout.png", "coffee_masks.json", f"coffee_object1_mask{best}.png", "coffee_overlay.png"]
    assert message(p, ready).startswith("4 file(s) ready to download")
    assert message(p, p.on_downloads(tab.session, p.new_state())).startswith("Error: Nothing to download yet")


def test_clicks_and_prompt_edits_skip_the_queue_and_clicks_wait_for_a_model_slot(tiny_model):
    """Clicks and prompt edits run off Gradio's queue (its round trip cost more than the
    edits themselves); a click's model work then waits for one of the app's model slots."""
    with gr.Blocks() as demo:
        ui = build_ui(make_service(tiny_model), model_concurrency=1)
    p = ui.prompt
    # the Prompt mode's events (the Everything mode has an on_click of its own)
    wiring = {fn.name: fn for fn in demo.fns.values() if getattr(fn.fn, "__self__", None) is p}
    for name in ("on_click", "on_add_points", "on_add_boxes", "on_undo", "on_clear", "on_pick", "on_result_picture"):
        assert wiring[name].queue is False and wiring[name].show_progress == "hidden", name
    for name in ("on_run", "on_add_text", "on_downloads"):  # long or model work: queued, with progress
        assert wiring[name].queue is not False and wiring[name].show_progress != "hidden", name
    picker = next(fn for fn in demo.fns.values() if getattr(fn.fn, "__self__", None) is ui.picker)
    assert picker.queue is not False and picker.show_progress != "hidden"  # a new image is encoded at once
    assert wiring["on_result_picture"].js  # asked for once the canvas picture is shown

    tab = Tab(ui)
    tab.open(COFFEE)
    slots = p.shared.model_slots
    assert slots.acquire(blocking=False) and not slots.acquire(blocking=False)  # model_concurrency=1: one place
    answers = []
    worker = threading.Thread(target=lambda: answers.append(click(tab, 300, 200)))
    worker.start()
    worker.join(0.5)
    assert worker.is_alive() and not answers  # waiting for the place
    slots.release()
    worker.join(60)
    assert answers and "1 object(s)" in message(p, answers[0])
    assert slots.acquire(blocking=False)  # given back
    slots.release()


def test_ui_result_equals_the_engine(p, tab):
    click(tab, 300, 200, auto_run=False)
    click(tab, 100, 100, mode=BACKGROUND_MODE, auto_run=False)
    tab.call(p.on_run, False)
    engine = p.shared.service.segment(COFFEE, points=[[300, 200], [100, 100]], labels=[1, 0])
    np.testing.assert_array_equal(tab.state("prompt").result.objects[0].masks, engine.objects[0].masks)


def test_candidate_pick_drives_downloads_and_refinement(p, tab):
    click(tab, 300, 200)
    obj = tab.state("prompt").result.objects[0]
    pick = (obj.best + 1) % 3
    out = tab.call(p.on_pick, pick)
    assert tab.state("prompt").choices == [pick] and message(p, out) == f"Candidate {pick + 1} selected."
    assert out[p.downloads] is None
    files = tab.call(p.on_downloads)[p.downloads]
    mask_file = next(f for f in files if f.endswith(f"_object1_mask{pick}.png"))
    np.testing.assert_array_equal(np.asarray(Image.open(mask_file)) > 0, obj.masks[pick])
    data = json.loads(open(next(f for f in files if f.endswith(".json"))).read())
    assert data["schema_version"] == SCHEMA_VERSION and data["image"]["width"] == 600
    (record,) = data["objects"]
    assert record["selected"] == pick and record["best"] == obj.best and len(record["masks"]) == 1
    (mask,) = record["masks"]
    np.testing.assert_array_equal(decode_rle(mask["segmentation"]), obj.masks[pick])
    assert mask["area"] == int(obj.masks[pick].sum()) and mask["candidate"] == pick
    assert mask["file"] == f"coffee_object1_mask{pick}.png" and abs(mask["score"] - float(obj.scores[pick])) < 1e-5
    assert data["image"]["file_name"] == "coffee.png"  # the file's name, as the CLI writes it
    cutout = np.asarray(Image.open(next(f for f in files if f.endswith("_cutout.png"))))
    assert cutout.shape[2] == 4 and (cutout[..., 3] > 0).sum() == obj.masks[pick].sum()

    # adding a point feeds the picked candidate's low-res logits back as mask_input
    refined = click(tab, 320, 220, mode=BACKGROUND_MODE, multimask=False)
    assert "1 refined with the previous mask" in message(p, refined)
    expected = p.shared.service.segment(COFFEE, points=[[300, 200], [320, 220]], labels=[1, 0],
                                        mask_input=obj.low_res_logits[pick][None])
    np.testing.assert_array_equal(tab.state("prompt").result.objects[0].masks, expected.objects[0].masks)


def test_box_by_two_clicks_undo_and_clear(p, tab):
    click(tab, 400, 300, mode=BOX_MODE)
    assert tab.state("prompt").pending == (400.0, 300.0) and not tab.state("prompt").boxes
    out = click(tab, 400, 50, mode=BOX_MODE)  # a failed click drops the half-made box, nothing else
    assert message(p, out) == ("Error: A box needs two corners that differ in both X and Y; click again. "
                               "(the box's first corner was dropped)")
    assert tab.state("prompt").pending is None and "box corner" not in out[p.prompt_list]
    click(tab, 400, 300, mode=BOX_MODE)
    assert message(p, tab.call(p.on_escape)) == "The box's first corner was dropped."  # Esc
    assert tab.state("prompt").pending is None and tab.call(p.on_escape) == unchanged()
    click(tab, 400, 300, mode=BOX_MODE)
    click(tab, 200, 100, mode=BOX_MODE)
    state = tab.state("prompt")
    assert state.boxes == [(200.0, 100.0, 400.0, 300.0)] and state.result is not None
    assert len(state.result.objects) == 1
    tab.call(p.on_undo)
    assert tab.state("prompt").boxes == [] and tab.state("prompt").pending == (400.0, 300.0)
    tab.call(p.on_undo)
    assert tab.state("prompt").pending is None
    for _ in range(2):  # the two first corners dropped above
        assert tab.call(p.on_undo)[p.shared.message] == "Undone." and tab.state("prompt").pending is None
    assert message(p, tab.call(p.on_undo)) == "Nothing to undo."
    click(tab, 10, 10)
    tab.call(p.on_clear)
    assert tab.state("prompt").points == [] and tab.state("prompt").result is None


def test_typed_points_and_boxes_like_the_original_ui(p, tab):
    empty = tab.state("prompt")
    out = tab.call(p.on_add_points, "100 150 250 300", "", FOREGROUND_MODE)
    assert tab.state("prompt").points == [(100, 150, 1, 1), (250, 300, 1, 1)] and out[p.points_text] == ""
    tab.call(p.on_add_points, "(50,60)", "", BACKGROUND_MODE)
    assert tab.state("prompt").points[-1] == (50, 60, 0, 1)
    out = tab.call(p.on_add_boxes, "90 140 260 310 40 50 60 70")
    assert message(p, out) == "Added 2 box(es): 90 140 260 310 40 50 60 70."
    assert len(tab.state("prompt").boxes) == 2
    out = tab.call(p.on_run, False)
    assert len(tab.state("prompt").result.objects) == 2 and Image.open(out[p.result_image]).size == (600, 400)
    preview = tab.call(p.on_preview)
    assert preview[p.preview].ndim == 3 and message(p, preview) == "Preview: prompt drawn on pixel axes."
    empty = p.on_preview(tab.session, empty)
    assert empty[p.preview].shape[0] > 400 and message(p, empty) == "Preview: read coordinates off the axes."


def shows_masks(tab, out) -> bool:
    """Whether the canvas of ``out`` shows masks: an object with a pixel in its runs."""
    shown = out[tab.ui.prompt.canvas]
    return any(from_runs(o["runs"], (shown["mask_height"], shown["mask_width"])).any() for o in shown["objects"])


def check_result_is_the_prompts(tab, out, masks: bool) -> None:
    """The canvas, the result and Prepare downloads all follow the prompt in the list:
    with ``masks`` every object of the prompt and nothing else; without, none at all."""
    p, state = tab.ui.prompt, tab.state("prompt")
    assert shows_masks(tab, out) == masks
    ready = tab.call(p.on_downloads)
    if not masks:
        assert state.result is None and "Nothing to download yet" in message(p, ready)
        return
    def key(prompt):
        return None if prompt.box is None else prompt.box.tolist(), prompt.points.tolist(), prompt.labels.tolist()

    objects = state.objects((400, 600))
    assert [key(o.prompt) for o in state.result.objects] == [key(o) for o in objects]
    data = json.loads(open(next(f for f in ready[p.downloads] if f.endswith(".json"))).read())
    assert [(o["prompt"]["box"], o["prompt"]["points"]) for o in data["objects"]] == [
        (None if o.box is None else o.box.tolist(), o.points.tolist()) for o in objects]


def test_undo_gives_back_the_result_that_went_with_the_prompt(p, tab):
    """Undo left the removed object on screen and in the downloads (issue 27): a click, two
    typed boxes and a refined click undone, each checked on the canvas, the result and the
    downloads."""
    out = click(tab, 300, 200)
    check_result_is_the_prompts(tab, out, masks=True)
    out = tab.call(p.on_undo)
    assert message(p, out) == "Undone." and tab.state("prompt").points == []
    check_result_is_the_prompts(tab, out, masks=False)

    tab.call(p.on_add_boxes, "100 50 300 250 350 100 550 350")
    out = tab.call(p.on_run, False)
    check_result_is_the_prompts(tab, out, masks=True)
    out = tab.call(p.on_undo)  # the boxes go, and their masks with them
    assert tab.state("prompt").boxes == []
    check_result_is_the_prompts(tab, out, masks=False)

    click(tab, 300, 200)
    first = tab.state("prompt").result
    out = click(tab, 320, 230, multimask=False)
    assert "refined with the previous mask" in message(p, out)
    check_result_is_the_prompts(tab, out, masks=True)
    out = tab.call(p.on_undo)  # back to one point, with the masks it had
    assert tab.state("prompt").points == [(300.0, 200.0, 1, 1)] and tab.state("prompt").result is first
    assert out[p.candidates]["visible"]  # its three candidates again
    check_result_is_the_prompts(tab, out, masks=True)


def test_clear_is_one_more_step_of_the_history(p, tab):
    click(tab, 300, 200)
    click(tab, 100, 100, mode=BACKGROUND_MODE)
    before = tab.state("prompt")
    out = tab.call(p.on_clear)
    assert message(p, out) == "Prompt cleared (Undo brings it back)." and tab.state("prompt").points == []
    check_result_is_the_prompts(tab, out, masks=False)
    out = tab.call(p.on_undo)
    assert tab.state("prompt").points == before.points and tab.state("prompt").result is before.result
    check_result_is_the_prompts(tab, out, masks=True)
    for _ in range(2):
        tab.call(p.on_undo)
    assert tab.state("prompt").points == [] and message(p, tab.call(p.on_undo)) == "Nothing to undo."


@pytest.mark.parametrize("points, labels, boxes, text", [
    ("10 abc", "", "", "points: token 2 ('abc') is not a number"),
    ("10 20 30", "", "", "got 3 numbers, but points come in X Y pairs"),
    ("10 20", "1 0", "", "got 2 labels for 1 points"),
    ("10 20", "5", "", "labels: label 1 is 5"),
    ("900 20", "", "", "point 1 (900, 20) is outside the 600x400 image"),
    ("", "", "1 2 3", "boxes: got 3 numbers"),
    ("", "", "1 2 x 4", "boxes: token 3 ('x')"),
    ("", "", "50 50 10 10", "box 1 (50 50 10 10) is degenerate"),
    ("", "", "0 0 700 100", "reaches outside the 600x400 image"),
    ("", "", "", "the field is empty"),
])
def test_every_prompt_error_is_a_readable_message(p, tab, points, labels, boxes, text):
    if points or not boxes:
        out = tab.call(p.on_add_points, points, labels, FOREGROUND_MODE)
    else:
        out = tab.call(p.on_add_boxes, boxes)
    assert message(p, out).startswith("Error: ") and text in message(p, out)
    assert p.state not in out  # nothing half-added


def test_a_background_point_then_a_box_make_one_object(p, tab):
    click(tab, 120, 90, mode=BACKGROUND_MODE)  # outside the box to come: it still belongs to its object
    click(tab, 200, 100, mode=BOX_MODE)
    out = click(tab, 400, 300, mode=BOX_MODE)
    state = tab.state("prompt")
    assert not message(p, out).startswith("Error") and len(state.result.objects) == 1
    obj = state.result.objects[0].prompt
    np.testing.assert_array_equal(obj.box, [200, 100, 400, 300])
    np.testing.assert_array_equal(obj.points, [[120, 90]])
    np.testing.assert_array_equal(obj.labels, [0])
    expected = p.shared.service.segment_objects(p.shared.image(tab.session), [
        ObjectPrompt(np.float32([[120, 90]]), np.int32([0]), np.float32([200, 100, 400, 300]))], multimask=True)
    assert_agree(state.result.objects[0].masks, expected.objects[0].masks)


def test_new_object_makes_clicks_build_several_objects(p, tab):
    click(tab, 300, 200)
    click(tab, 320, 210)  # the same object: refined
    assert message(p, tab.call(p.on_new_object)) == "Object 2 begun: clicks now add to it."
    assert tab.call(p.on_new_object)[p.shared.message].startswith("The current object is empty already")
    out = click(tab, 100, 100)
    state = tab.state("prompt")
    assert len(state.result.objects) == 2 and state.object_ids() == [1, 2]
    assert [len(o.prompt.points) for o in state.result.objects] == [2, 1]
    assert "**object 2** ← clicks add here" in out[p.prompt_list]
    expected = p.shared.service.segment_objects(
        p.shared.image(tab.session), [ObjectPrompt(np.float32([[300, 200], [320, 210]]), np.int32([1, 1])),
                      ObjectPrompt(np.float32([[100, 100]]), np.int32([1]))], multimask=False)
    for got, want in zip(state.result.objects, expected.objects):
        assert_agree(got.masks, want.masks)
    # a point inside another object's box refines that object, not the current one
    tab.call(p.on_new_object)
    click(tab, 400, 250, mode=BOX_MODE)
    click(tab, 550, 390, mode=BOX_MODE)
    tab.call(p.on_new_object)
    click(tab, 500, 300, mode=BACKGROUND_MODE)
    state = tab.state("prompt")
    assert state.object_ids() == [1, 2, 3] and state.points[-1] == (500.0, 300.0, 0, 3)
    tab.call(p.on_undo)
    tab.call(p.on_undo)
    assert tab.state("prompt").current == 3 and len(tab.state("prompt").result.objects) == 3


def test_bad_image_and_missing_checkpoint_are_messages(tmp_path):
    from sam_app.service import SamService

    ui = make_ui(SamService(device="cpu", precision="fp32", checkpoint_dir=tmp_path))
    p, tab = ui.prompt, Tab(ui)
    (tmp_path / "bad.png").write_bytes(b"nope")
    out = tab.open(str(tmp_path / "bad.png"))  # the upload's messages are the page's (beside the upload)
    assert out[ui.shared.message].startswith("Error: ") and "not a readable image" in out[ui.shared.message]
    # no checkpoint: the classical backend answers, and the page says so plainly
    out = tab.open(COFFEE)
    assert out[ui.shared.message].startswith("Image ready")
    status = out[p.shared.status]
    assert status.startswith("**OpenCV GrabCut** (classical, no weights): no checkpoint found in")
    assert "Download" in status
    tab.call(p.on_add_boxes, "170 20 480 330")
    tab.call(p.on_run, True)
    assert tab.state("prompt").result.model == "classical" and tab.state("prompt").result.objects[0].masks.any()
    # a SAM model picked without its checkpoint: the message offers its download (with the size), the
    # button is pressable only then, and the tab keeps its model, so clicks go on working
    bar = ui.model_bar
    assert not bar.download_button("classical")["interactive"]
    picked = tab.pick_model("vit_b")
    assert picked[ui.shared.message].startswith("vit_b is not on this server yet: press **Download** (375 MB)")
    assert picked[bar.download]["interactive"] and picked[bar.download]["value"] == "Download (375 MB)"
    assert picked[bar.model]["value"] == "vit_b" and tab.session.model is None
    tab.call(p.on_run, True)
    assert tab.state("prompt").result.model == "classical"
    assert ("vit_b (checkpoint missing)", "vit_b") in bar.choices()


def test_download_button_fetches_verifies_and_switches(tmp_path, monkeypatch):
    from test_download import PAYLOAD, Server, serve_payload_as_vit_b

    from sam_app.service import SamService

    server = Server()
    try:
        serve_payload_as_vit_b(monkeypatch, server)
        ui = make_ui(SamService(device="cpu", precision="fp32", checkpoint_dir=tmp_path))
        tab = Tab(ui)
        seen = []
        out = tab.keep(ui.model_bar.on_download("vit_b", tab.session, lambda f, desc="": seen.append(f)))
        assert (tmp_path / "sam_vit_b_01ec64.pth").read_bytes() == PAYLOAD and seen[-1] == 1.0
        assert out[ui.shared.message].startswith("Downloaded and verified sam_vit_b_01ec64.pth. Error: ")
        assert tab.session.model == "vit_b"
        # the payload (bytes 0..255 repeated) is no checkpoint, so loading it says so and nothing breaks
        assert "is not a PyTorch checkpoint of plain tensors, or is corrupt" in out[ui.shared.message]
        server.status = 404
        (tmp_path / "sam_vit_b_01ec64.pth").unlink()
        out = ui.model_bar.on_download("vit_b", tab.session, NO_PROGRESS)
        assert out[ui.shared.message].startswith("Error: HTTP 404")
    finally:
        server.httpd.shutdown()


def test_network_servers_need_a_login_or_warn_and_keep_downloads_off(tmp_path, tiny_model):
    """0.0.0.0 gave no warning, no way to require a login, and any visitor could make the
    server download gigabytes."""
    from sam_app.errors import SamAppError
    from sam_app.ui.app import build_ui, exposure_warning, is_local, parse_auth

    assert parse_auth("ann:secret, bob:pw") == [("ann", "secret"), ("bob", "pw")] and parse_auth(None) == []
    with pytest.raises(SamAppError, match="expected USER:PASSWORD"):
        parse_auth("ann")
    assert exposure_warning("127.0.0.1", False, []) is None and exposure_warning("0.0.0.0", False, [("a", "b")]) is None
    assert "0.0.0.0, open to the network, with no login" in exposure_warning("0.0.0.0", False, [])
    assert "gradio.live" in exposure_warning("127.0.0.1", True, [])
    assert is_local("localhost") and not is_local("0.0.0.0") and not is_local("127.0.0.1", share=True)
    with gr.Blocks():
        ui = build_ui(make_service(tiny_model, checkpoint_dir=tmp_path), allow_downloads=False, local=False)
    tab = Tab(ui)
    out = ui.model_bar.on_download("vit_b", tab.session, NO_PROGRESS)
    assert "off on a server open to the network" in out[ui.shared.message] and not list(tmp_path.iterdir())
    # Texts name the server's folders without spelling them out ("checkpoint missing in /srv/...").
    tab.session.model = "vit_b"
    status = ui.shared.status_text(tab.session)
    assert "checkpoint missing in the server's checkpoint folder" in status and str(tmp_path) not in status
    out = tab.open(str(tmp_path / "missing.png"))
    assert str(tmp_path) not in out[ui.shared.message]


def test_login_is_required_with_auth(tiny_model, tmp_path):
    from conftest import launched

    with launched(make_service(tiny_model, checkpoint_dir=tmp_path), auth=[("ann", "secret")]) as (_, _, url):
        assert httpx.get(url + "config").status_code == 401
        with httpx.Client() as browser:
            assert browser.post(url + "login", data={"username": "ann", "password": "wrong"}).status_code == 400
            assert browser.post(url + "login", data={"username": "ann", "password": "secret"}).status_code == 200
            assert browser.get(url + "config").status_code == 200


# ------------------------------------------------------------------ the running app


def masks_of(record) -> list:
    return [decode_rle(m["segmentation"]) for m in record["masks"]]


def test_api_segment_equals_the_engine_and_encodes_once(served, client, tiny_model):
    service, _ = served
    service.clear_cache()
    before = service.encode_count
    reference = make_service(tiny_model)
    for i in range(10):
        data, overlay = client.predict(handle_file(COFFEE), f"{250 + 10 * i} 200 100 50", "1 0",
                                       "", i == 0, api_name="/segment")
        expected = reference.segment(COFFEE, points=[[250 + 10 * i, 200], [100, 50]], labels=[1, 0], multimask=i == 0)
        assert data["schema_version"] == SCHEMA_VERSION and data["model"] == "tiny"
        assert data["image"] == {"file_name": None, "width": 600, "height": 400, "image_id": data["image"]["image_id"]}
        (obj,) = data["objects"]
        ours = masks_of(obj)
        assert len(ours) == (3 if i == 0 else 1)
        for mask, record, expected_mask in zip(ours, obj["masks"], expected.objects[0].masks):
            np.testing.assert_array_equal(mask, expected_mask)
            assert record["area"] == int(expected_mask.sum())
        np.testing.assert_allclose([m["score"] for m in obj["masks"]], expected.objects[0].scores, atol=1e-5)
        assert obj["best"] == obj["selected"] == expected.objects[0].best
        assert obj["prompt"] == {"box": None, "points": [[250 + 10 * i, 200], [100, 50]], "labels": [1, 0],
                                 "mask_input": False}
        assert Image.open(overlay).size == (600, 400)
    assert service.encode_count - before == 1
    boxes = client.predict(handle_file(COFFEE), "", "", "10 10 200 200 300 100 500 390", False, api_name="/segment")[0]
    assert [o["prompt"]["box"] for o in boxes["objects"]] == [[10, 10, 200, 200], [300, 100, 500, 390]]
    from sam_app.results import xywh

    for obj in boxes["objects"]:
        assert obj["masks"][0]["bbox"] == xywh(masks_of(obj)[0])


def test_api_prompts_again_by_image_id_without_sending_the_image(served, client, tiny_model):
    service, _ = served
    first, overlay = client.predict(handle_file(COFFEE), "300 200", "", "", False, api_name="/segment")
    image_id = first["image"]["image_id"]
    assert overlay is not None and len(image_id) == 32
    encodings = service.encode_count
    again, none = client.predict(None, "320 210 100 50", "1 0", "", True, False, image_id, api_name="/segment")
    assert none is None  # overlay=False: masks only
    assert again["image"]["image_id"] == image_id and service.encode_count == encodings
    expected = make_service(tiny_model).segment(COFFEE, points=[[320, 210], [100, 50]], labels=[1, 0], multimask=True)
    for mask, expected_mask in zip(masks_of(again["objects"][0]), expected.objects[0].masks):
        np.testing.assert_array_equal(mask, expected_mask)
    with pytest.raises(Exception, match="unknown image_id 'nope': it was never sent"):
        client.predict(None, "10 10", "", "", False, False, "nope", api_name="/segment")
    with pytest.raises(Exception, match="no image: send an image file, or the image_id of an earlier result"):
        client.predict(None, "10 10", api_name="/segment")


def test_the_benchmarks_api_client_still_speaks_the_api(served):
    """benchmarks/run.py times /segment through benchmarks/api_client.py in a process of
    its own, as a user's script: it once read image_id where the result no longer has it,
    and every full benchmark run stopped there."""
    import subprocess
    import sys

    from conftest import REPO

    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "api_client.py"), served[1], COFFEE, "300 200",
                          "2"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    times = json.loads(run.stdout.strip().splitlines()[-1])
    assert {kind: len(samples) for kind, samples in times.items()} == {"file_and_overlay": 2, "by_id_masks_only": 2}


def test_api_errors_are_readable(client):
    with pytest.raises(Exception, match=r"points: token 2 \('abc'\) is not a number"):
        client.predict(handle_file(COFFEE), "10 abc", "", "", False, api_name="/segment")
    with pytest.raises(Exception, match="lies inside no box"):
        client.predict(handle_file(COFFEE), "300 300", "", "0 0 10 10", False, api_name="/segment")


def test_api_limits_and_time_budget_are_messages_and_the_server_goes_on(client, monkeypatch):
    from sam_app.limits import LIMITS

    boxes = " ".join(f"{x} 10 {x + 50} 60" for x in range(0, 400, 5))  # 80 objects: 3 chunks
    monkeypatch.setattr(LIMITS, "request_seconds", 1e-6)
    with pytest.raises(Exception, match=r"over its time budget of 1e-06 s: at the pace of the first 32 of 80 objects"):
        client.predict(handle_file(COFFEE), "", "", boxes, False, False, api_name="/segment")
    monkeypatch.setattr(LIMITS, "max_objects", 4)
    with pytest.raises(Exception, match="80 boxes; at most 4 objects .*--max-objects or the SAM_MAX_OBJECTS"):
        client.predict(handle_file(COFFEE), "", "", boxes, False, False, api_name="/segment")
    monkeypatch.setattr(LIMITS, "max_everything_points", 15)
    with pytest.raises(Exception, match="ask for 16 point prompts .*at most 15"):
        client.predict(handle_file(COFFEE), "", {"points_per_side": 4}, False, api_name="/everything")
    monkeypatch.undo()
    data, _ = client.predict(handle_file(COFFEE), "10 10", "", "", False, False, api_name="/segment")
    assert len(data["objects"]) == 1


def test_flags_and_environment_set_the_limits(monkeypatch):
    import sys

    from sam_app.errors import SamAppError
    from sam_app.limits import LIMITS, Limits, apply_arguments

    from conftest import REPO

    sys.path.insert(0, str(REPO))
    import webui

    for name in vars(LIMITS).copy():
        monkeypatch.setattr(LIMITS, name, getattr(LIMITS, name))  # put back afterwards
    args = webui.parse_args(["--max-points", "5", "--request-seconds", "2.5", "--image-cache-mb", "64"])
    apply_arguments(args)
    assert (LIMITS.max_points, LIMITS.max_objects, LIMITS.request_seconds) == (5, 256, 2.5)
    assert args.image_cache_mb == 64 and args.everything_seconds == 900
    monkeypatch.setenv("SAM_MAX_OBJECTS", "7")
    assert Limits.from_env().max_objects == 7
    monkeypatch.setenv("SAM_MAX_OBJECTS", "many")
    with pytest.raises(SamAppError, match="SAM_MAX_OBJECTS='many' is not a valid value"):
        Limits.from_env()


def test_an_overlay_is_reachable_only_by_its_unguessable_address(served):
    """Gradio serves any file under its upload folder to whoever names it, and the
    address it hands out shows our output folder: files there had tempfile's names."""
    _, url = served
    upload = httpx.post(f"{url}gradio_api/upload", files={"files": open(COFFEE, "rb")}).json()[0]
    image = {"path": upload, "meta": {"_type": "gradio.FileData"}}
    payload = {"data": [image, "10 10", "", "", False, True, "", "", "", 0.3, ""]}
    event = httpx.post(f"{url}gradio_api/call/segment", json=payload).json()["event_id"]
    stream = httpx.get(f"{url}gradio_api/call/segment/{event}", timeout=60).text
    overlay = json.loads(stream.split("data: ", 2)[-1].strip())[1]
    address = overlay["url"].split("file=", 1)[1]
    assert re.search(r"/sam_app_outputs_[0-9a-f]{32}\w+/[0-9a-f]{32}\.jpg$", address)
    assert httpx.get(overlay["url"]).status_code == 200
    folder = Path(address).parent
    assert httpx.get(f"{url}gradio_api/file={folder}").status_code == 403  # no listing
    assert httpx.get(f"{url}gradio_api/file={folder / 'tmp00000000.jpg'}").status_code == 403


def test_api_image_errors_name_the_file_not_the_server_folders(client, tmp_path, coffee):
    """Decoding errors named the upload's full path (the server's folders)."""
    data = (tmp_path / "c.jpg")
    Image.fromarray(coffee).save(data)
    (tmp_path / "cut.jpg").write_bytes(data.read_bytes()[:100])
    with pytest.raises(Exception) as info:
        client.predict(handle_file(str(tmp_path / "cut.jpg")), "10 10", "", "", False, api_name="/segment")
    text = str(info.value)
    assert "cut.jpg is truncated or corrupt" in text and "/" not in text.split("cut.jpg")[0][-40:]
    assert gr.utils.get_upload_folder() not in text and "sam_app_tests" not in text


def test_two_clients_in_parallel_get_their_own_masks(served, tiny_model):
    _, url = served
    reference = make_service(tiny_model)
    images = {"coffee": COFFEE, "astronaut": str(IMGS / "astronaut.png")}
    expected = {k: reference.segment(v, points=[[200, 200]]).objects[0].masks[0] for k, v in images.items()}
    failures, done = [], []

    def worker(name):
        client = Client(url, verbose=False)
        for _ in range(4):
            data, _ = client.predict(handle_file(images[name]), "200 200", "", "", False, api_name="/segment")
            done.append(name)
            if not np.array_equal(masks_of(data["objects"][0])[0], expected[name]):
                failures.append(name)

    threads = [threading.Thread(target=worker, args=(n,)) for n in images]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not failures and len(done) == 8


def test_nothing_outside_uploads_is_read_or_served(served):
    service, url = served
    secret = service.checkpoint_dir  # the fixture's own temporary folder
    (secret / "sam_vit_b_01ec64.pth").write_bytes(b"weights")
    assert httpx.get(f"{url}gradio_api/file={secret / 'sam_vit_b_01ec64.pth'}").status_code == 403
    assert httpx.get(f"{url}gradio_api/file={IMGS / 'coffee.png'}").status_code == 403
    assert httpx.get(f"{url}monitoring").status_code == 403  # disabled
    # no open redirect (or fetch) of another address through the file route
    assert httpx.get(f"{url}gradio_api/file=http://127.0.0.1:9/x").status_code == 403
    # a raw request naming a local file instead of uploading one is refused
    payload = {"data": [{"path": COFFEE, "meta": {"_type": "gradio.FileData"}}, "10 10", "", "", False]}
    event = httpx.post(f"{url}gradio_api/call/segment", json=payload).json()["event_id"]
    stream = httpx.get(f"{url}gradio_api/call/segment/{event}", timeout=60).text
    assert "event: error" in stream and "complete" not in stream


def test_api_function_itself_refuses_paths_outside_uploads(ui):
    """A file dict naming a server path is a path, and this server allows none (no --image-roots)."""
    with pytest.raises(gr.Error, match="is a path, and this server allows none"):
        ui.api.segment({"path": str(COFFEE)}, "10 10")
    with pytest.raises(gr.Error, match="the image is missing or not text"):
        ui.api.segment({"path": 5}, "10 10")


def test_large_images_show_at_full_size_with_masks_at_display_size(ui, p, tmp_path, coffee):
    big = np.asarray(Image.fromarray(coffee).resize((4500, 3000)))
    path = tmp_path / "big.jpg"
    Image.fromarray(big).save(path, quality=90)
    tab = Tab(ui)
    out = tab.open(str(path))
    shown = out[p.canvas]  # the picture at full size (the canvas zooms into it), masks at display size
    assert Image.open(shown["image"]).size == (4500, 3000)
    assert (shown["mask_width"], shown["mask_height"]) == (2048, 1365)
    # the canvas sends the image pixel under the pointer
    out = click(tab, 2251, 1499)
    state = tab.state("prompt")
    assert state.points[0][:2] == (2251, 1499) and "(2251, 1499)" in out[p.prompt_list]
    assert Image.open(p.on_result_picture(tab.session, state)).size == (2048, 1365)
    drawn = from_runs(out[p.canvas]["objects"][0]["runs"], (1365, 2048))
    best = state.result.objects[0].best
    assert np.array_equal(drawn, state.result.objects[0].mask_at(best, (1365, 2048)))
    assert state.result.objects[0].masks.shape == (3, 3000, 4500)  # masks stay full size
    files = tab.call(p.on_downloads)[p.downloads]
    assert Image.open(next(f for f in files if "_object1_mask" in f)).size == (4500, 3000)
    assert Image.open(next(f for f in files if f.endswith("_overlay.png"))).size == (4500, 3000)
    click(tab, 4499, 2999, auto_run=False)  # the far corner pixel
    assert tab.state("prompt").points[-1][:2] == (4499.0, 2999.0)
    assert "outside the picture" in message(p, click(tab, 4501, 10, auto_run=False))


def test_api_decodes_a_file_sent_again_only_once(client, monkeypatch):
    """Gradio writes each upload anew (new modification time) into a folder named by the
    sha256 of its bytes; that name keys the decoded image."""
    from sam_app.service import image_store

    decoded = []
    real = image_store.load_image
    monkeypatch.setattr(image_store, "load_image",
                        lambda source, limit: decoded.append(source) or real(source, limit))
    path = str(IMGS / "rocket.jpg")
    first = [client.predict(handle_file(path), "100 100", api_name="/segment")[0] for _ in range(3)]
    assert len([s for s in decoded if isinstance(s, str)]) == 1
    assert len({r["image"]["image_id"] for r in first}) == 1


def test_old_output_files_are_removed(p, coffee):
    outputs = p.shared.outputs
    old_file, old_folder = outputs.root / "old.jpg", outputs.root / "old_downloads"
    old_file.write_bytes(b"x")
    old_folder.mkdir()
    (old_folder / "mask.png").write_bytes(b"x")
    two_hours_ago = time.time() - 7200
    for path in (old_file, old_folder):
        os.utime(path, (two_hours_ago, two_hours_ago))
    shown = outputs.jpeg_file(coffee)
    assert Image.open(shown).size == (600, 400)
    assert not old_file.exists() and not old_folder.exists()


def test_output_folders_of_ended_processes_go_and_outputs_stay_within_their_budget(tmp_path, coffee):
    """Outputs of earlier runs were never removed, and display files piled up for an hour."""
    import subprocess
    import sys

    from sam_app.ui.outputs import OWNER, PROCESS_TOKEN, Outputs, claim_folder

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        folders = {name: tmp_path / f"sam_app_outputs_{name}" for name in ("ended", "unowned", "alive", "mine")}
        for folder in folders.values():
            folder.mkdir()
            (folder / "overlay.jpg").write_bytes(b"x" * 1000)
        (folders["ended"] / f"{OWNER}x").write_text(f"{ended.stdout.strip()} token")
        (folders["alive"] / f"{OWNER}x").write_text(f"{alive.pid} token")
        (folders["mine"] / f"{OWNER}x").write_text(f"{os.getpid()} {PROCESS_TOKEN}")  # another UI of this process
        (folders["unowned"] / "overlay.jpg").write_bytes(b"x")  # no owner: an older version's, or a crash's
        restarted = tmp_path / "sam_app_outputs_reused"
        restarted.mkdir()
        (restarted / f"{OWNER}x").write_text(f"{os.getpid()} an-earlier-process-with-our-id")
        mine = claim_folder(tmp_path)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, folders["alive"].name,
                                                                     folders["mine"].name])
    finally:
        alive.kill()

    outputs = Outputs(tmp_path / "budget", max_bytes=3 * 10_000)
    now = time.time()
    for k in range(6):  # six recent files of 10 kB, oldest first
        path = outputs.root / f"picture{k}.jpg"
        path.write_bytes(b"x" * 10_000)
        os.utime(path, (now - 60 + k, now - 60 + k))
    new = Path(outputs.jpeg_file(coffee))  # prunes first: over the budget, the oldest go until it fits
    assert sorted(p.name for p in outputs.root.iterdir()) == sorted(["picture3.jpg", "picture4.jpg", "picture5.jpg",
                                                                     new.name])


def test_a_checkpoint_given_by_path_counts_as_present(tmp_path, tiny_model):
    """Started with --checkpoint elsewhere, the picker and status line know the file."""
    import torch

    from sam_app.service import SamService

    from models import tiny_sam  # noqa: F401 - the tiny model is no official size: use a vit_b-shaped stand-in

    path = tmp_path / "elsewhere" / "my_vit_b.pth"
    path.parent.mkdir()
    torch.save({"image_encoder.patch_embed.proj.weight": torch.zeros(768, 3, 16, 16)}, path)
    ui = make_ui(SamService(model_type="vit_b", checkpoint=path, checkpoint_dir=tmp_path / "empty", device="cpu"))
    assert ("vit_b (checkpoint present)", "vit_b") in ui.model_bar.choices()
    status = ui.shared.status_text()
    assert status.startswith("Model **vit_b**") and "loads on first use" in status and "Download" not in status


@pytest.mark.slow
def test_short_load_run_mixes_nothing_fails_nothing_and_keeps_memory_flat():
    """benchmarks/load.py for 40 s with 4 clients on the tiny model (the benchmark runs 8
    clients for 5 minutes on a random vit_b)."""
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    import load

    process, url = load.start_server("tiny", 7872)
    try:
        stats = load.run_load(url, process.pid, 4, 40, load.service_for(load.build_model("tiny"), "tiny"), warmup=0.5)
    finally:
        process.terminate()
        process.wait(30)
    assert stats["mixed"] == 0 and stats["unexpected"] == [], stats["unexpected"][:3]
    assert len(stats["by_id"]) >= 8 and len(stats["bad_prompt"]) >= 1
    assert abs(stats["rss_drift"]) < 0.10, (stats["rss_warm_mb"], stats["rss_end_mb"])


def test_a_new_image_starts_clicks_as_foreground_points_and_close_scores_are_told_apart(p, tab):
    from sam_app.ui.prompt_view import score_texts

    tab.open(str(COFFEE))
    out = tab.open(str(IMGS / "astronaut.png"))
    assert out[p.mode] == FOREGROUND_MODE  # a background or box mode left from the last image is not kept
    assert score_texts([0.91234, 0.91236, 0.5]) == ["0.9123", "0.9124", "0.5000"]
    assert score_texts([0.9, 0.9, 0.8]) == ["0.900", "0.900", "0.800"]  # a true tie stays a tie


def test_the_text_field_says_what_answers_it_or_offers_a_text_model(tmp_path, tiny_model):
    import torch

    from sam_app.backends.detector import Detector

    from models import tiny_detector

    with gr.Blocks():
        ui = build_ui(make_service(tiny_model, checkpoint_dir=tmp_path), allow_downloads=False, local=False)
    p = ui.prompt
    info, offer = p.text_model_offer()
    assert info.startswith("Needs a text model, and none is here: press Get owlv2_base (620 MB)") and offer
    out = p.on_get_text_model(progress=NO_PROGRESS)
    assert "off on a server open to the network" in out[p.shared.message] and out[p.get_text_model]["visible"]
    model, processor = tiny_detector("grounding_dino", tmp_path / "tokenizer", seed=1)
    ui.shared.service.add_backend(Detector(model, processor, "grounding_dino", torch.device("cpu")))
    assert p.text_model_offer() == ("Answered by the text model grounding_dino.", None)
    # the model picker lists the text models too, for their Download; picking one keeps the tab's segmenter
    bar, tab = ui.model_bar, Tab(ui)
    names = [name for _, name in bar.choices()]
    assert names.index("owlv2_base") > names.index("tiny") and "sam3" in names
    assert ("owlv2_base (checkpoint missing) · text prompts", "owlv2_base") in bar.choices()
    picked = tab.pick_model("owlv2_base")
    assert picked[ui.shared.message].startswith("owlv2_base is not on this server yet: press **Download** (620 MB)")
    assert picked[bar.download]["value"] == "Download (620 MB)" and tab.session.model is None
    picked = tab.pick_model("grounding_dino")
    assert picked[ui.shared.message].startswith("grounding_dino is a text model and is here: it answers the Text "
                                                "field") and "Clicks go on using tiny" in picked[ui.shared.message]
    assert picked[bar.model]["value"] == "tiny" and tab.session.model is None


def test_a_point_in_overlapping_boxes_refines_the_smallest_unless_the_current_object_holds_it():
    state = PromptState()
    assert state.add_box((0, 0, 100, 100)) == 1 and state.add_box((10, 10, 30, 30)) == 2  # a box each
    assert state.new_object() and state.current == 3 and not state.new_object()  # 3 is empty: no 4
    assert state.add_point(20, 20, 1) == 2  # in both boxes: the smaller
    assert state.add_point(50, 50, 0) == 1 and state.add_point(200, 200, 1) == 3  # in one box; in none
    state.current = 1
    assert state.add_point(20, 20, 1) == 1  # the current object's box holds it: it stays there
    assert state.object_ids() == [1, 2, 3] and state.box_colours() == [0, 1]
    assert PromptState.restored(state.saved()).saved() == state.saved()  # what a reload brings back
