"""Datasets from folders (python -m sam_app batch): the files load with pycocotools and
equal single-image results, YOLO labels parse back, bad files are reported, runs
resume, and Ray gives the same files as the local engine."""

import json
import os
import signal
import time

import numpy as np
import pytest
from PIL import Image
from pycocotools.coco import COCO

from sam_app.batch import Store, from_coco, from_prompts, parse_formats
from sam_app.batch.work import polygons
from sam_app.errors import SamAppError
from sam_app.export import decode_rle

from agreement import assert_agree
from conftest import make_service

PROMPTS = [
    {"image": "coffee.png", "objects": [{"box": [50, 50, 300, 250], "category": "cup"},
                                        {"points": [[200, 200]], "category": "table"}]},
    {"image": "astronaut.jpg", "objects": [{"points": [[250, 150], [20, 20]], "labels": [1, 0], "category": "person"}]},
    {"image": "gray.png", "objects": [{"box": [10, 10, 200, 200], "category": "person"}]},
    {"image": "rgba.png", "objects": [{"box": [10, 10, 150, 150]}]},
    {"image": "broken.jpg", "objects": [{"box": [10, 10, 150, 150]}]},
    {"image": "sub/crop.webp", "objects": [{"box": [10, 10, 150, 150], "points": [[50, 50]], "category": "cup"}]},
]


@pytest.fixture
def folder(tmp_path, coffee, astronaut):
    """Six images (one corrupt, one grayscale, one RGBA, one in a subfolder) and their prompts."""
    images = tmp_path / "images"
    (images / "sub").mkdir(parents=True)
    Image.fromarray(coffee).save(images / "coffee.png")
    Image.fromarray(astronaut).save(images / "astronaut.jpg", quality=95)
    Image.fromarray(astronaut[:300, :400]).convert("L").save(images / "gray.png")
    alpha = np.full(coffee.shape[:2], 128, np.uint8)
    Image.fromarray(np.dstack([coffee, alpha]), "RGBA").crop((0, 0, 300, 200)).save(images / "rgba.png")
    (images / "broken.jpg").write_bytes((images / "astronaut.jpg").read_bytes()[:2000])
    Image.fromarray(coffee[100:, 100:]).save(images / "sub" / "crop.webp", lossless=True)
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text("\n".join(json.dumps(line) for line in PROMPTS) + "\n")
    return images, prompts


def check_equals_segment(coco: COCO, images, tiny_model, multimask=False):
    """Every annotation decodes to the mask ``service.segment`` gives for its prompt."""
    service = make_service(tiny_model)
    by_name = {line["image"]: line["objects"] for line in PROMPTS}
    checked = 0
    for image in coco.loadImgs(coco.getImgIds()):
        anns = coco.loadAnns(coco.getAnnIds(imgIds=image["id"]))
        for ann, obj in zip(anns, by_name[image["file_name"]]):
            points = np.asarray(obj.get("points", []), np.float32).reshape(-1, 2)
            boxes = np.asarray([obj["box"]], np.float32) if "box" in obj else None
            result = service.segment(images / image["file_name"], points, obj.get("labels"), boxes,
                                     multimask=multimask)
            expected = result.objects[0].mask(result.objects[0].best)
            assert_agree(coco.annToMask(ann).astype(bool), expected)  # beside the image's other objects, and alone
            assert coco.loadCats(ann["category_id"])[0]["name"] == obj.get("category", "object")
            checked += 1
    return checked


