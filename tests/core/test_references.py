"""The files a post body points at, found as CommonMark reads them, and the site path each names."""

from __future__ import annotations

import pytest

from jekyll_posts.core.jekyll.references import (
    Reference,
    SiteAddress,
    is_page_address,
    references,
    relative_link_path,
    resolve,
    source_lines,
    target_path,
)

BODY = """\
Text [a](/x/y.png "title") and ![b](<with space.png>)
more <img src="/tech/assets/%E7%94%BB.png" srcset="a.png 1x, b.png 2x">

```html
![c](/in/fenced/code.png) <img src="/in/code.png">
```

    ![d](/indented/code.png)

[ref]: /defs/file.pdf
[unused]: /defs/unused.zip "never used"

<div>
<a href='/html/block.zip'>x</a><video poster=/poster.jpg></video>
</div>

Use [ref], `<img src="/code/span.png">` and [画像](/画像/テスト.png).
A note[^1] and &lt;img src="/escaped.png"&gt;.

[^1]: 3行におさまらなかった...
"""


def test_references_are_every_link_and_image_outside_code_at_their_lines() -> None:
    assert references(BODY) == [
        Reference(1, "/x/y.png"),
        Reference(1, "with%20space.png"),
        Reference(2, "/tech/assets/%E7%94%BB.png"),
        Reference(2, "a.png"),
        Reference(2, "b.png"),
        Reference(14, "/html/block.zip"),
        Reference(14, "/poster.jpg"),
        Reference(10, "/defs/file.pdf"),
        Reference(17, "/%E7%94%BB%E5%83%8F/%E3%83%86%E3%82%B9%E3%83%88.png"),
        Reference(11, "/defs/unused.zip"),
    ]


def test_a_body_without_links_has_no_references() -> None:
    assert references("") == []
    assert references("ただの文章です。\n\n## 見出し\n") == []


ADDRESS = SiteAddress("https://blog.example.jp", "/tech")


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("/tech/assets/a.png", "/assets/a.png"),
        ("/technology/a.png", "/technology/a.png"),
        ("/tech", "/"),
        ("https://blog.example.jp/tech/x.png", "/x.png"),
        ("http://BLOG.example.jp/tech/y.png?v=2#top", "/y.png"),
        # outside baseurl on the same host: another site (tokoik.github.io/mdp beside tokoik.github.io/blog)
        ("https://blog.example.jp/mdp/pre.swf", None),
        ("//blog.example.jp/y.png", None),
        ("//blog.example.jp/tech/z.png", "/z.png"),
        ("/files/%E8%B3%87%E6%96%99.pdf", "/files/資料.pdf"),
        ("rel/x.png", "rel/x.png"),
        ("https://other.example/x.png", None),
        ("ftp://blog.example.jp/x.png", None),
        ("mailto:team@example.jp", None),
        ("#top", None),
        ("?page=2", None),
        ("", None),
        ("{{ site.url }}/a.png", None),
    ],
)
def test_target_path_is_the_path_on_this_site_without_baseurl(target: str, path: str | None) -> None:
    assert target_path(target, ADDRESS) == path


def test_without_url_or_baseurl_only_paths_are_on_the_site() -> None:
    assert target_path("/tech/a.png", SiteAddress()) == "/tech/a.png"
    assert target_path("https://blog.example.jp/a.png", SiteAddress()) is None
    assert SiteAddress.of({"url": 3, "baseurl": None}) == SiteAddress()


@pytest.mark.parametrize(
    ("path", "page_url", "resolved"),
    [
        ("/assets/a.png", "/2026/01/05/x/", "assets/a.png"),
        ("a.png", "/2026/01/05/x/", "2026/01/05/x/a.png"),
        ("a.png", "/2026/01/05/x.html", "2026/01/05/a.png"),
        ("../../a.png", "/2026/01/05/x.html", "2026/a.png"),
        ("../../../../../a.png", "/2026/01/05/x.html", "a.png"),
        ("/assets/", "/x/", None),
        ("/", "/x/", None),
    ],
)
def test_resolve_reads_a_relative_path_from_the_page_folder(path: str, page_url: str, resolved: str | None) -> None:
    assert resolve(path, page_url) == resolved


@pytest.mark.parametrize(
    ("target", "page_url", "led_to"),
    [
        ("TinyYOLO_2", "/2019/08/22/TinyYOLO_1.html", ("/2019/08/22/TinyYOLO_2", "")),
        ("TinyYOLO_src#build", "/2019/08/22/TinyYOLO_1.html", ("/2019/08/22/TinyYOLO_src", "build")),
        ("../../../../2017/02/05/one-digit/", "/2026/01/13/separator/", ("/2017/02/05/one-digit/", "")),
        ("./next.html", "/blog/first/", ("/blog/first/next.html", "")),
        ("%E6%AC%A1.html", "/2026/01/05/x.html", ("/2026/01/05/次.html", "")),
        ("/2019/08/22/x.html", "/2019/08/22/y.html", None),
        ("https://example.com/x", "/2019/08/22/y.html", None),
        ("//example.com/x", "/2019/08/22/y.html", None),
        ("#section", "/2019/08/22/y.html", None),
        ("mailto:a@example.com", "/2019/08/22/y.html", None),
    ],
)
def test_a_relative_link_leads_where_the_old_page_led_it(
    target: str, page_url: str, led_to: tuple[str, str] | None
) -> None:
    assert relative_link_path(target, page_url) == led_to


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("2026/01/05/x.html", True),
        ("about", True),
        ("about.HTM", True),
        ("3行におさまらなかった...", True),
        ("assets/a.png", False),
        ("files/資料.pdf", False),
        ("v1.2", False),
    ],
)
def test_is_page_address_tells_pages_from_files(path: str, page: bool) -> None:
    assert is_page_address(path) is page


def test_source_lines_map_rendered_lines_back_to_the_tag_that_made_them() -> None:
    source = "a\n{{ x }}\nb\n{% include y.html %}\nc"
    assert source_lines(source, "a\nX\nb\n1\n2\n3\nc") == [0, 1, 2, 3, 3, 3, 4]
    assert source_lines(source, source) == [0, 1, 2, 3, 4]
    assert source_lines("a\n{% if x %}\nb\n{% endif %}", "a\n\nb\n") == [0, 1, 2, 3]
