extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
html_theme = "sphinx_book_theme"
html_sidebars = {
    "**": [
        "sbt-sidebar-nav.html",
        "jekyll_posts/blog-sidebar.html",
    ]
}
fontawesome_included = True
blog_title = "KB"
blog_baseurl = "https://kb.example.org/"
blog_feed_archives = True
post_date_format = "%Y年%-m月%-d日"
post_date_format_short = "%Y年%-m月%-d日"
tags_intro_text = "タグ:"
