"""`regex`: regular expressions over prose, run by RE2 (linear time, so no ReDoS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.rules.base import Checker, Option
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis
    from lint.rules.loader import RuleSet


def compile_re2(rule: Rule, pattern: str, case_sensitive: bool, key: str = "regex") -> Any:
    import re2

    options = re2.Options()
    options.case_sensitive = case_sensitive
    options.log_errors = False
    try:
        return quick_misses(re2.compile(pattern, options))
    except re2.error as err:
        detail = err.args[0].decode() if err.args and isinstance(err.args[0], bytes) else err
        raise ConfigError(
            rule.file,
            "regex cannot run on RE2 (linear-time engine; no backreferences or lookaround): "
            f"{detail}",
            *rule.where(key),
        ) from None


def quick_misses(compiled: Any) -> Any:
    """`compiled` (an re2 pattern) behind QuickMisses, or itself where re2's internals differ."""
    import re2

    internals = all(hasattr(re2, name) for name in ("_Anchor", "_NULL_SPAN"))
    if not internals or not hasattr(getattr(compiled, "_regexp", None), "Match"):
        return compiled
    return QuickMisses(compiled)


class QuickMisses:
    """An re2 pattern whose `search` and `finditer` answer a miss with one C call.

    Most searches miss: a rule's patterns run on every sentence. The google-re2 wrapper sets up
    a generator, a position table and the UTF-8 copy of the text on every call, which cost
    more than RE2's matching (issue 17). Here a whole-text call first asks RE2 itself, on the
    text's UTF-8 (encoding a sentence costs far less than the wrapper's set-up).

    Proof of the same results: with `pos` and `endpos` unset, re2's `_match` starts at encoded
    position CharLenToBytes(text, 0, 0) == 0 and ends at len(encoded) (its "common case"), and
    its first step is `self._regexp.Match(anchor, encoded, 0, len(encoded))`; a null first span
    ends it with nothing yielded, so `search` returns None and `finditer` yields nothing. That
    same call is made here, and only when it reports a match (or when `pos`/`endpos` are given)
    does the original method run, from the start, giving its own result. Everything else
    (`match`, `sub`, `pattern`, pickling) is the original pattern's. Tested against plain re2
    on the built-in rules' patterns in tests/test_regex_quick.py.
    """

    __slots__ = ("_match", "_null", "_unanchored", "compiled")

    def __init__(self, compiled: Any):
        import re2

        self.compiled = compiled
        self._match = compiled._regexp.Match
        self._unanchored = re2._Anchor.UNANCHORED  # type: ignore[attr-defined]
        self._null = re2._NULL_SPAN  # type: ignore[attr-defined]

    def _misses(self, text: Any) -> bool:
        if type(text) is not str:
            return False
        encoded = text.encode("utf-8")
        return bool(self._match(self._unanchored, encoded, 0, len(encoded))[0] == self._null)

    def search(self, text: Any, pos: int | None = None, endpos: int | None = None) -> Any:
        if pos is None and endpos is None and self._misses(text):
            return None
        return self.compiled.search(text, pos, endpos)

    def finditer(self, text: Any, pos: int | None = None, endpos: int | None = None) -> Any:
        if pos is None and endpos is None and self._misses(text):
            return iter(())
        return self.compiled.finditer(text, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        if name == "compiled":  # not set yet (copy, unpickle): no recursion
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[Any, tuple[Any]]:
        return QuickMisses, (self.compiled,)


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

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
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
