"""Tracks saved into a project: when a video is a folder of frames that are a project's
images, each tracked frame's masks become objects of that image with source ``track``,
the track's id (the video's object id) and the track's class (matched by name), one
transaction per frame. An object on a frame a person prompted it on is accepted; on the
frames the model propagated it to it is a proposal, to review in the Project tab. Saving again replaces
those tracks' objects on every frame (other objects are kept).

    from sam_app.projects.tracks import frame_paths, save_tracks
    paths = frame_paths(project, video)          # the frames as the project's image paths
    save_tracks(project, tracker, paths)         # objects saved
"""

from __future__ import annotations

import os
from typing import List, Optional

from ..errors import shorten
from .database import ProjectError
from .records import ObjectRecord
from .store import Project


def frame_paths(project: Project, video) -> List[str]:
    """The frames of ``video`` (a ``video.FrameFolder``) as paths of ``project``'s images;
    ProjectError when the video is not a frame folder inside the project's image root or
    a frame is not one of its images."""
    files = getattr(video, "files", None)
    if files is None:
        raise ProjectError(f"{video.name} is a video file: tracks go into a project from a folder of frames that are "
                           "its images (create the project from the frame folder, then track that folder)")
    root = os.path.realpath(project.root)
    paths = []
    for file in files:
        real = os.path.realpath(file)
        if os.path.commonpath([real, root]) != root:
            raise ProjectError(f"frame {file.name} is outside project {project.name}'s images ({project.root.name}); "
                               "track a frame folder inside it")
        paths.append(os.path.relpath(real, root).replace(os.sep, "/"))
    known = {image.path for image in project.image_list()}
    absent = [p for p in paths if p not in known]
    if absent:
        raise ProjectError(f"{len(absent)} frame(s) are not images of project {project.name} (the first: "
                           f"{shorten(absent[0])}); add the frames to the project first")
    return paths


def save_tracks(project: Project, tracker, paths: List[str], author: Optional[str] = None) -> int:
    """Save ``tracker``'s masks (``tasks.tracking.Tracker``) on the project images
    ``paths`` (one per frame, from ``frame_paths``); the number of objects saved. A
    track's class is the project class of its label's name (none for no label)."""
    names = project.class_by_name()
    unknown = sorted({t.label for t in tracker.tracks.values() if t.label and t.label not in names})
    if unknown:
        raise ProjectError(f"class(es) {', '.join(map(shorten, unknown))} are not in project {project.name}; its "
                           f"classes: {', '.join(names) or 'none'}")
    if len(paths) != tracker.video.count:
        raise ProjectError(f"{len(paths)} image paths for a video of {tracker.video.count} frames")
    ids = {image.path: image.id for image in project.image_list()}
    tracks = set(tracker.tracks)
    saved = 0
    for frame, path in enumerate(paths):
        new = [ObjectRecord.from_mask(mask, names.get(tracker.tracks[obj].label), "track",
                                      proposal=(obj, frame) not in tracker.prompts, track_id=obj)
               for obj, mask in sorted(tracker.masks_at(frame).items()) if mask.any()]
        if not new and not any(_ours(o, tracks) for o in project.image(ids[path]).objects):
            continue  # nothing of these tracks here, before or now: no revision
        project.amend(ids[path], lambda image, new=new: [o for o in image.objects if not _ours(o, tracks)] + new,
                      author)
        saved += len(new)
    return saved


def _ours(record: ObjectRecord, tracks) -> bool:
    return record.source == "track" and record.track_id in tracks
