"""Liquid benchmark: render N typical post bodies with the test Jekyll site.

    python bench/render_liquid.py 1000
    python bench/render_liquid.py 1000 --runs 5

The bodies are bench/generate.py's Japanese posts (about 10 KB each), each
given a few Liquid tags: outputs with filters, an include with parameters, a
highlight block, a post_url and a loop over site.data.  Prints the median of
--runs runs, wall clock and this process's CPU time (steadier on a busy
machine): all N bodies with their tags, then the same bodies without Liquid
(which never reach the engine).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from common import REPO, median
from generate import body

sys.path.insert(0, str(REPO))
from jekyll_posts.core.jekyll import Links, load_jekyll_site
from jekyll_posts.core.jekyll.liquid import render_liquid

SITE_FOLDER = REPO / "tests" / "fixtures" / "jekyll-site"
TAGS = """
{{ page.title }}（{{ page.date | date: "%Y年%-m月%-d日" }}、{{ page.tags | array_to_sentence_string: "と" }}）

{% include note.html title="注意" content=page.title type="warning" %}

{% highlight ruby linenos %}
def hello
  puts "{{ site.title }}"
end
{% endhighlight %}

前回の記事は[こちら]({% post_url 2026-01-05-first-post %})です。

{% for member in site.data.members %}- {{ member.name }}（{{ member.role }}）
{% endfor %}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    rng = random.Random(1)
    names = [f"post-{index:05d}" for index in range(arguments.count)]
    plain = [body(rng, index, names) for index in range(arguments.count)]
    with_tags = [text.replace("\n\n## ", TAGS + "\n## ", 1) for text in plain]
    site, problems = load_jekyll_site(SITE_FOLDER, {})
    assert not problems, problems
    links = Links(post_url=lambda name: f"{name}.md", link=lambda path: None)
    page = {"title": "ベンチマーク", "date": datetime(2026, 1, 10, tzinfo=ZoneInfo("Asia/Tokyo")), "tags": ["A", "B"]}
    for label, bodies in (("with Liquid", with_tags), ("without Liquid", plain)):
        walls, cpus = [], []
        for _ in range(arguments.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            for text in bodies:
                rendered = render_liquid(text, 10, page, site, links)
                assert not rendered.problems, rendered.problems
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        size = sum(len(text.encode("utf-8")) for text in bodies) / len(bodies) / 1024
        each = median(cpus) / len(bodies) * 1000
        print(
            f"{arguments.count} bodies {label} (~{size:.1f} KB): {median(walls):.3f} s wall, "
            f"{median(cpus):.3f} s CPU, {each:.3f} ms CPU each"
        )


if __name__ == "__main__":
    main()
