# Two commands: `make run` serves the demo site, `make test` runs every test.
# Both build .venv first with a Python of 3.12 or newer, and reinstall only
# when requirements*.txt change.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.requirements-installed

.PHONY: run test test-fast test-browser lint format bench clean-venv quality edge

# Newest first: python3.13/python3.12 on PATH, then pyenv's versions folder.
define find_python
for candidate in python3.14 python3.13 python3.12 \
    $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.1[2-9]* 2>/dev/null | sort -rV | sed 's|$$|/bin/python3|'); do \
  if command -v "$$candidate" >/dev/null 2>&1 && \
     "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    command -v "$$candidate"; exit 0; \
  fi; \
done; exit 1
endef

$(PY):
	@python=$$($(find_python)) || { \
	  echo "No Python 3.12 or newer found. Django 6.1 needs it: install python3.12 or newer" >&2; \
	  echo "(e.g. 'apt-get install python3.13' or 'pyenv install 3.13') and run make again." >&2; \
	  exit 1; }; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(PY) manage.py load_demo
	@echo ""
	@echo "  Site:   http://127.0.0.1:$(PORT)/"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/"
	@echo "  Logins: editor, reporter, photodesk, chief; password: $${NEWSROOM_DEMO_PASSWORD:-newsroom-demo}"
	@echo ""
	DEBUG=$${DEBUG:-true} PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The site behind Varnish as in production, on loopback: EDGE_PORT=8080 for readers, gunicorn on APP_PORTS=8081
# (APP_PORTS=8081,8082 runs two app servers). Needs varnish and varnish-modules; see README, "Edge cache".
edge: $(STAMP)
	PYTHON=$(PY) deploy/edge.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The HTML checker and axe-core for the quality tests, from package-lock.json. --ignore-scripts:
# vnu-jar's install script would try to download a Java runtime; the machine's Java is used.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: the HTML-checker and axe tests will be skipped (and say so)."; fi

test: lint node_modules/.package-lock.json
	$(PY) -m pytest $(PYTEST_ARGS)

# Everything but the browser and validator tests (a quick loop while working), and those alone.
test-fast: $(STAMP)
	$(PY) -m pytest -m "not browser and not validator" $(PYTEST_ARGS)

test-browser: $(STAMP) node_modules/.package-lock.json
	$(PY) -m pytest -m "browser or validator" $(PYTEST_ARGS)

# The benchmark at 100,000 stories on SQLite and PostgreSQL, Varnish in front, and the newsroom simulation
# (about 20 minutes on a fresh clone; installs wrk, nginx, varnish and varnish-modules when missing): bench/RESULTS.md.
bench: $(STAMP)
	$(PY) bench/run.py

# The quality bars on a fresh demo site: Nu Html Checker, axe-core, Lighthouse (tools/quality/REPORT.md).
quality: $(STAMP)
	tools/quality/run.sh

clean-venv:
	rm -rf $(VENV)
