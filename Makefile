# make run   -> installs into .venv and starts the web UI (http://127.0.0.1:7860)
# make test  -> installs test needs (pytest, Playwright, Debian's chromium, Ray) and runs every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run install install-test test test-fast bench bench-everything bench-batch bench-load bench-large-requests bench-clicks bench-models bench-text clean

run: install
	$(BIN)/python webui.py $(ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt requirements-ray.txt scripts/install-browser.sh
	$(BIN)/python -m pip install -q -r requirements-test.txt -r requirements-ray.txt
	scripts/install-browser.sh
	touch $@

test: install-test
	$(BIN)/python -m pytest $(ARGS)

test-fast: install-test
	$(BIN)/python -m pytest -m "not slow and not browser" $(ARGS)

bench: install-test
	$(BIN)/python benchmarks/run.py $(ARGS)

bench-everything: install-test
	$(BIN)/python benchmarks/everything.py $(ARGS)

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

clean:
	rm -rf $(VENV) .pytest_cache
