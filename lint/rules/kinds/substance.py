"""`substance`: substances from the knowledge base dosed or discussed without a caution.

For a rule with `caution: renal`, every substance whose entry lists `renal` and that the
article doses or discusses gets one finding, unless some sentence anywhere in the document
matches one of the rule's `caution_patterns` (paraphrases: "kidney function", "renal
impairment"). The finding sits on the first dose attributed to the substance, or on its first
mention when it is never dosed. With `any_dose: true` the rule ignores the knowledge base and
flags the first dose of the document when no caution sentence exists ("consult a doctor").

A dose belongs to the substances named in its sentence; else to the substance of the last
heading that named one ("## 1. Bacopa ... Unlike caffeine, ... Take 300 mg" doses bacopa); else
to the first substance named in the last sentence before it that named any.
"Discussed" means: dosed, named in a heading, or named in at least `min_mentions` sentences;
a passing mention is not a discussion, and neither is a mention as a comparison target ("a
natural alternative to modafinil", "unlike caffeine").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, cast

from lint.errors import ConfigError
from lint.lazy import cached_property
from lint.rules.base import Checker, Option
from lint.rules.kinds.regex import compile_re2
from lint.rules.knowledge import CAUTIONS, Substance, load_substances, spellings
from lint.rules.match.cautions import (
    about_other_drug,
    denied,
    general,
    other_drug_clause,
    quoted,
    rejects_previous,
)
from lint.rules.match.dosing import (
    UNIT_HEADER,
    bare_dose,
    compared_amount,
    dose_sentences,
    find_doses,
    measured,
)
from lint.rules.match.prescreen import candidates, unanchored
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

    from lint.analysis import Analysis, Sentence
    from lint.rules.loader import RuleSet


@dataclass
class Usage:
    """Where one substance appears in one document (prose offsets)."""

    substance: Substance
    first_mention: tuple[int, int]
    sentences: set[int] = field(default_factory=set)
    in_heading: bool = False
    first_dose: tuple[int, int] | None = None
    heading_dose: tuple[int, int] | None = None  # "Kratom Powder - 250 g": a pack size, first
    counted: bool = False  # the first dose only counts units ("one tablet"): a later amount wins

    @property
    def dosed(self) -> bool:
        return self.first_dose is not None or self.heading_dose is not None

    def discussed(self, min_mentions: int) -> bool:
        return self.dosed or self.in_heading or len(self.sentences) >= min_mentions


@dataclass
class Survey:
    """Substances of one document: where each appears, and what each sentence is about."""

    usages: dict[str, Usage]
    related: list[tuple[str, Any]]  # (substance id, regex of a word that points at it)
    named: list[list[str]]  # per sentence: the substance ids it names, in order
    # per sentence: (id, start, end) of every mention, offsets in the sentence
    mentions: list[list[tuple[str, int, int]]] = field(repr=False)
    sentences: list[Sentence] = field(repr=False)
    family: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def subjects(self) -> list[list[str] | None]:
        """Per sentence: the ids a sentence naming none is about (its paragraph's or section's
        substance), or None when it sits in a general part of the article ("## Safety")."""
        return _subjects(self.sentences, self.named, self.mentions, self.own)

    @cached_property
    def own(self) -> list[list[tuple[str, int, int]]]:
        """Per sentence: the mentions a caution there can be about (`own_mentions`)."""
        return [own_mentions(s.raw, m) for s, m in zip(self.sentences, self.mentions, strict=True)]

    def covered(self, cautions: Iterable[tuple[int, int, int]], due: set[str]) -> set[str] | None:
        """Which of `due` the caution sentences are about; None: all (a general caution).
        Stops reading cautions once every due substance is covered."""
        ids: set[str] = set()
        for index, start, end in cautions:
            raw = self.sentences[index].raw
            if self.mentions[index] and other_drug_clause(raw, start, self.mentions[index]):
                continue  # "... ginkgo, while my brother's stimulants interact with ..."
            mentions = self.own[index]
            if self.mentions[index] and not mentions:
                about = self.subjects[index] or []  # only partners named: the paragraph's own
            elif mentions and start < mentions[0][1] and _PLURAL.match(raw[: mentions[0][1]]):
                about = self.subjects[index] or []  # "Both interact with ..., and X is ..."
            else:
                about = _nearest(mentions, raw, start, end)
            about = about or [sid for sid, term in self.related if term.search(raw)]
            if about:
                ids.update(about)  # "Caffeine tolerance builds fast": caffeine's
                # "magnesium can build up": the magnesium L-threonate it doses too
                ids.update(kin for sid in about for kin in self.family.get(sid, ()))
            elif not about_other_drug(raw):
                subject = self.subjects[index]
                if subject is None or general(raw):
                    return None
                ids.update(subject)
            if due <= ids:
                break
        return ids


class SubstanceChecker(Checker):
    kind = "substance"
    summary = "Flags substances (knowledge base) dosed or discussed with no caution sentence."
    options: ClassVar[dict[str, Option]] = {
        "caution": Option("string", "Knowledge-base caution: " + ", ".join(CAUTIONS) + "."),
        "caution_patterns": Option(
            "string-array",
            "RE2 regexes (ignore case); a sentence matching any gives the caution.",
        ),
        "any_dose": Option("boolean", "Flag the first dose of any substance instead."),
        "caution_rules": Option(
            "string-array",
            "Rules of this kind whose cautions count (their `caution` and `caution_patterns`): "
            "flag each dosed substance listing one of their cautions when the article gives "
            "none of its listed cautions (with `caution_kinds` for the other kinds).",
        ),
        "caution_kinds": Option(
            "object",
            "With `caution_rules`: RE2 regexes for more knowledge-base cautions, by caution "
            "(hepatic, pregnancy); such a caution given also counts.",
            schema={
                "type": "object",
                "propertyNames": {"enum": list(CAUTIONS)},
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        ),
        "unless_rule": Option(
            "string",
            "A rule with `caution_rules`: a substance it flags gets no finding from this one.",
        ),
        "min_mentions": Option(
            "integer", "Sentences naming a substance before it counts as discussed.", default=2
        ),
        "dosed_only": Option(
            "boolean",
            "Only substances the article doses are due; named or discussed is not enough.",
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        caution = rule.options.get("caution")
        listed = "caution_rules" in rule.options
        if not rule.options.get("any_dose") and not listed and caution not in CAUTIONS:
            raise ConfigError(
                rule.file,
                f"'caution' must be one of {', '.join(CAUTIONS)} (or set any_dose: true or "
                "caution_rules)",
                *rule.where("caution" if "caution" in rule.options else None),
            )
        if listed and not rule.options["caution_rules"]:
            raise ConfigError(
                rule.file, "'caution_rules' must not be empty", *rule.where("caution_rules")
            )
        if not listed and not rule.options.get("caution_patterns"):
            raise ConfigError(
                rule.file, "'caution_patterns' must not be empty", *rule.where("caution_patterns")
            )
        for pattern in rule.options.get("caution_patterns") or []:
            compile_re2(rule, pattern, False, key="caution_patterns")
        for kind, patterns in (rule.options.get("caution_kinds") or {}).items():
            if kind not in CAUTIONS or not isinstance(patterns, list) or not patterns:
                raise ConfigError(
                    rule.file,
                    f"caution_kinds: '{kind}' must be one of {', '.join(CAUTIONS)} with a "
                    "non-empty list of regexes",
                    *rule.where("caution_kinds"),
                )
            for pattern in patterns:
                compile_re2(rule, pattern, False, key="caution_kinds")

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        from spacy.matcher import PhraseMatcher

        super().__init__(rules, nlp, ruleset)
        self.substances = {
            s.id: s for s in load_substances(ruleset.knowledge.get("substances", []))
        }
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for substance, names in _spelled(list(self.substances.values())).items():
            # tokenize each name as written and lower-cased: "St." and "st." split differently
            # (tokenizer exceptions are abbreviations and contractions: only those can)
            cased = {v for n in names for v in (n, n.lower()) if v == n or _CASED.search(n)}
            tokenizer = cast("Tokenizer", nlp.tokenizer)  # spaCy types it as a plain callable
            self.matcher.add(substance.id, list(tokenizer.pipe(sorted(cased))))
        self.family = _families(list(self.substances.values()))
        # "Coffee tolerance builds fast": a caution sentence about caffeine that names none
        related = [(s.id, term) for s in self.substances.values() for term in s.related]
        self.related = [
            (sid, re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE))
            for sid, term in related
        ]
        # caution pattern lists by key: a rule's id, or "<rule id>#<caution>" for the lists a
        # `caution_rules` rule reads (its own `caution_kinds` and the named rules' patterns)
        self.patterns: dict[str, list[Any]] = {}
        self.any_caution: dict[str, Any] = {}
        self.prescreen: dict[str, bool] = {}
        self.by_kind: dict[str, dict[str, str]] = {}  # rule id -> caution -> pattern list key
        self.scored: dict[str, set[str]] = {}  # rule id -> the cautions its caution_rules check
        for rule in rules:
            self._add_patterns(rule.id, rule, rule.options.get("caution_patterns") or [])
            if "caution_rules" in rule.options:
                self.by_kind[rule.id] = self._listed_kinds(rule, ruleset)

    def _add_patterns(self, key: str, rule: Rule, patterns: list[str]) -> None:
        self.patterns[key] = [compile_re2(rule, p, False, "caution_patterns") for p in patterns]
        # one search per sentence instead of one per pattern: a match of the alternation exists
        # exactly when one of the patterns matches (None: the list is searched as it is)
        self.any_caution[key] = _alternation(rule, patterns)
        # one search over the whole document first, when exact (lint/rules/match/prescreen.py)
        self.prescreen[key] = unanchored(patterns)

    def _listed_kinds(self, rule: Rule, ruleset: RuleSet) -> dict[str, str]:
        """Caution -> pattern list key, for a `caution_rules` rule: the named rules' (by their
        `caution`) and its own `caution_kinds`."""
        known = ruleset.by_id()
        keys: dict[str, str] = {}
        for name in rule.options["caution_rules"]:
            other = known.get(name)
            caution = other.options.get("caution") if other is not None else None
            if other is None or other.kind != self.kind or caution not in CAUTIONS:
                raise ConfigError(
                    rule.file,
                    f"caution_rules: '{name}' is not a rule of kind 'substance' with a caution",
                    *rule.where("caution_rules"),
                )
            keys[caution] = f"{rule.id}#{caution}"
            self._add_patterns(keys[caution], other, other.options["caution_patterns"])
        self.scored[rule.id] = set(keys)
        for caution, patterns in (rule.options.get("caution_kinds") or {}).items():
            keys[caution] = f"{rule.id}#{caution}"
            self._add_patterns(keys[caution], rule, patterns)
        return keys

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        survey: Survey | None = None
        uncautioned: dict[str, set[str]] = {}  # per caution_rules rule: the substances it flags
        for rule in self.rules:
            if rule.options.get("any_dose"):
                if next(self._caution_sentences(rule.id, analysis), None) is None:
                    yield from self._first_dose(rule, analysis)  # a consult line covers all
                continue
            if survey is None:
                survey = self._survey(analysis)
            if rule.id in self.by_kind:
                flagged = self._uncautioned(rule, analysis, survey)
                uncautioned[rule.id] = {usage.substance.id for usage in flagged}
                yield from (self._hit(rule, analysis, usage) for usage in flagged)
                continue
            skip = self._flagged_by(rule, analysis, survey, uncautioned)
            yield from self._missing(rule, analysis, survey, skip)

    def _missing(
        self, rule: Rule, analysis: Analysis, survey: Survey, skip: set[str]
    ) -> Iterator[Hit]:
        """Substances listing the rule's caution, dosed or discussed, with no such caution."""
        min_mentions = int(rule.options.get("min_mentions", 2))
        dosed_only = bool(rule.options.get("dosed_only"))
        due = [
            usage
            for usage in survey.usages.values()
            if rule.options["caution"] in usage.substance.cautions
            and (usage.dosed if dosed_only else usage.discussed(min_mentions))
            and usage.substance.id not in skip
        ]
        if not due:
            return
        cautions = self._caution_sentences(rule.id, analysis)  # lazy: read as far as needed
        covered = survey.covered(cautions, {usage.substance.id for usage in due})
        if covered is None:
            return
        for usage in due:
            if usage.substance.id not in covered:
                yield self._hit(rule, analysis, usage)

    def _flagged_by(
        self, rule: Rule, analysis: Analysis, survey: Survey, done: dict[str, set[str]]
    ) -> set[str]:
        """The substances the rule's `unless_rule` flags (it must be running, in this checker):
        "no caution at all" is that rule's finding, not one per missing kind."""
        name = rule.options.get("unless_rule")
        if not name:
            return set()
        if name not in done:
            other = next((r for r in self.rules if r.id == name and r.id in self.by_kind), None)
            if other is None:
                return set()
            done[name] = {u.substance.id for u in self._uncautioned(other, analysis, survey)}
        return done[name]

    def _uncautioned(self, rule: Rule, analysis: Analysis, survey: Survey) -> list[Usage]:
        """Dosed substances that list one of the scored cautions and get none of their listed
        cautions (any kind the rule reads: hepatic and pregnancy too)."""
        keys = self.by_kind[rule.id]
        due = {
            sid: usage
            for sid, usage in survey.usages.items()
            if usage.dosed and self.scored[rule.id] & set(usage.substance.cautions)
        }
        for caution, key in keys.items():
            listing = {sid for sid, u in due.items() if caution in u.substance.cautions}
            if not listing:
                continue
            covered = survey.covered(self._caution_sentences(key, analysis), listing)
            if covered is None:
                return []
            for sid in listing & covered:
                del due[sid]
        return list(due.values())

    def _caution_sentences(self, key: str, analysis: Analysis) -> Iterator[tuple[int, int, int]]:
        """(sentence index, start, end) of the first caution match that is not denied ("non-habit
        forming") in each sentence that has one, in order; `key` names the pattern list."""
        combined = self.any_caution[key]
        sentences = analysis.sentences
        if combined is None:
            regexes = self.patterns[key]
            indexes: Iterable[int] = range(len(sentences))
        else:
            regexes = [combined]
            indexes = (
                candidates(combined, analysis) if self.prescreen[key] else range(len(sentences))
            )
        for index in indexes:
            if sentences[index].is_question and _asks(sentences[index].raw):
                continue  # "Does it interact with anything?": the answer says whether it does
            raw = sentences[index].raw
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            same_block = following is not None and following.block is sentences[index].block
            if same_block and following is not None and rejects_previous(following.raw):
                continue  # "You will read that it causes withdrawal. That is a myth."
            found = next(
                (m for regex in regexes for m in regex.finditer(raw) if not denied(raw, *m.span())),
                None,
            )
            if found is not None and sentences[index].is_question and quoted(raw, found.start()):
                continue  # '"It's addictive" - is it?': a claim quoted to be questioned
            if found is not None:
                yield index, found.start(), found.end()

    def _first_dose(self, rule: Rule, analysis: Analysis) -> Iterator[Hit]:
        in_tables = table_doses(analysis)
        for sentence in analysis.sentences:
            doses = _doses(sentence.raw) or in_tables.get(sentence.index, [])
            for start, end in doses:
                begin = sentence.start_char + start
                span = analysis.source_span(begin, sentence.start_char + end)
                dose = sentence.raw[start:end]
                yield Hit(rule, *span, {"match": dose, "dose": dose, "sentence": sentence.text})
                return

    def _survey(self, analysis: Analysis) -> Survey:
        from spacy.util import filter_spans

        in_doc = self._matches_by_start(analysis.doc)
        sentences = analysis.sentences
        named_in: list[list[str]] = []  # substance ids named in each sentence, in order
        where_in: list[dict[str, int]] = []  # first mention of each in its sentence
        mentions_in: list[list[tuple[str, int, int]]] = []
        usages: dict[str, Usage] = {}
        for sentence in sentences:
            named: list[str] = []
            where: dict[str, int] = {}
            mentions: list[tuple[str, int, int]] = []
            spans = _within(analysis.doc, in_doc, sentence.span)
            for span in filter_spans(spans) if spans else ():  # most sentences name none
                sid = span.label_
                offset = sentence.start_char
                mentions.append((sid, span.start_char - offset, span.end_char - offset))
                usage = usages.setdefault(
                    sid, Usage(self.substances[sid], (span.start_char, span.end_char))
                )
                # "# A Gentler Alternative to Modafinil?": a comparison target, in a heading too
                if not _compared_to(sentence.raw, span.start_char - offset):
                    usage.sentences.add(sentence.index)
                    usage.in_heading = usage.in_heading or sentence.is_heading
                if sid not in named:
                    named.append(sid)
                    where[sid] = span.start_char - sentence.start_char
            named_in.append(named)
            where_in.append(where)
            mentions_in.append(mentions)
        survey = Survey(usages, self.related, named_in, mentions_in, sentences, self.family)
        self._attribute_doses(analysis, survey, where_in)
        return survey

    def _attribute_doses(
        self, analysis: Analysis, survey: Survey, where_in: list[dict[str, int]]
    ) -> None:
        """Doses go to the substances named in their sentence, else to the heading's or the
        last naming sentence's substance ("## 1. Bacopa ... Take 300 mg"); in a table, to the
        substance named earlier in the row ("| Bacopa | 300 mg |")."""
        last_named: list[str] = []  # substance ids of the last sentence that named any
        topic: list[str] = []  # the substance of the last heading that named one
        block: Any = None
        subject: list[str] = []  # the substance a sentence of this paragraph is about
        dosed = dose_sentences(analysis)  # the others have no dose: nothing to record
        in_tables = table_doses(analysis)
        for sentence, named in zip(analysis.sentences, survey.named, strict=True):
            if sentence.block is not block:
                block, subject = sentence.block, []
            where = where_in[sentence.index]
            if sentence.is_heading and named:
                topic = named[:1]  # "## 1. Bacopa": the section's doses are bacopa's
            if named:
                last_named = named[:1]  # "X is stronger than Y. Take 10 mg": the dose is X's
                first = named[0]
                if not sentence.is_heading and _leads(sentence.raw[: where[first]]):
                    subject = [first]  # "Phenibut is stronger. Take 500 mg": phenibut's
            elif _in_table(sentence):
                named = last_named or topic
            else:
                named = subject or topic or last_named
            if sentence.index in dosed or sentence.index in in_tables:
                doses = _doses(sentence.raw) or in_tables.get(sentence.index, [])
                mentions = survey.mentions[sentence.index]
                self._record_doses(sentence, named, where, survey.usages, doses, mentions)

    def _matches_by_start(self, doc: Any) -> tuple[list[int], list[tuple[int, int, int]]]:
        """The PhraseMatcher's matches on the whole Doc, once, with their start tokens.

        It scans a Span the way it scans the Doc, stopping at the Span's end: the matches of a
        sentence are exactly the Doc's matches inside it, in the same order.
        """
        matches: list[tuple[int, int, int]] = self.matcher(doc)
        return [start for _, start, _ in matches], matches

    @staticmethod
    def _record_doses(
        sentence: Sentence,
        named: list[str],
        where: dict[str, int],
        usages: dict[str, Usage],
        doses: list[tuple[int, int]],
        mentions: list[tuple[str, int, int]],
    ) -> None:
        """Each substance takes the dose nearest its name ("200 mg of X with 100 mg of Y"), but
        not one written onto another substance ("L-theanine, 100 mg, with the caffeine")."""
        if not doses:
            return
        amounts = [d for d in doses if measured(sentence.raw[d[0] : d[1]])]
        counted = not amounts  # "take one tablet (200 mg)": the amount is the dose
        for sid in named:
            usage = usages[sid]
            if sentence.is_heading and usage.heading_dose:
                continue
            if usage.first_dose is not None and (counted or not usage.counted):
                continue
            own = [d for d in amounts or doses if _bound(sentence.raw, d, mentions) in (None, sid)]
            if sid not in where:  # not named here: "I also take 20 mg of sertraline" is not its
                own = [d for d in own if not _onto_other(sentence.raw, d)]
            if not own:
                continue
            mention = where.get(sid, 0)
            start, end = min(own, key=lambda d: min(abs(d[0] - mention), abs(d[1] - mention)))
            span = (sentence.start_char + start, sentence.start_char + end)
            if sentence.is_heading:
                usage.heading_dose = span  # a product title's size; a dose in prose comes first
            else:
                usage.first_dose, usage.counted = span, counted

    def _hit(self, rule: Rule, analysis: Analysis, usage: Usage) -> Hit:
        dose = usage.first_dose or usage.heading_dose
        if usage.counted and usage.heading_dose is not None:
            dose = usage.heading_dose  # "## L-Tyrosine 500 mg" over "take two capsules"
        dosed = dose is not None
        prose_start, prose_end = dose or usage.first_mention
        start, end = analysis.source_span(prose_start, prose_end)
        values = {
            "match": analysis.document.prose[prose_start:prose_end],  # == doc.text, not rebuilt
            "substance": usage.substance.name[:1].upper() + usage.substance.name[1:],
            "class": usage.substance.klass,
            "how": "dosed" if dosed else "discussed",
            "source": usage.substance.source,
        }
        return Hit(rule, start, end, values)


