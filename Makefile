# crosswire: `make demo` runs the main job on examples/, `make test` runs the checks CI runs.
# Both create .venv on first use and reuse it afterwards.

# python3.11 where installed, else the system python3 (pyproject requires >=3.11).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
OUT := out
# Re-install only when the package description changes; the stamp files live inside .venv.
STAMP := $(VENV)/.installed
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
# The example corpus's own manifest and outlet registry, when present.

# -n 2: pytest-xdist on the two cores CI machines have; PYTEST_ARGS="" runs serially.
PYTEST_ARGS ?= -q -n 2

.PHONY: demo test test-fast lint bench clean help chromium fuzz

help:
	@echo "make demo   install into .venv and analyse examples/ into $(OUT)/"
	@echo "make test   install with test extras, lint, and run the test suite"
	@echo "make test-fast  ruff and the tests not marked slow (the quick local loop, about 2 minutes)"
	@echo "make lint   ruff and mypy"
	@echo "make bench  run benchmarks/*.py and rewrite docs/benchmarks.md"
	@echo "make fuzz   fuzz every parser FUZZ_SECONDS each (default 60) and rewrite docs/fuzzing.md"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/crosswire analyze examples/ --out $(OUT)/ --db $(OUT)/crosswire.db
	@echo
	@echo "Outputs are in $(OUT)/: articles, quotes, actors, events, stories (JSONL), events.csv,"
	@echo "and the briefing report: $(OUT)/report.html (open it in a browser) and $(OUT)/report.md"
	@echo "Store: $(OUT)/crosswire.db  -  try: $(BIN)/crosswire list articles --db $(OUT)/crosswire.db"

# Debian's chromium drives the browser tests; install it only when missing and only as root.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = "0" ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/mypy src

test: $(STAMP_TEST) chromium
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/mypy src
	$(BIN)/pytest $(PYTEST_ARGS)

# The quick loop while working: no mypy, no tests marked `slow` (cross-validation, browsers, killed processes).
test-fast: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/pytest $(PYTEST_ARGS) -m "not slow"

# The `bench` extra adds matplotlib for the plots in docs/img/bench-*.png.
$(STAMP_BENCH): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@ $(STAMP)

bench: $(STAMP_BENCH)
	@for script in benchmarks/*.py; do \
		case "$$script" in */generate*.py|*/_*|*/train_*.py) continue;; esac; \
		echo "== $$script"; $(BIN)/python "$$script" --write-docs || exit $$?; \
	done

# Seconds per fuzz target (fuzz/run.py runs each one in turn; about 15 targets).
FUZZ_SECONDS ?= 60
STAMP_FUZZ := $(VENV)/.installed-fuzz

$(STAMP_FUZZ): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[fuzz]'
	touch $@

fuzz: $(STAMP_FUZZ)
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS) --write-docs

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
