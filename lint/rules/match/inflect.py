"""Verb forms from a lemma, so lexicons list "boost" and match "Boosts", "boosted", "boosting".

The lookup lemmatizer misses capitalised words ("## Bacopa Boosts Memory") and may be trimmed
to the lemmas phrase rules mention, so verb lexicons do not rely on it.
"""

from __future__ import annotations

VOWELS = set("aeiou")
IRREGULAR = {
    "grow": ("grew", "grown"),
    "regrow": ("regrew", "regrown"),
    "rebuild": ("rebuilt",),
    "build": ("built",),
    "give": ("gave", "given"),
    "fight": ("fought",),
    "make": ("made",),
    "get": ("got", "gotten"),
    "lead": ("led",),
    "bring": ("brought",),
    "drive": ("drove", "driven"),
    "speed": ("sped",),
    "feed": ("fed",),
    "keep": ("kept",),
    "rewind": ("rewound",),
    "shrink": ("shrank", "shrunk"),
    "overcome": ("overcame",),
}
# verbs stressed on a last syllable that doubles its consonant: "conferred", "controlled"
DOUBLING = {"confer", "refer", "prefer", "occur", "recur", "incur", "deter", "admit", "omit",
            "commit", "regret", "transfer", "control", "compel", "propel", "expel", "patrol",
            "equip", "rebut", "abet"}  # fmt: skip


def verb_forms(lemma: str) -> set[str]:
    """The lemma, -s, -ed, -ing forms (regular spelling rules) plus known irregular forms."""
    word = lemma.lower()
    forms = {word, *IRREGULAR.get(word, ())}
    if word.endswith("y") and word[-2:-1] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if _doubles(word) or word in DOUBLING:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _doubles(word: str) -> bool:
    """stop -> stopped: one short syllable ending consonant-vowel-consonant."""
    return (
        len(word) >= 3
        and word[-1] not in VOWELS | set("wxy")
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
        and sum(c in VOWELS for c in word) == 1
    )


def form_table(weights: dict[str, float]) -> dict[str, float]:
    """Every form of every lemma -> the lemma's weight (the higher one on a clash)."""
    table: dict[str, float] = {}
    for lemma, weight in weights.items():
        for form in verb_forms(lemma):
            table[form] = max(weight, table.get(form, 0.0))
    return table
