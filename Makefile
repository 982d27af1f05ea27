# Two commands do everything on a fresh machine:
#   make run   install, migrate, load the starting content, serve on http://127.0.0.1:$(PORT)/
#   make test  install, lint, check migrations, run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
PORT ?= 8000
TEST_ENV := DJANGO_SETTINGS_MODULE=peersupport.settings.test

.PHONY: install messages run serve seed lint format check-migrations test test-sqlite test-production system-packages \
	clean help elasticsearch relevance bench-search bench bench-scale load

# Elasticsearch 8, built from Maven Central by the Maven project in search/elasticsearch.
ES_PROJECT := search/elasticsearch
ES_BUILD := $(ES_PROJECT)/target/peersupport-elasticsearch-1.0.jar
ES_NODES ?= 1
ES_PORT ?= 9200
# make test runs its own node here (HTTP on TEST_ES_PORT + 1, transport on + 101), clear of
# a developer's node from `make elasticsearch` (HTTP 9201, transport 9301).
TEST_ES_PORT ?= 9400
# make bench-search runs a node of its own too (HTTP 9601).
BENCH_ES_PORT ?= 9600
BENCH_ENV := DJANGO_SETTINGS_MODULE=peersupport.settings.bench ELASTICSEARCH_INDEX_PREFIX=bench_
# make bench-scale: a node (HTTP 9701) and a database (.bench-scale/) of its own, so it can run beside bench-search.
SCALE_ES_PORT ?= 9700

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/:/'

$(STAMP): requirements.txt
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# Django reads compiled catalogues; they are built from the .po files the repo carries.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

$(MO_FILES): %.mo: %.po $(STAMP)
	$(PY) manage.py compile_translations

install: $(STAMP) $(MO_FILES)  ## Create .venv with the pinned dependencies; compile the interface translations.

# axe-core for the browser tests; the site itself has no JavaScript build.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-packages:  ## Install Debian's PostgreSQL, Redis, Chromium and Varnish if missing (needs root or sudo).
	ops/install-system-packages

messages: install  ## Refresh the Spanish catalogues from the code and content (needs GNU gettext: apt-get install gettext).
	$(PY) manage.py makemessages -l es --no-obsolete --ignore=.venv --ignore=collected-static --ignore=.elasticsearch \
		--ignore=.bench --ignore="*/content/*"
	$(PY) manage.py update_content_catalogues --language es

seed: install  ## Migrate and load the starting content (safe to repeat).
	$(PY) manage.py migrate --noinput
	# Creates the search indexes with their analysis settings before content is added to them.
	$(PY) manage.py update_index
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

# The suite runs twice: on the embedded defaults (SQLite), and on production
# settings with a PostgreSQL and a Redis server of its own; each uses a real
# Elasticsearch node of its own, which the suite starts and stops.
TEST_ES_URL = http://127.0.0.1:$(shell echo $$(($(TEST_ES_PORT) + 1)))
PRODUCTION_TEST_ES_PORT ?= 9800
PRODUCTION_TEST_ES_URL = http://127.0.0.1:$(shell echo $$(($(PRODUCTION_TEST_ES_PORT) + 1)))
TEST_PG_PORT ?= 5499
TEST_REDIS_PORT ?= 6399
PRODUCTION_TEST_ENV := DJANGO_SETTINGS_MODULE=peersupport.settings.test_production SECRET_KEY=test-only-production-key \
	ALLOWED_HOSTS=testserver,localhost,127.0.0.1 STATIC_ROOT=$(CURDIR)/.test-static TEST_MEDIA_ROOT=/tmp/peersupport-test-media-production

test: lint check-migrations  ## Everything CI runs: lint, migrations, then both runs side by side (one per core).
	$(MAKE) --no-print-directory --output-sync=target -j2 test-sqlite test-production

