"""Time ``kramdown_to_myst`` on 1,000 Japanese bodies of about 10 KB.

    python bench/kramdown.py [N]

Five runs each (the fastest and the median are printed): on bodies without
kramdown syntax (the common case: one scan), and on the same bodies with an
IAL, a TOC, span IALs, a comment, math, a footnote and an abbreviation in each.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import paragraph

from jekyll_posts.core.jekyll.kramdown import kramdown_to_myst

KRAMDOWN = """* TOC
{:toc}

## 概要 {#gaiyou}

{{para}}
{: .note}

[リンク](http://example.com){: target="_blank"} と `code`{: .language-ruby} と *強調*{: .x}。

{::comment}
メモ
{:/comment}

$$
E = mc^2
$$

注釈[^1]です。HTMLの話。

[^1]: 注釈の本文。
*[HTML]: Hyper Text Markup Language
"""


def bodies(count: int, with_kramdown: bool) -> list[str]:
    rng = random.Random(1)
    result = []
    for _ in range(count):
        blocks: list[str] = []
        while sum(len(block.encode()) for block in blocks) < 10_000:
            blocks.append(paragraph(rng))
        if with_kramdown:
            blocks.insert(len(blocks) // 2, KRAMDOWN.replace("{{para}}", paragraph(rng)))
        result.append("\n\n".join(blocks) + "\n")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for with_kramdown in (False, True):
        texts = bodies(count, with_kramdown)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            for text in texts:
                kramdown_to_myst(text)
            times.append(time.perf_counter() - started)
        size = sum(len(text.encode()) for text in texts) / count / 1000
        label = "with kramdown syntax" if with_kramdown else "without kramdown syntax"
        fastest, median = min(times) * 1000, sorted(times)[2] * 1000
        print(f"{count} bodies of {size:.1f} KB {label}: {fastest:.0f} ms (fastest of 5), median {median:.0f} ms")


if __name__ == "__main__":
    main()
