"""No document can stop the build: whatever raises while one document is read, parsed,
transformed or resolved becomes one warning at its file, serially and under ``-j``.

The ``exceptions`` root has a post whose link target no file system can hold
(MyST once stopped the build on it with ``OSError: File name too long``) and a
test-only extension (``raising.py``) that raises for one named post in each
phase: a transform, a post-transform, a ``doctree-read``, ``source-read`` and
``doctree-resolved`` handler.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from conftest import Built, build, copy_root

from jekyll_posts.check import main as check

WARNING = re.compile(r"^(?P<path>\S+?):(?:(?P<line>\d+):)? WARNING: (?P<message>.*) \[(?P<type>[\w.]+)\]$")
POSTS = ["01-fine", "02-long-link", "03-transform", "04-post-transform", "05-doctree-read", "06-source-read"]
POSTS += ["07-doctree-resolved", "08-fine"]
EXPECTED = {
    ("posts/2026-01-02-long-link.md", "6", "jekyll_posts.link"),
    ("posts/2026-01-03-transform.md", None, "jekyll_posts.document"),
    ("posts/2026-01-04-post-transform.md", None, "jekyll_posts.document"),
    ("posts/2026-01-05-doctree-read.md", None, "jekyll_posts.document"),
    ("posts/2026-01-06-source-read.md", None, "jekyll_posts.document"),
    ("posts/2026-01-07-doctree-resolved.md", None, "jekyll_posts.document"),
}


@pytest.fixture(scope="module", params=[0, 2], ids=["serial", "parallel"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("exceptions")
    return build(copy_root("exceptions", base), base / "_build", parallel=request.param)


def warnings_of(built: Built) -> list[tuple[str, str | None, str, str]]:
    found = []
    for line in built.warnings.splitlines():
        match = WARNING.match(line.replace(f"{built.srcdir}/", ""))
        assert match, line  # every warning names a file
        found.append((match["path"], match["line"], match["message"], match["type"]))
    return found


def test_each_failure_is_one_warning_at_its_file(built: Built) -> None:
    warnings = warnings_of(built)
    assert {(path, line, kind) for path, line, _, kind in warnings} == EXPECTED
    assert len(warnings) == len(EXPECTED)
    messages = {path: message for path, _, message, _ in warnings}
    assert "RuntimeError: a transform broke on this document" in messages["posts/2026-01-03-transform.md"]
    assert "UnicodeError: a source-read handler broke" in messages["posts/2026-01-06-source-read.md"]


def test_every_post_has_a_page_and_every_other_post_is_listed(built: Built) -> None:
    for name in POSTS:
        assert (built.outdir / "posts" / f"2026-01-{name}.html").is_file(), name
    listed = {Path(page).stem for page in built.listed_posts()}
    assert listed == {f"2026-01-{name}" for name in POSTS} - {"2026-01-06-source-read"}


def test_a_page_shows_what_could_be_read(built: Built) -> None:
    long_link = built.soup("posts/2026-01-02-long-link.html").select_one("article").get_text(" ")
    assert "リンクの前。 長いリンク リンクの後。" in " ".join(long_link.split())
    for name in ["03-transform", "04-post-transform", "05-doctree-read", "07-doctree-resolved"]:
        page = built.soup(f"posts/2026-01-{name}.html")
        assert "本文の段落です。" in page.select_one("article").get_text(), name
        assert page.select_one("article h1").get_text().rstrip("#") == f"Post {name.split('-', 1)[1]}"
    source = built.soup("posts/2026-01-06-source-read.html").select_one("article pre").get_text()
    assert source.startswith('---\ntitle: "Post source-read"')


def test_the_serial_and_parallel_builds_warn_alike(tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.mktemp("exceptions-both")
    srcdir = copy_root("exceptions", base)
    serial, parallel = build(srcdir, base / "serial"), build(srcdir, base / "parallel", parallel=2)
    assert sorted(warnings_of(serial)) == sorted(warnings_of(parallel))


def test_the_checker_reports_what_it_can_see(built: Built) -> None:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = check([str(built.srcdir)])
    reported = [line.replace(f"{built.srcdir}/", "") for line in output.getvalue().splitlines()[:-1]]
    warned = {f"{path}:{line}: {message} [{kind}]" for path, line, message, kind in warnings_of(built) if line}
    assert status == 1
    assert reported == sorted(warned)
