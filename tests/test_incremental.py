"""Incremental and parallel builds give the same site as a clean serial build."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from typing import TypeVar
from zoneinfo import ZoneInfo

import jinja2
import pytest
from conftest import ROOTS_DIR, Built, BuiltRoots, build, copy_root
from sphinx.testing.util import SphinxTestApp

from jekyll_posts.core.entries import listing_cutoff
from jekyll_posts.sphinxext import dependencies, generated, parallel
from jekyll_posts.sphinxext import domain as domain_module
from jekyll_posts.sphinxext import search as search_module
from jekyll_posts.sphinxext.compat import ablog as ablog_compat
from jekyll_posts.sphinxext.compat.sphinx import keep_compiled_templates
from jekyll_posts.sphinxext.state import STORE, Store, build_state
from jekyll_posts.testing.corpus import generate

T = TypeVar("T")
NOT_SITE = {".doctrees", ".buildinfo", "_sources"}


def site_files(outdir: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(outdir.rglob("*")):
        relative = path.relative_to(outdir)
        if path.is_dir() or NOT_SITE & set(relative.parts) or relative.name.startswith(".buildinfo"):
            continue
        content = path.read_bytes()
        files[relative.as_posix()] = content
    return files


def assert_same_site(built: Built, clean: Built) -> None:
    assert_same_files(built.outdir, clean.outdir)


def assert_same_files(outdir: Path, clean_outdir: Path) -> None:
    got, expected = site_files(outdir), site_files(clean_outdir)
    assert sorted(got) == sorted(expected)
    differing = [name for name in expected if got[name] != expected[name]]
    assert differing == []


def clean_build(srcdir: Path, tmp_path: Path, name: str) -> Built:
    return build(srcdir, tmp_path / name)


@pytest.fixture
def site(built_roots: BuiltRoots) -> tuple[Path, Path]:
    """The ``kb`` root as its first build left it, to edit and build again."""
    return built_roots.fresh("kb")


def test_a_rebuild_without_changes_reads_and_writes_no_document(
    site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    srcdir, builddir = site
    before = html_mtimes(builddir / "html")
    sidebar_written = (builddir / "html" / "_static" / "jekyll_blog_sidebar_data.js").stat().st_mtime_ns
    fingerprinted: list[str] = []
    monkeypatch.setattr(dependencies, "shown_digest", noting_each(dependencies.shown_digest, fingerprinted))
    made: list[str] = []  # what a rebuild reading nothing must not make from every page again
    monkeypatch.setattr(domain_module, "TaxonomyIndex", lambda *args: made.append("taxonomy index"))
    monkeypatch.setattr(domain_module, "listing_digest", lambda *args: made.append("listing digest"))
    monkeypatch.setattr(generated, "generated_pages", lambda *args: made.append("generated pages") or iter(()))
    again = build(srcdir, builddir)
    assert "0 added, 0 changed, 0 removed" in again.status
    assert "no targets are out of date" in again.status
    assert "config changed" not in again.status
    assert "writing output... [" not in again.status
    assert written_pages(again.outdir, before) == set()  # no page at all: no general index, search page kept
    assert fingerprinted == []  # nor what any page shows of others
    assert not build_state(again.app).blog_registered  # nor the posts registered with ablog
    assert made == []  # no generated page was made to be compared either
    assert (again.outdir / "_static" / "jekyll_blog_sidebar_data.js").stat().st_mtime_ns == sidebar_written


def test_a_rebuild_lists_excerpts_kept_as_text_as_a_clean_build_does(site: tuple[Path, Path], tmp_path: Path) -> None:
    """ablog's records keep each post's excerpt as text, not docutils nodes (slow to unpickle)."""
    srcdir, builddir = site
    post = srcdir / "posts" / "2025-07-01-kite.md"
    post.write_text(post.read_text(encoding="utf-8").replace("カイトを揚げる", "凧を揚げる", 1), encoding="utf-8")
    rebuilt = build(srcdir, builddir)
    records = [info for posts in rebuilt.app.env.ablog_posts.values() for info in posts]
    assert records and all(isinstance(info["excerpt"], str) for info in records)
    assert "凧を揚げる" in rebuilt.soup("index.html").select_one("ul.postlist").get_text()
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_rebuild_compiles_no_template_again_and_its_templates_still_escape_text(
    site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The templates compiled by the last build are kept beside the doctrees, autoescaped as before."""
    srcdir, builddir = site
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def noted_compile(environment: jinja2.Environment, source: str, name: str | None = None, *args: object) -> object:
        if name is not None:  # not the static files' ``_t`` templates, rendered from their text
            compiled.append(name)
        return compile_template(environment, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", noted_compile)
    post = srcdir / "posts" / "2025-07-01-kite.md"
    post.write_text(post.read_text(encoding="utf-8").replace("title: カイトを揚げる", "title: <i>凧</i>を揚げる"))
    rebuilt = build(srcdir, builddir)
    assert compiled == []
    tag_page = rebuilt.soup("blog/tag/カイト.html")
    assert "<i>凧</i>を揚げる" in [title.get_text(strip=True) for title in tag_page.select(".ablog-post-title")]
    assert tag_page.select_one(".ablog-post-title i") is None


def test_templates_compiled_another_way_are_kept_apart(tmp_path: Path) -> None:
    """Compiled code depends on the Jinja environment's extensions (i18n with a translator) and
    on what the caller names (the autoescaping rule), not only on the template's text."""

    def kept_in(environment: jinja2.Environment, depends_on: object = "autoescape rule") -> str:
        builder = SimpleNamespace(templates=SimpleNamespace(environment=environment))
        keep_compiled_templates(builder, tmp_path, depends_on)  # type: ignore[arg-type]
        return str(environment.bytecode_cache.directory)  # type: ignore[union-attr]

    plain = kept_in(jinja2.Environment())
    assert plain == kept_in(jinja2.Environment())
    assert plain != kept_in(jinja2.Environment(extensions=["jinja2.ext.i18n"]))
    assert plain != kept_in(jinja2.Environment(), depends_on="another rule")


def test_a_template_added_since_the_last_build_is_in_the_sidebar(tmp_path: Path) -> None:
    """Nothing read, nothing listed changed, but the sidebar's own template did."""
    srcdir = copy_root("kb", tmp_path)
    templates = srcdir / "_templates"
    templates.mkdir()
    build(srcdir, tmp_path / "_build", templates_path=["_templates"])
    (templates / "ablog").mkdir()
    (templates / "ablog" / "recentposts.html").write_text("<p>チームの新着</p>\n", encoding="utf-8")
    rebuilt = build(srcdir, tmp_path / "_build", templates_path=["_templates"])
    assert "0 added, 0 changed, 0 removed" in rebuilt.status
    assert "チームの新着" in rebuilt.blog_sidebar().get_text()
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean", templates_path=["_templates"]))


def noting_each(function: Callable[..., T], noted: list[str]) -> Callable[..., T]:
    """``function``, noting the second argument of each call (a document, a store file)."""

    def noting(first: object, name: str, *rest: object) -> T:
        noted.append(name)
        return function(first, name, *rest)

    return noting


def test_a_rebuild_the_day_a_post_comes_due_lists_it(
    site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing changed but the date: a post dated tomorrow is listed once tomorrow comes."""
    srcdir, builddir = site
    tomorrow = datetime.now(ZoneInfo("Asia/Tokyo")) + timedelta(days=1)
    post = srcdir / "posts" / f"{tomorrow:%Y-%m-%d}-due.md"
    front_matter = f"title: 明日の記事\ndate: {tomorrow:%Y-%m-%d}\ncategories: [engineering]\ntags: [ai, ガイド]"
    body = "[小文字の記事](2025-05-01-lower-ai.md)を参照。"  # a backlink and a related page, once due
    post.write_text(f"---\n{front_matter}\n---\n\n{body}\n", encoding="utf-8")
    built = build(srcdir, builddir)
    assert f"posts/{post.stem}.html" not in built.listed_posts()
    day_after = tomorrow + timedelta(days=1)
    monkeypatch.setattr(ablog_compat, "listing_cutoff", lambda zone: listing_cutoff(zone, day_after))
    rebuilt = build(srcdir, builddir)
    assert "0 added, 0 changed, 0 removed" in rebuilt.status
    assert f"posts/{post.stem}.html" in rebuilt.listed_posts()
    linked = rebuilt.soup("posts/2025-05-01-lower-ai.html")
    assert "明日の記事" in linked.select_one(".jekyll-backlinks").get_text()
    assert "明日の記事" in linked.select_one(".jekyll-related").get_text()
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_rebuild_without_changes_leaves_listing_pages_and_feeds_alone(site: tuple[Path, Path]) -> None:
    srcdir, builddir = site
    outdir = builddir / "html"
    listings = [
        outdir / "blog" / "tag" / "ai.html",
        outdir / "blog" / "2025.html",
        outdir / "blog" / "atom.xml",
        outdir / "_static" / "jekyll_blog_sidebar_data.js",
        outdir / "_search" / "s0.js",
    ]
    before = [path.stat().st_mtime_ns for path in listings]
    build(srcdir, builddir)
    assert [path.stat().st_mtime_ns for path in listings] == before


def test_editing_a_posts_tags_gives_the_clean_site(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    post = srcdir / "posts" / "2025-07-01-kite.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("tags: [カイト]", "tags: [ガイド, 新しいタグ]"), encoding="utf-8"
    )
    rebuilt = build(srcdir, builddir)
    assert "0 added, 1 changed, 0 removed" in rebuilt.status
    assert rebuilt.warnings == ""
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))
    assert not (rebuilt.outdir / "blog" / "tag" / "カイト.html").exists()


def written_pages(outdir: Path, before: dict[str, int]) -> set[str]:
    return {name for name, mtime in html_mtimes(outdir).items() if before.get(name) != mtime}


def html_mtimes(outdir: Path) -> dict[str, int]:
    return {path.relative_to(outdir).as_posix(): path.stat().st_mtime_ns for path in outdir.rglob("*.html")}


def test_editing_a_posts_tags_writes_only_the_pages_showing_them(site: tuple[Path, Path]) -> None:
    srcdir, builddir = site
    before = html_mtimes(builddir / "html")
    contents = site_files(builddir / "html")
    post = srcdir / "posts" / "2025-07-01-kite.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("tags: [カイト]", "tags: [ガイド, 新しいタグ]"), encoding="utf-8"
    )
    rebuilt = build(srcdir, builddir)
    written = written_pages(rebuilt.outdir, before)
    # the home page, whose postlist is fingerprinted by everything the blog lists (the tags
    # included, which this postlist does not show): a coarse, known rewrite
    always = {"index.html"}
    after = site_files(rebuilt.outdir)
    assert [page for page in written - always if after[page] == contents.get(page)] == []  # each one changed
    assert written == {
        "posts/2025-07-01-kite.html",  # the post itself
        "posts/2025-05-01-lower-ai.html",  # pages whose related pages changed: the kite post now shares ガイド
        "wiki/guide.html",
        "wiki/notes.html",
        "blog/tag.html",  # all tags, with counts
        "blog/tag/ガイド.html",
        "blog/tag/新しいタグ.html",
        "blog.html",  # the lists that show the post, with its tags
        "blog/2025.html",
        "blog/2025/07.html",
        "blog/category/趣味.html",
        "blog/author/taro.html",
        "index.html",  # its postlist shows what the blog lists
    }  # the 404 and search pages are generated pages: not rewritten; no general index


def test_editing_a_title_rewrites_the_neighbours_and_lists(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    before = html_mtimes(builddir / "html")
    post = srcdir / "posts" / "2025-06-01-upper-ai.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("title: Upper-case AI", "title: A new title"), encoding="utf-8")
    rebuilt = build(srcdir, builddir)
    written = written_pages(rebuilt.outdir, before)
    assert {"posts/2025-05-01-lower-ai.html", "posts/2025-07-01-kite.html", "blog/2025.html"} <= written
    assert "posts/2026-01-01-llama-4.html" not in written  # not a neighbour, links to no changed page
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_wiki_title_in_the_navigation_is_updated_on_listing_pages(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    page = srcdir / "wiki" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8").replace("ガイドのページ", "新しいガイド"), encoding="utf-8")
    rebuilt = build(srcdir, builddir)
    assert "新しいガイド" in (rebuilt.outdir / "blog" / "2025.html").read_text(encoding="utf-8")
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_configuration_change_rewrites_listing_pages(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    rebuilt = build(srcdir, builddir, html_title="Another title")
    assert "Another title" in (rebuilt.outdir / "blog" / "tag" / "ai.html").read_text(encoding="utf-8")
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean", html_title="Another title"))


def test_editing_only_a_body_rewrites_only_that_post(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    post = srcdir / "posts" / "2025-06-01-upper-ai.md"
    search = builddir / "html" / "_search"
    before = {path.name: path.stat().st_mtime_ns for path in search.iterdir()}
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    rebuilt = build(srcdir, builddir)
    assert re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", rebuilt.status) == ["posts/2025-06-01-upper-ai"]
    written = {path.name for path in search.iterdir() if before.get(path.name) != path.stat().st_mtime_ns}
    record = next(path.name for path in search.glob("p*.js") if "upper-ai" in path.read_text(encoding="utf-8"))
    assert written == {"s0.js", record}  # the one shard of this small site, and the post's record
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_body_edit_reads_and_writes_only_the_search_pages_of_its_own_bucket(
    site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 10,000 posts the search pages are 140 MB: a body edit read and wrote all of them."""
    srcdir, builddir = site
    post = srcdir / "posts" / "2025-06-01-upper-ai.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    read: list[str] = []
    written: list[str] = []
    monkeypatch.setattr(Store, "read_pickle", noting_each(Store.read_pickle, read))
    monkeypatch.setattr(Store, "write_pickle", noting_each(Store.write_pickle, written))
    rebuilt = build(srcdir, builddir)
    own_bucket = search_module.PAGES.format(search_module.bucket_of("posts/2025-06-01-upper-ai"))
    assert [name for name in read if name.startswith("search-")] == [own_bucket, search_module.INDEX]
    assert sorted(name for name in written if name.startswith("search-")) == sorted([own_bucket, search_module.INDEX])
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_post_removed_when_the_search_index_file_is_lost_leaves_the_search(
    site: tuple[Path, Path], tmp_path: Path
) -> None:
    """The search store's index names every page; without it, every bucket is read to find the gone."""
    srcdir, builddir = site
    (builddir / "doctrees" / STORE / search_module.INDEX).unlink()
    (srcdir / "posts" / "2025-05-01-lower-ai.md").unlink()
    rebuilt = build(srcdir, builddir)
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_rebuild_makes_the_generated_pages_once_and_a_full_build_holds_none(
    site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made after reading and kept to be written, a full build's generated pages held 180 MB at
    10,000 posts; made twice, they took seconds more on each rebuild that changed a list."""
    srcdir, builddir = site
    made: list[str] = []
    making = generated.generated_pages
    monkeypatch.setattr(generated, "generated_pages", lambda *args: made.append("pages") or making(*args))
    post = srcdir / "posts" / "2025-06-01-upper-ai.md"
    post.write_text(post.read_text(encoding="utf-8").replace("tags: AI C++ C", "tags: AI C++ C 新しいタグ"), "utf-8")
    rebuilt = build(srcdir, builddir)
    assert made == ["pages"]
    assert (rebuilt.outdir / "blog" / "tag" / "新しいタグ.html").is_file()
    made.clear()
    held: list[object] = []
    app = SphinxTestApp("html", srcdir=srcdir, builddir=tmp_path / "full", status=StringIO(), warning=StringIO())
    app.connect("write-started", lambda app, builder: held.append(build_state(app).generated))
    try:
        app.build()
    finally:
        app.cleanup()
    assert held == [None]  # made for their names, not kept
    assert made == ["pages", "pages"]  # and made again, one at a time, when written
    assert_same_files(app.outdir, rebuilt.outdir)


def test_deleting_a_post_gives_the_clean_site(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    (srcdir / "posts" / "2025-05-01-lower-ai.md").unlink()
    rebuilt = build(srcdir, builddir)
    assert "0 added, 0 changed, 1 removed" in rebuilt.status
    assert not (rebuilt.outdir / "posts" / "2025-05-01-lower-ai.html").exists()
    assert not (rebuilt.outdir / "blog" / "tag" / "c-sharp.html").exists()
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_renaming_a_post_gives_the_clean_site(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    old = srcdir / "posts" / "2025-07-01-kite.md"
    old.rename(srcdir / "posts" / "2025-07-02-kite-renamed.md")
    rebuilt = build(srcdir, builddir)
    assert "1 added, 0 changed, 1 removed" in rebuilt.status
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_parallel_build_gives_the_serial_site(tmp_path: Path) -> None:
    srcdir = copy_root("kb", tmp_path)
    serial = build(srcdir, tmp_path / "serial")
    parallel = build(srcdir, tmp_path / "parallel", parallel=2)
    assert parallel.warnings == ""  # ablog included: no "doing serial read"
    assert parallel.app.is_parallel_allowed("read")
    assert_same_site(parallel, serial)


def test_keeping_few_loaded_doctrees_gives_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sphinx kept every doctree it loaded to the end of the build (291 MB at 10,000 posts)."""
    srcdir = copy_root("kb", tmp_path)
    kept = build(srcdir, tmp_path / "all", parallel=2)
    monkeypatch.setattr(parallel, "KEPT_DOCTREES", 1)
    sizes: list[int] = []
    app = SphinxTestApp("html", srcdir=srcdir, builddir=tmp_path / "one", status=StringIO(), warning=StringIO())
    app.connect("html-page-context", lambda app, *_: sizes.append(len(app.env._pickled_doctree_cache)))
    try:
        app.build()
    finally:
        app.cleanup()
    assert sizes and max(sizes) == 1
    assert_same_files(app.outdir, kept.outdir)


def test_a_parallel_rebuild_reads_one_edited_post_in_the_main_process(tmp_path: Path) -> None:
    srcdir = tmp_path / "generated"
    posts = generate(40, srcdir)
    shutil.copyfile(ROOTS_DIR / "test-kb" / "conf.py", srcdir / "conf.py")
    builddir = tmp_path / "_build"
    full = build(srcdir, builddir, parallel=2)
    assert re.search(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. ", full.status)  # chunks, in workers
    posts[7].write_text(posts[7].read_text(encoding="utf-8") + "\n追記した段落です。\n", encoding="utf-8")
    rebuilt = build(srcdir, builddir, parallel=2)
    reading = [line for line in rebuilt.status.splitlines() if line.startswith("reading sources... ")]
    assert reading == [f"reading sources... [100%] posts/{posts[7].stem}"], rebuilt.status  # here, not in workers
    assert rebuilt.app.parallel == 2
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean", parallel=2))


#: One edit of each field a listing shows, on the kb root's upper-case post.
FIELD_EDITS = {
    "title": ("title: Upper-case AI", "title: A renamed post"),
    "date": ("date: 2025-06-01T09:30", "date: 2024-12-24T09:30"),
    "authors": ("author: [Hanako, Taro]", "author: [Jiro]"),
    "categories": ("categories: Engineering Tools", "categories: Research"),
    "tags": ("tags: AI C++ C", "tags: AI Rust"),
    "excerpt": ("excerpt: The front matter excerpt", "excerpt: Another excerpt"),
    "draft": ("layout: post", "layout: post\npublished: false"),
    "pin": ("layout: post", "layout: post\npin: true"),
}


@pytest.mark.parametrize("field", FIELD_EDITS)
def test_editing_any_field_a_listing_shows_gives_the_clean_site(
    site: tuple[Path, Path], tmp_path: Path, field: str
) -> None:
    srcdir, builddir = site
    post = srcdir / "posts" / "2025-06-01-upper-ai.md"
    old, new = FIELD_EDITS[field]
    text = post.read_text(encoding="utf-8")
    assert old in text
    post.write_text(text.replace(old, new), encoding="utf-8")
    rebuilt = build(srcdir, builddir)
    assert "0 added, 1 changed, 0 removed" in rebuilt.status
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_site_leaving_fontawesome_unset_rebuilds_nothing(tmp_path: Path) -> None:
    """pydata-sphinx-theme turns it on for ablog after the environment's configuration is compared."""
    srcdir = copy_root("backlinks", tmp_path)
    assert "fontawesome_included" not in (srcdir / "conf.py").read_text(encoding="utf-8")
    build(srcdir, tmp_path / "_build")
    again = build(srcdir, tmp_path / "_build")
    assert "0 added, 0 changed, 0 removed" in again.status
    assert "no targets are out of date" in again.status


def test_a_general_index_an_earlier_build_wrote_goes_once_it_is_left_out(tmp_path: Path) -> None:
    srcdir = copy_root("kb", tmp_path)
    with_index = build(srcdir, tmp_path / "_build", html_use_index=True)
    assert (with_index.outdir / "genindex.html").is_file()
    rebuilt = build(srcdir, tmp_path / "_build")
    assert not (rebuilt.outdir / "genindex.html").exists()
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))
