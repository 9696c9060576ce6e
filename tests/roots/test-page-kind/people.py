"""A test-only kind of generated page: every author, with the number of their posts."""

from jekyll_posts.core.pages import GeneratedPage
from jekyll_posts.sphinxext import register_page_kind


class People:
    name = "people"

    def pages(self, site):
        people = [
            {"name": term.name, "posts": len(term.posts)}
            for term in sorted(site.index.terms["author"].values(), key=lambda term: term.name)
        ]
        if people:
            context = {"title": "People", "people": people}
            yield GeneratedPage(f"{site.settings.blog_path}/people", "people.html", context)


def setup(app):
    register_page_kind(app, People())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
