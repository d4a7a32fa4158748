"""Why a cue and its target make no claim: the named predicates every pair is read by.

`ClaimFinder` (lint/rules/match/cue_target.py) reads each sentence once into a
`SentenceReading` and each cue with its nearest target into a `Pair`; a pair that any of
`PAIR_EXCLUSIONS` names is a mention (a report, a patient's treatment, a negation, a drug's own
claim, a caution, ...), not a claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.lazy import cached_property
from lint.rules.match.claim_grammar import joined_participle
from lint.rules.match.clauses import LIST_JOINS, clause_start, opens_question, seller_quoted
from lint.rules.match.inflect import verb_forms
from lint.tokens import token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lint.rules.match.cue_target import ClaimFinder
    from lint.rules.match.terms import Terms

# a drug after one of these is compared with, not the subject of, the claim
COMPARISON_WORDS = {
    "like",
    "unlike",
    "than",
    "as",
    "alternative",
    "alternatives",
    "instead",
    "substitute",
    "substitutes",
    "replace",
    "replaces",
    "replacement",
    "rival",
    "rivals",
    "without",
    "versus",
    "vs",
    "vs.",
    # a drug dropped for the product: "Ditched my inhaler after a month on mullein"
    "ditch",
    "ditched",
    "swapped",
    "traded",
    "skipped",
    "replaced",
    # the product measured against the drug: "outperforms modafinil for narcolepsy"
    "outperforms",
    "outperform",
    "outperformed",
    "beats",
    "par",  # "on par with donepezil in slowing Alzheimer's"
}
# of those, the words that measure the product against the drug just after them (the drug then
# stands for the product: "better than Accutane for cystic acne")
MEASURED = {"than", "outperforms", "outperform", "outperformed", "rivals", "rival", "beats"}

# the drug names what the product replaces: "a natural Viagra alternative for men with ED"
STANDS_IN = {"alternative", "alternatives", "substitute", "substitutes", "replacement", "swap"}

# "he was treated for pneumonia": a patient's treatment, not a product's claim
PASSIVE = {"was", "were", "been", "being", "get", "got", "gets", "getting"}

PATIENT_CUES = {"treated", "diagnosed", "cured", "hospitalized", "admitted", "seen"}

# "anyone battling PTSD", "kids fighting cancer": people as the subject of a cue's -ing form
PERSONS = {
    "anyone",
    "everyone",
    "someone",
    "people",
    "those",
    "patients",
    "kids",
    "children",
    "adults",
    "women",
    "men",
    "folks",
    "survivors",
    "families",
}

OFFERED_TO = {"for", "to"}  # "ideal for anyone battling PTSD": the product is offered to them


@dataclass
class SentenceReading:
    """What the pair exclusions read in one sentence, searched once per sentence."""

    finder: ClaimFinder
    doc: Doc
    lo: int
    hi: int
    quoted: set[int]  # token indexes inside double quotes
    title_quote: bool  # a quoted title beside a title word ('a trial titled "..."')
    drugs: list[tuple[int, int]]  # drugs, subjects and stems: who else treats
    offered: list[tuple[int, int]]  # `offers` matches ("for you")
    reports: list[tuple[int, int]]  # someone else's words ("sellers claim")
    cue_tokens: set[int]  # every cue token of the sentence (lists of cues)

    @cached_property
    def report_outside_quotes(self) -> bool:
        return any(r_start not in self.quoted for r_start, _ in self.reports)

    @cached_property
    def seller_quote(self) -> bool:
        return seller_quoted(self.doc, self.lo, self.hi, self.quoted, self.reports)


@dataclass
class Pair:
    """One cue with its nearest target, and the claim span they make."""

    cue_start: int
    cue_end: int
    weak: bool  # a weak cue (does not count in headings)
    target: tuple[int, int]
    start: int
    end: int


def comparison_for_cue(r: SentenceReading, p: Pair) -> bool:
    """ "stronger than oxycodone for my pain" is the comparison alone: no "for" cues."""
    return r.finder.drug_compared and r.doc[p.cue_start].lower_ == "for"


def title_quoted(r: SentenceReading, p: Pair) -> bool:
    """A quoted study title: 'a trial titled "Bacopa for the treatment of ADHD"'."""
    return r.title_quote and (p.cue_start in r.quoted or p.target[0] in r.quoted)


def reported_before(r: SentenceReading, p: Pair) -> bool:
    """Someone else's words before the claim: "sellers claim it cures", 'claims such as'."""
    if r.seller_quote and p.cue_start in r.quoted:
        return False
    return bool(r.reports) and r.reports[0][0] <= p.start


