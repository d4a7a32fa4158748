"""`phrase`: term lists matched with spaCy's PhraseMatcher, by lower case, exact case or lemma."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.rules.base import Checker, Option, span_hit
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis
    from lint.rules.loader import RuleSet


class PhraseChecker(Checker):
    kind = "phrase"
    summary = "Flags any of a list of words or phrases."
    options: ClassVar[dict[str, Option]] = {
        "phrases": Option("string-array", "Words or phrases to flag.", required=True),
        "case_sensitive": Option("boolean", "Match exact case (default: ignore case).", False),
        "lemma": Option("boolean", "Match any inflection: 'cure' also finds 'cures', 'cured'."),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        if not rule.options["phrases"]:
            raise ConfigError(rule.file, "'phrases' must not be empty", *rule.where("phrases"))

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        from spacy.matcher import PhraseMatcher

        super().__init__(rules, nlp, ruleset)
        self.matchers: dict[str, Any] = {}
        for rule in rules:
            attr = self._attr(rule)
            if attr not in self.matchers:
                self.matchers[attr] = PhraseMatcher(nlp.vocab, attr=attr)
            phrases = rule.options["phrases"]
            docs = (
                list(nlp.pipe(phrases)) if attr == "LEMMA" else [nlp.make_doc(p) for p in phrases]
            )
            self.matchers[attr].add(rule.id, docs)
        self.by_id = {rule.id: rule for rule in rules}

    @staticmethod
    def _attr(rule: Rule) -> str:
        if rule.options.get("lemma"):
            return "LEMMA"
        return "ORTH" if rule.options.get("case_sensitive") else "LOWER"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        from spacy.util import filter_spans

        doc = analysis.doc
        for matcher in self.matchers.values():
            spans = matcher(doc, as_spans=True)
            # one finding per rule per place: "clinically proven" hides the "proven" inside it
            for label in sorted({span.label for span in spans}):
                for span in filter_spans([s for s in spans if s.label == label]):
                    rule = self.by_id[span.label_]
                    hit = span_hit(rule, analysis, span, analysis.sentence_at(span.start_char))
                    if hit is not None:
                        yield hit
