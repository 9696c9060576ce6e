"""The files a post body points at: its link and image targets, and the site path each names.

::

    for reference in references(rendered.text):          # the body after Liquid
        reference.line, reference.target                   # 3, "/tech/assets/img/x.png"
    path = target_path(reference.target, SiteAddress("https://blog.example.jp", "/tech"))  # "/assets/img/x.png"
    resolve(path, "/2026/01/05/first-post/")               # "assets/img/x.png", from the site's root

Targets are read as CommonMark reads them (markdown-it, the parser MyST
uses): inline links and images, reference definitions whether used or not,
and the ``src``, ``href``, ``srcset``, ``poster`` and ``data-src`` of HTML,
never inside code (a ``{% highlight %}`` block is fenced code once Liquid
has run).  kramdown reads the same targets in all but odd cases (a URL with
spaces in an inline link).

A target names a file of the site when it is a path, or an address on the
site's own ``url``: ``baseurl`` is taken off absolute paths (the
``relative_url`` and ``absolute_url`` filters put it on), and a relative
path is read from the folder of the page's URL, as a browser reads it.
"""

from __future__ import annotations

import difflib
import functools
import html
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

#: Extensions of what Jekyll writes for pages: a target ending so is a page, not a file to copy.
PAGE_EXTENSIONS = frozenset({".html", ".htm"})
_EXTENSION = re.compile(r"\.[A-Za-z0-9]+$")

