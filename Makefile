# Everything a fresh machine needs: `make audit` and `make test` create or reuse .venv and install into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: audit test test-slow models bench browser clean

$(STAMP): pyproject.toml setup.py src/sourcetrace/references/_viterbi.pyx src/sourcetrace/references/features.py src/sourcetrace/references/fields.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "sourcetrace needs Python >= 3.11")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,server,dask]'
	@touch $(STAMP)

## audit the bundled example article and print the report
audit: $(STAMP)
	$(VENV)/bin/sourcetrace audit examples/article.txt

## run the test suite (browser tests need Debian's chromium: `make browser` installs it)
test: $(STAMP)
	$(PY) -m pytest -q

test-slow: $(STAMP)
	$(PY) -m pytest -q --slow

## headless Chromium + chromedriver for the browser tests (Debian packages; needs root)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

## rebuild the trained models from ../shared/data
models: $(STAMP)
	$(PY) scripts/train_attributions.py
	$(PY) scripts/make_web_citations.py
	$(PY) scripts/web_citations_handtest.py
	$(PY) scripts/train_references.py

## the benchmarks whose figures are in BENCHMARKS.md (slow; needs ../shared)
bench: $(STAMP)
	$(PY) bench/attributions.py
	$(PY) bench/references.py
	$(PY) bench/extraction.py
	$(PY) bench/findings.py
	$(PY) bench/corpus.py --skip-pages
	$(PY) bench/server.py --requests 200 --concurrency 4

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
