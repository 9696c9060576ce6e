"""Front matter is parsed by libyaml when PyYAML has it: it must read exactly what PyYAML reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jekyll_posts.core import frontmatter
from jekyll_posts.core.frontmatter import read_front_matter, split_front_matter

TESTS = Path(__file__).resolve().parents[1]
WRITTEN = [
    'title: "Llama 4の「2倍」"\ndate: 2026-01-01 02:40:14 +0000\ntags: [AI, 推論]\n',
    "title: 複数行\nexcerpt: |\n  一行目\n  二行目\ncategories:\n  - 技術\n  - 運用\n",
    "base: &a {x: 1, y: [1, 2]}\nother: *a\n1: number key\nyes: YAML 1.1 boolean key\n",
    'title: "\\u2028 and \\x85 and 😀"\nodd: "tab\\there"\nempty:\nnull_value: ~\n',
    "title: 'quoted ''single'''\nfloat: 1.50\noctal: 0o17\ndate: 2017-2-5\n",
    "title: \u00e9t\u00e9\nnested:\n  deeper:\n    deepest: [a, {b: c}]\n",
    "title: [unclosed\n",
    "\ttitle: tab\n",
    "title: a\ntitle: duplicate key\n",
    "- not\n- a mapping\n",
    "",
]


def front_matters_of_the_test_sites() -> list[str]:
    texts = []
    for path in sorted([*(TESTS / "roots").rglob("*.md"), *(TESTS.parent / "docs").rglob("*.md")]):
        split = split_front_matter(path.read_text(encoding="utf-8", errors="replace"))
        if split is not None:
            texts.append(split.yaml_text)
    return texts


def read_by_pyyaml_alone(yaml_text: str, monkeypatch: pytest.MonkeyPatch) -> frontmatter.FrontMatterData:
    with monkeypatch.context() as patched:
        patched.setattr(frontmatter, "_FastJekyllLoader", frontmatter._JekyllLoader)
        return read_front_matter(yaml_text)


def test_pyyaml_has_libyaml_here() -> None:
    assert yaml.__with_libyaml__, "the fast path is not tested on this machine"


@pytest.mark.parametrize("yaml_text", WRITTEN + front_matters_of_the_test_sites())
def test_libyaml_reads_what_pyyaml_reads(yaml_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = read_front_matter(yaml_text)
    alone = read_by_pyyaml_alone(yaml_text, monkeypatch)
    assert (fast.values, fast.lines, fast.problems) == (alone.values, alone.lines, alone.problems)