test-sqlite: install system-packages $(AXE) $(ES_BUILD)  ## The suite on the embedded defaults, browser tests included.
	$(TEST_ENV) ELASTICSEARCH_URL=$(TEST_ES_URL) ELASTICSEARCH_INDEX_PREFIX=test_ $(PY) -m pytest $(PYTEST_ARGS)

test-production: install system-packages $(ES_BUILD)  ## The suite on production settings, PostgreSQL and Redis.
	$(PRODUCTION_TEST_ENV) DATABASE_URL=postgres://unused/unused REDIS_URL=redis://unused \
		$(PY) manage.py collectstatic --noinput -v0
	ops/with-services $(TEST_PG_PORT) $(TEST_REDIS_PORT) env $(PRODUCTION_TEST_ENV) \
		ELASTICSEARCH_URL=$(PRODUCTION_TEST_ES_URL) ELASTICSEARCH_INDEX_PREFIX=test_ $(PY) -m pytest -m "not live_site" $(PYTEST_ARGS)

$(ES_BUILD): $(ES_PROJECT)/pom.xml $(shell find $(ES_PROJECT)/src $(ES_PROJECT)/modules -type f)
	mvn -q -B -f $(ES_PROJECT)/pom.xml package

elasticsearch: $(ES_BUILD)  ## Run ES_NODES Elasticsearch nodes on 127.0.0.1 (HTTP from ES_PORT+1); Ctrl-C stops them.
	$(ES_PROJECT)/start -numOfNode $(ES_NODES) -baseHttpPort $(ES_PORT) -basePath .elasticsearch/data

relevance: seed  ## hit@1, hit@3 and MRR of the relevance set on each search backend (set ELASTICSEARCH_URL for Elasticsearch).
	$(PY) manage.py search_relevance --misses

bench-search: install $(ES_BUILD)  ## Benchmark search at 100 and 10,000 pages on Elasticsearch and the database (about 6 minutes).
	rm -rf .bench && mkdir -p .bench
	$(BENCH_ENV) $(ES_PROJECT)/with-node $(BENCH_ES_PORT) .elasticsearch/bench sh -c '\
		$(PY) manage.py migrate --noinput -v0 && $(PY) manage.py update_index -v0 && \
		$(PY) manage.py seed_content >/dev/null && $(PY) manage.py bench_search $(BENCH_ARGS)'

bench-scale: install $(ES_BUILD)  ## State index, compare, search, sitemap and update_index as the site grows to 10,000 pages; writes docs/scale.md.
	rm -rf .bench-scale && mkdir -p .bench-scale
	$(BENCH_ENV) BENCH_DATABASE=$(CURDIR)/.bench-scale/bench.sqlite3 PAGE_CACHE=off \
		$(ES_PROJECT)/with-node $(SCALE_ES_PORT) .elasticsearch/bench-scale sh -c '\
		$(PY) manage.py migrate --noinput -v0 && $(PY) manage.py update_index -v0 && \
		$(PY) manage.py seed_content >/dev/null && $(PY) manage.py bench_scale $(BENCH_ARGS)'

bench: install $(ES_BUILD)  ## Load every kind of page with wrk: gunicorn (uncached, page cache) beside nginx; writes docs/performance.md.
	ops/install-system-packages nginx-light wrk
	ops/with-services 5599 6499 $(ES_PROJECT)/with-node 9900 .elasticsearch/bench-site $(PY) ops/bench.py $(BENCH_ARGS)

load: install $(ES_BUILD)  ## 60 s of mixed load, then Elasticsearch, Redis and PostgreSQL failing under load, and a publish; writes docs/load.md (about 7 minutes).
	ops/install-system-packages nginx-light wrk
	ops/with-services 5699 6599 $(PY) ops/load.py $(LOAD_ARGS)

clean:  ## Remove the virtual environment, database, collected files and Elasticsearch's build and data.
	rm -rf $(VENV) db.sqlite3 collected-static .test-static .elasticsearch .bench .bench-scale $(ES_PROJECT)/target node_modules test-results
