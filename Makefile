# Two commands set everything up on a fresh machine with python3 and make:
#   make demo   creates .venv, installs tracker, ingests seeds/ and prints the deadlines
#   make test   creates .venv with the dev extra and runs lint and the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint bench install dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $@

install: $(STAMP)

dev: $(DEV_STAMP)

demo: $(STAMP)
	$(BIN)/tracker ingest seeds/
	$(BIN)/tracker list

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	bash tests/setup/ensure_chromium.sh
	$(BIN)/pytest -q

bench: $(DEV_STAMP)
	$(BIN)/python bench/eval_extract.py
	$(BIN)/python bench/eval_dates.py
	$(BIN)/python bench/eval_updates.py
	$(BIN)/python bench/eval_merge.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_cli.py --sizes 10000,100000
	$(BIN)/python bench/bench_ics.py --items 20000
	$(BIN)/python bench/bench_remind.py
	$(BIN)/python bench/bench_watch.py --baseline

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
