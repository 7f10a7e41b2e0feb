"""The web UI: handlers (per-session state, refinement, messages) and the running app
driven by gradio_client (the /segment API, caching, parallel clients, what is served)."""

import json
import os
import threading
import time

import gradio as gr
import httpx
import numpy as np
import pytest
from gradio_client import Client, handle_file
from PIL import Image

from conftest import IMGS, make_service
from sam_app.export import decode_rle
from sam_app.ui import MODES, App, Session, build_app, launch_options

NO_PROGRESS = lambda *a, **k: None  # noqa: E731
COFFEE = str(IMGS / "coffee.png")


def click(app, session, x, y, mode=MODES[0], auto_run=True, multimask=True):
    evt = gr.SelectData(None, {"index": [x, y], "value": None})
    return app.on_click(mode, auto_run, multimask, session, evt)


@pytest.fixture
def app(tiny_model):
    return App(make_service(tiny_model))


@pytest.fixture
def loaded(app):
    return app.on_image(COFFEE, Session(), progress=NO_PROGRESS)[0]


def test_upload_encodes_at_once_and_click_runs(app, loaded):
    assert loaded.image.width == 600 and app.service.encode_count == 1
    session, canvas, prompt, message, overlay, radio, files = click(app, loaded, 300, 200)
    assert session.points == [(300.0, 200.0, 1)] and loaded.points == [] and loaded.history == []  # not mutated in place
    # on-screen pictures are JPEG files at the image's size (clicks land on image pixels)
    assert Image.open(canvas).size == (600, 400) and Image.open(overlay).format == "JPEG"
    assert Image.open(overlay).size == (600, 400)
    assert "1 object(s)" in message and "foreground point (300, 200)" in prompt
    assert radio["visible"] and len(radio["choices"]) == 3 and radio["value"] == session.result.objects[0].best
    assert app.service.encode_count == 1
    # downloads are cleared by the Run and written by the step chained after it
    assert files is None
    files = app.on_downloads(session, files)
    names = sorted(p.rsplit("/", 1)[1] for p in files)
    assert names == ["coffee_cutout.png", "coffee_mask1.png", "coffee_masks_coco.json", "coffee_overlay.png"]
    assert app.on_downloads(session, files) == gr.skip()  # already written: not again


def test_ui_result_equals_the_engine(app, loaded):
    session = click(app, loaded, 300, 200, auto_run=False)[0]
    session = click(app, session, 100, 100, mode=MODES[1], auto_run=False)[0]
    session = app.on_run(False, session)[0]
    engine = app.service.segment(COFFEE, points=[[300, 200], [100, 100]], labels=[1, 0])
    np.testing.assert_array_equal(session.result.objects[0].masks, engine.objects[0].masks)


def test_candidate_pick_drives_downloads_and_refinement(app, loaded):
    session = click(app, loaded, 300, 200)[0]
    obj = session.result.objects[0]
    pick = (obj.best + 1) % 3
    session, canvas, overlay, files, message = app.on_pick(pick, session)
    assert session.choices == [pick] and "Candidate" in message and files is None
    files = app.on_downloads(session, files)
    mask_file = next(p for p in files if p.endswith("_mask1.png"))
    np.testing.assert_array_equal(np.asarray(Image.open(mask_file)) > 0, obj.masks[pick])
    coco = json.loads(open(next(p for p in files if p.endswith(".json"))).read())
    record = coco["annotations"][0]
    np.testing.assert_array_equal(decode_rle(record["segmentation"]), obj.masks[pick])
    assert record["area"] == int(obj.masks[pick].sum()) and record["candidate"] == pick
    assert abs(record["score"] - float(obj.scores[pick])) < 1e-5
    cutout = np.asarray(Image.open(next(p for p in files if p.endswith("_cutout.png"))))
    assert cutout.shape[2] == 4 and (cutout[..., 3] > 0).sum() == obj.masks[pick].sum()

    # adding a point feeds the picked candidate's low-res logits back as mask_input
    refined = click(app, session, 320, 220, mode=MODES[1], multimask=False)
    assert "1 refined with the previous mask" in refined[3]
    expected = app.service.segment(COFFEE, points=[[300, 200], [320, 220]], labels=[1, 0],
                                   mask_input=obj.low_res_logits[pick][None])
    np.testing.assert_array_equal(refined[0].result.objects[0].masks, expected.objects[0].masks)


