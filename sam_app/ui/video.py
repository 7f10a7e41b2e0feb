"""The Video mode: load a video, prompt objects on any frame, track them through it with
a model that declares ``video`` (SAM 2.1, EdgeTAM, SAM 3's tracker), correct where they drift, export.

One tracker per browser tab, kept in ``service.videos`` (at most
``LIMITS.max_video_sessions`` at once, closed when idle); the tab's state is a
``VideoState`` (its token, the frame shown, the object being prompted). Clicks on the
frame go to the current object on that frame (a click on a frame already tracked is a
correction: propagate again from it); "New object" starts the next track. Propagation
runs forward, backward or both from the frame shown, showing frames as they are done;
Cancel stops it between frames and keeps the frames done. Handlers return
``{component: value}``; errors go to the mode's own message line.
"""

from __future__ import annotations

import functools
import shutil
import time
from collections import Counter
from pathlib import PurePosixPath
from typing import Optional

import gradio as gr

from .. import models, render
from ..backends.base import resize_mask
from ..errors import SamAppError
from ..files import inside
from ..projects.tracks import frame_paths, save_tracks
from ..tasks.track_export import FORMATS, write_tracks
from ..tasks.tracking import DIRECTIONS, MAX_OBJECT_ID, TrackPrompt
from ..video import open_video
from .canvas import AnnotationCanvas
from .common import message_line
from .modes import App, Mode
from .outputs import canvas_frame, canvas_object, top_left
from .project import LOCAL_AUTHOR
from .prompt_view import CANVAS_HEIGHT
from .state import display_scale, mask_size, to_image_pixels
from .video_state import TOOLS, VideoState

SHOW_EVERY_S = 0.5  # while propagating, a frame is shown at most this often
PLAY_EVERY_S = 0.2  # Play shows the next frame this often (at most; drawing a frame takes its time)


def video_errors(handler):
    """A handler whose ``SamAppError`` becomes the mode's message line, nothing else changed."""

    @functools.wraps(handler)
    def wrapper(self, *args, **kwargs):
        try:
            return handler(self, *args, **kwargs)
        except SamAppError as exc:
            return {self.message: self.shared.error_text(exc)}

    return wrapper


