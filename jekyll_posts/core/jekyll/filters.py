"""Jekyll's own filters on text, URLs and dates, on top of Liquid's standard ones.

Each follows Jekyll 4's ``lib/jekyll/filters*.rb``; where Ruby and Python
differ, Ruby wins (``\\s`` is ASCII white space, month names are English,
``true`` prints as ``true``).  Departures:

- ``markdownify`` is markdown-it (CommonMark with tables), not kramdown: headings get no ids;
- ``smartify`` makes curly quotes, dashes, ellipses and guillemets itself;
- ``slugify: "latin"`` drops accents by Unicode decomposition, not I18n's table;
- times without an offset are read in ``site.timezone`` (UTC when the site has none),
  where Ruby would use the machine's zone.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote, quote_plus, unquote, urlsplit, urlunsplit

from liquid.exceptions import FilterArgumentError
from markdown_it import MarkdownIt

from ..emphasis import cjk_friendly_emphasis
from .ruby import inspect, plain, ruby_time, strftime, to_datetime, to_i, to_s
from .state import current

_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
_URI_COMPONENT_SAFE = "!#$&'()*+,/:;=?@[]~"
#: Ruby's ``\s`` and ``split``: ASCII white space only (an ideographic space is part of a word).
_WHITE = " \t\r\n\f\v"
_SPACES = re.compile(f"[{_WHITE}]+")
_WORDS = re.compile(f"[^{_WHITE}]+")
#: The Han, Hiragana, Katakana and Hangul scripts (``\p{Han}`` and so on in Ruby).
_CJK = (
    "\u1100-\u11ff\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u302e\u302f"
    "\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u3131-\u318e\u31f0-\u31ff"
    "\u3200-\u321e\u3260-\u327e\u32d0-\u32fe\u3300-\u3357\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97c"
    "\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb\uf900-\ufa6d\ufa70-\ufad9\uff66-\uff6f\uff71-\uff9d"
    "\uffa0-\uffbe\uffc2-\uffc7\uffca-\uffcf\uffd2-\uffd7\uffda-\uffdc"
    "\U0001b000-\U0001b122\U0001b150-\U0001b152\U0001b164-\U0001b167\U0001f200"
    "\U00020000-\U0003134f"
)
_CJK_CHARACTER = re.compile(f"[{_CJK}]")
_NON_CJK_WORD = re.compile(f"[^{_CJK}{_WHITE}]+")
_SLUG_MODES = frozenset({"raw", "default", "pretty", "ascii", "latin"})
_PRETTY_KEPT = frozenset("._~!$&'()+,;=@")
#: Latin letters that Unicode does not decompose into a plain letter and an accent.
_LATIN_LETTERS = {
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "ø": "o",
    "Ø": "O",
    "œ": "oe",
    "Œ": "OE",
    "đ": "d",
    "Đ": "D",
    "ł": "l",
    "Ł": "L",
    "þ": "th",
    "Þ": "Th",
}
_HTML_TAG = re.compile(r"(</?[A-Za-z][^<>]*>)")
_TYPOGRAPHY = (
    (re.compile(r"---"), "\u2014"),
    (re.compile(r"--"), "\u2013"),
    (re.compile(r"\.\.\.|\. \. \."), "\u2026"),
    (re.compile(r"<<"), "\u00ab"),
    (re.compile(r">>"), "\u00bb"),
    (re.compile(r"(?<=\w)'|'(?=\W|$)"), "\u2019"),
    (re.compile(r"'"), "\u2018"),
    (re.compile(r'(?:^|(?<=[\s(\[{\u2014\u2013]))"'), "\u201c"),
    (re.compile(r'"'), "\u201d"),
)


# URLs


def relative_url(value: object) -> str | None:
    """``site.baseurl`` before a path (``/about/`` -> ``/base/about/``); absolute URLs stay as they are.
    A post (``page.previous``, an item of ``site.posts``) stands for its ``url``, as in Jekyll 3.8 and later."""
    value = plain(value)
    if isinstance(value, Mapping) and "url" in value:
        value = value["url"]
    if value is None:
        return None
    text = to_s(value)
    if urlsplit(text).scheme:
        return text
    baseurl = to_s(current().site.config.get("baseurl")).removesuffix("/")
    return _normalize(_leading_slash(baseurl) + _leading_slash(text))


def absolute_url(value: object) -> str | None:
    """``site.url`` and ``site.baseurl`` before a path; just the relative URL when the site has no ``url``."""
    relative = relative_url(value)
    site_url = to_s(current().site.config.get("url"))
    if relative is None or not site_url or urlsplit(relative).scheme:
        return relative
    return _normalize(site_url + relative)


def strip_index(value: object) -> object:
    """``/about/index.html`` -> ``/about/``."""
    text = to_s(value)
    return re.sub(r"/index\.html?$", "/", text) if text else plain(value)


def _leading_slash(text: str) -> str:
    return text if not text or text.startswith("/") else f"/{text}"


def _normalize(url: str) -> str:
    """Addressable's ``normalize``: an international host in IDNA, other characters percent-encoded."""
    parts = urlsplit(url)
    host = parts.netloc
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    path = parts.path or ("/" if host and parts.scheme in ("http", "https") else "")
    return quote(urlunsplit((parts.scheme.lower(), host.lower(), path, parts.query, parts.fragment)), safe=_URL_SAFE)


