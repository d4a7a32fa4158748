"""The keys a rule file may hold, declared once: they drive validation, the JSON Schema and docs.

Kind-specific keys live on each checker class (`Checker.options`); this module holds the keys
every rule shares, the keys of an override entry, and the keys of one example.
"""

from __future__ import annotations

from lint.analysis import FEATURES
from lint.finding import SEVERITIES
from lint.rules.base import Option
from lint.rules.registry import KINDS

FEATURE_NAMES = tuple(FEATURES)
# JSON Schema of a list of spaCy Matcher token patterns (defined in lint.rules.schema)
TOKEN_PATTERNS = {"$ref": "#/$defs/token-patterns"}
FIX = {"$ref": "#/$defs/fix"}  # a template string or {with: <fixer>, ...} (lint.rules.fixers)
EXAMPLE_FORMATS = {"md": "markdown", "markdown": "markdown", "html": "html", "txt": "text"}

# One example as a mapping (a bare string is the same as `{text: ...}` in Markdown). An
# expectation key (`fixed:`, `match:`) is declared here, with its check in
# lint.testing.EXPECTATIONS.
EXAMPLE_OPTIONS: dict[str, Option] = {
    "text": Option("string", "The article text (one sentence or a whole document).", True),
    "format": Option(
        "string",
        "How to parse `text`: md (default), html or txt.",
        choices=tuple(EXAMPLE_FORMATS),
    ),
    "fixed": Option("string", "The text after applying this rule's fix (safe or unsafe) once."),
    "match": Option(
        "string",
        "Flag examples: the exact source text one of the rule's findings must span "
        "(`cures ADHD`), so a finding on the wrong words fails `supplint test-rules`.",
    ),
}

COMMON_OPTIONS: dict[str, Option] = {
    "id": Option("string", "Rule id, `family.name` (lower case, dashes).", required=True),
    "kind": Option(
        "string", "Checker kind: " + ", ".join(sorted(KINDS)) + ".", True, choices=tuple(KINDS)
    ),
    "severity": Option("string", "error, warning or info.", True, choices=SEVERITIES),
    "message": Option("string", "Message; `{match}` and `{sentence}` are filled in.", True),
    "explain": Option("string", "Long explanation: what, why, example, references."),
    "examples": Option(
        "object",
        "`flag:` texts the rule must flag; `pass:` texts it must not. Each is a string "
        "(Markdown) or a mapping with `text:` and `format: md|html|txt`. "
        "Run them with `supplint test-rules`.",
    ),
    "unless": Option(
        "string-array",
        "Skip sentences that are: " + ", ".join(FEATURE_NAMES) + ".",
        choices=FEATURE_NAMES,
    ),
    "suggestion": Option("string", "A suggested rewrite shown with the finding."),
    "fix": Option(
        "string-or-object",
        "The rule's fixer: `{with: disclaimer}`, `{with: caution, caution: renal}` ... (see "
        "the fixer table), or a replacement template for the matched text, `{match}` filled in.",
        schema=FIX,
    ),
    "fix_safe": Option(
        "boolean", "Apply a `fix` template with --fix (default: true); false: --unsafe-fixes."
    ),
}

# An override entry changes a rule defined elsewhere (built-in or house) by id.
OVERRIDE_OPTIONS: dict[str, Option] = {
    "override": Option("string", "Id of the rule to change.", required=True),
    "severity": Option("string", "New severity.", choices=SEVERITIES),
    "disabled": Option("boolean", "`true` turns the rule off."),
    "extend": Option(
        "object",
        "Values added to the rule's list options, e.g. `{phrases: [...]}`, "
        "`{examples: {flag: [...]}}`, or nested lists such as `{when: {phrases: [...]}}`.",
    ),
    "reason": Option("string", "Why the house changes this rule (shown by `supplint explain`)."),
}
