"""Kind name -> checker class, imported only when a rule of that kind is loaded."""

from __future__ import annotations

import importlib

from lint.rules.base import Checker

KINDS: dict[str, str] = {
    "phrase": "lint.rules.kinds.phrase:PhraseChecker",
    "pattern": "lint.rules.kinds.pattern:PatternChecker",
    "comparison": "lint.rules.kinds.comparison:ComparisonChecker",
    "regex": "lint.rules.kinds.regex:RegexChecker",
    "requires": "lint.rules.kinds.requires:RequiresChecker",
    "disease": "lint.rules.kinds.disease:DiseaseChecker",
    "disclaimer": "lint.rules.kinds.disclaimer:DisclaimerChecker",
    "link": "lint.rules.kinds.link:LinkChecker",
    "disclosure": "lint.rules.kinds.disclosure:DisclosureChecker",
    "claim": "lint.rules.kinds.claim:ClaimChecker",
    "animal": "lint.rules.kinds.animal:AnimalChecker",
    "substance": "lint.rules.kinds.substance:SubstanceChecker",
}


def checker_class(kind: str) -> type[Checker]:
    module_name, _, class_name = KINDS[kind].partition(":")
    cls: type[Checker] = getattr(importlib.import_module(module_name), class_name)
    return cls
