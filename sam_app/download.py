"""Checkpoint downloads: resume with HTTP Range on a ``.part`` file, sha256 check, atomic
rename into place. Standard library only (urllib), so it works wherever the app does.

Nothing is lost on failure: an interrupted download keeps its ``.part`` file for the next
attempt; a file whose hash does not match is deleted and never appears under its final
name; the final name only ever holds a complete, verified file.
"""

import errno
import hashlib
import http.client
import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Optional

from . import checkpoints
from .errors import SamAppError

Progress = Callable[[int, Optional[int]], None]  # (bytes done, total bytes or None)
CHUNK = 1 << 20


class DownloadError(SamAppError):
    """A download failed; the message says why and what was kept."""


def download_model(name: str, directory: Optional[os.PathLike] = None, progress: Optional[Progress] = None,
                   timeout: float = 30.0) -> Path:
    """Download the official file of registered model ``name`` into the checkpoint folder
    (a family's mirror variable, e.g. ``SAM_CHECKPOINT_URL_BASE``, redirects it).
    Returns the verified file's path."""
    from . import models

    spec = models.get(name)
    if spec.weights is None:
        raise DownloadError(f"{name} needs no download: it has no official weights")
    info = spec.weights
    folder = checkpoints.checkpoint_dir(directory)
    if isinstance(info, models.HubRepo):
        return download_hub(info, folder / info.filename, progress)
    return download(info.url, folder / info.filename, info.sha256, info.size, progress, timeout)


HUB_FILES = ["*.json", "*.safetensors", "*.txt"]  # config, weights, processor; never pickles


def download_hub(repo, dest: os.PathLike, progress: Optional[Progress] = None) -> Path:
    """Fetch hub repo ``repo`` (a ``models.HubRepo``) at its revision into folder ``dest``
    with ``huggingface_hub`` (which resumes partial files and skips complete ones, and
    checks each file against the hub's hash). Honours HF_HUB_OFFLINE, HF_ENDPOINT and
    HF_TOKEN. progress: called with (bytes done, bytes expected)."""
    from huggingface_hub import constants, errors, snapshot_download
    from huggingface_hub.utils import tqdm as hub_tqdm

    dest = Path(dest)
    if constants.HF_HUB_OFFLINE:
        raise DownloadError(f"cannot download {repo.repo_id}: offline mode is on (HF_HUB_OFFLINE=1). Unset it, or "
                            f"copy a folder with config.json and model.safetensors to {dest}")

    class Bytes(hub_tqdm):  # forwards the byte count of the whole snapshot to progress
        def __init__(self, *args, **kwargs):
            self._forward = progress is not None and kwargs.get("name") == "huggingface_hub.snapshot_download"
            self._done = kwargs.get("initial") or 0
            super().__init__(*args, **kwargs)

        def update(self, n=1):
            if self._forward:
                self._done += n or 0
                progress(self._done, self.total or None)
            return super().update(n)

    try:
        snapshot_download(repo.repo_id, revision=repo.revision, local_dir=dest, allow_patterns=HUB_FILES,
                          tqdm_class=Bytes)
    except errors.GatedRepoError:
        raise DownloadError(f"{repo.url} is gated: accept its terms on that page, then log in (`hf auth login` or "
                            f"HF_TOKEN), or put a copy of the folder at {dest}") from None
    except (errors.RepositoryNotFoundError, errors.RevisionNotFoundError) as exc:
        raise DownloadError(f"{repo.repo_id} at revision {repo.revision} is not on the hub "
                            f"({type(exc).__name__})") from None
    except Exception as exc:  # noqa: BLE001 - the network, the disk and the hub library raise many kinds
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        kept = (f"the files already fetched are kept in {dest}: run the same command again to resume"
                if dest.is_dir() and any(dest.iterdir()) else "nothing was fetched")
        raise DownloadError(f"download of {repo.repo_id} broke off ({first}); {kept}") from None
    return dest


