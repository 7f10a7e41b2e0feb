"""Annotation projects at size: a 10,000-image project made, opened and summed up; the
autosave of an image on SQLite (the store's save and the whole Accept handler); four
annotators against PostgreSQL with no lost update; Next answered from the prefetched
embedding against a plain click; a section of docs/performance.md.

    python benchmarks/projects.py [--images 10000] [--saves 300] [--minutes 2] [--annotators 4]
                                  [--photos 6] [--quick] [--parts create,autosave,team,next] [--no-write]

create: ``--images`` synthetic 64x48 PNGs (each its own bytes) made once in a temporary
folder; ``Project.create`` over them on SQLite timed after a small project was made in
this process (imports warm; a fresh process's imports and first create are timed apart),
with its listing and hashing timed alone after it, on the same files (in the page cache).
A third of the images are then given 5 objects each (two classes; written straight into
the tables) before ``Project.open``, ``report.status``, ``image_list``, ``image`` and the
lookup Next makes (``neighbour``) are timed.

autosave: ``--saves`` saves of one 640x480 image's 10 objects (irregular random blobs),
each on the version the previous save returned (``Project.save``: the transaction, and
the image read back as saved); then as many Accepts through the Project tab's handler
(``on_accept``, the tests' tiny model making the draft with one click; 10 Accepts per
image, so 1 to 10 objects saved each time), with the store's save inside it timed too.

team: ``--annotators`` processes, each with its own ``Project.open`` of a project on a
throwaway PostgreSQL server that syncs every commit to disk (``tests/postgres.py``,
durable), for ``--minutes``: each picks one of the first 20 images at random, reads it,
appends one object whose prompt carries a tag of its own, and saves on the version it
read; a ConflictError is counted and the image read again and the save retried. At the
end every tag of a save that returned must be in its image's objects once, no tag of a
refused save may be, and each image's version and revision must equal its saves.

next: a full-size random vit_b (``run.random_sam``) behind the web UI's Project tab (its
handlers called as the page calls them, ``tests/test_project_ui.py``'s way), on a
project of ``--photos`` photos (``../shared/images/*.jpg`` where present, then the
repo's ``imgs/``). The encoder's time is measured first; on each image the person waits
1.5 encodes, then Next is timed, then a click on the new image at once (the background
encoding Next asked for may be running), then, once the prefetcher is idle, a plain
click. Next is then timed again with prefetch off (``prefetcher.ahead = 0``, the
embedding cache emptied), and Next's parts are timed from inside the handler.
"""

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import wraps
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE), str(REPO / "tests")]

HOT_IMAGES = 20  # the images the annotators share: small enough that their saves collide


# ---------------------------------------------------------------- helpers


def ms(seconds: float) -> float:
    return seconds * 1000


