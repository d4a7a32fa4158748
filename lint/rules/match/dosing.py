"""Find doses in prose: "10-30 mg", "1,600 mg", "2 g", "two capsules", "half a tablet", "1/2 tsp".

In a table whose header gives the unit ("Dose (mg)"), a cell holding only a number is a dose.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

_AMOUNT = r"(?:\d+(?:[.,]\d+)*\s?[½¼¾⅓]?|[½¼¾⅓]|\d+/\d+)"
_NUMBER = rf"{_AMOUNT}(?:\s?(?:-|–|to)\s?{_AMOUNT})?"
_UNIT = (
    r"(?:mg|milligrams?|g|grams?|mcg|µg|μg|micrograms?|iu|ml|capsules?|caps|tablets?|tabs"
    r"|pills?|drops?|droppers?|scoops?|servings?|softgels?|gummies|tsp|teaspoons?|tbsp"
    r"|tablespoons?)"
)
_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|ten|half an?|a half|a quarter|quarter of an?"
    r"|one or two|two or three|1 or 2|a couple of)"
)
_COUNT_UNIT = (
    r"(?:capsules?|tablets?|pills?|drops?|droppers?|scoops?|softgels?|gummies|doses?"
    r"|teaspoons?|tablespoons?|tsp)"
)
DOSE = re.compile(
    rf"(?<![\w.,/-]){_NUMBER}\s?{_UNIT}(?:/kg)?\b|\b{_WORD_NUMBER} {_COUNT_UNIT}\b",
    re.IGNORECASE,
)
# DOSE in two parts for speed; find_doses gives exactly DOSE's matches (tests/test_safety.py).
# The word part costs the stdlib engine a try of every alternative at every word boundary, so
# RE2's automaton (one pass) first says whether a text may hold one: its ASCII \b finds a
# boundary wherever Python's Unicode one does, so it misses none.
_NUMERIC = re.compile(rf"(?<![\w.,/-]){_NUMBER}\s?{_UNIT}(?:/kg)?\b", re.IGNORECASE)
_COUNTED_PATTERN = rf"(?i)\b{_WORD_NUMBER} {_COUNT_UNIT}\b"


@functools.cache  # a constant, compiled on first use: importing re2 is not free
def _counted() -> Any:
    import re2

    return re2.compile(_COUNTED_PATTERN)


# a table's column header that gives the unit: "Dose (mg)", "mg per day", "Amount, g"
UNIT_HEADER = re.compile(
    r"\b(?:dose|dosage|amount)\b[^\n]{0,12}\(?\b(?:mg|mcg|µg|g|grams?|milligrams?)\b"
    r"|\((?:mg|mcg|µg|g)\)|^\s*(?:mg|mcg|µg)\s*(?:/\s*day|per day|daily)?\s*$",
    re.IGNORECASE,
)
BARE_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?(?:\s?(?:-|–|to)\s?\d+(?:[.,]\d+)?)?)\s*$")


# an amount by weight or volume: "200 mg", "2 g", "1,000 IU"; "one tablet" or "2 capsules" only
# count units, whose strength the label gives elsewhere ("Caffeine Tablets, 200 mg")
_MEASURED = re.compile(
    r"\d\s?(?:-|–|to)?[\d.,\s½¼¾⅓]*(?:mg|milligrams?|g|grams?|mcg|µg|μg|micrograms?|iu|ml)\b",
    re.IGNORECASE,
)


def measured(dose: str) -> bool:
    """The dose gives an amount (mg, g, IU, ml), not only a count of tablets or scoops."""
    return _MEASURED.search(dose) is not None


def find_doses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of every dose expression in text, as DOSE.finditer gives them."""
    counted = _may_count(text) and _counted().search(text) is not None
    for match in (DOSE if counted else _NUMERIC).finditer(text):
        yield match.span()


def dose_sentences(analysis: Any) -> set[int]:
    """Indexes of the sentences that hold a dose (one search of the joined text per part)."""
    from lint.rules.match.prescreen import candidates, sentences_text

    found = set(candidates(_NUMERIC, analysis))
    if _may_count(sentences_text(analysis)):
        found.update(candidates(_counted(), analysis))
    return found


def _may_count(text: str) -> bool:
    """A counted dose needs one of the count units; most texts have none ("capsule", "tsp")."""
    lower = text.lower()
    return any(unit in lower for unit in _COUNT_WORDS)


_COUNT_WORDS = (
    "capsule",
    "tablet",
    "pill",
    "drop",
    "scoop",
    "softgel",
    "gummies",
    "dose",
    "teaspoon",
    "tablespoon",
    "tsp",
)


# an amount a feeling is measured against, not a dose taken: "felt like 100 mg of caffeine",
# "hit about like 200 mg of caffeine", "roughly like 400 mg of caffeine", "stronger than 200 mg
# of caffeine". "Like" as a hedge after a verb of taking stays a dose ("I take like 200 mg"),
# and so does "like" giving an example ("a modest dose, like 150 mcg")
_COMPARED_AMOUNT = re.compile(
    r"(?:\b(?:feels?|felt|feeling|hits?|hitting|kicks?(?: in)?|kicked(?: in)?|tastes?|tasted"
    r"|works?|worked|acts?|acted)\b(?:\s+[\w'’]+){0,3}?"
    r"|\b(?:about|roughly|around|approximately|bit|little|lot|much|just|exactly|kind of|sort of"
    r"|kinda|sorta|nothing|almost|somewhat))\s+like\s+(?:an?\s+|maybe\s+|about\s+|around\s+"
    r"|roughly\s+|nearly\s+|approximately\s+)?$"
    # "hoping for the kick of 200 mg of caffeine": an effect named by an amount of something
    r"|\bthe\s+(?:kick|buzz|jolt|punch|rush|hit)\s+(?:of|from)\s+(?:an?\s+|about\s+)?$"
    r"|\b(?:the\s+equivalent\s+of|equivalent\s+to|similar\s+to|comparable\s+to|(?:stronger"
    r"|weaker|gentler|smoother|harsher|cleaner|calmer)\s+than|as\s+(?:strong|smooth|clean"
    r"|calm|good)\s+as)\s+(?:an?\s+|maybe\s+)?$"
    # "smaller than what you would expect from 75 mg of caffeine": an effect for scale
    r"|\b(?:would|could|might|['’]d)\s+(?:expect|get|feel|notice|see)\s+from\s+"
    r"(?:an?\s+|about\s+|roughly\s+|around\s+)?$"
    # "smaller than what trials usually report for 200 mg of caffeine"
    r"|\bthan\s+what\s+(?:[\w'’]+\s+){1,4}(?:for|from|with|after)\s+(?:an?\s+|about\s+)?$",
    re.IGNORECASE,
)


def compared_amount(text: str, start: int) -> bool:
    """The amount at text[start:] is what something is compared with ("felt like 100 mg of
    caffeine"), not a dose of it."""
    return _COMPARED_AMOUNT.search(text[max(0, start - 60) : start]) is not None


def bare_dose(cell: str) -> tuple[int, int] | None:
    """The number of a table cell that holds only a number ("300", "100-200"), if any."""
    match = BARE_NUMBER.match(cell)
    return match.span(1) if match else None
