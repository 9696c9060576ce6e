"""Reading a Markdown document: its front matter becomes a post or a wiki page.

1. ``source-read``: the core parses the front matter; each problem becomes a
   warning at ``file:line`` (type ``jekyll_posts``, subtype as listed in
   :data:`jekyll_posts.core.SUBTYPES`).  The front matter lines are then
   blanked in the text handed to MyST, so MyST and ablog do not read the same
   YAML a second time and every body line keeps its number; the last of them
   holds the title as an escaped ``#`` heading when the body has none.  The
   file on disk is never changed.
2. :class:`ApplyFrontMatter` (a transform, before ``doctree-read``): drops a
   first paragraph that only repeats the added title, adds the post header,
   the ablog post node and the page's metadata, and records the page in the
   ``jekyll`` domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.transforms.universal import SmartQuotes
from docutils.utils.smartquotes import smartyPants
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform
from sphinx.util import logging

from ..core import ParsedPost, PostRecord, join_japanese_lines
from ..core.encoding import REPLACEMENT, decode_source, register_codec, unregister_codec
from ..core.entries import PageEntry
from ..core.jekyll.embeds import amp_as_html, has_amp
from ..core.jekyll.jemoji import uses_jemoji, with_emoji
from ..core.jekyll.posts import MadePost, curls_quotes, hard_wraps
from ..core.markdown import literal_page
from ..core.post import same_text
from ..core.visible import html_text
from . import compat
from .compat.ablog import post_node
from .config import site_settings_of
from .domain import get_domain
from .header import cover_figure, post_header
from .jekyll import make_post, parse_document, site_state
from .page_parts import visible_text
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..core.jekyll import JekyllSite

logger = logging.getLogger(__name__)

RECORD_KEY = "jekyll_posts:record"
MADE_KEY = "jekyll_posts:jekyll"
BODY_TAGS_KEY = "jekyll_posts:body_tags"
SUMMARY_LENGTH = 120


def setup_documents(app: Sphinx) -> None:
    app.connect("env-before-read-docs", read_any_bytes)
    app.connect("build-finished", stop_reading_any_bytes)
    app.connect("env-before-read-docs", reuse_settings_parsers)
    app.connect("build-finished", make_settings_afresh)
    app.connect("env-before-read-docs", parse_japanese_emphasis)
    app.connect("build-finished", stop_parsing_japanese_emphasis)
    app.connect("source-read", read_front_matter)
    app.connect("env-updated", warn_again_unless_read)
    app.add_transform(LineEndsAsKramdownHardWrap)
    app.add_transform(EmojiAsJemoji)
    app.add_transform(TypographyAsKramdown)
    app.add_transform(JoinJapaneseLines)
    app.add_transform(RulesWhereKramdownAllowsThem)
    app.add_transform(ApplyFrontMatter)
    app.add_transform(HighlightAsRougeDid)
    app.add_transform(AmpAsHtml)


def warn_again_unless_read(app: Sphinx, env: BuildEnvironment) -> None:
    """A post's problems are warned about on every build, not only the one that read it:
    a ``-W`` build that failed on them does not pass the next time because nothing changed."""
    get_domain(env).warn_again_unless(build_state(app).read_documents)


def read_any_bytes(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """A file that is not UTF-8 is read with replacement characters, and warned about below."""
    register_codec()
    compat.sphinx.use_replacing_codec(env)


def stop_reading_any_bytes(app: Sphinx, exception: Exception | None) -> None:
    unregister_codec()


def reuse_settings_parsers(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Each document's docutils settings come from a parser kept for the build (5 ms a document)."""
    compat.docutils.forget_kept_parsers()
    compat.sphinx.reuse_settings_parsers()
    compat.myst.reuse_settings_parsers()


def make_settings_afresh(app: Sphinx, exception: Exception | None) -> None:
    compat.sphinx.restore_settings_parsers()
    compat.myst.restore_settings_parsers()
    compat.docutils.forget_kept_parsers()


