from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from jekyll_posts.core.backlinks import Backlink, LinkTarget, backlinks, resolve

TOKYO = ZoneInfo("Asia/Tokyo")
OLD = {"/2017/10/12/name.html": "posts/name"}


def page(docname: str, title: str, day: int | None = None) -> Backlink:
    return Backlink(docname, title, datetime(2026, 1, day, tzinfo=TOKYO) if day else None)


def test_a_target_resolves_by_its_kind() -> None:
    documents = {"wiki/guide", "posts/name"}
    labels = {"guide-setup": "wiki/guide"}
    assert resolve(LinkTarget("doc", "wiki/guide"), documents, labels, OLD.get) == "wiki/guide"
    assert resolve(LinkTarget("doc", "wiki/gone"), documents, labels, OLD.get) is None
    assert resolve(LinkTarget("label", "guide-setup"), documents, labels, OLD.get) == "wiki/guide"
    assert resolve(LinkTarget("label", "nowhere"), documents, labels, OLD.get) is None
    assert resolve(LinkTarget("path", "/2017/10/12/name.html"), documents, labels, OLD.get) == "posts/name"
    assert resolve(LinkTarget("path", "/about/"), documents, labels, OLD.get) is None


def test_links_are_turned_around_newest_post_first_then_pages_by_title() -> None:
    shown = {
        "a": page("a", "古い投稿", 1),
        "b": page("b", "新しい投稿", 20),
        "w1": page("w1", "用語集"),
        "w2": page("w2", "ガイド"),
    }
    links = {"a": ["t"], "b": ["t"], "w1": ["t"], "w2": ["t"]}
    assert [linking.docname for linking in backlinks(links, shown)["t"]] == ["b", "a", "w2", "w1"]


def test_no_page_links_to_itself_and_a_page_linking_twice_is_listed_once() -> None:
    shown = {"a": page("a", "A", 1), "b": page("b", "B", 2)}
    result = backlinks({"a": ["a", "b", "b"], "b": ["a"]}, shown)
    assert result == {"b": (shown["a"],), "a": (shown["b"],)}


def test_pages_not_shown_link_to_nothing() -> None:
    shown = {"a": page("a", "A", 1)}
    assert backlinks({"draft": ["a"], "a": []}, shown) == {}
