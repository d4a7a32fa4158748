"""Conditions listed under a lead that makes the claim: "What our eye formula can help with:"
then "- Glaucoma", "- Cataracts".

The lead names a product and a cue; each list item right after it names a condition, so each
item is a claim, at its condition, though the item holds no cue. Read narrowly:
- the lead is prose ending in ":", or a heading that ends in its cue ("What FloraMend helps
  with"), with a product and one of the reader's cues, no negation, no drug or doctor, and
  none of the reader's other exclusions (question, disclaimer, dismissal, regulator's
  register);
- the items are the list items that directly follow the lead's block; an item counts when it
  opens with a condition ("- Glaucoma", "- Dry eye syndrome: ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.rules.match.cue_target import CLAIM_NEGATIONS, Claim, ClaimFinder
from lint.rules.match.fronted import Products, treated_otherwise

if TYPE_CHECKING:
    from lint.analysis import Analysis, Sentence

MAX_ITEMS = 40  # a lead governs one list; bounded, so nested leads stay linear


def lead_list_claims(
    analysis: Analysis,
    targets: list[tuple[int, int]],
    has_product: Products,
    reader: ClaimFinder,
) -> Iterator[Claim]:
    """Claims at the conditions opening the list items under a claiming lead."""
    opening = dict(targets)  # a target's start -> its end
    sentences = analysis.sentences
    doc = analysis.doc
    for lead in sentences:
        if not _claiming_lead(lead, has_product, reader):
            continue
        for item in _items(sentences, lead):
            start = item.span.start
            while start < item.span.end and not doc[start].text.strip(" -*•:"):
                start += 1  # a bullet spaCy kept as a token
            if start in opening:
                end = opening[start]
                yield Claim(item, start, end, "list", doc[start:end].text)


def _claiming_lead(lead: Sentence, has_product: Products, reader: ClaimFinder) -> bool:
    """Prose ending in ":", or a heading the list completes ("What FloraMend helps with"):
    a heading must end in its cue, so "How bacopa helps with ADHD" leads nothing."""
    if set(lead.lowers) & CLAIM_NEGATIONS:
        return False
    if not lead.text.endswith(":") and not lead.is_heading:
        return False
    doc, lo, hi = lead.span.doc, lead.span.start, lead.span.end
    cues = reader.cues.find(doc, lo, hi) if has_product(doc, lo, hi) else []
    if not cues or (lead.is_heading and not _ends_in_cue(lead, cues)):
        return False
    return not reader._mentions_only(lead) and not treated_otherwise(reader, doc, lo, hi)


def _ends_in_cue(lead: Sentence, cues: list[tuple[int, int]]) -> bool:
    end = lead.span.end
    while end > lead.span.start and not lead.span.doc[end - 1].is_alpha:
        end -= 1  # "What FloraMend helps with:" or "... helps with?"
    return any(c_end == end for _, c_end in cues)


def _items(sentences: list[Sentence], lead: Sentence) -> Iterator[Sentence]:
    """The first sentence of each list item directly after the lead's block."""
    block = lead.block
    count = 0
    for sentence in sentences[lead.index + 1 :]:
        if sentence.block is block and block is not lead.block:
            continue  # a later sentence of the item before
        item = sentence.block
        if item is None or item is lead.block or item.kind != "list_item" or count >= MAX_ITEMS:
            return  # the lead must end its block, and the list must follow it directly
        block = item
        count += 1
        yield sentence