def parse_japanese_emphasis(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``**「重要」**です`` is bold, as in kramdown (see :mod:`jekyll_posts.core.emphasis`)."""
    compat.myst.parse_emphasis_cjk_friendly()


def stop_parsing_japanese_emphasis(app: Sphinx, exception: Exception | None) -> None:
    compat.myst.parse_emphasis_as_commonmark()


def read_front_matter(app: Sphinx, docname: str, source: list[str]) -> None:
    path = Path(app.env.doc2path(docname))
    if app.config.source_suffix.get(path.suffix) != "markdown":
        return
    parsed = parse_document(app, docname, source[0])
    if docname in build_state(app).literal_documents:  # its first reading failed and was warned about
        _read_as_literal_text(app, parsed, source)
        return
    problems = list(parsed.problems)
    if REPLACEMENT in source[0]:
        problems[:0] = decode_source(path.read_bytes())[1]
    markdown = parsed.markdown
    made = make_post(app, docname, parsed)
    if made is not None:
        app.env.current_document[MADE_KEY] = made
        problems = sorted([*problems, *made.problems], key=lambda problem: problem.line)
        markdown = made.markdown
    for problem in problems:
        get_domain(app.env).warn(docname, problem)
    if parsed.record is not None:
        app.env.current_document[RECORD_KEY] = parsed.record
    if markdown is not None:
        source[0] = markdown


def _read_as_literal_text(app: Sphinx, parsed: ParsedPost, source: list[str]) -> None:
    """The front matter as read, the body as literal text."""
    if parsed.record is None:
        source[0] = literal_page(app.env.docname, source[0], 1)
        return
    app.env.current_document[RECORD_KEY] = parsed.record
    source[0] = literal_page(parsed.record.title, source[0], parsed.record.body_line)


class RulesWhereKramdownAllowsThem(SphinxTransform):
    """kramdown draws a horizontal rule anywhere: right after a heading, after another rule,
    inside a quote or a list.  docutils allows none of these (a warning each, so ``make html
    -W`` failed on posts Jekyll built quietly): such a rule is drawn as the HTML writer draws
    the others, as raw HTML.  Runs before docutils' ``Transitions`` check."""

    default_priority = 820

    def apply(self) -> None:
        for rule in list(self.document.findall(nodes.transition)):
            if _docutils_refuses(rule):
                rule.replace_self(nodes.raw("", '<hr class="docutils" />\n', format="html"))


def _docutils_refuses(rule: nodes.transition) -> bool:
    """Whether docutils' ``Transitions`` transform would warn about ``rule`` where it is."""
    if not isinstance(rule.parent, nodes.document | nodes.section):
        return True
    before = rule.previous_sibling()
    return before is None or isinstance(
        before, nodes.title | nodes.subtitle | nodes.meta | nodes.decoration | nodes.transition
    )


class LineEndsAsKramdownHardWrap(SphinxTransform):
    """With kramdown's ``hard_wrap: true`` in ``_config.yml``, each line end in a post's running text is
    a line break, as Jekyll showed it (``<br />``, as MyST draws a hard break); code, math and raw
    HTML are left as they are.  Runs before Japanese lines are joined (690)."""

    default_priority = 685

    def apply(self, **kwargs: object) -> None:
        site = _site_of_post(self)
        if site is None or not hard_wraps(site):
            return
        for text in list(self.document.findall(nodes.Text)):
            if "\n" in text and _in_running_text(text):
                _replace_text(text, _with_line_breaks(str(text)))


class EmojiAsJemoji(SphinxTransform):
    """With jemoji among the site's plugins, each emoji name in a post's running text (``:smile:``) is the
    emoji (:mod:`jekyll_posts.core.jekyll.jemoji`); code, math and raw HTML are left as they are."""

    default_priority = 686  # before a post's summary is taken (700)

    def apply(self, **kwargs: object) -> None:
        site = _site_of_post(self)
        if site is None or not uses_jemoji(site.config):
            return
        for text in list(self.document.findall(nodes.Text)):
            if ":" in text and _in_running_text(text) and (shown := with_emoji(str(text))) != text:
                _replace_text(text, [nodes.Text(shown)])


class TypographyAsKramdown(SphinxSmartQuotes):
    """kramdown's typography in a Jekyll post's body, whatever the site's language: straight quotes
    curled as in English (“ ” ‘ ’), ``--`` and ``---`` as dashes, ``...`` as an ellipsis.  Sphinx leaves
    Japanese text as it is (``smartquotes_excludes``), and would curl it into 「」; kramdown did this in
    every post.  What the front matter gives (the title, the tags) is shown as written: kramdown never
    saw it; so is Liquid that did not run.  ``smartquotes = False`` in ``conf.py`` turns it off too."""

    default_priority = 695  # before the post header is added (700); Sphinx does it where the language allows (750)

    def is_available(self) -> bool:
        is_post = _site_of_post(self) is not None
        return is_post and self.config.smartquotes is not False and not super().is_available()

    def apply(self, **kwargs: object) -> None:
        site = _site_of_post(self)
        if site is None or not self.is_available():
            return
        self.smartquotes_action = typography_action(curls_quotes(site))
        record: PostRecord = self.env.current_document[RECORD_KEY]
        self._body_line = record.body_line
        # the page's title is the front matter's, as written, even where the body's heading shows it
        self._titles = [
            title for title in self.document.findall(nodes.title) if same_text(title.astext(), record.title)
        ]
        settings = self.document.settings
        language, smart_quotes = settings.language_code, getattr(settings, "smart_quotes", False)
        settings.language_code, settings.smart_quotes = "en", True
        try:
            SmartQuotes.apply(self)
        finally:
            settings.language_code, settings.smart_quotes = language, smart_quotes

    def get_tokens(self, txtnodes: list[nodes.Text]) -> Iterator[tuple[str, str]]:
        for (kind, text), node in zip(super().get_tokens(txtnodes), txtnodes, strict=True):
            in_body = (_source_line(node) or 0) >= self._body_line
            in_title = any(ancestor is title for ancestor in _ancestors(node) for title in self._titles)
            as_written = in_title or "{%" in node or "{{" in node  # the title, and Liquid that did not run
            yield (kind, text) if in_body and not as_written else ("literal", node.astext())


def _site_of_post(transform: SphinxTransform) -> JekyllSite | None:
    """The Jekyll site of the document being read, when it is a post made as Jekyll made it."""
    if transform.env.current_document.get(MADE_KEY) is None:
        return None
    return site_state(compat.sphinx.app_of(transform.env)).site


def typography_action(quotes: bool) -> str:
    """SmartyPants' action for kramdown's typography: dashes, ellipses, and quotes unless kept straight."""
    return "qDe" if quotes else "De"


def typography(text: str, quotes: bool = True) -> str:
    """kramdown's typography of plain ``text`` (a post's excerpt), as :class:`TypographyAsKramdown` gives
    the page's (SmartyPants reads backslash escapes: each backslash is kept as it is)."""
    return str(smartyPants(text.replace("\\", "\\\\"), typography_action(quotes), "en"))


def _source_line(node: nodes.Node) -> int | None:
    """The source line of ``node``, or of the nearest element around it that has one."""
    return next((element.line for element in _ancestors(node) if element.line), None)


def _replace_text(text: nodes.Text, pieces: list[nodes.Node]) -> None:
    """``text`` replaced by ``pieces`` among its siblings, found by identity (docutils compares texts by value)."""
    parent = text.parent
    index = next(number for number, child in enumerate(parent.children) if child is text)
    parent[index : index + 1] = pieces


def _in_running_text(text: nodes.Text) -> bool:
    """Whether ``text`` is in a paragraph, outside code, math and raw markup."""
    for ancestor in _ancestors(text):
        if isinstance(ancestor, nodes.literal | nodes.FixedTextElement | nodes.raw | nodes.math | nodes.comment):
            return False
        if isinstance(ancestor, nodes.paragraph):
            return True
    return False


def _ancestors(node: nodes.Node) -> Iterable[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _with_line_breaks(text: str) -> list[nodes.Node]:
    """``text`` with a line break (MyST's hard break: raw HTML and LaTeX) at each of its line ends."""
    pieces: list[nodes.Node] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            pieces += [nodes.raw("", "<br />\n", format="html"), nodes.raw("", "\\\\\n", format="latex")]
        if line:
            pieces.append(nodes.Text(line))
    return pieces


class JoinJapaneseLines(SphinxTransform):
    """Drop line breaks between Japanese characters in running text, in every document.

    MyST makes each soft line break a text node of its own, so the characters
    on either side are looked up in the neighbouring nodes, through raw HTML
    that shows no text there (``<a href="…">``).  A node is found
    among its siblings by identity: docutils' ``index`` and ``replace`` compare
    text by value, and every line break's node equals the first one's.
    """

    default_priority = 690

    def apply(self) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if "\n" not in text or isinstance(parent, nodes.FixedTextElement | nodes.literal | nodes.raw):
                continue
            position = next(index for index, child in enumerate(parent.children) if child is text)
            before = _shown_character(reversed(parent.children[:position]), last=True)
            after = _shown_character(parent.children[position + 1 :], last=False)
            joined = join_japanese_lines(before + text + after)
            joined = joined[len(before) : len(joined) - len(after)]
            if joined != text:
                parent[position] = nodes.Text(joined)


def _shown_character(siblings: Iterable[nodes.Node], last: bool) -> str:
    """The first character a reader sees of ``siblings`` (with ``last``, the last), raw HTML by its text."""
    for sibling in siblings:
        text = html_text(sibling.astext()) if isinstance(sibling, nodes.raw) else sibling.astext()
        if text:
            return text[-1] if last else text[0]
    return ""


class HighlightAsRougeDid(SphinxTransform):
    """A Jekyll post's code is highlighted without a word when Pygments stumbles on it.

    Rouge, Jekyll's highlighter, shows what it cannot lex as plain text; Pygments
    retries "in relaxed mode" and Sphinx warns for each block (Ruby with Japanese
    in it, a ``…`` in C): 111 warnings on one blog, and a ``-W`` build stopped.
    Sphinx's ``force`` flag highlights the same way, quietly.
    """

    default_priority = 700

    def apply(self) -> None:
        if self.env.current_document.get(MADE_KEY) is None:
            return
        for block in self.document.findall(nodes.literal_block):
            block["force"] = True


class AmpAsHtml(SphinxTransform):
    """A Jekyll post's AMP elements as plain HTML shows them (:mod:`jekyll_posts.core.jekyll.embeds`):
    without AMP's script a tweet, a gist, a picture or an embedded page showed nothing."""

    default_priority = 700

    def apply(self) -> None:
        if self.env.current_document.get(MADE_KEY) is None:
            return
        for raw in list(self.document.findall(nodes.raw)):
            if "html" in raw.get("format", "").split() and has_amp(raw.astext()):
                raw.replace_self(nodes.raw("", amp_as_html(raw.astext()), format=raw["format"]))


class ApplyFrontMatter(SphinxTransform):
    """Turn the record read from a document's front matter into doctree nodes."""

    # after MyST's own transforms have built the sections, before doctree-read
    default_priority = 700

    def apply(self) -> None:
        record: PostRecord | None = self.env.current_document.get(RECORD_KEY)
        body_tags: list[str] = self.env.current_document.get(BODY_TAGS_KEY) or []
        if record is None and not body_tags:
            return
        docname = self.env.docname
        if record is None:
            title = _first_title(self.document) or docname
            get_domain(self.env).note_page(PageEntry.of_page(docname, title, body_tags, _summary(self.document)))
            return
        self.env.metadata[docname].update(record.metadata)
        made: MadePost | None = self.env.current_document.get(MADE_KEY)
        section = self._titled_section(record)
        excerpt = made and made.excerpt
        site = _site_of_post(self)
        if excerpt and site is not None and self.config.smartquotes is not False:
            excerpt = typography(excerpt, curls_quotes(site))
        summary = record.excerpt or excerpt or _summary(self.document)  # the body's `#` sections too
        if record.image is not None:
            section.insert(1, cover_figure(record.image, self.env.doc2path(docname)))
        section.insert(1, post_header(record, docname, self.config.tags_intro_text))
        if record.is_post:
            section += post_node(record, summary)
        default_authors = site_settings_of(self.config).blog_default_author
        old_urls = made.old_urls if made else ()
        entry = PageEntry.of_record(docname, record, summary, body_tags, default_authors, old_urls)
        get_domain(self.env).note_page(entry)

    def _titled_section(self, record: PostRecord) -> nodes.section:
        """The document's top section, without a paragraph repeating an added title."""
        section = self.document.next_node(nodes.section)
        if section is None:  # a body made only of a heading that MyST could not use
            section = nodes.section()
            section += nodes.title(record.title, record.title)
            self.document += section
        if not record.title_in_body:
            _drop_repeated_title(section, record.title)
        return section


def _drop_repeated_title(section: nodes.section, title: str) -> None:
    """A first paragraph that only repeats the title goes; so does a first heading of a lower level that
    repeats it (``## title`` under the front matter's, the way many Jekyll layouts had it): its section's
    content and ids stay, in the page's section."""
    shown = (child for child in section.children[1:] if not isinstance(child, nodes.Invisible | nodes.system_message))
    first = next(shown, None)
    if isinstance(first, nodes.paragraph) and same_text(first.astext(), title):
        section.remove(first)
    elif isinstance(first, nodes.section) and same_text(first[0].astext(), title):
        position = next(index for index, child in enumerate(section.children) if child is first)
        section["ids"] += first["ids"]
        section[position : position + 1] = first.children[1:]


def _in_system_message(node: nodes.Node) -> bool:
    """Whether ``node`` is part of a message of docutils' (removed before the page is written)."""
    return any(isinstance(ancestor, nodes.system_message) for ancestor in _ancestors(node))


def _first_title(document: nodes.document) -> str | None:
    title = document.next_node(nodes.title)
    return title.astext() if title is not None else None


def _summary(node: nodes.Element) -> str:
    """The text of the first paragraph that has any (not one holding only an image), cut to
    ``SUMMARY_LENGTH`` characters."""
    paragraphs = (paragraph for paragraph in node.findall(nodes.paragraph) if not _in_system_message(paragraph))
    texts = (visible_text(paragraph) for paragraph in paragraphs)
    text = next((text for text in texts if text), "")
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"
