"""Rule vocabularies tokenized once per user, not at every start-up.

Every term of a rule (cue words, drug names, report phrases: ~4,400 strings in the built-in
rules) is split by the article tokenizer, so that a term and the prose split alike. Doing that at
each start cost ~0.1 s of a 0.8 s cold start (spaCy's affix search, and a lexeme for every new
word). The texts and norms of each term's tokens are kept in the user cache beside the rule
cache (`lint.cache`: same folder, same per-user HMAC, checked before the JSON is parsed), in a
file keyed by everything they depend on: the spaCy version (the English tokenizer and its
exceptions) and the source of lint/nlp.py (which builds the tokenizer and the informal norms).
A term not in the file is tokenized as before, and `save` rewrites the file once the checkers
are built. Only the process pipeline (`lint.nlp.get_nlp`) uses the file; any other pipeline is
tokenized directly.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

FORMAT = 1
MAGIC = b"supplint-tokens\0"
MAX_TERMS = 100_000  # several house rule sets share a file; past this, keep only this run's terms

Tokens = tuple[tuple[str, ...], tuple[str, ...]]  # (texts, norms) of the non-space tokens


class _Store:
    def __init__(self, path: Path | None, secret: bytes | None):
        self.path, self.secret = path, secret
        self.known: dict[str, Tokens] = _load(path, secret) if path and secret else {}
        self.used: set[str] = set()
        self.added = False


_STORE: _Store | None = None


def tokens(nlp: Any, term: str) -> Tokens:
    """Texts and norms of the non-space tokens of `nlp.make_doc(term)`."""
    store = _store(nlp)
    if store is None:
        return _tokenize(nlp, term)
    found = store.known.get(term)
    if found is None:
        found = store.known[term] = _tokenize(nlp, term)
        store.added = True
    store.used.add(term)
    return found


def save() -> None:
    """Write the file when this run tokenized a term it did not hold (no-op otherwise)."""
    store = _STORE
    if store is None or not store.added or store.path is None or store.secret is None:
        return
    from lint.cache_key import prune, write_signed

    known = store.known
    if len(known) > MAX_TERMS:
        known = {term: known[term] for term in store.used}
    body = {"format": FORMAT, "terms": {t: [list(a), list(b)] for t, (a, b) in known.items()}}
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    if write_signed(store.path.parent, store.path, payload, store.secret, MAGIC):
        store.added = False
        prune(store.path.parent, "tokens-*.json")


def _tokenize(nlp: Any, term: str) -> Tokens:
    doc = nlp.make_doc(term)
    words = [t for t in doc if not t.is_space]
    return tuple(t.text for t in words), tuple(t.norm_ for t in words)


def _store(nlp: Any) -> _Store | None:
    import lint.nlp

    global _STORE
    if nlp is not lint.nlp.shared_nlp():
        return None
    if _STORE is None:
        _STORE = _Store(*_location())
    return _STORE


def _location() -> tuple[Path | None, bytes | None]:
    from lint.cache_key import cache_dir, private_dir, user_key

    folder = cache_dir()
    if folder is None:
        return None, None
    secret = user_key()
    if secret is None or not private_dir(folder):
        return None, None
    return folder / f"tokens-{_key()}.json", secret


def _key() -> str:
    from lint.spacy_import import installed_spacy_version

    digest = hashlib.sha256(f"{FORMAT}\0{installed_spacy_version()}\0".encode())
    digest.update((Path(__file__).parent / "nlp.py").read_bytes())
    return digest.hexdigest()


def _load(path: Path, secret: bytes) -> dict[str, Tokens]:
    from lint.cache_key import debug, read_signed

    payload = read_signed(path, secret, MAGIC)
    if payload is None:
        return {}
    try:
        body = json.loads(payload)
        terms = body["terms"] if body.get("format") == FORMAT else {}
        return {term: (tuple(texts), tuple(norms)) for term, (texts, norms) in terms.items()}
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        debug(f"token cache {path.name} unusable ({err}); rebuilding it")
        return {}
