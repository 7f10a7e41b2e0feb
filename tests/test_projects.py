"""The annotation project store (sam_app.projects) on SQLite and on a real PostgreSQL
server (``project_db``: None or a fresh database's URL on the session's throwaway server,
tests/postgres.py, with PGPASSWORD set as a user would set it).

Every test makes its own small synthetic images in ``tmp_path``; a "process" is one
``Project.open`` of the folder (each its own engine and connections), and the crash test
kills a real one.
"""

import datetime
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa
from PIL import Image

from sam_app.limits import LIMITS
from sam_app.projects import ConflictError, ObjectRecord, Project, ProjectError, report
from sam_app.projects import schema as t

REPO = Path(__file__).resolve().parent.parent
PATHS = ["a.png", "b_x.jpg", "sub/c.png", "sub/deeper/d.png"]
CLASSES = ["person", "car", "dog", "cat", "bike", "bus", "tree", "sign", "cup", "lamp", "sky"]
WIDTH, HEIGHT = 48, 32


def photos(folder: Path, paths=PATHS) -> Path:
    """Small images of distinct colours at ``paths`` under ``folder`` (plus files that
    are not images, which a project leaves out)."""
    for k, name in enumerate(paths):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (WIDTH, HEIGHT), (40 * k, 255 - 40 * k, 7 * k)).save(path)
    (folder / "notes.txt").write_text("not an image")
    Image.new("RGB", (4, 4)).save(folder / ".hidden.png")
    return folder


def square(x: int, y: int, size: int, class_id=None, source="click", **extra) -> ObjectRecord:
    mask = np.zeros((HEIGHT, WIDTH), bool)
    mask[y:y + size, x:x + size] = True
    return ObjectRecord.from_mask(mask, class_id, source, **extra)


@pytest.fixture
def made(tmp_path, project_db):
    """(folder, project) of a fresh project over ``PATHS`` with ``CLASSES``."""
    folder = tmp_path / "proj"
    project = Project.create(folder, photos(tmp_path / "photos"), CLASSES, db=project_db)
    yield folder, project
    project.close()


def ids(project: Project) -> dict:
    return {i.path: i.id for i in project.image_list()}


def opened(folder: Path, request) -> Project:
    """Another "process" on the project (closed at the end of the test)."""
    project = Project.open(folder)
    request.addfinalizer(project.close)
    return project


# ------------------------------------------------------------------------- making and opening


def test_create_takes_images_recursively_by_relative_path_and_classes_with_colours_and_keys(made):
    folder, project = made
    listed = project.image_list()
    assert [i.path for i in listed] == PATHS
    assert {(i.status, i.objects, i.proposals) for i in listed} == {("todo", 0, 0)}
    classes = project.classes()
    assert [c.name for c in classes] == CLASSES
    assert [c.key for c in classes] == [str(k) for k in range(1, 10)] + [None, None]
    assert [c.position for c in classes] == list(range(len(CLASSES)))
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c.colour) for c in classes)
    assert len({c.colour for c in classes[:9]}) == 9
    image = project.image(listed[2].id)
    assert (image.path, image.width, image.height, image.version, image.revision) == ("sub/c.png", WIDTH, HEIGHT, 0, 0)
    assert project.image_file(image) == (folder.parent / "photos" / "sub" / "c.png").resolve()


def test_an_image_root_inside_the_project_folder_is_kept_relative(tmp_path, project_db):
    folder = tmp_path / "proj"
    photos(folder / "images")
    project = Project.create(folder, folder / "images", ["a"], db=project_db)
    project.close()
    assert json.loads((folder / "project.json").read_text())["images"] == "images"
    moved = tmp_path / "moved"
    folder.rename(moved)
    if project_db is None:  # the whole folder travels (a PostgreSQL project's database stays where it is)
        again = Project.open(moved)
        assert again.root == (moved / "images").resolve()
        assert again.image_file(again.image(again.image_list()[0].id)).is_file()
        again.close()


def test_a_project_opens_from_its_folder_alone(made, request):
    folder, project = made
    config = json.loads((folder / "project.json").read_text())
    again = opened(folder, request)
    assert again.image_list() == project.image_list()
    assert again.classes() == project.classes()
    assert again.name == "proj" and again.root == project.root
    if project.engine.dialect.name == "sqlite":
        assert config["database"] == "sqlite" and (folder / "project.db").is_file()
    else:
        assert not (folder / "project.db").exists()