def test_prompts_to_coco_yolo_png_equal_single_image_results(tiny_cli, tiny_model, folder, tmp_path):
    images, prompts = folder
    out = tmp_path / "out"
    result = tiny_cli("batch", "--images", images, "--output", out, "--prompts", prompts, "--format", "coco,yolo,png")
    assert result.returncode == 1, result.stderr  # the corrupt file
    assert "broken.jpg" in result.stderr and "truncated or corrupt" in result.stderr
    assert "5 done, 0 skipped (done before), 1 failed" in result.stdout

    coco = COCO(str(out / "annotations.json"))
    assert sorted(im["file_name"] for im in coco.loadImgs(coco.getImgIds())) == [
        "astronaut.jpg", "coffee.png", "gray.png", "rgba.png", "sub/crop.webp"]
    assert check_equals_segment(coco, images, tiny_model) == 6
    for ann in coco.loadAnns(coco.getAnnIds()):
        png = np.asarray(Image.open(out / ann["mask_file"])) > 0
        assert np.array_equal(png, coco.annToMask(ann).astype(bool))
        assert ann["area"] == int(png.sum()) and ann["score"] is not None
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert [m["status"] for m in manifest] == ["done", "done", "done", "done", "failed", "done"]

    # Polygons: the same run again only reassembles (nothing is segmented again).
    again = tiny_cli("batch", "--images", images, "--output", out, "--prompts", prompts, "--format", "coco,yolo",
                     "--polygons")
    assert "0 done, 5 skipped (done before), 1 failed" in again.stdout, again.stderr
    coco = COCO(str(out / "annotations.json"))
    classes = (out / "classes.txt").read_text().splitlines()
    assert classes == ["cup", "table", "person", "object"]
    for image in coco.loadImgs(coco.getImgIds()):
        lines = (out / "labels" / (os.path.splitext(image["file_name"])[0] + ".txt")).read_text().splitlines()
        anns = [a for a in coco.loadAnns(coco.getAnnIds(imgIds=image["id"])) if a["segmentation"]]
        assert len(lines) == len(anns)
        for line, ann in zip(lines, anns):
            cls, *coords = line.split()
            assert classes[int(cls)] == coco.loadCats(ann["category_id"])[0]["name"]
            xy = np.asarray(coords, float).reshape(-1, 2) * [image["width"], image["height"]]
            polygon = np.asarray(ann["segmentation"][0]).reshape(-1, 2)
            assert xy.shape == polygon.shape and np.abs(xy - polygon).max() <= 1.0


def test_boxes_from_coco_keep_categories_and_ids(tiny_cli, tiny_model, folder, tmp_path):
    images, _ = folder
    source = {"images": [{"id": 7, "file_name": "coffee.png", "width": 600, "height": 400},
                         {"id": 9, "file_name": "gray.png", "width": 400, "height": 300},
                         {"id": 11, "file_name": "rgba.png", "width": 300, "height": 200}],
              "annotations": [{"id": 70, "image_id": 7, "category_id": 3, "bbox": [50, 50, 250, 200]},
                              {"id": 71, "image_id": 7, "category_id": 5, "bbox": [300, 100, 200, 250]},
                              {"id": 90, "image_id": 9, "category_id": 5, "bbox": [10, 10, 190, 190]}],
              "categories": [{"id": 3, "name": "cup"}, {"id": 5, "name": "saucer"}]}
    (tmp_path / "boxes.json").write_text(json.dumps(source))
    out = tmp_path / "out"
    result = tiny_cli("batch", "--images", images, "--output", out, "--boxes-from", tmp_path / "boxes.json")
    assert result.returncode == 0, result.stderr
    coco = COCO(str(out / "annotations.json"))
    assert coco.getImgIds() == [7, 9] and sorted(coco.getAnnIds()) == [70, 71, 90]
    assert coco.loadCats([3, 5]) == source["categories"]
    service = make_service(tiny_model)
    for ann in coco.loadAnns([70, 71, 90]):
        box = next(a["bbox"] for a in source["annotations"] if a["id"] == ann["id"])
        name = coco.loadImgs(ann["image_id"])[0]["file_name"]
        x, y, w, h = box
        expected = service.segment(images / name, boxes=np.asarray([[x, y, x + w, y + h]])).objects[0].mask(0)
        assert_agree(coco.annToMask(ann).astype(bool), expected)  # beside the image's other boxes, and alone
        assert ann["category_id"] == next(a["category_id"] for a in source["annotations"] if a["id"] == ann["id"])


def test_interrupted_run_resumes_to_the_same_dataset(tiny_cli, folder, tmp_path):
    images, prompts = folder
    (images / "broken.jpg").unlink()
    every = ["--images", images, "--everything", "--points-per-side", "2", "--pred-iou-thresh", "0",
             "--stability-score-thresh", "0", "--decoder", "torch", "--format", "coco,yolo,png"]
    whole = tiny_cli("batch", "--output", tmp_path / "whole", *every)
    assert whole.returncode == 0, whole.stderr

    out = tmp_path / "resumed"
    process = tiny_cli("batch", "--output", out, *every, wait=False)
    deadline = time.time() + 300
    while len(list((out / "parts").glob("*.json"))) < 2 and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)  # Ctrl-C
    process.communicate(timeout=120)
    finished = len(list((out / "parts").glob("*.json")))
    assert 2 <= finished < 5 and process.returncode == 130
    assert not [p for p in out.rglob(".*")], "a half-written file was left behind"
    assert not (out / "annotations.json").exists()

    resumed = tiny_cli("batch", "--output", out, *every)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{5 - finished} done, {finished} skipped (done before), 0 failed" in resumed.stdout
    for name in ["annotations.json", "classes.txt", *(str(p.relative_to(tmp_path / "whole"))
                                                      for p in (tmp_path / "whole").rglob("*.*")
                                                      if p.parts[-2] != "parts" and p.suffix in (".png", ".txt"))]:
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name

    # New settings redo every image and replace its part.
    changed = tiny_cli("batch", "--output", out, *every[:-2], "--points-per-side", "1")
    assert "5 done, 0 skipped" in changed.stdout and len(list((out / "parts").glob("*.json"))) == 5


