#!/usr/bin/env bash
# Install a real Label Studio for the Label Studio ML backend tests (tests/label_studio.py
# starts a throwaway server from it: SQLite in a temporary folder, nothing left running).
#
# It goes into its OWN virtual environment, .venv-labelstudio in the repo root: label-studio
# pins numpy, pydantic, Django and many more at versions that conflict with the app's .venv,
# so it must never be installed into .venv. About 1 GB on disk; about a minute from PyPI.
# Idempotent: does nothing when .venv-labelstudio/bin/label-studio is there and is 1.23.2.
# PYTHON picks the interpreter (default python3; Label Studio 1.23 needs Python >= 3.10).
set -euo pipefail
VERSION="1.23.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-labelstudio"
PY="${PYTHON:-python3}"

works() {
    [ -x "$VENV/bin/label-studio" ] && [ -x "$VENV/bin/python" ] &&
        "$VENV/bin/python" - "$VERSION" >/dev/null 2>&1 <<'EOF'
import importlib.metadata, sys
import django, label_studio_sdk.converter.brush  # noqa: F401  (the server's and the RLE code's imports)
sys.exit(importlib.metadata.version("label-studio") != sys.argv[1])
EOF
}

# pip, as configured on some machines, warns once per package about index folders it lacks
quiet_pip() {
    "$VENV/bin/python" -m pip "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
}

if works; then
    exit 0
fi
echo "installing label-studio==$VERSION into $VENV (its own venv, never .venv; about a minute)..."
rm -rf "$VENV"
"$PY" -m venv "$VENV"
quiet_pip install -q --upgrade pip
quiet_pip install -q "label-studio==$VERSION"
if ! works; then
    echo "error: label-studio $VERSION did not install into $VENV" >&2
    exit 1
fi
echo "label-studio $VERSION installed: $VENV/bin/label-studio"
