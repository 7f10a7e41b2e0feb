"""Load test: N clients for M minutes against a web UI server in its own process; a
section of docs/performance.md.

    python benchmarks/load.py [--clients 8] [--minutes 5] [--model vit_b|tiny] [--no-write]

The server runs a random-weight model (``random_sam`` for vit_b, the tests' tiny model),
fp32, PyTorch decoder; this process builds the same weights as a reference. Each client
(a thread with its own ``gradio_client``) owns two photos and loops until the time is up:
it uploads one of its photos with a prompt of its own, prompts it again by image_id
(masks only), and now and then sends a bad prompt, which must come back as a clear
error. Every answer is checked against the reference: a mask, size or image_id that is
not this request's counts as *mixed*. The server's resident memory is sampled every
2 s; its level (a median over up to a minute) after the warm-up (every photo encoded
once, and at least the first fifth of the run) is compared with its level at the end.
"""

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE), str(REPO / "tests")]
BAD_PROMPT = ("10 abc", "points: token 2 ('abc') is not a number")


def build_model(kind: str):
    import torch

    if kind == "tiny":
        from models import tiny_sam

        return tiny_sam(seed=0)
    from run import random_sam

    return random_sam(kind, torch.device("cpu"))


def service_for(model, name: str):
    import torch

    from sam_app.backends.sam import SamBackend
    from sam_app.service import SamService

    service = SamService(device="cpu", precision="fp32")
    service.add_backend(SamBackend(model, name, torch.device("cpu"), "fp32", "torch"), default=True)
    return service


def serve(kind: str, port: int) -> None:
    """The server process: the web UI as webui.py launches it."""
    from sam_app.ui import build_app, launch_options

    service = service_for(build_model(kind), kind)
    demo = build_app(service)
    demo.queue(max_size=64, default_concurrency_limit=2)
    demo.launch(**launch_options(service.checkpoint_dir, port=port), prevent_thread_lock=False, quiet=True)


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


