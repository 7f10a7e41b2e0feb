"""Import and export of project annotations (sam_app.projects.formats): COCO (RLE and
polygons with holes, checked with pycocotools), YOLO, semantic PNGs, LabelMe and per-object
PNGs through export -> import -> export, the same bytes from the same database, and
hostile input. Small synthetic images, no model."""

import base64
import io
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image
from pycocotools import mask as mask_utils
from pycocotools.coco import COCO

from sam_app.limits import LIMITS
from sam_app.projects import ObjectRecord, Project, ProjectError
from sam_app.projects.formats import EXPORT_FORMATS, export_project, import_annotations
from sam_app.projects.formats.geometry import fill_polygons, keyholes, single_polygon

SIZES = {"a.png": (60, 80), "sub/b.png": (48, 64), "c.png": (40, 50)}  # name -> (height, width)


@pytest.fixture
def images(tmp_path) -> Path:
    folder = tmp_path / "imgs"
    rng = np.random.default_rng(0)
    for name, (h, w) in SIZES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(rng.integers(0, 255, (h, w, 3), dtype=np.uint8)).save(folder / name)
    return folder


def new_project(tmp_path, images, name="proj", db=None) -> Project:
    return Project.create(tmp_path / name, images=images, classes=["person", "car"], db=db)


def ring(h, w, box, hole) -> np.ndarray:
    """HxW bool: the rectangle ``box`` (x0, y0, x1, y1, exclusive) less ``hole``."""
    mask = np.zeros((h, w), bool)
    mask[box[1]:box[3], box[0]:box[2]] = True
    mask[hole[1]:hole[3], hole[0]:hole[2]] = False
    return mask


def disc(h, w, centre, radius) -> np.ndarray:
    mask = np.zeros((h, w), np.uint8)
    cv2.circle(mask, centre, radius, 1, -1)
    return mask.astype(bool)


def by_path(project) -> dict:
    return {i.path: i.id for i in project.image_list()}


@pytest.fixture
def project(tmp_path, images, project_db) -> Project:
    """a.png: a person with a hole and an island in it, a car in two parts, a proposal;
    sub/b.png: two overlapping objects; c.png: none. On SQLite and on PostgreSQL."""
    project = new_project(tmp_path, images, db=project_db)
    ids, classes = by_path(project), project.class_by_name()
    person = ring(60, 80, (5, 5, 45, 45), (15, 15, 35, 35)) | disc(60, 80, (25, 25), 4)
    car = disc(60, 80, (60, 15), 8) | disc(60, 80, (65, 48), 6)
    proposal = disc(60, 80, (70, 30), 5)
    objects = [ObjectRecord.from_mask(person, classes["person"], "click", score=0.875),
               ObjectRecord.from_mask(car, classes["car"], "box"),
               ObjectRecord.from_mask(proposal, classes["car"], "prelabel", proposal=True, score=0.5)]
    project.amend(ids["a.png"], lambda image: objects, "ann")
    first, second = disc(48, 64, (20, 20), 12), disc(48, 64, (30, 26), 10)
    project.amend(ids["sub/b.png"], lambda image: [ObjectRecord.from_mask(first, classes["car"], "click"),
                                                   ObjectRecord.from_mask(second, classes["person"], "click")], "ann")
    return project


def objects_of(project, proposals=False) -> dict:
    """path -> [(class name, HxW mask)] of a project's (non-proposal) objects."""
    names = {c.id: c.name for c in project.classes()}
    found = {}
    for listed in project.image_list():
        image = project.image(listed.id)
        found[image.path] = [(names[o.class_id], o.mask(image.height, image.width)) for o in image.objects
                             if proposals or not o.proposal]
    return found


def tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def near_boundary(mask: np.ndarray) -> np.ndarray:
    """Pixels within 1 px of the mask's boundary (either side)."""
    kernel = np.ones((3, 3), np.uint8)
    m = mask.astype(np.uint8)
    return (cv2.dilate(m, kernel) != cv2.erode(m, kernel))


# ---------------------------------------------------------------- geometry


def test_polygons_along_pixel_edges_fill_back_to_the_very_mask():
    rng = np.random.default_rng(1)
    for t in range(300):
        h, w = (int(v) for v in rng.integers(1, 30, 2))
        mask = rng.random((h, w)) < rng.random()
        polygons = [r.ravel().tolist() for r in keyholes(mask)]
        assert np.array_equal(fill_polygons(polygons, h, w) if polygons else np.zeros((h, w), bool), mask), t
        if mask.any():
            assert np.array_equal(fill_polygons([single_polygon(mask).ravel().tolist()], h, w), mask), t


