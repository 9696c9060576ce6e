# A site with ablog alone: built in the same process after a jekyll_posts site,
# it must see none of jekyll_posts' changes to ablog.
extensions = ["myst_parser", "ablog"]
blog_post_pattern = "posts/*"
fontawesome_included = True
