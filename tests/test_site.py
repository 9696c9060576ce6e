"""The shipped site: `make html`'s command builds docs/ cleanly (Read the Docs: tests/test_installed.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import REPO_DIR, Site, tree_fingerprint

DOCS = REPO_DIR / "docs"
SAMPLE = "posts/2026-01-01-llama-4-ai-future"


def test_docs_build_with_no_warnings(docs_site: Site) -> None:
    assert docs_site.returncode == 0, docs_site.stderr
    assert docs_site.stderr == ""


def test_build_leaves_docs_untouched(docs_site: Site) -> None:
    assert tree_fingerprint(DOCS) == docs_site.docs_before


def test_every_post_in_docs_has_a_page(docs_site: Site) -> None:
    outdir = docs_site.outdir
    posts = sorted(path.relative_to(DOCS).with_suffix(".html") for path in (DOCS / "posts").rglob("*.md"))
    assert len(posts) >= 7
    for page in posts:
        assert (outdir / page).is_file(), page


def test_sample_post_page(docs_site: Site) -> None:
    outdir = docs_site.outdir
    soup = BeautifulSoup((outdir / f"{SAMPLE}.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text(strip=True).rstrip("#") == (
        "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"
    )
    assert soup.find("html")["lang"] == "ja"
    assert "2026年1月1日" in soup.select_one(".jekyll-post-info").get_text()


def test_wiki_page_links_to_a_post(docs_site: Site) -> None:
    outdir = docs_site.outdir
    soup = BeautifulSoup((outdir / "wiki" / "onboarding.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.select("article a.reference.internal")]
    assert f"../{SAMPLE}.html" in hrefs
