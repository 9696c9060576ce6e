"""Property tests: random front matter never breaks the mapping, and random posts all reach the site."""

from __future__ import annotations

import string
from datetime import date, datetime
from pathlib import PurePosixPath

import yaml
from conftest import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jekyll_posts.core import KNOWN_KEYS, SUBTYPES, ParsedPost, PostRecord, Problem, ReadOptions, SourceFile, parse_post

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
JAPANESE = st.text(alphabet="あいうえおカキクケコ日本語漢字ー「」、。ガイドカイト", min_size=1, max_size=12)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    TEXT,
    JAPANESE,
    st.dates(),
    st.datetimes(),
    st.sampled_from(["2026-01-01", "2026-02-30", "2026-01-01 09:00:00 +0900", "soon"]),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=12
)
KEYS = st.one_of(st.sampled_from(sorted(KNOWN_KEYS | {"catgories", "tag", "autor", "permalink"})), TEXT)
FRONT_MATTER = st.dictionaries(KEYS, VALUES, max_size=8)
OPTIONS = ReadOptions(now=datetime(2026, 6, 1).astimezone())


def as_yaml(front_matter: dict[str, object]) -> str:
    return yaml.safe_dump(front_matter, allow_unicode=True, default_flow_style=False)


def assert_well_formed(parsed: ParsedPost) -> None:
    assert isinstance(parsed.record, PostRecord)
    assert all(isinstance(problem, Problem) and problem.subtype in SUBTYPES for problem in parsed.problems)
    assert all(problem.line >= 1 for problem in parsed.problems)
    assert parsed.record.title and parsed.record.reading_time >= 1
    assert all(isinstance(term, str) and term for term in parsed.record.tags + parsed.record.categories)


@given(FRONT_MATTER, TEXT, st.booleans())
@settings(max_examples=400, deadline=None)
def test_random_front_matter_gives_a_record_and_problems(
    front_matter: dict[str, object], body: str, in_posts: bool
) -> None:
    text = f"---\n{as_yaml(front_matter)}---\n{body}\n"
    source = SourceFile(PurePosixPath("posts/2026-01-01-x.md"), in_posts_folder=in_posts)
    parsed = parse_post(text, source, OPTIONS)
    assert_well_formed(parsed)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_in_a_posts_folder_gives_a_record(text: str) -> None:
    parsed = parse_post(text, SourceFile(PurePosixPath("posts/x.md"), in_posts_folder=True), OPTIONS)
    assert_well_formed(parsed)


POST = st.fixed_dictionaries(
    {"title": st.one_of(TEXT, JAPANESE), "tags": st.lists(st.one_of(TEXT, JAPANESE), max_size=4)},
    optional={
        "date": st.one_of(st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 1, 1)), TEXT),
        "categories": VALUES,
        "author": VALUES,
        "excerpt": st.one_of(TEXT, VALUES),
        "published": st.booleans(),
    },
)
SLUGS = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=8)


@given(st.dictionaries(SLUGS, POST, min_size=1, max_size=6))
@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
def test_a_site_of_random_posts_builds_with_every_post(tmp_path_factory, posts: dict[str, dict[str, object]]) -> None:
    srcdir = tmp_path_factory.mktemp("random")
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]\n')
    (srcdir / "index.md").write_text("# Home\n")
    (srcdir / "posts").mkdir()
    for name, front_matter in posts.items():
        (srcdir / "posts" / f"2025-01-01-{name}.md").write_text(f"---\n{as_yaml(front_matter)}---\nBody of {name}.\n")
    built = build(srcdir, srcdir / "_build")
    for name in posts:
        page = built.outdir / "posts" / f"2025-01-01-{name}.html"
        assert page.is_file()
        assert f"Body of {name}." in page.read_text(encoding="utf-8")
    unexpected = [line for line in built.warnings.splitlines() if "[jekyll_posts." not in line]
    assert unexpected == []
