/* The blog's sidebar blocks, rendered once per build into
 * _static/jekyll_blog_sidebar_data.js, which calls this function from the
 * sidebar of every page (see jekyll_posts/sphinxext/sidebar.py).  Links in
 * the blocks are relative to the site's root: they are made relative to this
 * page, and this page is left out of the recent posts. */
"use strict";

function jekyllBlogSidebar(script, html, recentPosts) {
  const root = document.documentElement.dataset.content_root || "";
  const here = new URL(window.location.href);
  here.hash = "";
  const blocks = document.createElement("template");
  blocks.innerHTML = html;
  for (const link of blocks.content.querySelectorAll("a[href]")) {
    link.setAttribute("href", root + link.getAttribute("href"));
  }
  let shown = 0;
  for (const item of blocks.content.querySelectorAll(".ablog__recentposts li")) {
    const target = new URL(item.querySelector("a").getAttribute("href"), here);
    target.hash = "";
    if (target.href === here.href || shown === recentPosts) {
      item.remove();
    } else {
      shown += 1;
    }
  }
  script.replaceWith(blocks.content);
}
