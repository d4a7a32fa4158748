"""Multi-word terms matched on token norms or lemmas (`Terms`): the vocabularies of the claim
finders, the comparison rule's reports and the disclaimer rule, each found once per Doc from its
index of where every word occurs."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from lint.term_tokens import tokens
from lint.tokens import Identity, doc_memo, token_strings
from lint.vocab import TermTable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def token_key(token: Token) -> str:
    """Lower-case text with typographic apostrophes folded: "Alzheimer’s" == "alzheimer's"."""
    return token.norm_


class Terms:
    """Multi-word terms matched on normalised token text, or on lemmas (any inflection).

    Short all-caps terms (ADHD, ADD, GAD) match case-sensitively: "add" is a verb.
    """

    def __init__(
        self,
        nlp: Any,
        terms: Iterable[str],
        lemma: bool = False,
        keyed: TermTable | None = None,
    ):
        """`terms` are tokenized here (lint.term_tokens keeps them per user). `keyed` is a table
        already tokenized and indexed: a vocabulary built at build time, thousands of terms.

        The table holds strings and ints only: thousands of tuples or sets set off the garbage
        collector over spaCy's whole heap, which cost more than building the table.
        """
        self.lemma = lemma
        self.table = _lemma_table(nlp) if lemma else None
        table = keyed.copy() if keyed is not None else TermTable()
        for term in terms:
            exact = term.isupper() and len(term) <= 5
            texts, norms = tokens(nlp, term)
            keys = list(texts) if exact else [self._key(norm) for norm in norms]
            if keys:
                table.add(" ".join(keys), exact)
        # joined terms by kind (False: normalised keys, True: exact text); per first word a bit
        # per term length; the first two words of every longer term (most places a first word
        # occurs fail there, before any longer slice is joined)
        self.terms, self.lengths, self.pairs = table.terms, table.lengths, table.pairs
        self.by_first = self.lengths[False].keys() | self.lengths[True].keys()
        masks = {*self.lengths[False].values(), *self.lengths[True].values()}
        self.lengths_of = {mask: _lengths(mask) for mask in masks}  # few distinct masks

    def _key(self, key: str) -> str:
        """A token's key from its norm (`token_key`): the norm, or its lemma."""
        if self.table is None:
            return key
        return _lemma(self.table, key)

    def _doc_keys(self, doc: Doc) -> tuple[list[str], list[str]]:
        """Keys and texts of every token, shared by all Terms and computed once per Doc.

        find runs for every Terms on every sentence; building these per call was the top cost.
        """
        tokens = token_strings(doc)  # from Doc arrays: no Token object per word
        if self.table is None:
            return tokens.norm, tokens.text  # norm == token_key(token)
        return _lemma_keys(doc, self.table), tokens.text

    def _starts(self, doc: Doc) -> tuple[list[int], list[list[int]]]:
        """Where a term starts in the Doc, and the lengths of the terms matching there.

        Lengths are in the order `find` tries them (by normalised key, then by exact text,
        longest first), each a whole match. Computed once per Doc and Terms, from the Doc's
        index of where each word occurs, instead of a pass over every token on every call.
        """
        return doc_memo(doc, (self, "starts"), lambda: self._find_starts(doc))

    def _find_starts(self, doc: Doc) -> tuple[list[int], list[list[int]]]:
        """Per kind (keys, then exact texts), per first word of a term found in the Doc, the
        terms that start at each place it occurs. The word fixes the bit mask of lengths, so
        it is read once per word, not per place: a place matches the term of length 1 iff the
        word is that term (every place of the word alike), and a longer one only where the
        first two words are a pair of a longer term and the joined slice is a term. A place's
        lengths list the keys' first, then the texts', each longest first (as `find` tries
        them): kinds run in that order and each adds to its places' lists."""
        keys, texts = self._doc_keys(doc)
        size = len(keys)
        found: dict[int, list[int]] = {}
        for exact, strings in ((False, keys), (True, texts)):
            masks = self.lengths[exact]
            if not masks:
                continue
            lemmatized = not exact and self.table is not None
            index = _lemma_positions(doc, self.table) if lemmatized else _positions(doc, strings)
            if len(index) < len(masks):
                words = [w for w in index if w in masks]
            else:
                words = [w for w in masks if w in index]
            terms, pairs = self.terms[exact], self.pairs[exact]
            for word in words:
                lengths = self.lengths_of[masks[word]]
                longer = [n for n in lengths if n > 1]
                single = lengths[-1] == 1 and word in terms
                for i in index[word]:
                    matching = []
                    if longer and i + 1 < size and f"{word} {strings[i + 1]}" in pairs:
                        for n in longer:
                            got = strings[i : i + n]
                            if len(got) == n and " ".join(got) in terms:
                                matching.append(n)
                    if single:
                        matching.append(1)
                    if matching:
                        found.setdefault(i, []).extend(matching)
        positions = sorted(found)
        return positions, [found[i] for i in positions]

    def find(self, doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) token spans, longest match first, left to right.

        A term matches only inside [start, end): at each place the first term (in the order
        above) that fits in the range wins, and matching goes on after it.
        """
        end = len(doc) if end is None else end
        positions, lengths = self._starts(doc)
        spans: list[tuple[int, int]] = []
        after = start  # the first token not yet covered by a match
        for k in range(bisect.bisect_left(positions, start), len(positions)):
            i = positions[k]
            if i >= end:
                break
            if i < after:
                continue
            for length in lengths[k]:
                if i + length <= end:
                    spans.append((i, i + length))
                    after = i + length
                    break
        return spans


def _lengths(mask: int) -> list[int]:
    """The term lengths in a bit mask, longest first."""
    return [n for n in range(mask.bit_length(), 0, -1) if mask >> n & 1]


def _positions(doc: Doc, strings: list[str]) -> dict[str, list[int]]:
    """Token indexes of each word in one of the Doc's string lists, built once per Doc and
    list and shared by every Terms (each picks its own first words from it). `strings` is one
    of the Doc's own lists (kept by `token_strings` or the memo): the key holds the list, so
    it is found by identity, never by an id() a later list could reuse."""
    return doc_memo(doc, ("positions", Identity(strings)), lambda: _index(strings))


def _index(strings: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    get = index.get
    for i, word in enumerate(strings):
        found = get(word)
        if found is None:
            index[word] = [i]
        else:
            found.append(i)
    return index


def _lemma_positions(doc: Doc, table: Any) -> dict[str, list[int]]:
    """`_positions` of the Doc's lemma keys, from the index of its normalised keys: a lemma
    key occurs where a key with that lemma does (per distinct key, not per token; the lists
    are unordered, which `_find_starts` does not need)."""

    def build() -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        lemmas = _lemma_of(doc, table)
        for key, places in _positions(doc, token_strings(doc).norm).items():
            lemma = lemmas[key]
            found = index.get(lemma)
            if found is None:
                index[lemma] = places.copy()  # the norm index keeps its own list
            else:
                found.extend(places)
        return index

    return doc_memo(doc, ("lemma-positions", Identity(table)), build)


def _lemma_keys(doc: Doc, table: Any) -> list[str]:
    """`_lemma` of every token's normalised key, once per Doc and table."""
    norms = token_strings(doc).norm
    lemmas = _lemma_of(doc, table)
    return doc_memo(
        doc, ("lemma-keys", Identity(table)), lambda: list(map(lemmas.__getitem__, norms))
    )


# per lemma table, every key looked up so far -> its `_lemma` (a fixed function of the key):
# words recur from article to article, so most Docs find all their keys here; bounded by the
# vocabulary read, as lint.tokens' string table is
_LEMMAS: dict[Identity, dict[str, str]] = {}


def _lemma_of(doc: Doc, table: Any) -> dict[str, str]:
    """Each distinct normalised key of the Doc -> its `_lemma`, looked up once per Doc."""
    norms = token_strings(doc).norm

    def build() -> dict[str, str]:
        known = _LEMMAS.setdefault(Identity(table), {})
        found = {}
        for key in set(norms):
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = _lemma(table, key)
            found[key] = lemma
        return found

    return doc_memo(doc, ("lemmas", Identity(table)), build)


def _lemma(table: Any, key: str) -> str:
    """Looked up twice, because the table is not idempotent: "lowers" -> "lower" -> "low"."""
    lemma = str(table.get(key, key))
    return str(table.get(lemma, lemma))


def _lemma_table(nlp: Any) -> Any:
    """spaCy's lookup table (word -> lemma); looked up on lower case, so "Treats" -> "treat"."""
    try:
        return nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    except (KeyError, ValueError):
        return {}
