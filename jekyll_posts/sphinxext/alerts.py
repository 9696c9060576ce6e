"""GitHub's alerts: a quote whose first line is ``[!NOTE]``, ``[!TIP]``, ``[!IMPORTANT]``, ``[!WARNING]`` or
``[!CAUTION]`` is that admonition, a box with its title (注釈, ヒント, 重要, 警告, 注意), as GitHub shows it.

kramdown shows the marker as text; the boxes a Jekyll site's readers saw came
from the site's own script or a plugin (jekyll-gfm-admonitions).  The quote's
text, classes and ids go into the box; the marker line is its title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..core.markdown import github_alert

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: docutils' admonition of each kind of alert
ADMONITIONS: dict[str, type[nodes.Admonition]] = {
    "note": nodes.note,
    "tip": nodes.tip,
    "important": nodes.important,
    "warning": nodes.warning,
    "caution": nodes.caution,
}


def setup_alerts(app: Sphinx) -> None:
    app.add_transform(GitHubAlerts)


class GitHubAlerts(SphinxTransform):
    """Each quote opening with an alert marker becomes the admonition it names."""

    default_priority = 680  # before Japanese lines are joined (690) and a post's summary is taken (700)

    def apply(self, **kwargs: Any) -> None:
        for quote in list(self.document.findall(nodes.block_quote)):
            kind = _take_marker(quote)
            if kind is not None:
                box = ADMONITIONS[kind]("", classes=quote["classes"], ids=quote["ids"])
                box.source, box.line = quote.source, quote.line
                box.extend(list(quote.children))
                quote.replace_self(box)


def _take_marker(quote: nodes.block_quote) -> str | None:
    """The kind of alert ``quote`` opens with, its marker line taken out of its first paragraph."""
    if not quote.children or not isinstance(quote[0], nodes.paragraph):
        return None
    paragraph = quote[0]
    leading = 0
    while leading < len(paragraph) and isinstance(paragraph[leading], nodes.Text):
        leading += 1
    text = "".join(paragraph[index].astext() for index in range(leading))
    found = github_alert(text)
    if found is None:
        return None
    kind, length = found
    del paragraph[0:leading]
    if text[length:]:
        paragraph.insert(0, nodes.Text(text[length:]))
    if not paragraph.children:
        del quote[0]
    return kind
