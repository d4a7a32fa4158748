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
# per pattern, the words its required token specs need ((TokenStrings list, words) each);
# None for a pattern that names no required word, which any range may hold
Needs = list[list[tuple[str, frozenset[str]]] | None]
WordSets = dict[int, frozenset[str] | None]  # id of a pattern's word list -> its words


def anchors(patterns: list[list[dict[str, Any]]]) -> Anchors | None:
    """One anchor per pattern, or None when some pattern has no bounded length or anchor."""
    found: Anchors = {}
    memo: WordSets = {}
    for pattern in patterns:
        if not pattern or any(_op(spec) not in BOUNDED_OPS for spec in pattern):
            return None
        anchor = next((a for spec in pattern for a in _spec_anchor(spec, len(pattern), memo)), None)
        if anchor is None:
            return None
        name, words, length = anchor
        lengths = found.setdefault(name, {})
        for word in words:  # a wider window than a pattern needs still holds its matches
            lengths[word] = max(lengths.get(word, 0), length)
    return found


def _op(spec: dict[str, Any]) -> Any:
    """The spec's operator: spaCy reads the key in any case (`op: "?"` is optional too)."""
    return next((value for key, value in spec.items() if str(key).upper() == "OP"), None)


def _spec_anchor(spec: dict[str, Any], length: int, memo: WordSets) -> list[Anchor]:
    if _op(spec) not in FIXED_OPS:
        return []
    for key, value in spec.items():
        name = STRING_ATTRS.get(str(key).upper())
        if name is None:
            continue
        if isinstance(value, str):
            return [(name, frozenset([value]), length)]
        words = value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
        if isinstance(words, list):
            found = _word_set(words, memo)
            if found is not None:
                return [(name, found, length)]
    return []


def _word_set(words: list[Any], memo: WordSets) -> frozenset[str] | None:
    """The list's words when all are strings, once per list: rules share one list by YAML
    alias in dozens of patterns (`*drug_words`, hundreds of names), and testing it again for
    each was most of a comparison rule's build time. The memo lives for one call, during
    which the patterns keep every list alive, so no id() is reused."""
    key = id(words)
    if key not in memo:
        memo[key] = frozenset(words) if all(isinstance(w, str) for w in words) else None
    return memo[key]


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


def needs(patterns: list[list[dict[str, Any]]]) -> Needs:
    """What each pattern requires of a token range: one token per required spec (OP absent
    or "1") that has one of the words the spec names. A range without them for every
    pattern holds no match (the Matcher compares token strings exactly, as `anchors`)."""
    found: Needs = []
    memo: WordSets = {}
    for pattern in patterns:
        words = [(name, w) for spec in pattern for name, w, _ in _spec_anchor(spec, 0, memo)]
        found.append(words or None)
    return found


def possible(tokens: TokenStrings, lo: int, hi: int, required: Needs) -> list[int]:
    """The patterns (indexes into `required`) that may match inside tokens [lo, hi): every
    other one lacks a word it requires there."""
    present: dict[str, set[str]] = {}
    result = []
    for index, words in enumerate(required):
        for name, options in words or ():
            seen = present.get(name)
            if seen is None:
                strings: list[str] = getattr(tokens, name)
                seen = present[name] = set(strings[lo:hi])
            if seen.isdisjoint(options):
                break
        else:
            result.append(index)
    return result


def may_match(tokens: TokenStrings, lo: int, hi: int, required: Needs) -> bool:
    """Can some pattern match inside tokens [lo, hi)? False only when none can."""
    return bool(possible(tokens, lo, hi, required))


class PatternByPattern:
    """One key's patterns with greedy LONGEST, matched in a token range by only the patterns
    the range can hold (`possible`): a Matcher tests every pattern's first token spec at
    every token, so 36 patterns cost ~17 us a token where the one that can match costs ~3.

    Equal to one Matcher holding all patterns: the Matcher follows each pattern on its own and
    pools their (start, end) pairs per key before the greedy filter, which `longest` repeats.
    """

    def __init__(self, vocab: Any, key: str, patterns: list[list[dict[str, Any]]]):
        self.vocab, self.key_name, self.patterns = vocab, key, patterns
        self.required = needs(patterns)
        # each pattern's Matcher is built the first time a range may hold its match: a
        # pre-commit run on one draft builds the few its words call for, not all 80
        self.matchers: list[Any] = [None] * len(patterns)
        self.key = vocab.strings.add(key)

    def _matcher(self, index: int) -> Any:
        matcher = self.matchers[index]
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = Matcher(self.vocab)  # validated already, by the checker's own Matcher
            matcher.add(self.key_name, [self.patterns[index]])
            self.matchers[index] = matcher
        return matcher

    def __call__(self, doc: Any, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """(key, start, end) of the matches in doc[lo:hi], relative to `lo`, longest first."""
        from lint.tokens import token_strings

        pairs: set[tuple[int, int]] = set()
        span = doc[lo:hi]
        for index in possible(token_strings(doc), lo, hi, self.required):
            pairs.update((start, end) for _, start, end in self._matcher(index)(span))
        return [(self.key, start, end) for start, end in longest(pairs, hi - lo)]


def longest(pairs: set[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """spaCy's greedy LONGEST filter: longest first, then leftmost; none overlapping."""
    taken = bytearray(length)
    kept = []
    for start, end in sorted(pairs, key=lambda pair: (pair[1] - pair[0], -pair[0]), reverse=True):
        if not any(taken[start:end]):
            kept.append((start, end))
            taken[start:end] = b"\1" * (end - start)
    return kept