def clock(fn, *args, **kwargs):
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def pct(values, q) -> float:
    return float(np.percentile(values, q)) if len(values) else float("nan")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def blob(rng, height: int, width: int, size: float) -> np.ndarray:
    """An irregular random blob (bool HxW) about ``size`` pixels across: a radial falloff
    around a random centre bent by smooth noise."""
    from PIL import Image

    cy, cx = rng.uniform(0.1, 0.9) * height, rng.uniform(0.1, 0.9) * width
    yy, xx = np.mgrid[:height, :width]
    radius = np.hypot((yy - cy) / rng.uniform(0.6, 1.4), (xx - cx) / rng.uniform(0.6, 1.4)) / (size / 2)
    coarse = rng.normal(size=(max(2, height // 40), max(2, width // 40))).astype(np.float32)
    noise = np.asarray(Image.fromarray(coarse).resize((width, height), Image.BICUBIC))
    return (1 - radius + 0.35 * noise) > 0


def tiny_pngs(folder: Path, count: int, size=(64, 48)) -> Path:
    """``count`` small PNGs, each with bytes of its own, in ``folder``."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    base = rng.integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)
    for k in range(count):
        pixels = base.copy()
        pixels[k % size[1], :, :] = k % 251
        pixels[0, :4, 0] = np.frombuffer(k.to_bytes(4, "little"), np.uint8)
        Image.fromarray(pixels).save(folder / f"img_{k:05d}.png", compress_level=1)
    return folder


def photo_crops(folder: Path, count: int, size=(640, 480)) -> Path:
    """``count`` photos of ``size``: crops of the repo's example photos, flipped in turn."""
    from PIL import Image, ImageOps

    folder.mkdir(parents=True, exist_ok=True)
    sources = [Image.open(p).convert("RGB") for p in sorted((REPO / "imgs").glob("*.png"))]
    rng = np.random.default_rng(1)
    for k in range(count):
        source = sources[k % len(sources)]
        scale = max(size[0] / source.width, size[1] / source.height) * rng.uniform(1.0, 1.4)
        big = source.resize((round(source.width * scale) + 1, round(source.height * scale) + 1))
        x, y = int(rng.integers(0, big.width - size[0] + 1)), int(rng.integers(0, big.height - size[1] + 1))
        picture = big.crop((x, y, x + size[0], y + size[1]))
        if k // len(sources) % 2:
            picture = ImageOps.mirror(picture)
        picture.save(folder / f"photo_{k:03d}.png")
    return folder


from project_tab import ProjectTab  # noqa: E402  (tests/ is on the path)


def expect(ok: bool, what: str) -> None:
    if not ok:
        raise RuntimeError(what)


# ---------------------------------------------------------------- 1. a 10,000-image project

FRESH_PROCESS = """
import json, shutil, sys, tempfile, time
from pathlib import Path
t0 = time.perf_counter()
from sam_app.projects import Project
from sam_app.projects import report
t1 = time.perf_counter()
torch_before = "torch" in sys.modules
from sam_app.files import list_images  # what create imports first (the image lister)
t2 = time.perf_counter()
from alembic import command, config  # what the first migrate imports
t3 = time.perf_counter()
work = Path(tempfile.mkdtemp(prefix="sam_projects_import_"))
(work / "img").mkdir()
(work / "img" / "a.png").write_bytes(Path(sys.argv[1]).read_bytes())
t4 = time.perf_counter()
Project.create(work / "one", work / "img", ["a"]).close()
t5 = time.perf_counter()
Project.create(work / "two", work / "img", ["a"]).close()
t6 = time.perf_counter()
shutil.rmtree(work, ignore_errors=True)
print(json.dumps({"import": t1 - t0, "lister": t2 - t1, "alembic": t3 - t2, "first_create": t5 - t4,
                  "second_create": t6 - t5, "torch": "torch" in sys.modules and not torch_before}))
"""


def fresh_process_times(png: Path) -> dict:
    """In a new Python: the projects package's import, the imports create makes on its
    first call (each timed alone), then a 1-image create twice."""
    done = subprocess.run([sys.executable, "-c", FRESH_PROCESS, str(png)], cwd=REPO, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def populate(project, fraction: float = 1 / 3, per_image: int = 5) -> int:
    """A third of the images given ``per_image`` small objects of two classes and the
    status done (straight into the tables: the state a project reaches after weeks)."""
    from sqlalchemy import insert, update

    from sam_app.projects import ObjectRecord
    from sam_app.projects import schema as t
    from sam_app.projects.store import _row

    classes = [c.id for c in project.classes()]
    rng = np.random.default_rng(2)
    shapes = [ObjectRecord.from_mask(blob(rng, 48, 64, 20), None, "click") for _ in range(8)]
    listed = project.image_list()
    chosen = [i.id for i in listed[::max(1, round(1 / fraction))]]
    rows = [_row(image_id, k, shapes[(image_id + k) % len(shapes)].with_changes(class_id=classes[k % len(classes)]))
            for image_id in chosen for k in range(per_image)]
    with project.engine.begin() as connection:
        connection.execute(insert(t.objects), rows)
        connection.execute(update(t.images).where(t.images.c.id.in_(chosen)).values(status="done", version=1,
                                                                                    revision=1))
    return len(rows)


def part_create(args, work: Path) -> dict:
    from sam_app.files import list_images
    from sam_app.projects import Project
    from sam_app.projects.report import status

    started = time.perf_counter()
    images = tiny_pngs(work / "images", args.images)
    made_s = time.perf_counter() - started
    fresh = fresh_process_times(images / "img_00000.png")
    (work / "one").mkdir()
    shutil.copy(images / "img_00000.png", work / "one")
    Project.create(work / "warm", work / "one", ["a"]).close()  # imports and first-call costs paid

    creates, listing, hashing = [], [], []
    for k in range(args.repeats):
        took, project = clock(Project.create, work / f"proj{k}", images, ["person", "car"])
        creates.append(took)
        listing.append(clock(list_images, images)[0])
        names = list_images(images)[1]
        hashing.append(clock(lambda: [project._hash(n) for n in names])[0])
        project.close()
    project = Project.open(work / f"proj{args.repeats - 1}")
    objects = populate(project)
    project.close()
    folder = work / f"proj{args.repeats - 1}"

    opens, statuses, lists, first_reads, reads, neighbours = [], [], [], [], [], []
    for _ in range(args.repeats):
        took, project = clock(Project.open, folder)
        opens.append(took)
        project.close()
    project = Project.open(folder)
    summary = None
    for _ in range(args.repeats):
        took, summary = clock(status, project)
        statuses.append(took)
        took, listed = clock(project.image_list)
        lists.append(took)
    expect(summary["images"] == args.images and summary["objects"] == objects, f"status says {summary}")
    ids = [i.id for i in listed]
    rng = np.random.default_rng(3)
    for image_id in rng.choice(ids, 50, replace=False):
        first_reads.append(clock(project.image, int(image_id))[0])  # reads the file for its size
        reads.append(clock(project.image, int(image_id))[0])
        neighbours.append(clock(project.neighbour, int(image_id), 1)[0])
    project.close()
    return {"images": args.images, "objects": objects, "made_s": made_s, "fresh": fresh, "create": creates,
            "listing": listing, "hashing": hashing, "open": opens, "status": statuses, "image_list": lists,
            "image_first": first_reads, "image": reads, "neighbour": neighbours,
            "db_mb": (folder / "project.db").stat().st_size / 2**20}


# ---------------------------------------------------------------- 2. autosave on SQLite


def timed_method(owner, name: str, into: list):
    """Wrap ``owner.name`` (on the instance) so the seconds of each call made from this
    thread (not the prefetcher's) go to ``into``."""
    original, here = getattr(owner, name), threading.current_thread()

    @wraps(original)
    def timed(*a, **k):
        if threading.current_thread() is not here:
            return original(*a, **k)
        started = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            into.append(time.perf_counter() - started)

    setattr(owner, name, timed)
    return original


# the parts of a handler timed from inside it: (who, method) -> what it is; none is called
# inside another (``classes`` is read inside the canvas and the object list, so it is theirs)
ACCEPT_PARTS = {
    ("store", "save"): "`Project.save` (the transaction, the image read back)",
    ("store", "image_list"): "`Project.image_list` (the list and the title refreshed)",
    ("mode", "canvas_picture"): "the canvas (saved objects drawn, JPEG written; classes read)",
    ("mode", "saved_side"): "the object list (classes read)",
}
NEXT_PARTS = {
    ("store", "image_list"): "`Project.image_list` (the target, the table)",
    ("store", "image"): "`Project.image` (the target read)",
    ("mode", "open_image"): "its file stat'ed and loaded (`open_image`)",
    ("service", "embedding"): "`service.embedding` (a cache hit when prefetched)",
    ("store", "set_place"): "`Project.set_place` (a synced write)",
    ("mode", "prefetch"): "the next images handed to the prefetcher",
    ("mode", "canvas_picture"): "the canvas (saved objects drawn, JPEG written; classes read)",
    ("mode", "saved_side"): "the object list (classes read)",
}


def instrument(owners: dict, names) -> dict:
    """Time each (who, method) of ``names`` found on ``owners[who]`` (calls from this
    thread); ``{(who, method): [seconds, ...]}``."""
    found = {}
    for who, name in names:
        if hasattr(owners[who], name):
            timed_method(owners[who], name, found.setdefault((who, name), []))
    return found


def take(parts: dict) -> dict:
    """Each part's seconds since the last ``take`` (summed), as "who.method"; cleared."""
    summed = {f"{who}.{name}": sum(values) for (who, name), values in parts.items()}
    for values in parts.values():
        values.clear()
    return summed


def part_autosave(args, work: Path) -> dict:
    from sam_app.projects import ObjectRecord, Project
    from sam_app.projects.library import Library
    from sam_app.ui.app import build_app_and_ui

    per_image = 10
    photos = photo_crops(work / "photos", args.saves // per_image + 2)
    project = Project.create(work / "autosave", photos, ["person", "car", "dog"])
    classes = [c.id for c in project.classes()]
    rng = np.random.default_rng(4)
    objects = [ObjectRecord.from_mask(blob(rng, 480, 640, rng.uniform(40, 200)), classes[k % 3], "click",
                                      score=0.9, prompt={"points": [[100.0 + k, 120.0]], "labels": [1]})
               for k in range(10)]
    record = project.image(project.image_list()[-1].id)  # one the Accepts below do not reach
    project.save(record.id, objects, record.version, "bench")  # the first save pays the statement compiles
    record = project.image(record.id)
    saves = []
    for _ in range(args.saves):
        took, record = clock(project.save, record.id, objects, record.version, "bench")
        saves.append(took)
    expect(record.version == args.saves + 1 and len(record.objects) == 10, "autosave: wrong version or objects")
    project.close()

    # through the Project tab: click (tiny model), Accept; 10 per image, then Next
    from models import tiny_sam

    service = service_for(tiny_sam(seed=0), "tiny", "torch")
    ui = build_app_and_ui(service, projects=Library(work / "autosave"))[1]
    tab = ProjectTab(ui)
    tab.open()
    store = ui.shared.projects.open("autosave")
    parts = instrument({"store": store, "mode": ui.project}, ACCEPT_PARTS)
    accepts, inside = [], []
    for k in range(args.saves + 1):
        if k and k % per_image == 0:
            tab.step()
        tab.click(200 + 7 * (k % per_image), 150 + 5 * (k % per_image))
        expect(tab.state.result is not None, f"autosave: the click made no draft ({tab.message})")
        take(parts)
        took, _ = clock(tab.accept)
        expect("saved" in tab.message and tab.state.result is None, f"autosave: Accept said {tab.message!r}")
        accepts.append(took)
        inside.append(take(parts))
    ui.shared.prefetcher.close(wait_s=30)
    # the canvas's overlay alone: the tiny model's masks (random weights: ragged) against smooth blobs
    from PIL import Image

    from sam_app import render

    record = store.image(store.image_list()[0].id)  # the first image: Accepted 10 times
    pixels = np.asarray(Image.open(store.image_file(record)).convert("RGB"))
    ragged = [o.mask(record.height, record.width) for o in record.objects][:len(objects)]
    smooth = [o.mask(480, 640) for o in objects][:len(ragged)]

    def points(masks):
        import cv2

        return int(np.median([sum(len(c) for c in cv2.findContours(m.view(np.uint8), cv2.RETR_EXTERNAL,
                                                                    cv2.CHAIN_APPROX_SIMPLE)[0]) for m in masks]))

    def overlay(masks):
        return min(clock(render.overlay_masks, pixels, masks, colours=[render.colour(k) for k in range(len(masks))],
                         alpha=0.4, names=[str(k + 1) for k in range(len(masks))])[0] for _ in range(5))

    return {"saves": saves, "accepts": accepts[1:], "accept_parts": inside[1:], "objects": len(objects),
            "per_image": per_image, "overlay": {"count": len(ragged), "ragged": overlay(ragged),
                                                "smooth": overlay(smooth), "ragged_points": points(ragged),
                                                "smooth_points": points(smooth)}}


# ---------------------------------------------------------------- 3. annotators against PostgreSQL


def annotate(worker: int, folder: str, password: str, hot: list, seconds: float, ready, go, results) -> None:
    """One annotator's process: its own open of the project, then read, append, save."""
    os.environ["PGPASSWORD"] = password
    from sam_app.projects import ConflictError, ObjectRecord, Project

    project = Project.open(folder)
    rng = np.random.default_rng(100 + worker)
    shape = ObjectRecord.from_mask(blob(rng, 48, 64, 16), None, "click")
    project.image(hot[0])  # connected, statements compiled
    ready.put(worker)
    go.wait()
    began = time.monotonic()
    deadline = began + seconds
    saved, refused, save_s, conflict_s, read_s, save_at = [], [], [], [], [], []
    count = 0
    while time.monotonic() < deadline:
        image_id = int(rng.choice(hot))
        count += 1
        for attempt in range(1000):
            tag = f"w{worker}-{count}-{attempt}"  # each try its own: a refused one must never show
            took, record = clock(project.image, image_id)
            read_s.append(took)
            objects = record.objects + [shape.with_changes(prompt={"tag": tag})]
            started = time.perf_counter()
            try:
                project.save(image_id, objects, record.version, f"w{worker}")
            except ConflictError:
                conflict_s.append(time.perf_counter() - started)
                refused.append(tag)
                continue
            save_s.append(time.perf_counter() - started)
            save_at.append(time.monotonic() - began)
            saved.append((image_id, tag))
            break
    project.close()
    results.put({"worker": worker, "saved": saved, "refused": refused, "save_s": save_s, "conflict_s": conflict_s,
                 "read_s": read_s, "save_at": save_at})


def part_team(args, work: Path) -> dict:
    from sqlalchemy import func, select

    from sam_app.projects import Project
    from sam_app.projects import schema as t

    from postgres import Postgres

    images = tiny_pngs(work / "team_images", max(HOT_IMAGES * 5, 100))
    seconds = args.minutes * 60
    with Postgres(durable=True) as server:
        os.environ["PGPASSWORD"] = server.password
        project = Project.create(work / "team", images, ["thing"], db=server.new_database())
        hot = [i.id for i in project.image_list()[:HOT_IMAGES]]
        project.close()
        spawn = multiprocessing.get_context("spawn")
        ready, results, go = spawn.Queue(), spawn.Queue(), spawn.Event()
        workers = [spawn.Process(target=annotate, args=(k, str(work / "team"), server.password, hot, seconds, ready,
                                                        go, results)) for k in range(args.annotators)]
        for process in workers:
            process.start()
        for _ in workers:
            ready.get(timeout=300)
        started = time.monotonic()
        go.set()
        found = [results.get(timeout=seconds + 300) for _ in workers]
        elapsed = time.monotonic() - started
        for process in workers:
            process.join(60)
            expect(process.exitcode == 0, f"annotator exited with {process.exitcode}")

        project = Project.open(work / "team")
        saved = [s for r in found for s in r["saved"]]
        refused = {tag for r in found for tag in r["refused"]}
        per_image = {i: [tag for image_id, tag in saved if image_id == i] for i in hot}
        lost = duplicated = phantom = wrong_count = 0
        for image_id in hot:
            record = project.image(image_id)
            tags = [o.prompt["tag"] for o in record.objects]
            present = set(tags)
            lost += sum(tag not in present for tag in per_image[image_id])
            duplicated += len(tags) - len(present)
            phantom += len(present & refused)
            successes = len(per_image[image_id])
            wrong_count += (record.version != successes) + (record.revision != successes) + (len(tags) != successes)
        with project.engine.connect() as connection:
            revision_rows = connection.execute(select(func.count()).select_from(t.revisions)).scalar()
        project.close()
    save_s = [x for r in found for x in r["save_s"]]
    timed = sorted((at, took) for r in found for at, took in zip(r["save_at"], r["save_s"]))
    fifth = max(1, len(timed) // 5)
    return {"annotators": args.annotators, "seconds": elapsed, "saves": len(saved),
            "conflicts": sum(len(r["conflict_s"]) for r in found), "save_s": save_s,
            "conflict_s": [x for r in found for x in r["conflict_s"]],
            "read_s": [x for r in found for x in r["read_s"]],
            "lost": lost, "duplicated": duplicated, "phantom": phantom, "wrong_count": wrong_count,
            "revision_rows": revision_rows, "first_fifth": [t for _, t in timed[:fifth]],
            "last_fifth": [t for _, t in timed[-fifth:]],
            "objects_max": max(len(v) for v in per_image.values())}


# ---------------------------------------------------------------- 4. Next with prefetch


def service_for(model, name: str, decoder: str):
    import torch

    from sam_app.backends.sam import SamBackend
    from sam_app.service import SamService

    service = SamService(device="cpu", precision="fp32")
    service.add_backend(SamBackend(model, name, torch.device("cpu"), "fp32", decoder), default=True)
    return service


def next_photos(folder: Path, count: int) -> Path:
    """``count`` photos: the shared ones where the checkout has ../shared, then the repo's."""
    folder.mkdir(parents=True, exist_ok=True)
    shared = sorted((REPO.parent / "shared" / "images").glob("*.jpg"))
    own = sorted(p for p in (REPO / "imgs").iterdir() if p.suffix.lower() in (".png", ".jpg"))
    chosen = (shared + own)[:count]
    expect(len(chosen) >= 2, "next: fewer than 2 photos found")
    for k, path in enumerate(chosen):
        shutil.copy(path, folder / f"{k:02d}_{path.name}")
    return folder


class Watch:
    """The prefetcher's work seen from outside: each piece's start and end and whether it
    encoded (``intervals``), and the piece running now (``busy``)."""

    def __init__(self, mode, service):
        self.intervals, self.started = [], None
        self.lock = threading.Lock()
        original = mode.warm

        def warm(*a, **k):
            before = service.encode_count
            with self.lock:
                self.started = time.monotonic()
            try:
                return original(*a, **k)
            finally:
                with self.lock:
                    self.intervals.append((self.started, time.monotonic(), service.encode_count != before))
                    self.started = None

        mode.warm = warm  # ``prefetch`` binds ``self.warm`` when it asks

    def busy(self) -> bool:
        with self.lock:
            return self.started is not None

    def encoding_between(self, start: float, end: float) -> bool:
        """Whether an encoding ran at some time between ``start`` and ``end`` (a piece still
        running counts once it has run 50 ms: a cached image takes less)."""
        with self.lock:
            spans = list(self.intervals)
            running = self.started
        return (running is not None and min(end, time.monotonic()) - running > 0.05) or any(
            encoded and s < end and e > start for s, e, encoded in spans)


def wait_idle(ui, watch: Watch, limit_s: float = 600) -> None:
    deadline = time.monotonic() + limit_s
    while (ui.shared.prefetcher.pending() or watch.busy()) and time.monotonic() < deadline:
        time.sleep(0.05)


def part_next(args, work: Path) -> dict:
    import torch

    from sam_app.projects import Project
    from sam_app.projects.library import Library
    from sam_app.ui.app import build_app_and_ui

    if args.model == "tiny":
        from models import tiny_sam

        model = tiny_sam(seed=0)
    else:
        from run import random_sam

        model = random_sam(args.model, torch.device("cpu"))
    service = service_for(model, args.model, args.decoder)
    photos = next_photos(work / "next_photos", args.photos)
    Project.create(work / "next", photos, ["thing"]).close()
    ui = build_app_and_ui(service, projects=Library(work / "next"))[1]
    watch = Watch(ui.project, service)

    # the encoder's time, on a picture of the project's size that is not in it
    from PIL import Image

    first = sorted(photos.iterdir())[0]
    other = np.asarray(Image.open(first).convert("RGB"))[:, ::-1].copy()
    service.embedding(service.load_image(other[:64, :64].copy()))  # the model's first call warms it up
    encodes = [clock(service.embedding, service.load_image(np.roll(other, 16 * k, axis=0)))[0] for k in range(2)]
    encode_s = min(encodes)
    think_s = 1.5 * encode_s  # the person's time on each image: longer than one encoding

    tab = ProjectTab(ui)
    open_s, _ = clock(tab.open)
    expect(tab.state.image_id is not None and tab.view.image is not None, f"next: open said {tab.message!r}")
    rows = []
    store = ui.shared.projects.open("next")
    parts = instrument({"store": store, "mode": ui.project, "service": service}, NEXT_PARTS)
    shown = time.monotonic()
    for _ in range(len(list(photos.iterdir())) - 1):
        time.sleep(max(0.0, shown + think_s - time.monotonic()))  # the person's time on the image
        take(parts)
        next_s, _ = clock(tab.step)
        shown = time.monotonic()
        step_parts = take(parts)
        expect(tab.view is not None and tab.view.image is not None, f"next: Next said {tab.message!r}")
        cached = step_parts.get("service.embedding", 0.0) < 0.05  # no wait for the encoder
        after_s, _ = clock(tab.click, 120, 100)
        overlap = watch.encoding_between(shown, time.monotonic())
        expect(tab.state.result is not None, f"next: the click made no draft ({tab.message})")
        # then, once the prefetcher is idle (within the person's time), the same click again on an empty draft
        wait_idle(ui, watch, shown + 0.9 * think_s - time.monotonic())
        plain_s = None
        if not (ui.shared.prefetcher.pending() or watch.busy()):
            tab.clear()
            time.sleep(ui.shared.prefetcher.quiet_s)
            plain_s, _ = clock(tab.click, 121, 101)
            expect(tab.state.result is not None, f"next: the click made no draft ({tab.message})")
        rows.append({"next": next_s, "after": after_s, "plain": plain_s, "cached": cached, "overlap": overlap,
                     "parts": step_parts, "path": tab.state.path})
        plain = f"{ms(plain_s):.0f} ms" if plain_s is not None else "none (the prefetcher was busy)"
        print(f"  next {rows[-1]['path']}: Next {ms(next_s):.0f} ms (embedding ready: {cached}), a click at once "
              f"{ms(after_s):.0f} ms (an encoding beside it: {overlap}), plain click {plain}", file=sys.stderr)

    # contrast: no prefetch, nothing cached
    wait_idle(ui, watch)
    ui.shared.prefetcher.ahead = 0
    service.embeddings.clear()
    without = []
    for _ in range(min(args.photos - 1, 3)):
        next_s, _ = clock(tab.step)
        expect(tab.view is not None and tab.view.image is not None, f"next: Next said {tab.message!r}")
        without.append(next_s)
    ui.shared.prefetcher.close(wait_s=120)
    return {"encode": encodes, "think": think_s, "open": open_s, "rows": rows, "without": without,
            "photos": sorted(p.name for p in photos.iterdir()), "model": args.model, "decoder": args.decoder}


# ---------------------------------------------------------------- the section


def fmt(seconds: float) -> str:
    value = ms(seconds)
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def part_rows(parts: list, totals: list, names: dict, row: str) -> list:
    """Table rows of a handler's parts (``parts``: one ``take`` per call; ``totals``: the
    calls' seconds) and of the rest of it: p50, p95, max of each."""
    lines = []
    for (who, name), label in names.items():
        values = [p.get(f"{who}.{name}", 0.0) for p in parts]
        if any(f"{who}.{name}" in p for p in parts):
            lines.append(row.format(label, fmt(pct(values, 50)), fmt(pct(values, 95)), fmt(max(values))))
    rest = [total - sum(p.values()) for total, p in zip(totals, parts)]
    lines.append(row.format("the rest of the handler", fmt(pct(rest, 50)), fmt(pct(rest, 95)), fmt(max(rest))))
    return lines


def section(results: dict, args, command: str) -> str:
    import torch

    lines = [
        "## Annotation projects (`benchmarks/projects.py`)",
        "",
        f"`{command}` on {cpu_model()} ({os.cpu_count()} cores, torch {torch.__version__} with "
        f"{torch.get_num_threads()} threads), Python {platform.python_version()}; SQLite in the project folder "
        "(WAL, synchronous=FULL) unless said. Times in ms unless said.",
    ]
    create = results.get("create")
    if create:
        c = create
        over = statistics.median(c["create"])
        lines += [
            "",
            f"### A {c['images']:,}-image project",
            "",
            f"{c['images']:,} synthetic 64x48 PNGs (each its own bytes; made in {c['made_s']:.0f} s, so in the page "
            f"cache); {len(c['create'])} creates, each in a new folder; a third of the images then given 5 objects "
            f"each ({c['objects']:,} objects; the database is {c['db_mb']:.1f} MB) before the rest was timed. "
            "Target (issue): create, open and status each under 1 s.",
            "",
            "| step | p50 | max | target |",
            "|---|---:|---:|---|",
            f"| `Project.create` ({c['images']:,} images, imports warm) | {fmt(over)} | {fmt(max(c['create']))} | "
            f"< 1 s: {verdict(over < 1)} |",
            f"| of which: listing the folder (`list_images`, timed alone) | {fmt(statistics.median(c['listing']))} | "
            f"{fmt(max(c['listing']))} | |",
            f"| of which: reading and hashing every file (sha256, timed alone) | "
            f"{fmt(statistics.median(c['hashing']))} | {fmt(max(c['hashing']))} | |",
            f"| of which: the rest (schema, classes, {c['images']:,} rows inserted, project.json) | "
            f"{fmt(over - statistics.median(c['listing']) - statistics.median(c['hashing']))} | | |",
            f"| `Project.open` | {fmt(statistics.median(c['open']))} | {fmt(max(c['open']))} | "
            f"< 1 s: {verdict(max(c['open']) < 1)} |",
            f"| `report.status` | {fmt(statistics.median(c['status']))} | {fmt(max(c['status']))} | "
            f"< 1 s: {verdict(max(c['status']) < 1)} |",
            f"| `image_list()` (every image with its object counts) | {fmt(statistics.median(c['image_list']))} | "
            f"{fmt(max(c['image_list']))} | |",
            f"| `Project.image(id)`, first read (its size read from the file and stored) | "
            f"{fmt(statistics.median(c['image_first']))} | {fmt(max(c['image_first']))} | |",
            f"| `Project.image(id)` | {fmt(statistics.median(c['image']))} | {fmt(max(c['image']))} | |",
            f"| `Project.neighbour(id, 1)` (Next's lookup: lists every image) | "
            f"{fmt(statistics.median(c['neighbour']))} | {fmt(max(c['neighbour']))} | |",
            f"| a fresh process: `import sam_app.projects` (+ `report`) | {fmt(c['fresh']['import'])} | | |",
            f"| then the import `create` makes first: `sam_app.batch.job` (`list_images`; "
            f"{'PyTorch with it' if c['fresh']['torch'] else 'no PyTorch'}) | {fmt(c['fresh']['lister'])} | | |",
            f"| then the import the first migrate makes: Alembic | {fmt(c['fresh']['alembic'])} | | |",
            f"| then its first create (1 image) | {fmt(c['fresh']['first_create'])} | | |",
            f"| and its second create (1 image) | {fmt(c['fresh']['second_create'])} | | |",
        ]
    autosave = results.get("autosave")
    if autosave:
        a = autosave
        p95 = pct(a["saves"], 95)
        canvas = [p.get("mode.canvas_picture", 0.0) for p in a["accept_parts"]]
        accept_real = pct(a["accepts"], 50) - pct(canvas, 50) + a["overlay"]["smooth"]
        lines += [
            "",
            "### Autosave on SQLite",
            "",
            f"`Project.save` of one 640x480 image's {a['objects']} objects (random irregular blobs), "
            f"{len(a['saves'])} saves each on the version the last one returned (each a transaction synced to disk, "
            "the image then read back); then Accept through the Project tab's handler (`on_accept`: the draft of one "
            f"click with the tests' tiny model turned into objects, saved, the canvas and lists redrawn), "
            f"{len(a['accepts'])} times, {a['per_image']} per 640x480 image (1 to {a['per_image']} objects saved). "
            "Target (issue): save p95 under 20 ms.",
            "",
            "| what | p50 | p95 | max | target |",
            "|---|---:|---:|---:|---|",
            f"| `Project.save` (10 objects) | {fmt(pct(a['saves'], 50))} | {fmt(p95)} | {fmt(max(a['saves']))} | "
            f"p95 < 20 ms: {verdict(p95 < 0.020)} |",
            f"| Accept (`on_accept`, the whole handler) | {fmt(pct(a['accepts'], 50))} | {fmt(pct(a['accepts'], 95))} "
            f"| {fmt(max(a['accepts']))} | |",
            *part_rows(a["accept_parts"], a["accepts"], ACCEPT_PARTS, "| of which: {} | {} | {} | {} | |"),
            "",
            f"The canvas's overlay (`render.overlay_masks`) of {a['overlay']['count']} objects on a 640x480 photo: "
            f"{fmt(a['overlay']['ragged'])} ms for the tiny model's masks (random weights: noise-like, "
            f"{a['overlay']['ragged_points']:,} outline points per mask, as Accept drew them above) against "
            f"{fmt(a['overlay']['smooth'])} ms for as many smooth blobs ({a['overlay']['smooth_points']:,} points "
            "per mask, as real masks are); the outlines (`cv2.drawContours`) are most of it. With real masks Accept "
            f"would take about {fmt(accept_real)} ms (p50 less the canvas's p50, plus the smooth overlay: an "
            "estimate).",
        ]
    team = results.get("team")
    if team:
        s = team
        ok = s["lost"] == 0 and s["duplicated"] == 0 and s["phantom"] == 0 and s["wrong_count"] == 0
        lines += [
            "",
            "### Annotators against PostgreSQL",
            "",
            f"{s['annotators']} processes, each its own `Project.open`, for {s['seconds']:.0f} s against a throwaway "
            f"PostgreSQL server that syncs each commit to disk; each loop reads one of {HOT_IMAGES} shared images, "
            "appends one object tagged with its own name and saves on the version it read (a conflict: read again, "
            f"retry with a new tag). Objects per image grow with the run (up to {s['objects_max']} at the end), so "
            f"later saves write more rows: save p50 {fmt(pct(s['first_fifth'], 50))} ms over the first fifth of the "
            f"saves, {fmt(pct(s['last_fifth'], 50))} ms over the last.",
            "",
            "| saves | saves/s | conflicts | save p50 | p95 | max | refused save p50 | read p50 | lost updates |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {s['saves']:,} | {s['saves'] / s['seconds']:.1f} | {s['conflicts']:,} "
            f"({s['conflicts'] / max(1, s['saves'] + s['conflicts']):.0%} of tries) | {fmt(pct(s['save_s'], 50))} | "
            f"{fmt(pct(s['save_s'], 95))} | {fmt(max(s['save_s']))} | {fmt(pct(s['conflict_s'], 50))} | "
            f"{fmt(pct(s['read_s'], 50))} | {s['lost']} |",
            "",
            f"Checked at the end: every returned save's tag is in its image's objects ({s['lost']} missing), none "
            f"twice ({s['duplicated']}), no tag of a refused try ({s['phantom']} found), each image's version, "
            f"revision and object count equal to its saves ({s['wrong_count']} mismatches); {s['revision_rows']:,} "
            "revision rows "
            f"kept (at most 200 per image). {'No update lost.' if ok else '**Updates were lost or doubled.**'}",
        ]
    nxt = results.get("next")
    if nxt:
        n = nxt
        rows = n["rows"]
        nexts = [r["next"] for r in rows]
        plains = [r["plain"] for r in rows if r["plain"] is not None]
        afters = [r["after"] for r in rows]
        plain_p50 = statistics.median(plains) if plains else float("nan")
        gap = statistics.median(nexts) - plain_p50
        cached = sum(r["cached"] for r in rows)
        overlapped = sum(r["overlap"] for r in rows)
        lines += [
            "",
            "### Next with prefetch, against a click",
            "",
            f"A random-weight {'full-size ' if n['model'] != 'tiny' else ''}{n['model']} (decoder {n['decoder']}), "
            f"a project of {len(n['photos'])} photos "
            f"({', '.join(n['photos'])}), through the Project tab's handlers. One encoding takes "
            f"{fmt(min(n['encode']))} ms here; the person spends {n['think']:.1f} s on each image (1.5 encodings) "
            "from Next to Next, and clicks the new image as soon as it shows (the encoding Next asked for may run "
            "beside that click); then, once the prefetcher is idle, clears the draft and clicks again beside the "
            "first point: the plain click (one point, an empty draft, nothing running beside it). Target (issue): "
            "Next within 50 ms of a plain click.",
            "",
            "| what | median | max | note |",
            "|---|---:|---:|---|",
            f"| Next (prefetch on) | {fmt(statistics.median(nexts))} | {fmt(max(nexts))} | "
            f"{cached} of {len(rows)} found their embedding ready |",
            f"| plain click (prefetcher idle) | {fmt(plain_p50)} | {fmt(max(plains, default=float('nan')))} | "
            f"{len(plains)} of {len(rows)} images (the others: the prefetcher still busy) |",
            f"| Next - plain click | {gap * 1000:+.0f} | | within 50 ms: "
            f"{verdict(gap <= 0.050) if plains else 'not measured'} |",
            f"| a click as soon as Next showed the image | {fmt(statistics.median(afters))} | {fmt(max(afters))} | "
            f"an encoding ran beside {overlapped} of {len(rows)} |",
            f"| Next without prefetch (cache emptied) | {fmt(statistics.median(n['without']))} | "
            f"{fmt(max(n['without']))} | {len(n['without'])} Nexts |",
            f"| opening the project (first image encoded) | {fmt(n['open'])} | | |",
            "",
            "Inside Next with prefetch on (`on_step`, timed in the handler's thread):",
            "",
            "| part | p50 | p95 | max |",
            "|---|---:|---:|---:|",
            *part_rows([r["parts"] for r in rows], nexts, NEXT_PARTS, "| {} | {} | {} | {} |"),
        ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=10_000, help="images of the big project")
    parser.add_argument("--repeats", type=int, default=3, help="creates, opens and status calls timed")
    parser.add_argument("--saves", type=int, default=300, help="autosaves timed (and Accepts)")
    parser.add_argument("--minutes", type=float, default=2.0, help="the annotators' run against PostgreSQL")
    parser.add_argument("--annotators", type=int, default=4)
    parser.add_argument("--photos", type=int, default=6, help="photos of the Next project")
    parser.add_argument("--model", default="vit_b", choices=["vit_b", "tiny"], help="the model behind Next")
    parser.add_argument("--decoder", default="torch", choices=["auto", "onnx", "torch"])
    parser.add_argument("--parts", default="create,autosave,team,next")
    parser.add_argument("--quick", action="store_true", help="1,000 images, 60 saves, 15 s of annotators, 3 photos")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.images, args.saves, args.minutes, args.photos = 1000, 60, 0.25, 3
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    command = "python benchmarks/projects.py" + ("" if argv is None and len(sys.argv) == 1 else
                                                  " " + " ".join(sys.argv[1:] if argv is None else argv))
    started = time.time()
    work = Path(tempfile.mkdtemp(prefix="sam_projects_bench_"))
    results = {}
    try:
        for name, run in (("create", part_create), ("autosave", part_autosave), ("team", part_team),
                          ("next", part_next)):
            if name in parts:
                began = time.time()
                results[name] = run(args, work)
                print(f"{name}: {time.time() - began:.0f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    from report import publish

    publish("projects", section(results, args, command), not args.no_write)
    print(f"({time.time() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
