"""The Project mode through its handlers (as the page calls them), on SQLite and on a
real PostgreSQL server: labelling with classes, a server killed between two saves,
two people on one image, pre-label proposals accepted and deleted, Undo and Redo of
saves across pages, moved and changed files, what the page may open, prefetch."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import gradio as gr
import numpy as np
import pytest
from PIL import Image

from sam_app import batch
from sam_app.projects import Project, ProjectError
from sam_app.projects.library import Library
from sam_app.projects.prelabel import prelabel_job, run_prelabel
from sam_app.projects.report import status
from sam_app.ui.app import build_app_and_ui
from sam_app.ui.project_view import SELECT_MODE
from sam_app.ui.prompt_state import BOX_MODE

from conftest import REPO, make_service
from project_tab import ProjectTab, click

NAMES = ("a.png", "b.png", "c.png", "d.png", "e.png")


def pictures(folder: Path, names=NAMES) -> Path:
    """Small photos, each a bright rectangle on a dark ground (X 40-100, Y 30-80)."""
    folder.mkdir(parents=True, exist_ok=True)
    for k, name in enumerate(names):
        pixels = np.full((120, 160, 3), 30 + k, np.uint8)
        pixels[30:80, 40:100] = (200, 60 + 10 * k, 50)
        Image.fromarray(pixels).save(folder / name)
    return folder


@pytest.fixture
def project(tmp_path, project_db):
    folder = tmp_path / "proj"
    Project.create(folder, pictures(tmp_path / "photos"), ["person", "car"], project_db).close()
    return folder


@pytest.fixture
def ui(project, tiny_model):
    return build_app_and_ui(make_service(tiny_model), projects=Library(project))[1]


def test_labelling_with_two_classes_saves_each_accept_at_once(ui, project):
    tab = ProjectTab(ui, "ann")
    tab.open()
    assert tab.state.path == "a.png" and "a.png" in tab.values[tab.mode.heading]
    tab.pick_class("car")
    assert tab.values[tab.mode.text] == "car"  # the class name is the text prompt
    tab.click(70, 55)
    assert tab.state.result is not None and "1 object(s)" in tab.message
    tab.accept()
    assert "saved" in tab.message and tab.state.result is None  # the draft became a saved object
    tab.pick_class("person")
    tab.click(10, 10, BOX_MODE)
    tab.click(60, 60, BOX_MODE)
    tab.accept()
    saved = Project.open(project).image(tab.state.image_id)
    names = {c.id: c.name for c in Project.open(project).classes()}
    assert [names[o.class_id] for o in saved.objects] == ["car", "person"]
    assert [o.source for o in saved.objects] == ["click", "box"]
    assert saved.objects[1].prompt["box"] == [10.0, 10.0, 60.0, 60.0]
    assert (saved.status, saved.updated_by) == ("in_progress", "ann")  # the first accept starts the image
    assert [r[1] for r in tab.values[tab.mode.object_table]] == ["car", "person"]


def test_objects_are_selected_reclassed_refined_hidden_and_deleted(ui, project):
    tab = ProjectTab(ui)
    tab.open()
    tab.click(70, 55)
    tab.accept()
    tab.click(10, 10, BOX_MODE)
    tab.click(30, 30, BOX_MODE)
    tab.accept()
    tab.select(1)
    tab.pick_class("car")
    tab.change("class")
    assert "now car" in tab.message
    tab.refine()
    assert tab.state.editing == 0 and tab.state.points == [(70.0, 55.0, 1, 1)]
    tab.click(75, 60)
    tab.accept()
    objects = Project.open(project).image(tab.state.image_id).objects
    assert len(objects) == 2 and objects[0].source == "edited" and len(objects[0].prompt["points"]) == 2
    tab.select(2)
    tab.change("hide")
    assert Project.open(project).image(tab.state.image_id).objects[1].hidden
    ys, xs = np.nonzero(objects[1].mask(120, 160))
    tab.keep(tab.mode.on_click(SELECT_MODE, True, False, tab.view, tab.state, click(int(xs[0]), int(ys[0]))))
    assert tab.state.selected != 1  # a hidden object cannot be picked on the image
    tab.select(2)
    tab.change("delete")
    assert len(Project.open(project).image(tab.state.image_id).objects) == 1
    tab.history(-1)  # Undo save brings it back
    assert len(Project.open(project).image(tab.state.image_id).objects) == 2


def test_a_killed_server_loses_no_accepted_object_and_reopens_at_the_same_image(project, tiny_model, tmp_path,
                                                                                  project_db):
    """A process labelling through the handlers is killed (SIGKILL) between its second
    and third save; a new one finds both saves and opens at the image the person was on."""
    weights = tmp_path / "tiny.pt"
    import torch

    torch.save(tiny_model.state_dict(), weights)
    script = textwrap.dedent(f"""
        import sys, types, torch
        sys.path[:0] = [{str(REPO / "tests")!r}, {str(REPO)!r}]
        from conftest import make_service
        from models import tiny_sam
        from sam_app.projects.library import Library
        from sam_app.ui.app import build_app_and_ui
        from project_tab import ProjectTab
        model = tiny_sam()
        model.load_state_dict(torch.load({str(weights)!r}))
        ui = build_app_and_ui(make_service(model), projects=Library({str(project)!r}))[1]
        tab = ProjectTab(ui, "ann")
        tab.open()
        for name in ("car", "person", "car"):
            tab.pick_class(name)
            tab.click(70, 55)
            tab.accept()
            print("saved", tab.state.path, flush=True)
            sys.stdin.readline()  # the test says when to go on
            tab.step()
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert child.stdout.readline().split() == ["saved", "a.png"]
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().split() == ["saved", "b.png"]
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        child.kill()
    reopened = Project.open(project)
    names = {c.id: c.name for c in reopened.classes()}
    by_path = {i.path: reopened.image(i.id) for i in reopened.image_list()}
    assert [names[o.class_id] for o in by_path["a.png"].objects] == ["car"]
    assert [names[o.class_id] for o in by_path["b.png"].objects] == ["person"]
    assert not by_path["c.png"].objects
    tab = ProjectTab(build_app_and_ui(make_service(tiny_model), projects=Library(project))[1], "ann")
    tab.open()
    assert tab.state.path == "b.png" and len(tab.state.saved) == 1


