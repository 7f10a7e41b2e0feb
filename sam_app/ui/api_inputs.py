"""The files an API or MCP caller hands in: an image or a video, in one of four forms.

- an upload made with the request (``gradio_client.handle_file``: a file dict);
- ``data:<type>;base64,<bytes>`` (what MCP clients send for a file);
- a URL of this server's files (``http://host:port/gradio_api/file=<path>``: an upload or
  a result it handed out, such as an overlay); nothing is ever fetched from the network;
- a path in one of the folders the server allows (``--image-roots``, and the image
  folders of the projects it serves): absolute inside one, or relative to the first that
  holds it.

``received(value, ...)`` returns a local path and the key the image store caches its
content under. Anything else is refused with a one-line message saying what is accepted.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Optional, Sequence, Tuple
from urllib.parse import unquote, urlparse

import gradio as gr

from ..errors import SamAppError, shorten
from ..export import atomic_write_bytes
from ..files import data_url_bytes, inside

FORMS = ("send the file with the request (gradio_client's handle_file), as data:<type>;base64,..., as a URL of "
         "this server's files (/gradio_api/file=...), or as a path in a folder the server allows (--image-roots)")
FILE_ROUTE = "/gradio_api/file="


def received(value, what: str, roots: Sequence[Path], spool: Path) -> Tuple[str, Optional[str]]:
    """(local path, content key or None) of a file handed in as ``value`` (see the module).
    what: "image" or "video", for messages; roots: the folders paths may name; spool: where
    base64 data is written (this process's output folder)."""
    path = value.get("path") if isinstance(value, dict) else getattr(value, "path", value)
    if not isinstance(path, str) or not path.strip():
        raise SamAppError(f"the {what} is missing or not text; {FORMS}")
    if path.startswith("data:"):
        return _spooled(path, what, spool)
    if re.match(r"https?://", path, re.IGNORECASE):
        return _served(path, what)
    if is_uploaded(path) and not isinstance(value, str):
        return path, upload_content_key(path)
    return str(_in_roots(path, what, roots)), None


def _spooled(url: str, what: str, spool: Path) -> Tuple[str, str]:
    """A data URL's bytes, written once under their sha256 in ``spool``."""
    data = data_url_bytes(url, what)
    digest = hashlib.sha256(data).hexdigest()
    path = Path(spool) / f"received_{digest}"
    if not path.is_file():
        atomic_write_bytes(path, data)
    return str(path), f"sha256:{digest}"


def _served(url: str, what: str) -> Tuple[str, Optional[str]]:
    """The local file behind a URL of this server's file route."""
    route = urlparse(url).path
    if FILE_ROUTE not in route:
        raise SamAppError(f"the {what} URL {shorten(url)} is not one of this server's files, and the server fetches "
                          f"nothing from the network; {FORMS}")
    path = unquote(route.split(FILE_ROUTE, 1)[1])
    if not is_uploaded(path):
        raise SamAppError(f"the {what} URL {shorten(url)} names no upload or result of this server")
    return path, upload_content_key(path)


def _in_roots(name: str, what: str, roots: Sequence[Path]) -> Path:
    """``name`` inside one of ``roots`` (links followed), absolute or relative to the first root holding it."""
    if not roots:
        raise SamAppError(f"the {what} {shorten(name)} is a path, and this server allows none (start it with "
                          f"--image-roots FOLDER); or {FORMS.split(', or as a path')[0]}")
    candidate = Path(name)
    for root in roots:
        real_root = os.path.realpath(root)
        if candidate.is_absolute():
            if os.path.commonpath([os.path.realpath(candidate), real_root]) == real_root:
                return candidate
            continue
        path = inside(root, name, what=what, strict=True)
        if path.exists():
            return path
    raise SamAppError(f"the {what} {shorten(name)} is in none of the folders this server allows (--image-roots and "
                      "its projects' image folders), or is not there")


def upload_content_key(path: str) -> Optional[str]:
    """Gradio stores an upload in a folder named by the sha256 of its bytes (and writes it
    anew with each upload), so that name identifies the content where the file's
    modification time cannot."""
    folder = Path(path).parent.name
    return f"sha256:{folder}" if re.fullmatch(r"[0-9a-f]{64}", folder) else None


def is_uploaded(path: str) -> bool:
    """True if ``path`` lies in Gradio's upload folder (where uploads land, and this
    process's outputs are kept)."""
    folder = Path(gr.utils.get_upload_folder()).resolve()
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False