# ---------------------------------------------------------------- COCO


def coco_file(path: Path, images, annotations, categories=({"id": 1, "name": "person"},)) -> Path:
    path.write_text(json.dumps({"images": images, "annotations": annotations, "categories": list(categories)}))
    return path


def test_coco_rle_and_polygons_with_a_hole_import_and_export(tmp_path, images, project_db):
    project = new_project(tmp_path, images, db=project_db)
    a = by_path(project)["a.png"]
    rle_mask = ring(60, 80, (10, 10, 50, 50), (20, 20, 30, 30)) | disc(60, 80, (65, 40), 7)
    rle = mask_utils.encode(np.asfortranarray(rle_mask.astype(np.uint8)))
    drawn = ring(60, 80, (8, 5, 70, 55), (30, 20, 50, 40))  # drawn, then its outlines as two polygons
    contours, _ = cv2.findContours(drawn.astype(np.uint8), cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    polygons = [c.reshape(-1).astype(float).tolist() for c in contours]
    source = coco_file(tmp_path / "in.json", [{"id": 7, "file_name": "a.png", "width": 80, "height": 60}], [
        {"id": 1, "image_id": 7, "category_id": 1, "segmentation": {"size": [60, 80],
                                                                    "counts": rle["counts"].decode()}, "score": 0.5},
        {"id": 2, "image_id": 7, "category_id": 2, "segmentation": polygons}],
        [{"id": 1, "name": "person"}, {"id": 2, "name": "dog"}])
    before = project.image(a).revision
    report = import_annotations(project, "coco", source)
    assert (report.images, report.objects, report.added_classes, report.unmapped) == (1, 2, ["dog"], [])
    image = project.image(a)
    assert image.revision == before + 1  # one amend for the image
    first, second = image.objects
    assert (first.source, first.proposal, first.score) == ("import", False, 0.5)
    assert first.counts == rle["counts"].decode()
    got = second.mask(60, 80)
    assert not got[30, 40] and got[10, 10]  # the hole is a hole
    assert (got != drawn).sum() > 0 and not ((got != drawn) & ~near_boundary(drawn)).any()

    export_project(project, tmp_path / "rle", ["coco"])
    document = json.loads((tmp_path / "rle" / "annotations.json").read_text())
    assert document["annotations"][0]["segmentation"]["counts"] == rle["counts"].decode()
    assert document["annotations"][0]["score"] == 0.5 and "score" not in document["annotations"][1]
    assert [c["id"] for c in document["categories"]] == [1, 2, 3]
    assert document["images"][0] == {"id": a, "file_name": "a.png", "width": 80, "height": 60}

    export_project(project, tmp_path / "poly", ["coco"], polygons=True)
    coco = COCO(str(tmp_path / "poly" / "annotations.json"))
    anns = coco.loadAnns(coco.getAnnIds(imgIds=[a]))
    assert all(isinstance(x["segmentation"], list) for x in anns)
    assert np.array_equal(coco.annToMask(anns[0]).astype(bool), rle_mask)  # every hole and part kept, exactly
    assert np.array_equal(coco.annToMask(anns[1]).astype(bool), got)
    assert coco.annToMask(anns[1])[30, 40] == 0


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt,kind,folder", [("yolo", "yolo", "yolo"), ("semantic", "masks", "semantic"),
                                             ("labelme", "labelme", "labelme"), ("png", "masks", "masks")])
def test_export_import_export_gives_the_same_bytes(tmp_path, images, project, fmt, kind, folder):
    export_project(project, tmp_path / "out1", [fmt])
    fresh = new_project(tmp_path, images, "proj2")
    report = import_annotations(fresh, kind, tmp_path / "out1" / folder)
    assert report.unmapped == [] and report.added_classes == []
    export_project(fresh, tmp_path / "out2", [fmt])
    first, second = tree(tmp_path / "out1"), tree(tmp_path / "out2")
    assert first and first == second
    if fmt != "semantic":  # instances kept whole, every part and hole
        original, imported = objects_of(project), objects_of(fresh)
        assert {k: len(v) for k, v in imported.items()} == {"a.png": 2, "c.png": 0, "sub/b.png": 2}
        for path, found in original.items():
            assert [n for n, _ in imported[path]] == [n for n, _ in found]
            assert all(np.array_equal(m1, m2) for (_, m1), (_, m2) in zip(found, imported[path]))


