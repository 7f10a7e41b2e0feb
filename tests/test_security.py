"""What a hostile user tried (issue 34), each attack as a test that failed on the code
before: files named outside the job, devices and huge files, state that outlives its tab,
requests that exhaust memory, batch jobs without bounds, password guessing, zip bombs,
names that break datasets, malformed input that ended in a traceback.

The fast ones run in the fast lane; the 36 MP memory test is slow (minutes of full-size
upscaling on a 2-core CPU)."""

import contextlib
import gc
import json
import os
import resource
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from ui_tab import Tab

from sam_app.errors import ImageError, LimitError, SamAppError, StorageError
from sam_app.files import inside, read_bytes
from sam_app.images import load_image
from sam_app.limits import LIMITS, request_bytes
from sam_app.ui.state import Session

from conftest import IMGS, launched, make_service, run_cli
from raw_client import RawClient

COFFEE = IMGS / "coffee.png"


@pytest.fixture
def limits(monkeypatch):
    """LIMITS, put back as they were after the test."""
    for name in vars(LIMITS).copy():
        monkeypatch.setattr(LIMITS, name, getattr(LIMITS, name))
    return LIMITS


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@contextlib.contextmanager
def sampled_rss(period: float = 0.05):
    """Samples this process's resident memory (MB) every ``period`` s; yields the list."""
    samples, stop = [rss_mb()], threading.Event()

    def sample():
        while not stop.wait(period):
            samples.append(rss_mb())

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join()


def state_of(folder: Path) -> dict:
    """name -> (size, mtime, bytes) of every file under ``folder`` (and the folder itself)."""
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else None)
            for p in [folder, *sorted(folder.rglob("*"))]}


@pytest.fixture
def victim(tmp_path, coffee):
    """An image victim.png outside the job, with the folder and the text file that the PNG
    and YOLO writers would have replaced beside it."""
    place = tmp_path / "elsewhere"
    (place / "victim").mkdir(parents=True)
    Image.fromarray(coffee).save(place / "victim.png")
    (place / "victim" / "precious.txt").write_text("do not delete")
    (place / "victim.txt").write_text("do not overwrite")
    return place


# ---------------------------------------------------------------- 1: names outside the images

