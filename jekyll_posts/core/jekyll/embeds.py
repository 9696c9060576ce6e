"""What a post embeds from another site, as this site shows it: a gist, and AMP's elements.

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
