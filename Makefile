# The two commands of the README: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: run test install notebook bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Build the graph of seeds/, load it into the embedded store, answer the example queries
# (queries with a required ?name get EXAMPLE_NAME; the others ignore it).
EXAMPLE_NAME ?= Kremlin
run: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/kg build seeds/ -o $(OUT)/seed.nq --store $(OUT)/store
	$(BIN)/kg build seeds/ -o $(OUT)/seed.ttl --quiet
	@for q in scripts/queries/*.rq; do \
		echo; echo "== $$q"; \
		$(BIN)/kg query $$q --store $(OUT)/store --param name=$(EXAMPLE_NAME) || exit 1; \
	done

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

notebook: $(STAMP)
	$(BIN)/python -m jupyter notebook notebooks/ 2>/dev/null || $(BIN)/python -m pip install notebook && $(BIN)/python -m jupyter notebook notebooks/

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(OUT) .pytest_cache