def test_prompts_files_naming_images_outside_the_images_folder_are_refused_by_the_cli(tiny_cli, victim, tmp_path,
                                                                                     coffee):
    images = tmp_path / "images"
    images.mkdir()
    Image.fromarray(coffee).save(images / "ok.png")
    before = state_of(victim)
    relative = os.path.relpath(victim / "victim.png", images)
    assert relative.startswith("..")
    for name in (str(victim / "victim.png"), relative):
        prompts = tmp_path / "prompts.jsonl"
        prompts.write_text(json.dumps({"image": "ok.png", "objects": [{"box": [1, 1, 50, 50]}]}) + "\n"
                           + json.dumps({"image": name, "objects": [{"box": [1, 1, 50, 50]}]}) + "\n")
        coco = tmp_path / "coco.json"
        coco.write_text(json.dumps({"images": [{"id": 1, "file_name": name}], "categories": [{"id": 1, "name": "a"}],
                                    "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 9, 9]}]}))
        for source in (["--prompts", prompts], ["--boxes-from", coco]):
            result = tiny_cli("batch", "--images", images, "--output", victim.parent / "out", *source,
                              "--format", "coco,yolo,png")
            assert result.returncode == 2, result.stderr
            assert "is outside the images folder" in result.stderr and "Traceback" not in result.stderr
            assert state_of(victim) == before


def test_the_batch_tab_refuses_names_outside_its_uploads(batch_mode, victim, tmp_path):
    before = state_of(victim)
    relative = "../" * 12 + str(victim / "victim.png").lstrip("/")
    for name in (str(victim / "victim.png"), relative):
        prompts = tmp_path / "prompts.jsonl"
        prompts.write_text(json.dumps({"image": name, "objects": [{"box": [1, 1, 50, 50]}]}) + "\n")
        out = run_batch(batch_mode, [str(COFFEE)], "Prompts file", str(prompts), formats=("coco", "yolo", "png"))
        assert "is outside the images folder" in out[batch_mode.shared.message]
        assert str(victim) not in out[batch_mode.shared.message] or batch_mode.shared.local
        assert state_of(victim) == before
    assert not list(batch_mode.shared.outputs.root.glob("batch_*/images"))  # the job's folder went with it


def test_strict_names_do_not_follow_links_out_of_their_folder(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    (root / "out.png").symlink_to(tmp_path)
    assert inside(root, "out.png") == root / "out.png"  # the CLI's folders are the user's own
    with pytest.raises(SamAppError, match="a link leads out of it"):
        inside(root, "out.png/x.png", strict=True)
    for name in ("/etc/passwd", "a/../../b.png", "", "a\x00b"):
        with pytest.raises(SamAppError):
            inside(root, name)


# ---------------------------------------------------------------- 2: devices and huge files

def test_devices_pipes_and_huge_files_are_refused_at_once(tmp_path):
    sparse = tmp_path / "sparse.png"
    with open(sparse, "wb") as f:
        f.truncate(2 * 2**30)  # 2 GB that take no disk
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    peak, started = peak_rss_mb(), time.perf_counter()
    for path, message in (("/dev/zero", "is a device, pipe or socket"), (fifo, "is a device, pipe or socket"),
                          (sparse, r"is 2 GB, over the 50 MB limit on a file \(--max-file-size"),
                          (tmp_path, "is a folder"), (tmp_path / "none.png", "image file not found: none.png")):
        with pytest.raises(ImageError, match=message):
            load_image(path)
    assert time.perf_counter() - started < 2
    assert peak_rss_mb() - peak < 64  # nothing was read into memory


def test_a_batch_job_skips_devices_and_huge_files_named_in_its_folder(tiny_cli, tmp_path, coffee):
    images = tmp_path / "images"
    images.mkdir()
    Image.fromarray(coffee).save(images / "ok.png")
    (images / "zero.png").symlink_to("/dev/zero")
    with open(images / "huge.png", "wb") as f:
        f.truncate(2 * 2**30)
    prompts = tmp_path / "p.jsonl"
    prompts.write_text("".join(json.dumps({"image": n, "objects": [{"box": [1, 1, 50, 50]}]}) + "\n"
                               for n in ("ok.png", "zero.png", "huge.png")))
    started = time.perf_counter()
    result = tiny_cli("batch", "--images", images, "--output", tmp_path / "out", "--prompts", prompts)
    assert result.returncode == 1 and time.perf_counter() - started < 60
    assert "zero.png is a device, pipe or socket" in result.stderr and "huge.png is 2 GB" in result.stderr
    assert "1 done" in result.stdout


# ---------------------------------------------------------------- 3: state that outlives its tab

def hold_a_result(client, ui, boxes) -> tuple:
    """One raw-HTTP tab opens the photo, adds ``boxes`` and runs them, as the page does
    (outputs: session, message, ...); (the opening's message, the run's message)."""
    opened = client.call(ui.picker.on_image, client.upload(COFFEE), None)[1]
    client.call(ui.prompt.on_add_boxes, boxes, None, None)
    return str(opened), str(client.call(ui.prompt.on_run, False, None, None)[1])


def test_tabs_that_never_send_a_heartbeat_give_their_memory_back(tiny_model, limits):
    """50 tabs each holding a result (8 objects: 2 MB of low-res logits) over raw HTTP,
    none sending Gradio's heartbeat: the total is bounded (past it, a clear refusal), and
    all of it is let go once the time to live has passed.

    The time to live must outlast opening the 50 tabs, which takes from 20 s to over a
    minute with the machine's load: it is 50 times what one tab holding a result takes
    on a first server (at least 40 s; the 29 tabs refused cost far less), so that the test
    checks the bound, not the machine's speed."""
    boxes = " ".join(f"{x} 10 {x + 60} 200" for x in range(0, 400, 50))
    with launched(make_service(tiny_model)) as (ui, demo, url):
        clients = [RawClient(demo, url) for _ in range(4)]
        hold_a_result(clients[0], ui, boxes)  # the first one warms up
        started = time.time()
        for client in clients[1:]:
            hold_a_result(client, ui, boxes)
        per_tab = (time.time() - started) / 3
        for client in clients:
            client.close()
    limits.session_ttl, limits.sessions_mb = max(40, round(50 * per_tab)), 40
    with launched(make_service(tiny_model)) as (ui, demo, url):
        holdings = ui.shared.holdings
        clients, started = [RawClient(demo, url) for _ in range(50)], time.time()
        refused = [any("the server is full" in m for m in hold_a_result(client, ui, boxes)) for client in clients]
        assert time.time() - started < limits.session_ttl, f"{per_tab:.2f} s a tab measured, more taken"
        held = holdings.total()
        assert 40 * 2**20 < held <= 42 * 2**20  # the limit, passed by one result at most
        assert refused.count(False) == 21 and refused.count(True) == 29
        deadline = time.time() + limits.session_ttl + 10
        while holdings.total() and time.time() < deadline:
            time.sleep(0.5)
            gc.collect()
        assert holdings.total() == 0 and holdings.count() == 0
        again = RawClient(demo, url)  # the server takes work again
        assert "8 object(s)" in hold_a_result(again, ui, boxes)[1]
        for client in [*clients, again]:
            client.close()


def test_a_tab_keeps_its_image_by_reference_not_its_pixels(p):
    tab = Tab(p.ui)
    tab.open(COFFEE)
    assert not any(isinstance(v, np.ndarray) for v in vars(tab.session.image).values())
    assert p.shared.image(tab.session).pixels.shape == (400, 600, 3)


# ---------------------------------------------------------------- 4: memory of one request

def test_a_request_that_would_exceed_its_memory_is_refused_before_any_work(tiny_service):
    big = np.full((6000, 6000, 3), 120, np.uint8)
    boxes = np.array([[10 + i, 10, 500 + i, 500] for i in range(256)], np.float32)
    with pytest.raises(LimitError, match=r"would hold about 1\d\d GB \(256 object\(s\) x 3 candidate\(s\) on a "
                                         r"6000x6000 image, with full-size logits for each\).*--max-request-mb"):
        tiny_service.segment(big, boxes=boxes, multimask=True, return_logits=True)
    assert tiny_service.encode_count == 0  # refused before the encoder ran


@pytest.mark.slow
def test_256_boxes_on_a_36_mp_image_stay_within_the_request_budget(tiny_service):
    """What /segment does with the largest request the default limits accept: 256 boxes
    with three candidates each on a 6000x6000 picture (before: 2.3 GB for 32 boxes, past
    6 GB for 256), measured as this process's resident memory."""
    from sam_app import render, results
    from sam_app.ui.state import DISPLAY_MAX_SIDE

    ys, xs = np.mgrid[0:6000, 0:6000]
    big = np.dstack([(xs // 24) % 256, (ys // 24) % 256, ((xs + ys) // 48) % 256]).astype(np.uint8)
    del ys, xs
    image = tiny_service.load_image(big)
    tiny_service.embedding(image)
    boxes = np.array([[(k % 16) * 350, (k // 16) * 350, (k % 16) * 350 + 700, (k // 16) * 350 + 700]
                      for k in range(256)], np.float32)
    gc.collect()
    with sampled_rss() as samples:
        result = tiny_service.segment(image, boxes=boxes, multimask=True)
        record = results.result_record(result, results.image_record(image))
        scale = DISPLAY_MAX_SIDE / 6000
        screen = render.resize(image.pixels, scale)
        render.overlay_masks(screen, (o.mask_at(o.best, screen.shape[:2]) for o in result.objects))
    grown = max(samples) - samples[0]
    assert len(record["objects"]) == 256 and all(len(o["masks"]) == 3 for o in record["objects"])
    budget, estimate = LIMITS.max_request_mb, request_bytes(256, 3, 6000, 6000) / 2**20
    assert grown < budget, f"resident memory grew {grown:.0f} MB, over the {budget:.0f} MB budget"
    assert grown < 1.5 * estimate, f"resident memory grew {grown:.0f} MB, the estimate said {estimate:.0f} MB"
    print(f"256 boxes x 3 candidates at 36 MP: resident memory +{grown:.0f} MB (estimate {estimate:.0f} MB, "
          f"budget {budget:.0f} MB)")


# ---------------------------------------------------------------- 5: the Batch tab's limits, budgets, client

@pytest.fixture
def batch_mode(tiny_model):
    import gradio as gr

    from sam_app.ui import build_ui

    with gr.Blocks():
        return build_ui(make_service(tiny_model)).batch


@pytest.fixture
def p(tiny_model):
    """The Prompt mode (its UI as ``p.ui``)."""
    import gradio as gr

    from sam_app.ui import build_ui

    with gr.Blocks():
        ui = build_ui(make_service(tiny_model))
    ui.prompt.ui = ui
    return ui.prompt


def run_batch(mode, uploads, source="Everything", prompts=None, formats=("coco",), points_per_side=4):
    final = {}
    for update in mode.on_run(uploads, source, prompts, points_per_side, 0, 0, list(formats), False, Session(),
                              progress=lambda *a, **k: None):
        final.update(update)
    return final


def test_the_batch_tab_honours_the_request_limits_and_time_budgets(batch_mode, limits, tmp_path):
    prompts = tmp_path / "p.jsonl"
    many = [{"box": [1, 1, 50 + k % 100, 50]} for k in range(300)]
    prompts.write_text(json.dumps({"image": "coffee.png", "objects": many}) + "\n")
    out = run_batch(batch_mode, [str(COFFEE)], "Prompts file", str(prompts))
    assert out[batch_mode.table][0][:2] == ["coffee.png", "failed"]
    assert "300 objects; at most 256 objects are accepted for one image (--max-objects" in out[batch_mode.table][0][3]

    limits.everything_seconds = 0.001  # each image's budget: stopped after its first batch of points
    out = run_batch(batch_mode, [str(COFFEE), str(IMGS / "astronaut.png")], points_per_side=16)
    assert [row[1] for row in out[batch_mode.table]] == ["failed", "failed"]
    assert all("over its time budget" in row[3] for row in out[batch_mode.table])

    limits.everything_seconds, limits.batch_seconds = 900, 0.001  # the whole job's budget
    out = run_batch(batch_mode, [str(COFFEE), str(IMGS / "astronaut.png"), str(IMGS / "chelsea.png")])
    assert "Stopped early" in out[batch_mode.shared.message] and "--batch-seconds" in out[batch_mode.summary]
    assert [row[1] for row in out[batch_mode.table]].count("not run") >= 1
    assert Path(out[batch_mode.download]).is_file()  # what was done is delivered


def test_a_batch_job_stops_when_its_client_leaves(tiny_model, tmp_path):
    """The tab leaves after the first image: Gradio notices within its 10 s poll, the job
    stops after the image in hand, and its folder is removed."""
    images = [tmp_path / f"{k}.png" for k in range(8)]
    for k, path in enumerate(images):
        Image.open(COFFEE).rotate(k * 10).save(path)
    service = make_service(tiny_model)
    with launched(service) as (ui, demo, url):
        client = RawClient(demo, url)
        files = [client.upload(path) for path in images]
        body = client.body(ui.batch.on_run, [files, "Everything", None, 8, 0, 0, ["coco"], False, None])
        for message in client.stream(body):  # leave once the first image is done
            if message.get("msg") == "process_generating":
                break
        client.close()
        deadline = time.time() + 120
        while any(ui.shared.outputs.root.glob("batch_*")) and time.time() < deadline:
            time.sleep(0.5)
        assert not any(ui.shared.outputs.root.glob("batch_*")), "the job's folder is still there"
        stopped_at = service.encode_count
        time.sleep(3)
        assert service.encode_count == stopped_at < len(images)


# ---------------------------------------------------------------- 6: password guessing

def test_logins_are_rate_limited_and_names_locked():
    from sam_app.ui.logins import Logins

    now = [0.0]
    logins = Logins([("ann", "secret")], clock=lambda: now[0])
    assert not any(logins("ann", f"guess{k}") for k in range(1000))  # 1,000 guesses in one instant
    assert not logins("ann", "secret")  # the right one among them is refused too
    assert logins.refused >= 990  # checked: 5 before the lock
    checked = 0
    for _ in range(6000):  # ten minutes of one guess every 0.1 s
        now[0] += 0.1
        before = logins.refused
        logins("ann", "guess")
        checked += logins.refused == before
    assert checked <= 12  # each wrong one doubles the lock: 2, 4, 8 ... 300 s
    now[0] += 301
    assert logins("ann", "secret") and not logins("bob", "secret") and not logins("ann", "")


def test_the_login_route_refuses_the_1001st_attempt(tiny_model):
    import httpx

    with launched(make_service(tiny_model), auth=[("ann", "secret")]) as (_, _, url):
        with httpx.Client(base_url=url) as http:
            started = time.perf_counter()
            codes = [http.post("/login", data={"username": "ann", "password": f"x{k}"}).status_code
                     for k in range(1000)]
            right = http.post("/login", data={"username": "ann", "password": "secret"})
            elapsed = time.perf_counter() - started
    assert set(codes) == {400} and right.status_code == 400, (elapsed, right.text)


# ---------------------------------------------------------------- 7, 12: zips and uploads

def zip_of(path: Path, members, method=zipfile.ZIP_DEFLATED) -> str:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return str(path)


def patch_zip(path: str, local_offset: int, central_offset: int, value: int) -> str:
    """Set a 2-byte field of every member's local and central header (6/8: the flags,
    8/10: the compression method), as a crafted archive would have them."""
    data = bytearray(Path(path).read_bytes())
    for signature, offset in ((b"PK\x03\x04", local_offset), (b"PK\x01\x02", central_offset)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset:start + offset + 2] = value.to_bytes(2, "little")
            start = data.find(signature, start + 4)
    Path(path).write_bytes(bytes(data))
    return path


def test_zips_are_bounded_by_what_they_really_unpack_and_odd_ones_are_named(batch_mode, limits, tmp_path,
                                                                            monkeypatch):
    from sam_app.ui import batch as batch_ui

    png = COFFEE.read_bytes()
    limits.max_file_size = 2**20
    cases = [
        (zip_of(tmp_path / "zeros.zip", [("a.png", bytes(5 * 2**20))]), "unpacks to more than 1 MB, the limit on one"),
        (zip_of(tmp_path / "twice.zip", [("a.png", png), ("a.png", png)]), "clashes with another file"),
        (zip_of(tmp_path / "folder.zip", [("a.png", png), ("a.png/b.png", png)]), "clashes with another file"),
        (zip_of(tmp_path / "long.zip", [("x" * 300 + ".png", png)]), "is too long"),
        (patch_zip(zip_of(tmp_path / "secret.zip", [("a.png", png)], zipfile.ZIP_STORED), 6, 8, 0x1), "is encrypted"),
        (patch_zip(zip_of(tmp_path / "odd.zip", [("a.png", png)], zipfile.ZIP_STORED), 8, 10, 99),
         "uses a compression method (99)"),
    ]
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    for folder in ("one", "two"):
        (tmp_path / folder / "same.png").write_bytes(png)
    cases.append(([str(tmp_path / "one" / "same.png"), str(tmp_path / "two" / "same.png")], "clashes with another"))
    for upload, message in cases:
        out = run_batch(batch_mode, upload if isinstance(upload, list) else [upload])
        assert message in out[batch_mode.shared.message], (upload, out[batch_mode.shared.message])
    monkeypatch.setattr(batch_ui, "MAX_ZIP_BYTES", 3 * 2**20)
    many = zip_of(tmp_path / "many.zip", [(f"{k}.png", bytes(2**20 - 10)) for k in range(5)])
    assert "unpack to more than 3 MB" in run_batch(batch_mode, [many])[batch_mode.shared.message]
    root = batch_mode.shared.outputs.root
    assert not any(root.glob("batch_*/images"))  # nothing unpacked stays after a failed job
    done = run_batch(batch_mode, [str(COFFEE)])
    assert sorted(p.name for p in Path(done[batch_mode.download]).parent.iterdir()) == ["dataset_tiny.zip"]


# ---------------------------------------------------------------- 8, 9, 12: names, JSON, numbers

def test_names_numbers_and_json_that_would_break_a_dataset_are_refused(tmp_path):
    from sam_app.batch import from_coco, from_prompts

    images = tmp_path / "images"
    images.mkdir()
    bad = tmp_path / "bad.jsonl"
    box = {"box": [1, 2, 30, 40]}
    cases = [
        ({"image": "a.png", "objects": [dict(box, category="cat\nbird")]}, "holds a line break"),
        ({"image": "a.png", "objects": [{"box": ["4", 2, 30, 40]}]}, "box must be a number, got '4'"),
        ({"image": "a.png", "objects": [{"box": [1, 2, 30, 40], "points": [[True, 3]]}]}, "point 1 must be a number"),
        ({"image": "a.png", "objects": [{"points": [[5, 5]], "labels": [1.7]}]}, "labels must be a whole number"),
        ({"image": "a.png", "objects": [{"points": [[5, 5]], "labels": [4]}]}, "labels must be a list of 1"),
        ({"image": "a.png", "objects": [{"text": "dog", "max_instances": 4.9}]}, "max_instances must be a whole"),
    ]
    for record, message in cases:
        bad.write_text(json.dumps(record) + "\n")
        with pytest.raises(SamAppError, match=message):
            from_prompts(bad, images, False, {})
    for text, message in (("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
                          ('{"image": "a.png", "objects": [{"box": [1' + "0" * 5000 + ', 2, 3, 4]}]}',
                           "a number is too long")):
        bad.write_text(text + "\n")
        with pytest.raises(SamAppError, match=message):
            from_prompts(bad, images, False, {})
    coco = tmp_path / "coco.json"
    coco.write_text(json.dumps({"images": [{"id": 1, "file_name": "a.png"}], "categories": [{"id": 1, "name": "a\nb"}],
                                "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 9, 9]}]}))
    with pytest.raises(SamAppError, match="holds a line break"):
        from_coco(coco, images, False, {})


@pytest.fixture(scope="module")
def app(tiny_model):
    """(sections, Blocks, URL) of the web UI on the tiny model, one per module."""
    with launched(make_service(tiny_model)) as parts:
        yield parts


@pytest.mark.parametrize("settings, message", [
    ({"crop_overlap_ratio": 5}, "crop_overlap_ratio must be in 0-0.99, got 5"),
    ({"crop_overlap_ratio": 1e308}, "crop_overlap_ratio must be in 0-0.99"),
    ({"crop_overlap_ratio": float("inf")}, "crop_overlap_ratio must be a finite number"),
    ({"crop_overlap_ratio": float("nan")}, "crop_overlap_ratio must be a finite number"),
    ({"points_per_side": float("inf")}, "points_per_side must be a finite number"),
    ({"points_per_side": 4.9}, "points_per_side must be a whole number"),
    ({"points_per_side": "4"}, "points_per_side must be a number, got '4'"),
    ({"points_per_side": True}, "points_per_side must be a number, got True"),
    ({"points_per_side": None, "point_grids": [[[0.5, 0.5, 0.5]]]}, r"point_grids\[0\] must be a non-empty list"),
    ({"points_per_side": None, "point_grids": [[[0.5, 2]]]}, r"point_grids\[0\] must be a non-empty list"),
    ({"points_per_side": None, "point_grids": "odd"}, "point_grids must be a list of 1 grid"),
    ({"crop_n_points_downscale_factor": 1e308}, "crop_n_points_downscale_factor must be in 1-1024"),
    ({"min_mask_region_area": 1e308}, "min_mask_region_area must be in 0-2.14748e"),
    ({"preset": ["x"]}, "unknown preset"),
])
def test_odd_everything_settings_get_a_message_and_the_server_goes_on(app, settings, message):
    """Sent as raw JSON (Infinity and NaN too, which gradio_client will not send)."""
    ui, demo, url = app
    client = RawClient(demo, url)
    image = client.upload(COFFEE)
    with pytest.raises(Exception, match=message):
        client.call(ui.api.everything, image, "", settings, False, "")
    data, _ = client.call(ui.api.everything, image, "", {"points_per_side": 2}, False, "")
    assert data["settings"]["points_per_side"] == 2
    client.close()


def test_what_an_error_echoes_is_cut(client):
    from gradio_client import handle_file

    with pytest.raises(Exception) as error:
        client.predict(handle_file(str(COFFEE)), "", "", "x" * 2**20, api_name="/segment")
    assert "is not a number" in str(error.value) and len(str(error.value)) < 400
    with pytest.raises(Exception, match="points must be text, got 5"):
        client.predict(handle_file(str(COFFEE)), 5, api_name="/segment")


def test_malformed_click_data_is_a_message(p):
    class Event:
        def __init__(self, index):
            self.index = index

    tab = Tab(p.ui)
    tab.open(COFFEE)
    for index in ("abc", None, [1], [1, "2"], [True, 3], [float("nan"), 3], [10**9, 3]):
        out = tab.call(p.on_click, "Foreground point", True, False, evt=Event(index))
        assert out[p.shared.message].startswith("Error: "), index
        assert p.state not in out  # nothing changed


# ---------------------------------------------------------------- 9, 10: full disks, odd files, the CLI

@pytest.fixture
def small_disk(tmp_path):
    """A 256 kB file system (tmpfs), and a read-only one; skipped where mounting is not allowed."""
    full, frozen = tmp_path / "full", tmp_path / "frozen"
    full.mkdir()
    frozen.mkdir()
    mounted = []
    try:
        for folder, options in ((full, "size=256k"), (frozen, "size=256k")):
            subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True,
                           capture_output=True)
            mounted.append(folder)
        (frozen / "out").mkdir()
        subprocess.run(["mount", "-o", "remount,ro", str(frozen)], check=True, capture_output=True)
    except (subprocess.CalledProcessError, FileNotFoundError, PermissionError):
        for folder in mounted:
            subprocess.run(["umount", str(folder)], capture_output=True)
        pytest.skip("cannot mount a small file system here (needs root)")
    (full / "filler").write_bytes(bytes(200 * 1024))
    yield full, frozen
    for folder in mounted:
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_full_or_read_only_disk_is_one_line(tiny_cli, small_disk, tmp_path):
    full, frozen = small_disk
    for out, words in ((full / "out", "the disk is full"), (frozen / "out", "read-only")):
        result = tiny_cli("segment", COFFEE, "--out-dir", out, "--points", "300 200", "--multimask")
        assert result.returncode == 2 and words in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    result = run_cli("export-onnx", "--output", tmp_path / "missing" / "x.onnx")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "cannot write x.onnx: the folder" in result.stderr and "does not exist" in result.stderr


def test_a_full_disk_while_writing_a_picture_is_a_message(p, monkeypatch):
    import tempfile

    tab = Tab(p.ui)
    real = tempfile.mkstemp

    def full_disk(*args, **kwargs):  # every new file lands on /dev/full
        fd, path = real(*args, **kwargs)
        os.dup2(os.open("/dev/full", os.O_WRONLY), fd)
        return fd, path

    monkeypatch.setattr(tempfile, "mkstemp", full_disk)
    out = tab.open(COFFEE)  # the canvas's picture is written once, when the image comes: said beside the upload
    assert "the disk is full" in out[p.ui.shared.message] and tab.session.image is None
    with pytest.raises(StorageError, match="the disk is full"):
        p.shared.outputs.jpeg_file(np.zeros((8, 8, 3), np.uint8))


def test_cli_odd_files_are_one_line_and_everything_skips_unreadable_images(tiny_cli, tmp_path, coffee):
    result = tiny_cli("segment", COFFEE, "--out-dir", tmp_path / "o", "--points", "1 1", "--checkpoint", "/etc/passwd")
    assert result.returncode == 2 and "is not a PyTorch checkpoint" in result.stderr, result.stderr
    folder = tmp_path / "in"
    folder.mkdir()
    Image.fromarray(coffee).save(folder / "a.png")
    (folder / "b.png").symlink_to("/proc/self/mem")  # opens, then fails to read
    Image.fromarray(coffee).save(folder / "c.png")
    result = tiny_cli("everything", "--input", folder, "--output", tmp_path / "masks", "--points-per-side", "2")
    assert result.returncode == 1 and "skipped b.png: cannot read b.png" in result.stderr, result.stderr
    assert "2 image(s)" in result.stdout and "Traceback" not in result.stderr
    result = tiny_cli("everything", "--input", folder, "--output", tmp_path / "m2", "--crop-overlap-ratio", "nan")
    assert result.returncode == 2 and "crop_overlap_ratio must be a finite number" in result.stderr


def test_read_bytes_is_bounded_even_when_the_file_grows(tmp_path, limits):
    limits.max_file_size = 1000
    path = tmp_path / "a.bin"
    path.write_bytes(bytes(999))
    assert len(read_bytes(path)) == 999
    path.write_bytes(bytes(1001))
    with pytest.raises(SamAppError, match="over the 1000 bytes limit"):
        read_bytes(path)


# ---------------------------------------------------------------- 12, 13: what is served, what is shared

def test_the_output_folder_serves_no_guessable_file(served):
    import httpx

    service, url = served
    from sam_app.ui.outputs import OWNER

    root = next(Path(os.environ["GRADIO_TEMP_DIR"]).rglob("sam_app_outputs_*"))
    assert not (root / ".owner").exists()
    owner = next(root.glob(OWNER + "*"))
    assert len(owner.name) >= len(OWNER) + 32  # 128 random bits
    response = httpx.get(f"{url}gradio_api/file={root / '.owner'}")
    assert response.status_code in (403, 404)


def test_a_private_cache_keeps_each_owner_apart(tiny_model, coffee):
    owner = ["ann"]
    private = make_service(tiny_model, cache_owner=lambda: owner[0])
    private.embedding(private.load_image(coffee))
    owner[0] = "bob"
    private.embedding(private.load_image(coffee))  # bob cannot tell that ann sent it
    assert private.encode_count == 2
    shared = make_service(tiny_model)
    for _ in range(2):
        shared.embedding(shared.load_image(coffee))
    assert shared.encode_count == 1
