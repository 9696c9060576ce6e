"""Source files as text: UTF-8 as written, anything else read with replacement characters.

Sphinx decodes every source file strictly, so one Latin-1 or Shift_JIS file
stopped the whole build with a traceback that named no file.  The codec
:data:`CODEC` decodes like ``utf-8-sig`` but replaces undecodable bytes
(U+FFFD); :func:`decode_source` finds the first bad byte, so it can be warned
at its line.  Control characters (NUL and the like), which no Markdown parser
expects, are removed and reported too.
"""

from __future__ import annotations

import codecs
import encodings.utf_8_sig
import re

from .problems import Problem

CODEC = "jekyll-posts-utf-8"
REPLACEMENT = "\ufffd"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_source(data: bytes) -> tuple[str, list[Problem]]:
    """The text of a source file's bytes: UTF-8 (with or without BOM), bad bytes replaced and reported;
    its line ends (``\r\n``, ``\r``) read as ``\n``, as Sphinx reads the file (Python's text mode)."""
    try:
        return _universal_newlines(data.decode("utf-8-sig")), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"not UTF-8 (byte 0x{data[error.start]:02X}): undecodable bytes are shown as \ufffd"
        return _universal_newlines(data.decode("utf-8-sig", "replace")), [Problem(line, "encoding", message)]


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def remove_control_characters(text: str) -> tuple[str, list[Problem]]:
    """``text`` without control characters (NUL and the like), and where the first one was."""
    found = _CONTROL.search(text)
    if found is None:
        return text, []
    line = text.count("\n", 0, found.start()) + 1
    message = f"control characters (U+{ord(found.group()):04X} and {len(_CONTROL.findall(text))} in all) removed"
    return _CONTROL.sub("", text), [Problem(line, "encoding", message)]


class _ReplacingDecoder(encodings.utf_8_sig.IncrementalDecoder):
    def __init__(self, errors: str = "strict") -> None:
        super().__init__("replace")


def _find_codec(name: str) -> codecs.CodecInfo | None:
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


def register_codec() -> None:
    """Make :data:`CODEC` known to :func:`codecs.lookup` (undone by :func:`unregister_codec`)."""
    codecs.unregister(_find_codec)
    codecs.register(_find_codec)


def unregister_codec() -> None:
    codecs.unregister(_find_codec)