def reported_inside(r: SentenceReading, p: Pair) -> bool:
    """A report that sits inside the claim: "stop claiming that it prevents"."""
    return any(p.start <= r_start < p.end for r_start, _ in r.reports)


def quote_reported(r: SentenceReading, p: Pair) -> bool:
    """A quoted claim with a report outside the quotes: '"Cures arthritis!" read the label'."""
    return (
        bool(r.quoted)
        and p.cue_start in r.quoted
        and r.report_outside_quotes
        and not r.seller_quote
    )


def patient_treated(r: SentenceReading, p: Pair) -> bool:
    """A patient's treatment: "he was treated for pneumonia"."""
    return _patient_treated(r.doc, r.lo, p.cue_start, p.target)


def occasional(r: SentenceReading, p: Pair) -> bool:
    """An occasional symptom is no disease: "the occasional hangover headache"."""
    return occasional_symptom(r.doc, r.lo, p.target)


def not_offered(r: SentenceReading, p: Pair) -> bool:
    """A conditional audience with no offer after it: "If you have gout, ask your doctor"."""
    return r.finder.offers is not None and not any(o >= p.target[1] for o, _ in r.offered)


def person_acts(r: SentenceReading, p: Pair) -> bool:
    """The person fights the disease: "anyone battling PTSD deserves care"."""
    return _person_acts(r.doc, r.lo, p.cue_start)


def side_effect_avoided(r: SentenceReading, p: Pair) -> bool:
    """A side effect avoided: "without the muscle pain of statins"."""
    return _avoided(r.doc, r.lo, p.target)


def opening_frame(r: SentenceReading, p: Pair) -> bool:
    """ "For adults with insomnia, glycine is ...": an opening frame, not the offer."""
    return p.weak and p.cue_start == r.lo and p.end < r.hi and r.doc[p.end].text == ","


def negated(r: SentenceReading, p: Pair) -> bool:
    """A negation in the cue's clause, read across a list of cues ("doesn't treat, cure or
    prevent diabetes")."""
    negation_from = _over_cue_list(r.doc, r.lo, p.start, r.cue_tokens)
    # an outcome's own negation is the outcome: "my gout hasn't flared"
    end = p.target[1] if r.finder.possessed else p.end
    return r.finder._negated(r.doc, r.lo, p.cue_start, negation_from, end)


def open_question(r: SentenceReading, p: Pair) -> bool:
    """ "testing whether saffron can ease depression"."""
    return opens_question(r.doc, r.lo, p.start)


def about_drug(r: SentenceReading, p: Pair) -> bool:
    """The claim is a drug's or a therapy's ("Adderall treats ADHD"); a substitute's own
    target drug does not count."""
    drugs = r.drugs
    if r.finder.allow_drug_subject:
        drugs = [d for d in drugs if d != p.target]
    return r.finder._about_drug(r.doc, r.lo, r.hi, p.cue_start, p.end, drugs)


def second_condition(r: SentenceReading, p: Pair) -> bool:
    """A participle joined to the condition before it names a second condition: "people with
    kidney disease or reduced kidney function" (a caution's audience), not "cured my eczema
    and reduced my psoriasis"; read as evidence.* reads it (claim_grammar.joined_participle)."""
    lowers = token_strings(r.doc).lower
    return p.target[1] == p.cue_start - 1 and joined_participle(lowers, p.cue_start, r.lo, r.hi)