def test_yolo_writes_one_polygon_per_object_with_its_parts_and_holes(tmp_path, project):
    export_project(project, tmp_path / "out", ["yolo"])
    assert (tmp_path / "out" / "yolo" / "classes.txt").read_text() == "person\ncar\n"
    lines = (tmp_path / "out" / "yolo" / "labels" / "a.txt").read_text().splitlines()
    assert len(lines) == 2 and lines[0].startswith("0 ") and lines[1].startswith("1 ")
    values = np.array(lines[0].split()[1:], float).reshape(-1, 2) * (80, 60)
    assert np.array_equal(fill_polygons([values.ravel().tolist()], 60, 80),
                          objects_of(project)["a.png"][0][1])
    assert (tmp_path / "out" / "yolo" / "labels" / "c.txt").read_text() == ""


def test_semantic_png_palette_and_class_table(tmp_path, project):
    export_project(project, tmp_path / "out", ["semantic"])
    picture = Image.open(tmp_path / "out" / "semantic" / "sub" / "b.png")
    assert picture.mode == "P" and picture.size == (64, 48)
    table = json.loads((tmp_path / "out" / "semantic" / "classes.json").read_text())
    assert [table[k]["name"] for k in ("0", "1", "2")] == ["background", "person", "car"]
    indices = np.asarray(picture)
    assert indices[26, 30] == 1 and indices[20, 12] == 2 and indices[0, 0] == 0  # the later object on top
    assert tuple(picture.getpalette()[3:6]) == tuple(bytes.fromhex(table["1"]["colour"][1:]))


def test_labelme_files(tmp_path, project):
    export_project(project, tmp_path / "out", ["labelme"])
    document = json.loads((tmp_path / "out" / "labelme" / "sub" / "b.json").read_text())
    assert document["imagePath"] == "../../../imgs/sub/b.png" and document["imageData"] is None
    assert (document["imageHeight"], document["imageWidth"]) == (48, 64)
    a = json.loads((tmp_path / "out" / "labelme" / "a.json").read_text())
    assert [(s["label"], s["group_id"]) for s in a["shapes"]] == [("person", 1), ("person", 1), ("car", 2),
                                                                   ("car", 2)]


def test_class_names_that_a_file_name_cannot_hold(tmp_path, images):
    project = new_project(tmp_path, images)
    project.add_classes(["a/b: 50%"])
    a, name = by_path(project)["a.png"], "a/b: 50%"
    project.amend(a, lambda image: [ObjectRecord.from_mask(disc(60, 80, (9, 9), 3), project.class_by_name()[name],
                                                           "click")], "ann")
    export_project(project, tmp_path / "out", ["png"])
    assert sorted(tree(tmp_path / "out" / "masks")) == ["a/0_a%2Fb%3A 50%25.png"]
    fresh = Project.create(tmp_path / "proj2", images=images, classes=["person"])
    report = import_annotations(fresh, "masks", tmp_path / "out" / "masks")
    assert report.added_classes == [name] and objects_of(fresh)["a.png"][0][0] == name


# ---------------------------------------------------------------- choices


def test_the_same_database_gives_the_same_bytes(tmp_path, project):
    first = export_project(project, tmp_path / "one", EXPORT_FORMATS)
    second = export_project(project, tmp_path / "two", EXPORT_FORMATS, polygons=False)
    assert len(first) == len(second) and all(p.is_file() for p in first)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    export_project(project, tmp_path / "one", EXPORT_FORMATS)  # again into the same folder: replaced whole
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert not [p for p in (tmp_path / "one").iterdir() if p.name.startswith(".")]
    ids = by_path(project)
    document = json.loads((tmp_path / "one" / "annotations.json").read_text())
    assert [i["id"] for i in document["images"]] == [ids["a.png"], ids["c.png"], ids["sub/b.png"]]
    assert [(x["id"], x["image_id"], x["category_id"]) for x in document["annotations"]] == [
        (1, ids["a.png"], 1), (2, ids["a.png"], 2), (3, ids["sub/b.png"], 2), (4, ids["sub/b.png"], 1)]


