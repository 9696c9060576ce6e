"""``jekyll-posts import SITE_DIR``: a whole Jekyll site moves into a knowledge base, the site untouched."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_DIR, TESTS_DIR

from jekyll_posts.cli import COMMANDS, main
from jekyll_posts.core.jekyll.permalinks import is_post_file
from jekyll_posts.core.jekyll.sitefiles import HTML_POST, NO_DATE, NOT_MARKDOWN

SITE = TESTS_DIR / "fixtures" / "jekyll-site"
CONF = '"""A knowledge base."""\n\nproject = "KB"\njekyll_posts_timezone = "Asia/Tokyo"\n'
ADDED = (
    "\n# The Jekyll site's _config.yml, _data, _includes and the files its posts use (jekyll-posts import)\n"
    'jekyll_posts_site = "jekyll"\n'
)
POSTS = {
    "docs/posts/2026-01-05-first-post.md": "_posts/2026-01-05-first-post.md",
    "docs/posts/2026-01-10-liquid-sample.md": "_posts/2026-01-10-liquid-sample.md",
    "docs/posts/2026-01-12-markdown-ext.markdown": "_posts/2026-01-12-markdown-ext.markdown",
    "docs/posts/2026-01-13-mkd-ext.mkd": "_posts/2026-01-13-mkd-ext.mkd",
    "docs/posts/2026-01-17-broken.md": "_posts/2026-01-17-broken.md",
    "docs/posts/2026/2026-01-14-sub-folder.md": "_posts/2026/2026-01-14-sub-folder.md",
    "docs/posts/ja/news/_posts/2026-01-15-nested.md": "ja/news/_posts/2026-01-15-nested.md",
}
DRAFTS = {"docs/posts/_drafts/writing-in-progress.md": "_drafts/writing-in-progress.md"}
SITE_FILES = {
    f"jekyll/{path}": path
    for path in (
        "_config.yml",
        "_data/members.yml",
        "_data/nested/links.json",
        "_data/table.csv",
        "_includes/note.html",
        "_includes/self.html",
    )
}
ASSETS = {
    "jekyll/assets/img/diagram.png": "assets/img/diagram.png",  # ![](/assets/img/x.png), in two posts
    "jekyll/assets/img/logo.png": "assets/img/logo.png",  # {{ site.baseurl }}/assets/...
    "jekyll/assets/img/banner.png": "assets/img/banner.png",  # <img src="{{ site.url }}{{ site.baseurl }}/...">
    "jekyll/assets/img/cover.png": "assets/img/cover.png",  # image: {path: /assets/img/cover.png} in front matter
    "jekyll/images/photo.png": "images/photo.png",  # {{ "/images/photo.png" | relative_url }}
    "jekyll/images/folder-cover.png": "images/folder-cover.png",  # _config.yml's defaults: the image of _posts/2026
    "jekyll/files/資料.pdf": "files/資料.pdf",  # {{ site.url }}{{ site.baseurl }}/files/%E8%B3%87...
    "docs/posts/2026/beside.png": "_posts/2026/beside.png",  # ![](beside.png) beside its post in _posts
}
EVERYTHING = {**POSTS, **DRAFTS, **SITE_FILES, **ASSETS}
SUMMARY = f"""\
{SITE} into docs/posts and jekyll
posts: 7 (7 new, 0 updated, 0 unchanged) into docs/posts
drafts: 1 (1 new, 0 updated, 0 unchanged) into docs/posts
config files: 1 (1 new, 0 updated, 0 unchanged) into jekyll
data files: 3 (3 new, 0 updated, 0 unchanged) into jekyll
includes: 2 (2 new, 0 updated, 0 unchanged) into jekyll
files posts use: 8 (8 new, 0 updated, 0 unchanged) into jekyll (or beside their post)
skipped: 2 files of _posts and _drafts folders
  1: {HTML_POST}
    _posts/2026-01-16-html-post.html
  1: {NO_DATE}
    _posts/notes.txt
missing: 1 file posts refer to are not in the site
  docs/posts/2026/2026-01-14-sub-folder.md:15: /assets/img/nope.png
Liquid of plugins, not run here (a file only it names is not copied):
  tag 'codepen': 1 post
