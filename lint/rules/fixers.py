"""A rule names its fixer: `fix: {with: disclaimer}`, `fix: {with: caution, caution: renal}`, or
a replacement template `fix: "may {match}"` (short for `{with: replace, text: ...}`).

`FIXERS` maps a fixer name to where its producer lives and the options it takes, like `KINDS`
for checkers: the loader checks names and options here (no fix code is imported to load rules),
and `attach_fixes`, the step after checking, imports a producer the first time one is used.
A house copy of a built-in rule under a new id carries its `fix:` and so gets the same fix.
"""

from __future__ import annotations

import html
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from lint.errors import ConfigError, not_one_of
from lint.lazy import cached_property
from lint.rules.base import Option
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.config import Config
    from lint.finding import Fix

_SPACES = re.compile(r"\s+")
Knowledge = dict[str, list[tuple[str, Any]]]


@dataclass(frozen=True)
class FixSettings:
    """The project settings fixers read: wording and placement of what they add."""

    disclaimer_text: str | None = None  # None: the fixer's default wording
    disclaimer_before: str | None = None  # a footer marker: the disclaimer goes before its line
    disclosure_text: str | None = None
    disclosure_position: str = "before-link"  # or "top"

    @classmethod
    def from_config(cls, config: Config) -> FixSettings:
        return cls(
            config.disclaimer_text,
            config.disclaimer_before,
            config.disclosure_text,
            config.disclosure_position,
        )


@dataclass
class FixContext:
    """What a producer may read: the analysed article, settings, all hits, the knowledge base."""

    analysis: Analysis
    settings: FixSettings
    hits: list[Hit]
    knowledge: Knowledge = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.analysis.source_text

    @property
    def format(self) -> str:
        return self.analysis.document.source.format

    def first_start(self, fixer: str) -> int:
        """Where the first hit fixed by `fixer` starts: every flagged link and call to buy
        shares one disclosure, before the first of them."""
        return self._first_starts.get(fixer, 0)

    @cached_property
    def _first_starts(self) -> dict[str, int]:
        firsts: dict[str, int] = {}
        for hit in self.hits:
            name = fixer_name(hit.rule)
            if name is not None:
                firsts[name] = min(firsts.get(name, hit.start), hit.start)
        return firsts

    @cached_property
    def squashed(self) -> str:
        return squash(self.text)

    def has(self, words: str) -> bool:
        """Is this wording in the article already (as written, or HTML-escaped)?"""
        squashed = squash(words)
        return squashed in self.squashed or squash(html.escape(words, False)) in self.squashed


Producer = Callable[[FixContext, Hit], "Fix | None"]


@dataclass(frozen=True)
class Fixer:
    """One fixer: its producer ("module:function", imported on first use) and its options."""

    target: str
    summary: str
    safe: bool | None  # None: the rule says (`fix_safe`, for templates)
    options: dict[str, Option] = field(default_factory=dict)

    def is_safe(self, rule: Rule) -> bool:
        """Whether `--fix` applies this fixer's edits: said here once, not by each producer."""
        return rule.fix_safe if self.safe is None else self.safe


# lint.fixes.wording.CAUTIONS
CAUTION_TOPICS = ("cycling", "renal", "interaction", "dependence", "hepatic", "pregnancy")

