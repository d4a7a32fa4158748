"""Medical vocabularies built at build time into JSON under rules/ (see lint/vocab/build.py).

The runtime only reads the JSON (`load_terms`), already tokenized and indexed: it never imports
the packages the table was built from, and never tokenizes or indexes its thousands of terms at
start-up.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from lint.errors import ConfigError

if TYPE_CHECKING:
    from lint.rules.loader import RuleSet
    from lint.rules.model import Rule

FORMAT = 2  # bump when the JSON layout changes
KINDS = {False: "keys", True: "exact"}  # normalised token keys; case-sensitive token texts


@dataclass
class TermTable:
    """Terms (token keys joined by spaces) per kind, with the index `Terms` matches by: per
    first word a bit per term length, and the first two words of every longer term."""

    terms: dict[bool, set[str]] = field(default_factory=lambda: {False: set(), True: set()})
    lengths: dict[bool, dict[str, int]] = field(default_factory=lambda: {False: {}, True: {}})
    pairs: dict[bool, set[str]] = field(default_factory=lambda: {False: set(), True: set()})

    def add(self, joined: str, exact: bool) -> None:
        self.terms[exact].add(joined)
        first, _, rest = joined.partition(" ")
        masks = self.lengths[exact]
        masks[first] = masks.get(first, 0) | 1 << (joined.count(" ") + 1)
        if rest:
            self.pairs[exact].add(f"{first} {rest.partition(' ')[0]}")

    def copy(self) -> TermTable:
        return TermTable(
            {k: set(v) for k, v in self.terms.items()},
            {k: dict(v) for k, v in self.lengths.items()},
            {k: set(v) for k, v in self.pairs.items()},
        )


def index_json(terms: dict[bool, Iterable[str]]) -> dict[str, object]:
    """The JSON body of a table (build time): the terms and their index, sorted."""
    table = TermTable()
    for exact, found in terms.items():
        for joined in found:
            table.add(joined, exact)
    body: dict[str, object] = {}
    for exact, name in KINDS.items():
        body[name] = sorted(table.terms[exact])
        body[f"{name}_lengths"] = dict(sorted(table.lengths[exact].items()))
        body[f"{name}_pairs"] = sorted(table.pairs[exact])
    return body


def load_terms(path: Path, rule_file: str, line: int, column: int) -> TermTable:
    """The table of a vocabulary file written by lint.vocab.build."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        raise ConfigError(
            rule_file, f"cannot read vocabulary {path}: {reason}", line, column
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError(rule_file, f"{path} is not a vocabulary of format {FORMAT}", line, column)
    table = TermTable()
    for exact, name in KINDS.items():
        terms, lengths = data.get(name, []), data.get(f"{name}_lengths", {})
        pairs = data.get(f"{name}_pairs", [])
        # a term's tokens are joined by single spaces: none is empty
        if not isinstance(terms, list) or not _all_terms(terms):
            raise ConfigError(rule_file, f"{path}: '{name}' must be a list of terms", line, column)
        if not (isinstance(lengths, dict) and isinstance(pairs, list)) or not all(
            isinstance(mask, int) for mask in lengths.values()
        ):
            raise ConfigError(rule_file, f"{path}: '{name}' has a broken index", line, column)
        table.terms[exact] = set(terms)
        table.lengths[exact] = lengths
        table.pairs[exact] = set(pairs)
    return table


def rule_table(rule: Rule, ruleset: RuleSet) -> TermTable | None:
    """The table of the rule's `conditions_file` (a path from the rule file), read once per
    rule set, or None when the rule names none."""
    name = rule.options.get("conditions_file")
    if not name:
        return None
    path = (Path(rule.file).parent / str(name)).resolve()
    where = rule.where("conditions_file")
    return ruleset.compiled((rule_table, path), lambda: load_terms(path, rule.file, *where))


def _all_terms(terms: list[object]) -> bool:
    """`_is_term` of every item, tested on one joined string first (39,000 terms: the per-term
    test was a tenth of start-up). A term fails iff it is empty, or starts or ends with a
    space, or holds two in a row; joined between newlines, each of those leaves "" in the
    list, "\n " or " \n" or "  " in the string. Absent all four, every term passes; present
    (possibly from a newline inside a term), the per-term test decides."""
    if not all(map(isinstance, terms, repeat(str))):
        return False
    joined = "\n" + "\n".join(terms) + "\n"  # type: ignore[arg-type]  # all str, tested
    if "" in terms or "\n " in joined or " \n" in joined or "  " in joined:
        return all(map(_is_term, terms))
    return True


def _is_term(term: object) -> bool:
    return isinstance(term, str) and bool(term) and "" not in term.split(" ")
