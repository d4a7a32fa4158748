"""Find doses in prose: "10-30 mg", "1,600 mg", "2 g", "two capsules", "half a tablet"."""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUMBER = r"\d+(?:[.,]\d+)*(?:\s?(?:-|–|to)\s?\d+(?:[.,]\d+)*)?"
_UNIT = (
    r"(?:mg|milligrams?|g|grams?|mcg|µg|μg|micrograms?|iu|ml|capsules?|caps|tablets?|tabs"
    r"|pills?|drops?|droppers?|scoops?|servings?|softgels?|gummies)"
)
_WORD_NUMBER = r"(?:one|two|three|four|five|six|half an?|one or two|two or three|1 or 2)"
_COUNT_UNIT = r"(?:capsules?|tablets?|pills?|drops?|droppers?|scoops?|softgels?|gummies|doses?)"
DOSE = re.compile(
    rf"(?<![\w.,-]){_NUMBER}\s?{_UNIT}(?:/kg)?\b|\b{_WORD_NUMBER} {_COUNT_UNIT}\b",
    re.IGNORECASE,
)


def find_doses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of every dose expression in text."""
    for match in DOSE.finditer(text):
        yield match.start(), match.end()
