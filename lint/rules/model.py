"""Rules are data: a Rule is one YAML mapping bound to a kind; checkers turn rules into Hits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lint.finding import Fix

RULE_ID = re.compile(r"^[a-z][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*$")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class Rule:
    id: str
    kind: str
    severity: str
    message: str
    explain: str = ""
    examples: dict[str, list[Any]] = field(default_factory=dict)
    unless: tuple[str, ...] = ()
    suggestion: str | None = None
    # the fixer and its options, {"with": "disclaimer"} or {"with": "replace", "text": "may
    # {match}"} (lint.rules.fixers); None: no fix
    fix: dict[str, Any] | None = None
    fix_safe: bool = True  # for a replacement template: apply it with --fix (else --unsafe-fixes)
    options: dict[str, Any] = field(default_factory=dict)
    file: str = "<builtin>"
    line: int = 0
    builtin: bool = True
    # where each key sits in the YAML (1-based line, column), for error messages; nested keys
    # and list items use dotted paths: "when.regex", "examples.flag.0"
    positions: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    disabled: bool = False  # turned off by a house override (still known to suppressions)
    # "file:line: what changed (reason)" for each house override applied to this rule
    overrides: list[str] = field(default_factory=list)
    # (file, line) of every example, parallel to examples["flag"] / examples["pass"]; an
    # override's extra examples point into the house file
    example_origins: dict[str, list[tuple[str, int]]] = field(default_factory=dict, repr=False)

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def where(self, key: str | None = None) -> tuple[int, int]:
        """Position of a (dotted) key, or of its nearest parent that has one."""
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key.rpartition(".")[0]
        return self.line, 1


@dataclass
class Hit:
    """A rule matched the source span [start, end) (code-point offsets into the decoded text)."""

    rule: Rule
    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    strength: float | None = None
    suggestion: str | None = None
    fix: Fix | None = None
    message: str | None = None  # overrides the rule's message template when set

    def render_message(self) -> str:
        return fill(self.message or self.rule.message, self.values)


def fill(template: str, values: dict[str, Any]) -> str:
    """`{name}` placeholders only: str.format would let a house rule reach attributes."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        return match.group(0) if value is None else str(value)

    return _PLACEHOLDER.sub(replace, template)