def test_reviewed_only_and_proposals(tmp_path, project):
    b = by_path(project)["sub/b.png"]
    project.set_status(b, "reviewed", project.image(b).version, "ann")
    export_project(project, tmp_path / "reviewed", ["coco", "png"], reviewed_only=True)
    document = json.loads((tmp_path / "reviewed" / "annotations.json").read_text())
    assert [i["file_name"] for i in document["images"]] == ["sub/b.png"] and len(document["annotations"]) == 2
    assert sorted(tree(tmp_path / "reviewed" / "masks")) == ["sub/b/0_car.png", "sub/b/1_person.png"]

    export_project(project, tmp_path / "all", ["coco"])
    assert len(json.loads((tmp_path / "all" / "annotations.json").read_text())["annotations"]) == 4
    export_project(project, tmp_path / "proposals", ["coco"], proposals=True)
    document = json.loads((tmp_path / "proposals" / "annotations.json").read_text())
    assert len(document["annotations"]) == 5 and document["annotations"][2]["score"] == 0.5


def test_replace_and_unknown_choices(tmp_path, images, project):
    export_project(project, tmp_path / "out", ["png"])
    import_annotations(project, "masks", tmp_path / "out" / "masks")  # appended: twice as many
    assert len(objects_of(project, proposals=True)["a.png"]) == 5
    import_annotations(project, "masks", tmp_path / "out" / "masks", replace=True)
    assert len(objects_of(project, proposals=True)["a.png"]) == 2
    bad = coco_file(tmp_path / "bad.json", [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "sub/b.png"}],
                    [{"id": 1, "image_id": 1, "category_id": 1, "segmentation": {"size": [1, 1], "counts": "01"}}])
    report = import_annotations(project, "coco", bad, replace=True)  # sub/b.png listed bare: emptied
    assert report.images == 1 and "a.png: its objects were kept as they were" in report.unmapped[-1]
    found = objects_of(project, proposals=True)
    assert len(found["a.png"]) == 2 and found["sub/b.png"] == []
    with pytest.raises(ProjectError, match="expected one or more of coco, yolo"):
        export_project(project, tmp_path / "x", ["voc"])
    with pytest.raises(ProjectError, match="expected one of coco, yolo, labelme, masks"):
        import_annotations(project, "voc", tmp_path)
    with pytest.raises(ProjectError, match="neither classes.txt nor data.yaml"):
        import_annotations(project, "yolo", tmp_path / "out")


# ---------------------------------------------------------------- what cannot be mapped