def test_box_by_two_clicks_undo_and_clear(app, loaded):
    session = click(app, loaded, 400, 300, mode=MODES[2])[0]
    assert session.pending == (400.0, 300.0) and not session.boxes
    session, *_ , message, _, _, _ = click(app, session, 400, 50, mode=MODES[2])
    assert "two corners that differ" in message and session.pending == (400.0, 300.0)
    session = click(app, session, 200, 100, mode=MODES[2])[0]
    assert session.boxes == [(200.0, 100.0, 400.0, 300.0)] and session.result is not None
    assert len(session.result.objects) == 1
    session = app.on_undo(session)[0]
    assert session.boxes == [] and session.pending == (400.0, 300.0)
    session = app.on_undo(session)[0]
    assert session.pending is None
    session = app.on_clear(click(app, session, 10, 10)[0])[0]
    assert session.points == [] and session.result is None


def test_typed_points_and_boxes_like_the_original_ui(app, loaded):
    session, *_ = app.on_add_points("100 150 250 300", "", MODES[0], loaded)
    assert session.points == [(100, 150, 1), (250, 300, 1)]
    session, *_ = app.on_add_points("(50,60)", "", MODES[1], session)
    assert session.points[-1] == (50, 60, 0)
    session, *_ = app.on_add_boxes("90 140 260 310 40 50 60 70", session)
    assert len(session.boxes) == 2
    out = app.on_run(False, session)
    assert len(out[0].result.objects) == 2 and Image.open(out[4]).size == (600, 400)
    preview, note = app.on_preview(out[0])
    assert preview.ndim == 3 and "prompt drawn" in note
    empty_preview, note = app.on_preview(loaded)
    assert empty_preview.shape[0] > 400 and "read coordinates" in note  # axes add margins


