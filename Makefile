# The README's commands. `make demo` and `make test` set up a fresh machine (Python 3.11+ and pip).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: demo test crawl bench check-sources eval eval-dates eval-language eval-relevance gazetteer eval-dedupe bench-dedupe venv dev clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed
dev: $(VENV)/.dev-installed

demo: $(VENV)/.installed  ## serve the bundled demo site and crawl it offline
	$(PY) -m crawler.demo $(ARGS)

test: $(VENV)/.dev-installed  ## the test suite (offline)
	$(PY) -m pytest $(ARGS)

check-sources: $(VENV)/.installed  ## live check of the registry's endpoints (needs network): make check-sources ARGS=kloop
	$(VENV)/bin/scrapy sources check $(ARGS)

crawl: $(VENV)/.installed  ## scheduled, resumable crawl of every source (needs network): make crawl ARGS="--country KG"
	$(PY) -m crawler.run $(ARGS)

eval: $(VENV)/.dev-installed  ## extraction quality vs plain trafilatura on ../shared/corpus
	$(PY) -m tools.eval_extraction $(ARGS)

eval-dates: $(VENV)/.dev-installed  ## date accuracy vs htmldate on ../shared/corpus
	$(PY) -m tools.eval_dates $(ARGS)

eval-language: $(VENV)/.dev-installed  ## language detection accuracy/speed vs plain py3langid
	$(PY) -m tools.eval_language $(ARGS)

eval-relevance: $(VENV)/.dev-installed  ## about-Central-Asia precision/recall/speed on the labelled set
	$(PY) -m tools.eval_relevance $(ARGS)

gazetteer: $(VENV)/.dev-installed  ## rebuild crawler/geo/data/gazetteer.json from offline packages
	$(PY) -m crawler.geo.build_gazetteer

eval-dedupe: $(VENV)/.dev-installed  ## near-duplicate precision/recall on a set built from ../shared/corpus
	$(PY) -m tools.eval_dedupe $(ARGS)

bench: $(VENV)/.dev-installed  ## extraction, crawl and memory benchmarks (~12 min on 2 cores; ARGS=--quick for seconds)
	$(PY) -m tools.bench $(ARGS)

bench-dedupe: $(VENV)/.dev-installed  ## dedupe state at 1,000,000 fingerprints
	$(PY) -m tools.bench_dedupe_scale $(ARGS)

bench-redis: $(VENV)/.dev-installed  ## Redis dedupe state memory and speed (needs redis-server)
	$(PY) -m tools.bench_state_redis $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache data/demo