def test_unmapped_is_listed_with_where_and_why(tmp_path, images):
    project = new_project(tmp_path, images)
    full = {"size": [60, 80], "counts": mask_utils.encode(np.asfortranarray(
        disc(60, 80, (40, 30), 9).astype(np.uint8)))["counts"].decode()}
    source = coco_file(tmp_path / "in.json", [
        {"id": 1, "file_name": "a.png", "width": 80, "height": 60},
        {"id": 2, "file_name": "elsewhere/z.png", "width": 80, "height": 60},
        {"id": 3, "file_name": "c.png", "width": 99, "height": 40}], [
        {"id": 10, "image_id": 1, "category_id": 1, "segmentation": full},
        {"id": 11, "image_id": 2, "category_id": 1, "segmentation": full},
        {"id": 12, "image_id": 3, "category_id": 1, "segmentation": full},
        {"id": 13, "image_id": 1, "category_id": 1, "segmentation": {"size": [40, 50], "counts": full["counts"]}},
        {"id": 14, "image_id": 1, "category_id": 1, "segmentation": [[200, 10, 210, 10, 210, 20]]},
        {"id": 15, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]}])
    report = import_annotations(project, "coco", source)
    assert report.objects == 1
    text = "\n".join(report.unmapped)
    assert "in.json, image id 2: image 'elsewhere/z.png' is not in the project (its 1 annotation not imported)" in text
    assert "in.json, image id 3: the file is for an image of 99 x 40 pixels; c.png is 50 x 40" in text
    assert "annotation 13: the RLE is 50 x 40 pixels; the image is 80 x 60" in text
    assert "annotation 14: polygon 1: the polygon lies outside the image" in text
    assert "annotation 15: no segmentation (a box only)" in text
    assert len(report.unmapped) == 5 and "Not imported (5):" in report.text()

    folder = tmp_path / "labelme"
    folder.mkdir()
    shapes = [{"label": "person", "points": [[10, 10], [30, 10], [30, 30]], "shape_type": "polygon"},
              {"label": "person", "points": [[40, 40], [45, 45]], "shape_type": "circle"},
              {"label": "cat", "points": [[5, 5], [20, 25]], "shape_type": "rectangle"},
              {"label": "car", "points": [[2, 3], [5, 6]], "shape_type": "mask",
               "mask": base64.b64encode(png((4, 4))).decode()}]
    (folder / "a.json").write_text(json.dumps({"imagePath": "../imgs/a.png", "shapes": shapes,
                                               "imageHeight": 60, "imageWidth": 80}))
    (folder / "zz.json").write_text(json.dumps({"imagePath": "zz.png", "shapes": shapes}))
    (folder / "sub").mkdir()
    (folder / "sub" / "b.json").write_text(json.dumps({"shapes": shapes[:1], "imageHeight": 10, "imageWidth": 10}))
    (folder / "broken.json").write_text("{")
    report = import_annotations(project, "labelme", folder)
    assert report.objects == 3 and report.added_classes == ["cat"]
    text = "\n".join(report.unmapped)
    assert "a.json, shape 2: shape type 'circle' is not supported; polygon, rectangle and mask are" in text
    assert "zz.json: image 'zz' is not in the project" in text
    assert "sub/b.json: the file is for an image of 10 x 10 pixels; sub/b.png is 64 x 48" in text
    assert "\nbroken.json: not JSON (" in text
    rectangle = [o for o in project.image(by_path(project)["a.png"]).objects if o.area == 15 * 20]
    assert len(rectangle) == 1
    car = project.image(by_path(project)["a.png"]).objects[-1]
    assert car.bbox == (2, 3, 4, 4)


def png(size, value=255) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", size, value).save(buffer, format="PNG")
    return buffer.getvalue()


def test_masks_that_do_not_fit_are_listed(tmp_path, images):
    project = new_project(tmp_path, images)
    folder = tmp_path / "masks"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "0_person.png").write_bytes(png((80, 60)))
    (folder / "a" / "1_person.png").write_bytes(png((81, 60)))
    (folder / "a" / "2_person.png").write_bytes(png((80, 60), 0))
    (folder / "a" / "3_a%2Fb.png").write_bytes(b"not a png")
    (folder / "a" / "notes.png").write_bytes(png((80, 60)))
    (folder / "zz").mkdir()
    (folder / "zz" / "0_person.png").write_bytes(png((80, 60)))
    (tmp_path / "outside.png").write_bytes(png((80, 60)))
    (folder / "a" / "4_person.png").symlink_to(tmp_path / "outside.png")
    report = import_annotations(project, "masks", folder)
    assert report.objects == 1
    assert "a/4_person.png: a symbolic link: not followed" in report.unmapped
    text = "\n".join(report.unmapped)
    assert "a/1_person.png: the mask is 81 x 60 pixels; expected 80 x 60" in text
    assert "a/2_person.png: the mask is empty" in text
    assert "a/3_a%2Fb.png: not an image (a PNG is expected)" in text
    assert "a/notes.png: not <image path without suffix>/<k>_<class name>.png" in text
    assert "zz: image 'zz' is not in the project (1 mask file not imported)" in text


# ---------------------------------------------------------------- hostile input


