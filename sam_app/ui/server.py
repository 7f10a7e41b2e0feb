"""Start the web UI: ``sam-app webui`` (or ``python webui.py``) ``[--host 127.0.0.1]
[--port 7860] [--model-type vit_b] ...``

Every flag has an environment variable (shown in --help). With no checkpoint the app
still starts; the message on the page says how to get one.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..cli.options import add_engine_arguments, service_from_args
from ..errors import SamAppError
from ..limits import WEB_ONLY, add_arguments, apply_arguments
from ..service import IMAGE_CACHE_BYTES


def parse_args(argv=None) -> argparse.Namespace:
    env = os.environ.get
    prog = "python webui.py" if sys.argv[0].endswith("webui.py") else "sam-app webui"
    parser = argparse.ArgumentParser(prog=prog, description="Segment Anything web UI", allow_abbrev=False)
    parser.add_argument("--host", default=env("SAM_HOST", "127.0.0.1"),
                        help="interface to listen on (env SAM_HOST; 0.0.0.0 exposes it to the network)")
    parser.add_argument("--port", type=int, default=int(env("SAM_PORT", "7860")), help="port (env SAM_PORT)")
    parser.add_argument("--share", action="store_true", default=env("SAM_SHARE") == "1",
                        help="also open a public gradio.live link (env SAM_SHARE=1)")
    parser.add_argument("--queue-size", type=int, default=int(env("SAM_QUEUE_SIZE", "64")),
                        help="requests waiting at most before new ones are refused (env SAM_QUEUE_SIZE)")
    parser.add_argument("--concurrency", type=int, default=int(env("SAM_CONCURRENCY", "2")),
                        help="model requests run at once: queued ones, and clicks apart (env SAM_CONCURRENCY)")
    parser.add_argument("--cache-size", type=int, default=int(env("SAM_EMBEDDING_CACHE", "16")),
                        help="image embeddings kept in memory, about 4 MB each (env SAM_EMBEDDING_CACHE)")
    parser.add_argument("--auth", default=env("SAM_AUTH"),
                        help="require a login: USER:PASSWORD, several separated by commas (env SAM_AUTH)")
    parser.add_argument("--allow-downloads", action="store_true", default=env("SAM_ALLOW_DOWNLOADS") == "1",
                        help="let the page download checkpoints to this machine when it is open to the network "
                             "(always allowed on 127.0.0.1; env SAM_ALLOW_DOWNLOADS=1)")
    parser.add_argument("--image-cache-mb", type=float, default=IMAGE_CACHE_BYTES / 2**20,
                        help="decoded images kept for prompts by image_id, in MB of pixels (env SAM_IMAGE_CACHE_MB, "
                             f"default {IMAGE_CACHE_BYTES / 2**20:.0f}; a 12 MP photo takes 36 MB)")
    parser.add_argument("--private-cache", action="store_true", default=env("SAM_PRIVATE_CACHE") == "1",
                        help="keep each user's (each tab's, without --auth) image embeddings apart, so that how fast "
                             "a picture answers does not tell whether someone else sent it (env SAM_PRIVATE_CACHE=1)")
    parser.add_argument("--project", default=env("SAM_PROJECT"),
                        help="an annotation project folder to open in the Project tab (env SAM_PROJECT; make one "
                             "with `sam-app project create`)")
    parser.add_argument("--projects-dir", default=env("SAM_PROJECTS_DIR"),
                        help="a folder of project folders, each offered in the Project tab (env SAM_PROJECTS_DIR); "
                             "the page opens no other folder")
    parser.add_argument("--mcp", action="store_true", default=env("SAM_MCP") == "1",
                        help="also serve the API as MCP tools for agents, at /gradio_api/mcp/ (env SAM_MCP=1; README: "
                             "MCP)")
    parser.add_argument("--image-roots", default=env("SAM_IMAGE_ROOTS", ""),
                        help="folders whose images API and MCP callers may name by path, separated by "
                             f"'{os.pathsep}' (env SAM_IMAGE_ROOTS; projects' image folders are always allowed)")
    add_arguments(parser, WEB_ONLY)
    add_arguments(parser, ("max_frames", "max_video_pixels", "max_video_sessions"))  # the Video tab
    add_engine_arguments(parser, web=True)
    return parser.parse_args(argv)


def image_roots(text: str) -> list:
    """--image-roots: folders separated by os.pathsep, each one that exists."""
    from pathlib import Path

    roots = [Path(part).expanduser() for part in text.split(os.pathsep) if part.strip()]
    missing = [str(root) for root in roots if not root.is_dir()]
    if missing:
        raise SamAppError(f"--image-roots: {', '.join(missing)} is not a folder")
    return roots


def main(argv=None) -> int:
    args = parse_args(argv)
    from ..projects.library import Library
    from .app import build_app, exposure_warning, is_local, launch_options, parse_auth
    from .common import request_owner

    try:
        auth = parse_auth(args.auth)
        if args.mcp and auth:
            raise SamAppError("--mcp cannot be used with --auth: Gradio's MCP server asks for no login, so its tools "
                              "would be open to anyone who reaches the port; serve MCP on 127.0.0.1 without --auth, "
                              "or behind a proxy that authenticates")
        apply_arguments(args)
        projects = Library(args.project, args.projects_dir)
        roots = image_roots(args.image_roots)
        if projects.project is not None:
            projects.open(projects.project.name)  # a damaged or unreachable database is said now, not on the page
        for name in projects.names() if projects.projects_dir else ():
            try:
                projects.open(name)
            except SamAppError as exc:  # one bad project of many: the others are served
                print(f"warning: project {name}: {exc}", file=sys.stderr)
        service = service_from_args(args, cache_size=args.cache_size,
                                    image_cache_bytes=int(args.image_cache_mb * 2**20),
                                    cache_owner=request_owner if args.private_cache else None)
    except SamAppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    warning = exposure_warning(args.host, args.share, auth)
    if warning:
        print(warning, file=sys.stderr)
    local = is_local(args.host, args.share)
    demo = build_app(service, model_concurrency=args.concurrency, allow_downloads=args.allow_downloads or local,
                     local=local, projects=projects, image_roots=roots)
    demo.queue(max_size=args.queue_size, default_concurrency_limit=args.concurrency)
    demo.launch(**launch_options(service.checkpoint_dir, args.host, args.port, args.share, auth=auth, mcp=args.mcp))
    return 0
