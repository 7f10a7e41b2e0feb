"""``sam-app label-studio``: serve a model as a Label Studio ML backend
(``sam_app.label_studio``; README, "Label Studio")."""

from __future__ import annotations

import argparse
import os

from .options import add_engine_arguments, add_everything_arguments, everything_settings, service_from_args


def add_parsers(sub) -> None:
    env = os.environ.get
    parser = sub.add_parser("label-studio", help="serve the model as a Label Studio ML backend",
                            description="A Label Studio ML backend: smart keypoints, rectangles and text answered "
                                        "with masks (BrushLabels, PolygonLabels), and pre-annotation of whole tasks. "
                                        "In Label Studio: Settings > Model > Connect Model, URL http://HOST:PORT.",
                            allow_abbrev=False)
    parser.add_argument("--host", default=env("SAM_LS_HOST", "127.0.0.1"),
                        help="interface to listen on (env SAM_LS_HOST; 0.0.0.0 when Label Studio runs elsewhere)")
    parser.add_argument("--port", type=int, default=int(env("SAM_LS_PORT", "9090")), help="port (env SAM_LS_PORT)")
    parser.add_argument("--label-studio-url", default=env("LABEL_STUDIO_URL"),
                        help="Label Studio's address, where task images are read (env LABEL_STUDIO_URL; default: "
                             "what Label Studio says when it connects)")
    parser.add_argument("--label-studio-token", default=env("LABEL_STUDIO_API_KEY"),
                        help="a Label Studio API token (legacy token) to read task images with (env "
                             "LABEL_STUDIO_API_KEY; default: the one Label Studio sends when it connects)")
    parser.add_argument("--prelabel", choices=("auto", "text", "everything", "none"), default="auto",
                        help="what pre-annotating a whole task does: text (each label's name as a text prompt), "
                             "everything (segment everything), none; auto: text when a text model is here")
    parser.add_argument("--text-threshold", type=float, default=0.3,
                        help="least detection score (0-1) of a phrase's instance")
    add_everything_arguments(parser)
    add_engine_arguments(parser)
    parser.set_defaults(run=cmd_label_studio)


def cmd_label_studio(args: argparse.Namespace) -> int:
    import uvicorn

    from ..label_studio.predict import Connection, Predictor
    from ..label_studio.server import backend_app

    service = service_from_args(args, allow_fallback=False)
    predictor = Predictor(service, args.model_type, args.prelabel, everything_settings(args), args.text_threshold)
    app = backend_app(predictor, Connection(args.label_studio_url, args.label_studio_token))
    print(f"Label Studio ML backend ({predictor.model}) on http://{args.host}:{args.port}")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
