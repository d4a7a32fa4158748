"""The lookup lemma table, answered from a plain dict instead of hashing 41,582 entries at start.

spaCy's `Table` hashes every key into its string store when it is built (about a tenth of a
second of every cold start). The lookup lemmatizer only ever asks `table.get(token.text)`, so a
`Table` whose string lookups go to the loaded dict gives the same lemmas for free. Anything that
asks by hash gets the fully built table, built on first such use. SUPPLINT_EAGER_LEMMAS=1 turns
this off (tests/test_spacy_import.py compares both).
"""

from __future__ import annotations

import os
from typing import Any

EAGER_ENV = "SUPPLINT_EAGER_LEMMAS"


def initialize_lemmatizer(nlp: Any) -> bool:
    """Give the pipeline's lookup lemmatizer a lazily hashed table; False if not applicable."""
    if os.environ.get(EAGER_ENV):
        return False
    from spacy.lookups import Lookups, load_language_data
    from spacy.util import registry

    lemmatizer = nlp.get_pipe("lemmatizer")
    if lemmatizer.mode != "lookup" or nlp.lang not in registry.lookups:
        return False
    data = registry.lookups.get(nlp.lang)
    if "lemma_lookup" not in data:
        return False
    words = load_language_data(data["lemma_lookup"])
    if not isinstance(words, dict):
        return False
    lookups = Lookups()
    lookups.set_table("lemma_lookup", word_table(words))
    lemmatizer.initialize(lookups=lookups)
    if not lemmatizer.overwrite:
        lemmatizer.__class__ = _array_lemmatizer(type(lemmatizer))
    return True


def _array_lemmatizer(base: type) -> type:
    """The pipe's own class, with a `__call__` that reads and writes the Doc as arrays.

    spaCy's loop makes a Token object per word and sets `token.lemma_` one by one; here each
    distinct word is looked up once per process (ORTH hash -> LEMMA hash) and the lemmas go in
    with one `Doc.from_array`. Same rule as spaCy's lookup mode: `table.get(text, text)`, only
    for tokens that have no lemma yet.
    """

    class ArrayLookupLemmatizer(base):
        def __call__(self, doc: Any) -> Any:
            if not self._validated:
                self._validate_tables()
            try:
                return lemmatize_doc(doc, self.lookups.get_table("lemma_lookup", {}))
            except Exception as err:  # as spaCy's own __call__ reports pipe errors
                self.get_error_handler()(self.name, self, [doc], err)
                return doc

    return ArrayLookupLemmatizer


_LEMMA_BY_ORTH: dict[int, int] = {}  # ORTH hash -> LEMMA hash, for the table below
_LEMMA_TABLE: list[Any] = [None]


def lemmatize_doc(doc: Any, table: Any) -> Any:
    import numpy
    from spacy.attrs import LEMMA, ORTH

    if not len(doc):
        return doc
    if _LEMMA_TABLE[0] is not table:
        _LEMMA_TABLE[0] = table
        _LEMMA_BY_ORTH.clear()
    by_orth = _LEMMA_BY_ORTH
    columns = doc.to_array([ORTH, LEMMA])
    orths, inverse = numpy.unique(columns[:, 0], return_inverse=True)  # each word once
    strings = doc.vocab.strings
    lemmas: list[int] = []
    for orth in orths.tolist():
        lemma = by_orth.get(orth, 0)
        if lemma == 0:
            text = strings[orth]
            found = table.get(text, text)
            by_orth[orth] = lemma = strings.add(found if isinstance(found, str) else found[0])
        lemmas.append(lemma)
    looked_up = numpy.array(lemmas, dtype="uint64")[inverse.reshape(-1)]
    # only tokens without a lemma get one (spaCy's lookup mode, overwrite off)
    values = numpy.where(columns[:, 1] == 0, looked_up, columns[:, 1])
    doc.from_array([LEMMA], values.astype("uint64").reshape(-1, 1))
    return doc


def word_table(words: dict[str, str]) -> Any:
    from spacy.lookups import Table

    class WordTable(Table):
        """String keys read `words` directly; hash keys fill the real table on first use."""

        def __init__(self) -> None:
            super().__init__(name="lemma_lookup", data={})  # {}: a tiny Bloom filter, no entries
            self.words = words
            self.filled = False

        def _fill(self) -> None:
            if not self.filled:
                self.filled = True
                self.bloom = type(self.bloom).from_error_rate(max(len(self.words), 1))
                for key, value in self.words.items():
                    Table.__setitem__(self, key, value)

        def get(self, key: str | int, default: Any = None) -> Any:
            if isinstance(key, str):
                return self.words.get(key, default)
            self._fill()
            return super().get(key, default)

        def __getitem__(self, key: str | int) -> Any:
            if isinstance(key, str):
                return self.words[key]
            self._fill()
            return super().__getitem__(key)

        def __contains__(self, key: object) -> bool:
            if isinstance(key, str):
                return key in self.words
            self._fill()
            return super().__contains__(key)  # type: ignore[operator]

        def __len__(self) -> int:
            return len(self.words)

        def __setitem__(self, key: str | int, value: Any) -> None:
            self._fill()
            if isinstance(key, str):
                self.words[key] = value
            super().__setitem__(key, value)

        def __iter__(self) -> Any:
            self._fill()
            return super().__iter__()

        def to_bytes(self) -> bytes:
            self._fill()
            result: bytes = super().to_bytes()
            return result

    return WordTable()