FIXERS: dict[str, Fixer] = {
    "disclaimer": Fixer(
        "lint.fixes.producers:disclaimer_fix",
        "Adds the FDA disclaimer (or `disclaimer_text`) at the end of the article body, "
        "or before the `disclaimer_before` marker. Never twice.",
        safe=True,
    ),
    "disclosure": Fixer(
        "lint.fixes.producers:disclosure_fix",
        "Adds the affiliate disclosure (or `disclosure_text`) once, before the first hit of "
        "any rule fixed with it (or at the top: `disclosure_position`).",
        safe=True,
    ),
    "rel-sponsored": Fixer(
        "lint.fixes.producers:rel_sponsored_fix",
        'Adds rel="sponsored" to the flagged HTML link.',
        safe=True,
    ),
    "hedge": Fixer(
        "lint.fixes.producers:hedge_fix",
        "Hedges the flagged causal verb: 'boosts memory' -> 'may support memory'.",
        safe=False,
    ),
    "structure-function": Fixer(
        "lint.fixes.producers:disease_fix",
        "Rewords a disease claim as a structure/function claim, where an honest one exists.",
        safe=False,
    ),
    "caution": Fixer(
        "lint.fixes.producers:caution_fix",
        "Adds a caution sentence about the flagged substance after its sentence.",
        safe=False,
        options={
            "caution": Option(
                "string",
                "Which caution to write.",
                required=True,
                choices=CAUTION_TOPICS,
            ),
        },
    ),
    "listed-cautions": Fixer(
        "lint.fixes.producers:listed_cautions_fix",
        "Adds one caution sentence per caution the substance's knowledge-base entry lists "
        "(cycling, renal, interactions, dependence, hepatic, pregnancy) after the flagged dose.",
        safe=False,
    ),
    "doctor-line": Fixer(
        "lint.fixes.producers:dose_caution_fix",
        "Adds 'Talk to your doctor or pharmacist before starting, ...' after the flagged dose.",
        safe=False,
    ),
    "replace": Fixer(
        "lint.fixes.producers:template_fix",
        "Replaces the matched text with `text` (`{match}` and message values filled in); "
        '`fix: "..."` is short for it. Safe unless `fix_safe: false`.',
        safe=None,
        options={"text": Option("string", "The replacement template.", required=True)},
    ),
}


def fix_spec(value: Any) -> dict[str, Any] | None:
    """A rule's `fix:` value as a mapping with `with` (the template string form expanded)."""
    if value is None:
        return None
    if isinstance(value, str):
        return {"with": "replace", "text": value}
    return dict(value)


def fixer_name(rule: Rule) -> str | None:
    return None if rule.fix is None else str(rule.fix.get("with"))


def validate_fix(rule: Rule, at: Callable[[str | None], tuple[int, int]]) -> None:
    """What the schema cannot say: the fixer exists (built-in rules skip the schema at check
    time: same wording as the schema's), and `fix_safe` belongs to templates only. `at(key)`
    is where the value of `fix.<key>` (or of `fix`, for None) sits in the YAML."""
    if rule.fix is None:
        return
    name = fixer_name(rule)
    if name not in FIXERS:
        raise ConfigError(rule.file, not_one_of("fix.with", name, sorted(FIXERS)), *at("with"))
    fixer = FIXERS[name]
    for key, option in fixer.options.items():
        if option.required and key not in rule.fix:
            raise ConfigError(rule.file, f"missing key '{key}' in 'fix'", *at(None))
    if fixer.safe is not None and "fix_safe" in rule.positions:
        raise ConfigError(
            rule.file,
            f"'fix_safe' applies to a replacement template; fixer '{name}' is "
            + ("always safe" if fixer.safe else "never safe"),
            *rule.where("fix_safe"),
        )


@cache
def producer(name: str) -> Producer:
    module_name, _, function = FIXERS[name].target.partition(":")
    made: Producer = getattr(importlib.import_module(module_name), function)
    return made


def attach_fixes(
    analysis: Analysis, hits: list[Hit], settings: FixSettings, knowledge: Knowledge
) -> None:
    """The step after checking: give each hit without a fix the one its rule's fixer produces,
    and an unsafe fix's description as the hit's suggestion. A checker's own fix wins."""
    context = FixContext(analysis, settings, hits, knowledge)
    for hit in hits:
        name = fixer_name(hit.rule)
        if hit.fix is None and name is not None:
            made = producer(name)(context, hit)
            hit.fix = None if made is None else replace(made, safe=FIXERS[name].is_safe(hit.rule))
        if hit.fix is not None and not hit.fix.safe and hit.suggestion is None:
            hit.suggestion = hit.fix.description


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()
