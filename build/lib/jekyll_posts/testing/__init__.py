"""Helpers for testing and benchmarking sites built with this package, as ``sphinx.testing`` is for Sphinx.

- :mod:`.corpus`: N Jekyll-style Japanese posts, made deterministically;
- :mod:`.browser`: a static server and Debian's Chromium driven by Playwright;
- :mod:`.preview`: ``jekyll-posts serve`` run in the background, its pages and its builds;
- :mod:`.search`: queries cut from pages' own text, and the pages that hold them.

Nothing here is used when a site is built.
"""
