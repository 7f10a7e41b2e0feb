"""``sam-app project ...`` as a user runs it: create, status, import, export, check,
prelabel (resumed), and the web UI's --project refusing a folder that is not one."""

import json

import pytest
from pycocotools.coco import COCO

from sam_app.projects import Project

from conftest import run_cli
from test_project_ui import NAMES, pictures


@pytest.fixture
def made(tmp_path):
    folder = tmp_path / "proj"
    done = run_cli("project", "create", folder, "--images", pictures(tmp_path / "photos"), "--classes", "person,car")
    assert done.returncode == 0, done.stderr
    return folder


def test_create_status_import_export_and_check(made, tmp_path):
    assert "5 images" in run_cli("project", "status", made).stdout
    coco = {"images": [{"id": 1, "file_name": "a.png", "width": 160, "height": 120},
                       {"id": 2, "file_name": "elsewhere.png", "width": 160, "height": 120}],
            "categories": [{"id": 3, "name": "car"}],
            "annotations": [{"id": 1, "image_id": 1, "category_id": 3, "iscrowd": 0,
                             "segmentation": [[40, 30, 100, 30, 100, 80, 40, 80]], "area": 3000,
                             "bbox": [40, 30, 60, 50]},
                            {"id": 2, "image_id": 2, "category_id": 3, "iscrowd": 0,
                             "segmentation": [[0, 0, 9, 0, 9, 9]], "area": 40, "bbox": [0, 0, 9, 9]}]}
    (tmp_path / "in.json").write_text(json.dumps(coco))
    done = run_cli("project", "import", made, "--coco", tmp_path / "in.json")
    assert done.returncode == 0, done.stderr
    assert "elsewhere.png" in done.stdout  # what could not be mapped is listed, not dropped silently
    summary = json.loads(run_cli("project", "status", made, "--json").stdout)
    assert summary["classes"]["car"] == {"objects": 1, "images": 1} and summary["statuses"]["todo"] == 5
    done = run_cli("project", "export", made, "--format", "coco,yolo", "--output", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    exported = COCO(str(tmp_path / "out" / "annotations.json"))
    (annotation,) = exported.loadAnns(exported.getAnnIds())
    assert exported.loadCats(annotation["category_id"])[0]["name"] == "car"
    assert exported.annToMask(annotation).sum() == 3000
    assert (tmp_path / "out" / "yolo" / "labels" / "a.txt").read_text().startswith("1 ")
    assert run_cli("project", "check", made).returncode == 0
    (tmp_path / "photos" / "b.png").unlink()
    done = run_cli("project", "check", made)
    assert done.returncode == 1 and "b.png" in done.stdout
    done = run_cli("project", "export", made, "--format", "cvat", "--output", tmp_path / "x")
    assert done.returncode == 2 and "cvat" in done.stderr


def test_bad_input_gets_a_clear_message(made, tmp_path):
    done = run_cli("project", "create", made, "--images", tmp_path / "photos", "--classes", "a")
    assert done.returncode == 2 and "holds a project already" in done.stderr
    done = run_cli("project", "status", tmp_path)
    assert done.returncode == 2 and "not a project folder" in done.stderr
    done = run_cli("project", "create", tmp_path / "p2", "--images", tmp_path / "photos", "--classes", "a",
                   "--db", "mysql://x@y/z")
    assert done.returncode == 2 and "only PostgreSQL" in done.stderr
    assert not (tmp_path / "p2" / "project.json").exists()
    done = run_cli("webui", "--project", tmp_path / "photos")
    assert done.returncode == 2 and "not a project folder" in done.stderr


def test_prelabel_from_coco_boxes_resumes(made, tmp_path, tiny_cli):
    coco = {"images": [{"id": k + 1, "file_name": n, "width": 160, "height": 120} for k, n in enumerate(NAMES)],
            "categories": [{"id": 1, "name": "car"}],
            "annotations": [{"id": k + 1, "image_id": k + 1, "category_id": 1, "bbox": [40, 30, 60, 50]}
                            for k in range(5)]}
    (tmp_path / "boxes.json").write_text(json.dumps(coco))
    done = tiny_cli("project", "prelabel", made, "--boxes-from", tmp_path / "boxes.json")
    assert done.returncode == 0, done.stderr
    assert "5 image(s) pre-labelled with 5 proposal(s)" in done.stdout
    again = tiny_cli("project", "prelabel", made, "--boxes-from", tmp_path / "boxes.json")
    assert "0 image(s) pre-labelled with 0 proposal(s), 5 done before" in again.stdout
    status = run_cli("project", "status", made)
    assert "5 proposals" in status.stdout and "done, 5 of 5 images" in status.stdout
    project = Project.open(made)
    objects = [o for i in project.image_list() for o in project.image(i.id).objects]
    assert all(o.proposal and o.source == "prelabel" for o in objects) and len(objects) == 5
