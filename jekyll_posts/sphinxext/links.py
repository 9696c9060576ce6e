"""Links and images that point into the Jekyll site: to old post URLs, to its files, to its pages.

A Jekyll post links with the site's own paths: ``/2017/10/12/name.html`` (a
post's old URL, often through ``{{ site.url }}`` or ``relative_url``),
``/assets/img/x.png``, ``/ja/downloads/``.  After moving in:

- a link to a post by its old URL (or to the old site's full URL of it) points
  to the post's page here (:data:`PageEntry.old_urls <jekyll_posts.core.entries.PageEntry>`);
- an image or a file under the site folder (``jekyll_posts_site``) is shown:
  images are read from there (Sphinx copies them with the page's), linked files
  are copied into the output at the same path;
- a link to anything else of the old site points there (``jekyll_posts_site_url``,
  else the site's ``url`` and ``baseurl``); with no site URL it is warned
  about once per target (``jekyll_posts.link``) and shown as its text;
- a link to a place marked in the page's raw HTML (``[上記](#photo)`` to
  ``<a name="photo"></a>`` or ``<div id="photo">``) leads there, as in the
  browser, where MyST would call the target missing.

Links are resolved when pages are written (so they follow posts that move),
before MyST's resolver would call them missing; images when a post is read,
before Sphinx looks for them.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..core.jekyll.references import is_page_address, relative_link_path
from ..core.markdown import line_of_link
from ..core.post import PostRecord, media_subpath, under_media_subpath
from ..core.visible import html_anchors
from . import compat
from .documents import RECORD_KEY
from .domain import get_domain
from .jekyll import site_state
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
#: a ``src`` or ``href`` in HTML that may point into the site: a site path, or a full URL
_HTML_LINK = re.compile(r"""(\b(?:src|href)\s*=\s*)(["'])((?:/|https?://)[^"']*)\2""", re.IGNORECASE)
#: a ``href`` or ``src`` in HTML relative to the page: a document's source file (``{% post_url %}`` gives one),
#: or an address read from the post's old page (``../assets/a.png``)
_HTML_RELATIVE_LINK = re.compile(
    r"""(\b(?:href|src)\s*=\s*)(["']?)((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"'\s>]+)\2""", re.IGNORECASE
)


#: a picture's ``src`` in HTML
_HTML_SOURCE = re.compile(r"""(\bsrc\s*=\s*)(["'])([^"']*)\2""", re.IGNORECASE)


def setup_links(app: Sphinx) -> None:
    app.add_transform(SiteImages)
    app.add_transform(LinksToHtmlAnchors)
    app.add_post_transform(LinksAtTheirLines)
    app.add_post_transform(SiteLinks)
    app.connect("env-updated", forget_old_urls)


def forget_old_urls(app: Sphinx, env: Any) -> None:
    """The documents have been read: the old URLs are gathered again when next needed."""
    build_state(app).old_urls = None


class SitePaths:
    """The site-absolute paths of the Jekyll site, and where each leads now."""

    def __init__(self, app: Sphinx) -> None:
        state = site_state(app)
        config = state.site.config
        self.root = state.site.root
        self.baseurl = "/" + str(config.get("baseurl") or "").strip("/")
        site_url = state.settings.site_url or f"{str(config.get('url') or '').rstrip('/')}{self.baseurl.rstrip('/')}"
        self.site_url = site_url.rstrip("/")

    def path_of(self, target: str) -> tuple[str, str] | None:
        """``(path, fragment)`` of a target that points into the site: ``/x``, or the site's own URL
        (by ``http``, ``https`` or neither: a site that moved to https kept its old links)."""
        site, url = _without_scheme(self.site_url), _without_scheme(target)
        if site.startswith("//") and (url == site or url.startswith(site + "/")):
            target = url[len(site) :] or "/"
        elif not target.startswith("/") or target.startswith("//"):
            return None
        elif self.baseurl != "/" and (target == self.baseurl or target.startswith(self.baseurl + "/")):
            target = target[len(self.baseurl) :] or "/"
        parts = urlsplit(target)
        return unquote(parts.path), parts.fragment

    def path_of_url(self, url: str) -> tuple[str, str] | None:
        """:meth:`path_of` a full URL (a reference's ``refuri``) that points into the site."""
        return self.path_of(url) if url.startswith(("http://", "https://", "//")) else None

    def file(self, path: str) -> Path | None:
        """The file of the site folder at ``path``, if there is one."""
        if self.root is None:
            return None
        candidate = (self.root / path.lstrip("/")).resolve()
        inside = candidate == self.root.resolve() or self.root.resolve() in candidate.parents
        return candidate if inside and candidate.is_file() else None

    def outside(self, path: str, fragment: str) -> str | None:
        """The URL of ``path`` on the old site, when it is known."""
        if not self.site_url or not self.site_url.startswith(("http://", "https://")):
            return None
        return self.site_url + path + (f"#{fragment}" if fragment else "")


def _without_scheme(url: str) -> str:
    """``//host/path`` of an ``http(s)://host/path`` URL; anything else as it is."""
    scheme, separator, rest = url.partition("://")
    return f"//{rest}" if separator and scheme.lower() in ("http", "https") else url


def old_url_keys(url: str) -> Iterator[str]:
    """The forms a link to ``url`` may take: with or without ``index.html``, ``.html`` or the final ``/``."""
    path = unquote(url)
    yield path
    if path.endswith("/index.html"):
        yield path.removesuffix("index.html")
    if path.endswith(".html"):
        yield path.removesuffix(".html")
    if path.endswith("/"):
        yield path + "index.html"
        yield path.rstrip("/")


def old_urls(app: Sphinx) -> dict[str, str]:
    """Each old URL, in each form a link may take, to the document that has it now."""
    state = build_state(app)
    if state.old_urls is None:
        found: dict[str, str] = {}
        for docname, entry in sorted(get_domain(app.env).pages.items()):
            for url in entry.old_urls:
                for key in old_url_keys(url):
                    found.setdefault(key, docname)
        state.old_urls = found
    return state.old_urls


def relative_on_old_page(app: Sphinx, docname: str, target: str) -> tuple[str, str] | None:
    """``(path, fragment)`` of the old site a relative link of ``docname`` led to, when it had an old page."""
    entry = get_domain(app.env).pages.get(docname)
    return relative_link_path(target, entry.old_urls[0]) if entry is not None and entry.old_urls else None


class LinksToHtmlAnchors(SphinxTransform):
    """A link to ``#name`` that names no section or label of the page, but a place its raw HTML
    marks, is a link to that place (MyST knows only its own targets)."""

    # after the sections have their ids (800), before MyST makes such a link a cross-reference it cannot resolve
    default_priority = compat.myst.RESOLVES_ANCHORS_AT - 1

    def apply(self, **kwargs: Any) -> None:
        links = [node for node in self.document.findall(nodes.reference) if node.get(compat.myst.IN_PAGE_LINK)]
        if not links:
            return
        anchors = {
            anchor
            for raw in self.document.findall(nodes.raw)
            if "html" in raw.get("format", "").split()
            for anchor in html_anchors(raw.astext())
        }
        for link in links:
            target = link["refuri"][1:]
            if target in anchors and target not in self.document.nameids and target not in self.document.ids:
                del link[compat.myst.IN_PAGE_LINK]


class SiteImages(SphinxTransform):
    """Images at a site path are read from the site folder, where they are; a post's relative
    image paths, in its Markdown and its HTML, are under its ``media_subpath`` (Chirpy's) when it
    names one (an HTML picture is then at a site path, which :class:`SiteLinks` copies)."""

    # after MyST has made the images and a post its cover (700), before Sphinx collects them (doctree-read)
    default_priority = 701

    @property
    def _app(self) -> Sphinx:
        return compat.sphinx.app_of(self.env)

    def apply(self, **kwargs: Any) -> None:
        record: PostRecord | None = self.env.current_document.get(RECORD_KEY)
        folder = media_subpath(record.metadata) if record is not None else None
        if folder is not None:
            for image in self.document.findall(nodes.image):
                image["uri"] = under_media_subpath(image["uri"], folder)
            for raw in list(self.document.findall(nodes.raw)):
                if "html" in raw.get("format", "").split():
                    text = _HTML_SOURCE.sub(lambda found: _under(found, folder), raw.astext())
                    if text != raw.astext():
                        raw.replace_self(nodes.raw("", text, format=raw["format"]))
        paths = SitePaths(self._app)
        if paths.root is None:
            return
        source_folder = Path(self.env.doc2path(self.env.docname)).parent
        for image in self.document.findall(nodes.image):
            found = paths.path_of(image["uri"]) or self._relative_not_beside(image["uri"], source_folder)
            file = paths.file(found[0]) if found else None
            if file is not None:
                image["uri"] = Path(os.path.relpath(file, source_folder)).as_posix()

    def _relative_not_beside(self, uri: str, source_folder: Path) -> tuple[str, str] | None:
        """A relative picture that is not beside the post, read from the post's old page
        (``../assets/a.png`` on ``/2018/03/05/post.html``), as the browser read it there."""
        if "://" in uri or (source_folder / unquote(urlsplit(uri).path)).exists():
            return None
        return relative_on_old_page(self._app, self.env.docname, uri)


def _under(found: re.Match[str], folder: str) -> str:
    """An HTML ``src`` under the post's ``media_subpath``, when it is relative."""
    return f"{found[1]}{found[2]}{under_media_subpath(found[3], folder)}{found[2]}"


class LinksAtTheirLines(SphinxPostTransform):
    """Each link of a Markdown document at its own line, not its paragraph's first (where MyST puts
    every link of a paragraph), so a warning about it (``myst.xref_missing``, ``jekyll_posts.link``)
    is given at the line it is on."""

    default_priority = 7  # before the links are resolved (8, 9)

    def run(self, **kwargs: Any) -> None:
        source = self.env.doc2path(self.env.current_document.docname)
        if self.config.source_suffix.get(source.suffix) != "markdown":
            return
        links = [node for node in self.document.findall(addnodes.pending_xref) if node.line and node.source]
        if not links:
            return
        try:
            lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        for link in links:
            if Path(link.source) == source:
                link.line = line_of_link(lines, link.line, link["reftarget"])


class SiteLinks(SphinxPostTransform):
    """Links into the Jekyll site, resolved to this site's pages, copied files or the old site."""

    default_priority = 8  # before MyST's resolver (9) would call them missing

    @property
    def _app(self) -> Sphinx:
        return compat.sphinx.app_of(self.env)

    def run(self, **kwargs: Any) -> None:
        paths = SitePaths(self._app)
        docname = self.env.current_document.docname
        for pending in list(self.document.findall(addnodes.pending_xref)):
            if pending.get("reftype") == "myst" and pending.get("refdomain") is None:
                found = paths.path_of(pending["reftarget"])
                uri = (
                    self._resolved(paths, docname, *found)
                    if found
                    else self._resolved_relative(paths, docname, pending["reftarget"])
                )
                if uri is not None:
                    pending.replace_self(_reference(uri, pending))
                elif found:
                    self._unresolved(pending, docname)
        for reference in self.document.findall(nodes.reference):
            refuri = reference.get("refuri", "")
            found = paths.path_of_url(refuri)
            uri = self._resolved(paths, docname, *found) if found else None
            if uri is not None:
                reference["refuri"] = uri
        for raw in self.document.findall(nodes.raw):
            if "html" in raw.get("format", "").split():
                self._rewrite_raw(raw, paths, docname)

    def _resolved(self, paths: SitePaths, docname: str, path: str, fragment: str) -> str | None:
        """Where a site path leads from ``docname``: a page here, a copied file, the old site."""
        suffix = f"#{fragment}" if fragment else ""
        target = next((old_urls(self._app)[key] for key in old_url_keys(path) if key in old_urls(self._app)), None)
        if target is not None:
            return self._app.builder.get_relative_uri(docname, target) + suffix
        file = paths.file(path)
        if file is not None:
            return self._copied(file, path, docname) + suffix
        return paths.outside(path, fragment)

    def _resolved_relative(self, paths: SitePaths, docname: str, target: str) -> str | None:
        """A relative link as it was read on the post's old page, when it leads to a post or a file of the
        site (``[続き](TinyYOLO_2)``); any other is MyST's to resolve, as is a label of that name."""
        found = relative_on_old_page(self._app, docname, target)
        if found is None or target in self.env.domains.standard_domain.data["anonlabels"]:
            return None
        path, fragment = found
        if not any(key in old_urls(self._app) for key in old_url_keys(path)) and paths.file(path) is None:
            return None
        return self._resolved(paths, docname, path, fragment)

    def _copied(self, file: Path, path: str, docname: str) -> str:
        """``file`` copied into the output at its site path; its URL from ``docname``'s page."""
        output = Path(self._app.outdir) / path.lstrip("/")
        if (
            not output.is_file()
            or output.stat().st_size != file.stat().st_size
            or output.read_bytes() != file.read_bytes()
        ):
            output.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, output)
        page = self._app.builder.get_target_uri(docname)
        return posixpath.relpath(path.lstrip("/"), posixpath.dirname(page) or ".")

    def _unresolved(self, pending: addnodes.pending_xref, docname: str) -> None:
        """Shown as its text; warned about once per target in a build."""
        self._warn_not_here(pending["reftarget"], pending)
        pending.replace_self(pending.children or nodes.Text(pending["reftarget"]))

    def _warn_not_here(self, target: str, node: nodes.Node) -> None:
        warned = build_state(self._app).warned_links
        if target not in warned:
            warned.add(target)
            kind = "page" if is_page_address(urlsplit(target).path) else "file"
            message = (
                f"{target!r} is a {kind} of the Jekyll site that is not here: set jekyll_posts_site_url to link to it"
            )
            logger.warning(message, location=node, type="jekyll_posts", subtype="link")

    def _rewrite_raw(self, raw: nodes.raw, paths: SitePaths, docname: str) -> None:
        """Links and images of HTML in a post, as those of its Markdown (a link that leads
        nowhere is left as it is: HTML has no text to show instead); a link to a document's
        source file leads to its page, a relative address where it led on the post's old page."""

        def rewritten(match: re.Match[str]) -> str:
            found = paths.path_of(match.group(3))
            uri = self._resolved(paths, docname, *found) if found else None
            if found and uri is None:
                self._warn_not_here(match.group(3), raw)
            return f"{match.group(1)}{match.group(2)}{uri}{match.group(2)}" if uri else match.group(0)

        def to_page(match: re.Match[str]) -> str:
            relative = match.group(3)
            uri = self._page_of_source(docname, relative) or self._resolved_relative(paths, docname, relative)
            return f"{match.group(1)}{match.group(2)}{uri}{match.group(2)}" if uri else match.group(0)

        text = _HTML_RELATIVE_LINK.sub(to_page, _HTML_LINK.sub(rewritten, raw.astext()))
        if text != raw.astext():
            raw.replace_self(nodes.raw("", text, format=raw["format"]))

    def _page_of_source(self, docname: str, href: str) -> str | None:
        """The URL from ``docname``'s page of the document whose source file ``href`` names, if it does."""
        parts = urlsplit(href)
        source = os.path.normpath(Path(self.env.doc2path(docname)).parent / unquote(parts.path))
        target = self.env.path2doc(source)
        if target is None or target not in self.env.all_docs:
            return None
        return self._app.builder.get_relative_uri(docname, target) + (f"#{parts.fragment}" if parts.fragment else "")


def _reference(uri: str, pending: addnodes.pending_xref) -> nodes.reference:
    reference = nodes.reference("", "", internal=not uri.startswith(("http://", "https://")), refuri=uri)
    reference += pending.children
    return reference
