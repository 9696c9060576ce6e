"""AMP's elements in a post, as plain HTML shows them (no AMP script runs here)."""

from __future__ import annotations

import pytest

from jekyll_posts.core.jekyll.embeds import amp_as_html

TWEET = "https://twitter.com/i/web/status/1033586650725502976"


@pytest.mark.parametrize(
    ("amp", "html"),
    [
        (
            '<amp-twitter\n  width="375"\n  layout="responsive"\n  data-tweetid="1033586650725502976">\n</amp-twitter>',
            f'<a href="{TWEET}">{TWEET}</a>\n',
        ),
        (
            '<amp-img src="/a.png" alt="写真 &amp; 図" width=300 height=200 layout="responsive"></amp-img>',
            '<img src="/a.png" alt="写真 &amp; 図" width="300" height="200">',
        ),
        (
            '<amp-iframe src="https://slide.example/v.html" width="640" sandbox="allow-scripts" allowfullscreen '
            'layout="responsive" resizable onload="x()">\n<div overflow>開く</div>\n</amp-iframe>',
            '<iframe src="https://slide.example/v.html" width="640" sandbox="allow-scripts" allowfullscreen></iframe>\n'
            "<div overflow>開く</div>\n",
        ),
        (
            '<amp-gist data-gistid="849166c048a2117c341d" data-file="env_ltsv_each.rb" height="9"></amp-gist>',
            '<a href="https://gist.github.com/849166c048a2117c341d#file-env_ltsv_each-rb">'
            "https://gist.github.com/849166c048a2117c341d#file-env_ltsv_each-rb</a>",
        ),
        (
            '<amp-youtube data-videoid="dQw4w9WgXcQ" width="480"></amp-youtube>',
            '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a>',
        ),
        ("</amp-iframe>", ""),  # an end tag Markdown parted from its start tag: the iframe is closed already
        # the old site's furniture shows nothing, as before
        ('<amp-analytics type="gtag"></amp-analytics>', '<amp-analytics type="gtag"></amp-analytics>'),
    ],
)
def test_amp_elements_are_what_plain_html_shows(amp: str, html: str) -> None:
    assert amp_as_html(amp) == html


@pytest.mark.parametrize(
    ("amp", "html"),
    [
        ('<amp-iframe src="javascript:alert(1)"></amp-iframe>', "<iframe></iframe>"),
        ('<amp-img src="a.png" alt=\'"><script>x()</script>\'>', '<img src="a.png" alt="&quot;&gt;&lt;script&gt;'),
        ('<amp-twitter data-tweetid="1 onclick=x()"></amp-twitter>', '<amp-twitter data-tweetid="1 onclick=x()">'),
    ],
)
def test_nothing_a_value_holds_runs(amp: str, html: str) -> None:
    """A script URL is dropped, a value stays a value, an id that is not one links nowhere."""
    assert amp_as_html(amp).startswith(html)
