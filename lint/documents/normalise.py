"""The prose view rules match on: invisible characters dropped, lookalike letters folded.

"This cures ADHD." must be flagged however it is disguised: a zero-width space or a soft
hyphen (`&shy;`) inside a word, a stray control character (BEL), or a Cyrillic `А` for the
Latin `A`. So the prose drops Unicode format characters (Cf) and control characters that are
not whitespace (whitespace is already a word break), and folds Cyrillic and Greek letters
that look like Latin ones, and fullwidth and mathematical Latin letters, to plain Latin.
Folding only touches words that mix such letters with Latin ones, or consist of them only
and stand next to a Latin word, so Greek or Russian prose keeps its words.

Positions stay exact: a dropped character simply has no prose index (its neighbours keep
their source offsets, so a finding's span covers it and the excerpt is the exact source
text), and a folded letter maps 1:1 to its source character.
"""

from __future__ import annotations

import re

# Unicode 14 category Cf, and the C0/C1 controls that are not whitespace (str.isspace())
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_CONTROLS = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
_DROP = re.compile(f"[{_FORMAT}{_CONTROLS}]+")

# Letters commonly swapped in for Latin ones (after Unicode's confusables list, TR39)
_LOOKALIKES = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y",
    "Ԛ": "Q", "Ԝ": "W", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y",
    "х": "x", "ѕ": "s", "і": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ѵ": "v", "ү": "y",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "α": "a",
    "ν": "v", "ι": "i", "ρ": "p", "υ": "u",
}  # fmt: skip
_FOLD: dict[int, str] = {ord(k): v for k, v in _LOOKALIKES.items()}
for _offset in range(26):  # fullwidth Ａ..Ｚ ａ..ｚ
    _FOLD[0xFF21 + _offset] = chr(0x41 + _offset)
    _FOLD[0xFF41 + _offset] = chr(0x61 + _offset)
for _start in range(0x1D400, 0x1D6A4, 52):  # mathematical bold, italic, ... A-Z a-z
    for _offset in range(52):
        _FOLD[_start + _offset] = chr((0x41 if _offset < 26 else 0x61 - 26) + _offset)

_FOLDABLE = "".join(sorted(chr(code) for code in _FOLD))
_SUSPECT = re.compile(
    f"[{_FORMAT}{_CONTROLS}\u0370-\u03ff\u0400-\u052f\uff21-\uff5a\U0001d400-\U0001d6a3]"
)
_WORD = re.compile(r"[^\W\d_]+")
_HAS_FOLDABLE = re.compile(f"[{re.escape(_FOLDABLE)}]")
_ASCII_LETTER = re.compile("[A-Za-z]")

Offsets = list[int] | range


def normalise(text: str, offsets: Offsets) -> tuple[str, Offsets]:
    """(prose text, source offset of each of its characters) for a run of source text."""
    if not _SUSPECT.search(text):  # the common case: nothing to do, nothing copied
        return text, offsets
    if _DROP.search(text):
        text, offsets = _drop(text, offsets)
    if _HAS_FOLDABLE.search(text):
        text = _fold(text)
    return text, offsets


def _drop(text: str, offsets: Offsets) -> tuple[str, list[int]]:
    kept_text: list[str] = []
    kept_offsets: list[int] = []
    position = 0
    for run in _DROP.finditer(text):
        kept_text.append(text[position : run.start()])
        kept_offsets.extend(offsets[position : run.start()])
        position = run.end()
    kept_text.append(text[position:])
    kept_offsets.extend(offsets[position:])
    return "".join(kept_text), kept_offsets


def fold(text: str) -> str:
    """`text` with every lookalike letter folded, whatever its context (a prose character
    is its source character or this fold of it)."""
    return text.translate(_FOLD)


def _fold(text: str) -> str:
    """Lookalikes folded in words mixed with Latin ("АDHD"), and in words made of lookalikes
    only ("сосо") next to a Latin word; a Greek or Russian word in its own prose stays."""
    words = list(_WORD.finditer(text))
    latin = [bool(_ASCII_LETTER.search(word.group())) for word in words]
    pieces, position = [], 0
    for i, word in enumerate(words):
        folded = word.group().translate(_FOLD)
        if folded == word.group():
            continue
        beside_latin = (i > 0 and latin[i - 1]) or (i + 1 < len(words) and latin[i + 1])
        if latin[i] or (folded.isascii() and beside_latin):
            pieces += [text[position : word.start()], folded]
            position = word.end()
    return "".join([*pieces, text[position:]]) if pieces else text