def download(url: str, dest: os.PathLike, sha256: Optional[str] = None, size: Optional[int] = None,
             progress: Optional[Progress] = None, timeout: float = 30.0) -> Path:
    """Fetch ``url`` to ``dest``, resuming ``dest.part`` if present, checking ``size`` and
    ``sha256`` when given. A file already at ``dest`` with the right hash is kept as is."""
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(f"cannot create folder {dest.parent}: {exc.strerror}") from None
    if dest.is_file() and sha256 and _already_good(dest, sha256, size):
        if progress:
            progress(dest.stat().st_size, dest.stat().st_size)
        return dest
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.is_file() else 0
    if size is not None and have > size:
        part.unlink()
        have = 0
    digest = hashlib.sha256()
    if have and (size is None or have < size):
        response = _open(url, timeout, start=have)
        if response.status != 206:  # the server ignored Range: start again from zero
            have = 0
    elif have:
        response = None  # the .part file is already complete: just verify it
    else:
        response = _open(url, timeout)
    if have:
        with open(part, "rb") as f:
            for block in iter(lambda: f.read(CHUNK), b""):
                digest.update(block)
    expected = size  # the size the file must have: the official one, else what the server announced
    if response is not None:
        expected = size or _total_length(response, have)
        _check_space(dest.parent, (expected - have) if expected else 0)
        _stream(response, part, have, digest, expected, progress, url)
    found_size = part.stat().st_size
    if expected is not None and found_size != expected:  # a short body is never checked against sha256
        raise DownloadError(
            f"download of {url} stopped at {found_size:,} of {expected:,} bytes; the partial file {part} "
            "is kept: run the same command again to resume"
        )
    found = digest.hexdigest()
    if sha256 and found != sha256.lower():
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"sha256 mismatch for {url}: expected {sha256.lower()}, found {found}; the file was deleted "
            "(a corrupt download or a wrong mirror)"
        )
    os.replace(part, dest)
    if sha256:
        checkpoints.remember_sha256(dest, found)
    return dest


def _already_good(dest: Path, sha256: str, size: Optional[int]) -> bool:
    if size is not None and dest.stat().st_size != size:
        return False
    return checkpoints.known_sha256(dest) == sha256.lower() or checkpoints.sha256_of(dest) == sha256.lower()


def _open(url: str, timeout: float, start: int = 0):
    request = urllib.request.Request(url, headers={"User-Agent": "sam-app"})
    if start:
        request.add_header("Range", f"bytes={start}-")
    try:
        return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - URL is the user's choice
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and start:
            raise DownloadError(f"{url} refused to resume at byte {start:,} (HTTP 416); delete the .part "
                                "file and try again") from None
        raise DownloadError(f"HTTP {exc.code} {exc.reason} for {url}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(
            f"cannot reach {url} ({reason}); check the network, or set SAM_CHECKPOINT_URL_BASE to a mirror. "
            "Any partial file is kept for resuming"
        ) from None


def _total_length(response, have: int) -> Optional[int]:
    length = response.headers.get("Content-Length")
    return have + int(length) if length and length.isdigit() else None


def _check_space(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if needed and free < needed:
        raise DownloadError(f"not enough disk space in {folder}: {needed:,} bytes needed, {free:,} free")


def _stream(response, part: Path, have: int, digest, total, progress, url) -> None:
    done = have
    try:
        with response, open(part, "ab" if have else "wb") as out:
            while True:
                block = response.read(CHUNK)
                if not block:
                    break
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress:
                    progress(done, total)
            out.flush()
            os.fsync(out.fileno())
    except (OSError, http.client.HTTPException) as exc:
        if getattr(exc, "errno", None) == errno.ENOSPC:
            raise DownloadError(f"disk full while writing {part} ({done:,} bytes so far); free some space and "
                                "run the same command again to resume") from None
        raise DownloadError(f"download of {url} broke off after {done:,} bytes ({exc!r}); the partial file "
                            f"{part} is kept: run the same command again to resume") from None
