"""The Batch mode: a handful of uploaded images (or a zip of them) become a dataset
(``sam_app.batch``): segment everything, or the boxes and points of an uploaded prompts
file (JSON lines or COCO boxes); progress per image; the dataset as a zip download.

Uploads are copied into a job folder under the outputs folder; a zip is unpacked with
its folders kept (so a prompts file can name "sub/a.jpg"), image files only. What a zip
may unpack is bounded by the bytes it really writes (``MAX_ZIP_FILES`` files, each at
most ``LIMITS.max_file_size``, ``MAX_ZIP_BYTES`` in all), not by the sizes it declares.
A prompts file names images inside the job folder only (``batch.job``, strictly).

The job honours the request limits and time budgets (each image's decoding, and the
whole job's ``batch_seconds``), and stops between images when its client goes away
(the handler is a generator: Gradio closes it). Only the dataset's zip outlives the
job; its folder is removed as soon as the zip is written, or when the job fails.
"""

import contextlib
import json
import shutil
import time
import zipfile
import zlib
from pathlib import Path, PurePosixPath

import gradio as gr

from .. import batch, render
from ..errors import LimitError, SamAppError, plural, shorten
from ..files import read_bytes, writing
from ..limits import LIMITS, Deadline, format_size
from ..tasks.everything import EverythingSettings
from .everything import generator_sliders
from .modes import App, Mode
from .state import Session

SOURCES = ("Everything", "Prompts file")
TABLE_HEADERS = ["image", "status", "masks", "reason"]
PICTURES = 12  # results shown as pictures after a run (the first images with masks)
THUMB_SIDE = 512  # px, their longest side
MAX_ZIP_FILES = 1000
MAX_ZIP_BYTES = 2**30
MAX_NAME_BYTES = 255  # one part of a path, as most file systems allow
MAX_PATH_CHARS = 1024
ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
COPY_CHUNK = 1 << 20


class Unpacked:
    """The relative names unpacked into a job's images folder so far, to refuse two files
    of one name (one would silently replace the other) and a file where a folder is."""

    def __init__(self, images: Path):
        self.images, self.files, self.folders, self.bytes = images, set(), set(), 0

    def claim(self, name: str, where: str) -> Path:
        parts = PurePosixPath(name).parts
        if any(len(p.encode()) > MAX_NAME_BYTES for p in parts) or len(name) > MAX_PATH_CHARS:
            raise SamAppError(f"{where}: the name {shorten(name)} is too long (at most {MAX_NAME_BYTES} bytes a "
                              f"part, {MAX_PATH_CHARS} characters in all)")
        folders = {"/".join(parts[:i]) for i in range(1, len(parts))}
        if name in self.files or name in self.folders or folders & self.files:
            raise SamAppError(f"{where}: {shorten(name)} clashes with another file of the same name (or a folder "
                              "and a file share a name): rename one, nothing is dropped silently")
        self.files.add(name)
        self.folders |= folders
        target = self.images.joinpath(*parts)
        with writing(target):
            target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, target: Path, source, where: str) -> None:
        """Copy the stream ``source`` to ``target``, counting the bytes really written."""
        written = 0
        with writing(target), open(target, "wb") as f:
            for block in iter(lambda: source.read(COPY_CHUNK), b""):
                written += len(block)
                self.bytes += len(block)
                if written > LIMITS.max_file_size:
                    raise SamAppError(f"{where} unpacks to more than {format_size(LIMITS.max_file_size)}, the limit "
                                      f"on one image ({LIMITS.raise_hint('max_file_size')})")
                if self.bytes > MAX_ZIP_BYTES:
                    raise SamAppError(f"the uploads unpack to more than {format_size(MAX_ZIP_BYTES)}; the web UI "
                                      "takes less (use python -m sam_app batch for more)")
                f.write(block)


