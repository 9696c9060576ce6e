"""N Jekyll-style Japanese posts, made deterministically, for tests and benchmarks.

    python -m jekyll_posts.testing.corpus 1000 /tmp/kb-1000      # writes posts/ and index.md

Each post is about 10 KB: Japanese paragraphs with English terms, headings, a
list, a code block and links to earlier posts; front matter with a title,
a date over five years, 1-5 of ~150 tags drawn with Zipf weights, one or two
of ~15 categories and one of ~8 authors.  One post in five is written the
Jekyll way: Liquid (``page.*``, ``site.*``, a filter, ``post_url`` to an
earlier post, a ``highlight`` block) and kramdown (an attribute list, a hidden
comment).  The same N and seed give the same files byte for byte.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

#: the share of posts written the Jekyll way (Liquid and kramdown)
JEKYLL_SHARE = 0.2
KANJI_WORDS = [
    "推論",
    "学習",
    "性能",
    "技術",
    "企業",
    "導入",
    "研究",
    "開発",
    "分析",
    "評価",
    "設計",
    "運用",
    "品質",
    "検証",
    "画像認識",
    "自然言語処理",
    "機械学習",
    "深層学習",
    "推論能力",
    "中小企業",
    "技術者",
    "生成",
    "検索",
    "最適化",
    "自動化",
    "基盤",
    "顧客",
    "市場",
    "戦略",
    "効率",
    "精度",
    "安全性",
    "倫理",
    "規制",
    "投資",
    "人材",
    "教育",
]
KATAKANA_WORDS = [
    "マルチモーダル",
    "エージェント",
    "データセット",
    "アーキテクチャ",
    "ベンチマーク",
    "プラットフォーム",
    "スタートアップ",
    "エコシステム",
    "パイプライン",
    "ワークフロー",
    "インフラ",
    "クラウド",
    "セキュリティ",
    "トランスフォーマー",
    "プロンプト",
    "ファインチューニング",
    "コンテナ",
    "モニタリング",
]
LATIN_WORDS = ["LLM", "GPU", "API", "Python", "Sphinx", "Kubernetes", "RAG", "OpenAI", "Meta", "Llama", "CI/CD"]
PARTICLES = ["は", "が", "を", "に", "で", "と", "の", "も", "から", "まで"]
ENDINGS = ["です。", "ます。", "でしょう。", "かもしれません。", "と考えられます。", "が重要です。", "が求められます。"]
AUTHORS = ["山田太郎", "佐藤花子", "鈴木一郎", "高橋美咲", "田中健", "伊藤真理", "渡辺翔", "ALLFORCES編集部"]
CATEGORIES = [
    "AI最新ニュース",
    "機械学習",
    "インフラ",
    "セキュリティ",
    "データ分析",
    "開発手法",
    "製品",
    "お知らせ",
    "研究",
    "事例紹介",
    "チーム",
    "クラウド",
    "モバイル",
    "フロントエンド",
    "バックエンド",
]


def tag_pool(rng: random.Random) -> list[str]:
    words = KANJI_WORDS + KATAKANA_WORDS + LATIN_WORDS
    tags = list(dict.fromkeys(words))
    while len(tags) < 150:
        tags.append(rng.choice(KANJI_WORDS) + rng.choice(KATAKANA_WORDS))
        tags = list(dict.fromkeys(tags))
    return tags


def sentence(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 6)):
        word = rng.choice(KANJI_WORDS + KATAKANA_WORDS + LATIN_WORDS)
        parts.append(word + rng.choice(PARTICLES))
    return "".join(parts) + rng.choice(KANJI_WORDS) + rng.choice(ENDINGS)


def paragraph(rng: random.Random) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(4, 8)))


def body(rng: random.Random, index: int, names: list[str]) -> str:
    blocks = [paragraph(rng)]
    for section in range(rng.randint(3, 5)):
        blocks.append(f"## {rng.choice(KATAKANA_WORDS)}と{rng.choice(KANJI_WORDS)} {section + 1}")
        blocks.extend(paragraph(rng) for _ in range(rng.randint(3, 5)))
        if section == 1:
            blocks.append("\n".join(f"- {rng.choice(KANJI_WORDS)}の{rng.choice(KATAKANA_WORDS)}" for _ in range(4)))
        if section == 2:
            blocks.append("```python\nfor item in items:\n    print(item)\n```")
    if index:
        earlier = names[rng.randrange(index)]
        blocks.append(f"関連記事: [前の投稿](./{earlier}.md)")
        if rng.random() < JEKYLL_SHARE:
            blocks.extend(jekyll_blocks(rng, earlier))
    return "\n\n".join(blocks) + "\n"


def jekyll_blocks(rng: random.Random, earlier: str) -> list[str]:
    """What a post written for Jekyll holds: Liquid and kramdown."""
    return [
        '{{ page.title }}は{{ page.date | date: "%Y年%-m月%-d日" }}の投稿です（{{ site.title }}）。',
        f"[以前の投稿]({{% post_url {earlier} %}})も参照してください。",
        '{% highlight ruby %}\nputs "' + rng.choice(KANJI_WORDS) + '"\n{% endhighlight %}',
        paragraph(rng) + "\n{: .note}",
        "{::comment}\n" + sentence(rng) + "\n{:/comment}",
    ]


def post_date(index: int, count: int) -> datetime:
    """Posts spread evenly over five years, in the order of their index."""
    return datetime(2021, 1, 1, 9) + timedelta(minutes=int(index * (5 * 365 * 24 * 60) / count))


def post(rng: random.Random, index: int, count: int, names: list[str], tags: list[str], weights: list[float]) -> str:
    when = post_date(index, count)
    chosen = list(dict.fromkeys(rng.choices(tags, weights=weights, k=rng.randint(1, 5))))
    title = f"{rng.choice(KATAKANA_WORDS)}で変わる{rng.choice(KANJI_WORDS)}の{rng.choice(KANJI_WORDS)} 第{index + 1}回"
    front = [
        "---",
        "layout: post",
        f'title: "{title}"',
        f"date: {when:%Y-%m-%d %H:%M:%S} +0900",
        f"categories: [{', '.join(rng.sample(CATEGORIES, rng.randint(1, 2)))}]",
        f"tags: [{', '.join(chosen)}]",
        f'author: "{rng.choice(AUTHORS)}"',
        f'excerpt: "{sentence(rng)}"',
        "---",
        "",
    ]
    return "\n".join(front) + body(rng, index, names)


def generate(count: int, target: Path, seed: int = 1, extra_posts: tuple[Path, ...] = ()) -> list[Path]:
    """Write ``count`` posts into ``target/posts`` (and copies of ``extra_posts``), and an index page."""
    rng = random.Random(seed)
    tags = tag_pool(rng)
    weights = [1 / (rank + 1) for rank in range(len(tags))]
    names = [f"{post_date(i, count):%Y-%m-%d}-post-{i:05d}" for i in range(count)]
    posts = target / "posts"
    if posts.exists():
        shutil.rmtree(posts)
    posts.mkdir(parents=True)
    paths = []
    for index, name in enumerate(names):
        path = posts / f"{name}.md"
        path.write_text(post(rng, index, count, names, tags, weights), encoding="utf-8")
        paths.append(path)
    for extra in extra_posts:
        shutil.copyfile(extra, posts / extra.name)
    (target / "index.md").write_text("# ベンチマーク\n\n```{postlist} 10\n:excerpts:\n```\n", encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extra-post", type=Path, action="append", default=[], help="a post to copy in as it is")
    arguments = parser.parse_args()
    generate(arguments.count, arguments.target, arguments.seed, tuple(arguments.extra_post))


if __name__ == "__main__":
    main()