def sufferers_described(r: SentenceReading, p: Pair) -> bool:
    """People who have the condition, as the subject: "Migraine sufferers should see a doctor",
    "many eczema sufferers notice flares". An audience needs its frame: "for arthritis
    sufferers", or a call ("Migraine sufferers, this is the magnesium for you")."""
    lowers = token_strings(r.doc).lower
    if lowers[p.cue_start] in FRAMED and p.target[0] >= p.cue_end:
        return True  # "patients with lupus were enrolled": the condition must lead ("MS warriors")
    if lowers[p.cue_start] not in SUFFERERS or p.cue_start != p.target[1]:
        return False
    first = clause_start(r.doc, r.lo, p.target[0])
    lead = lowers[first : p.target[0]]
    # a call, or a possessive naming what is theirs ("the gout sufferer's morning shot")
    called = p.cue_end < r.hi and lowers[p.cue_end] in CALL_MARKS
    if lowers[p.cue_start] in FRAMED:  # "we enrolled 40 stroke patients" offers nothing
        offered = "for" in lowers[max(first, p.target[0] - 3) : p.target[0]]
        return not (offered or called)
    return all(word in SUBJECT_QUANTIFIERS for word in lead) and not called


SUFFERERS = {
    "sufferers",
    "sufferer",
    "warriors",
    "warrior",
    "fighters",
    "fighter",
    "survivors",
    "survivor",
    "patients",
    "patient",
}
# people named by their condition who are an audience only when offered ("for MS warriors")
FRAMED = SUFFERERS - {"sufferers", "sufferer"}

SUBJECT_QUANTIFIERS = {"many", "most", "some", "all", "the", "these", "those", "few", "other"}

CALL_MARKS = {",", ":", "—", "–", "-", "!", "'s", "’s", "'"}


def caused_between(r: SentenceReading, p: Pair) -> bool:
    """A verb of causing between the cue and its condition makes the condition a harm:
    "stopping suddenly can cause headaches" warns, it treats nothing. Not in the passive:
    in "reverses hair loss caused by alopecia" the condition is the cause, and is treated."""
    lowers = token_strings(r.doc).lower
    return any(
        lowers[k] in CAUSING and lowers[k + 1] != "by" for k in range(p.cue_end, p.target[0])
    )


# verbs that bring a condition on, in any inflection
CAUSING = frozenset(
    form
    for verb in ("cause", "trigger", "worsen", "provoke", "induce", "bring")
    for form in verb_forms(verb)
)


def outcome_of_drug(r: SentenceReading, p: Pair) -> bool:
    """An outcome put down to a drug or a therapy named after it: "her depression is better
    because of therapy" (not "... since I ditched Xanax")."""
    if not r.finder.possessed:
        return False
    lowers = token_strings(r.doc).lower
    return any(
        p.end <= d_start <= p.end + INSTRUMENT_REACH
        and not set(lowers[p.end : d_start]) & COMPARISON_WORDS
        for d_start, _ in r.drugs
    )


# a clause of time or contrast puts what follows on something else: "cured my eczema when the
# creams did nothing" (the creams failed, not the product)
OTHER_CAUSE = frozenset({"when", "where", "after", "unlike", "whereas", "while"})


def rebuts(rebuttals: Terms | None, doc: Doc, start: int, end: int) -> bool:
    """A rebuttal in [start, end) that judges the claim before it, not another thing."""
    if rebuttals is None:
        return False
    lowers = token_strings(doc).lower
    for r_start, _ in rebuttals.find(doc, start, end):
        if not any(lowers[i] in OTHER_CAUSE for i in range(start, r_start)):
            return True
    return False


def rebutted_after(r: SentenceReading, p: Pair) -> bool:
    """The sentence goes on to judge the claim false: "people swear magnesium cured their
    migraines, but the trial evidence is mixed"."""
    return rebuts(r.finder.rebuttals, r.doc, p.end, r.hi)


