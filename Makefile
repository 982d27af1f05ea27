# Two commands do everything on a fresh machine:
#   make run   install, migrate, load the starting content, serve on http://127.0.0.1:$(PORT)/
#   make test  install, lint, check migrations, run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
PORT ?= 8000
TEST_ENV := DJANGO_SETTINGS_MODULE=peersupport.settings.test

.PHONY: install run serve seed lint format check-migrations test clean help

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/:/'

$(STAMP): requirements.txt
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)  ## Create .venv with the pinned dependencies.

seed: install  ## Migrate and load the starting content (safe to repeat).
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_content

run: seed  ## Serve the site with its starting content and a development admin.
	PORT=$(PORT) $(PY) manage.py ensure_dev_admin
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install  ## ruff lint and format check.
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install  ## Apply ruff's fixes and formatting.
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-migrations: install  ## Django's system checks, and no model change without a migration.
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run --noinput

test: lint check-migrations  ## Everything CI runs.
	$(TEST_ENV) $(PY) -m pytest

clean:  ## Remove the virtual environment, database and collected files.
	rm -rf $(VENV) db.sqlite3 collected-static
