"""A post body's Liquid seen from outside the engine: whether it has any, how its links are found.

Kept apart from the engine's modules so that a build whose posts have no Liquid,
or reads no post at all, never imports python-liquid.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Links:
    """How tags that link to other posts find them; the Sphinx glue supplies these.

    ``post_url`` takes a ``{% post_url %}`` name (``2017-10-12-name`` or
    ``sub/2017-10-12-name``), ``link`` a ``{% link %}`` path
    (``_posts/2016-07-26-name.md``); each returns the link target to write in
    place of the tag, or ``None`` when there is no such post or page.
    ``jekyll_url`` takes the tag's name and that argument, and returns the URL
    Jekyll wrote for it (a post's on the old site), written where the tag is
    part of a longer URL (``{{ site.url }}{% post_url … %}``), or ``None``.
    ``site_posts`` gives what ``site.posts`` lists.
    """

    post_url: Callable[[str], str | None]
    link: Callable[[str], str | None]
    jekyll_url: Callable[[str, str], str | None] = lambda tag, name: None
    #: the site's posts as ``site.posts`` lists them (:func:`.posts.site_posts`), asked for when
    #: a template first reads ``site.posts``, ``site.tags`` or ``site.categories``
    site_posts: Callable[[], Sequence[Mapping[str, Any]]] = lambda: ()


#: how a post read for another's Liquid (its old URL, ``site.posts``) finds the posts it links to: it does not
NO_LINKS = Links(post_url=lambda name: None, link=lambda path: None)


def has_liquid(text: str) -> bool:
    """Whether a text has Liquid in it at all: one without ``{{`` or ``{%`` is never parsed."""
    return "{{" in text or "{%" in text
