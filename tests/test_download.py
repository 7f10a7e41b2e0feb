"""Checkpoint downloads against a local HTTP server on 127.0.0.1."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sam_app import checkpoints
from sam_app.cli import main as cli_main
from sam_app.download import DownloadError, download, download_model

PAYLOAD = bytes(range(256)) * 4096  # 1 MiB
SHA = hashlib.sha256(PAYLOAD).hexdigest()


class Server:
    """Serves PAYLOAD at /<anything>; behaviour switches: ignore_range, cut_after, status."""

    def __init__(self):
        self.ignore_range = False
        self.cut_after = None
        self.status = 200
        self.requests = []
        self.paths = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(self.headers.get("Range"))
                server.paths.append(self.path)
                if server.status != 200:
                    self.send_error(server.status)
                    return
                start = 0
                rng = self.headers.get("Range")
                if rng and not server.ignore_range:
                    start = int(rng.split("=")[1].split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(PAYLOAD) - 1}/{len(PAYLOAD)}")
                else:
                    self.send_response(200)
                body = PAYLOAD[start:]
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.cut_after is not None:
                    self.wfile.write(body[: server.cut_after])
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def serve_payload_as_vit_b(monkeypatch, server, path=""):
    """Make the registry's vit_b an official file of PAYLOAD, served by ``server``."""
    import dataclasses

    from sam_app.models import registry

    monkeypatch.setenv("SAM_CHECKPOINT_URL_BASE", server.url + path)
    spec = registry.get("vit_b")
    weights = dataclasses.replace(spec.weights, size=len(PAYLOAD), sha256=SHA)
    monkeypatch.setitem(registry._MODELS, "vit_b", dataclasses.replace(spec, weights=weights))


@pytest.fixture
def server():
    s = Server()
    yield s
    s.httpd.shutdown()


def test_full_download_is_verified_and_remembered(server, tmp_path):
    seen = []
    path = download(server.url + "m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD), lambda d, t: seen.append((d, t)))
    assert path.read_bytes() == PAYLOAD and not (tmp_path / "m.pth.part").exists()
    assert seen[-1] == (len(PAYLOAD), len(PAYLOAD))
    assert checkpoints.known_sha256(path) == SHA  # no re-hash at first load
    download(server.url + "m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD))  # present: nothing fetched
    assert len(server.requests) == 1


def test_interrupted_download_resumes_to_the_right_bytes(server, tmp_path):
    server.cut_after = 300_000
    with pytest.raises(DownloadError, match="stopped at 300,000 of 1,048,576 bytes; the partial file .* is kept"):
        download(server.url + "m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD))
    part = tmp_path / "m.pth.part"
    assert 0 < part.stat().st_size < len(PAYLOAD) and not (tmp_path / "m.pth").exists()
    kept = part.stat().st_size
    server.cut_after = None
    download(server.url + "m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD))
    assert server.requests[-1] == f"bytes={kept}-"
    assert (tmp_path / "m.pth").read_bytes() == PAYLOAD


@pytest.mark.parametrize("sha256", [None, SHA])
def test_body_shorter_than_announced_is_an_error_and_kept_for_resuming(server, tmp_path, sha256):
    """A custom URL (no official size): the Content-Length is what the body must reach;
    a short body is kept as .part, with or without --sha256, and the next run resumes it."""
    dest = tmp_path / "custom.pth"
    server.cut_after = 3000
    with pytest.raises(DownloadError, match=r"stopped at 3,000 of [\d,]+ bytes.*kept"):
        download(server.url + "custom.pth", dest, sha256)
    assert not dest.exists() and (tmp_path / "custom.pth.part").stat().st_size == 3000
    server.cut_after = None
    assert download(server.url + "custom.pth", dest, sha256).read_bytes() == PAYLOAD
    assert server.requests[-1] == "bytes=3000-"


def test_server_that_ignores_range_restarts_from_zero(server, tmp_path):
    (tmp_path / "m.pth.part").write_bytes(PAYLOAD[:1000])
    server.ignore_range = True
    download(server.url + "m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD))
    assert server.requests == ["bytes=1000-"]
    assert (tmp_path / "m.pth").read_bytes() == PAYLOAD


def test_mismatching_file_is_refused_and_not_left_in_place(server, tmp_path):
    wrong = "0" * 64
    with pytest.raises(DownloadError, match=f"sha256 mismatch .*expected {wrong}, found {SHA}"):
        download(server.url + "m.pth", tmp_path / "m.pth", wrong, len(PAYLOAD))
    assert not (tmp_path / "m.pth").exists() and not (tmp_path / "m.pth.part").exists()


def test_http_error_and_no_network_are_clear(server, tmp_path):
    server.status = 404
    with pytest.raises(DownloadError, match=r"HTTP 404 .* for http://127.0.0.1"):
        download(server.url + "m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD))
    port = server.httpd.server_address[1]
    server.httpd.shutdown()
    server.httpd.server_close()
    with pytest.raises(DownloadError, match="cannot reach .*SAM_CHECKPOINT_URL_BASE"):
        download(f"http://127.0.0.1:{port}/m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD), timeout=5)
    assert not (tmp_path / "m.pth").exists()


def test_official_names_follow_the_mirror_and_the_cli(server, tmp_path, monkeypatch, capsys):
    serve_payload_as_vit_b(monkeypatch, server, "mirror/")
    path = download_model("vit_b", tmp_path)
    assert path == tmp_path / "sam_vit_b_01ec64.pth" and path.read_bytes() == PAYLOAD
    assert server.paths[-1] == "/mirror/sam_vit_b_01ec64.pth"
    assert cli_main(["list", "--dir", str(tmp_path)]) == 0
    assert "present, verified" in capsys.readouterr().out
    assert cli_main(["download", "--url", server.url + "custom.pth", "--sha256", SHA, "--dir", str(tmp_path)]) == 0
    assert (tmp_path / "custom.pth").read_bytes() == PAYLOAD
    assert cli_main(["download", "--url", server.url + "bad.pth", "--sha256", "1" * 64, "--dir", str(tmp_path)]) == 2
    assert "sha256 mismatch" in capsys.readouterr().err and not (tmp_path / "bad.pth").exists()


def test_too_little_disk_space_is_said_before_writing(server, tmp_path, monkeypatch):
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage(10**6, 10**6 - 1000, 1000))
    with pytest.raises(DownloadError, match=f"not enough disk space .*{len(PAYLOAD):,} bytes needed, 1,000 free"):
        download(server.url + "m.pth", tmp_path / "m.pth", SHA, len(PAYLOAD))
    assert not (tmp_path / "m.pth").exists()
