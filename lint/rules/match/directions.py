"""A dose given for a condition: "For gout, take 2 capsules twice daily.", "DIRECTIONS: For
osteoarthritis of the knee, take 2 tablets", a list item "Vertigo — 2 drops under the tongue".

Directions tell the reader to take the product for the disease, which says it treats the
disease, though no cue word does. Read narrowly:
- "For <condition>" opens the sentence (or follows a label ending in ":"), a comma closes the
  condition within a few words ("of the knee"), a dosing verb (`DOSING`) follows the comma, and
  a number or dose unit follows the verb closely: "For gout, ask your doctor" and "For anxiety,
  take a walk" give no dose;
- or a list item or table cell opens with the condition, then a dash or colon, then a number
  and a dose unit ("2 drops", "500 mg");
- the sentence has no negation and no drug or doctor ("For gout, take allopurinol as
  prescribed" is a drug's direction).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.rules.match.cue_target import CLAIM_NEGATIONS, Claim, ClaimFinder
from lint.rules.match.fronted import treated_otherwise
from lint.tokens import token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lint.analysis import Analysis, Sentence

DOSING = {"take", "use", "apply", "chew", "mix", "dissolve", "add", "place", "put", "rub",
          "massage", "drink", "give", "spray", "swallow", "stir", "sip"}  # fmt: skip
UNITS = {"capsule", "capsules", "caps", "tablet", "tablets", "tabs", "drop", "drops", "mg",
         "mcg", "g", "ml", "scoop", "scoops", "softgel", "softgels", "gummy", "gummies",
         "teaspoon", "teaspoons", "tsp", "tablespoon", "tablespoons", "tbsp", "cup", "cups",
         "spray", "sprays", "lozenge", "lozenges", "pill", "pills", "serving", "servings",
         "dropper", "droppers", "dropperful", "pump", "pumps", "iu", "sachet",
         "sachets", "packet", "packets"}  # fmt: skip
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "half"}  # not "a": "take a walk"
CONDITION_TAIL = 4  # "of the knee", "in adults": words between the condition and its comma
DOSE_REACH = 5  # tokens from the dosing verb to its number or unit
DASHES = {"-", "–", "—", ":", "--"}


def direction_claims(
    analysis: Analysis, targets: list[tuple[int, int]], reader: ClaimFinder
) -> Iterator[Claim]:
    """Claims at the condition a dose is given for."""
    doc = analysis.doc
    lowers = token_strings(doc).lower
    for start, end in targets:
        sentence = analysis.sentence_at(doc[start].idx)
        if sentence is None or sentence.is_heading or sentence.is_question:
            continue
        lo, hi = sentence.span.start, sentence.span.end
        dosed = _for_condition(lowers, lo, start, end, hi) or _listed_dose(
            sentence, lowers, start, end, hi
        )
        if dosed and not _excluded(sentence, reader, doc):
            yield Claim(sentence, start, end, "direction", doc[start:end].text)


def _for_condition(lowers: list[str], lo: int, start: int, end: int, hi: int) -> bool:
    """ "For gout, take 2 capsules": "for" opens the sentence or follows a label's colon."""
    if start - 1 < lo or lowers[start - 1] != "for":
        return False
    if start - 1 > lo and lowers[start - 2] != ":":
        return False
    tail = range(end, min(hi, end + CONDITION_TAIL + 1))
    comma = next((i for i in tail if lowers[i] == ","), None)
    if comma is None or comma + 1 >= hi or lowers[comma + 1] not in DOSING:
        return False
    return _dose_near(lowers, comma + 2, min(hi, comma + 2 + DOSE_REACH))


def _listed_dose(sentence: Sentence, lowers: list[str], start: int, end: int, hi: int) -> bool:
    """ "Vertigo — 2 drops under the tongue": a list item or cell opening with the condition."""
    block = sentence.block
    if block is None or block.kind not in {"list_item", "table_cell"}:
        return False
    if start != sentence.span.start or end >= hi or lowers[end] not in DASHES:
        return False
    number = end + 1
    units = range(number + 1, min(hi, number + 3))
    return number < hi and _number(lowers[number]) and any(lowers[i] in UNITS for i in units)


def _dose_near(lowers: list[str], lo: int, hi: int) -> bool:
    return any(lowers[i] in UNITS or _number(lowers[i]) for i in range(lo, hi))


def _number(word: str) -> bool:
    return word in NUMBER_WORDS or any(c.isdigit() for c in word)


def _excluded(sentence: Sentence, reader: ClaimFinder, doc: Doc) -> bool:
    lo, hi = sentence.span.start, sentence.span.end
    if set(sentence.lowers) & CLAIM_NEGATIONS or reader._mentions_only(sentence):
        return True
    return treated_otherwise(reader, doc, lo, hi)
