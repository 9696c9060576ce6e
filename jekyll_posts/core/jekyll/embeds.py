"""What a post embeds from another site, as this site shows it: a gist, an Amazon item, and AMP's elements.

An Amazon plugin's ``{% amazon [type] ASIN %}`` (longkey1's octopress-amazon-plugin,
the jekyll-amazon gem, much used on Japanese blogs) fetched the item's title and
picture from Amazon's API as the site was built; here it is a link to the item's
page on the Amazon of the site's ``amazon_country`` (``jp``: amazon.co.jp; without
one, amazon.co.jp for a Japanese book, an ISBN starting with 4, else the plugins'
default, ``en``: amazon.com), :func:`amazon_url`; where the tag is a link's
destination, the page's address.

A Jekyll site made for AMP (the amp-jekyll plugin, hand-written AMP pages) writes
``<amp-img>``, ``<amp-iframe>``, ``<amp-twitter data-tweetid="...">``... in its
posts.  Without AMP's script (no page here loads it) a browser shows nothing
for them, and a tweet, a gist or a picture would be lost without a word.  So
:func:`amp_as_html` gives each what plain HTML shows of it:

- ``<amp-img>``: an ``<img>`` with its ``src``, ``srcset``, ``alt``, ``title``,
  ``width`` and ``height``;
- ``<amp-iframe>``: an ``<iframe>`` with its attributes but AMP's own (``layout``,
  ``resizable``), event handlers, and a ``src`` of a scheme other than ``http(s)``, closed
  at once (an iframe's content is never shown; an unclosed one would hide the rest of the page);
- ``<amp-twitter>``, ``<amp-youtube>``, ``<amp-instagram>``, ``<amp-gist>``: a
  link to the tweet, the video, the post or the gist, which are not embedded
  (no script from another site runs here);
- any other ``amp-`` element (analytics, ads, consent, sharing buttons: the old
  site's furniture) is left as it is, and shows nothing, as before.
"""

from __future__ import annotations

import html
import re

_GIST_ID = re.compile(r"(?:[A-Za-z0-9-]+/)?[A-Za-z0-9]+")
_AMP_TAG = re.compile(
    r"""<(/?)amp-(img|iframe|twitter|youtube|instagram|gist)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE
)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_WORD_ID = re.compile(r"[\w-]+")
_SCHEME = re.compile(r"\s*[A-Za-z][A-Za-z0-9+.-]*:")
_IMAGE_KEYS = ("src", "srcset", "alt", "title", "width", "height")
#: an Amazon item's id (an ISBN-10 for a book)
_ASIN = re.compile(r"[0-9A-Z]{10}")
#: an ISBN-10 of the Japanese group (4): a book sold on amazon.co.jp
_JAPANESE_BOOK = re.compile(r"4\d{8}[\dX]")
#: what the Amazon plugins' tags may show of an item: its title, or a picture of it
_AMAZON_TYPES = frozenset({"text", "small_image", "medium_image", "large_image", "detail"})
#: the plugins' ``amazon_country`` codes and their Amazon's domain
_AMAZON_DOMAINS = {
    "en": "amazon.com",
    "us": "amazon.com",
    "jp": "amazon.co.jp",
    "uk": "amazon.co.uk",
    "de": "amazon.de",
    "fr": "amazon.fr",
    "ca": "amazon.ca",
    "it": "amazon.it",
    "es": "amazon.es",
    "cn": "amazon.cn",
}
_NOT_FOR_IFRAMES = frozenset({"layout", "resizable", "srcdoc"})
_LINKS = {
    "twitter": ("data-tweetid", "https://twitter.com/i/web/status/{}", re.compile(r"\d+")),
    "youtube": ("data-videoid", "https://www.youtube.com/watch?v={}", _WORD_ID),
    "instagram": ("data-shortcode", "https://www.instagram.com/p/{}/", _WORD_ID),
}


def gist_url(gist_id: str, file: str = "") -> str | None:
    """The page of the gist jekyll-gist embeds, at its ``file`` (GitHub's ``#file-name-ext``).

    ``None`` for an id that is not a gist's: nothing but a user's name and the id goes in the link.
    """
    if not _GIST_ID.fullmatch(gist_id):
        return None
    anchor = re.sub(r"[^a-z0-9_-]+", "-", file.lower()).strip("-")
    return f"https://gist.github.com/{gist_id}" + (f"#file-{anchor}" if anchor else "")


def amazon_url(argument: str, country: object) -> str | None:
    """The page an Amazon plugin's tag argument (``large_image 4873113946``) names, on the Amazon of
    ``country``; ``None`` when it names no item by its ASIN."""
    *kind, item = argument.split() or [""]
    if not _ASIN.fullmatch(item) or len(kind) > 1 or not set(kind) <= _AMAZON_TYPES:
        return None
    country = country or ("jp" if _JAPANESE_BOOK.fullmatch(item) else "en")
    domain = _AMAZON_DOMAINS.get(str(country).strip().lower(), _AMAZON_DOMAINS["en"])
    return f"https://www.{domain}/dp/{item}"


def has_amp(text: str) -> bool:
    """Whether ``text`` has an AMP element's start or end tag (the two may be in raw HTML apart)."""
    return _AMP_TAG.search(text) is not None


def amp_as_html(text: str) -> str:
    """``text`` (HTML) with AMP's elements as plain HTML shows them (the module's list)."""
    return _AMP_TAG.sub(_as_html, text)


def _as_html(match: re.Match[str]) -> str:
    closing, name, attributes = match[1], match[2].lower(), attributes_of(match[3])
    if name == "img":
        return "" if closing else _element("img", {key: attributes[key] for key in _IMAGE_KEYS if key in attributes})
    if name == "iframe":  # closed at once: an end tag Markdown parted from it might never be read
        return "" if closing else _element("iframe", _iframe_attributes(attributes)) + "</iframe>"
    if closing:
        return ""
    url = _link_of(name, attributes)
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>' if url else match[0]


def _iframe_attributes(attributes: dict[str, str]) -> dict[str, str]:
    kept = {key: value for key, value in attributes.items() if key not in _NOT_FOR_IFRAMES and not key.startswith("on")}
    if _SCHEME.match(kept.get("src", "")) and not kept["src"].lower().startswith(("https://", "http://")):
        del kept["src"]
    return kept


def _link_of(name: str, attributes: dict[str, str]) -> str | None:
    if name == "gist":
        return gist_url(attributes.get("data-gistid", ""), attributes.get("data-file", ""))
    key, pattern, valid = _LINKS[name]
    value = attributes.get(key, "")
    return pattern.format(value) if valid.fullmatch(value) else None


def attributes_of(text: str) -> dict[str, str]:
    """An HTML tag's attributes (the text after its name), names in lower case, values unescaped."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found.setdefault(match[1].lower(), html.unescape(value))
    return found


def _element(name: str, attributes: dict[str, str]) -> str:
    written = "".join(f' {key}="{html.escape(value)}"' if value else f" {key}" for key, value in attributes.items())
    return f"<{name}{written}>"