def unpack(uploads, images: Path) -> set:
    """Copy uploaded images and unpack uploaded zips into ``images``; their relative
    '/'-separated names."""
    unpacked = Unpacked(images)
    for upload in uploads or []:
        path = Path(upload)
        if path.suffix.lower() == ".zip":
            _unzip(path, unpacked)
        elif path.suffix.lower() in batch.job.IMAGE_SUFFIXES:
            target = unpacked.claim(path.name, "the uploads")
            with writing(target):
                target.write_bytes(read_bytes(path))
        else:
            raise SamAppError(f"{path.name} is neither an image ({', '.join(batch.job.IMAGE_SUFFIXES)}) nor a zip")
    if not unpacked.files:
        raise SamAppError("Upload some images (or a zip of images) first.")
    return set(unpacked.files)


def _zip_members(archive: zipfile.ZipFile, name: str) -> list:
    """The image members of ``archive`` to unpack; SamAppError for names that would leave
    the folder, encryption, unknown compression or too many images."""
    for member in archive.infolist():
        path = PurePosixPath(member.filename)
        if path.is_absolute() or ".." in path.parts:
            raise SamAppError(f"{name}: {shorten(member.filename)} would be unpacked outside its folder")
    members = [m for m in archive.infolist() if not m.is_dir()
               and PurePosixPath(m.filename).suffix.lower() in batch.job.IMAGE_SUFFIXES
               and not any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(m.filename).parts)]
    for member in members:
        if member.flag_bits & 0x1:
            raise SamAppError(f"{name}: {shorten(member.filename)} is encrypted; upload a zip without a password")
        if member.compress_type not in ZIP_METHODS:
            raise SamAppError(f"{name}: {shorten(member.filename)} uses a compression method ({member.compress_type})"
                              " this server cannot unpack; use deflate")
    if len(members) > MAX_ZIP_FILES:
        raise SamAppError(f"{name} holds {len(members)} images; the web UI takes up to {MAX_ZIP_FILES} (use python -m "
                          "sam_app batch for more)")
    return members


def _unzip(path: Path, unpacked: Unpacked) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            members = _zip_members(archive, path.name)
            for member in members:
                where = f"{path.name}: {shorten(member.filename)}"
                target = unpacked.claim(PurePosixPath(member.filename).as_posix(), path.name)
                with archive.open(member) as source:
                    unpacked.write(target, source, where)
            return len(members)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
        raise SamAppError(f"{path.name} is not a readable zip file ({shorten(str(exc))})") from None
    except (NotImplementedError, RuntimeError) as exc:  # zipfile's words for what it cannot unpack
        raise SamAppError(f"{path.name} cannot be unpacked: {shorten(str(exc))}") from None


def zip_dataset(dataset: Path, target: Path, images: Path, names: list, yolo: bool) -> Path:
    """The dataset's files (not its parts) and the images it was made from (``names``,
    under ``images/``) in one zip, written beside and renamed: a dataset that trains as it
    is. With ``yolo``, a ``data.yaml`` for ultralytics (train and val: the images; the
    labels beside them in ``labels/``, class names from ``classes.txt``)."""
    partial = target.with_name(f".{target.name}.partial")
    with writing(target), zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(dataset.rglob("*")):
            relative = path.relative_to(dataset)
            if path.is_file() and relative.parts[0] != "parts":
                archive.write(path, relative.as_posix())
        for name in names:
            archive.write(images.joinpath(*PurePosixPath(name).parts), f"images/{name}", zipfile.ZIP_STORED)
        if yolo and (dataset / "classes.txt").is_file():
            classes = (dataset / "classes.txt").read_text(encoding="utf-8").splitlines()
            listed = "".join(f"  {i}: {json.dumps(name)}\n" for i, name in enumerate(classes))
            archive.writestr("data.yaml", f"# ultralytics: yolo segment train data=data.yaml\ntrain: images\n"
                                          f"val: images\nnames:\n{listed}")
    partial.replace(target)
    return target


