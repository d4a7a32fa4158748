"""Misspellings writers make of the commonest condition names, added to the vocabulary at build
time ("fibromyalga", "hypertention", "high cholestrol", "alzhiemers").

One slip per name: a letter dropped, doubled or spelt as it sounds ("canser"), two neighbours
swapped, a vowel for another, "-tion" for "-sion". Only words of five letters or more, and only
the hand-kept names (the overlay's and the rule's own lists, a few hundred), not all of
ICD-10-CM: the table stays small and the names are the ones people write. A slip that spells an
English word (pyspellchecker's dictionary, British spellings through their US form) or another
term is left out: "bowel" for "bowl" would turn recipes into claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

VOWELS = "aeiouy"
SOUNDS = {"c": "sk", "s": "cz", "k": "c", "z": "s"}  # letters that sound alike
MIN_LETTERS = 5


def slips(word: str) -> Iterator[str]:
    """Every one-slip spelling of `word` (the word itself excluded)."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]  # dropped
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swapped
    for i, letter in enumerate(word):
        if letter in VOWELS:
            yield from (word[:i] + v + word[i + 1 :] for v in VOWELS if v != letter)
    for i, letter in enumerate(word):
        if letter not in VOWELS and (i + 1 == len(word) or word[i + 1] != letter):
            yield word[: i + 1] + letter + word[i + 1 :]  # doubled: "endometriossis"
        for sound in SOUNDS.get(letter, ""):
            yield word[:i] + sound + word[i + 1 :]  # spelt as heard: "canser", "psoriazis"
    for a, b in (("tion", "sion"), ("sion", "tion")):
        if a in word:
            yield word.replace(a, b)


def misspellings(terms: Iterable[str], known: set[str], english: set[str]) -> set[str]:
    """The terms with one word misspelt once, none an English word or a `known` term."""
    found: set[str] = set()
    for term in terms:
        words = term.lower().split()
        for j, word in enumerate(words):
            if len(word) < MIN_LETTERS or not word.isalpha():
                continue
            for slip in slips(word):
                if slip != word and slip not in english and american(slip) not in english:
                    found.add(" ".join([*words[:j], slip, *words[j + 1 :]]))
    return found - known


def american(word: str) -> str:
    """The US spelling of a British one, for the US dictionary: "fibre" (a slip of "fibro") is
    "fiber", "colour" is "color"."""
    for british, us in (("re", "er"), ("our", "or"), ("ise", "ize"), ("yse", "yze")):
        if word.endswith(british):
            return word[: -len(british)] + us
    return word.replace("ae", "e").replace("oe", "e")


def english_words() -> set[str]:
    """pyspellchecker's English dictionary (build time only: the dev extra)."""
    from spellchecker import SpellChecker

    return set(SpellChecker(language="en").word_frequency.dictionary)