@pytest.mark.slow
def test_ray_engine_writes_the_same_files_as_the_local_engine(tiny_cli, folder, tmp_path):
    pytest.importorskip("ray")
    images, prompts = folder
    common = ["--images", images, "--prompts", prompts, "--format", "coco,yolo,png", "--polygons"]
    local = tiny_cli("batch", "--output", tmp_path / "local", *common)
    ray = tiny_cli("batch", "--output", tmp_path / "ray", *common, "--engine", "ray", "--workers", "2")
    assert local.returncode == ray.returncode == 1, ray.stderr
    assert "5 done, 0 skipped (done before), 1 failed" in ray.stdout
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "ray") for p in (tmp_path / "ray").rglob("*") if p.is_file())
    for name in files:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "ray" / name).read_bytes(), name


def test_bad_job_descriptions_are_specific(tmp_path, folder):
    images, _ = folder
    bad = tmp_path / "bad.jsonl"
    cases = [
        ('{"image": "coffee.png", "objects": [{"box": [1, 2, 3]}]}', "line 1, object 1: box has 3 numbers"),
        ('\n{"image": "coffee.png"', "line 2: not JSON"),
        ('{"image": "coffee.png", "objects": []}', '"objects" must be a non-empty list'),
        ('{"image": "coffee.png", "objects": [{"category": "cup"}]}', "no points and no box"),
        ('{"image": "a.png", "objects": [{"box": [1, 2, 3, 4]}]}\n' * 2, "image a.png appears twice"),
    ]
    for text, message in cases:
        bad.write_text(text)
        with pytest.raises(SamAppError, match=message):
            from_prompts(bad, images, False, {})
    bad.write_text('{"images": [{"id": 1, "file_name": "a.png"}], "annotations": [{"id": 1, "image_id": 2, '
                   '"category_id": 1, "bbox": [0, 0, 5, 5]}]}')
    with pytest.raises(SamAppError, match="image id 2, which is not in"):
        from_coco(bad, images, False, {})
    bad.write_text('{"annotations": []}')
    with pytest.raises(SamAppError, match="not a COCO file with boxes"):
        from_coco(bad, images, False, {})
    with pytest.raises(SamAppError, match="unknown dataset format voc"):
        parse_formats("coco,voc")


def test_a_prompt_outside_its_image_fails_that_image_only(tiny_cli, folder, tmp_path):
    images, _ = folder
    prompts = tmp_path / "p.jsonl"
    prompts.write_text(json.dumps({"image": "coffee.png", "objects": [{"points": [[5000, 10]]}]}) + "\n"
                       + json.dumps({"image": "gray.png", "objects": [{"points": [[50, 10]]}]}) + "\n"
                       + json.dumps({"image": "missing.png", "objects": [{"points": [[50, 10]]}]}) + "\n"
                       + json.dumps({"image": "astronaut.jpg", "objects": [{"points": [[50, 10]]}]}) + "\n")
    result = tiny_cli("batch", "--images", images, "--output", tmp_path / "out", "--prompts", prompts,
                      "--max-pixels", 250_000)
    assert result.returncode == 1
    assert "coffee.png: object 1: point 1" in result.stderr and "image file not found" in result.stderr
    assert "astronaut.jpg: the image is 512x512 = 0.3 megapixels, over the limit" in result.stderr
    assert "1 done, 0 skipped (done before), 3 failed" in result.stdout


def test_ray_engine_without_ray_says_how_to_install(monkeypatch, tmp_path):
    import sys

    from sam_app.batch import Job, run_ray

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails as if not installed
    with pytest.raises(SamAppError, match=r"pip install 'sam-app\[ray\]'"):
        next(run_ray(Job([], []), {}, Store(tmp_path)))


