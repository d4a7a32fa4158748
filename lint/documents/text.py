"""Plain text: paragraphs are separated by blank lines; short unpunctuated lines are headings."""

from __future__ import annotations

import re

from lint.documents.model import Document, ProseBuilder
from lint.sources import Source

_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t\r]*(?:\n|\r|$)))*", re.MULTILINE)
_TERMINAL = (".", "!", "?", ":", ";", ",", "”", '"', ")", "…")


def looks_like_heading(text: str) -> bool:
    stripped = text.strip()
    return (
        "\n" not in stripped
        and 0 < len(stripped.split()) <= 12
        and not stripped.endswith(_TERMINAL)
    )


def parse_text(source: Source) -> Document:
    builder = ProseBuilder()
    # same length, so offsets stay exact; CRLF must not look like a blank line
    text = source.text.replace("\r\n", " \n").replace("\r", "\n")
    for match in _PARAGRAPH.finditer(text):
        chunk = source.text[match.start() : match.end()]
        builder.add(chunk, range(match.start(), match.end()))
        builder.end("heading" if looks_like_heading(match.group()) else "paragraph")
    return builder.build(source, [], {})
