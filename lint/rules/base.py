"""What every checker module provides: its option schema and a check over one Analysis."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

    from lint.analysis import Analysis, Sentence
    from lint.config import Config
    from lint.rules.loader import RuleSet


@dataclass(frozen=True)
class Option:
    """One kind-specific key in a rule file: its JSON-Schema type and documentation."""

    type: str  # string | boolean | integer | array | object | string-array
    doc: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()  # allowed values (a JSON-Schema enum)
    # a full JSON-Schema fragment when the type alone says too little (nested mappings, patterns)
    schema: dict[str, Any] | None = field(default=None, compare=False, hash=False)


class Checker:
    """Compiles all rules of one kind once per process; checks one analysis at a time."""

    kind: ClassVar[str]
    summary: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        self.rules = rules
        self.nlp = nlp
        self.ruleset = ruleset

    def configure(self, config: Config) -> None:
        """Project settings a kind reads (the disclosure kind: `site_domains`); once per run."""

    @classmethod
    def validate(cls, rule: Rule) -> None:
        """Extra checks beyond the option schema; raise ConfigError pointing into the YAML."""

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        raise NotImplementedError


def span_hit(
    rule: Rule, analysis: Analysis, span: Span, sentence: Sentence | None, **values: Any
) -> Hit | None:
    """A Hit for a matched token span, unless its sentence has a feature the rule excludes."""
    if sentence is not None and any(sentence.has(feature) for feature in rule.unless):
        return None
    start, end = analysis.source_span(span.start_char, span.end_char)
    values.setdefault("match", span.text)
    if sentence is not None:
        values.setdefault("sentence", sentence.text)
    return Hit(rule, start, end, values)
