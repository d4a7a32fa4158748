"""Markdown links keep exact spans in every block (found by the prose-mapping property test)."""

from __future__ import annotations

import pytest

from lint.documents import parse
from lint.sources import Source, format_for


def links(text: str) -> list[tuple[int, int, int, int, str]]:
    document = parse(Source("draft.md", text, format_for("draft.md")))
    return [(lk.start, lk.end, lk.text_start, lk.text_end, lk.text) for lk in document.links]


@pytest.mark.parametrize("prefix", ["", "> ", "- ", "> > "])
def test_an_entity_link_text_keeps_its_span_after_block_markup(prefix: str) -> None:
    """`> [&gt;](url)`: the quote's own '>' was taken for the link text (the span ran 2..1)."""
    text = f"{prefix}[&gt;](https://example.org/a)\n"
    at = len(prefix)
    assert links(text) == [(at, len(text) - 1, at + 1, at + 5, ">")]
