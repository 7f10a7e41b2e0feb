"""``track``: objects prompted on frames of a video, tracked through it, written as
DAVIS PNG masks, YouTube-VIS JSON, MOTS text and an overlay MP4."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import limits
from ..errors import SamAppError
from ..tasks.track_export import FORMATS
from ..tasks.tracking import DIRECTIONS
from .options import add_engine_arguments, service_from_args

PROMPTS_HELP = ('JSON list of {"frame": 0, "object": 1, "points": [[x, y], ...], "labels": [1, 0], '
                '"box": [x1, y1, x2, y2], "label": "car"} (points and/or box; label: the class, optional)')


def add_parsers(sub) -> None:
    track = sub.add_parser("track", help="track prompted objects through a video (SAM 2.1, EdgeTAM, SAM 3)",
                           allow_abbrev=False)
    track.add_argument("--video", required=True, help="video file (MP4, WebM, MOV, AVI, GIF) or folder of frames")
    track.add_argument("--prompts", help=PROMPTS_HELP)
    track.add_argument("--text", help='phrases instead of prompts: every object they name is found and tracked from '
                                      'frame 0 ("car, person"; SAM 3)')
    track.add_argument("--output", help="folder for masks/, tracks.json, tracks.txt, overlay.mp4 (needed unless "
                                        "--project is given)")
    track.add_argument("--project", help="also save the tracks into this annotation project: --video is a folder of "
                                         "frames that are its images; each frame gets the masks as objects with "
                                         "the track id and class (the prompts' label), propagated ones as proposals")
    track.add_argument("--author", default=None, help="who the project's changes are recorded as")
    track.add_argument("--direction", choices=DIRECTIONS, default="both",
                       help="from the start frame: forward, backward, or both (default)")
    track.add_argument("--start-frame", type=int, default=None,
                       help="frame to track from (default: the earliest prompted frame)")
    track.add_argument("--end-frame", type=int, default=None,
                       help="last frame to track, inclusive (default: the video's end in the direction tracked)")
    track.add_argument("--format", default="png,ytvis", help=f"some of {','.join(FORMATS)} (default png,ytvis)")
    track.add_argument("--memory-window", type=int, default=-1,
                       help="frames of tracking memory kept around the current and the prompted frames (default: "
                            "as far as the model reads, 16 for the released models; 0 keeps everything, as "
                            "transformers does)")
    add_engine_arguments(track)
    limits.add_arguments(track, ("max_frames", "max_video_pixels"))
    track.set_defaults(run=cmd_track)


def cmd_track(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..files import parse_json, read_text
    from ..tasks.track_export import parse_formats, write_tracks
    from ..tasks.tracking import parse_prompts
    from ..video import open_video

    formats = parse_formats(args.format)
    if not args.output and not args.project:
        raise SamAppError("where should the tracks go? give --output DIR, --project DIR, or both")
    if bool(args.prompts) == bool(args.text):
        raise SamAppError("give --prompts (points and boxes on frames) or --text (phrases), one of them")
    prompts = parse_prompts(parse_json(read_text(args.prompts), Path(args.prompts).name)) if args.prompts else []
    service = service_from_args(args, allow_fallback=False, cache_size=1)
    video = open_video(args.video)
    project = paths = None
    if args.project:
        from ..projects import Project
        from ..projects.tracks import frame_paths

        project = Project.open(args.project)
        paths = frame_paths(project, video)  # before the work: a video that cannot go there fails now
    if video.truncated:
        print(f"note: {video.name} has more than {video.count:,} frames; tracking its first {video.count:,} "
              f"({limits.LIMITS.raise_hint('max_frames')})", file=sys.stderr)
    if args.text:
        from ..tasks.text_tracking import parse_phrases

        tracker = service.text_tracker(video, args.model_type)
        steps, total, desc = tracker.track(parse_phrases(args.text)), video.count, f"tracking {args.text}"
    else:
        tracker = service.tracker(video, args.model_type, None if args.memory_window == 0 else args.memory_window)
        for prompt in prompts:
            tracker.add(prompt)
        plan = tracker.plan(args.start_frame, args.direction, args.end_frame)
        steps = tracker.propagate(args.start_frame, args.direction, args.end_frame)
        total, desc = sum(map(len, plan)), f"tracking {len(tracker.tracks)} object(s)"
    with tqdm(total=total, unit="frame", desc=desc, file=sys.stderr) as bar:
        for _ in steps:
            bar.update()
    tracked = tracker.tracked_frames()
    print(f"{video.name}: {len(tracker.tracks)} object(s) on {len(tracked)} of {video.count} frames with "
          f"{tracker.model_name}")
    if args.output:
        written = write_tracks(tracker, Path(args.output), formats)
        print(f"wrote {len(written)} file(s) to {args.output} ({', '.join(formats)})")
    if project is not None:
        from ..projects.tracks import save_tracks

        try:
            saved = save_tracks(project, tracker, paths, args.author)
        finally:
            project.close()
        print(f"saved {saved} object(s) of {len(tracker.tracks)} track(s) into project {project.name}")
    return 0
