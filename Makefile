# Two entry points: `make demo` and `make test`. Each builds .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DOVECOT := /usr/sbin/dovecot
CHROMIUM := /usr/lib/chromium/chromium-headless-shell

.PHONY: demo test lint typecheck servers clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { apt-get update && apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	@command -v git >/dev/null || { apt-get update && apt-get install -y --no-install-recommends git; } \
		|| echo "warning: git is missing; the demo leaves out the branch proof"
	$(BIN)/intake demo --dir demo

servers:
	@test -x $(DOVECOT) && command -v systemd-analyze >/dev/null && command -v openssl >/dev/null \
		&& command -v git >/dev/null && test -x $(CHROMIUM) || \
		{ apt-get update && apt-get install -y --no-install-recommends dovecot-imapd systemd openssl \
			git chromium-headless-shell; } \
		|| echo "warning: could not install the test servers or the browser; those tests will be skipped"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check intake tests $(wildcard bench)
	$(BIN)/ruff format --check intake tests $(wildcard bench)

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

test: $(VENV)/.installed-test servers lint typecheck
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache .hypothesis
