# Candor — the single entry point for people and CI.
#
#   make run     install what is missing, build the desktop app (UI + Rust) and start it
#   make test    install what is missing, then format/lint/type checks, UI tests, all Rust tests
#                and the end-to-end tests of the real window
#   make example build the `candor` CLI and export the bundled example to out/ (PDF and HTML)
#   make bench   release build, then time a 40-page export against bare typst (bench/run.py)
#   make deps    install what is missing (apt packages, .venv, npm packages); nearly free when done
#   make clean   remove out/ and the cargo target directory; `make distclean` also .venv, node_modules

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

CARGO ?= cargo

# One target directory outside the clone, so repeated CI runs on one machine reuse the builds.
ifeq ($(strip $(HOME)),)
CARGO_TARGET_DIR ?= $(CURDIR)/target
else
CARGO_TARGET_DIR ?= $(HOME)/.cache/candor/target
endif
export CARGO_TARGET_DIR

ifneq ($(strip $(CI)),)
export CARGO_INCREMENTAL := 0
export CARGO_TERM_COLOR ?= never
LOCKED := --locked
else
LOCKED :=
endif

# Where the Rust tests find the independent checkers (tests/checkers/README.md).
export CANDOR_CHECKERS ?= $(CURDIR)/tests/checkers
export CANDOR_PYTHON ?= $(CURDIR)/.venv/bin/python

EXAMPLE := examples/example-1-companion.md
OUT := $(CURDIR)/out
CANDOR_DEBUG := $(CARGO_TARGET_DIR)/debug/candor
CANDOR_RELEASE := $(CARGO_TARGET_DIR)/release/candor
BENCH_ARGS ?=

.PHONY: help deps toolchain run app ui example test fmt-check lint ui-check checkers-selftest \
	rust-tests bench clean distclean

help:
	@sed -n '3,10s/^# \{0,1\}//p' $(firstword $(MAKEFILE_LIST))

deps:
	@bash scripts/install-deps.sh

toolchain:
	@command -v $(CARGO) >/dev/null 2>&1 || { \
	  echo "make: cargo not found. Install the Rust toolchain (https://rustup.rs), then run make again." >&2; \
	  exit 1; }
	@$(CARGO) fmt --version >/dev/null 2>&1 || { \
	  echo "make: rustfmt is missing: rustup component add rustfmt" >&2; exit 1; }
	@$(CARGO) clippy --version >/dev/null 2>&1 || { \
	  echo "make: clippy is missing: rustup component add clippy" >&2; exit 1; }

CANDOR_APP_DEBUG := $(CARGO_TARGET_DIR)/debug/candor-app
CANDOR_APP_RELEASE := $(CARGO_TARGET_DIR)/release/candor-app

# The desktop app: the UI is built into ui/dist, which the Rust binary embeds.
ui:
	npm --prefix ui run build

app: toolchain
	@bash scripts/install-deps.sh apt ui
	@$(MAKE) ui
	$(CARGO) build $(LOCKED) -p candor-app

run: app
	$(CANDOR_APP_DEBUG)

# Building and exporting needs only the Rust toolchain (fonts come from assets/).
example: toolchain
	@test -f $(EXAMPLE) || { echo "make: $(EXAMPLE) is missing" >&2; exit 1; }
	$(CARGO) build $(LOCKED) -p candor-cli
	@mkdir -p $(OUT)
	$(CANDOR_DEBUG) export $(EXAMPLE) --pdf $(OUT)/example-1.pdf --html $(OUT)/example-1.html
	@echo
	@echo "PDF:  $(OUT)/example-1.pdf"
	@echo "HTML: $(OUT)/example-1.html"

test: deps toolchain
	@$(MAKE) fmt-check
	@$(MAKE) ui
	@$(MAKE) lint
	@$(MAKE) ui-check
	@$(MAKE) checkers-selftest
	@$(MAKE) rust-tests
	@$(MAKE) e2e

fmt-check:
	$(CARGO) fmt --all --check

lint:
	$(CARGO) clippy $(LOCKED) --workspace --all-targets -- -D warnings

# The UI: type check (svelte-check, warnings are errors), then the Vitest unit tests.
ui-check:
	npm --prefix ui run check
	npm --prefix ui test

checkers-selftest:
	bash tests/checkers/selftest.sh

# nextest runs the tests (its closing "Summary ... N passed" line is the run's last); doctests,
# which nextest does not run, go first through cargo test.
rust-tests:
	@if $(CARGO) nextest --version >/dev/null 2>&1; then \
	  echo "$(CARGO) test $(LOCKED) --workspace --doc"; \
	  $(CARGO) test $(LOCKED) --workspace --doc; \
	  echo "$(CARGO) nextest run $(LOCKED) --workspace --no-fail-fast"; \
	  $(CARGO) nextest run $(LOCKED) --workspace --no-fail-fast --no-tests=warn; \
	else \
	  echo "$(CARGO) test $(LOCKED) --workspace --no-fail-fast"; \
	  $(CARGO) test $(LOCKED) --workspace --no-fail-fast; \
	fi

bench: toolchain
	@bash scripts/install-deps.sh apt python
	$(CARGO) build $(LOCKED) --release -p candor-cli
	$(CANDOR_PYTHON) bench/run.py --candor $(CANDOR_RELEASE) $(BENCH_ARGS)
	@mkdir -p $(OUT)/bench
	$(CANDOR_PYTHON) -c "import typst; typst.compile('crates/candor-pdf/tests/fixtures/long.typ', output='$(OUT)/bench/long-300.pdf')"
	@echo
	@echo "PDF import beside pdftotext (target: within 2x):"
	$(CARGO) run $(LOCKED) --release -q -p candor-pdf --example time_import -- \
	  $(wildcard ../shared/corpus/*.pdf) $(OUT)/bench/long-300.pdf
	@echo
	@echo "Plain-language analysis of a 100,000-word document (targets: under 200 ms; under 5 ms after editing one paragraph):"
	$(CARGO) run $(LOCKED) --release -q -p candor-analysis --example plain_language_bench
	@echo
	@echo "Live preview: keystrokes in a 40-page document, incremental beside no reuse (target: under 150 ms):"
	$(CARGO) run $(LOCKED) --release -q -p candor-core --example preview_latency
	@echo
	@echo "Readability beside textstat (PyPI) on the same texts:"
	$(CANDOR_PYTHON) bench/readability_vs_textstat.py
	@echo
	@echo "Desktop app: cold start to an interactive window, memory with the corpus open (targets: under 1500 ms, under 300 MB PSS):"
	@bash scripts/install-deps.sh ui e2e
	@$(MAKE) ui
	$(CARGO) build $(LOCKED) --release -p candor-app
	python3 bench/app_metrics.py --app $(CANDOR_APP_RELEASE) --cli $(CANDOR_RELEASE)

# The end-to-end tests: the real window under Xvfb, driven through tauri-driver (tests/e2e/).
# Screenshots and logs go to out/e2e/.
.PHONY: e2e
e2e:
	@bash scripts/install-deps.sh apt e2e
	@$(MAKE) app
	bash scripts/e2e.sh $(CANDOR_APP_DEBUG)

clean:
	rm -rf $(OUT)
	$(CARGO) clean

distclean: clean
	rm -rf .venv tests/checkers/node_modules
