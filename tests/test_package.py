"""The package itself: its Japanese messages, its domain's merge, its code style."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from datetime import datetime
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from conftest import REPO_DIR

from jekyll_posts.core.backlinks import LinkTarget
from jekyll_posts.core.entries import PageEntry, TaxonomyIndex
from jekyll_posts.core.problems import Problem
from jekyll_posts.core.search import SearchPage, index_page
from jekyll_posts.sphinxext.domain import JekyllDomain, PageReferences

LOCALE = REPO_DIR / "jekyll_posts" / "locale" / "ja" / "LC_MESSAGES"
TOKYO = ZoneInfo("Asia/Tokyo")


def test_compiled_messages_match_the_po_file() -> None:
    with (LOCALE / "sphinx.po").open("rb") as po_file:
        catalog = read_po(po_file, locale="ja")
    compiled = BytesIO()
    write_mo(compiled, catalog)
    with (LOCALE / "sphinx.mo").open("rb") as mo_file:
        shipped = read_mo(mo_file)
    expected = read_mo(BytesIO(compiled.getvalue()))
    assert {m.id: m.string for m in shipped if m.id} == {m.id: m.string for m in expected if m.id}
    assert all(message.string for message in catalog if message.id), "untranslated message"


def entry(docname: str, **fields: object) -> PageEntry:
    values: dict[str, object] = {
        "title": docname,
        "is_post": True,
        "date": datetime(2026, 1, 1, tzinfo=TOKYO),
        "draft": False,
        "tags": (),
        "categories": (),
        "authors": (),
        "summary": "",
    }
    values.update(fields)
    return PageEntry(docname=docname, **values)  # type: ignore[arg-type]


def test_the_package_data_holds_every_static_file_and_template() -> None:
    """A wheel has only what package-data lists: the search script was once left out."""
    pyproject = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))
    package = REPO_DIR / "jekyll_posts"
    listed = {
        path
        for pattern in pyproject["tool"]["setuptools"]["package-data"]["jekyll_posts"]
        for path in package.glob(pattern)
    }
    files = {path for folder in ("static", "templates") for path in (package / folder).rglob("*") if path.is_file()}
    assert files - listed == set()


def test_domain_merges_pages_read_in_another_process() -> None:
    config = SimpleNamespace(jekyll_posts_timezone="Asia/Tokyo", blog_path="blog", blog_authors={})
    main = JekyllDomain(SimpleNamespace(domaindata={}, config=config))  # type: ignore[arg-type]
    main.note_page(entry("a", tags=("x",)))
    links = PageReferences((("tag", "X"),), has_postlist=False, links_documents=False, shows_titles=False)
    targets = (LinkTarget("doc", "a"),)
    problem = Problem(3, "date", "date: 'next tuesday' does not start with a YYYY-MM-DD date")
    indexed = index_page(SearchPage("b.html", "B", "", (), "本文の推論", (0.0, "B")), str)
    worker_data = {
        "pages": {"b": entry("b", tags=("X",)), "c": entry("c")},
        "references": {"b": links, "c": links},
        "links": {"b": targets, "c": targets},
        "problems": {"b": (problem,), "c": (problem,)},
        "indexed": {"b": indexed, "c": indexed},
        "reads_posts": {"b": True, "c": True},
    }
    main.merge_domaindata({"b"}, worker_data)
    assert sorted(main.pages) == ["a", "b"]
    assert main.references == {"b": links}
    assert main.links == {"b": targets}
    assert main.problems == {"b": (problem,)}
    assert main.indexed_pages == {"b": indexed}  # search's terms, split and stemmed by the worker
    assert main.readers_of_posts == {"b"}
    term = main.index.find("tag", "x")
    assert term is not None and [e.docname for e in term.posts] == ["a", "b"]


def test_index_orders_posts_newest_first_then_pages_and_hides_drafts() -> None:
    entries = [
        entry("old", tags=("t",), date=datetime(2024, 1, 1, tzinfo=TOKYO)),
        entry("new", tags=("T",), date=datetime(2026, 1, 1, tzinfo=TOKYO)),
        entry("draft", tags=("t",), draft=True),
        entry("future", tags=("t",), date=datetime(2999, 1, 1, tzinfo=TOKYO)),
        entry("wiki", tags=("t",), is_post=False, date=None, title="Wiki"),
    ]
    term = TaxonomyIndex(entries, datetime(2027, 1, 1, tzinfo=TOKYO)).find("tag", "t")
    assert term is not None
    assert [e.docname for e in term.posts] == ["new", "old"]
    assert [e.docname for e in term.pages] == ["wiki"]
    assert term.name == "t"


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "jekyll_posts", "tests", "conf.py"],
        [sys.executable, "-m", "ruff", "format", "--check", "jekyll_posts"],
        [sys.executable, "-m", "mypy", "jekyll_posts"],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_code_style(command: list[str]) -> None:
    if shutil.which("ruff", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("ruff and mypy come with requirements-dev.txt")
    result = subprocess.run(command, cwd=REPO_DIR, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
