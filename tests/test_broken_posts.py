"""A folder of broken posts: every problem warned at file:line, no post lost, the checker agrees."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOTS_DIR, Built, build, copy_root

from jekyll_posts.check import main as check

POSTS = sorted((ROOTS_DIR / "test-broken" / "posts").glob("*.md"))
NOT_LISTED = {"2026-01-14-draft", "2031-01-01-future"}  # published: false, and dated in the future
WARNING = re.compile(r"^(?P<path>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) \[(?P<type>jekyll_posts\.\w+)\]$")


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("broken")
    return build(copy_root("broken", base), base / "_build")


def warnings_of(built: Built) -> set[tuple[str, int, str, str]]:
    found = set()
    for line in built.warnings.splitlines():
        match = WARNING.match(line.replace(f"{built.srcdir}/", ""))
        if match:
            found.add((match["path"], int(match["line"]), match["message"], match["type"]))
    return found


@pytest.mark.parametrize(
    ("path", "line", "subtype"),
    [
        ("posts/2026-01-02-no-front-matter.md", 1, "front_matter"),
        ("posts/2026-01-03-empty.md", 1, "front_matter"),
        ("posts/2026-01-04-unclosed.md", 1, "front_matter"),
        ("posts/2026-01-05-yaml-error.md", 4, "yaml"),
        ("posts/2026-01-06-not-a-mapping.md", 2, "yaml"),
        ("posts/2026-01-07-tabs.md", 4, "yaml"),
        ("posts/2026-01-08-titles.md", 2, "title"),
        ("posts/2026-01-09-title-number.md", 2, "title"),
        ("posts/bad-date.md", 3, "date"),
        ("posts/2026-01-10-impossible.md", 3, "date"),
        ("posts/2026-01-11-mismatch.md", 3, "date"),
        ("posts/2031-01-01-future.md", 3, "date"),
        ("posts/2026-01-12-taxonomy.md", 3, "taxonomy"),
        ("posts/2026-01-12-taxonomy.md", 4, "taxonomy"),
        ("posts/2026-01-12-taxonomy.md", 5, "taxonomy"),
        ("posts/2026-01-12-taxonomy.md", 6, "unknown_key"),
        ("posts/2026-01-12-taxonomy.md", 7, "unknown_key"),
        ("posts/2026-01-12-taxonomy.md", 8, "unknown_key"),
        ("posts/2026-01-13-empty-and-duplicates.md", 3, "taxonomy"),
        ("posts/2026-01-16-control.md", 2, "encoding"),
        ("posts/2026-01-17-latin1.md", 5, "encoding"),
        ("posts/2026-01-18-laughs.md", 2, "yaml"),
        ("posts/2026-01-19-case.md", 1, "url"),
        ("blog/2026.md", 1, "url"),
        ("posts/2026-01-20-empty-tags.md", 7, "taxonomy"),
        ("conf.py", 5, "config"),
        ("posts/2026-01-21-liquid.md", 5, "liquid"),
        ("posts/2026-01-21-liquid.md", 7, "liquid"),
        ("posts/2026-01-21-liquid.md", 11, "liquid"),
        ("posts/2026-01-21-liquid.md", 13, "liquid"),
        ("posts/2026-01-22-unclosed-liquid.md", 5, "liquid"),
        ("posts/2026-01-23-legacy.textile", 1, "front_matter"),
    ],
)
def test_each_problem_is_warned_at_its_line(broken: Built, path: str, line: int, subtype: str) -> None:
    assert any(w[0] == path and w[1] == line and w[3] == f"jekyll_posts.{subtype}" for w in warnings_of(broken))


def test_a_key_with_no_value_is_no_terms_without_a_warning(broken: Built) -> None:
    """``categories:`` (line 4), as Jekyll-Bootstrap's post template writes it."""
    assert [w for w in warnings_of(broken) if w[0] == "posts/2026-01-13-empty-and-duplicates.md" and w[1] == 4] == []


def test_no_other_warnings(broken: Built) -> None:
    other = [line for line in broken.warnings.splitlines() if "[jekyll_posts." not in line]
    assert other == []


def test_nothing_lost(broken: Built) -> None:
    post_pages = [broken.outdir / "posts" / f"{path.stem}.html" for path in POSTS]
    assert all(page.is_file() for page in post_pages)
    listed = broken.listed_posts()
    assert len(listed) > broken.app.config.jekyll_posts_page_size  # over two pages of all posts
    archived = {Path(page).stem for page in listed}
    assert archived == {path.stem for path in POSTS} - NOT_LISTED
    drafts = {
        a["href"].split("/")[-1].removesuffix(".html")
        for a in broken.soup("blog/drafts.html").select(".ablog-post-title a")
    }
    assert drafts == NOT_LISTED
    assert len(archived) + len(drafts) == len(POSTS) == 25


def test_broken_posts_still_show_what_they_have(broken: Built) -> None:
    unclosed = broken.soup("posts/2026-01-04-unclosed.html")
    assert "The body after an unclosed block." in unclosed.get_text()
    latin = broken.soup("posts/2026-01-17-latin1.html")
    assert "Caf\ufffd au lait." in latin.get_text()
    control = broken.soup("posts/2026-01-16-control.html")
    assert control.find("h1").get_text(strip=True).rstrip("¶#") == "Control characters"
    crlf = broken.soup("posts/2026-01-15-bom-crlf.html")
    assert crlf.find("h1").get_text(strip=True).rstrip("¶#") == "BOM and CRLF"
    assert [a.get_text() for a in crlf.select("p.tags a")] == ["crlf"]
    liquid = broken.soup("posts/2026-01-21-liquid.html").get_text()
    # shown as written, its quotes too (kramdown's typography curls a post's other quotes)
    assert '{% codepen 12345 theme="dark" %}' in liquid and "{% include missing.html %}" in liquid
    assert "{% youtube abc %}" in liquid  # on a line of its own too, which MyST read as attributes and hid
    assert "An unknown filter: {{ page.title | no_such_filter }}." in liquid  # not the title unfiltered
    assert "This block is never closed." in broken.soup("posts/2026-01-22-unclosed-liquid.html").get_text()


