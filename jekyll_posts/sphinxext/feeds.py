"""Writing a feed this package generates (a tag's), with feedgen.

Each entry links to its post with an absolute URL made from ``blog_baseurl``,
has the post's excerpt as its summary, its authors and its date in the
site's time zone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator

from ..core.pages import FeedSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def write_feed(app: Sphinx, spec: FeedSpec) -> None:
    base_url = app.config.blog_baseurl.rstrip("/") + "/"
    feed_url = f"{base_url}{spec.path}"
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(spec.title)
    feed.link(href=base_url)
    feed.link(href=feed_url, rel="self")
    feed.language(app.config.language)
    for entry in spec.entries:
        url = base_url + app.builder.get_target_uri(entry.docname)
        item = feed.add_entry(order="append")
        item.id(url)
        item.link(href=url)
        item.title(entry.title)
        for name in entry.authors:
            item.author({"name": name})
        if entry.summary:
            item.summary(entry.summary)
        if entry.date:
            item.published(entry.date)
            item.updated(entry.date)
    path = Path(app.outdir) / spec.path
    path.parent.mkdir(parents=True, exist_ok=True)
    feed.atom_file(str(path), pretty=True)
