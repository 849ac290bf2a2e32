# Two commands: `make run` (set up, migrate, load demo data, serve on :3000 in production mode)
# and `make test` (the same set-up plus Chromium, then the whole test suite). Both are idempotent;
# stamps make a second run skip what is already installed.
SHELL := /bin/bash
.DEFAULT_GOAL := run
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
NODE_MODULES := toolchain/node_modules
PORT ?= 3000

export PATH := $(CURDIR)/$(NODE_MODULES)/node/bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_BUN_PATH := $(CURDIR)/$(NODE_MODULES)/bun/bin/bun.exe
export REFLEX_TELEMETRY_ENABLED := false

.PHONY: run test setup migrate demo lint chromium

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

$(NODE_MODULES)/.installed: toolchain/package.json toolchain/package-lock.json
	cd toolchain && npm ci --no-audit --no-fund --loglevel=error
	test -x $(NODE_MODULES)/node/bin/node && test -x $(NODE_MODULES)/bun/bin/bun.exe
	touch $@

setup: $(VENV)/.installed $(NODE_MODULES)/.installed

migrate: setup
	$(VENV)/bin/reflex db migrate

demo: migrate
	$(VENV)/bin/wallet demo

run: demo
	$(VENV)/bin/reflex run --env prod --frontend-port $(PORT) --backend-port $(PORT)

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup chromium lint
	$(VENV)/bin/pytest -q
