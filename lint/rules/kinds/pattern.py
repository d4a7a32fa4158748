"""`pattern`: spaCy Matcher token patterns (LOWER, LEMMA, IN, OP, ...) for word-order rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from lint.errors import ConfigError
from lint.positions import split_lines
from lint.rules.base import Checker, Option, span_hit
from lint.rules.match.token_bounds import bounded_matches, check_patterns
from lint.rules.match.windows import PatternByPattern, anchors, needs, windows
from lint.rules.model import Hit, Rule
from lint.rules.spec import TOKEN_PATTERNS
from lint.tokens import token_strings

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis
    from lint.rules.loader import RuleSet


class PatternChecker(Checker):
    kind = "pattern"
    summary = "Flags token sequences described with spaCy Matcher patterns."
    options: ClassVar[dict[str, Option]] = {
        "patterns": Option(
            "array",
            "A list of token patterns, each a list of token specs.",
            required=True,
            schema=TOKEN_PATTERNS,
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        # their shape (non-empty lists of token specs) is the schema's; here, their bounds
        check_patterns(rule, rule.options["patterns"], "patterns")

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        from spacy.matcher import Matcher

        super().__init__(rules, nlp, ruleset)
        self.matcher = Matcher(nlp.vocab, validate=True)
        for rule in rules:
            try:
                self.matcher.add(rule.id, rule.options["patterns"], greedy="LONGEST")
            except (ValueError, KeyError, TypeError) as err:
                first = split_lines(str(err).strip())
                detail = next((line for line in first if "pattern" in line.lower()), "invalid")
                raise ConfigError(
                    rule.file, f"invalid token pattern: {detail.strip()}", *rule.where("patterns")
                ) from None
        self.by_id = {rule.id: rule for rule in rules}
        # one rule: its matches come out in an order set by the matches themselves, so the
        # Matcher can run on windows only (lint/rules/match/windows.py) with identical results
        self.anchors = anchors(rules[0].options["patterns"]) if len(rules) == 1 else None
        # the words each pattern requires: ranges holding none of some pattern's are skipped
        self.needs = needs([p for rule in rules for p in rule.options["patterns"]])
        self.by_pattern = (
            PatternByPattern(nlp.vocab, rules[0].id, rules[0].options["patterns"])
            if self.anchors is not None
            else None
        )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        for match_id, start, end in self._matches(analysis):
            rule = self.by_id[self.nlp.vocab.strings[match_id]]
            span = doc[start:end]
            hit = span_hit(rule, analysis, span, analysis.sentence_at(span.start_char))
            if hit is not None:
                yield hit

    def _matches(self, analysis: Analysis) -> list[tuple[int, int, int]]:
        doc = analysis.doc
        if self.anchors is None or self.by_pattern is None:  # one capped sentence at a time
            found = bounded_matches(self.matcher, analysis, self.needs)
        else:
            found = []
            for lo, hi in windows(token_strings(doc), self.anchors):
                found += [(k, lo + s, lo + e) for k, s, e in self.by_pattern(doc, lo, hi)]
        # the Matcher's order for one key with greedy LONGEST: longest first, then leftmost
        return sorted(found, key=lambda m: (m[1] - m[2], m[1]))
