# Two commands: `make demo` sets everything up and opens the app on the demo corpus; `make test` runs
# the whole suite (lint, types, tests). Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install lint bench bench-index clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q corpus index tui  # an editable install is not compiled; see bench/__init__.py
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/newsframe demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/read_throughput.py
	$(BIN)/python bench/people_throughput.py
	$(BIN)/python bench/people_accuracy.py
	$(BIN)/python bench/align_bench.py

bench-index: install
	$(BIN)/python bench/index_bench.py --articles 40000

clean:
	rm -rf $(VENV) bench/out .pytest_cache .mypy_cache .ruff_cache
