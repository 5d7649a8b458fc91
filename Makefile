# Two entry points for people (README): `make serve` and `make test`.
# Everything else here is the set-up those two need on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# A stamp named after the hash of what it was installed from: set-up runs again when the pins
# change, not when a fresh clone merely makes pyproject.toml newer than an existing .venv.
DEPS   := $(VENV)/.deps-$(shell cat pyproject.toml | sha256sum | cut -c1-16)
NODE   := node_modules/.deps-$(shell cat package.json package-lock.json | sha256sum | cut -c1-16)

.PHONY: serve test check build build-zensical standin benchmark regen update-goldens diagrams lint format clean chromium nginx redis pythons

# `python -m` puts the project root on sys.path: mkdocs.yml's extensions are in siteparts/.
serve: $(DEPS)
	$(BIN)/python -m mkdocs serve --strict -a 127.0.0.1:8000

test: $(DEPS) $(NODE) chromium nginx redis pythons
	$(BIN)/python -m pytest -n auto --dist loadgroup

# Everything a change to one page folder can break (tests/support/check.py says what), with the
# site built once: make check PAGE=cancellation.
check: $(DEPS) $(NODE) chromium nginx redis pythons
	@test -n "$(PAGE)" || { echo "make check PAGE=<page-folder>: a folder of snippets/, e.g. PAGE=cancellation"; exit 2; }
	$(BIN)/python -m pytest $$($(BIN)/python -m tests.support.check) --page $(PAGE) -n 2 --dist loadgroup

build: $(DEPS)
	$(BIN)/python -m mkdocs build --strict

# The same mkdocs.yml built by Zensical, Material's successor (README: For maintainers). It runs
# no MkDocs hook, so llms.txt and the pages' Markdown are written after it, as MkDocs' hook does.
build-zensical: $(DEPS)
	$(BIN)/python -m zensical build --clean --strict
	$(BIN)/python -m siteparts.llms site

# Start the local Messages API stand-in by hand (see README).
standin: $(DEPS)
	$(BIN)/python -m standin --port 4010

# Rewrite every file the suite generates (tests/support/generated.py lists them with what
# produces each), or one page folder's (PAGE=cancellation, or one snippet:
# PAGE=cancellation/stop_early.py), or one entry's (ONLY=diagrams).
regen: $(DEPS) $(NODE) chromium nginx redis pythons
	$(BIN)/python -m pytest $$($(BIN)/python -m tests.support.generated $(if $(PAGE),--page $(PAGE)) $(if $(ONLY),--only $(ONLY))) -n auto --update-goldens

# The names these had before `make regen`.
update-goldens: regen
diagrams:
	$(MAKE) regen ONLY=diagrams

benchmark: $(DEPS) nginx redis
	$(BIN)/python -m benchmark

lint: $(DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEPS)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(DEPS):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check 'pip>=25.1'
	$(BIN)/python -m pip install -q --disable-pip-version-check --group test
	@rm -f $(VENV)/.deps-* && touch $@

$(NODE):
	@command -v npm >/dev/null || { echo "npm is needed (Node.js 18+) to fetch mermaid and axe-core for the tests"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@rm -f node_modules/.deps-* && touch $@

# Every example also runs on each Python in pyproject.toml's example-pythons, each in
# .pythons/<version>/ with only the examples group; this creates the missing ones.
pythons: $(DEPS)
	$(BIN)/python -m tests.examples.harness.pythons

# The browser tests drive Debian's Chromium; install it when it is missing and we may.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is needed for the browser tests: install your system's chromium package"; exit 1; fi; }

# The reverse-proxy examples run Debian's nginx (started by the tests on a loopback port, never
# as a service); install it when it is missing and we may.
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq nginx >/dev/null; \
	  else echo "nginx is needed for the reverse-proxy examples: install your system's nginx package"; exit 1; fi; }

# The resumable relay keeps answers in Debian's redis-server (started by the tests on a loopback
# port, with no file kept, never as a service); install it when it is missing and we may.
redis:
	@command -v redis-server >/dev/null || test -x /usr/bin/redis-server || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq redis-server >/dev/null; \
	  else echo "redis-server is needed for the resumable relay examples: install your system's redis-server package"; exit 1; fi; }

clean:
	rm -rf $(VENV) .pythons node_modules site
