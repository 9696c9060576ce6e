"""Files that are not UTF-8: read with replacement characters and a warning, not a crash.

Sphinx decodes every source file strictly with ``source_encoding``, so one
Latin-1 or Shift_JIS file stops the whole build with a traceback that names
no file.  Before each read, the environment's input encoding, when it is the
default ``utf-8-sig``, is swapped for a codec that decodes the same way but
replaces undecodable bytes (U+FFFD); the post reading then finds the first
bad byte and warns at its line (``jekyll_posts.encoding``).  The
configuration is not changed, and a site that sets another
``source_encoding`` keeps it.
"""

from __future__ import annotations

import codecs
import encodings.utf_8_sig
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

CODEC = "jekyll-posts-utf-8"
REPLACEMENT = "\ufffd"


class _ReplacingDecoder(encodings.utf_8_sig.IncrementalDecoder):
    def __init__(self, errors: str = "strict") -> None:
        super().__init__("replace")


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != CODEC:
        return None
    base = codecs.lookup("utf-8-sig")
    return codecs.CodecInfo(
        name=CODEC,
        encode=base.encode,
        decode=lambda data, errors="strict": base.decode(data, "replace"),
        incrementalencoder=base.incrementalencoder,
        incrementaldecoder=_ReplacingDecoder,
        streamreader=base.streamreader,
        streamwriter=base.streamwriter,
    )


codecs.register(_search)


def setup_encoding(app: Sphinx) -> None:
    app.connect("env-before-read-docs", use_replacing_codec)


def use_replacing_codec(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if codecs.lookup(env.settings["input_encoding"]).name == "utf-8-sig":
        env.settings["input_encoding"] = CODEC
