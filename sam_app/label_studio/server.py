"""Label Studio's ML backend protocol over HTTP (Starlette, served by uvicorn), as
Label Studio 1.23 speaks it:

- ``GET /health`` (and ``/``): ``{"status": "UP", "model_class", "model"}``;
- ``POST /setup`` ``{"project": "<id>.<created>", "schema": <labeling config>, "hostname",
  "access_token"}``: checks the config, remembers where that Label Studio is and its token
  (unless given on the command line), answers ``{"model_version"}``;
- ``POST /predict`` ``{"tasks", "label_config", "project", "params": {"context"}}``:
  ``{"results": [one prediction per task]}`` (``predict.Predictor``); a context with a
  ``result`` list is a smart tool's prompt, none is pre-annotation;
- ``POST /webhook``: accepted and ignored (Label Studio registers one; this backend does
  not train).

Bad input is HTTP 400 ``{"status": "error", "message": <one line>}``, the line also
printed on stderr: Label Studio 1.23 shows its user the status alone ("400 Client Error:
Bad Request"). Model work runs in a worker thread, one request at a time.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Dict, Optional

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..errors import SamAppError
from .config import parse_config
from .predict import Connection, Predictor

MAX_BODY = 64 * 2**20  # bytes of one request (pre-annotation sends every selected task at once)


def backend_app(predictor: Predictor, connection: Optional[Connection] = None) -> Starlette:
    """The backend around ``predictor``. connection: Label Studio's address and token as
    given on the command line; where a part is missing, /setup's is used."""
    given = connection or Connection()
    setups: Dict[str, Connection] = {}  # project id -> what its /setup said
    work = threading.Lock()

    def health(_request: Request) -> JSONResponse:
        return JSONResponse({"status": "UP", "model_class": "sam_app", "model": predictor.model})

    async def setup(request: Request) -> JSONResponse:
        body = await _body(request)
        parse_config(body.get("schema"))
        said = Connection(body.get("hostname") or None, body.get("access_token") or None)
        setups[_project(body)] = Connection(given.url or said.url, given.token or said.token)
        return JSONResponse({"model_version": predictor.version})

    async def predict(request: Request) -> JSONResponse:
        body = await _body(request)
        config = parse_config(body.get("label_config"))
        tasks = body.get("tasks")
        if not isinstance(tasks, list):
            raise SamAppError("the request has no list of tasks")
        context = (body.get("params") or {}).get("context")
        connection = setups.get(_project(body), given)

        def run():
            with work:
                return predictor.predict(tasks, config, context if isinstance(context, dict) else None, connection)

        return JSONResponse({"results": await run_in_threadpool(run)})

    def webhook(_request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def one_line(_request: Request, exc: Exception) -> JSONResponse:
        print(f"error: {exc}", file=sys.stderr)  # Label Studio shows "400 Bad Request" alone
        return JSONResponse({"status": "error", "message": str(exc)}, status_code=400)

    post = ["POST"]
    routes = [Route("/", health), Route("/health", health), Route("/setup", setup, methods=post),
              Route("/predict", predict, methods=post), Route("/webhook", webhook, methods=post)]
    return Starlette(routes=routes, exception_handlers={SamAppError: one_line})


async def _body(request: Request) -> dict:
    data = await request.body()
    if len(data) > MAX_BODY:
        raise SamAppError(f"the request is over {MAX_BODY // 2**20} MB")
    try:
        body = json.loads(data or b"{}")
    except ValueError as exc:
        raise SamAppError(f"the request is not JSON ({exc})") from None
    if not isinstance(body, dict):
        raise SamAppError("the request is not a JSON object")
    return body


def _project(body: dict) -> str:
    """Label Studio's "<project id>.<created at>" -> the project id."""
    return str(body.get("project") or "").split(".")[0]