_HTML_URL = re.compile(
    r"""(?<![\w-])(src|href|srcset|poster|data-src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`=]+))""",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")


@dataclass(frozen=True)
class Reference:
    """A link or image target, at a 1-based line of the text it was found in."""

    line: int
    target: str


@dataclass(frozen=True)
class SiteAddress:
    """Where the Jekyll site was served: ``url`` (``https://blog.example.jp``) and ``baseurl`` (``/tech``)."""

    url: str = ""
    baseurl: str = ""

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> SiteAddress:
        url, baseurl = config.get("url"), config.get("baseurl")
        return cls(url if isinstance(url, str) else "", baseurl if isinstance(baseurl, str) else "")


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark with kramdown's footnotes: ``[^1]: text`` is a note, not a link definition."""
    return MarkdownIt("commonmark", {"maxNesting": 50}).use(footnote_plugin)


def references(text: str) -> list[Reference]:
    """Every link and image target in ``text``, outside code, in the order they appear."""
    env: dict[str, Any] = {}
    tokens = _parser().parse(text, env)
    lines = text.split("\n")
    found: list[Reference] = []
    for token in tokens:
        if token.type == "html_block" and token.map:
            found += _html_references(token.content, token.map[0] + 1)
        elif token.type == "inline" and token.map:
            found += _inline_references(token.children or [], lines, token.map[0], token.map[1])
    seen = {reference.target for reference in found}
    for definition in env.get("references", {}).values():
        if definition["href"] not in seen:
            found.append(Reference(_definition_line(lines, definition["href"]) or 1, definition["href"]))
    return found


def _inline_references(children: Sequence[Token], lines: Sequence[str], first: int, end: int) -> Iterator[Reference]:
    """Targets of the inline run of ``lines[first:end]``, each at the line showing it: a reference
    link's at its definition."""
    for child in children:
        if child.type in ("link_open", "image"):
            target = str(child.attrGet("href" if child.type == "link_open" else "src") or "")
            line = _line_showing(lines, first, end, target) or _definition_line(lines, target) or first + 1
            yield Reference(line, target)
        elif child.type == "html_inline":
            yield from _html_references(child.content, _line_showing(lines, first, end, child.content) or first + 1)


def _html_references(text: str, first_line: int) -> Iterator[Reference]:
    for match in _HTML_URL.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        value = html.unescape(next(group for group in match.groups()[1:] if group is not None))
        urls = _srcset_urls(value) if match[1].lower() == "srcset" else [value.strip()]
        yield from (Reference(line, url) for url in urls)


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset``: comma-separated, each followed by its width or density."""
    return [item.split()[0] for item in value.split(",") if item.split()]


def _line_showing(lines: Sequence[str], first: int, end: int, target: str) -> int | None:
    """The 1-based line, among ``lines[first:end]``, holding ``target`` as written (markdown-it
    percent-encodes what it reads)."""
    written = unquote(target)
    for index in range(first, min(end, len(lines))):
        if target in lines[index] or written in lines[index]:
            return index + 1
    return None


def _definition_line(lines: Sequence[str], target: str) -> int | None:
    """The 1-based line of the reference definition of ``target``."""
    return next(
        (index + 1 for index, line in enumerate(lines) if _DEFINITION.match(line) and unquote(target) in unquote(line)),
        None,
    )


def target_path(target: str, address: SiteAddress) -> str | None:
    """The path a target names on this site, unescaped, without query or fragment: an absolute
    path without ``baseurl``, or a relative path.  ``None`` for another site (one on the same host
    outside ``baseurl`` too: a project site of the same user), a mail address, a fragment alone,
    or a target still holding Liquid."""
    if "{{" in target or "{%" in target:
        return None
    path = re.split(r"[?#]", target.strip(), maxsplit=1)[0]
    full_address = bool(_SCHEME.match(path) or path.startswith("//"))
    if full_address:
        path = _on_site(path, address.url)
        if path is None:
            return None
    if not path:
        return None
    path = unquote(path)
    base = "/" + address.baseurl.strip("/") if address.baseurl.strip("/") else ""
    if base and (path == base or path.startswith(f"{base}/")):
        return path[len(base) :] or "/"
    return None if base and full_address else path


def _on_site(address: str, url: str) -> str | None:
    """The path of an absolute address on the site's own host (any scheme); ``None`` elsewhere."""
    parts, site = urlsplit(address), urlsplit(url)
    if not site.netloc or parts.netloc.lower() != site.netloc.lower() or parts.scheme not in ("", "http", "https"):
        return None
    return parts.path or "/"


def resolve(path: str, page_url: str) -> str | None:
    """``path`` from :func:`target_path` as a path from the site's root (``assets/x.png``), a relative
    one read from the folder of ``page_url``.  ``None`` for a folder (a page) or the root."""
    if path.endswith("/"):
        return None
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    joined = path if path.startswith("/") else posixpath.join("/", folder.lstrip("/"), path)
    return posixpath.normpath(joined).lstrip("/") or None


def relative_link_path(target: str, page_url: str) -> tuple[str, str] | None:
    """``(path, fragment)`` a relative link ``target`` led to from the old site's page at ``page_url``, as a
    browser read it there (``TinyYOLO_2`` from ``/2019/08/22/TinyYOLO_1.html``: ``/2019/08/22/TinyYOLO_2``);
    ``None`` for a link that is not a relative path (a URL, a site path, a fragment alone)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    joined = urlsplit(urljoin(f"http://site{page_url}", target))
    return unquote(joined.path), joined.fragment


def is_page_address(path: str) -> bool:
    """Whether a site path ends like a page's address (``.html``, or no extension: ``...`` is none),
    rather than like a file's: a page is never a missing file."""
    extension = _EXTENSION.search(posixpath.basename(path))
    return extension is None or extension[0].lower() in PAGE_EXTENSIONS


def source_lines(source: str, rendered: str) -> list[int]:
    """For each line of ``rendered`` (Liquid's output), the 0-based line of ``source`` it came
    from: the same line where the text is unchanged, else the changed lines' first (the tag)."""
    old, new = source.split("\n"), rendered.split("\n")
    if old == new:
        return list(range(len(new)))
    mapping = [0] * len(new)
    for tag, first, last, start, end in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        for index in range(start, end):
            line = first + index - start if tag == "equal" else min(first + index - start, max(first, last - 1))
            mapping[index] = min(line, len(old) - 1)
    return mapping
