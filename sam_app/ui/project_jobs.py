"""The Project mode's pre-label panel (part of ``ProjectMode``): a whole-project job on
the batch engine in this process (each class name as a text prompt, or segment
everything), with progress per image; its objects join the images as proposals. A job
stops between images when its client goes away or after ``batch_seconds``, and the
same job started again resumes where it stopped. Jobs run from the command line
(``sam-app project prelabel``) are listed too."""

from __future__ import annotations

import contextlib

import gradio as gr

from .. import batch
from ..errors import LimitError, SamAppError
from ..limits import LIMITS, Deadline
from ..projects.prelabel import job_line, jobs, prelabel_job, run_prelabel_steps
from ..tasks.everything import EverythingSettings
from .project_state import ProjectState
from .project_view import table
from .state import Session

KINDS = [("Each class name as a text prompt (needs a text model: SAM 3 or a grounding detector)", "text"),
         ("Segment everything (masks without a class, to be given one)", "everything")]


class ProjectJobs:
    """Components and handler of the pre-label panel; expects the Project mode."""

    def build_prelabel(self) -> None:
        with gr.Accordion("Pre-label every image", open=False):
            self.job_kind = gr.Radio(KINDS, value="text", label="Proposals from", elem_id="project-job-kind")
            self.job_threshold = gr.Slider(0.0, 1.0, value=0.3, step=0.01, label="Lowest text score kept",
                                           elem_id="project-job-threshold")
            self.job_start = gr.Button("Start (or resume)", elem_id="project-job-start")
            self.job_list = gr.Markdown("", elem_id="project-jobs")

    def wire_prelabel(self, events) -> None:
        self.job_start.click(self.on_prelabel, [self.job_kind, self.job_threshold, self.shared.session, self.state],
                             [self.job_list, self.shared.message, self.image_table], **events.model_work)

    def job_text(self, state: ProjectState) -> str:
        found = jobs(self.project(state)) if state.project else []
        return "\n".join(f"- {job_line(j)}" for j in found[:10]) or "_No pre-label job yet._"

    def on_prelabel(self, kind, threshold, session: Session, state: ProjectState, progress=gr.Progress()):
        """Run (or resume) the job over every image: a generator, so that it stops between
        images when the page goes away (Gradio closes it)."""
        try:
            project, job, outcomes = self.prelabel_start(kind, threshold, session, state)
        except SamAppError as exc:
            yield {self.shared.message: self.shared.error_text(exc)}
            return
        deadline, total, seen, stopped = Deadline(LIMITS.batch_seconds, "batch_seconds"), len(job.batch.items), [], ""
        summary = None
        with contextlib.closing(outcomes):
            steps = run_prelabel_steps(project, job, outcomes)
            try:
                for result, so_far in steps:
                    summary = so_far
                    seen.append(result)
                    progress(len(seen) / total, desc=f"{len(seen)} of {total} images")
                    yield {self.job_list: f"Job {job.id}: {len(seen)} of {total} images..."}
                    deadline.check(len(seen), total, "images")
            except LimitError as exc:
                stopped = f" Stopped: {exc}. Start again to resume."
            except SamAppError as exc:
                stopped = " " + self.shared.error_text(exc)
            finally:
                steps.close()
        line = f"Job {job.id}: {summary.line()}." if summary else f"Job {job.id}: nothing to do."
        failed = f" Failed: {'; '.join(summary.failed[:3])}" if summary and summary.failed else ""
        yield {self.job_list: self.job_text(state), self.shared.message: line + stopped + failed,
               self.image_table: table(project.image_list(), state.image_id)}

    def prelabel_start(self, kind, threshold, session: Session, state: ProjectState):
        """(project, job, the engine's outcomes) for the panel's settings."""
        project = self.project(state)
        service, model = self.shared.service, self.shared.model_name(session)
        if kind == "text":
            service.detector()  # no text model: its clear message, before any image
        everything = EverythingSettings.preset("fast").as_dict() if kind == "everything" else None
        identity = {"model": service.resolve_model_name(model), "precision": service.precision,
                    "decoder": service.decoder}
        job = prelabel_job(project, kind, identity, threshold=float(threshold), everything=everything)
        segmenter = batch.Segmenter(service, job.batch.everything, model=model, budget_s=LIMITS.request_seconds)
        segmenter.load()
        return project, job, batch.run_local(job.batch, segmenter, job.store, max_pixels=service.max_pixels)