def result_pictures(store, job, outcomes: dict, images: Path, picture, max_pixels: int,
                    limit: int = PICTURES) -> list:
    """(picture file, caption) of the first ``limit`` images with masks: each image at most
    THUMB_SIDE px on its longest side with its masks tinted and outlined; ``picture``
    writes HxWx3 uint8 RGB pixels to a file (``Outputs.jpeg_file``); ``max_pixels``: the
    service's limit on an image."""
    from ..backends.base import resize_mask
    from ..export import decode_rle
    from ..images import fit_scale, load_image

    shown = []
    for item in job.items:
        outcome = outcomes.get(item.name, {})
        if len(shown) == limit:
            break
        if outcome.get("status") != "done" or not outcome.get("objects"):
            continue
        image = load_image(images / item.name, max_pixels, item.name)
        pixels = render.resize(image.pixels, fit_scale(image.height, image.width, THUMB_SIDE))
        annotations = store.read(item.name, outcome["key"])["annotations"]
        masks = (resize_mask(decode_rle(a["segmentation"]), pixels.shape[:2]) for a in annotations)
        shown.append((picture(render.overlay_masks(pixels, masks, alpha=0.45, outline=True)),
                      f"{item.name}: {plural(len(annotations), 'mask')}"))
    return shown


def table_rows(job, outcomes: dict) -> list:
    """One row per image of ``job``: name, status, masks, reason ("not run" until done)."""
    return [[o["file_name"], o["status"], o.get("objects", ""), o.get("reason", "")]
            for o in (outcomes.get(item.name, {"file_name": item.name, "status": "not run"}) for item in job.items)]


