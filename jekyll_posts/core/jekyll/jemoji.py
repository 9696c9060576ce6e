"""jemoji's emoji: ``:smile:`` in a post of a site whose plugins include jemoji is 😄.

jemoji drew GitHub's picture of each emoji it knows by name (gemoji's names)
and left any other ``:word:`` as it was.  Here each is the emoji character
itself, which the reader's fonts show, search finds and a copy keeps; the
names are the ``emoji`` package's GitHub aliases (``:+1:``, ``:tada:``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PLUGIN = "jemoji"


def uses_jemoji(config: Mapping[str, Any]) -> bool:
    """Whether ``_config.yml`` lists jemoji among its ``plugins`` (``gems`` before Jekyll 3.5)."""
    return any(
        isinstance(plugins, list) and PLUGIN in plugins for plugins in (config.get("plugins"), config.get("gems"))
    )


def with_emoji(text: str) -> str:
    """``text`` with each emoji name jemoji knew (``:smile:``) as the emoji; any other ``:word:`` is kept."""
    if text.count(":") < 2:
        return text
    import emoji  # only for a site that used jemoji

    return emoji.emojize(text, language="alias")