conf.py: added jekyll_posts_site = "jekyll"
docs has no index.md: Sphinx needs a home page to build (this repository's docs/index.md lists the newest posts)
problems: 3 in 2 files (imported all the same; the import does not fail)
docs/posts/2026-01-17-broken.md:1: no title in the front matter and no heading: the file name is used \
[jekyll_posts.title]
docs/posts/2026-01-17-broken.md:5: front matter is not valid YAML (column 1): found unexpected end of stream \
[jekyll_posts.yaml]
docs/posts/2026/2026-01-14-sub-folder.md:21: unknown tag 'codepen': shown as written [jekyll_posts.liquid]
make html treats warnings as errors: fix these posts, or silence a kind of problem in conf.py
(suppress_warnings = ["jekyll_posts.liquid", "jekyll_posts.title", "jekyll_posts.yaml", "image.not_readable"]), \
or build with make html SPHINXOPTS=
"""


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty knowledge base, the current folder: ``conf.py`` and ``docs/``."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "conf.py").write_text(CONF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_import(capsys: pytest.CaptureFixture[str], *arguments: str, site: Path = SITE) -> tuple[int, str]:
    status = main(["import", str(site), *arguments])
    return status, capsys.readouterr().out


def write_files(folder: Path, texts: dict[str, str]) -> Path:
    """``folder`` with each file of ``texts`` (path -> text) written in it."""
    for path, text in texts.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
            digest.update(str(path.stat().st_mtime_ns).encode())
    return digest.hexdigest()


def test_the_first_import_copies_every_file_where_it_belongs(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_import(capsys)
    assert status == 0
    assert out == SUMMARY
    copied = files(kb)
    assert copied.pop("conf.py") == (CONF + ADDED).encode()
    assert copied == {destination: (SITE / source).read_bytes() for destination, source in EVERYTHING.items()}


def test_every_post_jekyll_builds_as_markdown_comes_in(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    built = {path for path in SITE.rglob("*") if is_post_file(PurePosixPath(path.relative_to(SITE).as_posix()))}
    run_import(capsys)
    assert len(built) == len(POSTS) == 7
    assert {SITE / source for source in POSTS.values()} == built
    assert all((kb / destination).read_bytes() == (SITE / source).read_bytes() for destination, source in POSTS.items())


def test_unused_files_pages_and_files_pages_make_are_not_copied(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(capsys)
    assert not (kb / "jekyll" / "assets" / "img" / "unused.png").exists()
    assert not (kb / "jekyll" / "assets" / "css").exists()  # style.css is made by style.scss: not missing either
    assert not (kb / "docs" / "posts" / "notes.txt").exists()
    assert not (kb / "docs" / "posts" / "2026-01-16-html-post.html").exists()


def test_the_site_is_never_written(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(SITE)
    run_import(capsys)
    run_import(capsys, "--force")
    assert tree_digest(SITE) == before


def test_a_second_run_copies_nothing(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(capsys)
    stats = {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in kb.rglob("*")}
    status, out = run_import(capsys)
    assert status == 0
    assert {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in kb.rglob("*")} == stats
    assert "posts: 7 (0 new, 0 updated, 7 unchanged) into docs/posts" in out
    assert "files posts use: 8 (0 new, 0 updated, 8 unchanged) into jekyll (or beside their post)" in out
    assert "conf.py already names the site folder (jekyll_posts_site)" in out
    assert (kb / "conf.py").read_text(encoding="utf-8").count("jekyll_posts_site") == 1


def test_a_file_changed_in_the_knowledge_base_is_kept_unless_forced(
    kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_import(capsys)
    edited = kb / "docs" / "posts" / "2026-01-05-first-post.md"
    edited.write_text("---\ntitle: 手で直した\ndate: 2026-01-05\n---\n本文\n", encoding="utf-8")
    status, out = run_import(capsys)
    assert status == 0
    assert "posts: 7 (0 new, 0 updated, 6 unchanged, 1 kept) into docs/posts" in out
    assert "kept: 1 file changed in the knowledge base (--force overwrites them)\n  docs/posts/2026-01-05" in out
    assert edited.read_text(encoding="utf-8").startswith("---\ntitle: 手で直した")
    status, out = run_import(capsys, "--force")
    assert status == 0
    assert "posts: 7 (0 new, 1 updated, 6 unchanged) into docs/posts" in out
    assert edited.read_bytes() == (SITE / "_posts" / "2026-01-05-first-post.md").read_bytes()


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_import(capsys, "--dry-run")
    assert status == 0
    assert files(kb) == {"conf.py": CONF.encode()}
    assert out.startswith(f"{SITE} into docs/posts and jekyll (dry run: nothing written)\n")
    assert out.split("\n", 1)[1] == SUMMARY.split("\n", 1)[1].replace("conf.py: added", "conf.py: would add")


def test_a_bad_post_is_imported_and_its_problem_printed_at_its_line(
    kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run_import(capsys)
    assert status == 0
    assert (kb / "docs" / "posts" / "2026-01-17-broken.md").is_file()
    assert "docs/posts/2026-01-17-broken.md:5: front matter is not valid YAML" in out
    check = subprocess.run(
        [sys.executable, "-m", "jekyll_posts.cli", "check", "docs"], capture_output=True, text=True, check=False
    )
    broken = [line for line in check.stdout.splitlines() if "broken.md" in line]
    assert broken == [line for line in out.splitlines() if line.startswith("docs/posts/2026-01-17-broken.md:")]


def test_an_existing_site_setting_is_where_files_go(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (kb / "conf.py").write_text(CONF + 'jekyll_posts_site = "site"\n', encoding="utf-8")
    status, _ = run_import(capsys)
    assert status == 0
    assert (kb / "site" / "_config.yml").is_file() and (kb / "site" / "images" / "photo.png").is_file()
    assert not (kb / "jekyll").exists()
    assert (kb / "conf.py").read_text(encoding="utf-8") == CONF + 'jekyll_posts_site = "site"\n'
    status = main(["import", str(SITE), "--site-folder", "elsewhere"])
    assert status == 1
    assert "conf.py reads the Jekyll site from site (jekyll_posts_site), not elsewhere" in capsys.readouterr().err


def test_site_folder_is_written_into_conf_py_relative_to_it(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run_import(capsys, "--site-folder", "old-blog")
    assert status == 0
    assert (kb / "old-blog" / "_data" / "table.csv").is_file()
    assert (kb / "conf.py").read_text(encoding="utf-8").endswith('\njekyll_posts_site = "old-blog"\n')


def test_the_config_decides_markdown_ext_data_dir_includes_dir_and_time_zone(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path_factory.mktemp("site")
    config = "markdown_ext: md\ndata_dir: data\nincludes_dir: parts\ntimezone: UTC\n"
    (site / "_config.yml").write_text(config, encoding="utf-8")
    texts = {
        "_posts/2026-01-01-a.md": "---\ntitle: A\n---\n{% include x.html %}\n",
        "_posts/2026-01-02-b.markdown": "---\ntitle: B\n---\n",
        "data/d.yml": "a: 1\n",
        "parts/x.html": "<img src='/logo.svg'>",
        "logo.svg": "<svg/>",
        "_data/ignored.yml": "a: 2\n",
    }
    write_files(site, texts)
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert sorted(files(kb)) == [
        "conf.py",
        "docs/posts/2026-01-01-a.md",
        "jekyll/_config.yml",
        "jekyll/data/d.yml",
        "jekyll/logo.svg",  # used by the include the post renders
        "jekyll/parts/x.html",
    ]
    assert f"  1: {NOT_MARKDOWN}\n    _posts/2026-01-02-b.markdown\n" in out
    assert (
        "the site's timezone is UTC (_config.yml), conf.py's jekyll_posts_timezone is Asia/Tokyo: "
        'jekyll_posts_timezone = "UTC" reads dates as Jekyll did\n'
    ) in out
    assert (  # a site with a url says nothing (SUMMARY)
        "the site's _config.yml gives no url: links to its pages that were not imported are warned about; "
        'jekyll_posts_site_url = "https://…" in conf.py makes them lead to the old site\n'
    ) in out


def test_an_octopress_site_is_read_from_the_source_folder_its_config_names(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """Octopress keeps ``_config.yml`` at the top and the site in ``source/`` (``source: source``): its
    posts were imported as posts of a folder ``source`` and no picture was found (grandbig/octopress)."""
    site = tmp_path_factory.mktemp("octopress")
    texts = {
        "_config.yml": "source: source\ndestination: public\nurl: https://octo.example.jp\n",
        "source/_posts/2013-09-05-start-xcode.markdown": "---\ntitle: 起動\n---\n{% include note.html %}\n"
        "\n![Xcode](/images/xcode1.png)\n",
        "source/_includes/note.html": "<p>注</p>",
        "source/_data/links.yml": "a: 1\n",
        "source/images/xcode1.png": "png",
        "source/index.html": "---\nlayout: default\n---\n",
        "public/images/xcode1.png": "Jekyll's output",
    }
    write_files(site, texts)
    status, out = run_import(capsys, site=site)
    assert status == 0, out
    assert sorted(files(kb)) == [
        "conf.py",
        "docs/posts/2013-09-05-start-xcode.markdown",
        "jekyll/_config.yml",
        "jekyll/_data/links.yml",
        "jekyll/_includes/note.html",
        "jekyll/images/xcode1.png",
    ]
    read_from = f"the site is read from {site / 'source'}, the folder _config.yml's source: names, as Jekyll reads it"
    assert f"{read_from}\n" in out
    assert "missing" not in out


def test_a_source_folder_that_is_not_there_is_said_and_the_site_read_from_its_own_folder(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {"_config.yml": "source: src\n", "_posts/2026-01-01-a.md": "x\n"}
    site = write_files(tmp_path_factory.mktemp("site"), texts)
    status, out = run_import(capsys, site=site)
    assert status == 0, out
    assert "docs/posts/2026-01-01-a.md" in files(kb)
    assert f"_config.yml's source: src is not a folder of the site: the site is read from {site}\n" in out


def test_a_folder_without_posts_is_said_to_be_no_jekyll_site_and_the_import_fails(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Hugo site's folder imported 0 posts with "0 problems", said its missing _config.yml gave no url,
    and named a site folder in conf.py that was never made, which the build then warned about
    (syui/syui.github.io)."""
    site = write_files(tmp_path_factory.mktemp("hugo"), {"content/post/a.md": "+++\ntitle = 'a'\n+++\n本文\n"})
    status, out = run_import(capsys, site=site)
    assert status == 1
    assert f"no post or draft in {site}: Jekyll reads them from _posts and _drafts folders" in out
    assert "the site has no _config.yml to give its url" in out
    assert "gives no url" not in out
    assert sorted(files(kb)) == ["conf.py"]
    assert (kb / "conf.py").read_text(encoding="utf-8") == CONF  # no site folder to name


def test_posts_without_a_config_leave_conf_py_alone(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_files(tmp_path_factory.mktemp("site"), {"_posts/2026-01-01-a.md": "---\ntitle: A\n---\n本文\n"})
    status, out = run_import(capsys, site=site)
    assert status == 0, out
    assert sorted(files(kb)) == ["conf.py", "docs/posts/2026-01-01-a.md"]
    assert (kb / "conf.py").read_text(encoding="utf-8") == CONF


def test_files_a_posts_liquid_reads_are_imported_from_a_site_named_by_a_relative_path(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """``import ../site`` (the usual way) copied no file ``include_relative`` read, and ``check`` then looked
    for it in the wrong folder; Octopress's ``include_code`` reads ``downloads/code``."""
    site = tmp_path_factory.mktemp("site")
    texts = {
        "_config.yml": "title: x\n",
        "_posts/2013-01-01-a.md": "---\ntitle: A\n---\n{% include_relative snippet.rb %}\n\n"
        "{% include_code hello.rb %}\n",
        "_posts/snippet.rb": "puts 1\n",
        "downloads/code/hello.rb": "puts 'hello'\n",
    }
    write_files(site, texts)
    status, out = run_import(capsys, site=Path(os.path.relpath(site, kb)))  # ../site
    assert status == 0, out
    assert sorted(files(kb)) == [
        "conf.py",
        "docs/posts/2013-01-01-a.md",
        "docs/posts/snippet.rb",
        "jekyll/_config.yml",
        "jekyll/downloads/code/hello.rb",
    ]
    assert "problems: 0 in 0 files" in out


@pytest.mark.parametrize(
    "collections",
    ["collections:\n  diary:\n    output: true\n", "collections: [diary, posts]\n"],
    ids=["mapping", "list"],
)
def test_collections_other_than_posts_are_named_as_not_imported(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], collections: str
) -> None:
    """kkryama.github.io keeps a diary as a collection: it was left out without a word."""
    site = tmp_path_factory.mktemp("site")
    (site / "_config.yml").write_text(f"url: https://example.org\n{collections}", encoding="utf-8")
    write_files(site, dict.fromkeys(("_posts/2026-01-01-a.md", "_diary/2026-01-02.md"), "---\ntitle: A\n---\n"))
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert "not imported: _diary (collections other than posts; their pages can go into docs/ as wiki pages)\n" in out
    assert "_posts (collections" not in out


def test_the_sites_own_pages_are_named_as_not_imported(
    kb: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real blog (Minimal Mistakes) kept its about page and 7 others in ``_pages`` (read through
    ``include:``): the import left them out without a word."""
    site = tmp_path_factory.mktemp("site")
    (site / "_config.yml").write_text("url: https://example.org\ninclude: [_pages]\n", encoding="utf-8")
    pages = {
        "_posts/2026-01-01-a.md": "---\ntitle: A\n---\n",
        "_pages/about.md": "---\ntitle: 自己紹介\n---\nはじめまして。\n",
        "about/team.markdown": "---\ntitle: チーム\n---\n",
        "index.html": "---\nlayout: home\n---\n",
        **{f"list-{number}.html": "---\nlayout: list\n---\n" for number in range(5)},
        "README.md": "# no front matter: copied as it is by Jekyll, not a page\n",
        "_drafts-notes/x.md": "---\ntitle: a folder Jekyll does not read\n---\n",
        "_site/old.md": "---\ntitle: Jekyll's output\n---\n",
        "style.scss": "---\n---\nbody { color: red; }\n",
    }
    write_files(site, pages)
    status, out = run_import(capsys, site=site)
    assert status == 0
    named = [
        "not imported: 8 pages of the site's own, not posts (2 in Markdown; one can go into docs/ as a wiki page):",
        "  _pages/about.md",
        "  about/team.markdown",
        "  index.html",
        *(f"  list-{number}.html" for number in range(4)),
        "  and 1 more HTML page",
    ]
    assert "\n".join(named) + "\n" in out


def test_something_that_cannot_be_written_fails_the_import(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (kb / "docs" / "posts").write_text("a file where the posts folder goes", encoding="utf-8")
    status, out = run_import(capsys)
    assert status == 1
    assert "errors: 9 files could not be read or written\n" in out  # 7 posts, the draft, beside.png
    assert "docs/posts/2026-01-05-first-post.md: [Errno 17] File exists: 'docs/posts'\n" in out
    assert "posts: 7 (0 new, 0 updated, 0 unchanged, 7 error) into docs/posts" in out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing-site"], "missing-site is not a folder"),
        ([str(SITE), "--source", "nowhere"], "no conf.py in nowhere or ."),
    ],
)
def test_an_import_that_cannot_start_writes_nothing(
    kb: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    (kb / "conf.py").unlink()
    if "--source" not in arguments:
        (kb / "conf.py").write_text(CONF, encoding="utf-8")
    assert main(["import", *arguments]) == 1
    assert message in capsys.readouterr().err
    assert not (kb / "docs" / "posts").exists()


def test_a_knowledge_base_inside_the_site_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    (site / "kb" / "docs").mkdir(parents=True)
    (site / "kb" / "conf.py").write_text(CONF, encoding="utf-8")
    before = tree_digest(site)
    assert main(["import", str(site), "--source", str(site / "kb" / "docs")]) == 1
    assert "overlap: the site is only read" in capsys.readouterr().err
    assert tree_digest(site) == before


def test_pictures_by_definitions_kramdown_reads_are_imported(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``[img1]:/assets/img/a b.png``: CommonMark reads no definition with a space in its URL, nor
    the definitions after it; kramdown reads both, and the build shows both (a real blog)."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "assets" / "img").mkdir(parents=True)
    for name in ("a b.png", "c.png"):
        (site / "assets" / "img" / name).write_bytes(b"\x89PNG")
    post = "---\ntitle: 画像\n---\n\n![赤][img1] ![青][img2]\n\n[img1]:/assets/img/a b.png\n[img2]:/assets/img/c.png\n"
    (site / "_posts" / "2024-06-14-space.md").write_text(post, encoding="utf-8")
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert {"assets/img/a b.png", "assets/img/c.png"} <= set(files(kb / "jekyll"))
    assert "missing" not in out


def test_pictures_after_html_lines_are_imported_and_a_missing_one_is_said_at_its_line(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``![a](1)⏎<p></p>⏎![b](2)⏎<p></p>⏎…``: CommonMark reads the lines after the first ``<p></p>``
    as one HTML block; kramdown ends each block at its element's end, and the build shows every
    picture (a real blog: 11 photos, 1 imported).  So does it those in ``<details markdown="1">``."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "assets").mkdir()
    for name in ("1.jpg", "2.jpg", "3.jpg", "5.jpg"):
        (site / "assets" / name).write_bytes(b"\xff\xd8")
    post = "---\ntitle: 写真\n---\n\n![一](/assets/1.jpg)\n<p></p>\n![二](/assets/2.jpg)\n<p></p>\n"
    post += "![三](/assets/3.jpg)\n<p></p>\n![四](/assets/4.jpg)\n\n"
    post += '<details markdown="1">\n<summary>続き</summary>\n![五](/assets/5.jpg)\n![六](/assets/6.jpg)\n</details>\n'
    (site / "_posts" / "2021-03-31-photos.md").write_text(post, encoding="utf-8")
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert {"assets/1.jpg", "assets/2.jpg", "assets/3.jpg", "assets/5.jpg"} <= set(files(kb / "jekyll"))
    assert "2021-03-31-photos.md:11: /assets/4.jpg" in out
    assert "2021-03-31-photos.md:16: /assets/6.jpg" in out


def test_the_problems_and_missing_files_of_drafts_are_counted(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real blog (tokoik/blog): 958 of the build's 960 warnings came from 122 drafts Jekyll never published."""
    site = tmp_path / "site"
    posts = {
        "_posts/2026-01-01-a.md": "---\ntitle: A\n---\n\n{% youtube x %}\n",
        "_drafts/old.md": "---\ntitle: 下書き\n---\n\n{% codepen y %}\n\n![図](/images/lost.png)\n",
    }
    write_files(site, posts)
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert (
        "in drafts: 1 of the problems and 1 of the missing files (Jekyll published no draft; "
        "they are built here, on the drafts page: delete those you do not want)\n"
    ) in out


def test_a_missing_picture_with_a_query_is_in_the_advice(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_files(tmp_path / "site", {"_posts/2026-01-01-a.md": "---\ntitle: A\n---\n\n![図](/img/a.png?v=2)\n"})
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert '(suppress_warnings = ["image.not_readable"])' in out


def test_a_link_to_a_post_by_its_address_is_not_a_missing_file(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real blog (groonga.org) linked ``/ja/blog/2019/03/29/groonga-9.0.1``: its ``.1`` read as an extension,
    it was reported missing, though the build links it to the post.  A missing picture still is."""
    posts = {
        "_posts/2019-03-29-groonga-9.0.1.md": "---\ntitle: A\n---\n\n本文。\n",
        "_posts/2019-05-29-groonga-9.0.3.md": (
            "---\ntitle: B\n---\n\n[前回](/blog/2019/03/29/groonga-9.0.1) ![図](/groonga-9.0.1.png)\n"
        ),
    }
    status, out = run_import(capsys, site=write_files(tmp_path / "site", posts))
    assert status == 0
    assert "missing: 1 file posts refer to are not in the site" in out
    assert "/groonga-9.0.1.png" in out and "/blog/2019/03/29/groonga-9.0.1\n" not in out


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_missing_file_of_a_post_with_other_line_ends_is_reported_at_its_line(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], line_end: str
) -> None:
    """A real blog (tokoik/blog, 23 posts with CRLF): every missing file was reported at the end of its post."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    lines = ["---", "title: 改行", "---", "", "{{ site.title }}の図：", "", "![図](/images/lost.png)", "", "おわり", ""]
    (site / "_posts" / "2005-02-15-mdp.md").write_bytes(line_end.join(lines).encode())
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert "2005-02-15-mdp.md:7: /images/lost.png\n" in out


@pytest.mark.parametrize(
    "cover",
    [
        "header:\n  overlay_image: /assets/images/hero.jpg\n  overlay_filter: 0.5",  # Minimal Mistakes
        'cover-img:\n  - "/assets/images/hero.jpg": 表紙の写真\n  - /assets/images/other.jpg',  # Beautiful Jekyll
    ],
    ids=["minimal-mistakes", "beautiful-jekyll"],
)
def test_a_themes_cover_picture_is_imported(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cover: str
) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "assets" / "images").mkdir(parents=True)
    (site / "assets" / "images" / "hero.jpg").write_bytes(b"\xff\xd8")
    post = f"---\ntitle: 表紙\n{cover}\n---\n\n本文\n"
    (site / "_posts" / "2021-02-16-hero.md").write_text(post, encoding="utf-8")
    status, out = run_import(capsys, site=site)
    assert status == 0
    assert "assets/images/hero.jpg" in files(kb / "jekyll")
    assert "missing" not in out


def test_import_is_a_subcommand_and_the_command_line_imports_no_sphinx() -> None:
    assert COMMANDS["import"].__name__ == "jekyll_posts.importer"
    code = "import sys, jekyll_posts.cli; sys.exit(any(name.split('.')[0] == 'sphinx' for name in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, check=False).returncode == 0


# -- The imported site, built as `make html` builds it -----------------------------------

LIQUID_OR_KRAMDOWN = re.compile(r"\{\{|\{%|\{:|\{::")
#: what the fixture site has that cannot be shown as Jekyll showed it, each at its line
EXPECTED_WARNINGS = [
    "docs/posts/2026-01-17-broken.md:1: WARNING: no title in the front matter and no heading: "
    "the file name is used [jekyll_posts.title]",
    "docs/posts/2026-01-17-broken.md:5: WARNING: front matter is not valid YAML (column 1): "
    "found unexpected end of stream [jekyll_posts.yaml]",
    "docs/posts/2026/2026-01-14-sub-folder.md:15: WARNING: image file not readable: assets/img/nope.png "
    "[image.not_readable]",
    "docs/posts/2026/2026-01-14-sub-folder.md:21: WARNING: unknown tag 'codepen': shown as written "
    "[jekyll_posts.liquid]",
]


@dataclass
class ImportedSite:
    outdir: Path
    warnings: list[str]
    summary: str

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / page).read_text(encoding="utf-8"), "html.parser")

    def article(self, page: str) -> BeautifulSoup:
        article = self.soup(page).select_one("article")
        assert article is not None, page
        return article


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> ImportedSite:
    """The fixture site imported into a knowledge base with this repository's conf.py, then built."""
    kb = tmp_path_factory.mktemp("imported")
    (kb / "docs").mkdir()
    (kb / "docs" / "index.md").write_text("# ナレッジベース\n", encoding="utf-8")
    shutil.copyfile(REPO_DIR / "conf.py", kb / "conf.py")
    command = [sys.executable, "-m", "jekyll_posts.cli", "import", str(SITE), "--quiet"]
    summary = subprocess.run(command, cwd=kb, check=True, capture_output=True, text=True).stdout
    build = [sys.executable, "-m", "sphinx", "-b", "html", "-c", ".", "docs", "_build/html", "-q", "--no-color"]
    result = subprocess.run(build, cwd=kb, check=True, capture_output=True, text=True)
    warnings = [line.replace(f"{kb}/", "") for line in result.stderr.splitlines()]
    return ImportedSite(kb / "_build" / "html", warnings, summary)


def test_the_imported_site_warns_only_about_what_cannot_be_shown_as_jekyll_showed_it(imported: ImportedSite) -> None:
    assert sorted(imported.warnings) == sorted(EXPECTED_WARNINGS)


def test_the_imports_advice_makes_make_html_build(imported: ImportedSite) -> None:
    """A real blog (tokoik/blog): make html still failed with the suppress_warnings the import gave,
    for its missing pictures."""
    advice = re.search(r"\(suppress_warnings = (\[.*?\])\)", imported.summary)
    assert advice is not None, imported.summary
    kb = imported.outdir.parent.parent
    conf = (kb / "conf.py").read_text(encoding="utf-8")
    (kb / "conf.py").write_text(f"{conf}\nsuppress_warnings = {advice[1]}\n", encoding="utf-8")
    build = [sys.executable, "-m", "sphinx", "-b", "html", "-d", "_build/advised-doctrees", "docs", "_build/advised"]
    try:
        result = subprocess.run([*build, "-c", ".", "-q", "-W"], cwd=kb, check=False, capture_output=True, text=True)
    finally:
        (kb / "conf.py").write_text(conf, encoding="utf-8")
    assert result.returncode == 0, result.stderr


def test_every_imported_post_and_draft_is_a_page(imported: ImportedSite) -> None:
    for post in (*POSTS, *DRAFTS):
        page = PurePosixPath(post).relative_to("docs").with_suffix(".html")
        assert (imported.outdir / page).is_file(), page


def test_no_liquid_or_kramdown_is_left_but_a_plugins_tag(imported: ImportedSite) -> None:
    for post in POSTS:
        article = imported.article(PurePosixPath(post).relative_to("docs").with_suffix(".html").as_posix())
        for code in article.select("code, pre"):
            code.decompose()
        left = [line for line in article.get_text().splitlines() if LIQUID_OR_KRAMDOWN.search(line)]
        assert left == (["コードは {% codepen 0123abcd %} にもあります。"] if "sub-folder" in post else []), post


def test_kramdown_attributes_headings_toc_and_comments_are_shown_as_jekyll_did(imported: ImportedSite) -> None:
    article = imported.article("posts/2026-01-12-markdown-ext.html")
    assert article.select_one("section#structure h2").get_text().rstrip("#") == "構成"
    assert article.select_one("p.note").get_text() == "構成図の説明です。"
    assert [a.get_text() for a in article.select("nav.contents a")] == ["構成"]
    assert "表示されません" not in article.get_text()
    assert next(a for a in article.select("a") if a.get_text() == "構成の節")["href"] == "#structure"


def test_every_image_shown_is_in_the_site(imported: ImportedSite) -> None:
    shown = 0
    for page in imported.outdir.joinpath("posts").rglob("*.html"):
        for image in imported.article(page.relative_to(imported.outdir).as_posix()).select("img"):
            source = unquote(image["src"])
            if source.endswith("/nope.png"):  # not in the site: warned about above
                continue
            assert (page.parent / source).resolve().is_file(), (page, source)
            shown += 1
    assert shown >= 6


def test_links_between_posts_lead_to_their_pages(imported: ImportedSite) -> None:
    page = "posts/2026-01-10-liquid-sample.html"
    link = next(a for a in imported.article(page).select("a") if a.get_text() == "はじめての投稿")
    assert link["href"] == "2026-01-05-first-post.html"  # {% post_url 2026-01-05-first-post %}
    pdf = next(
        a
        for a in imported.article("posts/ja/news/_posts/2026-01-15-nested.html").select("a")
        if a.get_text() == "発表資料"
    )
    assert (imported.outdir / "posts/ja/news/_posts" / unquote(pdf["href"])).resolve().is_file()


def test_every_relative_link_of_a_post_leads_to_a_file_and_anchor_of_the_site(imported: ImportedSite) -> None:
    checked = 0
    for page in imported.outdir.joinpath("posts").rglob("*.html"):
        for link in imported.article(page.relative_to(imported.outdir).as_posix()).select("a[href]"):
            parts = urlsplit(link["href"])
            if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), (page, link["href"])
            if parts.fragment:
                ids = {
                    element["id"] for element in imported.soup(str(target.relative_to(imported.outdir))).select("[id]")
                }
                assert unquote(parts.fragment) in ids, (page, link["href"])
            checked += 1
    assert checked > 20


def test_the_old_urls_lead_to_the_posts(imported: ImportedSite) -> None:
    redirects = {
        "お知らせ/2026/01/05/first-post/index.html": "posts/2026-01-05-first-post.html",
        "技術/2026/01/14/sub-folder/index.html": "posts/2026/2026-01-14-sub-folder.html",
        "ja/news/2026/01/15/nested/index.html": "posts/ja/news/_posts/2026-01-15-nested.html",
    }
    for old, new in redirects.items():
        refresh = imported.soup(old).select_one('meta[http-equiv="refresh"]')
        assert refresh is not None, old
        target = refresh["content"].split("url=", 1)[1]
        assert (imported.outdir / old).parent.joinpath(unquote(target)).resolve() == (imported.outdir / new).resolve()


def test_many_problems_are_summed_up_by_kind_with_a_few_of_each(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "many"
    (site / "_posts").mkdir(parents=True)
    for day in range(1, 26):
        (site / "_posts" / f"2026-01-{day:02d}-n.md").write_text("---\ntitle: t\ntags: 2024\n---\n\nx\n", "utf-8")
    (site / "_posts" / "2026-02-01-yaml.md").write_text("---\ntitle: [\n---\n\nx\n", encoding="utf-8")

    status, out = run_import(capsys, site=site)

    assert status == 0
    problems = out.split("problems: 27 in 26 files (imported all the same; the import does not fail)\n")[1]
    lines = problems.splitlines()
    assert lines[0] == "  jekyll_posts.taxonomy: 25"
    assert (
        lines[1]
        == "    docs/posts/2026-01-01-n.md:3: tags: 2024 is a number: quote it to make it text [jekyll_posts.taxonomy]"
    )
    assert lines[6:8] == ["    ... 20 more", "  jekyll_posts.title: 1"]  # then the yaml one, each kind in full
    assert lines[-3] == "every one: jekyll-posts check docs/posts"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_commands_help_says_what_it_does(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jekyll_posts.cli", command, "--help"], capture_output=True, text=True, check=True
    )
    summary = (COMMANDS[command].__doc__ or "").split("\n")[0]
    assert " ".join(summary.split()) in " ".join(result.stdout.split())


def test_only_the_posts_of_the_folders_named_are_imported(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_import(capsys, "--only", "ja/")
    assert status == 0
    assert "posts: 1 (1 new, 0 updated, 0 unchanged) into docs/posts" in out
    assert "drafts: 0 (0 new, 0 updated, 0 unchanged) into docs/posts" in out
    imported = sorted(path.relative_to(kb).as_posix() for path in (kb / "docs" / "posts").rglob("*.md"))
    assert imported == ["docs/posts/ja/news/_posts/2026-01-15-nested.md"]
    status, out = run_import(capsys, "--only", "_posts", "--only", "_drafts")
    assert "posts: 6 (6 new, 0 updated, 0 unchanged) into docs/posts" in out
    assert "drafts: 1 (1 new, 0 updated, 0 unchanged) into docs/posts" in out


def test_only_a_folder_inside_posts_imports_its_posts_and_a_folder_with_none_is_named(
    kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """jekyll-polyglot keeps a folder per language inside ``_posts`` (``_posts/ja``): a real blog's
    ``--only _posts/ja`` imported nothing and said nothing."""
    status, out = run_import(capsys, "--only", "_posts/2026", "--only", "_posts/jp")
    assert status == 1
    assert "posts: 1 (1 new, 0 updated, 0 unchanged) into docs/posts" in out
    assert "--only _posts/jp: no post or draft of the site is there" in out
    imported = sorted(path.relative_to(kb).as_posix() for path in (kb / "docs" / "posts").rglob("*.md"))
    assert imported == ["docs/posts/2026/2026-01-14-sub-folder.md"]


def test_a_knowledge_base_without_a_home_page_is_told_it_needs_one(
    kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sphinx stops without its root document: a real user's first build ended in a traceback."""
    status, out = run_import(capsys, "--dry-run")
    assert status == 0
    assert "docs has no index.md: Sphinx needs a home page to build" in out
    (kb / "docs" / "index.md").write_text("# ホーム\n", encoding="utf-8")
    assert "no index.md" not in run_import(capsys, "--dry-run")[1]