def test_polygons_are_outer_contours_largest_first():
    mask = np.zeros((20, 30), bool)
    mask[2:5, 2:5] = True
    mask[8:18, 10:25] = True
    found = polygons(mask)
    assert len(found) == 2
    assert sorted(zip(found[0][0::2], found[0][1::2])) == [(10, 8), (10, 17), (24, 8), (24, 17)]
    assert polygons(np.zeros((5, 5), bool)) == []


def test_store_writes_whole_files_only(tmp_path, monkeypatch):
    from sam_app.batch import store as store_module
    from sam_app.export import coco_rle

    mask = np.zeros((3, 4), bool)
    mask[1, 1:3] = True
    part = {"key": "k1", "file_name": "a/b.jpg", "image_id": 1, "width": 4, "height": 3, "empty": 0,
            "annotations": [{"segmentation": coco_rle(mask)}] * 2}
    store = Store(tmp_path / "out")
    calls = []

    def failing(mask):  # the disk fills up at the second mask
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return b"png"

    monkeypatch.setattr(store_module, "mask_png_bytes", failing)
    with pytest.raises(OSError):
        store.write(part, png=True)
    assert not list((tmp_path / "out").rglob("*.*")) and store.done_keys() == {}
    monkeypatch.undo()
    store.write(part, png=True)
    store.write({**part, "key": "k2"}, png=True)
    assert list(store.done_keys().values()) == ["k2"]
    png = np.asarray(Image.open(tmp_path / "out/masks/a/b/1.png")) > 0
    assert np.array_equal(png, decode_rle(part["annotations"][1]["segmentation"]))


@pytest.fixture
def batch_mode(tiny_model):
    import gradio as gr

    from sam_app.ui import build_ui

    with gr.Blocks():
        return build_ui(make_service(tiny_model)).batch


def run_ui(mode, uploads, source="Everything", prompts=None, formats=("coco", "png")):
    from sam_app.ui.state import Session

    final = {}  # the handler yields the table as images finish, then the summary and the zip
    for update in mode.on_run(uploads, source, prompts, 4, 0, 0, list(formats), False, Session(),
                              progress=lambda *a, **k: None):
        final.update(update)
    return final


def test_ui_batch_zip_with_prompts_gives_the_cli_dataset(batch_mode, tiny_cli, folder, tmp_path):
    import zipfile

    images, prompts = folder
    upload = tmp_path / "upload.zip"
    with zipfile.ZipFile(upload, "w") as archive:
        for path in images.rglob("*.*"):
            archive.write(path, path.relative_to(images).as_posix())
        archive.writestr("notes.txt", "not an image: left out")
    out = run_ui(batch_mode, [str(upload)], "Prompts file", str(prompts))
    assert [row[:2] for row in out[batch_mode.table]][4] == ["broken.jpg", "failed"]
    assert "5 done" in out[batch_mode.summary] and "Some images failed" in out[batch_mode.shared.message]
    with zipfile.ZipFile(out[batch_mode.download]) as archive:
        names = set(archive.namelist())
        assert {"annotations.json", "manifest.jsonl", "masks/sub/crop/0.png"} <= names
        assert not any(n.startswith("parts/") for n in names)
        ours = json.loads(archive.read("annotations.json"))
    cli = tiny_cli("batch", "--images", images, "--output", tmp_path / "cli", "--prompts", prompts,
                   "--format", "coco,png", "--decoder", "torch")
    assert ours == json.loads((tmp_path / "cli" / "annotations.json").read_text()), cli.stderr


def test_ui_batch_everything_and_its_messages(batch_mode, folder, tmp_path):
    import zipfile

    images, _ = folder
    out = run_ui(batch_mode, [str(images / "coffee.png"), str(images / "gray.png")], formats=("coco", "yolo"))
    assert [row[1] for row in out[batch_mode.table]] == ["done", "done"]
    assert all(row[2] > 0 for row in out[batch_mode.table])
    with zipfile.ZipFile(out[batch_mode.download]) as archive:
        assert {"annotations.json", "classes.txt", "labels/coffee.txt", "labels/gray.txt"} <= set(archive.namelist())
    # a picture of each result, its masks drawn, named with its count
    captions = [caption for _, caption in out[batch_mode.pictures]]
    assert captions == [f"{row[0]}: {row[2]} mask{'s' if row[2] > 1 else ''}" for row in out[batch_mode.table]]
    from PIL import Image

    coffee = Image.open(out[batch_mode.pictures][0][0])
    assert coffee.size == (512, 341)  # 600x400, at most 512 px on its longest side
    message = batch_mode.shared.message
    assert "Upload some images" in run_ui(batch_mode, [])[message]
    assert run_ui(batch_mode, [])[batch_mode.pictures] is None  # a failed run leaves no picture of an earlier one
    assert "Upload a prompts file" in run_ui(batch_mode, [str(images / "coffee.png")], "Prompts file")[message]
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../escape.png", b"x")
    assert "outside its folder" in run_ui(batch_mode, [str(evil)])[message]
    (tmp_path / "bad.zip").write_bytes(b"PK not really")
    assert "not a readable zip" in run_ui(batch_mode, [str(tmp_path / "bad.zip")])[message]


