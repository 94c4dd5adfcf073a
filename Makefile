# Two set-up commands for a fresh machine (see README):
#   make demo   create .venv, install conflictmap, map seeds/ into out/
#   make test   create .venv, install conflictmap with test tools, run ruff, mypy and pytest
#   make test-fast   the edit loop: tests that need neither the full gazetteer nor a browser
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast bench clean

# A strict editable install: conflictmap.* links to the files here (edits show at once; a new module
# needs a reinstall, which the folders' times trigger) and mypy can read it as an installed package.
PACKAGE_DIRS := $(shell find facade gazetteer geo maps -type d -not -name __pycache__)
$(STAMP): pyproject.toml $(PACKAGE_DIRS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]" --config-settings editable_mode=strict
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/conflictmap check gazetteer/checks/seeds.csv
	mkdir -p out  # conflictmap never creates a folder itself
	$(BIN)/conflictmap map seeds -o out/seeds-map.html --geojson out/seeds.geojson
	@echo "open out/seeds-map.html in a browser"

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The edit loop: everything but the full gazetteer and the browser (~11 s; no gazetteer build)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not full and not browser"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_gazetteer.py
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
