# crosscheck: `make demo` and `make test` are the whole set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install demo test test-fast bench clean

# Installs the pinned stack into .venv. torch==2.13.0 is pinned so pip takes the CPU wheel
# instead of a multi-GB CUDA build; everything else comes from the package registry.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test,onnx,dask]'
	bash scripts/vendor_assets.sh $(VENV)/share/crosscheck/vendor
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf out/demo
	$(BIN)/crosscheck run examples/articles --out out/demo; rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	  echo "demo: report at out/demo/report.json (exit $$rc: 1 means discrepancies were found)"

test: $(STAMP)
	bash scripts/install_chromium.sh
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not e2e and not server"

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf out .pytest_cache