class BatchMode(Mode):
    """Components (made by ``build``) and the handler of the Batch mode (no state of its
    own: a job is one request)."""

    id = "batch"
    title = "Batch"

    def build(self) -> None:
        with gr.Row():
            with gr.Column():
                self.uploads = gr.File(label="Images, or a zip of images", file_count="multiple",
                                       file_types=["image", ".zip"], elem_id="batch-images")
                self.source = gr.Radio(list(SOURCES), value=SOURCES[0], label="Masks for",
                                       info="every object (segment everything), or the boxes and points of a "
                                            "prompts file", elem_id="batch-source")
                self.prompts = gr.File(label="Prompts file: JSON lines, or a COCO file with boxes", visible=False,
                                       file_types=[".json", ".jsonl"], elem_id="batch-prompts")
                with gr.Column(elem_id="batch-everything-settings") as self.everything_settings:
                    self.points_per_side, self.pred_iou_thresh, self.stability_score_thresh = generator_sliders(
                        "batch-", points_per_side=16)
            with gr.Column():
                self.formats = gr.CheckboxGroup(list(batch.FORMATS), value=["coco"], label="Dataset formats",
                                                elem_id="batch-formats")
                self.polygons = gr.Checkbox(False, label="COCO segmentations as polygons (default RLE)")
                self.run_button = gr.Button("Make the dataset", variant="primary", elem_id="batch-run")
                self.own_message()
                self.summary = gr.Markdown("_No dataset yet._", elem_id="batch-summary")
                self.download = gr.File(label="Dataset (zip)", interactive=False, elem_id="batch-download")
        self.table = gr.Dataframe(headers=TABLE_HEADERS, interactive=False, elem_id="batch-table",
                                  label="Images")
        self.pictures = gr.Gallery(label=f"Results (the first {PICTURES} images with masks)", columns=4,
                                   height="auto", elem_id="batch-pictures", buttons=["fullscreen"])

    def wire(self, app: App) -> None:
        s = self.shared
        inputs = [self.uploads, self.source, self.prompts, self.points_per_side, self.pred_iou_thresh,
                  self.stability_score_thresh, self.formats, self.polygons, s.session]
        self.run_button.click(self.on_run, inputs, [s.message, self.summary, self.table, self.download, self.pictures,
                                                    s.status], **app.events.model_work)
        self.source.change(self.on_source, [self.source], [self.prompts, self.everything_settings],
                           **app.events.light)

    def on_source(self, source: str) -> dict:
        """Show the prompts file for a prompts job, the generator's settings for everything."""
        return {self.prompts: gr.File(visible=source != SOURCES[0]),
                self.everything_settings: gr.Column(visible=source == SOURCES[0])}

    def on_run(self, uploads, source, prompts, points_per_side, pred_iou_thresh, stability_score_thresh, formats,
               polygons, session: Session, progress=gr.Progress()):
        """Make the dataset, yielding the table as images finish (a generator, so that
        Gradio stops it between images when the client leaves); the last update has the
        summary and the zip. Errors become the message line."""
        work = None
        try:
            work = self.shared.outputs.new_folder(prefix="batch_")
            yield from self._run(work, uploads, source, prompts, points_per_side, pred_iou_thresh,
                                 stability_score_thresh, formats, polygons, session, progress)
        except SamAppError as exc:  # nothing of an earlier run stays on screen as if it were this one's
            yield {self.shared.message: self.shared.error_text(exc), self.summary: "_No dataset yet._",
                   self.download: None, self.table: None, self.pictures: None}
        finally:  # done, failed, or stopped because the client left: only the zip stays
            if work is not None:
                for entry in work.iterdir():
                    if not (entry.is_file() and entry.suffix == ".zip"):
                        shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    work.rmdir()  # empty when the job produced no zip

    def _run(self, work: Path, uploads, source, prompts, points_per_side, pred_iou_thresh, stability_score_thresh,
             formats, polygons, session: Session, progress):
        formats = batch.parse_formats(",".join(formats or []))
        service = self.shared.service
        model = service.resolve_model_name(session.model)
        images = work / "images"
        images.mkdir()
        uploaded = unpack(uploads, images)
        count = len(uploaded)
        identity = {"model": model}
        if source == SOURCES[0]:
            settings = EverythingSettings(points_per_side=points_per_side, pred_iou_thresh=pred_iou_thresh,
                                          stability_score_thresh=stability_score_thresh).as_dict()
            job, budget = batch.from_images(images, settings, identity), LIMITS.everything_seconds
        elif prompts is None:
            raise SamAppError("Upload a prompts file (JSON lines or COCO boxes), or pick Everything.")
        else:
            job, budget = batch.from_prompt_file(prompts, images, False, identity, strict=True), LIMITS.request_seconds
        budget = min((b for b in (budget, LIMITS.batch_seconds) if b), default=None)  # no image outlasts the job
        progress(0, desc=f"Loading {model}...")
        segmenter = batch.Segmenter(service, job.everything, model=model, budget_s=budget)
        segmenter.load()
        store = batch.Store(work / "dataset")
        started, seen, stopped = time.perf_counter(), {}, ""
        deadline = Deadline(LIMITS.batch_seconds, "batch_seconds")
        outcomes = batch.run_local(job, segmenter, store, "png" in formats, service.max_pixels)
        with contextlib.closing(outcomes):  # closed early: the reader and writer threads stop
            for result in outcomes:
                seen[result["file_name"]] = result
                progress(len(seen) / len(job.items), desc=f"{len(seen)} of {len(job.items)} images")
                yield {self.table: table_rows(job, seen)}
                try:
                    deadline.check(len(seen), len(job.items), "images")
                except LimitError as exc:
                    stopped = f" Stopped early: {exc}."
                    break
        summary = batch.Summary(seen, store.assemble(job, seen, formats, bool(polygons)))
        named = [item.name for item in job.items]
        described = [name for name in named if seen.get(name, {}).get("status") == "done"]
        archive = zip_dataset(store.output, work / f"dataset_{model}.zip", images, described, "yolo" in formats)
        unnamed = sorted(set(uploaded) - set(named))
        left_out = (f" {len(unnamed)} uploaded image(s) the prompts file does not name were left out: "
                    f"{shorten(', '.join(unnamed), 200, quote=False)}." if unnamed else "")
        line = (f"**{len(job.items)} image(s)** of {count} uploaded: {summary.line()} in "
                f"{time.perf_counter() - started:.1f} s ({', '.join(formats)}).{left_out}{stopped}")
        masks = sum(int(o.get("objects") or 0) for o in seen.values())
        if summary.failed:
            message = "Some images failed: see the table."
        elif not masks:
            message = ("Dataset ready, but no image has a mask: lower the predicted-IoU and stability thresholds "
                       "(Everything), or check the prompts.")
        else:
            message = f"Dataset ready: {masks} mask(s); the zip holds the images too."
        pictures = result_pictures(store, job, seen, images, self.shared.outputs.jpeg_file, service.max_pixels)
        yield {self.shared.message: message + stopped, self.summary: line, self.table: table_rows(job, seen),
               self.download: str(archive), self.pictures: pictures or None,
               self.shared.status: self.shared.status_text(session)}
