"""`comparison`: token patterns (as kind `pattern`) whose sentence must assert them.

A drug comparison ("works like Xanax", "no need for Adderall") is read with the exclusions of
the disease rule named in `disease_rule` (lint/rules/match/cue_target.py): questions, dismissals,
regulatory statements, reported speech ("regulators rejected the claim that it works like
Prozac") and a negation in the comparison's own clause ("does not work like Xanax"). A
negation elsewhere in the sentence ("works as well as Zoloft, with no weight gain") leaves the
comparison standing; kind `pattern` with `unless: [negated]` dropped the whole sentence.
Two shapes compare drug with drug, not the product: a prescriber as the clause's subject ("my
psychiatrist swapped my Adderall") and a switch to another drug ("switched from metformin to
insulin"); a sentence of advice to see one ("talk to your prescriber") is advice, not a claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.rules.base import Option, span_hit
from lint.rules.kinds.disease import COMPARISONS, build_finders, cue_finder
from lint.rules.kinds.pattern import PatternChecker
from lint.rules.match import claim_grammar as grammar
from lint.rules.match.clauses import clause_start
from lint.rules.match.terms import Terms
from lint.rules.match.windows import anchors
from lint.rules.model import Hit, Rule
from lint.tokens import Identity, token_strings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from lint.analysis import Analysis, Sentence
    from lint.rules.loader import RuleSet
    from lint.rules.match.cue_target import ClaimFinder

WORDS = "string-array"


class ComparisonChecker(PatternChecker):
    kind = "comparison"
    summary = "Flags drug comparisons (token patterns) that their sentence asserts."
    options: ClassVar[dict[str, Option]] = {
        **PatternChecker.options,
        "disease_rule": Option(
            "string",
            "Id of a `disease` rule whose exclusions (reports, dismissals, regulatory words, "
            "negation in the clause) decide whether a sentence asserts a match.",
            required=True,
        ),
        "reports": Option(
            WORDS,
            "Words that report or judge someone else's comparison ('regulators', 'fined for', "
            "'the claim that'): a match after one in its sentence is not asserted. Without "
            "it, the disease rule's `reports`.",
        ),
        "rebuttals": Option(
            WORDS,
            "Words after a match in its sentence that judge the comparison false ('a comparison "
            "pharmacologists reject', 'the comparison does not hold up'): not asserted.",
        ),
        "prescribers": Option(
            WORDS,
            "Who prescribes ('doctor', 'psychiatrist'): a match with one before it in its clause "
            "is the prescriber's act, not the product's ('my psychiatrist swapped my Adderall').",
        ),
        "advice": Option(
            WORDS,
            "Advice to see a prescriber ('talk to your doctor', 'ask your prescriber'): a "
            "sentence with one is advice, not a comparison.",
        ),
        "pronoun_swaps": Option(
            WORDS,
            "A swap whose drug is a pronoun ('got me off it', 'swapped it for'), any "
            "inflection: the comparison of the drug named last before it, in its sentence or "
            "the one before ('I was on Protonix for years. The licorice got me off it.').",
        ),
    }

    starter = """\
message: "'{match}' compares the product with a prescription drug"
# spaCy Matcher token patterns, as for kind `pattern`
patterns:
  - [{LOWER: {IN: [like, rivals, outperforms]}}, {LOWER: {IN: [xanax, valium, ambien]}}]
# the sentence is read with this disease rule's exclusions (negation in the clause, reports)
disease_rule: fda.disease-claim
explain: |
  What it flags: a supplement likened to a sedative ("works like Xanax").
  Why it matters: a drug comparison implies the product treats what the drug treats.
examples:
  flag:
    - "This tea works like Xanax, with no grogginess."
  pass:
    - "This tea does not work like Xanax."
