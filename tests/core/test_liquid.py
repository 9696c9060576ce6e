"""Jekyll's Liquid in post bodies: the site folder, tags, filters, and problems at the file's lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from jekyll_posts.core import Problem
from jekyll_posts.core.jekyll import JekyllSite, load_jekyll_site

SITE_FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "jekyll-site"
DEFAULTS = {"title": "既定のタイトル", "url": "http://localhost:8000", "baseurl": "", "copyright": "チーム"}
SITE, SITE_PROBLEMS = load_jekyll_site(SITE_FOLDER, DEFAULTS)


# The site folder


def test_the_fixture_site_loads_without_problems() -> None:
    assert SITE_PROBLEMS == []
    assert SITE.root == SITE_FOLDER
    assert SITE.includes == SITE_FOLDER / "_includes"


def test_config_values_win_over_defaults_which_fill_the_rest() -> None:
    assert SITE.config["title"] == "チーム技術ブログ"
    assert SITE.config["url"] == "https://blog.example.jp"
    assert SITE.config["baseurl"] == "/tech"
    assert SITE.config["excerpt_separator"] == "<!--more-->"
    assert SITE.config["copyright"] == "チーム"


def test_data_files_nest_by_folder_with_their_types() -> None:
    assert SITE.data["members"][0] == {
        "name": "山田 太郎",
        "role": "リードエンジニア",
        "github": "yamada",
        "joined": 2019,
    }
    assert SITE.data["nested"]["links"]["docs"]["title"] == "社内ドキュメント"
    assert SITE.data["table"][1] == {"version": "1.1", "released": "2024-10-15", "note": "検索を高速化, バグ修正"}


def test_no_folder_gives_a_site_of_defaults() -> None:
    site, problems = load_jekyll_site(None, DEFAULTS)
    assert site == JekyllSite(config=DEFAULTS)
    assert problems == []


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "_config.yml",
            "title: [unclosed\nurl: x\n",
            Problem(2, "yaml", "not valid YAML: expected ',' or ']', but got ':': ignored"),
        ),
        (
            "_config.yml",
            "- a list\n",
            Problem(1, "yaml", "the configuration must be a mapping of keys to values: ignored"),
        ),
        (
            "_config.yml",
            "lang: ja\ntimezone: Mars/Base\n",
            Problem(2, "liquid", "timezone: unknown time zone 'Mars/Base': dates keep their own"),
        ),
        (
            "_data/bad.yml",
            "a: 1\n b: 2\n",
            Problem(2, "yaml", "not valid YAML: mapping values are not allowed here: ignored"),
        ),
        (
            "_data/bad.json",
            '{\n  "a": 1,\n}\n',
            Problem(
                3, "liquid", "not valid JSON: Expecting property name enclosed in double quotes: left out of site.data"
            ),
        ),
        (
            "_data/bad.csv",
            'a,b\n1,"2\n',
            Problem(2, "liquid", "not valid CSV: unexpected end of data: left out of site.data"),
        ),
        (
            "_data/latin1.yml",
            "a: 1\nb: caf\xe9\n".encode("latin-1"),
            Problem(2, "encoding", "not UTF-8: left out of the site"),
        ),
    ],
)
def test_a_bad_site_file_is_a_located_problem(
    tmp_path: Path, name: str, content: str | bytes, problem: Problem
) -> None:
    folder = write(tmp_path, {name: content, "_data/good.yml": "ok: true\n"})
    site, problems = load_jekyll_site(folder, {"title": "既定"})
    assert problems == [(folder / name, problem)]
    assert site.data["good"] == {"ok": True}
    assert site.config["title"] == "既定"


def test_data_keys_are_file_names_as_jekyll_cleans_them(tmp_path: Path) -> None:
    files = {
        "_data/my data.v2.yml": "1",
        "_data/メンバー.yml": "2",
        "_data/sub dir/a.tsv": "x\ty\n1\t2\n",
        "_data/x.txt": "3",
        "_data/.hidden.yml": "4",
    }
    folder = write(tmp_path, files)
    (folder / "_data" / "sub dir" / "loop").symlink_to(folder / "_data")
    site, problems = load_jekyll_site(folder, {})
    assert problems == []
    assert site.data == {"my_datav2": 1, "メンバー": 2, "sub_dir": {"a": [{"x": "1", "y": "2"}]}}


def test_configured_data_and_includes_folders_stay_inside_the_site(tmp_path: Path) -> None:
    files = {"_config.yml": "data_dir: datos\nincludes_dir: ../outside\n", "datos/a.yml": "1", "outside/x.html": ""}
    site, _ = load_jekyll_site(write(tmp_path / "site", files), {})
    assert site.data == {"a": 1}
    assert site.includes is None