def test_a_postgresql_project_keeps_no_password_and_asks_the_environment_for_it(postgres, tmp_path, monkeypatch,
                                                                                 request):
    project_db, password = postgres.new_database(), postgres.password
    monkeypatch.setenv("PGPASSWORD", password)
    folder = tmp_path / "proj"
    project = Project.create(folder, photos(tmp_path / "photos"), CLASSES, db=project_db)
    request.addfinalizer(project.close)
    assert password in project_db
    text = (folder / "project.json").read_text()
    assert password not in text
    database = json.loads(text)["database"]
    assert database == project_db.replace(f":{password}@", "@").replace("postgresql://", "postgresql+psycopg://")
    assert opened(folder, request).image_list() == project.image_list()  # PGPASSWORD
    monkeypatch.setenv("PGPASSFILE", str(folder / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD")
    with pytest.raises(ProjectError, match="no password supplied") as refused:
        Project.open(folder)
    assert database in str(refused.value)
    monkeypatch.setenv("PGPASSWORD", "wrong")
    with pytest.raises(ProjectError, match="password authentication failed") as refused:
        Project.open(folder)
    assert password not in str(refused.value)
    pgpass = folder / "pgpass"  # libpq's other place, as for psql
    pgpass.write_text(f"*:*:*:*:{password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD")
    assert opened(folder, request).image_list() == project.image_list()


def test_creating_over_a_project_is_refused_and_leaves_it_as_it_was(made, project_db, tmp_path):
    folder, project = made
    before = (folder / "project.json").read_bytes()
    project.save(ids(project)["a.png"], [square(1, 1, 5, 1)], 0, "ann")
    with pytest.raises(ProjectError, match="holds a project already"):
        Project.create(folder, tmp_path / "photos", ["other"], db=project_db)
    assert (folder / "project.json").read_bytes() == before
    if project_db is not None:  # another folder on the same database
        with pytest.raises(ProjectError, match="the database .* holds a project already") as refused:
            Project.create(tmp_path / "second", tmp_path / "photos", ["other"], db=project_db)
        assert os.environ["PGPASSWORD"] not in str(refused.value)
        assert not (tmp_path / "second" / "project.json").exists()
    assert [c.name for c in project.classes()] == CLASSES
    assert [(i.path, i.objects) for i in project.image_list()] == [(p, int(p == "a.png")) for p in PATHS]


def test_too_many_images_are_refused_with_the_limit_and_how_to_raise_it(tmp_path, project_db, monkeypatch):
    monkeypatch.setattr(LIMITS, "max_project_images", 3)
    with pytest.raises(ProjectError, match=r"holds 4 images; a project takes at most 3 \(--max-project-images or "
                                           r"the SAM_MAX_PROJECT_IMAGES environment variable raises it\)"):
        Project.create(tmp_path / "proj", photos(tmp_path / "photos"), ["a"], db=project_db)
    assert not (tmp_path / "proj").exists()


def test_a_refused_class_list_makes_nothing_and_the_folder_can_be_used_again(tmp_path, project_db):
    images = photos(tmp_path / "photos")
    with pytest.raises(ProjectError, match="class .*car.* is given twice"):
        Project.create(tmp_path / "proj", images, ["car", "dog", "car"], db=project_db)
    assert not (tmp_path / "proj" / "project.json").exists()
    project = Project.create(tmp_path / "proj", images, ["car", "dog"], db=project_db)
    assert [c.name for c in project.classes()] == ["car", "dog"] and len(project.image_list()) == len(PATHS)
    project.close()


def test_a_folder_without_a_project_is_said_so(tmp_path):
    with pytest.raises(ProjectError, match="is not a project folder"):
        Project.open(tmp_path)


@pytest.mark.parametrize("damage", ["all", "pages"])
def test_a_damaged_sqlite_database_is_said_so_and_left_byte_for_byte(tmp_path, damage):
    folder = tmp_path / "proj"
    Project.create(folder, photos(tmp_path / "photos"), ["a"]).close()
    database = folder / "project.db"
    good = database.read_bytes()
    garbage = np.random.default_rng(0).integers(0, 256, len(good), dtype=np.uint8).tobytes()
    database.write_bytes(garbage if damage == "all" else good[:100] + garbage[100:])  # "pages": a valid header
    damaged = database.read_bytes()
    with pytest.raises(ProjectError, match=r"project\.db cannot be opened as a project database \(.*"
                                           r"(not a database|malformed).*\); it was left as it is"):
        Project.open(folder)
    assert database.read_bytes() == damaged


def test_a_missing_sqlite_database_is_said_so(tmp_path):
    folder = tmp_path / "proj"
    Project.create(folder, photos(tmp_path / "photos"), ["a"]).close()
    (folder / "project.db").unlink()
    with pytest.raises(ProjectError, match="project.db"):
        Project.open(folder).close()
    assert not (folder / "project.db").exists()


# ------------------------------------------------------------------------- saving


def test_a_save_is_kept_with_everything_it_said_and_read_back_after_reopening(made, request):
    folder, project = made
    image_id = ids(project)["sub/c.png"]
    car, dog = project.class_by_name()["car"], project.class_by_name()["dog"]
    objects = [square(2, 3, 6, car, score=0.75, prompt={"points": [[4, 5]], "labels": [1], "box": None}),
               square(20, 10, 8, dog, source="prelabel", proposal=True, job_id=None, track_id=3),
               square(30, 20, 4, None, source="edited", hidden=True)]
    saved = project.save(image_id, objects, 0, "ann", status="in_progress", note="two cars?")
    assert (saved.version, saved.revision, saved.status, saved.note, saved.updated_by) == (1, 1, "in_progress",
                                                                                           "two cars?", "ann")
    assert saved.objects == objects and saved.redo is False
    project.close()
    again = opened(folder, request).image(image_id)
    assert again.objects == objects
    assert (again.version, again.revision, again.status, again.note, again.updated_by) == (1, 1, "in_progress",
                                                                                           "two cars?", "ann")
    assert again.updated_at is not None
    mask = again.objects[0].mask(again.height, again.width)
    assert mask.shape == (HEIGHT, WIDTH) and mask.sum() == 36 and mask[3:9, 2:8].all()
    assert again.objects[0].bbox == (2, 3, 6, 6) and again.objects[0].area == 36
    listed = {i.path: i for i in opened(folder, request).image_list()}
    assert (listed["sub/c.png"].objects, listed["sub/c.png"].proposals) == (3, 1)


def test_saving_on_a_stale_version_is_refused_naming_who_saved_and_when(made, request):
    folder, project = made
    first, second = opened(folder, request), opened(folder, request)  # two processes, both on version 0
    image_id = ids(first)["a.png"]
    theirs = first.image(image_id)
    mine = second.image(image_id)
    saved = first.save(image_id, [square(1, 1, 4, 1)], theirs.version, "ann", status="done", note="ann's")
    with pytest.raises(ConflictError, match="ann saved a.png at ") as refused:
        second.save(image_id, [square(10, 10, 9, 2), square(0, 0, 2, 3)], mine.version, "bob", status="in_progress",
                    note="bob's")
    assert re.search(r"ann saved a\.png at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, after you opened it: your change was "
                     "not saved", str(refused.value))
    with pytest.raises(ConflictError, match="ann saved"):
        second.undo(image_id, mine.version, "bob")
    for reader in (project, first, second):
        now = reader.image(image_id)
        assert (now.objects, now.version, now.revision, now.status, now.note, now.updated_by, now.redo) == (
            saved.objects, 1, 1, "done", "ann's", "ann", False)
    with project.engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(t.revisions)).scalar() == 1
    again = second.save(image_id, [square(10, 10, 9, 2)], second.image(image_id).version, "bob")  # read, then save
    assert (again.version, again.updated_by, again.status, again.note) == (2, "bob", "done", "ann's")


def test_a_conflict_gives_the_time_of_the_other_save_in_utc(made):
    _, project = made
    image_id = ids(project)["a.png"]
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    project.save(image_id, [], 0, "ann")
    after = datetime.datetime.now(datetime.timezone.utc)
    with pytest.raises(ConflictError) as refused:
        project.save(image_id, [], 0, "bob")
    stamp = re.search(r" at (\S+ \S+) UTC", str(refused.value)).group(1)
    when = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    assert before <= when <= after, (stamp, before, after)


def test_status_changes_keep_the_objects_and_unknown_statuses_are_refused(made):
    _, project = made
    image_id = ids(project)["a.png"]
    objects = [square(1, 1, 4, 1)]
    project.save(image_id, objects, 0, "ann")
    done = project.set_status(image_id, "done", 1, "rev", note="fine")
    assert (done.objects, done.status, done.note, done.version, done.revision) == (objects, "done", "fine", 2, 2)
    with pytest.raises(ProjectError, match="unknown status 'finished'|unknown status finished"):
        project.save(image_id, [], 2, "ann", status="finished")
    assert project.image(image_id).version == 2


def test_amend_adds_to_what_was_saved_meanwhile(made, request):
    folder, project = made
    other = opened(folder, request)
    image_id = ids(project)["b_x.jpg"]
    by_hand = square(0, 0, 5, 1)
    calls = []

    def add_proposal(record):
        calls.append(record.version)
        if len(calls) == 1:  # someone saves between the job's read and its write
            other.save(image_id, [by_hand], record.version, "ann")
        return record.objects + [square(20, 20, 6, 2, source="prelabel", proposal=True)]

    amended = project.amend(image_id, add_proposal, "job")
    assert calls == [0, 1]
    assert [o.source for o in amended.objects] == ["click", "prelabel"] and amended.objects[0] == by_hand
    assert (amended.version, amended.updated_by) == (2, "job")


# ------------------------------------------------------------------------- undo and redo


def test_undo_and_redo_move_along_revisions_that_survive_reopening(made, request):
    folder, project = made
    image_id = ids(project)["sub/deeper/d.png"]
    one = [square(1, 1, 4, 1)]
    two = one + [square(10, 10, 5, 2)]
    project.save(image_id, one, 0, "ann", status="in_progress", note="first")
    project.save(image_id, two, 1, "ann", status="done", note="second")
    project.close()

    undone = opened(folder, request).undo(image_id, 2, "ann")
    assert (undone.objects, undone.status, undone.note, undone.revision, undone.version, undone.redo) == (
        one, "in_progress", "first", 1, 3, True)
    reopened = opened(folder, request)
    assert reopened.image(image_id) == undone
    redone = reopened.redo(image_id, 3, "ann")
    assert (redone.objects, redone.status, redone.note, redone.revision, redone.redo) == (two, "done", "second", 2,
                                                                                          False)
    with pytest.raises(ProjectError, match="nothing to redo"):
        reopened.redo(image_id, redone.version, "ann")

    third = opened(folder, request)
    third.undo(image_id, 4, "ann")
    empty = third.undo(image_id, 5, "ann")
    assert (empty.objects, empty.status, empty.note, empty.revision, empty.redo) == ([], "todo", "", 0, True)
    with pytest.raises(ProjectError, match="nothing to undo"):
        third.undo(image_id, empty.version, "ann")
    assert opened(folder, request).redo(image_id, 6, "ann").objects == one

    branched = opened(folder, request).save(image_id, [square(30, 5, 3, 3)], 7, "bob")  # a save drops the redo
    assert (branched.revision, branched.redo) == (2, False)
    with pytest.raises(ProjectError, match="nothing to redo"):
        opened(folder, request).redo(image_id, branched.version, "bob")
    assert opened(folder, request).undo(image_id, branched.version, "bob").objects == one


# ------------------------------------------------------------------------- lists and places


def test_the_image_list_filters_by_status_class_and_search_and_finds_neighbours(made):
    _, project = made
    known, classes = ids(project), project.class_by_name()
    project.save(known["a.png"], [square(1, 1, 4, classes["car"])], 0, "ann", status="done")
    project.save(known["sub/c.png"], [square(1, 1, 4, classes["person"], source="prelabel", proposal=True)], 0, "job",
                 status="in_progress")
    project.save(known["sub/deeper/d.png"], [square(1, 1, 4, classes["car"])], 0, "ann", status="reviewed")

    def paths(**filters):
        return [i.path for i in project.image_list(**filters)]

    assert paths(status="done") == ["a.png"]
    assert paths(status="todo") == ["b_x.jpg"]
    assert paths(status="in_progress") == ["sub/c.png"]
    assert paths(class_id=classes["car"]) == ["a.png", "sub/deeper/d.png"]
    assert paths(class_id=classes["dog"]) == []
    assert paths(search="sub/") == ["sub/c.png", "sub/deeper/d.png"]
    assert paths(search="_") == ["b_x.jpg"]  # a LIKE wildcard taken as itself
    assert paths(search="%") == []
    assert paths(status="reviewed", class_id=classes["car"], search="deeper") == ["sub/deeper/d.png"]
    assert {i.path: (i.objects, i.proposals) for i in project.image_list()}["sub/c.png"] == (1, 1)

    a, b, c, d = (known[p] for p in PATHS)
    assert project.neighbour(None, +1) == a and project.neighbour(None, -1) == d
    assert project.neighbour(a, +1) == b and project.neighbour(d, +1) == a and project.neighbour(a, -1) == d
    assert project.neighbour(a, +1, unfinished=True) == b  # to do
    assert project.neighbour(b, +1, unfinished=True) == c  # in progress
    assert project.neighbour(c, +1, unfinished=True) == b  # past the reviewed one, around past done
    assert project.neighbour(b, -1, unfinished=True) == c
    for image_id in (b, c):
        project.set_status(image_id, "done", project.image(image_id).version, "ann")
    assert project.neighbour(a, +1, unfinished=True) is None


def test_each_author_has_a_place_that_survives_reopening(made, request):
    folder, project = made
    known = ids(project)
    assert project.place("ann") is None
    project.set_place("ann", known["a.png"])
    project.set_place("bob", known["sub/c.png"])
    project.set_place("ann", known["b_x.jpg"])
    again = opened(folder, request)
    assert (again.place("ann"), again.place("bob"), again.place("eve")) == (known["b_x.jpg"], known["sub/c.png"],
                                                                           None)


# ------------------------------------------------------------------------- status and check


def test_status_counts_images_objects_proposals_and_classes(made):
    _, project = made
    known, classes = ids(project), project.class_by_name()
    empty = report.status(project)
    assert (empty["name"], empty["images"], empty["objects"], empty["proposals"]) == ("proj", 4, 0, 0)
    assert empty["statuses"] == {"todo": 4, "in_progress": 0, "done": 0, "reviewed": 0}
    project.save(known["a.png"], [square(1, 1, 4, classes["car"]), square(9, 9, 4, classes["car"]),
                                  square(20, 2, 4, classes["dog"], proposal=True, source="prelabel")], 0, "ann",
                 status="done")
    project.save(known["sub/c.png"], [square(1, 1, 4, classes["car"]), square(5, 20, 3, None)], 0, "ann",
                 status="in_progress")
    summary = report.status(project)
    assert (summary["images"], summary["objects"], summary["proposals"]) == (4, 5, 1)
    assert summary["statuses"] == {"todo": 2, "in_progress": 1, "done": 1, "reviewed": 0}
    assert summary["classes"]["car"] == {"objects": 3, "images": 2}
    assert summary["classes"]["dog"] == {"objects": 1, "images": 1}
    assert summary["classes"]["person"] == {"objects": 0, "images": 0}
    assert summary["classes"]["(no class)"] == {"objects": 1, "images": 1}
    assert list(summary["classes"])[:len(CLASSES)] == CLASSES
    text = report.status_text(summary)
    assert "proj: 4 images, 5 objects (1 proposals not yet accepted)" in text
    assert "class car: 3 objects in 2 images" in text


def _orphan_rows(project: Project, image_id: int) -> None:
    """Rows that point at nothing, as a damaged or hand-edited database may hold: the
    foreign keys set aside to write them (SQLite: off for this connection; PostgreSQL: the
    test role owns the tables and drops them)."""
    orphan = {"position": 9, "counts": "0", "area": 0, "x": 0, "y": 0, "w": 0, "h": 0, "source": "click",
              "proposal": False, "hidden": False}
    with project.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        else:
            for table in ("objects", "revisions"):
                for key in sa.inspect(connection).get_foreign_keys(table):
                    connection.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {key['name']}")
        connection.execute(sa.insert(t.objects).values(image_id=9999, class_id=None, **orphan))
        connection.execute(sa.insert(t.objects).values(image_id=9999, class_id=None, **orphan))
        connection.execute(sa.insert(t.objects).values(image_id=image_id, class_id=8888, **orphan))
        connection.execute(sa.insert(t.revisions).values(image_id=9999, number=1, objects="[]", status="todo", note="",
                                                         created_at=sa.func.now()))
        connection.commit()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def test_check_finds_missing_and_changed_files_orphan_rows_and_damaged_masks(made, tmp_path):
    _, project = made
    known = ids(project)
    project.save(known["a.png"], [square(1, 1, 4, 1)], 0, "ann")
    assert report.check(project).ok
    assert "whole" in report.check(project).text()

    (tmp_path / "photos" / "b_x.jpg").unlink()
    Image.new("RGB", (WIDTH, HEIGHT), (1, 2, 3)).save(tmp_path / "photos" / "sub" / "c.png")
    _orphan_rows(project, known["a.png"])
    with project.engine.begin() as connection:  # a mask whose area no longer matches its counts
        connection.execute(sa.update(t.objects).where((t.objects.c.image_id == known["a.png"])
                                                      & (t.objects.c.position == 0)).values(area=17))
    checked = report.check(project)
    assert not checked.ok
    assert list(checked.missing) == ["b_x.jpg"] and "not found" in checked.missing["b_x.jpg"]
    assert checked.changed == ["sub/c.png"]
    assert checked.orphans == {"objects of no image": 2, "revisions of no image": 1, "objects of no class": 1}
    assert len(checked.damaged) == 2 and all(d.endswith("of a.png") for d in checked.damaged)
    text = checked.text()
    for line in ("missing: b_x.jpg", "changed since it was added: sub/c.png", "orphan rows: 2 objects of no image",
                 "orphan rows: 1 revisions of no image", "orphan rows: 1 objects of no class", "damaged mask: object"):
        assert line in text


# ------------------------------------------------------------------------- a process killed mid-work

WORKER = textwrap.dedent("""
    import sys
    import numpy as np
    from sam_app.projects import ObjectRecord, Project

    project = Project.open(sys.argv[1])
    images = [i.id for i in project.image_list()]
    version = 0
    while True:  # save every image in turn, again and again, until killed
        version += 1
        for image_id in images:
            objects = []
            for k in range(version + 20):  # version + 20 objects, each scored with the version
                mask = np.zeros(({h}, {w}), bool)
                mask[k % {h}, : k % {w} + 1] = True
                objects.append(ObjectRecord.from_mask(mask, 1, "click", score=float(version)))
            saved = project.save(image_id, objects, version - 1, "worker", note=f"v{{version}}")
            print(image_id, saved.version, flush=True)
""").format(h=HEIGHT, w=WIDTH)


def test_a_killed_process_loses_no_committed_save_and_leaves_no_half_save(made):
    folder, project = made
    project.close()
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(folder)], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    committed = []
    try:
        deadline = time.monotonic() + 60
        while len(committed) < 2 and time.monotonic() < deadline:
            line = worker.stdout.readline()
            if not line:
                break
            committed.append(tuple(map(int, line.split())))
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        stderr = worker.stderr.read()
        worker.stdout.close()
        worker.stderr.close()
    assert len(committed) == 2, f"the worker did not save twice: {stderr}"
    assert worker.returncode == -signal.SIGKILL

    again = Project.open(folder)
    try:
        for image_id, version in committed:
            assert again.image(image_id).version >= version
        for listed in again.image_list():
            image = again.image(listed.id)
            if image.version == 0:  # never saved, or its save was cut short: nothing of it
                assert (image.objects, image.revision, image.note, image.redo) == ([], 0, "", False)
                continue
            assert len(image.objects) == image.version + 20, image
            assert {o.score for o in image.objects} == {float(image.version)}
            assert (image.revision, image.note, image.updated_by) == (image.version, f"v{image.version}", "worker")
        assert report.check(again).ok
    finally:
        again.close()
