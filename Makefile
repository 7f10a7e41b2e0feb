# make run        -> installs into .venv and starts the web UI (http://127.0.0.1:7860)
# make test       -> installs test needs (pytest, Playwright, Debian's chromium and postgresql, Ray, Label Studio in
#                    .venv-labelstudio), lints, runs every test
# make test-fast  -> the same without the full-size and browser tests (about 17 minutes on a 2-core CPU; the whole suite about 33)
# make lint       -> ruff (installs only ruff: seconds on a clean clone)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run install install-test lint test test-fast bench bench-everything bench-decoder bench-batch bench-load \
	bench-large-requests bench-clicks bench-models bench-text bench-projects bench-video bench-shortcuts screenshot \
	gpu-check gpu-wheels frontend clean

run: install
	$(BIN)/python webui.py $(ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(VENV)/.installed

# the package in editable mode: `sam-app` and `python -m sam_app` run this checkout
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml scripts/install-browser.sh scripts/install-postgres.sh \
		scripts/install-label-studio.sh
	$(BIN)/python -m pip install -q -e ".[test,ray]"
	scripts/install-browser.sh
	scripts/install-postgres.sh
	PYTHON=$(PYTHON) scripts/install-label-studio.sh
	touch $@

$(VENV)/.installed-lint: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q "ruff>=0.6"
	touch $@

lint: $(VENV)/.installed-lint
	$(BIN)/ruff check .

test: lint install-test
	$(BIN)/python -m pytest $(ARGS)

test-fast: lint install-test
	$(BIN)/python -m pytest -m "not slow and not browser" $(ARGS)

# on a machine with a CUDA GPU: the CUDA-only tests and every benchmark table measured there, written to
# docs/performance-gpu.md (ARGS="--dry" checks the plan anywhere, as the suite does)
gpu-check: install-test
	$(BIN)/python scripts/gpu_check.py $(ARGS)

# wheels for a lent GPU machine without PyPI (scripts/gpu_check.py's docstring): SET=core or SET=transformers
gpu-wheels: $(BIN)/python
	PYTHON=$(BIN)/python scripts/gpu-wheels.sh $(or $(SET),core)

# the annotation canvas's frontend (Svelte) rebuilt into sam_app/ui/canvas/templates after a change to its sources;
# needs Node.js 20 and npm (the built files are committed and ship with the package: users need neither)
frontend:
	cd sam_app/ui/canvas/frontend && npm ci --no-audit --no-fund && node build.mjs

# the README's screenshot (docs/screenshot.png), on the classical backend, in headless Chromium
screenshot: install-test
	$(BIN)/python scripts/screenshot.py

bench: install-test
	$(BIN)/python benchmarks/run.py $(ARGS)

bench-everything: install-test
	$(BIN)/python benchmarks/everything.py $(ARGS)

bench-decoder: install-test
	$(BIN)/python benchmarks/decoder.py $(ARGS)

bench-shortcuts: install-test
	$(BIN)/python benchmarks/shortcuts.py $(ARGS)

bench-batch: install-test
	$(BIN)/python benchmarks/batch.py $(ARGS)

bench-load: install-test
	$(BIN)/python benchmarks/load.py $(ARGS)

bench-large-requests: install-test
	$(BIN)/python benchmarks/large_requests.py $(ARGS)

bench-clicks: install-test
	$(BIN)/python benchmarks/clicks.py $(ARGS)

bench-models: install-test
	$(BIN)/python benchmarks/model_families.py $(ARGS)

bench-text: install-test
	$(BIN)/python benchmarks/text_prompts.py $(ARGS)

bench-projects: install-test
	$(BIN)/python benchmarks/projects.py $(ARGS)

bench-video: install-test
	$(BIN)/python benchmarks/video.py $(ARGS)

clean:
	rm -rf $(VENV) .venv-labelstudio .pytest_cache
