#!/usr/bin/env bash
# Wheels for a lent GPU machine that cannot reach PyPI (`make gpu-wheels`): what its image
# ("cuda": Python 3.12, PyTorch, onnxruntime, opencv, timm, peft ...) lacks of the project's
# dependencies, as the versions this project is tested with, for CPython 3.12 on x86-64 Linux.
#
#   scripts/gpu-wheels.sh [core|transformers]     (default core)
#
# core (about 41 MB) is what the encoders, prompts, segment everything, the batch engine, video
# and the CUDA tests need; transformers (about 26 MB: the image's 5.17 is older than the 5.24
# this project needs, and its hub client too) is what SAM 2.1, EdgeTAM, SAM 3 and the text
# prompts add. A device call carries at most 64 MiB with the working tree (about 6 MB), so one
# set a call, into .whl/ (git ignores it): see scripts/gpu_check.py's docstring for the call.
# gradio is not among them (31 MB, and it needs many more): run.py and the suite skip their
# web UI parts without it.
set -euo pipefail
SET="${1:-core}"
case "$SET" in
    core) WHEELS="segment-anything==1.0 pycocotools==2.0.11 cachetools==8.0.3 av==18.1.0 sqlalchemy==2.1.9
                  alembic==1.20.1 mako==1.4.3" ;;
    transformers) WHEELS="transformers==5.25.0 tokenizers==0.23.3 safetensors==0.8.0 huggingface_hub==2.4.0
                          kernels==0.19.1 regex==2026.12.2
                          httpx2==2.17.0 httpcore2==2.17.0 truststore==0.10.5 h11==0.16.0 idna==3.21
                          anyio==4.16.0 click==8.5.1 hf-xet==1.8.0 tomlkit==0.14.0" ;;
    *) echo "usage: $0 [core|transformers]" >&2; exit 2 ;;
esac
PYTHON="${PYTHON:-python3}"
cd "$(dirname "$0")/.."
rm -rf .whl && mkdir .whl
# shellcheck disable=SC2086  # one word per pinned wheel
"$PYTHON" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
    --platform any -d .whl $WHEELS
du -sh .whl
