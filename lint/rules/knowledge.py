"""The substance knowledge base: `substances:` files (built-in and house), validated with lines.

Schema of one entry (documented for users in docs/substances.md and rules/substances.yaml):
    id: piracetam                     required, lower-case slug, unique across all files
    name: Piracetam                   required, the name articles use
    aliases: [Nootropil, ...]         brand names, other spellings (optional)
    codes: [UCB-6215]                 research codes (optional)
    related: [coffee]                 words that tie a caution to it without naming it (optional)
    class: racetam                    required, free text
    cautions: [cycling, renal]        required, a subset of CAUTIONS (may be empty)
    source: "..."                     required, where the cautions come from
    note: "..."                       optional, why these cautions
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lint.errors import ConfigError, did_you_mean
from lint.yaml_nodes import position

CAUTIONS = ("cycling", "renal", "hepatic", "interactions", "pregnancy", "dependence")
REQUIRED = ("id", "name", "class", "cautions", "source")
ALLOWED = (*REQUIRED, "aliases", "codes", "related", "note")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Substance:
    id: str
    name: str
    klass: str
    cautions: tuple[str, ...]
    source: str
    aliases: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # words that tie a caution to it, not names ("coffee")
    file: str = ""
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """Every way an article may name it, with both apostrophes (St John's / St John’s)."""
        names: list[str] = []
        for name in (self.name, *self.aliases, *self.codes):
            for variant in (name, name.replace("'", "’"), name.replace("’", "'")):
                if variant not in names:
                    names.append(variant)
        return tuple(names)


def spellings(name: str) -> tuple[str, ...]:
    """Ways articles write a name besides the listed one: "5HTP" and "5 HTP" for "5-HTP",
    "St Johns wort" for "St. John's wort", "acetyl l carnitine" for "acetyl-L-carnitine"."""
    found = []
    for dots in (name, name.replace(".", "")):
        for quotes in (dots, dots.replace("'", "").replace("’", "")):
            # "5HTP", "NS105"; "acetylLcarnitine" is no spelling anyone uses
            joined = quotes.replace("-", "") if _DIGIT.search(quotes) else quotes
            for dash in (quotes, quotes.replace("-", " "), joined):
                variant = " ".join(dash.split())
                if variant and variant not in found:
                    found.append(variant)
    return tuple(found)


def load_substances(files: list[tuple[str, Any]]) -> list[Substance]:
    """All entries of all `substances:` files; any schema error names its file and line."""
    substances: list[Substance] = []
    seen_ids: dict[str, Substance] = {}
    seen_names: dict[str, Substance] = {}
    for path, entries in files:
        if not isinstance(entries, list):
            raise ConfigError(path, "'substances' must be a list of entries")
        for node in entries:
            substance = parse_entry(path, node)
            _check_unique(path, node, substance, seen_ids, seen_names)
            substances.append(substance)
    return substances


def _check_unique(
    path: str,
    node: Any,
    substance: Substance,
    seen_ids: dict[str, Substance],
    seen_names: dict[str, Substance],
) -> None:
    first = seen_ids.get(substance.id)
    if first is not None:
        raise ConfigError(
            path,
            f"duplicate substance id '{substance.id}' (first in {first.file}:{first.line})",
            *position(node, "id"),
        )
    seen_ids[substance.id] = substance
    for name in substance.names:
        other = seen_names.get(name.lower())
        if other is not None and other.id != substance.id:
            raise ConfigError(
                path,
                f"name '{name}' of '{substance.id}' already names '{other.id}' "
                f"({other.file}:{other.line})",
                *position(node),
            )
        seen_names[name.lower()] = substance


def parse_entry(path: str, node: Any) -> Substance:
    line, col = position(node)
    if not isinstance(node, dict):
        raise ConfigError(path, "a substance entry must be a mapping", line, col)
    for key in node:
        if key not in ALLOWED:
            hint = did_you_mean(str(key), ALLOWED)
            raise ConfigError(path, f"unknown substance key '{key}'{hint}", *position(node, key))
    for key in REQUIRED:
        if key not in node:
            raise ConfigError(path, f"substance entry is missing '{key}'", line, col)
    for key in ("id", "name", "class", "source"):
        if not isinstance(node[key], str) or not node[key].strip():
            raise ConfigError(path, f"'{key}' must be a non-empty string", *position(node, key))
    if not SLUG.match(node["id"]):
        raise ConfigError(
            path, f"substance id '{node['id']}' must be a lower-case slug", *position(node, "id")
        )
    lists = {key: _strings(path, node, key) for key in ("aliases", "codes", "related", "cautions")}
    for caution in lists["cautions"]:
        if caution not in CAUTIONS:
            raise ConfigError(
                path,
                f"unknown caution '{caution}' (one of: {', '.join(CAUTIONS)})",
                *position(node, "cautions"),
            )
    return Substance(
        id=node["id"],
        name=node["name"],
        klass=node["class"],
        cautions=tuple(lists["cautions"]),
        source=node["source"],
        aliases=tuple(lists["aliases"]),
        codes=tuple(lists["codes"]),
        related=tuple(lists["related"]),
        file=path,
        line=line,
    )


def _strings(path: str, node: Any, key: str) -> list[str]:
    value = node.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(
            path, f"'{key}' must be a list of non-empty strings", *position(node, key)
        )
    return [str(v) for v in value]