class VideoMode(Mode):
    id = "video"
    title = "Video"

    def new_state(self) -> VideoState:
        return VideoState()

    # ------------------------------------------------------------------ layout
    def build(self) -> None:
        self.state_component()
        with gr.Row():
            with gr.Column(scale=3):
                self.picture = AnnotationCanvas(None, height=CANVAS_HEIGHT, label="Frame: click to prompt the current "
                                                "object", elem_id="video-picture", tools=("click", "pan"))
                self.slider = gr.Slider(0, 1, 0, step=1, label="Frame", elem_id="video-frame")
                with gr.Row():
                    self.play = gr.Button("Play", size="sm", elem_id="video-play")
                    self.pause = gr.Button("Pause", size="sm", elem_id="video-pause")
                self.timer = gr.Timer(PLAY_EVERY_S, active=False)
                self.message = message_line("video-message")
            with gr.Column(scale=2):
                self.upload = gr.File(label="Video (MP4, WebM, MOV, AVI, GIF)", file_types=["video", ".gif"],
                                      elem_id="video-upload")
                with gr.Accordion("A project's frames", open=True, visible=bool(self.shared.projects)):
                    with gr.Row():
                        self.project = gr.Dropdown(self.shared.projects.names() if self.shared.projects else [],
                                                   value=None, label="Project", elem_id="video-project")
                        self.folder = gr.Dropdown([], value=None, label="Frame folder (its images)",
                                                  elem_id="video-folder")
                    with gr.Row():
                        self.open_frames = gr.Button("Open frames", elem_id="video-open-frames")
                        self.save = gr.Button("Save tracks to the project", elem_id="video-save")
                self.model = gr.Dropdown(self.model_choices(), value=None, label="Video model (tracks)",
                                         elem_id="video-model")
                self.tool = gr.Radio(list(TOOLS), value=TOOLS[0], label="Click adds", elem_id="video-tool")
                with gr.Row():
                    self.obj = gr.Number(1, precision=0, minimum=1, maximum=MAX_OBJECT_ID, label="Object",
                                         elem_id="video-object")
                    self.label = gr.Textbox("", label="Class (optional)", elem_id="video-label")
                with gr.Row():
                    self.new_object = gr.Button("New object", elem_id="video-new-object")
                    self.end_track = gr.Button("End track here", elem_id="video-end")
                    self.delete_track = gr.Button("Delete track", elem_id="video-delete")
                with gr.Row():
                    self.direction = gr.Radio(list(DIRECTIONS), value="both", label="Propagate",
                                              elem_id="video-direction")
                    self.end_frame = gr.Textbox("", label="to frame (empty: the video's end)",
                                                elem_id="video-end-frame")
                with gr.Row():
                    self.propagate = gr.Button("Propagate from this frame", variant="primary",
                                               elem_id="video-propagate")
                    self.cancel = gr.Button("Cancel", elem_id="video-cancel")
                self.formats = gr.CheckboxGroup(list(FORMATS), value=["png", "ytvis"], label="Export formats",
                                                elem_id="video-formats")
                self.export = gr.Button("Export", elem_id="video-export")
                self.files = gr.File(label="Downloads", file_count="multiple", interactive=False,
                                     elem_id="video-files")

    def model_choices(self) -> list:
        service = self.shared.service
        names = dict.fromkeys([*service.model_names(), *models.names("detector")])  # SAM 3 is a text model too
        return [name for name in names if service.capabilities(name).video]

    @property
    def reset_outputs(self) -> list:
        return [self.state]

    def image_shown(self, session) -> dict:
        return {}  # the shared image is not the video's

    def wire(self, app: App) -> None:
        events, state = app.events, self.state
        shown = [state, self.picture, self.slider, self.message, self.obj, self.label]
        self.upload.upload(self.on_upload, [self.upload, self.model, state], shown + [self.model],
                           **events.model_work)
        self.project.change(self.on_project, [self.project], [self.folder, self.message], **events.light)
        self.open_frames.click(self.on_open_frames, [self.project, self.folder, self.model, state],
                               shown + [self.model], **events.model_work)
        self.save.click(self.on_save, [state], [self.message], **events.light)
        self.slider.input(self.on_frame, [self.slider, state], shown, trigger_mode="always_last", **events.light)
        self.play.click(lambda: gr.Timer(active=True), None, self.timer, **events.instant)
        self.pause.click(lambda: gr.Timer(active=False), None, self.timer, **events.instant)
        self.timer.tick(self.on_tick, [state], shown + [self.timer], trigger_mode="always_last", **events.light)
        self.picture.select(self.on_click, [self.tool, self.obj, self.label, state], shown, **events.model_work)
        self.new_object.click(self.on_new_object, [state], shown, **events.instant)
        self.end_track.click(self.on_end, [self.obj, state], shown, **events.light)
        self.delete_track.click(self.on_delete, [self.obj, state], shown, **events.light)
        # a propagation runs for minutes: it has a slot of its own, beside the model requests' slots
        running = self.propagate.click(self.on_propagate, [self.direction, self.end_frame, state], shown,
                                       concurrency_limit=1, concurrency_id="video", api_visibility="private")
        self.cancel.click(lambda: None, None, None, cancels=[running], **events.instant)
        self.export.click(self.on_export, [self.formats, state], [self.files, self.message], **events.light)

    # ------------------------------------------------------------------ views
    def tracker(self, state: VideoState):
        if state.token is None:
            raise SamAppError("Load a video first (MP4, WebM, MOV, AVI, GIF).")
        return self.shared.service.videos.get(state.token)

    def shown(self, state: VideoState, message: str = "") -> dict:
        """The frame with every object's mask and the current object's prompts there."""
        tracker = self.tracker(state)
        video = tracker.video
        masks = tracker.masks_at(state.frame)
        size = mask_size(video)
        objects = []
        for i in sorted(masks):
            objects.append(canvas_object(resize_mask(masks[i], size), render.colour(i - 1), i == state.obj,
                                         label=f"#{i}", at=top_left(masks[i])))
        prompt = tracker.prompts.get((state.obj, state.frame))
        points = [(x, y, label) for (x, y), label in zip(prompt.points, prompt.labels)] if prompt else []
        boxes = [[*prompt.box, *render.colour(state.obj - 1)]] if prompt and prompt.box else []
        frame, scale = video.frame(state.frame), display_scale(video)
        picture = self.shared.outputs.jpeg_file(render.resize(frame, scale) if scale != 1 else frame)
        track = tracker.tracks.get(state.obj)
        return {self.state: state,
                self.picture: canvas_frame(picture, (video.height, video.width), size, objects, points, boxes,
                                           state.corner, message=message),
                self.slider: gr.update(maximum=max(video.count - 1, 1), value=state.frame),
                self.message: message, self.obj: state.obj,
                self.label: track.label if track else state.label}

    # ------------------------------------------------------------------ handlers
    @video_errors
    def on_upload(self, path, model, state: VideoState) -> dict:
        if not path:
            raise SamAppError("No video was uploaded.")
        return self.started(open_video(path), model, state)

    def started(self, video, model, state: VideoState, project: Optional[str] = None) -> dict:
        """A new tracker of ``video`` for the tab (its old one closed), on its first frame."""
        videos = self.shared.service.videos
        if state.token is not None:
            videos.close(state.token)
        try:
            tracker = self.shared.service.tracker(video, model or None)
            token = videos.open(tracker)
        except BaseException:
            video.close()
            raise
        note = f" (its first {video.count:,} frames: --max-frames)" if video.truncated else ""
        text = (f"{video.name}: {video.count} frames of {video.width}x{video.height}{note}, tracked with "
                f"{tracker.model_name}. Click an object to start.")
        return {**self.shown(VideoState(token=token, project=project), text),
                self.model: gr.update(choices=self.model_choices(), value=tracker.model_name)}

    @video_errors
    def on_project(self, name) -> dict:
        """The project's frame folders: folders holding two or more of its images."""
        project = self.shared.projects.open(name)
        counts = Counter(str(PurePosixPath(image.path).parent) for image in project.image_list())
        folders = [(f"{folder} ({n} frames)", folder) for folder, n in sorted(counts.items()) if n > 1]
        return {self.folder: gr.update(choices=folders, value=folders[0][1] if folders else None),
                self.message: "" if folders else f"Project {name} has no folder of two or more images."}

    @video_errors
    def on_open_frames(self, name, folder, model, state: VideoState) -> dict:
        if not name or not folder:
            raise SamAppError("Pick a project and one of its frame folders first.")
        project = self.shared.projects.open(name)
        video = open_video(inside(project.root, folder, strict=True))  # a folder of its images
        try:
            frame_paths(project, video)  # every frame is one of its images, or say now
        except SamAppError:
            video.close()
            raise
        return self.started(video, model, state, project=name)

    @video_errors
    def on_save(self, state: VideoState, request: gr.Request) -> dict:
        tracker = self.tracker(state)
        if state.project is None:
            raise SamAppError("This video is not a project's: open a project's frames (above) to save into it.")
        project = self.shared.projects.open(state.project)
        saved = save_tracks(project, tracker, frame_paths(project, tracker.video),
                            getattr(request, "username", None) or LOCAL_AUTHOR)
        return {self.message: f"Saved {saved} object(s) of {len(tracker.tracks)} track(s) into {state.project}: "
                              "propagated frames as proposals, to review in the Project tab."}

    @video_errors
    def on_frame(self, frame, state: VideoState) -> dict:
        tracker = self.tracker(state)
        frame = int(min(max(frame or 0, 0), tracker.video.count - 1))
        return self.shown(state.with_(frame=frame, corner=None))

    def on_tick(self, state: VideoState) -> dict:
        """Play: the next frame; the timer stops at the last one (or with no video)."""
        try:
            tracker = self.tracker(state)
        except SamAppError:
            return {self.timer: gr.Timer(active=False)}
        frame = state.frame + 1
        if frame >= tracker.video.count:
            return {self.timer: gr.Timer(active=False)}
        return {**self.shown(state.with_(frame=frame, corner=None)), self.timer: gr.Timer(active=True)}

    @video_errors
    def on_click(self, tool, obj, label, state: VideoState, evt: gr.SelectData) -> dict:
        tracker = self.tracker(state)
        obj = int(obj or 1)
        state = state.with_(obj=obj, label=label or "")
        x, y = to_image_pixels(tracker.video, evt.index)
        old = tracker.prompts.get((obj, state.frame)) or TrackPrompt(state.frame, obj)
        if tool == "Box":
            if state.corner is None:
                return self.shown(state.with_(corner=(x, y)), "Box: now click the opposite corner.")
            (x0, y0), state = state.corner, state.with_(corner=None)
            box = (min(x0, x), min(y0, y), max(x0, x) + 1, max(y0, y) + 1)
            prompt = TrackPrompt(state.frame, obj, old.points, old.labels, box, label or "")
        else:
            prompt = TrackPrompt(state.frame, obj, (*old.points, (x, y)), (*old.labels, int(tool == TOOLS[0])),
                                 old.box, label or "")
        started = time.perf_counter()
        correction = obj in tracker.masks.get(state.frame, {}) and (obj, state.frame) not in tracker.prompts
        tracker.add(prompt)
        what = "Correction" if correction else "Prompt"
        return self.shown(state, f"{what} for object {obj} on frame {state.frame} "
                                 f"({time.perf_counter() - started:.2f} s). Propagate to track it.")

    @video_errors
    def on_new_object(self, state: VideoState) -> dict:
        tracker = self.tracker(state)
        obj = max([*tracker.tracks, state.obj if state.obj in tracker.tracks else 0]) + 1
        if obj > MAX_OBJECT_ID:
            raise SamAppError(f"a video holds at most {MAX_OBJECT_ID} objects")
        return self.shown(state.with_(obj=obj, label="", corner=None), f"Object {obj}: click it.")

    @video_errors
    def on_end(self, obj, state: VideoState) -> dict:
        tracker = self.tracker(state)
        tracker.end_track(int(obj or 0), state.frame)
        return self.shown(state, f"Object {int(obj)} ends at frame {state.frame}: it is left out from there on.")

    @video_errors
    def on_delete(self, obj, state: VideoState) -> dict:
        tracker = self.tracker(state)
        tracker.delete(int(obj or 0))
        return self.shown(state.with_(corner=None), f"Object {int(obj)} deleted.")

    def on_propagate(self, direction, end_frame, state: VideoState, progress=gr.Progress()):
        """A generator: the frames as they are tracked (one at most every SHOW_EVERY_S)."""
        try:
            tracker = self.tracker(state)
            text = str(end_frame or "").strip()
            if text and not text.isdigit():
                raise SamAppError(f"'to frame' must be a frame number (0 to {tracker.video.count - 1}) or empty")
            end = int(text) if text else None
            plan = tracker.plan(state.frame, direction, end)
        except SamAppError as exc:
            yield {self.message: self.shared.error_text(exc)}
            return
        total, done, shown_at, started = sum(map(len, plan)), 0, 0.0, time.perf_counter()
        try:
            for frame, _ in tracker.propagate(state.frame, direction, end):
                done += 1
                progress((done, total), desc="frames", unit="frames")
                if time.perf_counter() - shown_at > SHOW_EVERY_S:
                    shown_at = time.perf_counter()
                    yield self.shown(state.with_(frame=frame), f"Tracking: {done} of {total} frames...")
        except SamAppError as exc:
            yield {self.message: self.shared.error_text(exc)}
            return
        rate = done / max(time.perf_counter() - started, 1e-9)
        yield self.shown(state, f"Tracked {len(tracker.tracks)} object(s) over {done} frames ({rate:.1f} frames/s).")

    @video_errors
    def on_export(self, formats, state: VideoState) -> dict:
        tracker = self.tracker(state)
        if not formats:
            raise SamAppError("Pick at least one export format.")
        folder = self.shared.outputs.new_folder("tracks-")
        written = write_tracks(tracker, folder / "tracks", formats)
        files = [str(p) for p in written if p.parent.name != "masks"]
        if "png" in formats:
            files.insert(0, shutil.make_archive(str(folder / "masks"), "zip", folder / "tracks", "masks"))
        return {self.files: files, self.message: f"Exported {', '.join(formats)}: {len(files)} file(s)."}
