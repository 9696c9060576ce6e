"""A kind of generated page registered by another extension gets everything the built-in ones get.

The ``page-kind`` root's local extension (``people.py``) registers one kind
of page (every author with their number of posts) with ``register_page_kind``
and edits no module of this package.  The page is written, written again only
when what it shows changed, removed when it is gone, and checked for URL
clashes with documents, and the incremental site equals a clean one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Built, build, copy_root
from test_incremental import assert_same_site

PEOPLE = "blog/people.html"


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path, Built]:
    srcdir = copy_root("page-kind", tmp_path)
    builddir = tmp_path / "_build"
    return srcdir, builddir, build(srcdir, builddir)


def people(built: Built) -> list[str]:
    return [item.get_text() for item in built.soup(PEOPLE).select("ul.people li")]


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_page_is_written(site: tuple[Path, Path, Built]) -> None:
    _, _, built = site
    assert built.warnings == ""
    assert people(built) == ["佐藤花子 (1)", "山田太郎 (1)"]


def test_it_is_written_again_only_when_what_it_shows_changes(site: tuple[Path, Path, Built], tmp_path: Path) -> None:
    srcdir, builddir, built = site
    page = built.outdir / PEOPLE
    written = page.stat().st_mtime_ns
    edit(srcdir / "posts" / "2026-01-02-second.md", "The second post.", "The second post, longer.")
    build(srcdir, builddir)
    assert page.stat().st_mtime_ns == written  # a body edit shows nowhere on it
    edit(srcdir / "posts" / "2026-01-02-second.md", "author: 佐藤花子", "author: 山田太郎")
    rebuilt = build(srcdir, builddir)
    assert page.stat().st_mtime_ns != written
    assert people(rebuilt) == ["山田太郎 (2)"]
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_it_is_removed_when_it_is_gone(site: tuple[Path, Path, Built], tmp_path: Path) -> None:
    srcdir, builddir, _ = site
    for post in (srcdir / "posts").glob("*.md"):
        edit(post, "author:", "owner:")
    rebuilt = build(srcdir, builddir)
    assert not (rebuilt.outdir / PEOPLE).exists()
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_a_document_at_its_url_is_warned_about_and_kept(site: tuple[Path, Path, Built]) -> None:
    srcdir, builddir, _ = site
    (srcdir / "blog").mkdir()
    (srcdir / "blog" / "people.md").write_text("---\norphan: true\n---\n\n# Our people\n", encoding="utf-8")
    rebuilt = build(srcdir, builddir)
    assert f"{srcdir}/blog/people.md:1: WARNING: two pages for one URL" in rebuilt.warnings
    assert rebuilt.soup(PEOPLE).find("h1").get_text().rstrip("#") == "Our people"
    (srcdir / "blog" / "people.md").unlink()
    rebuilt = build(srcdir, builddir)
    assert people(rebuilt) == ["佐藤花子 (1)", "山田太郎 (1)"]  # the generated page is back