def test_a_stale_save_is_refused_with_the_author_and_time_and_the_image_reloaded(ui, project):
    ann, bob = ProjectTab(ui, "ann"), ProjectTab(ui, "bob")
    ann.open()
    bob.open()
    ann.click(70, 55)
    ann.accept()
    bob.click(10, 10, BOX_MODE)
    bob.click(30, 30, BOX_MODE)
    bob.accept()
    assert "ann saved a.png at" in bob.message and "UTC" in bob.message and "not saved" in bob.message
    assert len(bob.state.saved) == 1 and bob.state.result is not None  # ann's object shown, bob's draft kept
    bob.accept()  # on top of ann's save now
    saved = Project.open(project).image(bob.state.image_id)
    assert [o.source for o in saved.objects] == ["click", "box"] and saved.updated_by == "bob"


def test_prelabel_proposals_are_accepted_or_deleted(ui, project, tiny_model, tmp_path):
    """Five images pre-labelled from COCO boxes on the batch engine; in the page one
    proposal is accepted and one deleted; a re-run brings nothing back."""
    import json

    coco = {"images": [{"id": k + 1, "file_name": n, "width": 160, "height": 120} for k, n in enumerate(NAMES)],
            "categories": [{"id": 7, "name": "car"}, {"id": 9, "name": "truck"}],
            "annotations": [{"id": 10 * k + j, "image_id": k + 1, "category_id": (7, 9)[j],
                             "bbox": [40 + j * 10, 30, 50, 40]} for k in range(5) for j in range(2)]}
    (tmp_path / "boxes.json").write_text(json.dumps(coco))
    store = Project.open(project)
    service = make_service(tiny_model)

    def run():
        job = prelabel_job(store, "coco", {"model": "tiny"}, coco=tmp_path / "boxes.json")
        segmenter = batch.Segmenter(service)
        return run_prelabel(store, job, batch.run_local(job.batch, segmenter, job.store))

    summary = run()
    assert (summary.images, summary.proposals, summary.failed) == (5, 10, [])
    assert [c.name for c in store.classes()] == ["person", "car", "truck"]  # a class the file brought
    assert status(store)["proposals"] == 10
    tab = ProjectTab(ui, "ann")
    tab.open()
    assert [r[4] for r in tab.values[tab.mode.object_table]] == ["proposal", "proposal"]
    tab.select(1)
    tab.accept()  # no draft: the selected proposal is accepted
    assert "Proposal 1 accepted" in tab.message
    tab.select(2)
    tab.change("delete")
    objects = store.image(tab.state.image_id).objects
    assert len(objects) == 1 and not objects[0].proposal and objects[0].source == "prelabel"
    again = run()
    assert (again.images, again.skipped) == (0, 5)  # resumed: nothing redone, the deleted one stays gone
    assert len(store.image(tab.state.image_id).objects) == 1 and status(store)["proposals"] == 8


