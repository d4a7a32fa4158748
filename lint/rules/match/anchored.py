"""Claims anchored on the condition: a disease named in a sentence about the product.

The cue families (lint/rules/match/cue_target.py) find a claim by its verb; every new text finds
new verbs ("demolished my bronchitis", "cuts asthma attacks in half"). Here the condition is the
anchor: a condition from the vocabulary, in the same clause as a product word ("mullein tea",
"our capsules", a brand such as "BreatheEZ") or after a product label ("Garlic: keeps heart
disease away"), is a claim unless a negative context applies. Each context is a named
predicate below (question, negation, reported speech, regulator register, a drug as subject,
epidemiology, definition, history, doctor advice, personal context, caution, a non-disease,
neutral research); their words come from the rule's `open_claims` mapping, so only grammar lives
here. The product and the condition must share a clause, the product first, or the condition
be someone's ("my psoriasis cleared up after fish oil"): mere co-occurrence across clauses
("we donate to cancer research", "..., which matters for anyone with celiac disease") is not a
claim.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from lint import budget
from lint.rules.match import claim_grammar as grammar
from lint.rules.match.clauses import (
    clause_end,
    clause_start,
    others_reports,
    quoted_tokens,
    reports_in,
    seller_quoted,
)
from lint.rules.match.cue_target import (
    CLAIM_NEGATIONS,
    Claim,
    ClaimFinder,
    _joined,
    list_items,
)
from lint.rules.match.directions import direction_claims
from lint.rules.match.fronted import AnswerCues, fronted_claims
from lint.rules.match.lead_lists import lead_list_claims
from lint.rules.match.pair_exclusions import (
    COMPARISON_WORDS,
    MEASURED,
    STANDS_IN,
    occasional_symptom,
    rebuts,
)
from lint.rules.match.tables import table_claims
from lint.rules.match.terms import Terms
from lint.tokens import token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lint.analysis import Analysis, Sentence

# the named word lists of `open_claims` (rule YAML), one per negative context
CONTEXTS = (
    "refuted",
    "regulator",
    "epidemiology",
    "definition",
    "history",
    "advice",
    "personal",
    "caution",
    "research",
    "institution",
    "not_products",
    "recommend",
    "lab",
    "extrapolated",
    "under_study",
)
OWNERS = {"my", "his", "her", "their", "your", "our", "'s", "’s", "mom's", "son's"}
SELLER = {"our", "we"}  # the seller's own study is the seller's claim: "in our trial"
LABEL_MARKS = {":", "–", "—", "-"}  # "Garlic: keeps heart disease away", "Zinc – shortens"
LABEL_WORDS = 5  # a list row's label is short
REACH = 14  # tokens between a product and its condition
# words that measure a product against a drug ("better than Xanax", "outperforms modafinil")
# what may stand between a comparison word and its drug: "than the Valtrex", "than that Xanax"
DETERMINERS = grammar.DETERMINERS | {"your", "that"}
MAX_PRODUCTS = 64  # product words read per sentence: a pathological sentence stays linear
NARRATIVE_WORDS = 3  # words outside the quotes that make a quoted claim someone's reported words
# too general to anchor a claim alone: "for nail and skin infections" says what kind, not which
GENERIC = {"infection", "infections", "disease", "diseases", "illness", "illnesses", "condition"}
JOINS = {"and", "or", "&", "/", "vs", "vs.", "versus", "+", "the", "a", "an"}
HYPOTHETICAL = {"if", "whether", "unless"}
DEFINING = {"is", "are", "refers", "means"}
DEFINED_AS = {"a", "an", "the", "one", "caused", "when", "characterized", "defined"}
# the writer or seller speaking of the product now: "our elderberry", "this tea", "cured my"
CLAIMANT = {
    "our",
    "we",
    "us",
    "this",
    "these",
    "my",
    "i",
    "me",
    "i've",
    "i'm",
    "you",
    "your",
    "clinically",
    "proven",
}
NOT_A_CAUTION = {"-", "non", "no", "zero", "low"}  # "non-toxic", "no risk", "low-risk"
PAST_WORDS = {"was", "were", "once", "did", "drank", "ate", "gave", "took", "wrote", "believed"}
PRESENT_AUXILIARIES = {"is", "are", "am", "be", "been", "being", "has", "have", "get", "gets"}
NATURAL_COURSE = {
    ("on", "its", "own"),
    ("on", "their", "own"),
    ("by", "itself", "."),
    ("went", "away", "naturally"),
}
HISTORIC_BEFORE = 1950
GONE_REACH = 7  # tokens before a condition read for "haven't had a single ..."
HAVE_VERBS = {
    "have",
    "had",
    "has",
    "get",
    "got",
    "gets",
    "gotten",
    "getting",
    "experienced",
    "suffered",
    "needed",
    "seen",
    "felt",
}
PAST_HAVE = {"had", "got", "gotten", "experienced", "suffered", "needed", "seen", "felt"}
SINCE_WORDS = {"since", "anymore", "again"}
NEVER_CAME = {
    "came",
    "come",
    "returned",
    "developed",
    "arrived",
    "showed",
    "hit",
    "happened",
    "materialized",
    "materialised",
    "took",
}
QUANTIFIERS = {"a", "an", "one", "single", "another", "any", "more", "of", "bad", "real"}
GONE_PAIRS = {
    ("no", "more"),
    ("no", "longer"),
    ("not", "one"),
    ("not", "a"),
    ("goodbye", "to"),
    ("bye", "to"),
    ("free", "of"),
    ("rid", "of"),
    ("zero", "more"),
}  # a year before this is history: "During the 1918 pandemic"
INVERTED_IF = {"should", "were", "had"}  # "Should fish oil prevent heart attacks, ..."
IMAGINED = {"imagine", "suppose", "picture"}
MODALS = {"could", "would", "might"}


class SentenceContexts(dict[str, list[tuple[int, int]]]):
    """The matches of each `open_claims` word list in one sentence, found when a predicate first
    asks: most conditions have no product anchor, and `any()` over the predicates stops early,
    so most lists are never searched. A list the rule does not give has no matches."""

    def __init__(self, contexts: dict[str, Terms], doc: Doc, lo: int, hi: int) -> None:
        super().__init__()
        self.contexts, self.doc, self.lo, self.hi = contexts, doc, lo, hi

    def __missing__(self, name: str) -> list[tuple[int, int]]:
        terms = self.contexts.get(name)
        self[name] = [] if terms is None else terms.find(self.doc, self.lo, self.hi)
        return self[name]


@dataclass
class Mention:
    """One condition in one sentence, with what the predicates read about it."""

    doc: Doc
    sentence: Sentence
    start: int  # the condition's tokens [start, end)
    end: int
    lowers: list[str]
    clause_lo: int
    clause_hi: int
    anchor: tuple[int, int] | None = None  # the product words tied to the condition
    own: tuple[int, int] | None = None  # a cue claim's own words: never its context ("risk")
    found: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # SentenceContexts

    @property
    def lo(self) -> int:
        return self.sentence.span.start

    @property
    def hi(self) -> int:
        return self.sentence.span.end


@dataclass
class AnchoredFinder:
    """Conditions in sentences about the product, read with named negative contexts."""

    conditions: Terms
    products: Terms
    contexts: dict[str, Terms]
    reader: ClaimFinder  # lends questions, dismissals, regulatory statements, reports, drugs
    label: str = "claim"
    answer_cues: AnswerCues | None = None  # more ways a topic question's answer claims

    def find(self, analysis: Analysis) -> Iterator[Claim]:
        doc = analysis.doc
        targets = _joined(self.conditions.find(doc))
        if not targets:
            return
        products = self.products.find(doc)
        sentences = analysis.sentences
        starts = [s.span.start for s in sentences]
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for target in targets:
            index = bisect.bisect_right(starts, target[0]) - 1
            if index >= 0 and target[1] <= sentences[index].span.end:
                by_sentence.setdefault(index, []).append(target)
        for index, found in by_sentence.items():
            budget.check()  # a stale or overlong lint stops here, not after the whole document
            span = sentences[index].span
            # brands only where a condition is: a scan of every token costs more than the rest
            first = bisect.bisect_left(products, (span.start, span.start))
            last = bisect.bisect_left(products, (span.end, span.end), first)
            near = products[first : min(last, first + MAX_PRODUCTS)]  # bounded: linear
            near = sorted(near + self._brands(doc, span.start, span.end))
            yield from self._in_sentence(sentences[index], found, near)
        yield from fronted_claims(
            analysis, targets, self._names_product, self.reader, self.answer_cues
        )
        yield from table_claims(analysis, targets)
        yield from lead_list_claims(analysis, targets, self._names_product, self.reader)
        yield from direction_claims(analysis, targets, self.reader)

    def _names_product(self, doc: Doc, lo: int, hi: int) -> bool:
        return bool(self.products.find(doc, lo, hi) or self._brands(doc, lo, hi))

    def _brands(self, doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
        """Run-together product names with a capital inside ("BreatheEZ", "SlumberLeaf")."""
        texts = token_strings(doc).text
        found = [(i, i + 1) for i in range(lo, hi) if _camel(texts[i])]
        terms = self.contexts.get("not_products")
        if not found or terms is None:
            return found
        excluded = {s for s, _ in terms.find(doc, lo, hi)}
        return [b for b in found if b[0] not in excluded]

    def _in_sentence(
        self, sentence: Sentence, targets: list[tuple[int, int]], products: list[tuple[int, int]]
    ) -> Iterator[Claim]:
        lo, hi = sentence.span.start, sentence.span.end
        near = products[:MAX_PRODUCTS]
        doc = sentence.span.doc
        drugs = self.reader.drug_spans(doc, lo, hi)[:MAX_PRODUCTS]
        if not (near or drugs) or self.sentence_excluded(sentence):
            return
        found = SentenceContexts(self.contexts, doc, lo, hi)
        lowers = token_strings(doc).lower
        quoted = quoted_tokens(doc, lo, hi)
        seller = self._seller_quote(doc, lo, hi, quoted)
        covered = lo
        for start, end in targets:
            if end - start == 1 and lowers[start] in GENERIC:
                continue
            mention = Mention(
                doc,
                sentence,
                start,
                end,
                lowers,
                clause_start(doc, lo, start),
                clause_end(doc, hi, end),
                found=found,
            )
            mention.anchor = (
                product_anchor(mention, near)
                or label_anchor(mention, near)
                or absence_anchor(mention, near)
                or compared_anchor(mention, drugs)
                or since_anchor(mention, near)
            )
            if mention.anchor is None or self._negative(mention, seller and start in quoted):
                continue
            if self.about_drug(mention) or self.reported(mention, quoted):
                continue
            if start < covered:
                continue
            # one claim per list of conditions, as for cues: "Cat's claw: Lyme disease, herpes"
            items = list_items(doc, end, hi, targets)
            covered = items[-1][1] if items else end
            cue = doc[mention.anchor[0] : mention.anchor[1]].text
            yield Claim(sentence, start, covered, cue, doc[start:end].text, self.label, items)

    def cue_excluded(self, claim: Claim, drug_story: bool = True) -> bool:
        """Whether a claim found by a cue is only a mention by the named contexts of
        CUE_CONTEXTS: the claim's own words never count as its context. `drug_story` False
        leaves out the contexts that read a drug's history or cautions, and a cause named
        elsewhere: for a drug's use in a comparison, that story is the comparison's."""
        sentence = claim.sentence
        lo, hi = sentence.span.start, sentence.span.end
        doc = sentence.span.doc
        mention = Mention(
            doc,
            sentence,
            claim.start,
            claim.end,
            token_strings(doc).lower,
            clause_start(doc, lo, claim.start),
            clause_end(doc, hi, claim.end),
            found=self._contexts(sentence),
            own=(claim.start, claim.end),
        )
        quoted = quoted_tokens(doc, lo, hi)
        seller = {claim.start, claim.end - 1} <= quoted and self._seller_quote(doc, lo, hi, quoted)
        tests = CUE_CONTEXTS if drug_story else CUE_CONTEXTS_LESS_DRUG_STORY
        return any(
            test(mention) for test in tests if not (seller and test is regulator_register)
        ) or (drug_story and self.cause_elsewhere(mention))

    def cause_elsewhere(self, m: Mention) -> bool:
        """A condition that went away with no product in sight: "My eczema cleared up on its
        own", or after a drug or therapy the sentence before names ("I started yoga in May.
        My eczema cleared up by July."). A product in either sentence keeps the claim."""
        doc = m.doc
        if self.products.find(doc, m.lo, m.hi) or self._brands(doc, m.lo, m.hi):
            return False
        if any(tuple(m.lowers[i : i + 3]) in NATURAL_COURSE for i in range(m.lo, m.hi - 2)):
            return True
        index = m.sentence.index
        if index == 0:
            return False
        before = m.sentence.analysis.sentences[index - 1].span
        if self.products.find(doc, before.start, before.end):
            return False
        if self._brands(doc, before.start, before.end):
            return False
        return self._other_cure(doc, before.start, before.end)

    def _other_cure(self, doc: Doc, lo: int, hi: int) -> bool:
        return bool(self.reader.drug_spans(doc, lo, hi))

    def _contexts(self, sentence: Sentence) -> SentenceContexts:
        return SentenceContexts(
            self.contexts, sentence.span.doc, sentence.span.start, sentence.span.end
        )

    def sentence_excluded(self, sentence: Sentence) -> bool:
        """A question, the disclaimer, a dismissal or a regulatory statement (the cue rules')."""
        return sentence.is_question or self.reader._mentions_only(sentence)

    def _seller_quote(self, doc: Doc, lo: int, hi: int, quoted: set[int]) -> bool:
        if not quoted or self.reader.reports is None:
            return False
        return seller_quoted(doc, lo, hi, quoted, self.reader.reports.find(doc, lo, hi))

    @staticmethod
    def _negative(m: Mention, seller_quote: bool) -> bool:
        """A named negative context; a seller's words quoted back to the seller are not in the
        regulator's register that frames them ('On your website: "..."')."""
        if not seller_quote:
            return any(test(m) for test in NEGATIVE_CONTEXTS)
        return any(
            test(m)
            for test in NEGATIVE_CONTEXTS
            if test is not regulator_register and test is not refuted
        ) or _refuted_after(m)

    def reported(self, m: Mention, quoted: set[int]) -> bool:
        """Someone else's words: a report before the condition ("marketed as", "were told"), a
        quoted study title, or a quoted claim inside a narrative ('the founder said: "Our tea
        cures the flu."'); a quoted claim standing alone, or quoted back to its seller ('your
        Instagram account posted: "..."'), stays a claim."""
        reader, doc = self.reader, m.doc
        reports = reports_in(reader.reports, doc, m.lo, m.hi)
        titled = reader._has(reader.title_words, doc, m.lo, m.hi)
        # a title that only locates the claims listed next ('... a post titled "X":')
        locating = titled and m.lowers[m.hi - 1] == ":"
        if m.start in quoted and not locating and seller_quoted(doc, m.lo, m.hi, quoted, reports):
            return False  # 'On your website: "Cures arthritis."' (a warning letter's list)
        reports = others_reports(doc, m.lo, reports)
        if any(r_start < m.end for r_start, _ in reports):
            return True
        if rebuts(reader.rebuttals, doc, m.end, m.hi):
            return True  # "..., but I'm pretty sure it was the physical therapy"
        if m.start not in quoted:
            return False
        outside = sum(1 for i in range(m.lo, m.hi) if i not in quoted and m.lowers[i].isalpha())
        return outside >= NARRATIVE_WORDS or titled

    def about_drug(self, m: Mention) -> bool:
        """A drug, therapy or doctor in the clause is what treats the condition, not the product:
        "my doctor put me on prednisone for my lupus flare", "ADHD is treated with stimulants"."""
        reader, doc = self.reader, m.doc
        drugs = reader.drug_spans(doc, m.lo, m.hi)
        if not drugs:
            return False
        # "ADHD medication", "typical ADHD medication": a drug class, not a condition
        if any(d_start <= m.start < d_end or d_start == m.end for d_start, d_end in drugs):
            return True
        assert m.anchor is not None
        for d_start, d_end in drugs:
            compared = bool(set(m.lowers[max(m.lo, d_start - 3) : d_start]) & COMPARISON_WORDS)
            compared = compared or (d_end < m.hi and m.lowers[d_end] in STANDS_IN)
            # a drug between the product and the condition is nearer, unless the product is
            # measured against it: "better than Accutane for cystic acne" claims the acne
            if m.anchor[1] <= d_start < m.start and not compared:
                return True
            if m.clause_lo <= d_start < m.end and not compared:
                return True
        return reader._about_drug(doc, m.lo, m.hi, m.start, m.end, drugs)


