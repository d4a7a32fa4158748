"""Find claims in sentences: a cue word next to a target term ("treats" + "ADHD").

Shared by the `disease` and `disclaimer` kinds. Without a parser, "next to" means: the target
follows the cue within a few tokens, or precedes it closely ("ADHD treatment"), with no clause
break in between. A pair is not a claim when its sentence only mentions it:
- a negation in the cue's clause ("does not treat ADHD", "no supplement cures cancer"),
- a regulatory statement (a regulatory word plus a negation: "not approved by the FDA to treat"),
- a dismissal ("the idea that it cures cancer is a myth"), a question, the FDA disclaimer,
- a quoted study title ('a trial titled "Bacopa for the treatment of ADHD"'),
- a sentence about a drug ("Adderall treats ADHD", "ADHD is treated with stimulant medication"),
  unless the drug is only compared ("works like Ritalin to treat ADHD").
Vocabularies come from rule YAML; only grammar words live here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint import budget
from lint.analysis import NEGATIONS
from lint.rules.match.clauses import (
    LIST_JOINS,
    breaks_between,
    clause_end,
    clause_start,
    opens_question,
    others_reports,
    quoted_tokens,
    reports_in,
    seller_quoted,
)
from lint.rules.match.pair_exclusions import (
    COMPARISON_WORDS,
    INSTRUMENT_REACH,
    PAIR_EXCLUSIONS,
    STANDS_IN,
    Pair,
    SentenceReading,
)
from lint.rules.match.terms import Terms
from lint.tokens import Identity, doc_memo, token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from lint.analysis import Analysis, Sentence

# between a claim and a drug after it, these contrast the two: "with effects similar to
# opiates"; and before a drug that names a side effect, "with no Ambien hangover" ("treated
# with no drugs at all" still names the treatment)
SIMILAR = {"similar", "comparable", "equal", "akin"}
ABSENT_DRUG = {"no", "none", "zero", "less", "fewer"}
# a drug after one of these, behind the claim, is how the disease is treated: "treated with"
INSTRUMENT_WORDS = {"with", "by", "using", "via", "including", "such", "through"}
FAILED = {"fail", "fails", "failed"}
# a drug given up before the claim treats nothing: "no more inhaler for me, this tea fixed my
# asthma", "off my meds and my gout is gone"
GONE = {"more", "longer", "off", "ditched", "quit", "dropped"}
# forum spellings and colloquial zeros: "didnt do anything for my OCD", "did jack for it"
CLAIM_NEGATIONS = NEGATIONS | {
    "nt",  # spaCy splits "didnt" into "did" + "nt"
    "didnt",
    "doesnt",
    "dont",
    "wont",
    "cant",
    "isnt",
    "wasnt",
    "arent",
    "werent",
    "havent",
    "hasnt",
    "jack",
    "squat",
    "zilch",
}
ABSENT = {"without", "unapproved"}
# "... find that <claim>": what follows is another clause, with its own subject
SAYING_WORDS = {
    "find",
    "finds",
    "found",
    "say",
    "says",
    "said",
    "swear",
    "swears",
    "notice",
    "noticed",
    "report",
    "reported",
    "feel",
    "felt",
    "think",
    "believe",
    "discover",
    "discovered",
}
# a negation followed by one of these adds to the claim rather than denying it
EMPHASIS = {("no", "doubt"), ("no", "more")} | {
    (negation, word)
    for negation in ("not", "n't", "n\u2019t", "nt")
    for word in ("only", "just", "merely", "simply")
}
NEGATION_REACH = 8  # tokens before a cue that a negation still governs


@dataclass
class Claim:
    sentence: Sentence
    start: int  # token indexes into the Doc, [start, end)
    end: int
    cue: str
    target: str
    label: str = "claim"
    # the further conditions of a list the claim runs over ("helps with asthma, bronchitis
    # and COPD"): each is a claim of its own, reported at its own words
    items: tuple[tuple[int, int], ...] = ()
    anaphor: bool = False  # the target is "that disease", naming a condition said before


@dataclass
class ClaimFinder:
    """Pairs of (cues, targets) searched per sentence, with the shared exclusions."""

    cues: Terms
    targets: Terms
    drugs: Terms | None = None
    weak_cues: Terms | None = None  # cues that do not count in headings ("supplement for")
    regulatory: Terms | None = None
    dismissals: Terms | None = None
    title_words: Terms | None = None
    anaphora: Terms | None = None  # "that disease": a target when a condition came just before
    reports: Terms | None = None  # "products that claim to", "marketed as": reported claims
    rebuttals: Terms | None = None  # after the claim, judging it false: "..., but I doubt it"
    drug_suffixes: tuple[str, ...] = ()  # generic drug stems: "-triptan", "-statin", "-mab"
    subjects: Terms | None = None  # who or what treats, not a drug: "doctors", "exercise"
    # the cues that may follow their target ("Adderall alternatives"); None: every cue may
    before_words: frozenset[str] | None = None
    self_target: bool = False  # a cue that is its own target: "anti-cancer", "anxiolytic"
    window_after: int = 6
    window_before: int = 3
    allow_drug_subject: bool = False  # the targets are drugs ("alternative to Adderall")
    drug_compared: bool = False  # a claim only beside a drug comparison ("... as well as Xanax")
    offers: Terms | None = None  # a claim only with one of these after it ("... for you")
    possessed: bool = False  # cues that follow a possessed condition only ("my asthma is better")
    split_verbs: Terms | None = None  # the verb a particle cue closes ("keeps the gout away")
    particle_first: bool = False  # the particle leads the condition ("got my kids through flu")
    # a claim only in a sentence naming one of these (a product): "my asthma is much better"
    # is a claim beside "since I started quercetin", not beside "since I moved"
    requires: Terms | None = None
    label: str = "claim"  # copied to each Claim, so checkers can word messages per finder

    def find(self, analysis: Analysis) -> Iterator[Claim]:
        sentences = analysis.sentences
        starts = [s.span.start for s in sentences]
        doc = analysis.doc
        cue_spans = [(s, e, False) for s, e in self.cues.find(doc)]
        if self.weak_cues is not None:
            cue_spans += [(s, e, True) for s, e in self.weak_cues.find(doc)]
        if not cue_spans:
            return
        targets = _joined(self.targets.find(doc))
        if not targets:
            return
        anaphors: set[tuple[int, int]] = set()
        if self.anaphora is not None:
            anaphors = set(_anaphors(self.anaphora.find(doc), targets, starts))
            targets = sorted(targets + list(anaphors))
        by_sentence: dict[int, list[tuple[int, int, bool]]] = {}
        for span in sorted(cue_spans):
            index = bisect.bisect_right(starts, span[0]) - 1
            if index >= 0:
                by_sentence.setdefault(index, []).append(span)
        for index, cues in by_sentence.items():
            budget.check()  # a stale or overlong lint stops here, not after the whole document
            yield from self._in_sentence(sentences[index], cues, targets, anaphors)

    def _in_sentence(
        self,
        sentence: Sentence,
        cues: list[tuple[int, int, bool]],
        all_targets: list[tuple[int, int]],
        anaphors: AbstractSet[tuple[int, int]] = frozenset(),
    ) -> Iterator[Claim]:
        span = sentence.span
        lo, hi = span.start, span.end
        first = bisect.bisect_left(all_targets, (lo, lo))  # targets are sorted by start
        targets: list[tuple[int, int]] = []
        for k in range(first, len(all_targets)):  # not all_targets[first:]: a copy per sentence
            candidate = all_targets[k]
            if candidate[0] >= hi:
                break
            if candidate[1] <= hi:
                targets.append(candidate)
        if not targets:
            return
        doc = span.doc
        # the exclusions below cost a search each: only for sentences with a cue-target pair
        pairs = [
            (cue, target)
            for cue in cues
            if not (cue[2] and sentence.is_heading)
            and (target := self._nearest(doc, cue[0], cue[1], targets)) is not None
        ]
        if not pairs or self._mentions_only(sentence):
            return
        reading = self._reading(sentence, cues)
        if reading is None:
            return
        last_end = -1
        for (cue_start, cue_end, weak), target in pairs:
            start, end = min(cue_start, target[0]), max(cue_end, target[1])
            items: tuple[tuple[int, int], ...] = ()
            if target[0] >= cue_end:  # "used for headaches, epilepsy and dementia"
                items = list_items(doc, end, hi, targets, target[0])
                end = items[-1][1] if items else end
            end = _disease_of(doc, end, hi, targets)
            verb = self._split_verb(doc, self._verb_before(cue_start, target))
            if verb is not None:  # the claim starts at its verb
                start = verb
            pair = Pair(cue_start, cue_end, weak, target, start, end)
            if start < last_end or any(test(reading, pair) for test in PAIR_EXCLUSIONS):
                continue
            last_end = end
            cue, found = doc[cue_start:cue_end].text, doc[target[0] : target[1]].text
            yield Claim(sentence, start, end, cue, found, self.label, items, target in anaphors)

    def _reading(
        self, sentence: Sentence, cues: list[tuple[int, int, bool]]
    ) -> SentenceReading | None:
        """What the exclusions read in one sentence; None when a whole-sentence condition of
        the finder fails (no drug compared, no offer)."""
        span = sentence.span
        doc, lo, hi = span.doc, span.start, span.end
        quoted = quoted_tokens(doc, lo, hi)
        drugs = self.drug_spans(doc, lo, hi)
        if self.drug_compared and not _compared(doc, drugs):
            return None
        offered = self.offers.find(doc, lo, hi) if self.offers is not None else []
        if self.offers is not None and not offered:
            return None
        if self.requires is not None and not self.requires.find(doc, lo, hi):
            return None
        reports = others_reports(doc, lo, reports_in(self.reports, doc, lo, hi))
        return SentenceReading(
            self,
            doc,
            lo,
            hi,
            quoted,
            bool(quoted) and self._has(self.title_words, doc, lo, hi),
            drugs,
            offered,
            reports,
            {i for c_start, c_end, _ in cues for i in range(c_start, c_end)},
        )

    def asserts(
        self, sentence: Sentence, start: int, end: int, reports: Terms | None = None
    ) -> bool:
        """Whether the sentence asserts the span [start, end) found by another rule (a drug
        comparison), read like a claim: not a question, disclaimer, dismissal or regulatory
        statement; no report (`reports`, else this finder's) before or inside it; no negation
        in its clause before it. A
        negation inside the span is its own ("no need for Adderall"); one elsewhere in the
        sentence ("works like Xanax, with no crash") does not reach it."""
        doc, lo, hi = sentence.span.doc, sentence.span.start, sentence.span.end
        # once per sentence, not per match: a long sentence of comparisons stays linear
        key = (Identity(self), "mentions-only", sentence.index)
        if sentence.analysis.memo(key, lambda: self._mentions_only(sentence)):
            return False
        reports = reports or self.reports
        found = reports_in(reports, doc, lo, hi)
        if any(r_start < end for r_start, _ in found) and not self._seller_words(
            doc, lo, hi, (start, end), found
        ):
            return False
        if opens_question(doc, lo, start):
            return False
        return not self._negated(doc, lo, start, start, start)

    @staticmethod
    def _seller_words(
        doc: Doc, lo: int, hi: int, span: tuple[int, int], reports: list[tuple[int, int]]
    ) -> bool:
        """The span lies in the seller's words quoted back to it ('Your website states: "a
        safe substitute for metformin"'): the letter's lead-in reports nothing else."""
        quoted = quoted_tokens(doc, lo, hi)
        inside = span[0] in quoted and span[1] - 1 in quoted
        return inside and seller_quoted(doc, lo, hi, quoted, reports)

    def _mentions_only(self, sentence: Sentence) -> bool:
        if sentence.is_question or sentence.is_disclaimer:
            return True
        doc, lo, hi = sentence.span.doc, sentence.span.start, sentence.span.end
        if self._dismissed(doc, lo, hi):
            return True
        # "sold to treat COVID-19 without FDA approval": an absent approval negates too
        negated = any(w in NEGATIONS or w in ABSENT for w in sentence.lowers)
        if not negated or self.regulatory is None:
            return False
        return any(not _active_verb(doc, end, hi) for _, end in self.regulatory.find(doc, lo, hi))

    def _dismissed(self, doc: Doc, lo: int, hi: int) -> bool:
        """A dismissal in the sentence, unless conceded before a turn: "I was skeptical, but
        this oil got rid of my son's swimmer's ear" makes the claim after the turn."""
        if self.dismissals is None:
            return False
        lowers = token_strings(doc).lower
        return any(
            not CONCEDING & set(lowers[end : min(hi, end + 2)])
            for _, end in self.dismissals.find(doc, lo, hi)
        )

    @staticmethod
    def _has(terms: Terms | None, doc: Doc, lo: int, hi: int) -> bool:
        return terms is not None and bool(terms.find(doc, lo, hi))

    def drug_spans(
        self, doc: Doc, lo: int, hi: int, subjects: bool = True
    ) -> list[tuple[int, int]]:
        """Drug names, drug classes and generic stems in [lo, hi), in order; with `subjects`
        also who or what treats ("doctors", "therapy"): every reader that asks what else in a
        sentence treats the condition asks here."""
        found = self.drugs.find(doc, lo, hi) if self.drugs is not None else []
        if subjects and self.subjects is not None:
            found = found + self.subjects.find(doc, lo, hi)
        if self.drug_suffixes:
            found = found + _suffixed(doc, lo, hi, self.drug_suffixes)
        return sorted(found)

    def _nearest(
        self, doc: Doc, cue_start: int, cue_end: int, targets: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        if self.self_target:
            return (cue_start, cue_end) if (cue_start, cue_end) in targets else None
        if self.possessed:
            return _possessed_before(doc, cue_start, cue_end, targets, self.window_before)
        if self.split_verbs is not None and self.particle_first:
            if self._split_verb(doc, cue_start) is None:
                return None  # then the condition after the particle, as for any cue
        elif self.split_verbs is not None:
            target = _condition_before(doc, cue_start, cue_end, targets, 1)
            return target if target and self._split_verb(doc, target[0]) is not None else None
        # a label's colon joins it to its list: "Good for: asthma, bronchitis"
        gap = cue_end + 1 if cue_end < len(doc) and doc[cue_end].text == ":" else cue_end
        after = [
            t
            for t in targets
            if gap <= t[0] <= gap + self.window_after and not breaks_between(doc, gap, t[0])
        ]
        if after:
            return after[0]
        far = self._symptom_of(doc, gap, targets)
        if far is not None:
            return far
        if self.before_words is not None and doc[cue_end - 1].lower_ not in self.before_words:
            return None
        before = [
            t
            for t in targets
            if t[1] <= cue_start <= t[1] + self.window_before
            and not breaks_between(doc, t[1], cue_start)
        ]
        return before[-1] if before else None

    def _symptom_of(
        self, doc: Doc, gap: int, targets: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """A condition past the window that a symptom phrase leads to: "reduces the
        inattention and impulsivity that come with ADHD" (the symptoms fill the window)."""
        lowers = token_strings(doc).lower
        reach = gap + self.window_after
        for t in targets:
            if reach < t[0] <= reach + SYMPTOM_REACH and lowers[t[0] - 1] in SYMPTOM_LINKS:
                # a copula between makes the cue a subject's word: "low vitamin D levels are
                # linked with a higher rate of depression" is no claim
                crossed = breaks_between(doc, gap, t[0]) or COPULAS & set(lowers[gap : t[0]])
                return None if crossed else t
        return None

    def _verb_before(self, cue_start: int, target: tuple[int, int]) -> int:
        """Where a split cue's verb ends: before its particle ("got my kids through"), or
        before the condition the particle closes ("keeps the gout away")."""
        return cue_start if self.particle_first else target[0]

    def _split_verb(self, doc: Doc, before: int) -> int | None:
        """Where the verb of a split cue starts, in the three tokens before `before`; None
        without one (or for a finder without split verbs)."""
        if self.split_verbs is None:
            return None
        found = self.split_verbs.find(doc, max(0, before - SPLIT_REACH), before)
        return found[-1][0] if found else None

    @staticmethod
    def _negated(doc: Doc, lo: int, cue_start: int, start: int, end: int) -> bool:
        clause = clause_start(doc, lo, start)
        reach = max(clause, start - NEGATION_REACH)
        lowers = token_strings(doc).lower  # strings, not Token objects: this runs per pair
        window = lowers[reach:start] + lowers[start:end]
        for i, word in enumerate(window):
            if word in FAILED and i + 1 < len(window) and window[i + 1] == "to":
                return True  # "failed to reduce heart attacks"
            if word not in CLAIM_NEGATIONS:
                continue
            after = window[i + 1] if i + 1 < len(window) else ""
            # "not only cures ...", "doesn't just slow it" are emphasis; "no doubt" is no negation
            if (word, after) not in EMPHASIS:
                return True
        return False

    @staticmethod
    def _about_drug(
        doc: Doc, lo: int, hi: int, cue_start: int, end: int, drugs: list[tuple[int, int]]
    ) -> bool:
        """The claim is about a drug or therapy, not the product: the drug is the clause's subject
        ("Adderall treats ADHD", "stimulant medication for ADHD") or its instrument ("ADHD is
        treated with stimulants", "treatments such as Ritalin"). A drug named any other way
        ("without the side effects of stimulants", "works like Ritalin") leaves the claim the
        product's."""
        clause_lo = clause_start(doc, lo, cue_start)
        clause_hi = clause_end(doc, hi, end)
        lowers = token_strings(doc).lower  # strings, not Token objects: this runs per claim
        for i in range(cue_start - 1, clause_lo, -1):  # "patients on triptans find that ..."
            if lowers[i] == "that" and lowers[i - 1] in SAYING_WORDS:
                clause_lo = i + 1
                break
        for d_start, d_end in drugs:
            if not clause_lo <= d_start < clause_hi:
                continue
            if d_start < cue_start:
                if set(lowers[max(clause_lo, d_start - 3) : d_start]) & (COMPARISON_WORDS | GONE):
                    continue
                if d_end < hi and lowers[d_end] in STANDS_IN:
                    continue
                if _rejected(lowers, d_start, d_end, cue_start, hi):
                    continue
            elif end <= d_start <= end + INSTRUMENT_REACH:  # bounded: linear in the sentence
                between = set(lowers[end:d_start])
                if not between & INSTRUMENT_WORDS or between & (COMPARISON_WORDS | SIMILAR):
                    continue
                if between & ABSENT_DRUG and _attributive(doc, d_end):
                    continue
            else:
                continue
            if not _compound_modifier(doc, d_end):  # "drug-free", "Adderall-like": no drug
                return True
        return False


def _rejected(lowers: list[str], d_start: int, d_end: int, cue_start: int, hi: int) -> bool:
    """The drug a rhetorical question turns down: "Why take Xanax when kava soothes panic
    attacks?", "Who needs Ambien when valerian cures insomnia?" (the claim is the product's)."""
    if "?" not in lowers[cue_start:hi] or not {"when", "if"} & set(lowers[d_end:cue_start]):
        return False
    return bool(set(lowers[max(0, d_start - 3) : d_start]) & REJECTING)


# what a rhetorical question does to the drug it turns down ("why take", "who needs")
REJECTING = {"take", "needs", "need", "bother", "pay", "risk", "inject", "stay", "keep", "taking"}


def _suffixed(doc: Doc, lo: int, hi: int, suffixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """One-token drug names by their generic stem ("sumatriptan", "dupilumab"), read once per
    sentence (every finder's reading asks)."""

    def build() -> list[tuple[int, int]]:
        lowers = token_strings(doc).lower
        return [
            (i, i + 1)
            for i in range(lo, hi)
            if len(lowers[i]) >= 7 and lowers[i].endswith(suffixes) and lowers[i].isalpha()
        ]

    return doc_memo(doc, (_suffixed, lo, hi, suffixes), build)


def _compared(doc: Doc, drugs: list[tuple[int, int]]) -> bool:
    """A drug named a few words after a comparison word: "without the side effects of
    benzodiazepines", "as well as lorazepam", "better than Xanax"."""
    lowers = token_strings(doc).lower
    return any(
        set(lowers[max(0, d_start - COMPARED_REACH) : d_start]) & COMPARISON_WORDS
        for d_start, _ in drugs
    )


COMPARED_REACH = 6
OWNERS = {"my", "his", "her", "our", "their", "your"}
# after a regulatory word these make it a verb with an object: "cleared my SIBO without
# rifaximin" is a cure, "not cleared by the FDA" a regulatory statement; so does a pronoun
# ("cleared it up", "cleared them"), which a regulator's sentence puts after "FDA"
ACTIVE_OBJECTS = OWNERS | {"up", "it", "them", "me", "him", "us"}


def _condition_before(
    doc: Doc, cue_start: int, cue_end: int, targets: list[tuple[int, int]], reach: int
) -> tuple[int, int] | None:
    """The condition ending at most `reach` tokens before a cue that closes it (an outcome,
    a split cue's particle), when the cue is not a participle's ("is much better understood")
    or a comparison's ("better than")."""
    if cue_end < len(doc) and (
        doc[cue_end].lower_ in {"than", "at", "to"} or _participle(doc[cue_end])
    ):
        return None
    for t_start, t_end in reversed(targets):
        if t_end <= cue_start <= t_end + reach and not breaks_between(doc, t_end, cue_start):
            return (t_start, t_end)
    return None


def _possessed_before(
    doc: Doc, cue_start: int, cue_end: int, targets: list[tuple[int, int]], reach: int
) -> tuple[int, int] | None:
    """_condition_before, owned by someone: "my kid's asthma is much better", "her gout has
    not flared", "my husband's BPH symptoms are so much better" (one flare word between)."""
    found = _condition_before(doc, cue_start, cue_end, targets, reach)
    if found is None and cue_start > 0 and doc[cue_start - 1].lower_ in FLARE_NOUNS:
        found = _condition_before(doc, cue_start - 1, cue_end, targets, reach)
    if found is None or found[0] == 0:
        return None
    owner = doc[found[0] - 1].lower_
    return found if owner in OWNERS or owner in {"'s", "’s"} else None


# what a condition does to someone, named after it: "my eczema flares are gone", "RA flares?"
FLARE_NOUNS = {
    "symptoms",
    "flare",
    "flares",
    "flare-ups",
    "flareups",
    "attacks",
    "episodes",
    "pain",
    "pressure",
}
SPLIT_REACH = 3  # tokens between a split cue's verb and its condition: "keeps the nasty gout"


def _participle(token: Token) -> bool:
    return token.lower_.endswith("ed") or token.lower_ in {"understood", "known", "treated"}


def _attributive(doc: Doc, d_end: int) -> bool:
    """The drug qualifies the noun after it: "no Ambien hangover", "none of the stimulant crash"."""
    return d_end < len(doc) and doc[d_end].is_alpha and not doc[d_end].is_stop


def _active_verb(doc: Doc, end: int, hi: int) -> bool:
    return end < hi and doc[end].lower_ in ACTIVE_OBJECTS


def _joined(targets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent conditions are one: "diabetic" + "retinopathy", "MS" + "spasticity"; else
    the cue's nearest half would be the finding ("Reverses diabetic")."""
    joined: list[tuple[int, int]] = []
    for start, end in targets:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _compound_modifier(doc: Doc, end: int) -> bool:
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].lower_ in {"free", "like", "style", "level", "grade"}
    )


def list_items(
    doc: Doc, end: int, hi: int, targets: list[tuple[int, int]], start: int = -1
) -> tuple[tuple[int, int], ...]:
    """The conditions listed after a claim's target that ends at `end`: "headaches, epilepsy
    and dementia" (each item a condition, joined by commas, "and", "or"); a range's end after
    a target at `start` that follows "from": "everything from diabetes to cancer"."""
    starts = {t[0]: t[1] for t in targets}
    items: list[tuple[int, int]] = []
    ranged = start > 0 and doc[start - 1].lower_ == "from"
    while True:
        i = end
        if ranged and not items and i < hi and doc[i].lower_ == "to":
            i += 1
        while i < hi and i - end < 3 and doc[i].lower_ in LIST_JOINS:
            i += 1
        if i == end:
            return tuple(items)
        i = _past_modifiers(doc, i, hi, starts)
        if i not in starts:
            return tuple(items)
        end = starts[i]
        items.append((i, end))


def _past_modifiers(doc: Doc, i: int, hi: int, starts: dict[int, int]) -> int:
    """A listed condition behind its modifiers: "cold sores and genital herpes", "and early
    cataracts" (the table names "herpes"); at most two plain words, so a new clause ("and
    people with diabetes should") does not become an item."""
    lowers = token_strings(doc).lower
    for j in range(i, min(hi, i + MODIFIERS + 1)):
        if j in starts:
            generic = starts[j] == j + 1 and lowers[j] in GENERIC_HEADS
            return i if generic and j > i else j
        if not _modifier(lowers[j]):
            return i
    return i


def _modifier(word: str) -> bool:
    """A plain adjective or noun before a condition ("genital", "early", "lung"); not a verb
    that starts a new claim ("prevents", "reduced", "healing") nor a function word."""
    if not word.isalpha() or word in NOT_MODIFIERS:
        return False
    return not (word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith("ss")))


MODIFIERS = 2
NOT_MODIFIERS = {"not", "no", "never", "even", "also", "other", "people", "those", "with", "the"}
NOT_MODIFIERS |= {"seasonal", "all", "any", "many", "most", "some", "more", "less"}
# "and urinary infections", "other respiratory viruses": a kind of a class, not a named disease
GENERIC_HEADS = {"infection", "infections", "virus", "viruses", "disease", "diseases"}


def _disease_of(doc: Doc, end: int, hi: int, targets: list[tuple[int, int]]) -> int:
    """A symptom claim runs on to the disease it belongs to: "repairs nerve damage from
    peripheral neuropathy", "calms the panic attacks that come with panic disorder"."""
    lowers = token_strings(doc).lower
    for t_start, t_end in targets:
        near = end < t_start <= end + SYMPTOM_REACH and t_end <= hi
        if near and lowers[t_start - 1] in SYMPTOM_LINKS and not breaks_between(doc, end, t_start):
            return t_end
        if t_start > end + SYMPTOM_REACH:
            break
    return end


CONCEDING = {"but", "yet", "however"}  # a doubt given up: "skeptical, but it worked"
SYMPTOM_LINKS = {"from", "by", "with", "in", "of", "to"}
COPULAS = {"is", "are", "was", "were", "be", "been", "'s", "'re"}
SYMPTOM_REACH = 4  # tokens between a symptom claim and the disease named after it


def _anaphors(
    found: list[tuple[int, int]], targets: list[tuple[int, int]], starts: list[int]
) -> list[tuple[int, int]]:
    """ "slows the progression of that disease": kept when a condition is named before it in
    the same or the previous sentence (`starts`: each sentence's first token)."""
    kept = []
    target_starts = [t[0] for t in targets]
    for a_start, a_end in found:
        sentence = bisect.bisect_right(starts, a_start) - 1
        lo = starts[max(sentence - 1, 0)] if sentence >= 0 else 0
        k = bisect.bisect_left(target_starts, lo)
        if k < len(targets) and targets[k][1] <= a_start:
            kept.append((a_start, a_end))
    return kept
