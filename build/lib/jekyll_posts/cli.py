"""``jekyll-posts``: the knowledge base's command line.

::

    jekyll-posts check docs                 # every post's front matter, without building (also jekyll-posts-check)
    jekyll-posts new "タイトル" --tags a,b  # a new post in docs/posts/, front matter filled in
    jekyll-posts import ../old-blog        # a whole Jekyll site's posts, drafts, data, includes and images
    jekyll-posts serve                      # preview on http://127.0.0.1:8000/, rebuilt and reloaded on every save

Each subcommand is a module with ``add_arguments(parser)`` and ``run(arguments) -> int``
(the exit status), listed once in :data:`COMMANDS`.  Nothing here imports Sphinx (``serve`` does
when it runs).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from . import check, importer, new, serve

#: subcommand name -> its module
COMMANDS: dict[str, ModuleType] = {"check": check, "new": new, "import": importer, "serve": serve}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jekyll-posts", description=(__doc__ or "").split("\n")[0])
    subcommands = parser.add_subparsers(dest="command", required=True)
    for name, module in COMMANDS.items():
        summary = (module.__doc__ or "").split("\n")[0]
        module.add_arguments(subcommands.add_parser(name, help=summary, description=summary))
    arguments = parser.parse_args(argv)
    status: int = COMMANDS[arguments.command].run(arguments)
    return status


if __name__ == "__main__":
    sys.exit(main())
