"""docs/performance.md is shared by the benchmark scripts: ``run.py`` writes the main
table, other scripts own a section between ``<!-- section:NAME -->`` markers that every
script keeps when it rewrites the file."""

import os
import re
from pathlib import Path

# SAM_BENCH_REPORT names another file (scripts/gpu_check.py: docs/performance-gpu.md)
TARGET = Path(os.environ.get("SAM_BENCH_REPORT") or Path(__file__).resolve().parent.parent / "docs" / "performance.md")
SECTION = re.compile(r"<!-- section:(\w[\w-]*) -->.*?<!-- /section:\1 -->", re.S)


def sections(text: str) -> dict:
    """NAME -> the whole marked block, in the order they appear."""
    return {m.group(1): m.group(0) for m in SECTION.finditer(text)}


def kept_sections() -> str:
    """The marked sections of the current file, to append when rewriting it."""
    text = TARGET.read_text() if TARGET.exists() else ""
    return "\n\n".join(sections(text).values())


def default_photo() -> str:
    """The shared dog photo where the checkout has ../shared, else the repo's own."""
    repo = Path(__file__).resolve().parent.parent
    shared = repo.parent / "shared" / "images" / "dog.jpg"
    return str(shared if shared.exists() else repo / "imgs" / "coffee.png")


def publish(name: str, body: str, write: bool = True) -> None:
    """Print a benchmark's section and, unless ``write`` is False, put it in the file."""
    print(body)
    if write:
        print(f"-> {write_section(name, body)}")


def write_section(name: str, body: str) -> Path:
    """Put ``body`` in section NAME of docs/performance.md (``TARGET``; replaced, or appended)."""
    block = f"<!-- section:{name} -->\n{body.strip()}\n<!-- /section:{name} -->"
    text = TARGET.read_text() if TARGET.exists() else "# Performance\n"
    found = sections(text).get(name)
    text = text.replace(found, block) if found else text.rstrip() + "\n\n" + block + "\n"
    TARGET.write_text(text)
    return TARGET
