"""`disclaimer`: a document with health claims but no FDA disclaimer (21 CFR 101.93(c)).

Claims are structure/function statements (a verb such as "supports" next to a body function
such as "memory", found with the same exclusions as disease claims) plus the claims of the
disease rule named in `disease_rule`. The disclaimer is recognised anywhere: any prose sentence
(lint.analysis.DISCLAIMER, minor wording variations allowed) or a front matter value. One
finding per document, at the first claim, naming how many claims need the disclaimer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.analysis import DISCLAIMER, DISCLAIMER_KEYWORDS
from lint.errors import ConfigError
from lint.rules.base import Checker, Option
from lint.rules.kinds.disease import build_finders, claims, rule_claims
from lint.rules.match.cue_target import Claim, ClaimFinder
from lint.rules.match.prescreen import first_candidate
from lint.rules.match.terms import Terms
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis
    from lint.config import Config
    from lint.rules.loader import RuleSet

EXCLUSION_KEYS = ("drugs", "subjects", "regulatory", "dismissals", "title_words", "reports")
DISCLAIMER_WORDS = re.compile("|".join(DISCLAIMER_KEYWORDS), DISCLAIMER.flags)


class DisclaimerChecker(Checker):
    kind = "disclaimer"
    summary = "Flags documents with health claims and no FDA disclaimer (one finding each)."
    options: ClassVar[dict[str, Option]] = {
        "verbs": Option(
            "string-array",
            "Structure/function verbs, any inflection (support, boost, improve).",
            True,
        ),
        "functions": Option(
            "string-array", "Body functions the verbs act on (memory, focus, mood).", True
        ),
        "window": Option("integer", "Tokens allowed between a verb and its function.", default=4),
        "disease_rule": Option(
            "string",
            "Id of a `disease` rule: its claims count too, and its drugs, regulatory words, "
            "dismissals and title words exclude structure/function mentions the same way.",
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        for key in ("verbs", "functions"):
            if not rule.options[key]:
                raise ConfigError(rule.file, f"'{key}' must not be empty", *rule.where(key))

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        super().__init__(rules, nlp, ruleset)
        self.setups = [self._setup(rule, nlp) for rule in rules]
        self.own_wordings: tuple[str, ...] = ()

    def configure(self, config: Config) -> None:
        """The project's own disclaimer (`disclaimer_text`, what --fix adds) counts as one:
        a fix must not leave the finding it fixed."""
        text = config.disclaimer_text
        self.own_wordings = ()
        if text and text.strip():  # as the fixer looks for it: as written, or HTML-escaped
            self.own_wordings = tuple({_folded(text), _folded(html.escape(text, False))})

    def _setup(self, rule: Rule, nlp: Any) -> tuple[Rule, ClaimFinder, Rule | None, list[Any]]:
        """(rule, structure/function finder, disease rule, disease finders)."""
        disease = self._disease_rule(rule)
        exclusions: dict[str, Any] = {}
        finders: list[Any] = []
        if disease is not None:
            finders = build_finders(disease, nlp, self.ruleset)
            for key in EXCLUSION_KEYS:
                if disease.options.get(key):
                    exclusions[key] = Terms(nlp, disease.options[key])
        structure_function = ClaimFinder(
            Terms(nlp, rule.options["verbs"], lemma=True),
            Terms(nlp, rule.options["functions"]),
            window_after=int(rule.options.get("window", 4)),
            window_before=0,
            **exclusions,
        )
        return rule, structure_function, disease, finders

    def _disease_rule(self, rule: Rule) -> Rule | None:
        name = rule.options.get("disease_rule")
        if not name:
            return None
        disease = self.ruleset.by_id().get(name)
        if disease is None or disease.kind != "disease":
            raise ConfigError(
                rule.file,
                f"disease_rule '{name}' is not a rule of kind 'disease'",
                *rule.where("disease_rule"),
            )
        return disease

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if has_disclaimer(analysis) or self._has_own_wording(analysis):
            return
        for rule, structure_function, disease, finders in self.setups:
            diseases = rule_claims(analysis, disease, finders) if disease is not None else []
            found = [
                c
                for c in claims(analysis, [structure_function], diseases)
                if not any(c.sentence.has(feature) for feature in rule.unless)
            ]
            if found:
                yield first_claim_hit(rule, analysis, found[0], len(found))

    def _has_own_wording(self, analysis: Analysis) -> bool:
        if not self.own_wordings:
            return False
        texts = [analysis.source_text, analysis.document.prose]  # with markup, and without
        texts += _strings(analysis.document.front_matter)
        return any(words in _folded(text) for text in texts for words in self.own_wordings)


def _folded(text: str) -> str:
    """Case and line breaks aside: a disclaimer wrapped over lines or set in capitals."""
    return " ".join(text.split()).casefold()


def has_disclaimer(analysis: Analysis) -> bool:
    texts = [analysis.document.prose, *_strings(analysis.document.front_matter)]
    # every DISCLAIMER match contains one of these words (a test checks the pattern): without
    # them in the prose (which holds every sentence) or front matter there is no disclaimer
    if not any(DISCLAIMER_WORDS.search(text) for text in texts):
        return False
    # one search over all sentences first: DISCLAIMER has no anchors (lint/rules/match/prescreen.py)
    first = first_candidate(DISCLAIMER, analysis)
    if first is not None and any(s.is_disclaimer for s in analysis.sentences[first:]):
        return True
    # a disclaimer split over a line break inside one block, or kept in front matter
    return any(DISCLAIMER.search(" ".join(text.split())) for text in texts)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def first_claim_hit(rule: Rule, analysis: Analysis, claim: Claim, count: int) -> Hit:
    span = analysis.doc[claim.start : claim.end]
    start, end = analysis.source_span(span.start_char, span.end_char)
    noun = "claim" if count == 1 else "claims"
    values = {
        "match": span.text,
        "count": count,
        "claims": f"{count} health {noun}",
        "sentence": claim.sentence.text,
    }
    return Hit(rule, start, end, values)
