"""Video tracking (tasks.tracking) against transformers' own loop on small random video
models and synthetic videos of moving shapes; pruned state against unpruned; videos
read frame by frame (video.py), bad videos refused in one line; the exports and the
``track`` command."""

import json
import os

import numpy as np
import pytest
import torch

from sam_app.errors import ImageError, PromptError, SamAppError
from sam_app.tasks.tracking import Tracker, TrackPrompt, parse_prompts
from sam_app.video import open_video

from models import tiny_sam3_video, tiny_video
from videos import SyntheticVideo, moving_shapes, write_frames, write_video

AGREE = 0.9999  # the project's tolerance: at least 99.99 % of pixels


@pytest.fixture(scope="module")
def sam2_video():
    return tiny_video("sam2")


@pytest.fixture(scope="module")
def saved_model(sam2_video, tmp_path_factory):
    """The small SAM 2 video model's folder (one per module: the registry knows a custom
    model by its folder's name)."""
    model, processor = sam2_video
    folder = tmp_path_factory.mktemp("saved") / "tiny-sam2-video"
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    frames = moving_shapes(12)
    return frames, write_frames(tmp_path_factory.mktemp("clip") / "frames", frames)


def reference(model, processor, frames, steps):
    """transformers' own loop: ``steps`` of ("add", TrackPrompt) (inputs added, then the
    model on that frame) and ("propagate", start, reverse); the masks of every frame the
    last time it was segmented: {frame: {object id: HxW bool}}."""
    height, width = frames[0].shape[:2]
    session = processor.init_video_session(video=frames, inference_device="cpu")
    found = {}

    def keep(output):
        masks = processor.post_process_masks([output.pred_masks], original_sizes=[[height, width]])[0][:, 0]
        found[output.frame_idx] = dict(zip(output.object_ids, masks.numpy()))

    with torch.inference_mode():
        for step in steps:
            if step[0] == "add":
                p = step[1]
                processor.add_inputs_to_inference_session(
                    session, frame_idx=p.frame, obj_ids=p.obj,
                    input_points=[[[list(x) for x in p.points]]] if p.points else None,
                    input_labels=[[list(p.labels)]] if p.points else None,
                    input_boxes=[[list(p.box)]] if p.box else None)
                keep(model(inference_session=session, frame_idx=p.frame))
            else:
                for output in model.propagate_in_video_iterator(session, start_frame_idx=step[1], reverse=step[2]):
                    keep(output)
    return found


def ours(tracker, steps):
    for step in steps:
        if step[0] == "add":
            tracker.add(step[1])
        else:
            list(tracker.propagate(step[1], "backward" if step[2] else "forward"))
    return {frame: tracker.masks_at(frame) for frame in tracker.masks}


def assert_agree(got, expected):
    assert sorted(got) == sorted(expected)
    for frame, masks in expected.items():
        assert sorted(got[frame]) == sorted(masks), frame
        for obj, mask in masks.items():
            assert (got[frame][obj] == mask).mean() >= AGREE, (frame, obj)


