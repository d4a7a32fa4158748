"""Kind name -> checker class, imported only when a rule of that kind is loaded."""

from __future__ import annotations

import importlib

from lint.rules.base import Checker

KINDS: dict[str, str] = {
    "phrase": "lint.rules.phrase:PhraseChecker",
    "pattern": "lint.rules.pattern:PatternChecker",
    "comparison": "lint.rules.comparison:ComparisonChecker",
    "regex": "lint.rules.regex:RegexChecker",
    "requires": "lint.rules.requires:RequiresChecker",
    "disease": "lint.rules.disease:DiseaseChecker",
    "disclaimer": "lint.rules.disclaimer:DisclaimerChecker",
    "link": "lint.rules.link:LinkChecker",
    "disclosure": "lint.rules.disclosure:DisclosureChecker",
    "claim": "lint.rules.claim:ClaimChecker",
    "animal": "lint.rules.animal:AnimalChecker",
    "substance": "lint.rules.substance:SubstanceChecker",
}


def checker_class(kind: str) -> type[Checker]:
    module_name, _, class_name = KINDS[kind].partition(":")
    cls: type[Checker] = getattr(importlib.import_module(module_name), class_name)
    return cls
