"""The layout of an article by its format (its own module: the format layouts build on
lint.report.layout's model, so dispatching from there would be an import cycle)."""

from __future__ import annotations

from lint.report.layout import Layout, text_layout
from lint.report.layout_html import html_layout
from lint.report.layout_markdown import markdown_layout


def article_layout(text: str, fmt: str) -> Layout:
    if fmt == "markdown":
        return markdown_layout(text)
    if fmt == "html":
        return html_layout(text)
    return text_layout(text)
