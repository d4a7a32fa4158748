"""Where in a Doc token patterns can match at all: run the Matcher there, not on every token.

A pattern of fixed maximal length n (every token spec once or optional) with a required token
spec that names its words (`LOWER: x`, `LEMMA: {IN: [...]}`, ...) can only match within n-1
tokens of a token having one of those words. Windows around such tokens, merged where they
touch, hold every match of the Doc; and since matches in different windows never overlap,
greedy filtering per window keeps exactly the matches it keeps on the whole Doc. Patterns
this cannot bound (`*`, `+`, `!`, `{n,m}`) make `anchors` return None: match the whole Doc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.tokens import TokenStrings

# pattern attribute -> the TokenStrings list holding the same strings
STRING_ATTRS = {"ORTH": "text", "TEXT": "text", "LOWER": "lower", "NORM": "norm", "LEMMA": "lemma"}
FIXED_OPS = {None, "1"}
BOUNDED_OPS = FIXED_OPS | {"?"}

Anchor = tuple[str, frozenset[str], int]  # (TokenStrings list, words, pattern length)
Anchors = dict[str, dict[str, int]]  # TokenStrings list -> word -> longest pattern it anchors


def anchors(patterns: list[list[dict[str, Any]]]) -> Anchors | None:
    """One anchor per pattern, or None when some pattern has no bounded length or anchor."""
    found: Anchors = {}
    for pattern in patterns:
        if not pattern or any(spec.get("OP") not in BOUNDED_OPS for spec in pattern):
            return None
        anchor = next((a for spec in pattern for a in _spec_anchor(spec, len(pattern))), None)
        if anchor is None:
            return None
        name, words, length = anchor
        lengths = found.setdefault(name, {})
        for word in words:  # a wider window than a pattern needs still holds its matches
            lengths[word] = max(lengths.get(word, 0), length)
    return found


def _spec_anchor(spec: dict[str, Any], length: int) -> list[Anchor]:
    if spec.get("OP") not in FIXED_OPS:
        return []
    for key, value in spec.items():
        name = STRING_ATTRS.get(key)
        if name is None:
            continue
        if isinstance(value, str):
            return [(name, frozenset([value]), length)]
        words = value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
        if isinstance(words, list) and all(isinstance(word, str) for word in words):
            return [(name, frozenset(words), length)]
    return []


def windows(tokens: TokenStrings, found: Anchors) -> list[tuple[int, int]]:
    """Disjoint, sorted token ranges [start, end) that hold every possible match."""
    size = len(tokens.text)
    ranges: list[tuple[int, int]] = []
    for name, lengths in found.items():
        strings: list[str] = getattr(tokens, name)
        for i in [i for i, word in enumerate(strings) if word in lengths]:
            length = lengths[strings[i]]
            ranges.append((max(0, i - length + 1), min(size, i + length)))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:  # touching windows merge: a match may span both
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
