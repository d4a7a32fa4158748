"""Medical vocabularies built at build time into JSON under rules/ (see lint/vocab/build.py).

The runtime only reads the JSON (`load_terms`), already tokenized: it never imports the packages
the table was built from, and never tokenizes its thousands of terms at start-up.
"""

from __future__ import annotations

import json
from pathlib import Path

from lint.errors import ConfigError

FORMAT = 1  # bump when the JSON layout changes


def load_terms(path: Path, rule_file: str, line: int, column: int) -> tuple[list[str], list[str]]:
    """(normalised, exact) terms of a vocabulary file written by lint.vocab.build.

    `keys` terms are space-joined normalised token texts ("type 2 diabetes", "alzheimer 's");
    `exact` terms are case-sensitive token texts ("ADD", "ALS").
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        raise ConfigError(
            rule_file, f"cannot read vocabulary {path}: {reason}", line, column
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError(rule_file, f"{path} is not a vocabulary of format {FORMAT}", line, column)
    lists = []
    for name in ("keys", "exact"):
        terms = data.get(name, [])
        # a term's tokens are joined by single spaces: none is empty
        if not isinstance(terms, list) or not all(_is_term(t) for t in terms):
            raise ConfigError(rule_file, f"{path}: '{name}' must be a list of terms", line, column)
        lists.append(terms)
    return lists[0], lists[1]


def _is_term(term: object) -> bool:
    return isinstance(term, str) and bool(term) and "" not in term.split(" ")
