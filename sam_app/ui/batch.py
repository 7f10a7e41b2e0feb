"""The Batch mode: a handful of uploaded images (or a zip of them) become a dataset
(``sam_app.batch``): segment everything, or the boxes and points of an uploaded prompts
file (JSON lines or COCO boxes); progress per image; the dataset as a zip download.

Uploads are copied into a job folder under the outputs folder; a zip is unpacked with
its folders kept (so a prompts file can name "sub/a.jpg"), image files only, names
that would leave the folder refused, at most ``MAX_ZIP_FILES`` files and
``MAX_ZIP_BYTES`` unpacked.
"""

import shutil
import time
import zipfile
from pathlib import Path, PurePosixPath

import gradio as gr

from .. import batch
from ..errors import SamAppError
from ..tasks.everything import EverythingSettings
from .common import Shared, shows_errors
from .everything import generator_sliders
from .state import Session

SOURCES = ("Everything", "Prompts file")
TABLE_HEADERS = ["image", "status", "masks", "reason"]
MAX_ZIP_FILES = 1000
MAX_ZIP_BYTES = 2 * 2**30


def unpack(uploads, images: Path) -> int:
    """Copy uploaded images and unpack uploaded zips into ``images``; the number of images."""
    count = 0
    for upload in uploads or []:
        path = Path(upload)
        if path.suffix.lower() == ".zip":
            count += _unzip(path, images)
        elif path.suffix.lower() in batch.job.IMAGE_SUFFIXES:
            shutil.copyfile(path, images / path.name)
            count += 1
        else:
            raise SamAppError(f"{path.name} is neither an image ({', '.join(batch.job.IMAGE_SUFFIXES)}) nor a zip")
    if not count:
        raise SamAppError("Upload some images (or a zip of images) first.")
    return count


def _unzip(path: Path, images: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                name = PurePosixPath(member.filename)
                if name.is_absolute() or ".." in name.parts:
                    raise SamAppError(f"{path.name}: {member.filename} would be unpacked outside its folder")
            members = [m for m in archive.infolist() if not m.is_dir()
                       and PurePosixPath(m.filename).suffix.lower() in batch.job.IMAGE_SUFFIXES
                       and not any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(m.filename).parts)]
            if len(members) > MAX_ZIP_FILES or sum(m.file_size for m in members) > MAX_ZIP_BYTES:
                raise SamAppError(f"{path.name} holds {len(members)} images, {sum(m.file_size for m in members) / 2**20:.0f}"
                                  f" MB unpacked; the web UI takes up to {MAX_ZIP_FILES} images and "
                                  f"{MAX_ZIP_BYTES / 2**30:.0f} GB (use python -m sam_app batch for more)")
            for member in members:
                target = images.joinpath(*PurePosixPath(member.filename).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, open(target, "wb") as f:
                    shutil.copyfileobj(source, f)
            return len(members)
    except zipfile.BadZipFile:
        raise SamAppError(f"{path.name} is not a readable zip file") from None


def zip_dataset(dataset: Path, target: Path) -> Path:
    """The dataset's files (not its parts) in one zip, written beside and renamed."""
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(dataset.rglob("*")):
            relative = path.relative_to(dataset)
            if path.is_file() and relative.parts[0] != "parts":
                archive.write(path, relative.as_posix())
    partial.replace(target)
    return target


class BatchMode:
    """Components (made by ``build``) and the handler of the Batch mode."""

    def __init__(self, shared: Shared):
        self.shared = shared

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
                self.summary = gr.Markdown("_No dataset yet._", elem_id="batch-summary")
                self.download = gr.File(label="Dataset (zip)", interactive=False, elem_id="batch-download")
        self.table = gr.Dataframe(headers=TABLE_HEADERS, interactive=False, elem_id="batch-table",
                                  label="Images")

    def wire(self, model_work: dict, light: dict) -> None:
        s = self.shared
        inputs = [self.uploads, self.source, self.prompts, self.points_per_side, self.pred_iou_thresh,
                  self.stability_score_thresh, self.formats, self.polygons, s.session]
        self.run_button.click(self.on_run, inputs, [s.message, self.summary, self.table, self.download, s.status],
                              api_visibility="private", **model_work)
        self.source.change(self.on_source, [self.source], [self.prompts, self.everything_settings], **light)

    def on_source(self, source: str) -> dict:
        """Show the prompts file for a prompts job, the generator's settings for everything."""
        return {self.prompts: gr.File(visible=source != SOURCES[0]),
                self.everything_settings: gr.Column(visible=source == SOURCES[0])}

    @shows_errors
    def on_run(self, uploads, source, prompts, points_per_side, pred_iou_thresh, stability_score_thresh, formats,
               polygons, session: Session, progress=gr.Progress()) -> dict:
        formats = batch.parse_formats(",".join(formats or []))
        service, outputs = self.shared.service, self.shared.outputs
        model = service.resolve_model_name(session.model)
        work = outputs.new_folder(prefix="batch_")
        images = work / "images"
        images.mkdir()
        count = unpack(uploads, images)
        identity = {"model": model}
        if source == SOURCES[0]:
            settings = EverythingSettings(points_per_side=int(points_per_side), pred_iou_thresh=pred_iou_thresh,
                                          stability_score_thresh=stability_score_thresh).as_dict()
            job = batch.from_images(images, settings, identity)
        elif prompts is None:
            raise SamAppError("Upload a prompts file (JSON lines or COCO boxes), or pick Everything.")
        else:
            job = batch.from_prompt_file(prompts, images, False, identity)
        progress(0, desc=f"Loading {model}...")
        segmenter = batch.Segmenter(service, job.everything, model=model)
        segmenter.load()
        store = batch.Store(work / "dataset")
        started, finished = time.perf_counter(), []

        def report(result):
            finished.append(result)
            progress(len(finished) / len(job.items), desc=f"{len(finished)} of {len(job.items)} images")

        summary = batch.run_job(job, batch.run_local(job, segmenter, store, "png" in formats, service.max_pixels),
                                store, formats, bool(polygons), report)
        archive = zip_dataset(store.output, work / f"dataset_{model}.zip")
        rows = [[o["file_name"], o["status"], o.get("objects", ""), o.get("reason", "")]
                for o in (summary.outcomes.get(item.name, {"file_name": item.name, "status": "not run"})
                          for item in job.items)]
        line = (f"**{len(job.items)} of {count} uploaded images**: {summary.line()} in "
                f"{time.perf_counter() - started:.1f} s ({', '.join(formats)}).")
        return {self.shared.message: "Some images failed: see the table." if summary.failed else "Dataset ready.",
                self.summary: line, self.table: rows, self.download: str(archive),
                self.shared.status: self.shared.status_text(session)}
