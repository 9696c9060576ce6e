"""A test-only extension that raises for one named document in each phase of a build."""

from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform


class RaiseInTransform(SphinxTransform):
    default_priority = 500

    def apply(self, **kwargs):
        if self.env.docname == "posts/2026-01-03-transform":
            raise RuntimeError("a transform broke on this document")


class RaiseInPostTransform(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs):
        if self.env.current_document.docname == "posts/2026-01-04-post-transform":
            raise KeyError("a resolver broke on this document")


def raise_in_doctree_read(app, doctree):
    if app.env.docname == "posts/2026-01-05-doctree-read":
        raise ValueError("a doctree-read handler broke on this document")


def raise_in_source_read(app, docname, source):
    if docname == "posts/2026-01-06-source-read":
        raise UnicodeError("a source-read handler broke on this document")


def raise_in_doctree_resolved(app, doctree, docname):
    if docname == "posts/2026-01-07-doctree-resolved":
        raise AttributeError("a doctree-resolved handler broke on this document")


def setup(app):
    app.add_transform(RaiseInTransform)
    app.add_post_transform(RaiseInPostTransform)
    app.connect("doctree-read", raise_in_doctree_read)
    app.connect("source-read", raise_in_source_read)
    app.connect("doctree-resolved", raise_in_doctree_resolved)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