CLICK = TrackPrompt(0, 1, ((30, 60),), (1,))
BOX = TrackPrompt(3, 2, box=(104, 16, 134, 46))
SCENARIOS = {
    "one object from a click": [("add", CLICK), ("propagate", 0, False)],
    "two objects on different frames": [("add", CLICK), ("add", BOX), ("propagate", 0, False)],
    "a correction on a later frame, propagated again": [
        ("add", CLICK), ("propagate", 0, False), ("add", TrackPrompt(9, 1, ((57, 60), (90, 20)), (1, 0))),
        ("propagate", 9, False), ("propagate", 9, True)],
    "backward": [("add", TrackPrompt(11, 1, ((63, 60),), (1,))), ("add", BOX), ("propagate", 11, True)],
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_tracking_equals_transformers_loop(name, sam2_video, clip):
    frames, folder = clip
    model, processor = sam2_video
    expected = reference(model, processor, frames, SCENARIOS[name])
    tracker = Tracker(model, processor, open_video(folder))
    assert tracker.window == 4  # this small model reads 3 memories and 4 pointers: older state is dropped
    got = ours(tracker, SCENARIOS[name])
    assert_agree(got, expected)
    assert any(mask.any() and not mask.all() for masks in got.values() for mask in masks.values())


@pytest.mark.slow
def test_edgetam_tracking_equals_transformers_loop(clip):
    frames, folder = clip
    model, processor = tiny_video("edgetam")
    steps = [("add", CLICK), ("add", TrackPrompt(2, 2, box=(104, 16, 134, 46))), ("propagate", 0, False)]
    short = frames[:5]
    expected = reference(model, processor, short, steps)
    sub = write_frames(folder.parent / "short", short)
    assert_agree(ours(Tracker(model, processor, open_video(sub)), steps), expected)


def test_pruned_state_gives_the_unpruned_masks_on_60_frames(sam2_video, tmp_path):
    model, processor = sam2_video
    folder = write_frames(tmp_path / "long", moving_shapes(60, seed=3))
    runs = []
    for window in (-1, None):
        tracker = Tracker(model, processor, open_video(folder), window=window)
        tracker.add(TrackPrompt(30, 1, ((120, 60),), (1,)))
        tracker.add(TrackPrompt(45, 2, box=(60, 100, 90, 120)))
        list(tracker.propagate(30, "both"))
        runs.append((tracker, {f: tracker.masks_at(f) for f in range(60)}))
    (pruned, masks), (full, expected) = runs
    assert_agree(masks, expected)
    held = [len(o["non_cond_frame_outputs"]) for o in pruned.session.output_dict_per_obj.values()]
    assert max(held) <= 3 * (4 * 2 + 1)  # around the last frame and the prompted ones (30, 45), not 60
    assert min(len(o["non_cond_frame_outputs"]) for o in full.session.output_dict_per_obj.values()) >= 55
    assert not any("high_res_masks" in out for o in pruned.session.output_dict_per_obj.values()
                   for kind in o.values() for out in kind.values())


def test_a_tracker_holds_no_frames_and_ends_and_deletes_tracks(sam2_video, clip):
    model, processor = sam2_video
    frames, folder = clip
    tracker = Tracker(model, processor, open_video(folder))
    tracker.add(CLICK)
    tracker.add(BOX)
    list(tracker.propagate(0, "forward"))
    assert tracker.session.processed_frames is None and len(tracker.session.cache._vision_features) <= 1
    tracker.end_track(1, 6)
    assert all(1 not in tracker.masks_at(f) for f in range(6, 12)) and 1 in tracker.masks_at(5)
    list(tracker.propagate(3, "forward"))
    assert all(1 not in tracker.masks_at(f) for f in range(6, 12)) and 2 in tracker.masks_at(11)
    before = tracker.masks_at(11)[2]
    tracker.delete(1)
    assert tracker.session.obj_ids == [2] and all(1 not in tracker.masks_at(f) for f in range(12))
    list(tracker.propagate(3, "forward"))  # the remaining object tracks as before
    assert (tracker.masks_at(11)[2] == before).mean() >= AGREE
    with pytest.raises(PromptError, match="there is no object 1; objects: 2"):
        tracker.end_track(1, 3)


def test_prompts_are_checked(sam2_video, clip):
    model, processor = sam2_video
    tracker = Tracker(model, processor, open_video(clip[1]))
    for prompt, message in [
        (TrackPrompt(12, 1, ((3, 3),), (1,)), "frame 12 is outside the video, whose frames are 0 to 11"),
        (TrackPrompt(0, 1, ((300, 3),), (1,)), r"point \(300, 3\) is outside the 160x120 frame"),
        (TrackPrompt(0, 0, ((3, 3),), (1,)), "object ids are whole numbers from 1 to 255"),
        (TrackPrompt(0, 1), "has neither points nor a box"),
        (TrackPrompt(0, 1, box=(50, 50, 10, 10)), "is not x1 < x2"),
    ]:
        with pytest.raises(PromptError, match=message):
            tracker.add(prompt)
    with pytest.raises(PromptError, match="nothing to track yet"):
        list(tracker.propagate())
    with pytest.raises(SamAppError, match="prompt 2's frame must be a number"):
        parse_prompts([{"frame": 0, "points": [[1, 2]]}, {"frame": "3", "points": [[1, 2]]}])
    with pytest.raises(PromptError, match="unknown keys"):
        parse_prompts([{"frame": 0, "point": [[1, 2]]}])
    assert parse_prompts([{"frame": 2, "object": 3, "box": [1, 2, 30, 40], "label": "car"}]) == [
        TrackPrompt(2, 3, box=(1, 2, 30, 40), label="car")]


# ---------------------------------------------------------------- reading videos

@pytest.mark.parametrize("codec,suffix", [("libx264", "mp4"), ("gif", "gif"), ("libvpx-vp9", "webm")])
def test_video_frames_are_read_at_random_equal_to_a_sequential_decode(tmp_path, codec, suffix):
    import av

    path = write_video(tmp_path / f"clip.{suffix}", moving_shapes(40, 96, 128), codec=codec)
    with av.open(str(path)) as container:
        sequential = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    with open_video(path) as video:
        assert (video.count, video.height, video.width) == (40, 96, 128)
        for index in [0, 5, 39, 3, 20, 21, 22, 10, 39, 0, 38]:
            assert np.array_equal(video.frame(index), sequential[index]), index
        assert len(video._cache) <= 8


def test_a_frame_folder_is_in_natural_order_and_truncated_to_max_frames(tmp_path):
    frames = moving_shapes(12)
    folder = tmp_path / "f"
    folder.mkdir()
    from PIL import Image

    for i, frame in enumerate(frames):
        Image.fromarray(frame).save(folder / f"frame{i}.png")
    video = open_video(folder)
    assert video.count == 12 and np.array_equal(video.frame(10), frames[10]) and not video.truncated
    short = open_video(folder, max_frames=5)
    assert short.count == 5 and short.truncated and np.array_equal(short.frame(4), frames[4])


def test_bad_videos_get_one_line_each(tmp_path):
    import av

    good = write_video(tmp_path / "good.mp4", moving_shapes(10, 96, 128))
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(good.read_bytes()[:len(good.read_bytes()) // 2])
    audio = tmp_path / "audio.m4a"
    with av.open(str(audio), "w", format="mp4") as container:
        stream = container.add_stream("aac", rate=8000)
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 1024), np.float32), format="fltp", layout="mono")
        frame.sample_rate = 8000
        container.mux(stream.encode(frame))
        container.mux(stream.encode())
    empty = tmp_path / "empty"
    empty.mkdir()
    sizes = write_frames(tmp_path / "sizes", moving_shapes(3))
    from PIL import Image

    Image.fromarray(moving_shapes(1, 60, 80)[0]).save(sizes / "00003.png")
    huge = write_video(tmp_path / "8k.mp4", [np.zeros((4320, 7680, 3), np.uint8)], codec="libx264")
    cases = {
        truncated: "truncated.mp4 cannot be read as a video",
        audio: "audio.m4a has no video stream",
        empty: "folder 'empty' has no frame images",
        sizes: "frames of different sizes in sizes: 00003.png is 80x60, the first frame 00000.png is 160x120",
        huge: r"8k.mp4's frames are 7680x4320 \(33,177,600 pixels\), over this server's limit of 8,294,400; "
              "--max-video-pixels",
        tmp_path / "missing.mp4": "'missing.mp4' does not exist",
    }
    for path, message in cases.items():
        with pytest.raises(ImageError, match=message) as caught:
            open_video(path)
        assert "\n" not in str(caught.value) and str(tmp_path) not in str(caught.value)