def _doses(raw: str) -> list[tuple[int, int]]:
    """The doses of a sentence, minus amounts only compared with ("felt like 100 mg of
    caffeine": no caffeine is taken)."""
    return [span for span in find_doses(raw) if not compared_amount(raw, span[0])]


def table_doses(analysis: Analysis) -> dict[int, list[tuple[int, int]]]:
    """Bare numbers in table cells under a header that gives the unit ("Dose (mg)" ... "300"),
    by sentence index; once per document."""
    return analysis.memo(table_doses, lambda: _table_doses(analysis))


def _table_doses(analysis: Analysis) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    unit = False  # the current table's header gave a unit
    for sentence in analysis.sentences:
        if not _in_table(sentence):
            unit = False
            continue
        if UNIT_HEADER.search(sentence.raw):
            unit = True
        elif unit and (span := bare_dose(sentence.raw)) is not None:
            found[sentence.index] = [span]
    return found


# a yes/no question asks; "Kidney disease? Ask your doctor." warns
# "a natural alternative to modafinil", "unlike caffeine", "instead of phenibut": the substance
# is what the article's product replaces or is measured against, not a subject it recommends;
# such a mention does not count towards "discussed" (a dose or a heading still does). "X vs Y"
# is left out: a comparison article discusses both
_COMPARED_TO = re.compile(
    r"\b(?:alternatives? to|substitutes? for|replacements? for|swap(?:ped)? for|instead of|in place"
    r" of|rather than|unlike|compared (?:to|with)|than|similar to|as (?:strong|good"
    r"|effective) as)\s+(?:the\s+|a\s+|your\s+|my\s+|prescription\s+|synthetic\s+|harsh\s+)*$",
    re.IGNORECASE,
)


