"""A client that speaks Gradio's HTTP protocol as the page does (uploads, queued events,
direct events, any event by its handler) but never sends the heartbeat, and can send
what the page never would: the abuse tests' client."""

import json
import secrets
from pathlib import Path
from typing import Any, List, Optional

import httpx


class EventError(Exception):
    """The event ended with an error (its message as the server gave it)."""


class RawClient:
    """demo: the launched Blocks (to find an event's fn_index by its handler); url: its
    address; session_hash: the tab it acts as (default a new one)."""

    def __init__(self, demo, url: str, session_hash: Optional[str] = None, timeout: float = 300):
        self.demo, self.base = demo, url.rstrip("/") + "/gradio_api"
        self.session_hash = session_hash or secrets.token_hex(8)
        self.http = httpx.Client(timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def event(self, handler):
        """(fn_index, BlockFunction) of the event whose handler is the bound method ``handler``."""
        for index, fn in self.demo.fns.items():
            target = fn.fn
            if getattr(target, "__self__", None) is handler.__self__ and target.__name__ == handler.__name__:
                return index, fn
        raise KeyError(handler)

    def upload(self, path) -> dict:
        """Upload a file as the page does; the FileData to send for it."""
        with open(path, "rb") as f:
            response = self.http.post(f"{self.base}/upload", files={"files": (Path(path).name, f)})
        response.raise_for_status()
        return {"path": response.json()[0], "orig_name": Path(path).name, "meta": {"_type": "gradio.FileData"}}

    def body(self, handler, data: List[Any], event_data=None) -> dict:
        index, fn = self.event(handler)
        return {"data": data, "fn_index": index, "trigger_id": fn.targets[0][0] if fn.targets else None,
                "session_hash": self.session_hash, "event_data": event_data}

    def call(self, handler, *data, event_data=None) -> List[Any]:
        """Run the event to its end; its outputs (the last update of a generator)."""
        _, fn = self.event(handler)
        body = self.body(handler, list(data), event_data)
        if not fn.queue:
            response = self.http.post(f"{self.base}/run/predict", **self._json(body))
            if response.status_code != 200:
                raise EventError(f"HTTP {response.status_code}: {response.text[:500]}")
            return response.json()["data"]
        last = None
        for message in self.stream(body):
            if message.get("msg") in ("process_generating", "process_completed") and message.get("output"):
                if not message.get("success", True):
                    raise EventError(message["output"].get("error"))
                last = message["output"].get("data", last)
            if message.get("msg") == "process_completed":
                return last
        raise EventError("the stream ended before the event completed")

    @staticmethod
    def _json(body: dict) -> dict:
        """The request's JSON as Python writes it: NaN and Infinity included, as an
        attacker may send them (httpx's own encoder refuses them)."""
        return {"content": json.dumps(body), "headers": {"content-type": "application/json"}}

    def stream(self, body: dict):
        """Join the queue with ``body`` and yield its messages (decoded JSON) as they come;
        leaving the loop closes the connection, as a tab that goes away."""
        joined = self.http.post(f"{self.base}/queue/join", **self._json(body))
        if joined.status_code != 200:
            raise EventError(f"HTTP {joined.status_code}: {joined.text[:500]}")
        event_id = joined.json()["event_id"]
        with self.http.stream("GET", f"{self.base}/queue/data", params={"session_hash": self.session_hash}) as lines:
            for line in lines.iter_lines():
                if line.startswith("data:"):
                    message = json.loads(line[5:])
                    if message.get("event_id") in (None, event_id):
                        yield message