def _camel(text: str) -> bool:
    if len(text) < 5 or not text.isalpha() or not text[0].isupper():
        return False
    return any(a.islower() and b.isupper() for a, b in pairwise(text))


def product_anchor(m: Mention, products: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The product named before the condition in its clause ("Lysine capsules shorten shingles
    outbreaks"), or after a condition someone has ("my tinnitus is quiet thanks to zinc")."""
    before = [p for p in products if m.clause_lo <= p[0] and p[1] <= m.start]
    before = [p for p in before if m.start - p[1] <= REACH]
    if before:
        return before[-1]
    if not owned(m):
        return None
    after = [p for p in products if m.end <= p[0] < m.clause_hi and p[0] - m.end <= REACH]
    return after[0] if after else None


def since_anchor(m: Mention, products: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Someone's condition changed since they started the product: "My psoriasis flares
    dropped to one a year since I started taking turmeric", "my kid's ADHD is way more
    manageable since we started him on the omega-3 gummies". A change for the worse ("got
    worse since I started") is a side effect reported, not a claim."""
    if not owned(m) or set(m.lowers[m.lo : m.hi]) & WORSE:
        return None
    for i in range(m.end, min(m.hi - 1, m.end + REACH)):
        if m.lowers[i] == "since" and m.lowers[i + 1] in PRONOUNS:
            began = [j for j in range(i + 2, min(m.hi, i + 4)) if m.lowers[j] in STARTED]
            after = [p for p in products if began and began[0] < p[0] <= began[0] + SINCE_REACH]
            return after[0] if after else None
    return None


PRONOUNS = {"i", "we", "she", "he", "they"}
STARTED = {"started", "began", "begun", "switched", "added", "tried"}
SINCE_REACH = 6  # tokens from "started" to the product ("started him on the omega-3 gummies")
WORSE = {"worse", "worsened", "worsening", "flared", "returned", "triggered", "aggravated"}


def compared_anchor(m: Mention, drugs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A drug the product is measured against, in the condition's clause, stands for the
    product: "Better than Accutane for cystic acne", "did more for my bipolar than Depakote",
    "outperforms modafinil for narcolepsy". "Drugs like Adderall for ADHD" is no measure."""
    for d_start, d_end in drugs:
        if not m.clause_lo <= d_start < m.clause_hi or abs(d_start - m.start) > REACH:
            continue
        if d_start <= m.start < d_end or d_start <= m.end - 1 < d_end:
            continue  # "ADHD medication": the condition names the drug
        words = m.lowers[max(m.lo, d_start - 3) : d_start]
        while words and words[-1] in DETERMINERS:
            words = words[:-1]  # "than the Valtrex", not "more than one medicine"
        if (words[-1:] and words[-1] in MEASURED) or words[-2:] == ["par", "with"]:
            return (d_start, d_end)
        if _as_good_as(words):
            return (d_start, d_end)
    return None


def _as_good_as(words: list[str]) -> bool:
    """ "as effective as", "as well as", "just as good as": a measure, not "such as"."""
    return len(words) >= 3 and words[-1] == "as" and words[-3] == "as"


def absence_anchor(m: Mention, products: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A condition gone since the product, anywhere in the sentence: "haven't had a migraine
    since I started feverfew", "Say goodbye to cold sores with our lysine balm"."""
    if not gone(m):
        return None
    near = [p for p in products if abs(p[0] - m.start) <= REACH * 2]
    return min(near, key=lambda p: abs(p[0] - m.start)) if near else None


def gone(m: Mention) -> bool:
    """A negation that says the condition is gone, which is the claim: "haven't had a single
    panic attack", "no more heartburn", "not one gout flare", "I no longer have eczema",
    "never get UTIs anymore", "goodbye to cold sores"; not "no more than two capsules"."""
    words = m.lowers[max(m.clause_lo, m.start - GONE_REACH) : m.start]
    after = m.lowers[m.end : min(m.hi, m.end + 3)]
    if after[:1] == ["than"]:
        return False
    if after[:1] == ["never"] and set(after[1:]) & NEVER_CAME:  # "and the flu never came"
        return True
    if len(words) >= 2 and tuple(words[-2:]) in GONE_PAIRS:
        return True
    while words and words[-1] in QUANTIFIERS:
        words = words[:-1]
    if len(words) >= 2 and tuple(words[-2:]) in GONE_PAIRS:
        return True
    if not words or words[-1] not in HAVE_VERBS:
        return False
    before = words[:-1][-3:]
    if tuple(before[-2:]) in GONE_PAIRS:  # "I no longer have eczema"
        return True
    if not set(before) & CLAIM_NEGATIONS:
        return False
    # "haven't had", or gone since a time: not "I don't have diabetes" (a fact, no claim)
    return words[-1] in PAST_HAVE or bool(set(m.lowers[m.lo : m.hi]) & SINCE_WORDS)


def owned(m: Mention) -> bool:
    """The condition is someone's: "my eczema", "my son's asthma", "her patients' gout"."""
    words = m.lowers[max(m.lo, m.start - 3) : m.start]
    return bool(set(words) & OWNERS) or any(w.endswith("'s") for w in words)


def label_anchor(m: Mention, products: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A list row or heading labelled by a product: "Garlic: keeps heart disease away",
    "Zinc – shortens the length of a cold", "Best Oil for Eczema: Evening Primrose"."""
    spaced = token_strings(m.doc).spaced
    marks = [
        i
        for i in range(m.lo + 1, min(m.hi, m.lo + LABEL_WORDS + 1))
        if m.lowers[i] == ":" or (m.lowers[i] in LABEL_MARKS and spaced[i - 1] and spaced[i])
    ]
    if not marks:
        return None
    mark = marks[0]
    label = [p for p in products if m.lo <= p[0] and p[1] <= mark]
    if label and mark < m.start:
        return label[0]
    # a heading naming the product after the condition: "Best Oil for Eczema: Evening Primrose"
    named = [p for p in products if p[0] > mark]
    if m.end <= mark and named and _has(m, "recommend"):
        return named[0]
    return None


def _has(m: Mention, context: str, lo: int | None = None, hi: int | None = None) -> bool:
    lo = m.lo if lo is None else lo
    hi = m.hi if hi is None else hi
    own = m.own or (hi, hi)
    return any(lo <= s and e <= hi and not own[0] <= s < own[1] for s, e in m.found[context])


def refuted(m: Mention) -> bool:
    """Someone else's claim, reported or refuted: "sellers claim", "there is no evidence that"."""
    return _has(m, "refuted")


def _refuted_after(m: Mention) -> bool:
    """A seller's quote refuted after it ('... "cures gout" is not supported'); the words that
    introduce it ("you claim that") do not refute it."""
    return _has(m, "refuted", m.end, m.hi)


def regulator_register(m: Mention) -> bool:
    """A regulator's sentence: "intended to cure, mitigate", "your website", "the Act"."""
    return _has(m, "regulator")


def epidemiology(m: Mention) -> bool:
    """How common a disease is, or who gets it: "1 in 10 adults has", "is common in"; a
    percentage of change is a result, not a prevalence ("a 42% reduction in gout pain")."""
    own = m.own or (m.hi, m.hi)
    return any(
        m.lo <= s
        and e <= m.hi
        and not own[0] <= s < own[1]
        and not set(m.lowers[e : min(m.hi, e + 2)]) & CHANGE_WORDS
        for s, e in m.found["epidemiology"]
    )


# what a percentage measures when it is a result: "a 42% reduction", "30% fewer migraines"
CHANGE_WORDS = {"reduction", "decrease", "drop", "fewer", "less", "lower", "improvement", "cut"}


def definition(m: Mention) -> bool:
    """What a disease is: "Rosacea is a skin condition", "Shingles is caused by"."""
    after = m.lowers[m.end : m.end + 2]
    if len(after) == 2 and after[0] in DEFINING and after[1] in DEFINED_AS:
        return m.start == m.clause_lo or m.lowers[m.start - 1] in {"the", "a"}
    return _has(m, "definition")


def history(m: Mention) -> bool:
    """What was done in the past: "in the 1800s", "was first used against"."""
    return _has(m, "history")


def doctor_advice(m: Mention) -> bool:
    """Advice to see a professional: "see a doctor if", "talk to your doctor before"."""
    return _has(m, "advice")


def personal_context(m: Mention) -> bool:
    """A person's history with no product effect: "I was diagnosed with", "runs in families"."""
    return _has(m, "personal")


def caution(m: Mention) -> bool:
    """A warning or contraindication: "people with kidney disease should avoid", "may worsen"."""
    return _has(m, "caution")


def research_description(m: Mention) -> bool:
    """Research described, not a result claimed: "has been studied in", "the trial enrolled";
    the seller's own trial ("in our trial") stays the seller's claim."""
    return _has(m, "research") and not set(m.lowers[m.lo : m.hi]) & SELLER


def names_institution(m: Mention) -> bool:
    """The condition names a fund, clinic or walk, whatever found it: "part of every sale
    goes to the Pinecrest Diabetes Research Fund". A cue's claim keeps its time words ("say
    goodbye to hay fever season", "zero migraines this month")."""
    hi = min(m.hi, m.end + 2)
    found = [(s, e) for s, e in m.found["institution"] if m.end <= s and e <= hi]
    if m.own is not None:
        found = [(s, e) for s, e in found if m.lowers[s] not in TIME_WORDS]
    return bool(found)


TIME_WORDS = {"season", "month"}


def non_disease(m: Mention) -> bool:
    """An occasional symptom, or the condition naming something else: "the occasional
    headache", "cancer research", "diabetes clinic", "urinary tract health"."""
    return occasional_symptom(m.doc, m.lo, (m.start, m.end)) or names_institution(m)


def only_joined(m: Mention) -> bool:
    """Product and condition only side by side: "Supplements and type 2 diabetes"."""
    assert m.anchor is not None
    between = m.lowers[m.anchor[1] : m.start] if m.anchor[1] <= m.start else ["x"]
    return all(w in JOINS for w in between)


def hypothetical(m: Mention) -> bool:
    """Inside an if-clause: "If an account tells you a tea can cure your diabetes, ..."."""
    return m.clause_lo > m.lo and m.lowers[m.clause_lo - 1] in HYPOTHETICAL


def lab_result(m: Mention) -> bool:
    """A result in a dish or an animal ("destroyed tumour cells in a petri dish"): an evidence
    matter (evidence.*), not a disease claim, unless carried to people ("so it protects you")."""
    return _has(m, "lab") and not _has(m, "extrapolated")


def under_study(m: Mention) -> bool:
    """The product as the object of research before the claim in its clause ("Scientists are
    investigating berberine as a treatment for diabetes"); not the seller's own study."""
    return not claimant(m) and _has(m, "under_study", m.clause_lo, m.start + 1)


def claimant(m: Mention) -> bool:
    """The writer or seller speaks of the product now: "our elderberry syrup", "this tea",
    "cured my plantar fasciitis": history, research or a caution beside it does not excuse."""
    return bool(set(m.lowers[m.lo : m.hi]) & CLAIMANT)


def past_use(m: Mention) -> bool:
    """History told in the past tense with no one claiming the product now: "In the 1800s,
    doctors treated gout", "was historically used to treat"; not "has been used for dementia
    for centuries" or "Traditionally, gotu kola is used for headaches" (a use claimed now)."""
    if claimant(m):
        return False
    return _old_year(m) or (history(m) and _past_tense(m))


def _past_tense(m: Mention) -> bool:
    """A past auxiliary or adverb, or a simple past in -ed ("doctors treated"; not "is used",
    "has been used"). Read once per sentence, whatever its number of conditions."""
    return m.sentence.analysis.memo((_past_tense, m.sentence.index), lambda: _past_words(m))


def _past_words(m: Mention) -> bool:
    words = m.lowers[m.lo : m.hi]
    if set(words) & PAST_WORDS:
        return True
    return any(
        w.endswith("ed") and len(w) > 4 and prev.isalpha() and prev not in PRESENT_AUXILIARIES
        for prev, w in pairwise(words)
    )


def _old_year(m: Mention) -> bool:
    return m.sentence.analysis.memo((_old_year, m.sentence.index), lambda: _year_before(m))


def _year_before(m: Mention) -> bool:
    years = (w.removesuffix("s") for w in m.lowers[m.lo : m.hi])  # "1918", "the 1890s"
    return any(len(w) == 4 and w.isdigit() and 1000 <= int(w) < HISTORIC_BEFORE for w in years)


def caution_before(m: Mention) -> bool:
    """A warning before the claim in its clause ("not suitable for people treated for
    epilepsy", "can interact with medicines for epilepsy"); a side effect after it is the
    claim's comparison ("calms anxiety without the addiction risk of benzos")."""
    return any(
        m.clause_lo <= s and e <= m.start and (s == 0 or m.lowers[s - 1] not in NOT_A_CAUTION)
        for s, e in m.found["caution"]
    )


def unoffered_if(m: Mention) -> bool:
    """An if-clause that is not offered to the reader ("If a supplement really cured cancer,
    ..."; not "If you want to beat insomnia, take two": the cue path's offer)."""
    return hypothetical(m) and not set(m.lowers[m.clause_lo : m.clause_hi]) & {"you", "your"}


def inverted_if(m: Mention) -> bool:
    """An inverted conditional: "Should fish oil prevent heart attacks, trials would show"."""
    if m.sentence.is_question:
        return False
    return m.lowers[m.lo] in INVERTED_IF and m.clause_hi < m.hi


def imagined(m: Mention) -> bool:
    """A product imagined with a modal: "Imagine a pill that could reverse Alzheimer's"; not
    "Imagine beating insomnia with one capsule" or the seller's own ("our")."""
    opens = m.lowers[m.lo] in IMAGINED
    return opens and bool(set(m.lowers[m.lo : m.start]) & MODALS) and not claimant(m)


def negated(m: Mention) -> bool:
    """A negation in the condition's clause before it, or between the product and it."""
    assert m.anchor is not None
    if gone(m):
        return False
    start = min(m.anchor[0], m.start)
    return ClaimFinder._negated(m.doc, m.lo, start, start, max(m.end, m.anchor[1]))


def heading_topic(m: Mention) -> bool:
    """A heading that names a topic ("Turmeric and Arthritis"), not a recommendation."""
    return m.sentence.is_heading and not _has(m, "recommend")


NEGATIVE_CONTEXTS: tuple[Callable[[Mention], bool], ...] = (
    refuted,
    regulator_register,
    epidemiology,
    definition,
    history,
    doctor_advice,
    personal_context,
    caution,
    research_description,
    non_disease,
    negated,
    heading_topic,
    only_joined,
    hypothetical,
    lab_result,
    under_study,
    inverted_if,
    imagined,
)

# the same definitions guard claims found by a cue (lint/rules/match/cue_target.py), which
# are stronger evidence: only contexts that no cue sentence of a claim carries (research
# results stay claims: "the extract reversed metabolic syndrome in 40% of participants"), and
# history only when told in the past with no one claiming the product now
CUE_CONTEXTS: tuple[Callable[[Mention], bool], ...] = (
    unoffered_if,  # the word tests first: each word list costs a search per document
    inverted_if,
    imagined,
    past_use,
    under_study,
    regulator_register,
    lab_result,
    caution_before,
    names_institution,
)
DRUG_STORY = {past_use, caution_before}  # "the Valtrex my doctor gave me", "used to take"
CUE_CONTEXTS_LESS_DRUG_STORY = tuple(t for t in CUE_CONTEXTS if t not in DRUG_STORY)
