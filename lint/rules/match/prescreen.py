"""One regex search over all sentences of a document before one search per sentence.

The sentences are joined with "\\n". A pattern without text anchors (`^`, `$`, `\\A`, `\\z`)
that matches inside one sentence matches the joined text at the same place: the characters
are the same, and a word boundary at the sentence's edge sees "\\n" there, a non-word
character, just as it saw the end of the text before. So no match in the joined text means no
sentence matches; a match there (possibly a false one across a separator) only means: search
sentence by sentence, as without the prescreen. Most documents have no match at all, and one
search replaces hundreds (each RE2 call re-encodes its text).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.analysis import Analysis


def unanchored(patterns: list[str]) -> bool:
    """True when no pattern can use `^`, `$`, `\\A` or `\\z` (`[^...]` is a class, not one)."""
    return not any(_anchored(pattern) for pattern in patterns)


def _anchored(pattern: str) -> bool:
    i = 0
    after_bracket = False  # the previous character opened a class: "^" there negates it
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if pattern[i + 1 : i + 2] in ("A", "z"):
                return True
            i += 2
            after_bracket = False
            continue
        if char == "$" or (char == "^" and not after_bracket):
            return True  # a "$" or "^" inside a class is literal: counted anyway, to be safe
        after_bracket = char == "["
        i += 1
    return False


def sentences_text(analysis: Analysis) -> str:
    """Every sentence's raw text, joined by "\\n" (once per document)."""
    return _joined(analysis)[0]


def _joined(analysis: Analysis) -> tuple[str, list[int]]:
    """The joined text, and where each sentence's part of it ends."""
    return analysis.memo(_joined, lambda: _join(analysis))


def _join(analysis: Analysis) -> tuple[str, list[int]]:
    ends: list[int] = []
    end = -1
    for sentence in analysis.sentences:
        end += 1 + len(sentence.raw)  # the separator before it, then the sentence
        ends.append(end)
    text = "\n".join(s.raw for s in analysis.sentences)
    return text, ends


def may_match(regex: Any, analysis: Analysis) -> bool:
    """False only when `regex` (from unanchored patterns) matches no sentence."""
    return first_candidate(regex, analysis) is not None


def first_candidate(regex: Any, analysis: Analysis) -> int | None:
    """Index of the first sentence that may match `regex`; None when no sentence does.

    A sentence's match is a match of the joined text at the same place, and a search finds
    the leftmost match: a sentence whose part ends before that match's start has none (even an
    empty match at its very end would have been found first).
    """
    text, ends = _joined(analysis)
    match = regex.search(text)
    if match is None:
        return None
    return bisect.bisect_left(ends, match.start())


def candidates(regex: Any, analysis: Analysis) -> Iterator[int]:
    """Indexes of the sentences that may match `regex`, in order; every one that does is among
    them. After each candidate the search goes on from the next sentence's part (a look-behind
    there sees the "\\n" separator, as it saw the start of the sentence's own text)."""
    text, ends = _joined(analysis)
    pos = 0
    while pos <= len(text):
        match = regex.search(text, pos)
        if match is None:
            return
        index = bisect.bisect_left(ends, match.start())
        if index >= len(ends):
            return
        yield index
        pos = ends[index] + 1
