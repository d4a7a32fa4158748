"""`regex`: regular expressions over prose, run by RE2 (linear time, so no ReDoS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.rules.base import Checker, Option
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from lint.analysis import Analysis


def compile_re2(rule: Rule, pattern: str, case_sensitive: bool, key: str = "regex") -> Any:
    import re2

    options = re2.Options()
    options.case_sensitive = case_sensitive
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error as err:
        detail = err.args[0].decode() if err.args and isinstance(err.args[0], bytes) else err
        raise ConfigError(
            rule.file,
            "regex cannot run on RE2 (linear-time engine; no backreferences or lookaround): "
            f"{detail}",
            *rule.where(key),
        ) from None


class RegexChecker(Checker):
    kind = "regex"
    summary = "Flags text matching a regular expression (RE2 syntax) in prose."
    options: ClassVar[dict[str, Option]] = {
        "regex": Option("string", "RE2 regular expression, searched in prose text.", True),
        "case_sensitive": Option("boolean", "Match exact case (default: ignore case).", False),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        compile_re2(rule, rule.options["regex"], bool(rule.options.get("case_sensitive")))

    def __init__(self, rules: list[Rule], nlp: Any, ruleset: Any):
        super().__init__(rules, nlp, ruleset)
        self.compiled = [
            (
                rule,
                compile_re2(rule, rule.options["regex"], bool(rule.options.get("case_sensitive"))),
            )
            for rule in rules
        ]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for sentence in analysis.sentences:
            for rule, regex in self.compiled:
                if any(sentence.has(feature) for feature in rule.unless):
                    continue
                for match in regex.finditer(sentence.raw):
                    if match.end() <= match.start():
                        continue
                    begin = sentence.start_char + match.start()
                    start, end = analysis.source_span(begin, sentence.start_char + match.end())
                    yield Hit(rule, start, end, {"match": match.group(), "sentence": sentence.text})
