"""Parse: one module per format, all returning the same Document."""

from __future__ import annotations

from lint.documents.model import Block, Document, Link
from lint.sources import Source

__all__ = ["Block", "Document", "Link", "parse"]


def parse(source: Source) -> Document:
    if source.format == "markdown":
        from lint.documents.markdown import parse_markdown

        return parse_markdown(source)
    if source.format == "html":
        from lint.documents.html import parse_html

        return parse_html(source)
    from lint.documents.text import parse_text

    return parse_text(source)
