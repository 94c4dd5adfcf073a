# Two set-up commands for a fresh machine (see README):
#   make demo   create .venv, install conflictmap, run it on seeds/
#   make test   create .venv, install conflictmap with test tools, run ruff, mypy and pytest
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/conflictmap check gazetteer/checks/seeds.csv
	$(BIN)/conflictmap resolve Wonsan Vladivostok "Kursk region" Washington DPRK Indo-Pacific "eastern Russia" Kremlin -n 1

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_gazetteer.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