def test_undo_and_redo_of_saves_survive_a_new_page(ui, project):
    tab = ProjectTab(ui)
    tab.open()
    tab.click(70, 55)
    tab.accept()
    tab.set_status("done")
    tab.history(-1)
    assert tab.state.status == "in_progress" and tab.state.can_redo
    again = ProjectTab(ui)
    again.open()
    assert again.state.can_redo and again.state.status == "in_progress" and len(again.state.saved) == 1
    again.history(1)
    assert again.state.status == "done"
    again.history(-1)
    again.history(-1)
    assert not again.state.saved and again.state.status == "todo"
    again.history(-1)
    assert "Nothing to undo" in again.message


def test_next_unfinished_skips_finished_images_and_filters_hold(ui, project):
    tab = ProjectTab(ui)
    tab.open()
    tab.set_status("done")
    tab.step()
    tab.set_status("reviewed")
    tab.step(-1)
    assert tab.state.path == "a.png"
    tab.step(unfinished=True)
    assert tab.state.path == "c.png"
    tab.step(filters=("reviewed", 0, ""))
    assert tab.state.path == "b.png"
    tab.step(filters=("", 0, "e."))
    assert tab.state.path == "e.png"
    listed = tab.keep(tab.mode.on_filter("todo", 0, "", tab.state))[tab.mode.image_table]
    assert [r[1].removeprefix("▶ ") for r in listed] == ["c.png", "d.png", "e.png"]


def test_a_moved_or_changed_image_is_flagged_not_fatal(ui, project, tmp_path):
    (tmp_path / "photos" / "b.png").unlink()
    changed = np.asarray(Image.open(tmp_path / "photos" / "c.png")).copy()
    changed[0, 0] = 255
    Image.fromarray(changed).save(tmp_path / "photos" / "c.png")
    tab = ProjectTab(ui)
    tab.open()
    tab.step()
    assert tab.state.path == "b.png" and "cannot be shown" in tab.values[tab.mode.heading]
    assert tab.values[tab.mode.canvas]["image"] is None and tab.view.image is None
    tab.click(10, 10)
    assert "No image to work on" in tab.message
    tab.step()
    assert tab.state.path == "c.png" and "changed since it was added" in tab.values[tab.mode.heading]
    tab.click(70, 55)
    tab.accept()
    assert len(Project.open(project).image(tab.state.image_id).objects) == 1