def cgi_escape(value: object) -> str:
    """``foo,bar;baz?`` -> ``foo%2Cbar%3Bbaz%3F``; a space becomes ``+``."""
    return quote_plus(to_s(value), safe="~")


def uri_escape(value: object) -> str:
    """``foo, bar \\baz?`` -> ``foo,%20bar%20%5Cbaz?``: reserved characters kept."""
    return quote(unquote(unicodedata.normalize("NFC", to_s(value))), safe=_URI_COMPONENT_SAFE)


# Text


def xml_escape(value: object) -> str:
    """``&``, ``<``, ``>`` and ``"`` as entities."""
    return to_s(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def normalize_whitespace(value: object) -> str:
    return _SPACES.sub(" ", to_s(value)).strip(_WHITE + "\0")


def number_of_words(value: object, mode: object = None) -> int:
    """Words between spaces; with ``"cjk"`` every CJK character is a word too, ``"auto"`` does so when there are any."""
    text, mode = to_s(value), to_s(mode)
    cjk = len(_CJK_CHARACTER.findall(text)) if mode in ("cjk", "auto") else 0
    if cjk or mode == "cjk":
        return cjk + len(_NON_CJK_WORD.findall(text))
    return len(_WORDS.findall(text))


def array_to_sentence_string(value: object, connector: object = "and") -> str:
    """``["a", "b", "c"]`` -> ``a, b, and c``."""
    items = [to_s(item) for item in _items(value)]
    word = to_s(connector)
    if len(items) <= 2:
        return f" {word} ".join(items)
    return f"{', '.join(items[:-1])}, {word} {items[-1]}"


def _letter_or_digit(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LM" or category == "Nd"


_SLUG_KEEPS: dict[str, Callable[[str], bool]] = {
    "pretty": lambda char: char in _PRETTY_KEPT or _letter_or_digit(char),
    "ascii": lambda char: char.isascii() and char.isalnum(),
}


def slugify(value: object, mode: object = None) -> str | None:
    """Jekyll's slug in its modes: ``default`` keeps letters of any script, marks and digits."""
    value = plain(value)
    if value is None:
        return None
    text, mode = to_s(value), to_s(mode) or "default"
    if mode not in _SLUG_MODES:
        return text.lower()
    if mode == "raw":
        slug = _SPACES.sub("-", text)
    else:
        if mode == "latin":
            text = _transliterate(text)
        slug = _hyphenate(text, _SLUG_KEEPS.get(mode, _letter_or_digit))
    return re.sub(r"^-|-$", "", slug).lower()


def _hyphenate(text: str, keep: Callable[[str], bool]) -> str:
    """Every run of characters ``keep`` refuses becomes one hyphen."""
    pieces: list[str] = []
    for char in text:
        if keep(char):
            pieces.append(char)
        elif not pieces or pieces[-1] != "-":
            pieces.append("-")
    return "".join(pieces)


def _transliterate(text: str) -> str:
    """Accents dropped, other letters outside ASCII made ``?``, as I18n's ``transliterate`` does."""
    decomposed = unicodedata.normalize("NFKD", "".join(_LATIN_LETTERS.get(char, char) for char in text))
    kept = (char for char in decomposed if not unicodedata.combining(char))
    return "".join(char if char.isascii() else "?" for char in kept)


@functools.cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(cjk_friendly_emphasis)


def markdownify(value: object) -> str:
    html_text: str = _markdown().render(to_s(value))
    return html_text


def smartify(value: object) -> str:
    """Curly quotes, dashes and ellipses; HTML tags pass through, other ``<``, ``>`` and ``&`` are escaped."""
    parts = _HTML_TAG.split(to_s(value))
    return "".join(part if index % 2 else _typography(part) for index, part in enumerate(parts))


def _typography(text: str) -> str:
    text = html.unescape(text)
    for pattern, replacement in _TYPOGRAPHY:
        text = pattern.sub(replacement, text)
    return html.escape(text, quote=False)


def jsonify(value: object) -> str:
    return json.dumps(_jsonable(value), ensure_ascii=False, separators=(",", ":"))


def _jsonable(value: object) -> Any:
    value = plain(value)
    if isinstance(value, Mapping):
        return {to_s(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime):
        return ruby_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float)):
        return value
    return to_s(value)


def inspect_filter(value: object) -> str:
    return xml_escape(inspect(value))


def to_integer(value: object) -> int:
    """``true`` is 1 and ``false`` 0; anything else is Ruby's ``to_i``."""
    return int(value) if isinstance(value, bool) else to_i(value)


def _items(value: object) -> list[object]:
    value = plain(value)
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# Dates


def date_filter(value: object, fmt: object = None) -> object:
    """Liquid's ``date``: Ruby's ``strftime``, the input as it is when it is not a date."""
    if not to_s(fmt):
        return plain(value)
    moment = to_datetime(value, current().zone)
    return plain(value) if moment is None else strftime(moment, to_s(fmt))


def date_to_string(value: object, kind: object = None, style: object = None) -> object:
    """``07 Nov 2008``; ``"ordinal"`` gives ``7th Nov 2008``, with ``"US"`` ``Nov 7th, 2008``."""
    return _stringify_date("date_to_string", value, "%b", kind, style)


def date_to_long_string(value: object, kind: object = None, style: object = None) -> object:
    """``07 November 2008``, with the same options as ``date_to_string``."""
    return _stringify_date("date_to_long_string", value, "%B", kind, style)


def date_to_xmlschema(value: object) -> object:
    """``2008-11-07T13:07:54+09:00``."""
    return strftime(_time(value, "date_to_xmlschema"), "%Y-%m-%dT%H:%M:%S%:z") if to_s(value) else plain(value)


def date_to_rfc822(value: object) -> object:
    """``Fri, 07 Nov 2008 13:07:54 +0900``."""
    return strftime(_time(value, "date_to_rfc822"), "%a, %d %b %Y %H:%M:%S %z") if to_s(value) else plain(value)


def _stringify_date(name: str, value: object, month: str, kind: object, style: object) -> object:
    if not to_s(value):
        return plain(value)
    moment = _time(value, name)
    if to_s(kind) != "ordinal":
        return strftime(moment, f"%d {month} %Y")
    day = f"{moment.day}{_ordinal(moment.day)}"
    return strftime(moment, f"{month} {day}, %Y" if to_s(style) == "US" else f"{day} {month} %Y")


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _time(value: object, name: str) -> datetime:
    """Jekyll's ``time``: the value as a time in the site's zone, or an invalid date error for filter ``name``."""
    zone = current().zone
    moment = to_datetime(value, zone)
    if moment is None:
        raise FilterArgumentError(f"{name}: {inspect(value)} is not a valid date", token=None)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone) if zone else moment


FILTERS: dict[str, Callable[..., object]] = {
    "relative_url": relative_url,
    "absolute_url": absolute_url,
    "strip_index": strip_index,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "xml_escape": xml_escape,
    "normalize_whitespace": normalize_whitespace,
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "slugify": slugify,
    "markdownify": markdownify,
    "smartify": smartify,
    "jsonify": jsonify,
    "inspect": inspect_filter,
    "to_integer": to_integer,
    "date": date_filter,
    "date_to_string": date_to_string,
    "date_to_long_string": date_to_long_string,
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
}