def test_ui_batch_says_what_it_left_out_trains_as_is_and_clears_a_failed_run(batch_mode, folder, tmp_path):
    """The first-hour findings: the count is of the uploads, an upload the prompts file does
    not name is said, a missing one is named without the server's folders, a failed run
    leaves nothing of the previous one on screen, no mask at all is said, and the zip
    holds the images and a data.yaml."""
    import zipfile

    import yaml

    images, _ = folder
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text(json.dumps({"image": "coffee.png", "objects": [{"box": [150, 60, 480, 340]}]}) + "\n"
                       + json.dumps({"image": "absent.png", "objects": [{"points": [[5, 5]]}]}) + "\n")
    out = run_ui(batch_mode, [str(images / "coffee.png"), str(images / "gray.png")], "Prompts file", str(prompts),
                 formats=("coco", "yolo"))
    assert out[batch_mode.table] is not None, out[batch_mode.shared.message]
    summary, rows = out[batch_mode.summary], {row[0]: row for row in out[batch_mode.table]}
    assert "**2 image(s)** of 2 uploaded" in summary and "left out: gray.png" in summary
    assert rows["absent.png"][1] == "failed" and "absent.png" in rows["absent.png"][3]
    assert str(batch_mode.shared.outputs.root) not in rows["absent.png"][3]  # no server folder
    with zipfile.ZipFile(out[batch_mode.download]) as archive:
        names = set(archive.namelist())
        assert {"images/coffee.png", "labels/coffee.txt", "classes.txt", "data.yaml"} <= names
        assert "images/gray.png" not in names  # only what the dataset describes
        data = yaml.safe_load(archive.read("data.yaml"))
    assert data["train"] == data["val"] == "images" and list(data["names"].values()) == ["object"]
    failed = run_ui(batch_mode, [str(images / "coffee.png")], "Prompts file", None)
    assert failed[batch_mode.download] is None and failed[batch_mode.summary] == "_No dataset yet._"
    assert failed[batch_mode.table] is None
    from sam_app.ui.state import Session

    empty = {}
    for update in batch_mode.on_run([str(images / "coffee.png")], "Everything", None, 2, 1.0, 1.0, ["coco"], False,
                                    Session(), progress=lambda *a, **k: None):
        empty.update(update)
    assert "no image has a mask: lower the predicted-IoU and stability thresholds" in empty[batch_mode.shared.message]


def test_a_box_outside_its_image_is_clipped_or_left_out_not_the_images_end(tiny_cli, folder, tmp_path):
    """A box reaching outside the image is clipped (said), one wholly outside leaves its
    object out (said), and the image's other objects are made: in batch and in segment."""
    images, _ = folder
    prompts = tmp_path / "p.jsonl"
    prompts.write_text(json.dumps({"image": "coffee.png", "objects": [
        {"box": [500, 300, 700, 450]}, {"box": [650, 10, 700, 50]}, {"box": [10, 10, 200, 200]}]}) + "\n")
    result = tiny_cli("batch", "--images", images, "--output", tmp_path / "out", "--prompts", prompts)
    assert result.returncode == 0, result.stderr
    assert "1 done" in result.stdout
    assert ("note: coffee.png: object 1: box 1 (500 300 700 450) reached outside the 600x400 image: clipped to "
            "500 300 600 400; object 2 left out: its box (650 10 700 50) lies wholly outside the 600x400 image"
            in result.stderr)
    coco = json.loads((tmp_path / "out" / "annotations.json").read_text())
    assert len(coco["annotations"]) == 2  # objects 1 (clipped) and 3
    single = tiny_cli("segment", images / "coffee.png", "--boxes", "500 300 700 450", "--out-dir", tmp_path / "one")
    assert single.returncode == 0, single.stderr
    said = "note: box 1 (500 300 700 450) reached outside the 600x400 image: clipped to 500 300 600 400"
    assert said in single.stderr
    data = json.loads((tmp_path / "one" / "result.json").read_text())
    assert data["objects"][0]["prompt"]["box"] == [500, 300, 600, 400]