def test_the_page_opens_only_the_projects_it_was_given(tmp_path, tiny_model):
    many = tmp_path / "projects"
    for name in ("one", "two"):
        Project.create(many / name, pictures(tmp_path / f"photos_{name}", NAMES[:2]), ["a"]).close()
    (many / "not_a_project").mkdir()
    os.symlink(many / "one", many / "linked")
    library = Library(projects_dir=many)
    assert library.names() == ["one", "two"]
    with pytest.raises(ProjectError, match="no project"):
        library.open("../projects/one")
    ui = build_app_and_ui(make_service(tiny_model), projects=library)[1]
    tab = ProjectTab(ui)
    tab.open(last="two")  # the project this browser had open last
    assert tab.state.project == "two"
    tab.keep(ui.project.on_project(str(tmp_path), tab.values[ui.shared.session], tab.view, tab.state))
    assert "no project" in tab.message and tab.state.project == "two"
    with pytest.raises(ProjectError, match="not a project folder"):
        Library(tmp_path)


def test_no_project_says_how_to_make_one(tiny_model):
    ui = build_app_and_ui(make_service(tiny_model))[1]
    tab = ProjectTab(ui)
    tab.open()
    assert "sam-app project create" in tab.values[ui.project.heading]


def test_next_answers_from_the_embedding_encoded_in_the_background(ui, project):
    tab = ProjectTab(ui)
    tab.open()
    service, prefetcher = ui.shared.service, ui.shared.prefetcher
    deadline = time.monotonic() + 60
    while (prefetcher.pending() or prefetcher.done < 2) and time.monotonic() < deadline:
        time.sleep(0.05)
    encoded = service.encode_count
    tab.step()
    assert service.encode_count == encoded  # b.png was encoded ahead
    assert prefetcher.ahead == 2


def test_the_prelabel_panel_runs_each_class_name_as_text(tmp_path, tiny_model):
    """The panel's job in the web process: a text model finds the classes by name; with
    none, a clear message before any image."""
    import torch

    from sam_app.backends.detector import Detector

    from models import tiny_detector

    folder = tmp_path / "proj"
    Project.create(folder, pictures(tmp_path / "photos", NAMES[:2]), ["cup", "dog"]).close()
    service = make_service(tiny_model)
    ui = build_app_and_ui(service, projects=Library(folder))[1]
    tab = ProjectTab(ui)
    tab.open()
    session = tab.values[ui.shared.session]
    (update,) = list(ui.project.on_prelabel("text", 0.3, session, tab.state, progress=lambda *a, **k: None))
    assert "text model" in update[ui.project.shared.message].lower()
    model, processor = tiny_detector("owlv2", tmp_path / "tokenizer", seed=1)
    service.add_backend(Detector(model, processor, "owlv2", torch.device("cpu")))
    updates = list(ui.project.on_prelabel("text", 0.999, session, tab.state, progress=lambda *a, **k: None))
    final = updates[-1]
    assert "Job 1: 2 image(s) pre-labelled" in final[ui.project.shared.message], final[ui.project.shared.message]
    assert "(text): done, 2 of 2 images" in final[ui.project.job_list]
    store = Project.open(folder)
    objects = [o for i in store.image_list() for o in store.image(i.id).objects]
    assert objects and all(o.proposal and o.class_id in {c.id for c in store.classes()} for o in objects)


def test_a_draft_edited_with_the_brush_is_saved_as_edited(ui, project):
    tab = ProjectTab(ui, "ann")
    tab.open()
    tab.click(70, 55)
    before = tab.state.result.objects[0].mask(tab.state.choices[0])
    ys, xs = np.nonzero(~before)
    stroke = gr.EventData(None, {"points": [[float(xs[0]) + 0.5, float(ys[0]) + 0.5]], "radius": 3, "erase": False})
    tab.keep(tab.mode.on_stroke(tab.view, tab.state, stroke))
    assert "painted" in tab.message
    tab.accept()
    [saved] = Project.open(project).image(tab.state.image_id).objects
    assert saved.source == "edited" and saved.area > int(before.sum())