"""

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        super().__init__(rules, nlp, ruleset)
        if self.anchors is not None:  # one rule: window the Matcher on its drug names
            self.anchors = anchors([_widest_first(p) for p in rules[0].options["patterns"]])
        self.readers = {rule.id: self._reader(rule, nlp) for rule in rules}
        self.reports = {
            rule.id: Terms(nlp, rule.options["reports"]) if rule.options.get("reports") else None
            for rule in rules
        }
        self.rebuttals = {rule.id: _terms(nlp, rule, "rebuttals") for rule in rules}
        self.prescribers = {rule.id: _terms(nlp, rule, "prescribers") for rule in rules}
        self.advice = {rule.id: _terms(nlp, rule, "advice") for rule in rules}
        # per rule with pronoun swaps: the swaps, and the drug names its antecedent may be
        self.pronoun_swaps = {
            rule.id: (
                Terms(nlp, rule.options["pronoun_swaps"], lemma=True),
                _largest_word_list(rule.options["patterns"]),
            )
            for rule in rules
            if rule.options.get("pronoun_swaps")
        }
        if len(rules) == 1:  # the disease rule reads this rule's comparisons (`asserted_spans`)
            ruleset.compiled((COMPARISONS, Identity(rules[0])), lambda: self)

    def _reader(self, rule: Rule, nlp: Any) -> ClaimFinder:
        name = rule.options["disease_rule"]
        disease = self.ruleset.by_id().get(name)
        if disease is None or disease.kind != "disease":
            raise ConfigError(
                rule.file,
                f"disease_rule '{name}' is not a rule of kind 'disease'",
                *rule.where("disease_rule"),
            )
        return cue_finder(build_finders(disease, nlp, self.ruleset))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        for rule, start, end in self._asserted(analysis):
            while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in TRAILING):
                end -= 1  # a pattern may end on the punctuation or "but" that closes its phrase
            span = doc[start:end]
            hit = span_hit(rule, analysis, span, analysis.sentence_at(span.start_char))
            if hit is not None:
                yield hit

    def _asserted(self, analysis: Analysis) -> list[tuple[Rule, int, int]]:
        """Asserted matches in text order; touching ones are one comparison ("a replacement
        for sleeping pills like Lunesta"), so one finding. Once per document: the disease rule
        reads them too (lint/rules/match/indication.py)."""
        return analysis.memo((Identity(self), "asserted"), lambda: self._find_asserted(analysis))

    def asserted_spans(self, analysis: Analysis, rule: Rule) -> list[tuple[int, int]]:
        """One rule's asserted comparisons in the document, as token spans."""
        return [(start, end) for found, start, end in self._asserted(analysis) if found is rule]

    def _find_asserted(self, analysis: Analysis) -> list[tuple[Rule, int, int]]:
        doc = analysis.doc
        kept: list[tuple[Rule, int, int]] = []
        for match_id, start, end in sorted(self._matches(analysis), key=lambda m: m[1]):
            rule = self.by_id[self.nlp.vocab.strings[match_id]]
            sentence = analysis.sentence_at(doc[start].idx)
            reader, reports = self.readers[rule.id], self.reports[rule.id]
            if sentence is not None and not reader.asserts(sentence, start, end, reports):
                continue
            if sentence is not None and self._drug_for_drug(rule, reader, sentence, start, end):
                continue
            if sentence is not None and self._rebutted(rule, sentence, end):
                continue
            if kept and kept[-1][0] is rule and kept[-1][1] <= start <= kept[-1][2]:
                kept[-1] = (rule, kept[-1][1], max(end, kept[-1][2]))
            else:
                kept.append((rule, start, end))
        return self._with_antecedents(analysis, kept)

    def _with_antecedents(
        self, analysis: Analysis, kept: list[tuple[Rule, int, int]]
    ) -> list[tuple[Rule, int, int]]:
        """`kept` and, for each asserted pronoun swap, the drug it stands for (one finding per
        drug: a drug already in a comparison adds none)."""
        doc = analysis.doc
        added: list[tuple[Rule, int, int]] = []
        for rule_id, (swaps, drug_words) in self.pronoun_swaps.items():
            rule, reader = self.by_id[rule_id], self.readers[rule_id]
            for start, end in swaps.find(doc):
                sentence = analysis.sentence_at(doc[start].idx)
                if sentence is None or not reader.asserts(sentence, start, end):
                    continue
                if self._drug_for_drug(rule, reader, sentence, start, end):
                    continue
                drug = _antecedent(analysis, reader, drug_words, sentence, start)
                taken = kept + added
                if drug is not None and not any(s < drug[1] and drug[0] < e for _, s, e in taken):
                    added.append((rule, *drug))
        return sorted(kept + added, key=lambda found: found[1]) if added else kept

    def _rebutted(self, rule: Rule, sentence: Sentence, end: int) -> bool:
        """The sentence goes on to judge the comparison false: "sellers describe kava as
        'natural Xanax,' a comparison pharmacologists reject"."""
        rebuttals = self.rebuttals[rule.id]
        span = sentence.span
        return rebuttals is not None and bool(rebuttals.find(span.doc, end, span.end))

    def _drug_for_drug(
        self, rule: Rule, reader: ClaimFinder, sentence: Sentence, start: int, end: int
    ) -> bool:
        """A prescriber's act, a switch to another drug, or advice to see a prescriber."""
        doc, lo, hi = sentence.span.doc, sentence.span.start, sentence.span.end
        advice = self.advice[rule.id]
        if advice is not None and advice.find(doc, lo, hi):
            return True
        prescribers = self.prescribers[rule.id]
        clause_lo = clause_start(doc, lo, start)
        declined = doc[end - 1].lower_ in TRAILING  # "my GP wanted me on Lipitor, but ..."
        if prescribers is not None and not declined and prescribers.find(doc, clause_lo, start):
            return True
        return _switched_to_drug(reader, doc, end, min(hi, end + SWITCH_REACH))


def _antecedent(
    analysis: Analysis,
    reader: ClaimFinder,
    words: frozenset[str],
    sentence: Sentence,
    start: int,
) -> tuple[int, int] | None:
    """The named drug last before token `start`, in its sentence or the one before: a drug
    of the disease rule's or one of the comparison patterns' drug words."""
    doc = analysis.doc
    lowers = token_strings(doc).lower
    spans = [(sentence.span.start, start)]
    if sentence.index > 0:
        before = analysis.sentences[sentence.index - 1].span
        spans.append((before.start, before.end))
    for lo, hi in spans:
        named = reader.drug_spans(doc, lo, hi, subjects=False)
        named += [(i, i + 1) for i in range(lo, hi) if lowers[i] in words]
        named = [d for d in named if not (d[1] - d[0] == 1 and lowers[d[0]] in UNNAMED)]
        if named:
            return max(named)
    return None


def _largest_word_list(patterns: list[list[dict[str, Any]]]) -> frozenset[str]:
    """The longest `IN` word list of the patterns: a comparison rule's drug names."""
    lists = [
        value["IN"]
        for pattern in patterns
        for spec in pattern
        for value in spec.values()
        if isinstance(value, dict) and isinstance(value.get("IN"), list)
    ]
    longest: list[Any] = max(lists, key=len, default=[])
    return frozenset(str(word).lower() for word in longest)


# a drug no one named: "got me off my meds" swaps no drug in particular
UNNAMED = {"meds", "medication", "medications", "drugs", "pills", "pharmaceuticals"}
TRAILING = {"but"}  # "wanted me on Accutane, but ...": the comparison is the drug phrase
SWITCH_REACH = 4  # tokens after a swap in which "for/to <drug>" names what it was swapped for
SWITCH_WORDS = {"for", "to", "onto", "with"}
NOT_SWAPPED = {"no", "zero", "not", "without"}


def _terms(nlp: Any, rule: Rule, key: str) -> Terms | None:
    return Terms(nlp, rule.options[key]) if rule.options.get(key) else None


def _switched_to_drug(reader: ClaimFinder, doc: Doc, end: int, hi: int) -> bool:
    """ "swapped my Adderall for Vyvanse", "switched from metformin to insulin": the drug
    swapped in is another drug."""
    lowers = token_strings(doc).lower
    links = [i for i in range(end, hi) if lowers[i] in SWITCH_WORDS]
    # "the herbal antidepressant, with no prescription": a drug denied is no drug swapped in
    if not links or links[0] + 1 >= hi or lowers[links[0] + 1] in NOT_SWAPPED:
        return False
    drugs = reader.drug_spans(doc, links[0] + 1, hi, subjects=False)
    # the drug swapped in follows the link: "Xanax for kava and Ambien for valerian" swaps
    # kava in (Ambien starts the next swap)
    first = links[0] + 1 + (lowers[links[0] + 1] in SWAP_DETERMINERS)
    return any(d_start <= first for d_start, _ in drugs)


SWAP_DETERMINERS = grammar.DETERMINERS | {"your", "some"}


def _widest_first(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pattern with its longest required word list first, for `anchors` only (which picks
    the first listed spec and ignores order otherwise): "[no, not, never] need ... <drug>"
    anchors on the drug names, not on every "no" and "not" of the text."""

    def size(spec: dict[str, Any]) -> int:
        if spec.get("OP") not in (None, "1"):
            return -1
        value = next(iter(spec.values()), None)
        words = value.get("IN") if isinstance(value, dict) else None
        return len(words) if isinstance(words, list) else 0

    widest = max(range(len(pattern)), key=lambda i: size(pattern[i]))
    return [pattern[widest], *pattern[:widest], *pattern[widest + 1 :]]