def test_a_video_of_zero_frames(tmp_path):
    import av

    path = tmp_path / "zero.mkv"
    with av.open(str(path), "w") as container:  # a header, a video stream, no frame
        stream = container.add_stream("libx264", rate=10)
        stream.height, stream.width, stream.pix_fmt = 64, 64, "yuv420p"
        container.start_encoding()
    with pytest.raises(ImageError, match="zero.mkv ends before its first frame"):
        open_video(path)


# ---------------------------------------------------------------- exports and the CLI

def test_track_command_writes_davis_ytvis_mots_and_mp4(sam2_video, saved_model, clip, tmp_path, capsys):
    from pycocotools import mask as mask_utils

    from sam_app.cli import main

    model, processor = sam2_video
    folder = saved_model
    frames, frame_folder = clip
    video = write_video(tmp_path / "clip.mp4", frames)
    prompts = tmp_path / "prompts.json"
    prompts.write_text(json.dumps([{"frame": 0, "object": 1, "points": [[30, 60]], "label": "ball"},
                                   {"frame": 3, "object": 2, "box": [104, 16, 134, 46], "label": "tile"}]))
    out = tmp_path / "out"
    code = main(["track", "--video", str(video), "--prompts", str(prompts), "--output", str(out), "--checkpoint",
                 str(folder), "--format", "png,ytvis,mots,mp4", "--device", "cpu"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "clip.mp4: 2 object(s) on 12 of 12 frames with tiny-sam2-video" in captured.out
    assert "wrote 15 file(s) to" in captured.out
    from PIL import Image

    tracker = Tracker(model, processor, open_video(video))
    tracker.add(TrackPrompt(0, 1, ((30, 60),), (1,)))
    tracker.add(TrackPrompt(3, 2, box=(104, 16, 134, 46)))
    list(tracker.propagate(0, "both"))
    data = json.loads((out / "tracks.json").read_text())
    assert [c["name"] for c in data["categories"]] == ["ball", "tile"]
    assert data["videos"][0]["length"] == 12 and len(data["annotations"]) == 2
    for frame in range(12):
        png = Image.open(out / "masks" / f"{frame:05d}.png")
        assert png.mode == "P" and png.getpalette()[3:6] == [128, 0, 0]
        labels = np.array(png)
        expected = tracker.masks_at(frame)
        assert ((labels == 1) == expected[1]).mean() >= AGREE
        assert ((labels == 2) == (expected[2] & ~expected[1])).mean() >= AGREE
        for annotation in data["annotations"]:
            rle = annotation["segmentations"][frame]
            mask = mask_utils.decode({"size": rle["size"], "counts": rle["counts"].encode()}).astype(bool)
            assert (mask == expected[annotation["id"]]).mean() >= AGREE
    lines = (out / "tracks.txt").read_text().splitlines()
    assert len(lines) == 24 and lines[0].startswith("0 1001 1 120 160 ")
    with open_video(out / "overlay.mp4") as overlay:
        assert (overlay.count, overlay.height, overlay.width) == (12, 120, 160)
    code = main(["track", "--video", str(video), "--prompts", str(prompts), "--output", str(out), "--checkpoint",
                 str(folder), "--format", "png,gif"])
    assert code == 2 and "unknown track format(s) gif" in capsys.readouterr().err


def test_track_command_refuses_a_model_that_cannot_track(tmp_path, capsys):
    from sam_app.cli import main

    prompts = tmp_path / "p.json"
    prompts.write_text('[{"frame": 0, "points": [[3, 3]]}]')
    video = write_video(tmp_path / "c.mp4", moving_shapes(2))
    code = main(["track", "--video", str(video), "--prompts", str(prompts), "--output", str(tmp_path / "o"),
                 "--model-type", "classical"])
    assert code == 2
    assert "classical cannot track video; models that can: sam2.1_hiera_t" in capsys.readouterr().err


def test_the_track_api_answers_as_the_tracker_and_refuses_bad_prompts(sam2_video, saved_model, clip, tmp_path,
                                                                   tiny_model):
    from gradio_client import Client, handle_file

    from sam_app.tasks.track_export import ytvis_record

    from conftest import launched, make_service

    model, processor = sam2_video
    folder = saved_model
    video = write_video(tmp_path / "clip.mp4", clip[0])
    prompts = [{"frame": 0, "object": 1, "points": [[30, 60]]}, {"frame": 3, "object": 2, "box": [104, 16, 134, 46]}]
    service = make_service(tiny_model, checkpoint=folder, checkpoint_dir=tmp_path / "checkpoints")
    with launched(service) as (_, _, url):
        client = Client(url, verbose=False)
        got = client.predict(handle_file(str(video)), json.dumps(prompts), "forward", -1, -1, "",
                             api_name="/track")
        with pytest.raises(Exception, match="prompt 1: points are a list of"):
            client.predict(handle_file(str(video)), '[{"frame": 0, "points": [3]}]', api_name="/track")
    assert len(service.videos) == 0  # the API's tracker ended with its request
    tracker = Tracker(model, processor, open_video(video))
    for prompt in parse_prompts(prompts):
        tracker.add(prompt)
    list(tracker.propagate(0, "forward"))
    expected = ytvis_record(tracker)
    assert got["videos"] == expected["videos"] and len(got["annotations"]) == 2
    for mine, theirs in zip(got["annotations"], expected["annotations"]):
        for a, b in zip(mine["segmentations"], theirs["segmentations"]):
            assert (a is None) == (b is None)
            if a is not None:
                from pycocotools import mask as mask_utils

                decoded = [mask_utils.decode({"size": r["size"], "counts": r["counts"].encode()}) for r in (a, b)]
                assert (decoded[0] == decoded[1]).mean() >= AGREE


def resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
def test_resident_memory_stays_flat_over_a_long_video(sam2_video):
    """Frames 200 to 1000 of a synthetic video, tracked with the pruned state: resident
    memory grows less than 10 % (the masks kept as RLE are all that grows)."""
    import gc

    model, processor = sam2_video
    tracker = Tracker(model, processor, SyntheticVideo(1001))
    tracker.add(TrackPrompt(0, 1, ((30, 60),), (1,)))
    tracker.add(TrackPrompt(0, 2, box=(110, 10, 134, 34)))
    seen = {}
    for frame, _ in tracker.propagate(0, "forward"):
        if frame in (200, 1000):
            gc.collect()
            seen[frame] = resident_mb()
    assert seen[1000] < 1.10 * seen[200], seen


def test_changes_are_refused_while_tracking_runs_and_a_closed_run_keeps_its_frames(sam2_video, clip):
    model, processor = sam2_video
    tracker = Tracker(model, processor, open_video(clip[1]))
    tracker.add(CLICK)
    running = tracker.propagate(0, "forward")
    next(running), next(running), next(running)
    with pytest.raises(SamAppError, match="tracking is running: wait for it to end, or Cancel it"):
        tracker.add(TrackPrompt(5, 2, ((90, 30),), (1,)))
    running.close()  # what a Cancel does to the UI's generator
    assert tracker.tracked_frames() == [0, 1, 2]
    tracker.add(TrackPrompt(5, 2, ((90, 30),), (1,)))  # free again


def test_tracks_go_into_a_project_made_from_the_frame_folder(sam2_video, saved_model, tmp_path, capsys):
    from sam_app.cli import main
    from sam_app.projects import ObjectRecord, Project

    model, processor = sam2_video
    folder = saved_model
    frames = write_frames(tmp_path / "images" / "clip", moving_shapes(6))
    project = Project.create(tmp_path / "proj", tmp_path / "images", classes=["ball", "tile"])
    first = project.image_list()[0]
    kept = ObjectRecord.from_mask(np.ones((120, 160), bool), None, "click")
    project.save(first.id, [kept], 0, "ann")
    project.close()
    prompts = tmp_path / "prompts.json"
    prompts.write_text(json.dumps([{"frame": 0, "object": 1, "points": [[30, 60]], "label": "ball"},
                                   {"frame": 3, "object": 2, "box": [104, 16, 134, 46], "label": "tile"}]))
    args = ["track", "--video", str(frames), "--prompts", str(prompts), "--project", str(tmp_path / "proj"),
            "--checkpoint", str(folder), "--author", "tracker"]
    for _ in range(2):  # a second run replaces the tracks' objects, not adds to them
        assert main(args) == 0, capsys.readouterr().err
        assert "saved 12 object(s) of 2 track(s) into project proj" in capsys.readouterr().out
    tracker = Tracker(model, processor, open_video(frames))
    for prompt in parse_prompts(json.loads(prompts.read_text())):
        tracker.add(prompt)
    list(tracker.propagate(0, "both"))
    project = Project.open(tmp_path / "proj")
    try:
        classes = {c.id: c.name for c in project.classes()}
        for frame, listed in enumerate(project.image_list()):
            image = project.image(listed.id)
            tracks = sorted((o for o in image.objects if o.source == "track"), key=lambda o: o.track_id)
            assert [(o.track_id, classes[o.class_id], o.proposal) for o in tracks] == [
                (1, "ball", frame != 0), (2, "tile", frame != 3)]
            for o in tracks:
                assert (o.mask(120, 160) == tracker.masks_at(frame)[o.track_id]).mean() >= AGREE
            if frame == 0:
                assert [o.source for o in image.objects].count("click") == 1  # a person's object stays
    finally:
        project.close()
    video = write_video(tmp_path / "clip.mp4", moving_shapes(3))
    assert main([*args[:2], str(video), *args[3:]]) == 2
    assert "clip.mp4 is a video file: tracks go into a project from a folder of frames" in capsys.readouterr().err


def test_the_video_tab_opens_a_projects_frames_tracks_and_saves_them(sam2_video, saved_model, tmp_path, tiny_model):
    import types

    from sam_app.projects import Project
    from sam_app.projects.library import Library
    from sam_app.ui.app import build_app_and_ui
    from sam_app.ui.video_state import VideoState

    from conftest import make_service

    model, processor = sam2_video
    folder = saved_model
    write_frames(tmp_path / "images" / "clip", moving_shapes(5))
    write_frames(tmp_path / "images", moving_shapes(1))  # a lone image at the root: not a frame folder
    Project.create(tmp_path / "proj", tmp_path / "images", classes=["ball"]).close()
    service = make_service(tiny_model, checkpoint=folder, checkpoint_dir=tmp_path / "checkpoints")
    mode = build_app_and_ui(service, projects=Library(tmp_path / "proj"))[1].video
    listed = mode.on_project("proj")
    assert listed[mode.folder]["choices"] == [("clip (5 frames)", "clip")]
    opened = mode.on_open_frames("proj", "clip", None, VideoState())
    state = opened[mode.state]
    assert state.project == "proj" and "clip: 5 frames of 160x120, tracked with tiny-sam2-video" in opened[mode.message]
    clicked = mode.on_click("Foreground", 1, "ball", state, types.SimpleNamespace(index=(30, 60)))
    assert "Prompt for object 1 on frame 0" in clicked[mode.message]
    done = list(mode.on_propagate("forward", "", state))[-1]
    assert "Tracked 1 object(s) over 5 frames" in done[mode.message]
    saved = mode.on_save(state, types.SimpleNamespace(username="ann"))
    assert saved[mode.message].startswith("Saved 5 object(s) of 1 track(s) into proj")
    refused = mode.on_open_frames("proj", "../model", None, VideoState())
    assert "image '../model' is outside the images folder" in refused[mode.message]
    project = Project.open(tmp_path / "proj")
    try:
        images = [project.image(i.id) for i in project.image_list() if i.path.startswith("clip/")]
        assert [[(o.track_id, o.source, o.proposal) for o in image.objects] for image in images] == [
            [(1, "track", False)]] + [[(1, "track", True)]] * 4
    finally:
        project.close()


def test_sam3s_tracker_from_its_hub_folder_equals_transformers_loop(clip, tmp_path):
    """SAM 3's folder (``sam3_video``) gives its tracker: the service finds it there as
    ``sam3``, and tracking equals transformers' loop with ``Sam3TrackerVideoModel``."""
    from sam_app.service import SamService

    frames, folder = clip
    model, processor = tiny_sam3_video(tmp_path / "sam3")
    steps = [("add", CLICK), ("add", BOX), ("propagate", 0, False)]
    expected = reference(model, processor, frames[:6], steps)
    service = SamService(device="cpu", checkpoint=tmp_path / "sam3")
    tracker = service.tracker(open_video(write_frames(tmp_path / "short", frames[:6])))
    assert tracker.model_name == "sam3" and type(tracker.model).__name__ == "Sam3TrackerVideoModel"
    assert_agree(ours(tracker, steps), expected)
    assert service.capabilities("sam3").video and service.capabilities("sam3").text


def test_sam3_tracks_what_a_phrase_names_as_transformers_loop_does(clip, tmp_path, capsys):
    import transformers as tf

    from sam_app.cli import main
    from sam_app.service import SamService

    folder = tmp_path / "sam3"
    tiny_sam3_video(folder)
    model, processor = tf.Sam3VideoModel.from_pretrained(folder).eval(), tf.Sam3VideoProcessor.from_pretrained(folder)
    frames = clip[0][:4]
    session = processor.init_video_session(video=frames, inference_device="cpu")
    processor.add_text_prompt(session, ["cat"])
    expected = {}
    with torch.inference_mode():
        for output in model.propagate_in_video_iterator(session, start_frame_idx=0):
            found = processor.postprocess_outputs(session, output)
            expected[output.frame_idx] = {obj + 1: mask for obj, mask in
                                          zip(found["object_ids"].tolist(), found["masks"].numpy().astype(bool))}
    assert sum(map(len, expected.values())) >= 4  # thresholds at 0: the random detector finds things
    short = write_frames(tmp_path / "short", frames)
    tracker = SamService(device="cpu", checkpoint=folder).text_tracker(open_video(short))
    assert list(map(type, tracker.track(["cat"]))) and tracker.model_name == "sam3"
    assert_agree({f: tracker.masks_at(f) for f in tracker.masks}, expected)
    assert {t.label for t in tracker.tracks.values()} == {"cat"}
    code = main(["track", "--video", str(short), "--text", "cat", "--output", str(tmp_path / "out"), "--checkpoint",
                 str(folder), "--format", "ytvis"])
    assert code == 0, capsys.readouterr().err
    data = json.loads((tmp_path / "out" / "tracks.json").read_text())
    assert data["categories"] == [{"id": 1, "name": "cat"}] and len(data["annotations"]) == len(tracker.tracks)
