# detente: `make demo` and `make test` do all set-up on a fresh machine (Python 3.11 + make).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export DETENTE_DB ?= detente.duckdb

.PHONY: install demo test lint unit bench clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/detente ingest examples --date 2019-09-16
	$(BIN)/detente events --limit 60
	$(BIN)/detente summary

lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest -q

test: lint unit

bench: install
	$(BIN)/python bench/throughput.py --n 200

clean:
	rm -rf $(VENV) detente.duckdb .pytest_cache .mypy_cache .ruff_cache
