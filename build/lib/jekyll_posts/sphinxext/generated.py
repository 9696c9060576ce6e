"""Writing the generated pages and feeds: every kind registered once, walked for everything.

The kinds (:mod:`jekyll_posts.core.pages`) say which pages the site has now;
here, for each registered kind:

- after reading, a document at a generated page's URL is warned about
  (``jekyll_posts.url``, :mod:`.urls`); the document is kept and the generated
  page skipped;
- each page and feed is fingerprinted from what it shows (its template and
  context; a feed's posts) and from what surrounds every page (navigation,
  configuration, templates, versions): it is written only when that changed
  or its file is missing;
- the output of a page or feed the last build generated and this one does not
  is removed, so an incremental build leaves the same site as a clean one;
- when everything the pages are made of (:func:`pages_digest`: the pages'
  entries, the listing cutoff, the documents, the configuration, the page
  kinds) and what surrounds every page are the last build's, no page is made
  at all: the last build's fingerprints stand, and the URL checks and the
  sitemap take the last build's page names (0.9 s of a 1,000-post no-change
  rebuild).

Another extension adds a kind with :func:`register_page_kind`::

    def setup(app):
        register_page_kind(app, MyPages())   # .name, .pages(site) -> GeneratedPage values
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sphinx.locale import get_translation

from ..core.digest import fingerprint
from ..core.pages import FEED_FORMATS, PAGE_KINDS, GeneratedPage, PageKind, SiteView, generated_pages
from . import compat
from .compat import ablog as ablog_compat
from .config import site_settings_of
from .dependencies import configuration, navigation_digest
from .domain import get_domain
from .feeds import write_feed
from .page_context import absolute_url
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

_ = get_translation("sphinx")
FINGERPRINTS = "generated.json"
#: the key, beside each builder's fingerprints, of the :func:`site_digest` they were made from
SITE_DIGEST = "{builder}:site"
#: the names and templates of the last build's generated pages, with their :func:`pages_digest`
PAGE_NAMES = "generated-pages.json"


def setup_generated(app: Sphinx) -> None:
    build_state(app).page_kinds.extend(PAGE_KINDS)
    app.connect("config-inited", leave_out_the_general_index)
    app.connect("build-finished", remove_a_left_out_general_index)
    app.connect("builder-inited", ablog_compat.take_over_listings)
    app.connect("env-updated", forget_pages, priority=100)
    app.connect("html-collect-pages", write_generated, priority=100)
    app.connect("build-finished", save_fingerprints)


def leave_out_the_general_index(app: Sphinx, config: Config) -> None:
    """Sphinx writes its general index (``genindex.html``) on every build, however little
    changed; posts have no index entries.  It is left out unless ``conf.py`` sets
    ``html_use_index``."""
    if not compat.sphinx.set_by_site(config, "html_use_index"):
        config.html_use_index = False


def remove_a_left_out_general_index(app: Sphinx, exception: Exception | None) -> None:
    """A general index an earlier build wrote goes once it is left out, as in a clean build."""
    if app.builder.format == "html" and not app.config.html_use_index and "genindex" not in app.env.found_docs:
        Path(cast("StandaloneHTMLBuilder", app.builder).get_outfilename("genindex")).unlink(missing_ok=True)


def register_page_kind(app: Sphinx, kind: PageKind) -> None:
    """Generate the pages of ``kind`` too, after those already registered."""
    build_state(app).page_kinds.append(kind)


def site_view(app: Sphinx) -> SiteView:
    domain = get_domain(app.env)
    return SiteView(site_settings_of(app.config), domain.pages, domain.index, _)


def this_builds_pages(app: Sphinx) -> Iterable[GeneratedPage]:
    """This build's generated pages: those made for their names when kept (a rebuild), else
    made again one at a time (see :func:`generated_page_names`)."""
    state = build_state(app)
    if state.generated is not None:
        return state.generated
    return generated_pages(site_view(app), state.page_kinds)


def generated_page_names(app: Sphinx) -> list[tuple[str, str]]:
    """``(pagename, template)`` of each of this build's generated pages: the last build's
    when its :func:`pages_digest` is this build's, so none needs making.

    Made, the pages are kept until written when this build did not read every document
    (making them again took seconds at 10,000 posts); after a full read they are not: all
    of them held 180 MB at 10,000 posts, in the main process and every writer it forks, so
    they are made again one at a time when written."""
    state = build_state(app)
    if state.page_names is None:
        store, digest = state.store(app), pages_digest(app)
        saved = store.read_json(PAGE_NAMES) or {}
        if saved.get("digest") == digest:
            state.page_names = [(pagename, template) for pagename, template in saved["pages"]]
        else:
            pages = this_builds_pages(app)
            if not state.read_documents >= app.env.found_docs:
                pages = state.generated = list(pages)
            state.page_names = [(page.pagename, page.template) for page in pages]
            store.write_json(PAGE_NAMES, {"digest": digest, "pages": state.page_names})
    return state.page_names


def forget_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """The documents have been read: this build's pages are made again when next needed."""
    state = build_state(app)
    state.generated = state.pages_digest = state.page_names = None
    state.configuration = compat.sphinx.configuration_hash(app)