@pytest.mark.parametrize("points, labels, boxes, message", [
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
def test_every_prompt_error_is_a_readable_message(app, loaded, points, labels, boxes, message):
    if points or not boxes:
        out = app.on_add_points(points, labels, MODES[0], loaded)
    else:
        out = app.on_add_boxes(boxes, loaded)
    assert out[3].startswith("Error: ") and message in out[3]
    assert out[0].points == [] and out[0].boxes == []  # nothing half-added


def test_point_outside_every_box_is_reported_at_run(app, loaded):
    session, *_ = app.on_add_boxes("10 10 100 100", loaded)
    session, *_ = app.on_add_points("300 300", "", MODES[0], session)
    out = app.on_run(True, session)
    assert "Error: point 1 (300, 300) lies inside no box" in out[3]


def test_bad_image_and_missing_checkpoint_are_messages(tmp_path):
    from sam_app.service import SamService

    app = App(SamService(device="cpu", precision="fp32", checkpoint_dir=tmp_path))
    (tmp_path / "bad.png").write_bytes(b"nope")
    out = app.on_image(str(tmp_path / "bad.png"), Session(), progress=NO_PROGRESS)
    assert out[3].startswith("Error: ") and "not a readable image" in out[3]
    # no checkpoint: the classical backend answers, and the page says so plainly
    out = app.on_image(COFFEE, Session(), progress=NO_PROGRESS)
    assert "Image ready" in out[3]
    assert "Classical backend (OpenCV GrabCut)" in out[8] and "Download" in out[8]
    run = app.on_run(True, app.on_add_boxes("170 20 480 330", out[0])[0])
    assert run[0].result.model == "classical" and run[0].result.objects[0].masks.any()
    # a SAM model picked without its checkpoint: the message says how to get it
    picked = app.on_model("vit_b", out[0], progress=NO_PROGRESS)
    assert "Error: no SAM checkpoint found" in picked[2] and "download vit_b" in picked[2]
    assert "checkpoint missing" in picked[6]


def test_download_button_fetches_verifies_and_switches(tmp_path, monkeypatch):
    import hashlib

    from sam_app import checkpoints
    from sam_app.service import SamService
    from test_download import PAYLOAD, SHA, Server

    server = Server()
    try:
        monkeypatch.setenv("SAM_CHECKPOINT_URL_BASE", server.url)
        monkeypatch.setitem(checkpoints.MODELS, "vit_b",
                            checkpoints.ModelInfo("vit_b", "sam_vit_b_01ec64.pth", len(PAYLOAD), SHA, 768))
        app = App(SamService(device="cpu", precision="fp32", checkpoint_dir=tmp_path))
        seen = []
        out = app.on_download("vit_b", Session(), progress=lambda f, desc="": seen.append(f))
        assert (tmp_path / "sam_vit_b_01ec64.pth").read_bytes() == PAYLOAD and seen[-1] == 1.0
        assert out[2].startswith("Downloaded and verified sam_vit_b_01ec64.pth.")
        assert out[0].model == "vit_b"
        # the payload is not a real checkpoint, so loading it says so (and nothing breaks)
        assert "not a PyTorch checkpoint" in out[2] or "truncated or corrupt" in out[2]
        server.status = 404
        (tmp_path / "sam_vit_b_01ec64.pth").unlink()
        out = app.on_download("vit_b", Session(), progress=NO_PROGRESS)
        assert out[2].startswith("Error: HTTP 404")
        assert hashlib.sha256(PAYLOAD).hexdigest() == SHA
    finally:
        server.httpd.shutdown()


# ------------------------------------------------------------------ the running app


@pytest.fixture(scope="module")
def server(tiny_model):
    service = make_service(tiny_model)
    demo = build_app(service)
    demo.queue(max_size=32, default_concurrency_limit=2)
    _, url, _ = demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(service.checkpoint_dir, port=None))
    yield demo, service, url
    demo.close()


def test_api_segment_equals_the_engine_and_encodes_once(server, tiny_model):
    demo, service, url = server
    service.clear_cache()
    before = service.encode_count
    client = Client(url, verbose=False)
    reference = make_service(tiny_model)
    for i in range(10):
        data, overlay = client.predict(handle_file(COFFEE), f"{250 + 10 * i} 200 100 50", "1 0",
                                       "", i == 0, api_name="/segment")
        expected = reference.segment(COFFEE, points=[[250 + 10 * i, 200], [100, 50]], labels=[1, 0], multimask=i == 0)
        (obj,) = data["objects"]
        assert len(obj["masks"]) == (3 if i == 0 else 1)
        for rle, mask in zip(obj["masks"], expected.objects[0].masks):
            np.testing.assert_array_equal(decode_rle(rle), mask)
        np.testing.assert_allclose(obj["scores"], expected.objects[0].scores, atol=1e-5)
        assert obj["best"] == expected.objects[0].best
        assert Image.open(overlay).size == (600, 400)
    assert service.encode_count - before == 1
    boxes = client.predict(handle_file(COFFEE), "", "", "10 10 200 200 300 100 500 390", False, api_name="/segment")[0]
    assert [o["box"] for o in boxes["objects"]] == [[10, 10, 200, 200], [300, 100, 500, 390]]
    assert all(len(o["bbox"]) == 4 for o in boxes["objects"])


def test_api_prompts_again_by_image_id_without_sending_the_image(server, tiny_model):
    demo, service, url = server
    client = Client(url, verbose=False)
    first, overlay = client.predict(handle_file(COFFEE), "300 200", "", "", False, api_name="/segment")
    assert overlay is not None and len(first["image_id"]) > 16
    encodings = service.encode_count
    again, none = client.predict(None, "320 210 100 50", "1 0", "", True, False, first["image_id"], api_name="/segment")
    assert none is None  # overlay=False: masks only
    assert again["image_id"] == first["image_id"] and service.encode_count == encodings
    expected = make_service(tiny_model).segment(COFFEE, points=[[320, 210], [100, 50]], labels=[1, 0], multimask=True)
    for rle, mask in zip(again["objects"][0]["masks"], expected.objects[0].masks):
        np.testing.assert_array_equal(decode_rle(rle), mask)
    with pytest.raises(Exception, match="unknown image_id 'nope': it was never sent"):
        client.predict(None, "10 10", "", "", False, False, "nope", api_name="/segment")
    with pytest.raises(Exception, match="no image: send an image file, or the image_id of an earlier result"):
        client.predict(None, "10 10", api_name="/segment")


def test_api_errors_are_readable(server):
    _, _, url = server
    client = Client(url, verbose=False)
    with pytest.raises(Exception, match=r"points: token 2 \('abc'\) is not a number"):
        client.predict(handle_file(COFFEE), "10 abc", "", "", False, api_name="/segment")
    with pytest.raises(Exception, match="lies inside no box"):
        client.predict(handle_file(COFFEE), "300 300", "", "0 0 10 10", False, api_name="/segment")


def test_two_clients_in_parallel_get_their_own_masks(server, tiny_model):
    _, _, url = server
    reference = make_service(tiny_model)
    images = {"coffee": COFFEE, "astronaut": str(IMGS / "astronaut.png")}
    expected = {k: reference.segment(v, points=[[200, 200]]).objects[0].masks[0] for k, v in images.items()}
    failures = []

    def worker(name):
        client = Client(url, verbose=False)
        for _ in range(4):
            data, _ = client.predict(handle_file(images[name]), "200 200", "", "", False, api_name="/segment")
            if not np.array_equal(decode_rle(data["objects"][0]["masks"][0]), expected[name]):
                failures.append(name)

    threads = [threading.Thread(target=worker, args=(n,)) for n in images]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not failures


def test_nothing_outside_uploads_is_read_or_served(server, tmp_path):
    _, service, url = server
    secret = service.checkpoint_dir
    secret.mkdir(parents=True, exist_ok=True)
    (secret / "sam_vit_b_01ec64.pth").write_bytes(b"weights")
    assert httpx.get(f"{url}gradio_api/file={secret / 'sam_vit_b_01ec64.pth'}").status_code in (403, 404)
    assert httpx.get(f"{url}gradio_api/file={IMGS / 'coffee.png'}").status_code in (403, 404)
    assert httpx.get(f"{url}monitoring").status_code in (403, 404)
    # a raw request naming a local file instead of uploading one is refused
    payload = {"data": [{"path": COFFEE, "meta": {"_type": "gradio.FileData"}}, "10 10", "", "", False]}
    event = httpx.post(f"{url}gradio_api/call/segment", json=payload).json()["event_id"]
    stream = httpx.get(f"{url}gradio_api/call/segment/{event}", timeout=60).text
    assert "event: error" in stream and "complete" not in stream


def test_api_function_itself_refuses_paths_outside_uploads(app):
    with pytest.raises(gr.Error, match="must be uploaded with the request"):
        app.api_segment({"path": COFFEE}, "10 10")


def test_large_images_are_shown_scaled_and_clicks_map_back(app, tmp_path, coffee):
    big = np.asarray(Image.fromarray(coffee).resize((4500, 3000)))
    path = tmp_path / "big.jpg"
    Image.fromarray(big).save(path, quality=90)
    session = app.on_image(str(path), Session(), progress=NO_PROGRESS)[0]
    scale = 2048 / 4500
    assert Image.open(app.canvas(session)).size == (2048, 1365)
    # the pixel centre clicked on screen, in image pixels
    session, canvas, prompt, message, overlay, radio, files = click(app, session, 1024, 682)
    x, y, _ = session.points[0]
    assert (x, y) == (round(1024.5 / scale - 0.5), round(682.5 / scale - 0.5)) == (2251, 1499)
    assert "(2251, 1499)" in prompt
    assert Image.open(overlay).size == (2048, 1365) and Image.open(canvas).size == (2048, 1365)
    assert session.result.objects[0].masks.shape == (3, 3000, 4500)  # masks stay full size
    files = app.on_downloads(session, None)
    assert Image.open(next(p for p in files if p.endswith("_mask1.png"))).size == (4500, 3000)
    assert Image.open(next(p for p in files if p.endswith("_overlay.png"))).size == (4500, 3000)
    # the far corner pixel maps near the image's far corner, inside it
    corner = click(app, session, 2047, 1364, auto_run=False)[0]
    assert corner.points[-1][:2] == (4498.0, 2998.0)


def test_api_decodes_a_file_sent_again_only_once(server, monkeypatch):
    """Gradio writes each upload anew (new modification time) into a folder named by the
    sha256 of its bytes; that name keys the decoded image."""
    import sam_app.service

    _, _, url = server
    decoded = []
    real = sam_app.service.load_image
    monkeypatch.setattr(sam_app.service, "load_image",
                        lambda source, limit: decoded.append(source) or real(source, limit))
    client = Client(url, verbose=False)
    path = str(IMGS / "rocket.jpg")
    first = [client.predict(handle_file(path), "100 100", api_name="/segment")[0] for _ in range(3)]
    assert len([s for s in decoded if isinstance(s, str)]) == 1
    assert len({r["image_id"] for r in first}) == 1


def test_old_output_files_are_removed(app, coffee):
    old_file, old_folder = app.output_root / "old.jpg", app.output_root / "old_downloads"
    old_file.write_bytes(b"x")
    old_folder.mkdir()
    (old_folder / "mask.png").write_bytes(b"x")
    two_hours_ago = time.time() - 7200
    for path in (old_file, old_folder):
        os.utime(path, (two_hours_ago, two_hours_ago))
    shown = app.display(coffee)
    assert Image.open(shown).size == (600, 400)
    assert not old_file.exists() and not old_folder.exists()
