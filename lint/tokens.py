"""Per-token strings and flags of a Doc as plain Python lists, built once per Doc.

Every `doc[i]` or `for token in doc` makes a new spaCy Token object: reading `.text` or
`.lower_` that way was the largest single cost of a check (about ten Token objects per word).
Here one `Doc.to_array` call per attribute gives the hashes, and a process-wide dict turns
hashes into strings: the same values as the Token properties, without the objects.

The same per-Doc object holds the document's memo (`doc_memo`, `Analysis.memo`): whatever rules
derive from one Doc lives, and dies, with it; no rule keeps per-document state of its own.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "supplint.tokens"
_STRINGS: dict[int, str] = {}  # hash -> string, shared by every Doc of the process


def strings_of(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of `hashes` (ORTH, LOWER, NORM, LEMMA values of the Doc's vocab)."""
    known = _STRINGS
    missing = set(hashes).difference(known)
    if missing:
        store = doc.vocab.strings
        for value in missing:
            known[value] = store[value]
    return list(map(known.__getitem__, hashes))


class TokenStrings:
    """Lists indexed like the Doc: `text[i] == doc[i].text`, `lower[i] == doc[i].lower_`, ..."""

    def __init__(self, doc: Doc):
        self.doc = weakref.ref(doc)  # the Doc keeps this in its user_data: no cycle
        self._lists: dict[str, list[Any]] = {}
        self.memo: dict[Hashable, Any] = {}  # see doc_memo

    def _array(self, name: str) -> Any:
        from spacy import attrs

        return self._doc().to_array([getattr(attrs, name)])

    def _column(self, name: str) -> list[int]:
        values: list[int] = self._array(name).tolist()
        return values

    def _doc(self) -> Doc:
        doc = self.doc()
        assert doc is not None, "TokenStrings outlived its Doc"
        return doc

    def _strings(self, name: str) -> list[str]:
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = strings_of(self._doc(), self._column(name))
        return found

    def _flags(self, name: str) -> list[bool]:
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = self._array(name).astype(bool).tolist()
        return found

    @property
    def text(self) -> list[str]:
        return self._strings("ORTH")

    @property
    def lower(self) -> list[str]:
        return self._strings("LOWER")

    @property
    def norm(self) -> list[str]:
        return self._strings("NORM")

    @property
    def lemma(self) -> list[str]:
        """Read after the lemmatizer has run (the list is kept from the first read)."""
        return self._strings("LEMMA")

    @property
    def spaced(self) -> list[bool]:
        """`token.whitespace_ != ""`: a space follows the token."""
        return self._flags("SPACY")

    @property
    def like_num(self) -> list[bool]:
        return self._flags("LIKE_NUM")

    @property
    def is_space(self) -> list[bool]:
        return self._flags("IS_SPACE")

    @property
    def is_alpha(self) -> list[bool]:
        return self._flags("IS_ALPHA")


def token_strings(doc: Doc) -> TokenStrings:
    """The Doc's shared TokenStrings (kept in `doc.user_data`, so it lives as long as the Doc)."""
    found: TokenStrings | None = doc.user_data.get(_KEY)
    if found is None or found.doc() is not doc:  # a copied Doc gets its own
        found = doc.user_data[_KEY] = TokenStrings(doc)
    return found


class Identity:
    """A memo key that compares an unhashable object (a list, a lookup table, a rule) by
    identity and keeps it alive, so its id() cannot pass to another object while the key
    exists."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and other.value is self.value


def doc_memo(doc: Doc, key: Hashable, build: Callable[[], T]) -> T:
    """`build()`, once per Doc and key. Keys hold the compiled object they belong to (a `Terms`,
    a rule), never its id(): an entry cannot be mistaken for another object's."""
    memo = token_strings(doc).memo
    if key in memo:
        found: T = memo[key]
        return found
    value = memo[key] = build()
    return value
