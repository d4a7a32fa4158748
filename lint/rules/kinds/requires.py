"""`requires`: when A appears in a scope, B must appear in the same sentence, paragraph, section
or document; the finding sits on the A that lacks its B.

    when: {phrases: [mg, capsules]}             # phrases | patterns | regex (any mix)
    must: {regex: "talk to (?:your|a) doctor"}
    scope: document                             # sentence | paragraph | section | document
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.positions import split_lines
from lint.rules.base import Checker, Option
from lint.rules.kinds.regex import compile_re2
from lint.rules.match.token_bounds import bounded_matches, check_patterns
from lint.rules.model import Hit, Rule
from lint.rules.spec import TOKEN_PATTERNS

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis
    from lint.rules.loader import RuleSet

SCOPES = ("sentence", "paragraph", "section", "document")
SIDES = ("when", "must")
_MATCH_SPEC = {
    "type": "object",
    "properties": {
        "phrases": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "patterns": TOKEN_PATTERNS,
        "regex": {"type": "string", "minLength": 1},
        "case_sensitive": {"type": "boolean"},
        "lemma": {"type": "boolean"},
    },
    "additionalProperties": False,
    "anyOf": [{"required": ["phrases"]}, {"required": ["patterns"]}, {"required": ["regex"]}],
}
_SPEC_DOC = (
    "`phrases:` (list), `patterns:` (spaCy token patterns) and/or `regex:` (RE2), with optional "
    "`case_sensitive:` and `lemma:` as in kind phrase."
)

Range = tuple[int, int]  # prose offsets [start, end)


class RequiresChecker(Checker):
    kind = "requires"
    summary = "When some text appears in a scope, other text must appear in the same scope."
    options: ClassVar[dict[str, Option]] = {
        "when": Option("object", "What triggers the rule: " + _SPEC_DOC, True, schema=_MATCH_SPEC),
        "must": Option(
            "object",
            "What must then be present in the scope: " + _SPEC_DOC,
            True,
            schema=_MATCH_SPEC,
        ),
        "scope": Option(
            "string",
            "Where `must` has to appear, around each `when` match.",
            default="document",
            choices=SCOPES,
        ),
        "report": Option(
            "string",
            "`first`: one finding per scope that lacks `must`, at its first `when` match "
            "(`{count}` in the message is the number of matches); `every`: one per match.",
            default="first",
            choices=("first", "every"),
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        for side in SIDES:
            spec = rule.options[side]
            if not any(spec.get(key) for key in ("phrases", "patterns", "regex")):
                raise ConfigError(
                    rule.file, f"'{side}' needs phrases, patterns or regex", *rule.where(side)
                )
            check_patterns(rule, spec.get("patterns"), f"{side}.patterns")
            if "regex" in spec:
                compile_re2(rule, spec["regex"], bool(spec.get("case_sensitive")), f"{side}.regex")

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        super().__init__(rules, nlp, ruleset)
        self.sides = {(rule.id, side): _Terms(rule, side, nlp) for rule in rules for side in SIDES}

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for rule in self.rules:
            triggers = self.sides[rule.id, "when"].find(analysis)
            if not triggers:
                continue
            required = self.sides[rule.id, "must"].find(analysis)
            yield from self._missing(rule, analysis, triggers, required)

    def _missing(
        self, rule: Rule, analysis: Analysis, triggers: list[Range], required: list[Range]
    ) -> Iterator[Hit]:
        scope = rule.options.get("scope", "document")
        every = rule.options.get("report", "first") == "every"
        lacking: dict[Range, list[Range]] = {}  # scope range -> its unmatched triggers
        for trigger in triggers:
            sentence = analysis.sentence_at(trigger[0])
            if sentence is not None and any(sentence.has(f) for f in rule.unless):
                continue
            region = scope_range(analysis, scope, trigger[0])
            if not any(region[0] <= s and e <= region[1] for s, e in required):
                lacking.setdefault(region, []).append(trigger)
        for spans in lacking.values():
            for start, end in spans if every else spans[:1]:
                sentence = analysis.sentence_at(start)
                source_start, source_end = analysis.source_span(start, end)
                values = {
                    "match": analysis.doc.text[start:end],
                    "sentence": sentence.text if sentence else "",
                    "count": len(spans),
                    "scope": scope,
                }
                yield Hit(rule, source_start, source_end, values)


def scope_range(analysis: Analysis, scope: str, offset: int) -> Range:
    """The prose range of the sentence / paragraph / section / document around `offset`."""
    if scope == "sentence":
        sentence = analysis.sentence_at(offset)
        if sentence is not None:
            return sentence.start_char, sentence.end_char
    blocks = analysis.document.blocks
    block = analysis.document.block_at(offset)
    if scope in ("sentence", "paragraph") and block is not None:
        return block.start, block.end
    if scope in ("sentence", "paragraph", "section") and block is not None:
        same = [b for b in blocks if b.section == block.section]
        return min(b.start for b in same), max(b.end for b in same)
    return 0, len(analysis.doc.text)


class _Terms:
    """One side (`when` or `must`) of one rule: phrases, token patterns and an RE2 regex."""

    def __init__(self, rule: Rule, side: str, nlp: Any):
        spec = rule.options[side]
        case_sensitive = bool(spec.get("case_sensitive"))
        self.phrase_matcher = self.matcher = self.regex = None
        if spec.get("phrases"):
            from spacy.matcher import PhraseMatcher

            attr = "LEMMA" if spec.get("lemma") else "ORTH" if case_sensitive else "LOWER"
            self.phrase_matcher = PhraseMatcher(nlp.vocab, attr=attr)
            phrases = spec["phrases"]
            docs = list(nlp.pipe(phrases)) if attr == "LEMMA" else map(nlp.make_doc, phrases)
            self.phrase_matcher.add(side, list(docs))
        if spec.get("patterns"):
            self.matcher = _token_matcher(rule, side, spec["patterns"], nlp)
        if spec.get("regex"):
            self.regex = compile_re2(rule, spec["regex"], case_sensitive, f"{side}.regex")

    def find(self, analysis: Analysis) -> list[Range]:
        doc = analysis.doc
        spans: list[Range] = []
        if self.phrase_matcher is not None:
            spans += [(s.start_char, s.end_char) for s in self.phrase_matcher(doc, as_spans=True)]
        if self.matcher is not None:  # token patterns: one capped sentence at a time
            for _, start, end in bounded_matches(self.matcher, analysis):
                spans.append((doc[start:end].start_char, doc[start:end].end_char))
        if self.regex is not None:
            spans += [m.span() for m in self.regex.finditer(doc.text) if m.end() > m.start()]
        return _longest_first(spans)


def _longest_first(spans: list[Range]) -> list[Range]:
    """Drop spans overlapping an earlier, longer one: "buy it on" hides the "buy" inside it."""
    kept: list[Range] = []
    for start, end in sorted(set(spans), key=lambda span: (span[0], span[0] - span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _token_matcher(rule: Rule, side: str, patterns: list[Any], nlp: Any) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab, validate=True)
    try:
        matcher.add(side, patterns)
    except (ValueError, KeyError, TypeError) as err:
        lines = split_lines(str(err).strip())
        detail = next((line for line in lines if "pattern" in line.lower()), "invalid")
        raise ConfigError(
            rule.file, f"invalid token pattern: {detail.strip()}", *rule.where(f"{side}.patterns")
        ) from None
    return matcher