def test_hostile_input_gives_clear_messages(tmp_path, images, monkeypatch):
    project = new_project(tmp_path, images)
    a = by_path(project)["a.png"]
    over = mask_utils.encode(np.asfortranarray(np.ones((600, 800), np.uint8)))["counts"].decode()  # 480,000 pixels
    source = coco_file(tmp_path / "in.json", [
        {"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "../../etc/passwd"},
        {"id": 3, "file_name": "/etc/passwd"}], [
        {"id": 1, "image_id": 1, "category_id": 1, "segmentation": {"size": [60, 80], "counts": over}},
        {"id": 2, "image_id": 1, "category_id": 1, "segmentation": {"size": [60, 80], "counts": [4000, 1000]}},
        {"id": 3, "image_id": 1, "category_id": 1, "segmentation": {"size": [60, 80], "counts": [5000, -200, 0]}},
        {"id": 4, "image_id": 1, "category_id": 1, "segmentation": {"size": [60, 80], "counts": "\x00\x01"}},
        {"id": 5, "image_id": 1, "category_id": 1, "segmentation": {"size": [60, 80], "counts": "0" * 10 + "k"}},
        {"id": 6, "image_id": 1, "category_id": 1, "segmentation": [[0, 0, 1e300, 0, 5, 5]]},
        {"id": 7, "image_id": 1, "category_id": 1, "segmentation": [[0, 0, "5", 0, 5, 5]]},
        {"id": 8, "image_id": 2, "category_id": 1, "segmentation": {"size": [60, 80], "counts": over}},
        {"id": 9, "image_id": 1, "category_id": 1, "segmentation": {"size": [60, 80], "counts": "o" * 8 + "0"}}])
    report = import_annotations(project, "coco", source)
    assert report.objects == 0 and project.image(a).objects == []
    text = "\n".join(report.unmapped)
    assert "annotation 1: the RLE runs add up to 480,000 pixels; the image has 60 x 80 = 4,800" in text
    assert "annotation 2: the RLE runs add up to 5,000 pixels" in text
    assert "annotation 3: the RLE holds a negative run (-200)" in text
    assert "annotation 4: the RLE counts hold characters outside COCO's alphabet" in text
    assert "annotation 5: the RLE counts end in the middle of a number" in text
    assert "annotation 9: the RLE counts hold a number of 9 characters; at most 7 are read" in text
    assert "annotation 6: polygon 1: the polygon lies outside the image" in text
    assert "annotation 7: polygon 1: a polygon's coordinates must be numbers" in text
    assert "image '../../etc/passwd' is outside the images folder" in text
    assert "image '/etc/passwd' is outside the images folder" in text

    monkeypatch.setattr(LIMITS, "max_file_size", 100)
    with pytest.raises(ProjectError, match=r"in\.json is .*over the 100 bytes limit.*--max-file-size"):
        import_annotations(project, "coco", source)
    folder = tmp_path / "yolo"
    (folder / "labels").mkdir(parents=True)
    (folder / "classes.txt").write_text("person\n")
    (folder / "labels" / "a.txt").write_text("0 " + " ".join(["0.5"] * 100) + "\n")
    report = import_annotations(project, "yolo", folder)
    assert report.objects == 0 and report.unmapped[0].startswith(
        "labels/a.txt is 402 bytes, over the 100 bytes limit on a file (--max-file-size")


def test_the_object_limit_is_checked_before_anything_is_saved(tmp_path, images, project, monkeypatch):
    export_project(project, tmp_path / "out", ["semantic", "yolo"])
    fresh = new_project(tmp_path, images, "proj2")
    monkeypatch.setattr(LIMITS, "max_import_objects", 3)
    for kind, folder in (("masks", "semantic"), ("yolo", "yolo")):
        with pytest.raises(ProjectError, match="more than 3 objects.*--max-import-objects or the "
                                               "SAM_MAX_IMPORT_OBJECTS environment variable raises it"):
            import_annotations(fresh, kind, tmp_path / "out" / folder)
    assert all(not i.objects for i in fresh.image_list())


def test_yolo_lines_that_cannot_be_read(tmp_path, images):
    project = new_project(tmp_path, images)
    folder = tmp_path / "yolo"
    folder.mkdir()
    (folder / "data.yaml").write_text("names:\n  0: person\n  1: horse\n")
    (folder / "a.txt").write_text("\n".join(["1 0.1 0.1 0.5 0.1 0.5 0.5", "7 0.1 0.1 0.5 0.1 0.5 0.5",
                                             "0 0.5 0.5 0.2 0.2", "0 0.1 0.1 0.5", "0 nan 0.1 0.5 0.1 0.5 0.5",
                                             "x 0.1"]) + "\n")
    report = import_annotations(project, "yolo", folder)
    assert report.objects == 1 and report.added_classes == ["horse"]
    text = "\n".join(report.unmapped)
    assert "a.txt, line 2: class '7' is not one of the 2 classes (0 to 1)" in text
    assert "a.txt, line 3: a box (YOLO detection), not a polygon" in text
    assert "a.txt, line 4: a polygon is a list of x y pairs, 3 pairs or more; got 3 numbers" in text
    assert "a.txt, line 5: the coordinates must be finite numbers" in text
    assert "a.txt, line 6: class 'x' is not one of the 2 classes" in text
