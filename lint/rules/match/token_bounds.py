"""Bounds on spaCy Matcher token patterns from house rules, checked at load and at match time.

An operator that repeats a token (`+`, `*`, `{n,}`) makes the Matcher keep one partial match
per start token: on a run of L tokens it finds O(L^2) matches before greedy filtering (a bare
`[{OP: "+"}]` on a 38 KB article reached 9.5 GB). So: a repeated token must say what it
matches, patterns have a bounded length and few repeats, and the Matcher only ever sees one
sentence, cut into pieces of at most MAX_MATCH_TOKENS tokens (no real sentence is longer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from lint.errors import ConfigError
from lint.rules.match.windows import Needs, may_match

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.rules.model import Rule

MAX_PATTERN_TOKENS = 32  # token specs in one pattern, with {n,m} counted as m
MAX_REPEATS = 2  # `+`, `*` and `{n,}` in one pattern
MAX_MATCH_TOKENS = 64  # tokens the Matcher sees at once (cost grows as its cube with 2 repeats)
_COUNT = re.compile(r"\{(\d*)(,?)(\d*)\}")


def check_patterns(rule: Rule, patterns: Any, key: str) -> None:
    """ConfigError at the offending token spec of any pattern beyond the bounds above."""
    if not isinstance(patterns, list):
        return
    for i, pattern in enumerate(patterns):
        if not isinstance(pattern, list):
            continue
        length = repeats = 0
        for j, spec in enumerate(pattern):
            if not isinstance(spec, dict):
                continue
            where = rule.where(f"{key}.{i}.{j}")
            op = _operator(spec)
            width, repeated = _width(op)
            length += width
            if repeated:
                repeats += 1
                if not any(str(name).upper() != "OP" for name in spec):
                    raise ConfigError(
                        rule.file,
                        f"token with OP '{op}' and no other key matches any run of words; "
                        "say what it matches (e.g. IS_ALPHA, LOWER, IN)",
                        *where,
                    )
            if repeats > MAX_REPEATS:
                raise ConfigError(
                    rule.file,
                    f"a token pattern may repeat at most {MAX_REPEATS} tokens (+, *, {{n,}})",
                    *where,
                )
            if length > MAX_PATTERN_TOKENS:
                raise ConfigError(
                    rule.file,
                    f"a token pattern may hold at most {MAX_PATTERN_TOKENS} tokens "
                    "({n,m} counts as m)",
                    *where,
                )


def _operator(spec: dict[Any, Any]) -> str:
    for name, value in spec.items():
        if str(name).upper() == "OP":
            return str(value)
    return "1"


def _width(op: str) -> tuple[int, bool]:
    """(token specs the Matcher expands `op` into, whether it repeats without bound)."""
    if op in ("+", "*"):
        return (2 if op == "+" else 1), True
    count = _COUNT.fullmatch(op)
    if count is None:  # "1", "?", "!" or invalid (the Matcher reports that)
        return 1, False
    low, comma, high = count.groups()
    if not (low or high):  # "{}" or "{,}": invalid, the Matcher reports it
        return 1, False
    if comma and not high:  # {n,}
        return min(int(low or 0), MAX_PATTERN_TOKENS) + 1, True
    # digits only: no int() of a 10,000-digit count
    return (int(high or low) if len(high or low) < 6 else MAX_PATTERN_TOKENS + 1), False


def match_ranges(analysis: Analysis) -> Iterator[tuple[int, int]]:
    """Token ranges [start, end) to run the Matcher on: each sentence, in capped pieces."""
    for sentence in analysis.sentences:
        start, end = sentence.span.start, sentence.span.end
        for lo in range(start, end, MAX_MATCH_TOKENS):
            yield lo, min(end, lo + MAX_MATCH_TOKENS)


def bounded_matches(
    matcher: Any, analysis: Analysis, required: Needs | None = None
) -> list[tuple[int, int, int]]:
    """(key, start token, end token) of `matcher` over match_ranges, in Doc token indices;
    with `required` (the words of the matcher's patterns), ranges none can match are skipped."""
    from lint.tokens import token_strings

    doc, tokens = analysis.doc, token_strings(analysis.doc)
    found: list[tuple[int, int, int]] = []
    for lo, hi in match_ranges(analysis):
        if required is None or may_match(tokens, lo, hi, required):
            found += [(key, lo + start, lo + end) for key, start, end in matcher(doc[lo:hi])]
    return found
