"""Table cells carry their place (table, row, column) in Markdown and HTML alike."""

from __future__ import annotations

import pytest

from lint.documents import parse
from lint.documents.model import Cell
from lint.sources import Source, format_for

MARKDOWN = "| A | B |\n|---|---|\n| a1 | b1 |\n\nText.\n\n| C |\n|---|\n| c1 |\n"
HTML = (
    "<table><tr><th>A</th><th>B</th></tr><tr><td>a1</td><td>b1</td></tr></table><p>Text.</p>"
    "<table><tr><th>C</th></tr><tr><td>c1</td></tr></table>"
)
PLACES = [
    ("A", Cell(0, 0, 0)),
    ("B", Cell(0, 0, 1)),
    ("a1", Cell(0, 1, 0)),
    ("b1", Cell(0, 1, 1)),
    ("Text.", None),
    ("C", Cell(1, 0, 0)),
    ("c1", Cell(1, 1, 0)),
]


@pytest.mark.parametrize(("name", "text"), [("t.md", MARKDOWN), ("t.html", HTML)])
def test_each_cell_knows_its_table_row_and_column(name: str, text: str) -> None:
    document = parse(Source(name, text, format_for(name)))
    found = [(document.prose[b.start : b.end], b.cell) for b in document.blocks]
    assert found == PLACES


def test_an_empty_cell_still_counts_as_a_column() -> None:
    text = "| A | B |\n|---|---|\n|  | b1 |\n"
    document = parse(Source("t.md", text, format_for("t.md")))
    assert [(document.prose[b.start : b.end], b.cell) for b in document.blocks][-1] == (
        "b1",
        Cell(0, 1, 1),
    )
