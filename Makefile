# The project's tasks. `make serve` and `make test` are all the set-up there is:
# each creates .venv from the locked requirements when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve preview build test check translations lint lock clean

$(BIN)/.installed: requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

# Test-only tools from npm (the Nu HTML Checker), locked in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## serve: build and preview the site with live reload at http://127.0.0.1:8000
serve: $(BIN)/.installed
	SITE_PREVIEW=1 $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

## preview: quick preview for editors: one language (ONLY=fr; default en), rebuilt on every save
ONLY ?= en
preview: $(BIN)/.installed
	SITE_PREVIEW=1 SITE_LOCALE=$(ONLY) $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

## build: the one official build: every language in parallel into site/, failing on any warning
build: $(BIN)/.installed
	$(BIN)/python scripts/build.py --site-dir site

## check: validate every content file, then convert it as the build does (into a temporary folder)
check: $(BIN)/.installed
	$(BIN)/python scripts/check.py

## translations: what is current, outdated or missing in each language
translations: $(BIN)/.installed
	$(BIN)/python scripts/translations.py status

## test: the whole test suite (builds the real site; browser tests need chromium)
test: $(BIN)/.installed node_modules/.installed
	$(BIN)/ruff check scripts overrides tests
	$(BIN)/ruff format --check scripts overrides tests
	$(BIN)/mypy
	$(BIN)/python scripts/check.py
	$(BIN)/python -m pytest

## lint: format and lint the Python code
lint: $(BIN)/.installed
	$(BIN)/ruff format scripts overrides tests
	$(BIN)/ruff check --fix scripts overrides tests

## lock: regenerate the hashed requirement locks from requirements*.in
lock: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements-test.txt requirements-test.in

clean:
	rm -rf site .pytest_cache node_modules
