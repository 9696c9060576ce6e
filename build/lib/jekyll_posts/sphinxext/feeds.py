"""Writing a feed, in three formats: Atom, RSS 2.0 and JSON Feed 1.1.

Each entry links to its post with an absolute URL made from ``blog_baseurl``,
has the post's excerpt as its summary, its authors, categories and tags, and
its date in the site's time zone (with its offset).  A feed's own date is its
newest post's, so a feed is written again only when what it lists changed,
and the same posts give the same bytes.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedgen.feed import FeedGenerator

from ..core.pages import FeedSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx

JSON_FEED = "https://jsonfeed.org/version/1.1"
#: a feed without posts is dated the start of the epoch, not the time it was written
NO_DATE = datetime(1970, 1, 1, tzinfo=UTC)


def write_feed(app: Sphinx, spec: FeedSpec) -> None:
    """The feed's Atom, RSS and JSON Feed files."""
    urls = FeedUrls(app, spec)
    folder = Path(app.outdir) / spec.folder
    folder.mkdir(parents=True, exist_ok=True)
    atom, rss = _feedgen(app, spec, urls, "atom"), _feedgen(app, spec, urls, "rss")
    (folder / "atom.xml").write_bytes(atom.atom_str(pretty=True))
    (folder / "rss.xml").write_bytes(rss.rss_str(pretty=True))
    text = json.dumps(json_feed(app, spec, urls), ensure_ascii=False, indent=1)
    (folder / "feed.json").write_text(text + "\n", encoding="utf-8")


class FeedUrls:
    """The absolute URLs a feed needs: the site's, its page's, its own, its posts'."""

    def __init__(self, app: Sphinx, spec: FeedSpec) -> None:
        self.app = app
        self.base = str(app.config.blog_baseurl).rstrip("/") + "/"
        self.page = self.of(spec.page)
        self.spec = spec

    def of(self, docname: str) -> str:
        return self.base + str(self.app.builder.get_target_uri(docname))

    def feed(self, feed_format: str) -> str:
        return self.base + self.spec.path(feed_format)


def _updated(spec: FeedSpec) -> datetime:
    dates = [entry.date for entry in spec.entries if entry.date is not None]
    return max(dates) if dates else NO_DATE


def _feedgen(app: Sphinx, spec: FeedSpec, urls: FeedUrls, feed_format: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.load_extension("dc")
    feed.id(urls.feed(feed_format))
    feed.title(spec.title)
    feed.description(spec.title)
    feed.link(href=urls.page, rel="alternate")
    feed.link(href=urls.feed(feed_format), rel="self")
    feed.language(app.config.language)
    feed.updated(_updated(spec))
    feed.lastBuildDate(_updated(spec))
    for entry in spec.entries:
        url = urls.of(entry.docname)
        item = feed.add_entry(order="append")
        item.id(url)
        item.guid(url, permalink=True)
        item.link(href=url)
        item.title(entry.title)
        if feed_format == "atom":
            for name in entry.authors:
                item.author({"name": name})
        for name in entry.authors:
            item.dc.dc_creator(name)
        for term in (*entry.categories, *entry.tags):
            item.category(term=term)
        if entry.summary:
            item.summary(entry.summary)
            item.description(entry.summary)
        if entry.date:
            item.published(entry.date)
            item.updated(entry.date)
    return feed


def json_feed(app: Sphinx, spec: FeedSpec, urls: FeedUrls) -> dict[str, Any]:
    """The feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = []
    for entry in spec.entries:
        url = urls.of(entry.docname)
        item: dict[str, Any] = {"id": url, "url": url, "title": entry.title, "content_text": entry.summary}
        if entry.summary:
            item["summary"] = entry.summary
        if entry.date:
            item["date_published"] = entry.date.isoformat()
        if entry.authors:
            item["authors"] = [{"name": name} for name in entry.authors]
        if entry.categories or entry.tags:
            item["tags"] = [*entry.categories, *entry.tags]
        items.append(item)
    return {
        "version": JSON_FEED,
        "title": spec.title,
        "home_page_url": urls.page,
        "feed_url": urls.feed("json"),
        "language": app.config.language,
        "items": items,
    }