def photos(count: int, size=(480, 640)):
    """``count`` distinct photos (crops and flips of the repo's examples) as file paths."""
    import tempfile

    from PIL import Image

    folder = Path(tempfile.mkdtemp(prefix="sam_load_"))
    sources = sorted((REPO / "imgs").glob("*.png"))
    paths = []
    for i in range(count):
        image = Image.open(sources[i % len(sources)]).convert("RGB").resize(size[::-1])
        pixels = np.asarray(image)[:, ::-1] if (i // len(sources)) % 2 else np.asarray(image)
        paths.append(folder / f"photo{i}.png")
        Image.fromarray(np.ascontiguousarray(pixels)).save(paths[-1])
    return paths


def run_load(url: str, server_pid: int, clients: int, seconds: float, reference, warmup: float = 0.2) -> dict:
    """Drive the server; returns latencies (ms) per kind, counts, errors, RSS samples and
    ``memory_levels`` from the time every photo has been encoded (each client's first two
    turns), and not before the first ``warmup`` share of the run."""
    from gradio_client import Client, handle_file

    images = photos(2 * clients)
    points = [f"{200 + 7 * i} {150 + 5 * i}" for i in range(len(images))]
    expected = {}
    for path, point in zip(images, points):
        result = reference.segment_text(str(path), point, "", "", False)
        expected[str(path)] = result.objects[0].mask(0)
    lock = threading.Lock()
    stats = {"upload": [], "by_id": [], "bad_prompt": [], "mixed": 0, "unexpected": [], "rss": []}
    deadline = time.time() + seconds

    def check(data, path):
        from sam_app.export import decode_rle

        mask = decode_rle(data["objects"][0]["masks"][0]["segmentation"])
        return mask.shape == expected[path].shape and np.array_equal(mask, expected[path])

    def client(k: int):
        api = Client(url, verbose=False)
        mine = [(str(images[2 * k + j]), points[2 * k + j]) for j in range(2)]
        turn = 0
        while time.time() < deadline:
            if turn == 2:  # both photos encoded: this client is warm
                with lock:
                    stats["warm_at"] = max(stats.get("warm_at", 0), time.time())
            path, point = mine[turn % 2]
            turn += 1
            try:
                start = time.perf_counter()
                data, _ = api.predict(handle_file(path), point, "", "", False, False, api_name="/segment")
                upload = (time.perf_counter() - start) * 1000
                start = time.perf_counter()
                again, _ = api.predict(None, point, "", "", False, False, data["image"]["image_id"],
                                       api_name="/segment")
                by_id = (time.perf_counter() - start) * 1000
                mixed = (not check(data, path)) + (not check(again, path))
                mixed += again["image"]["image_id"] != data["image"]["image_id"]
                with lock:
                    stats["upload"].append(upload)
                    stats["by_id"].append(by_id)
                    stats["mixed"] += mixed
                if turn % 5 == 0:
                    start = time.perf_counter()
                    try:
                        api.predict(handle_file(path), BAD_PROMPT[0], "", "", False, False, api_name="/segment")
                        raise AssertionError("a bad prompt was answered")
                    except Exception as exc:  # noqa: BLE001 - the error is the answer
                        if BAD_PROMPT[1] not in str(exc):
                            raise
                    with lock:
                        stats["bad_prompt"].append((time.perf_counter() - start) * 1000)
            except Exception as exc:  # noqa: BLE001 - counted and shown
                with lock:
                    stats["unexpected"].append(f"{type(exc).__name__}: {exc}"[:200])

    def sample():
        while time.time() < deadline:
            stats["rss"].append((time.time(), rss_mb(server_pid)))
            time.sleep(2)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)] + [threading.Thread(target=sample)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    warm_at = stats.get("warm_at", deadline)  # every photo encoded once, and at least ``warmup`` of the run
    stats.update(memory_levels(stats["rss"], max(warm_at, stats["rss"][0][0] + warmup * seconds)))
    return stats


def memory_levels(samples, warm_at: float) -> dict:
    """From (time, MB) samples: the memory level just after ``warm_at`` and at the end
    (medians over a quarter of the time after warm-up, at most a minute: a level, not
    the requests in flight at one instant), the highest sample after warm-up, and the
    drift (end level against warm level, the figure for "flat") and peak, as fractions."""
    after = [(when, mb) for when, mb in samples if when >= warm_at] or samples[-1:]
    window = min(60.0, (after[-1][0] - after[0][0]) / 4)
    warm = float(np.median([mb for when, mb in after if when <= after[0][0] + window]))
    end = float(np.median([mb for when, mb in after if when >= after[-1][0] - window]))
    top = max(mb for _, mb in after)
    return {"warm_s": after[0][0] - samples[0][0], "level_window_s": window, "rss_warm_mb": warm,
            "rss_end_mb": end, "rss_max_mb": top, "rss_drift": (end - warm) / warm, "rss_peak": (top - warm) / warm}


def start_server(kind: str, port: int):
    process = subprocess.Popen([sys.executable, __file__, "--serve", kind, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    import httpx

    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            if httpx.get(url + "config", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"the server ended: {process.stderr.read()[-2000:]}")
        time.sleep(0.5)
    process.kill()
    raise RuntimeError("the server did not start in 5 minutes")


def percentile(samples, q):
    return float(np.percentile(samples, q)) if samples else float("nan")


def table(stats: dict, args) -> str:
    lines = [
        "## Load (`benchmarks/load.py`)",
        "",
        f"{args.clients} clients for {args.minutes:g} min against the web UI in its own process, random {args.model}, "
        "fp32, PyTorch decoder, 2 model requests at once (the default); each client uploads one of its two photos "
        "with a prompt, prompts it again by image_id, and every fifth turn sends a bad prompt. One run.",
        "",
        "| request | count | p50 ms | p95 ms |",
        "|---|---:|---:|---:|",
    ]
    for kind in ("upload", "by_id", "bad_prompt"):
        lines.append(f"| {kind.replace('_', ' ')} | {len(stats[kind])} | {percentile(stats[kind], 50):.0f} | "
                     f"{percentile(stats[kind], 95):.0f} |")
    lines += ["", f"- mixed-up answers: **{stats['mixed']}**; unexpected errors: **{len(stats['unexpected'])}**"
              + (f" (first: {stats['unexpected'][0]})" if stats["unexpected"] else ""),
              f"- server memory (medians over {stats['level_window_s']:.0f} s): {stats['rss_warm_mb']:.0f} MB after "
              f"warm-up (every photo encoded once, {stats['warm_s']:.0f} s), {stats['rss_end_mb']:.0f} MB at the "
              f"end: **{100 * stats['rss_drift']:+.1f} %** (target: within 10 %); highest 2 s sample "
              f"{stats['rss_max_mb']:.0f} MB ({100 * stats['rss_peak']:+.1f} %, requests in flight)"]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--model", default="vit_b", choices=["vit_b", "tiny"])
    parser.add_argument("--port", type=int, default=7871)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.port)
        return 0
    process, url = start_server(args.model, args.port)
    try:
        stats = run_load(url, process.pid, args.clients, args.minutes * 60, service_for(build_model(args.model),
                                                                                          args.model))
    finally:
        process.terminate()
    from report import publish

    publish("load", table(stats, args), not args.no_write)
    print(json.dumps({k: stats[k] for k in ("mixed", "unexpected")})[:2000])
    return 0 if not stats["mixed"] and not stats["unexpected"] else 1


if __name__ == "__main__":
    sys.exit(main())