class Fingerprints:
    """This build's fingerprint of each generated output, beside the last successful build's."""

    def __init__(self, last: dict[str, str] | None, surroundings: str) -> None:
        self.last = last or {}
        self.surroundings = surroundings
        self.current: dict[str, str] = {}

    def outdated(self, output: str, shown: object, outdir: Path) -> bool:
        """Note what the output at ``output`` (relative to ``outdir``) shows; whether to write it."""
        digest = fingerprint((self.surroundings, shown))
        self.current[output] = digest
        return self.last.get(output) != digest or not (outdir / output).is_file()

    def gone(self) -> list[str]:
        return sorted(set(self.last) - set(self.current))


def write_generated(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if not ablog_compat.builder_support(app):
        return
    state = build_state(app)
    saved = state.store(app).read_json(FINGERPRINTS) or {}
    builder_name = app.builder.name
    last: dict[str, str] | None = saved.get(builder_name)
    outdir = Path(app.outdir)
    around = surroundings(app)
    state.site_digest = fingerprint((pages_digest(app), around))
    unchanged = saved.get(SITE_DIGEST.format(builder=builder_name)) == state.site_digest
    if last and unchanged and all((outdir / output).is_file() for output in last):
        state.fingerprints = last
        return
    yield from _write_outdated(app, Fingerprints(last, around), outdir)


def draw_standalone(app: Sphinx, page: GeneratedPage) -> None:
    """A page of its own template, drawn without the theme's handlers of each page (3 ms a
    page: most of the cost of an imported site's redirects)."""
    builder = cast("StandaloneHTMLBuilder", app.builder)
    context = {
        **page.context,
        "pathto": lambda name: builder.get_relative_uri(page.pagename, name),
        "language": app.config.language,
        "jekyll_absolute_url": functools.partial(absolute_url, app) if app.config.html_baseurl else None,
    }
    html = builder.templates.render(page.template, context)
    output = Path(builder.get_outfilename(page.pagename))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding=builder.config.html_output_encoding, errors="xmlcharrefreplace")


def _write_outdated(app: Sphinx, fingerprints: Fingerprints, outdir: Path) -> Iterator[tuple[str, dict[str, Any], str]]:
    builder = cast("StandaloneHTMLBuilder", app.builder)  # an HTML builder: ablog supports it
    documents_own: set[str] = set()
    for page in this_builds_pages(app):
        output = Path(builder.get_outfilename(page.pagename)).relative_to(outdir).as_posix()
        if page.pagename in app.env.found_docs:  # a document has its URL: warned after reading
            documents_own.add(output)
            continue
        if fingerprints.outdated(output, (page.template, page.context), outdir):
            if page.standalone:
                draw_standalone(app, page)
            else:
                yield page.pagename, dict(page.context), page.template
        for feed in page.feeds:
            # every file of a feed is noted, so none is removed; any out of date writes them all
            if [fingerprints.outdated(feed.path(name), feed, outdir) for name in FEED_FORMATS].count(True):
                write_feed(app, feed)
    gone = fingerprints.gone()
    if gone:  # a document may have taken a page's URL since: its page was written before these
        pages = (Path(builder.get_outfilename(name)) for name in app.env.found_docs)
        documents_own |= {page.relative_to(outdir).as_posix() for page in pages}
    for output in gone:
        if output not in documents_own:
            _remove(outdir, output)
    build_state(app).fingerprints = fingerprints.current


def _remove(outdir: Path, output: str) -> None:
    """An output no longer generated, and the folders it leaves empty."""
    path = outdir / output
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == outdir or not folder.is_dir() or any(folder.iterdir()):
            break
        folder.rmdir()


def save_fingerprints(app: Sphinx, exception: Exception | None) -> None:
    state = build_state(app)
    if exception is not None or not state.fingerprints:
        return
    store = state.store(app)
    saved = store.read_json(FINGERPRINTS) or {}
    saved[app.builder.name] = state.fingerprints
    saved[SITE_DIGEST.format(builder=app.builder.name)] = state.site_digest
    store.write_json(FINGERPRINTS, saved)


def pages_digest(app: Sphinx) -> str:
    """A fingerprint of what decides the generated pages and what they show: every page's
    entry, the listing cutoff, the documents (one may take a page's URL), the configuration
    and the kinds of page.  Made once per build, after reading."""
    state = build_state(app)
    if state.pages_digest is None:
        domain = get_domain(app.env)
        kinds = [f"{type(kind).__module__}.{type(kind).__qualname__}:{kind.name}" for kind in state.page_kinds]
        shown = (
            domain.listing_digest,
            domain.cutoff.isoformat(),
            sorted(app.env.found_docs),
            configuration(app),
            kinds,
        )
        state.pages_digest = fingerprint(shown)
    return state.pages_digest


def surroundings(app: Sphinx) -> str:
    """What every generated page shows beside its own content: navigation, configuration,
    templates, the versions of the packages that draw it."""
    parts = (
        navigation_digest(app),
        configuration(app),
        str(app.builder.templates.newest_template_mtime()),
        compat.ablog.INSTALLED_VERSION,
        str(app.extensions["jekyll_posts"].version),
    )
    return fingerprint(parts)