def safety_of_use(r: SentenceReading, p: Pair) -> bool:
    """An audience after a word of safety judges use, it offers nothing: "unsafe for people
    with heart disease", "safe for people with celiac disease to eat", "not suitable for
    anyone with gout" (not "ideal for anyone with gout")."""
    lowers = token_strings(r.doc).lower
    if not p.weak or lowers[p.cue_start] != "for":
        return False
    return any(lowers[k] in SAFETY_WORDS for k in range(max(r.lo, p.cue_start - 3), p.cue_start))


# ("recommended for people with IBS" may praise as well as warn: not here)
SAFETY_WORDS = {
    "safe", "unsafe", "safer", "safest", "suitable", "unsuitable", "appropriate", "risky",
    "dangerous", "harmful", "toxic", "contraindicated", "cautioned", "caution", "warning",
    "problematic", "tolerated",
}  # fmt: skip


# every pair is read by all of these (`any`): a pair any of them names is only a mention
PAIR_EXCLUSIONS = (
    comparison_for_cue,
    title_quoted,
    reported_before,
    reported_inside,
    quote_reported,
    patient_treated,
    occasional,
    not_offered,
    person_acts,
    side_effect_avoided,
    opening_frame,
    negated,
    open_question,
    about_drug,
    outcome_of_drug,
    caused_between,
    second_condition,
    sufferers_described,
    safety_of_use,
    rebutted_after,
)

INSTRUMENT_REACH = 12  # tokens after a claim in which "treated with <drug>" still names it


def _patient_treated(doc: Doc, lo: int, cue_start: int, target: tuple[int, int]) -> bool:
    """ "He was treated for pneumonia", "she got diagnosed with lupus"."""
    return (
        target[0] > cue_start > lo
        and doc[cue_start].lower_ in PATIENT_CUES
        and doc[cue_start - 1].lower_ in PASSIVE
    )


def _avoided(doc: Doc, lo: int, target: tuple[int, int]) -> bool:
    """ "all the calm of Xanax without the addiction", "without the muscle pain of statins": a
    side effect avoided, not a disease treated."""
    lowers = token_strings(doc).lower
    return bool({"without", "minus"} & set(lowers[max(lo, target[0] - 3) : target[0]]))


def _person_acts(doc: Doc, lo: int, cue_start: int) -> bool:
    """ "anyone battling PTSD deserves care": the person fights the disease, not the product;
    "ideal for anyone battling PTSD" offers the product to them, and stays a claim. So does a
    life story: "started the company after beating breast cancer"."""
    if cue_start - 1 < lo or not doc[cue_start].lower_.endswith("ing"):
        return False
    before = doc[cue_start - 1].lower_
    if before in LIFE_TIMES and doc[cue_start].lower_ in STRUGGLES:
        return True
    if before not in PERSONS:
        return False
    return not (cue_start - 2 >= lo and doc[cue_start - 2].lower_ in OFFERED_TO)


# "after beating cancer", "while fighting lupus": when the person did it, not the product
LIFE_TIMES = {"after", "while", "since", "before"}

STRUGGLES = {"beating", "battling", "fighting", "surviving", "overcoming", "conquering",
             "defeating"}  # fmt: skip


def occasional_symptom(doc: Doc, lo: int, target: tuple[int, int]) -> bool:
    """ "the occasional hangover headache": an occasional symptom in healthy people is not a
    disease (21 CFR 101.93(g)(2) and the 2000 final rule: "occasional sleeplessness")."""
    return any(doc[i].lower_ in OCCASIONAL for i in range(max(lo, target[0] - 2), target[0]))


# "everyday heartburn", "the odd headache": the mild, passing form of a symptom
OCCASIONAL = {"occasional", "everyday", "odd", "infrequent"}


def _over_cue_list(doc: Doc, lo: int, start: int, cue_tokens: set[int]) -> int:
    """Where a list of cues ending at `start` begins: "doesn't treat, cure or prevent
    diabetes" reads its negation across the commas of the list."""
    i = start
    while i - 2 >= lo and doc[i - 1].lower_ in LIST_JOINS and (i - 2) in cue_tokens:
        i -= 2
        while i - 1 >= lo and (i - 1) in cue_tokens:
            i -= 1
    return i
