"""A condition in a table column headed as what the product is for: "| Condition | Our pick |",
"<th>Ailment</th><th>Remedy</th>", "| Supplement | Best for |".

A row pairs the condition with a product, so the row is the claim, though no cell holds a cue.
Read narrowly: the header row (row 0) must name both a condition column (`CONDITION_HEADS`) and
a product column (`PRODUCT_HEADS`), each as the whole cell; a research table ("| Condition |
Prevalence |", "| Drug | Indication |") names no product column and is no claim. Each condition
named in a body cell of the condition column is one claim, at its own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.rules.match.cue_target import Claim

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.documents.model import Block

CONDITION_HEADS = {
    "condition",
    "conditions",
    "ailment",
    "ailments",
    "health condition",
    "health concern",
    "concern",
    "for",
    "best for",
    "good for",
    "great for",
    "use",
    "uses",
    "used for",
    "helps with",
    "what it helps",
    "what it treats",
    "treats",
    "targets",
    "symptom",
    "symptoms",
    "problem",
    "issue",
    "indication",
    "indications",
}
PRODUCT_HEADS = {
    "remedy",
    "remedies",
    "natural remedy",
    "pick",
    "our pick",
    "top pick",
    "best pick",
    "product",
    "products",
    "our product",
    "supplement",
    "supplements",
    "best supplement",
    "herb",
    "herbs",
    "formula",
    "blend",
    "what to take",
    "try",
    "recommended",
    "we recommend",
    "solution",
}
_NOT_WORD = re.compile(r"[^\w' ]+")


def table_claims(analysis: Analysis, targets: list[tuple[int, int]]) -> Iterator[Claim]:
    """Claims at the conditions of a product table's condition column."""
    columns = _condition_columns(analysis)
    if not columns:
        return
    doc = analysis.doc
    for start, end in targets:
        sentence = analysis.sentence_at(doc[start].idx)
        cell = sentence.block.cell if sentence is not None and sentence.block else None
        if sentence is None or cell is None or cell.row == 0:
            continue
        if columns.get(cell.table) == cell.column and not sentence.is_question:
            yield Claim(sentence, start, end, "table", doc[start:end].text)


def _condition_columns(analysis: Analysis) -> dict[int, int]:
    """table -> its condition column, for the tables whose header also names a product."""
    heads: dict[int, dict[str, int]] = {}
    prose = analysis.document.prose
    for block in analysis.document.blocks:
        if block.cell is not None and block.cell.row == 0:
            heads.setdefault(block.cell.table, {})[_head(prose, block)] = block.cell.column
    found = {}
    for table, names in heads.items():
        conditions = [column for name, column in names.items() if name in CONDITION_HEADS]
        if conditions and any(_product_head(name) for name in names):
            found[table] = conditions[0]
    return found


def _product_head(name: str) -> bool:
    """ "Our pick", or any head ending in a product word ("Our favorite supplement")."""
    return name in PRODUCT_HEADS or name.rsplit(" ", 1)[-1] in PRODUCT_WORDS


PRODUCT_WORDS = {"remedy", "remedies", "pick", "picks", "product", "products", "supplement"}
PRODUCT_WORDS |= {"supplements", "herb", "herbs", "formula", "formulas", "blend", "blends"}


def _head(prose: str, block: Block) -> str:
    text = _NOT_WORD.sub(" ", prose[block.start : block.end].lower())
    return " ".join(text.split())
