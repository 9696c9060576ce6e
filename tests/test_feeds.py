"""Feeds in three formats, site-wide and per tag, category and author, each named in its page's head.

Atom is read as XML; RSS 2.0 is checked for the elements its specification
requires (a channel's title, link and description; each item's title or
description); JSON Feed 1.1 for the fields its schema requires (version,
title, items; each item's id and content_html or content_text).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from conftest import Built, relative_target

ATOM = "{http://www.w3.org/2005/Atom}"
SEED = "https://kb.example.org/posts/2026-01-01-llama-4.html"
SEED_TITLE = "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"
#: each feed's folder and the page it belongs to
FEEDS = {
    "blog": "blog.html",
    "blog/tag/マルチモーダル": "blog/tag/マルチモーダル.html",
    "blog/category/ai最新ニュース": "blog/category/ai最新ニュース.html",
    "blog/author/allforces編集部": "blog/author/allforces編集部.html",
}


@pytest.mark.parametrize("folder", FEEDS)
def test_rss_has_the_required_elements(kb: Built, folder: str) -> None:
    channel = ET.parse(kb.outdir / folder / "rss.xml").getroot().find("channel")
    assert channel is not None
    for name in ("title", "link", "description"):
        assert channel.findtext(name), name
    items = {item.findtext("title"): item for item in channel.iter("item")}
    assert items[SEED_TITLE].findtext("link") == SEED
    assert items[SEED_TITLE].findtext("description") == SEED_TITLE
    assert items[SEED_TITLE].findtext("pubDate").endswith("+0900")


@pytest.mark.parametrize("folder", FEEDS)
def test_json_feed_has_the_required_fields(kb: Built, folder: str) -> None:
    feed = json.loads((kb.outdir / folder / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and isinstance(feed["items"], list)
    for item in feed["items"]:
        assert item["id"] and ("content_html" in item or "content_text" in item)
    seed = next(item for item in feed["items"] if item["title"] == SEED_TITLE)
    assert seed["url"] == SEED
    assert datetime.fromisoformat(seed["date_published"]).utcoffset().total_seconds() == 9 * 3600


@pytest.mark.parametrize("folder", FEEDS)
def test_atom_dates_keep_their_offset(kb: Built, folder: str) -> None:
    entries = ET.parse(kb.outdir / folder / "atom.xml").getroot().iter(f"{ATOM}entry")
    seed = next(entry for entry in entries if entry.findtext(f"{ATOM}title") == SEED_TITLE)
    assert seed.findtext(f"{ATOM}published") == "2026-01-01T11:40:14+09:00"


@pytest.mark.parametrize(("folder", "page"), FEEDS.items())
def test_each_feed_is_named_in_the_head_of_its_page(kb: Built, folder: str, page: str) -> None:
    links = kb.soup(page).head.find_all("link", rel="alternate")
    found = {(link["type"], relative_target(page, link["href"])) for link in links}
    for kind, name in (("atom+xml", "atom.xml"), ("rss+xml", "rss.xml"), ("feed+json", "feed.json")):
        assert (f"application/{kind}", f"{folder}/{name}") in found


def test_every_page_names_the_whole_blogs_feeds(kb: Built) -> None:
    links = kb.soup("wiki/guide.html").head.find_all("link", rel="alternate")
    assert {relative_target("wiki/guide.html", link["href"]) for link in links} == {
        "blog/atom.xml",
        "blog/rss.xml",
        "blog/feed.json",
    }


def test_a_feed_is_dated_by_its_newest_post_not_by_when_it_was_written(kb: Built) -> None:
    rss = (kb.outdir / "blog" / "rss.xml").read_text(encoding="utf-8")
    assert "<lastBuildDate>Thu, 01 Jan 2026 11:40:14 +0900</lastBuildDate>" in rss
    atom = ET.parse(kb.outdir / "blog" / "atom.xml").getroot()
    assert atom.findtext(f"{ATOM}updated") == "2026-01-01T11:40:14+09:00"