def run_check(source: Path) -> tuple[int, list[str]]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = check([str(source)])
    return status, output.getvalue().splitlines()


def test_checker_reports_what_the_build_warns(broken: Built) -> None:
    status, lines = run_check(broken.srcdir)
    assert status == 1
    assert lines[-1] == "25 posts, 43 problems"
    reported = {line.replace(f"{broken.srcdir}/", "") for line in lines[:-1]}
    warned = {f"{path}:{line}: {message} [{kind}]" for path, line, message, kind in warnings_of(broken)}
    assert reported == warned


def test_checker_passes_a_clean_folder(tmp_path: Path) -> None:
    status, lines = run_check(copy_root("kb", tmp_path))
    assert (status, lines) == (0, ["5 posts, 0 problems"])


def test_checker_reports_bad_settings_at_their_line(tmp_path: Path) -> None:
    source = copy_root("kb", tmp_path)
    (source / "conf.py").write_text('jekyll_posts_timezone = "Mars/Base"\n', encoding="utf-8")
    status, lines = run_check(source)
    message = "jekyll_posts_timezone = 'Mars/Base' is not an IANA time zone name; using 'Asia/Tokyo'"
    assert (status, lines) == (1, [f"{source}/conf.py:1: {message} [jekyll_posts.config]", "5 posts, 1 problem"])
    (source / "conf.py").write_text("raise RuntimeError('no')\n", encoding="utf-8")
    message = "conf.py could not be read (RuntimeError: no); the defaults are used"
    assert run_check(source) == (1, [f"{source}/conf.py:1: {message} [jekyll_posts.config]", "5 posts, 1 problem"])


def test_strict_build_fails_listing_every_problem(broken: Built, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", str(broken.srcdir), str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    _, lines = run_check(broken.srcdir)
    for line in lines[:-1]:
        path, rest = line.split(":", 1)
        assert f"{path}:{rest.split(':', 1)[0]}: WARNING: {rest.split(': ', 1)[1]}" in result.stderr, line


def test_a_post_written_now_is_listed_whatever_the_machines_zone(tmp_path: Path) -> None:
    """ablog lists posts dated before tomorrow on the machine's clock; the site's zone is the clock
    here.  In a zone 14 hours ahead of UTC, a post dated this minute was a draft for most of the day
    (and ``bad-date.md`` above, dated by its modification time, was one after 15:00 UTC in Tokyo)."""
    zone = ZoneInfo("Etc/GMT-14")
    now = datetime.now(zone)
    srcdir = copy_root("series", tmp_path)
    post = srcdir / "posts" / f"{now:%Y-%m-%d}-just-written.md"
    post.write_text(f"---\ntitle: 今書いた\ndate: {now:%Y-%m-%d %H:%M:%S %z}\n---\n\n本文。\n", encoding="utf-8")
    built = build(srcdir, tmp_path / "_build", jekyll_posts_timezone="Etc/GMT-14")
    assert f"posts/{post.stem}.html" in built.listed_posts()
    drafts = [a["href"] for a in built.soup("blog/drafts.html").select(".ablog-post-title a")]
    assert drafts == ["../posts/2026-02-01-draft.html"]


def test_a_rebuild_with_nothing_changed_warns_about_every_problem_again(
    broken: Built, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``make html`` (``-W``) fails on a broken post every time, not only when the post was read."""
    base = tmp_path_factory.mktemp("broken-twice")
    srcdir = copy_root("broken", base)
    first = build(srcdir, base / "_build")
    again = build(srcdir, base / "_build")
    assert "0 added, 0 changed, 0 removed" in again.status
    assert warnings_of(again) == warnings_of(first) == warnings_of(broken)


def test_a_rebuild_with_nothing_changed_warns_again_about_links_that_lead_nowhere(tmp_path: Path) -> None:
    """Links are resolved as pages are written, and Sphinx writes only what changed: a ``-W``
    build that failed on a broken link passed the next time, though nothing was fixed (a real blog).
    Each is warned about at its own line, not its paragraph's first (another real blog)."""
    srcdir = copy_root("kb", tmp_path)
    post = srcdir / "posts" / "2026-03-01-broken.md"
    links = "[どこにもない](no-such-page) と\n[古いページ](/2019/01/01/gone.html)"  # each at its line: 7 and 8
    post.write_text(f"---\ntitle: 壊れたリンク\n---\n\n本文です。\n\n{links}。\n", encoding="utf-8")
    first = build(srcdir, tmp_path / "_build")
    again = build(srcdir, tmp_path / "_build")
    assert "0 added, 0 changed, 0 removed" in again.status
    assert "writing output... [100%] posts/2026-03-01-broken" not in again.status
    expected = [
        f"{post}:7: WARNING: 'myst' cross-reference target not found: 'no-such-page' [myst.xref_missing]",
        f"{post}:8: WARNING: '/2019/01/01/gone.html' is a page of the Jekyll site that is not here:"
        " set jekyll_posts_site_url to link to it [jekyll_posts.link]",
    ]
    assert sorted(first.warnings.splitlines()) == sorted(again.warnings.splitlines()) == expected
    post.write_text("---\ntitle: 直したリンク\n---\n\n本文です。\n", encoding="utf-8")
    assert build(srcdir, tmp_path / "_build").warnings == ""
    assert build(srcdir, tmp_path / "_build").warnings == ""
