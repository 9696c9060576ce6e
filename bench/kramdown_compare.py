"""Compare what Jekyll's kramdown shows with what MyST shows after ``kramdown_to_myst``.

    apt-get install jekyll            # Debian's jekyll 4.3 with kramdown 2.4 and its GFM parser
    python bench/kramdown_compare.py [SEED] [COUNT]

Generates COUNT documents from kramdown fragments, renders each with Jekyll's
kramdown settings and, rewritten, with MyST's markdown-it (attrs_inline,
attrs_block, deflist), and prints those whose visible text differs.  Many
differences left are fragments glued in ways no post is written (a
``{::comment}`` as a list item's lazy line); read them, do not count them.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys
from pathlib import Path

from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jekyll_posts.core.jekyll.kramdown import kramdown_to_myst

KRAMDOWN = """
require "jekyll"
require "json"
config = Marshal.load(Marshal.dump(Jekyll::Configuration::DEFAULTS))
converter = Jekyll::Converters::Markdown::KramdownParser.new(config)
puts JSON.generate(JSON.parse(STDIN.read).map { |text| converter.convert(text) })
"""

FRAGMENTS = [
    *["", "", "", ""],
    *["{: .x}", "{:toc}", "* TOC", "1. item", "* item", "{:a: .b}", "{: a}", "## H {#h}", "### Sub\n{: .no_toc}"],
    *["{::comment}", "{:/comment}", "{::nomarkdown}", "{:/nomarkdown}", '{::options x="1" /}'],
    *["$$", "$$x$$", "a $$y$$ b", "text[^1]", "[^1]: note", "*[HTML]: b", "HTML word", "% percent"],
    *["[1]: http://a b", "[x][1] ref", "[a][1](note)", "para text", "日本語の文です。", "> q"],
    *["`c`{: .k}", "[l](u){: .c}", "text{: .t}", "**強調**{: .s}", "```\ncode {: .x}\n```", "Term\n: def"],
]


def without_kramdown_toc(page: str) -> str:
    """kramdown's TOC list (nested lists and all) as ``TOC``, nothing when it is empty."""
    found = re.search(r'<(ul|ol) id="markdown-toc">', page)
    if found is None:
        return page
    start, kind = found.start(), found[1]
    depth, position = 0, start
    for tag in re.finditer(rf"<(/?){kind}\b[^>]*>", page[start:]):
        depth += -1 if tag[1] else 1
        if depth == 0:
            position = start + tag.end()
            break
    empty = "<li" not in page[start:position]
    return page[:start] + ("" if empty else " TOC ") + page[position:]


def visible_text(page: str) -> str:
    page = without_kramdown_toc(page)
    toc = " TOC " if "<h" in page else ""
    page = re.sub(r'<pre><code class="language-\{contents\}">.*?</code></pre>', toc, page, flags=re.S)
    page = re.sub(r'<pre><code class="language-\{math\}">(.*?)</code></pre>', r"\1", page, flags=re.S)
    raw = r'<code class="language-\{raw\}">(.*?)</code>'
    page = re.sub(raw, lambda match: html.unescape(match[1]), page, flags=re.S)
    page = re.sub(r"\{math\}\[(.*?)\]", r"\1", page)
    page = re.sub(r"<!--.*?-->|<div class=\"footnotes\".*|<section class=\"footnotes.*", "", page, flags=re.S)
    page = re.sub(r"<sup[^>]*>.*?</sup>", "FN", page, flags=re.S)
    page = html.unescape(re.sub(r"<[^>]+>", " ", page))
    for delimiter in ("\\[", "\\]", "\\(", "\\)"):
        page = page.replace(delimiter, "")
    return " ".join(page.split())


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    rng = random.Random(seed)
    texts = ["\n".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(2, 10))) + "\n" for _ in range(count)]
    ruby = subprocess.run(["ruby", "-e", KRAMDOWN], input=json.dumps(texts), capture_output=True, text=True, check=True)
    myst = create_md_parser(MdParserConfig(enable_extensions={"attrs_inline", "attrs_block", "deflist"}), RendererHTML)
    differences = 0
    for text, kramdown_html in zip(texts, json.loads(ruby.stdout), strict=True):
        rewritten = kramdown_to_myst(text)
        expected, shown = visible_text(kramdown_html), visible_text(myst.render(rewritten))
        if expected != shown:
            differences += 1
            print(f"{'=' * 60}\n{text}--- for MyST\n{rewritten}--- kramdown: {expected}\n--- MyST    : {shown}")
    print(f"{differences} of {count} documents show different text")


if __name__ == "__main__":
    main()
