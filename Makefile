# `make html` and `make test` set themselves up: the first run creates .venv
# from the pinned requirements.txt, later runs reuse it.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
SPHINXOPTS ?= -W --keep-going
BUILDDIR   ?= _build

N ?= 1000
TEST_WORKERS ?= auto
PORT ?= 8000

.PHONY: html serve test check post import bench bench-features screenshots clean locale help

help:
	@echo "make html   build docs/ into $(BUILDDIR)/html (warnings are errors)"
	@echo "make serve  preview on http://127.0.0.1:$(PORT)/ (PORT=8001), rebuilt and reloaded on every save"
	@echo "make test   run the test suite"
	@echo "make check  check every post's front matter without building"
	@echo "make post TITLE=\"...\" [TAGS=a,b CATEGORY=c AUTHOR=n SLUG=s DRAFT=1]  write a new post in docs/posts/"
	@echo "make import SRC=path/to/jekyll-site  move a Jekyll site's posts, drafts, data and images in"
	@echo "make bench N=1000  build benchmark, ours beside stock Sphinx"
	@echo "make bench-features N=1000  where a serial build's time goes, feature by feature"
	@echo "make screenshots  build docs/ and refresh the README's pictures in screenshots/"
	@echo "make clean  remove $(BUILDDIR)"

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -e .
	touch $@

html: $(STAMP)
	$(BIN)/sphinx-build -b html -c . -d $(BUILDDIR)/doctrees docs $(BUILDDIR)/html $(SPHINXOPTS)

# make html's build, in the same folders, served and rebuilt on every save (jekyll-posts serve --help).
serve: $(STAMP)
	$(BIN)/jekyll-posts serve docs --conf-dir . --build-dir $(BUILDDIR) --port $(PORT)

# The tests' folders go to memory (/dev/shm) when it has 4 GB free: a run writes about 1.3 GB
# in 74,000 files, and on a virtual machine's disk that took a fifth of its time. A run whose
# tests all pass leaves nothing behind (tmp_path_retention_policy in pyproject.toml).
TEST_TMPDIR ?= $(shell df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 && $$4 > 4194304 { print "/dev/shm" }')

# One worker a core (pytest-xdist); a worker that runs out of tests takes some of another's.
test: $(STAMP)
	$(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR)) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

check: $(STAMP)
	$(BIN)/jekyll-posts-check docs

# make post TITLE="..." writes a new post (jekyll-posts new --help for the rest). The
# values reach the command through the environment (make exports the variables set on
# its command line), so quotes need no escaping; a $ is make's own: write $$.
post: $(STAMP)
	$(BIN)/jekyll-posts new "$$TITLE" $${TAGS:+--tags "$$TAGS"} $${CATEGORY:+--category "$$CATEGORY"} \
		$${AUTHOR:+--author "$$AUTHOR"} $${SLUG:+--slug "$$SLUG"} $${DRAFT:+--draft}

# Asked before the virtualenv is made, so a forgotten SRC costs nothing.
ifneq ($(filter import,$(MAKECMDGOALS)),)
ifeq ($(SRC),)
$(error usage: make import SRC=path/to/jekyll-site)
endif
endif

import: $(STAMP)
	$(BIN)/jekyll-posts import "$(SRC)"

bench: $(STAMP)
	$(BIN)/python bench/builds.py $(N)

bench-features: $(STAMP)
	$(BIN)/python bench/features.py $(N)

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

# Recompile the Japanese messages after editing the .po file.
locale: $(STAMP)
	$(BIN)/pybabel compile -l ja -i jekyll_posts/locale/ja/LC_MESSAGES/sphinx.po \
		-o jekyll_posts/locale/ja/LC_MESSAGES/sphinx.mo

clean:
	rm -rf $(BUILDDIR)