def _bound(raw: str, dose: tuple[int, int], mentions: list[tuple[str, int, int]]) -> str | None:
    """The substance a dose is written onto ("L-theanine, 100 mg", "Noopept (10 mg)", "100 mg
    of caffeine"), or None; "X and Y, 300 mg each" binds to neither."""
    start, end = dose
    if _EACH.match(raw, end):
        return None
    # "8 mg of galantamine, 200 mcg of huperzine A": the amount before a name binds first
    before = (
        sid
        for sid, m_start, _ in mentions
        if end <= m_start and _BOUND_BEFORE.fullmatch(raw, end, m_start)
    )
    after = (
        sid
        for sid, _, m_end in mentions
        if m_end <= start and _BOUND_AFTER.fullmatch(raw, m_end, start)
    )
    return next(before, None) or next(after, None)


def _onto_other(raw: str, dose: tuple[int, int]) -> bool:
    """The dose is written onto a prescription drug named by its INN stem ("20 mg of
    sertraline"), not onto words that stand for the section's substance ("1,000 mg of
    fruiting-body extract", "5 mg of elemental lithium")."""
    onto = _ONTO.match(raw, dose[1])
    return onto is not None and _DRUG_STEM.search(onto.group(1)) is not None


_ONTO = re.compile(r"\s+of\s+([A-Za-z][\w-]+)")
# WHO INN stems of prescription classes, three letters at least before them (as in
# rules/fda/drug-comparison.yaml's generic-drug patterns)
_DRUG_STEM = re.compile(
    r"^[a-z]{3,}(?:mycin|cillin|floxacin|cycline|prazole|sartan|olol|pril|dipine|vastatin|azepam"
    r"|azolam|oxetine|traline|triptan|clovir|glutide|gliflozin|gliptin|formin|coxib|setron"
    r"|lukast|codone|peridol|triptyline|ipramine|semide|thiazide|xaban|nisone|methasone|pezil"
    r"|phetamine|phenidate|pidem|trigine|gabalin|zodone|umab|inib)$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(r"\W{0,3}")
_BOUND_BEFORE = re.compile(r"\s+(?:of\s+)?(?:the\s+|pure\s+)?")
_EACH = re.compile(r"\W*(?:each|apiece|of each|per)", re.IGNORECASE)


def _compared_to(raw: str, start: int) -> bool:
    """The mention at raw[start:] is only a comparison target ("an alternative to modafinil")."""
    return _COMPARED_TO.search(raw[max(0, start - 40) : start]) is not None


_ASKS = re.compile(
    r"^\W*(?:does|do|is|are|can|could|will|would|should|has|have|was|were)\b", re.IGNORECASE
)


def _asks(raw: str) -> bool:
    """A yes/no question, or one whose last clause is ("What about noopept, do I need to cycle
    it?")."""
    return _ASKS.match(raw) is not None or _ASKS.match(raw.rpartition(",")[2]) is not None


_CASED = re.compile(r"[.'’]")


def _families(substances: list[Substance]) -> dict[str, list[str]]:
    """Each substance's more specific forms, whose names start with its name ("magnesium" ->
    "magnesium L-threonate"): a caution naming the general one is theirs too."""
    family: dict[str, list[str]] = {}
    for general_one in substances:
        head = general_one.name.lower() + " "
        for other in substances:
            if other is not general_one and any(n.lower().startswith(head) for n in other.names):
                family.setdefault(general_one.id, []).append(other.id)
    return family


def _spelled(substances: list[Substance]) -> dict[Substance, list[str]]:
    """Each substance's names and their spellings ("5HTP"), minus any spelling that is the
    name of another substance."""
    named = {s: s.names for s in substances}  # the property builds the tuple on each call
    listed = {name.lower(): s.id for s, names in named.items() for name in names}
    result: dict[Substance, list[str]] = {}
    for substance in substances:
        names = result.setdefault(substance, [])
        for name in named[substance]:
            for variant in spellings(name):
                if listed.get(variant.lower(), substance.id) == substance.id and len(variant) > 2:
                    names.append(variant)
    return result


def _subjects(
    sentences: list[Sentence],
    named_in: list[list[str]],
    mentions_in: list[list[tuple[str, int, int]]],
    own_in: list[list[tuple[str, int, int]]],
) -> list[list[str] | None]:
    """What each sentence is about: the substances it names; else the one that leads the last
    naming sentence of its paragraph ("Adrafinil lasts all day. ... it is converted to
    modafinil ... It weakens birth control": adrafinil's); in a table, those named earlier in
    the row; else those of the nearest enclosing section heading (not the title) that names
    any; else None (general)."""
    subjects: list[list[str] | None] = []
    headings: list[tuple[int, list[str]]] = []  # (level, ids) of the open headings
    block: Any = None
    heading_block: Any = None
    lead: list[str] = []  # the substance that leads a sentence of this paragraph
    group: list[str] = []  # the substances listed with it ("Rhodiola and ashwagandha are ...")
    in_row: list[str] = []  # named in the current table, most recent cell
    rows = zip(sentences, named_in, mentions_in, own_in, strict=True)
    for sentence, named, mentions, own in rows:
        if sentence.is_heading:
            group = []  # "Both ..." reaches back across paragraphs, not across sections
        if sentence.block is not block:
            block, lead = sentence.block, []
            if not _in_table(sentence):
                in_row = []
        if sentence.is_heading:
            if block is not heading_block:
                heading_block = block
                while headings and headings[-1][0] >= block.level:
                    headings.pop()
                headings.append((block.level, []))
            headings[-1][1].extend(named)
        plural = len(group) > 1 and _PLURAL.match(sentence.raw) is not None
        if named and not sentence.is_heading and not own:
            named, mentions = [], []  # "It must never be combined with St John's wort": its
        if named:
            sid, start, _ = mentions[0]
            if plural and _PLURAL.match(sentence.raw[:start]):
                # "Both can interact with blood thinners, and piracetam is ...": the pair first
                subjects.append(list(dict.fromkeys(group + named)))
                continue
            if _leads(sentence.raw[:start]):
                lead = [sid]
                listed = _listed_group(sentence.raw, mentions)
                group = listed if len(listed) > 1 else group
            in_row = named if _in_table(sentence) else in_row
            subjects.append(named)
        elif lead or plural:
            # "Rhodiola and ashwagandha ... Both can interact with ...": every one listed
            plural = plural or (len(group) > 1 and _PLURAL.search(sentence.raw) is not None)
            subjects.append(group if plural else lead)
        elif _in_table(sentence) and in_row:
            subjects.append(in_row)
        else:
            # the title (level 1) is the whole article's topic: a caution under it alone is general
            topic = (ids for level, ids in reversed(headings) if ids and level > 1)
            subjects.append(next(topic, None))
    return subjects


# a plural reference back to substances listed together: "Both can ...", "cycle them"
_PLURAL = re.compile(
    r"\W*(?:\w+\W+){0,3}?\b(?:both|them|they|their|either|each|these two|the two|all three"
    r"|the pair)\b",
    re.I,
)


def _listed_group(text: str, mentions: list[tuple[str, int, int]]) -> list[str]:
    """The substances listed together from the first mention on ("X and Y", "X, Y and Z")."""
    group = [mentions[0][0]]
    for before, after in itertools.pairwise(mentions):
        if not _LISTED.match(text[before[2] : after[1]]):
            break
        group.append(after[0])
    return list(dict.fromkeys(group))


def _nearest(mentions: list[tuple[str, int, int]], text: str, start: int, end: int) -> list[str]:
    """The substance named nearest the caution words, with those listed beside it ("Unlike
    caffeine, where tolerance builds fast, ginseng is gentle": caffeine's; "phenibut and kratom
    both cause withdrawal": both)."""
    if len({sid for sid, _, _ in mentions}) < 2:
        return [sid for sid, _, _ in mentions[:1]]

    def distance(mention: tuple[str, int, int]) -> int:
        _, m_start, m_end = mention
        return max(m_start - end, start - m_end, 0)

    order = sorted(range(len(mentions)), key=lambda i: distance(mentions[i]))
    chosen = {order[0]}
    for step in (-1, 1):  # walk along a list: "X, Y and Z"
        i = order[0]
        while 0 <= i + step < len(mentions):
            a, b = sorted((i, i + step))
            if not _LISTED.match(text[mentions[a][2] : mentions[b][1]]):
                break
            i += step
            chosen.add(i)
    return list(dict.fromkeys(mentions[i][0] for i in sorted(chosen)))


def own_mentions(text: str, mentions: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The mentions a caution can be about: not a substance named as the interaction's partner
    ("kanna ... must never be combined with SSRIs, St John's wort or tramadol"; "It should not
    be mixed with 5-HTP": the paragraph's substance, not 5-HTP)."""
    kept, last, partner = [], 0, False
    for mention in mentions:
        between = text[last : mention[1]]
        # a partner, or the next in a list of partners ("with 5-HTP or St John's wort")
        partner = bool(_PARTNER.search(between)) or (partner and bool(_LISTED.match(between)))
        if not partner:
            kept.append(mention)
        last = mention[2]
    return kept


_PARTNER = re.compile(
    r"\b(?:combin\w*|mix\w*|tak\w*|stack\w*|pair\w*|interact\w*)\b[^.;]*\b(?:with|alongside)\b",
    re.IGNORECASE,
)
_LISTED = re.compile(r"^(?:\s*(?:,|/|&|\+|and|or|plus|with|nor)\s*)+$|^\s*$", re.IGNORECASE)


# words before a name that still leave it the sentence's subject: "Then phenibut ...", "Take
# kratom ..."; "Unlike caffeine, it ..." and "Compared with caffeine" do not
_LEAD = re.compile(
    r"^\W*(?:(?!(?:unlike|like|than|versus|vs|compared|instead|besides|except)\b)"
    r"[\w'’]+\s+){0,3}$",
    re.IGNORECASE,
)


def _leads(prefix: str) -> bool:
    """The name after `prefix` is the sentence's subject; a short introductory phrase may come
    first ("In one small trial, ashwagandha lowered ...", "At night, phenibut ...")."""
    if "," in prefix:
        intro, _, prefix = prefix.rpartition(",")
        if len(intro.split()) > _INTRO_WORDS or _COMPARING.search(intro):
            return False
    return bool(_LEAD.match(prefix))


_INTRO_WORDS = 6
_COMPARING = re.compile(r"\b(?:unlike|like|than|versus|vs|compared|instead|besides|except)\b", re.I)


def _in_table(sentence: Sentence) -> bool:
    return sentence.block is not None and sentence.block.kind == "table_cell"


def _within(doc: Any, in_doc: tuple[list[int], list[tuple[int, int, int]]], span: Any) -> list[Any]:
    """What `matcher(span, as_spans=True)` returns, taken from the Doc's matches."""
    starts, matches = in_doc
    first = bisect.bisect_left(starts, span.start)
    last = bisect.bisect_left(starts, span.end, first)
    if first == last:
        return []
    from spacy.tokens import Span

    return [
        Span(doc, start, end, label=key)
        for key, start, end in matches[first:last]
        if end <= span.end
    ]


def _alternation(rule: Rule, patterns: list[str]) -> Any:
    if not patterns:
        return None
    try:
        return compile_re2(rule, "|".join(f"(?:{p})" for p in patterns), False, "caution_patterns")
    except ConfigError:  # e.g. a group name used twice: search the patterns one by one
        return None
