"""A condition asked as the topic and answered by the product: "Tinnitus? SilentLeaf drops stop
the ringing.", "Dealing with gout? Our cherry extract clears it up."

The question names the disease; the answer, the next sentence of the same paragraph, makes the
claim without naming it again. The question alone is no claim (it asks), and the answer alone
names no condition, so neither reader finds it. Read narrowly, because an article's opening
question is often just its topic ("Insomnia? You're not alone."):
- the question is short, ends at the condition or one of its flare words ("Shingles pain?",
  "RA flares?"), and does not start with a question word or an auxiliary ("What is tinnitus?",
  "Can zinc help acne?" ask, and the cue reader reads them);
- it is prose, not a heading (a heading that asks names a topic, whatever its answer);
- the answer names a product and says what it does to something (one of the cue reader's cues,
  a split verb and its particle: "keeps flare-ups away", or an offer: "Reach for ReliefMag"),
  with no negation, no drug or doctor (a drug it is compared with, "better than methotrexate",
  is no treatment), and is itself no question, disclaimer or dismissal;
- the answer does not name the same condition again (then the answer's own claim is the finding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.rules.match.cue_target import (
    CLAIM_NEGATIONS,
    FLARE_NOUNS,
    Claim,
    ClaimFinder,
)
from lint.rules.match.pair_exclusions import COMPARISON_WORDS
from lint.rules.match.terms import Terms
from lint.tokens import token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lint.analysis import Analysis, Sentence

LEAD_WORDS = 4  # "Still struggling with", "Tired of", "Dealing with": a short lead-in
COMPARED_REACH = 3  # "better than methotrexate", "works like a statin"
ASKING = {
    "what",
    "why",
    "how",
    "when",
    "where",
    "who",
    "which",
    "whose",
    "is",
    "are",
    "am",
    "was",
    "were",
    "does",
    "do",
    "did",
    "can",
    "could",
    "should",
    "will",
    "would",
    "may",
    "might",
    "isn't",
    "doesn't",
    "ok",
    "or",
}

Products = Callable[["Doc", int, int], bool]


@dataclass(frozen=True)
class AnswerCues:
    """What else makes an answer a claim: an offer ("Reach for ReliefMag"), or a verb closed
    by its particle ("keeps flare-ups away"); the rule's `offers`, `split_verbs`, `split_cues`."""

    offers: Terms | None = None
    split_verbs: Terms | None = None
    split_particles: Terms | None = None
    # what makes an answer that opens on the product a caution or advice, not a cure (the
    # rule's `open_claims` caution and advice words: "avoid", "talk to your doctor")
    guards: tuple[Terms, ...] = ()

    def find(self, doc: Doc, lo: int, hi: int) -> bool:
        if self.offers is not None and self.offers.find(doc, lo, hi):
            return True
        if self.split_verbs is None or self.split_particles is None:
            return False
        verbs = self.split_verbs.find(doc, lo, hi)
        return bool(verbs) and bool(self.split_particles.find(doc, verbs[0][1], hi))


def fronted_claims(
    analysis: Analysis,
    targets: list[tuple[int, int]],
    has_product: Products,
    reader: ClaimFinder,
    more: AnswerCues | None = None,
) -> Iterator[Claim]:
    """Claims at the condition of a topic question answered by a product claim."""
    sentences = analysis.sentences
    doc = analysis.doc
    lowers = token_strings(doc).lower
    for start, end in targets:
        question = analysis.sentence_at(doc[start].idx)
        if question is None or question.index + 1 >= len(sentences):
            continue
        answer = sentences[question.index + 1]
        if not _topic_question(question, start, end, lowers) or answer.block is not question.block:
            continue
        if _answers(answer, lowers[start:end], targets, has_product, reader, more):
            condition = doc[start:end].text
            yield Claim(question, start, end, "?", condition)


def _topic_question(question: Sentence, start: int, end: int, lowers: list[str]) -> bool:
    lo, hi = question.span.start, question.span.end
    if question.is_heading or not question.text.endswith("?"):
        return False
    tail = [w for w in lowers[end:hi] if w.strip()]
    if len(tail) == 2 and tail[0] in FLARE_NOUNS:
        tail = tail[1:]
    lead = lowers[lo:start]
    return tail == ["?"] and len(lead) <= LEAD_WORDS and not (lead and lead[0] in ASKING)


def _answers(
    answer: Sentence,
    condition: list[str],
    targets: list[tuple[int, int]],
    has_product: Products,
    reader: ClaimFinder,
    more: AnswerCues | None = None,
) -> bool:
    doc = answer.span.doc
    lo, hi = answer.span.start, answer.span.end
    words = answer.lowers
    if answer.is_question or answer.is_heading or set(words) & CLAIM_NEGATIONS:
        return False
    named = [token_strings(doc).lower[s:e] for s, e in targets if lo <= s and e <= hi]
    if condition in named or not has_product(doc, lo, hi):
        return False
    cued = reader.cues.find(doc, lo, hi) or (more is not None and more.find(doc, lo, hi))
    if not (cued or _product_acts(answer, has_product, more)) or reader._mentions_only(answer):
        return False
    return not treated_otherwise(reader, doc, lo, hi)


def _product_acts(answer: Sentence, has_product: Products, more: AnswerCues | None) -> bool:
    """An answer with no cue word that opens on the product or puts it to use, and says
    nothing of safety, suitability or advice: "Kidney disease? RenaGreen Powder filters out
    what your kidneys can't", "... Strengthen weak muscles with our ribose formula"; not
    "Celiac disease? Our capsules are gluten-free", "Gout? Our cherry juice is high in sugar,
    so ask your doctor". The team's sets hold 23 bare condition questions before a product
    sentence, every one labelled a claim; the cue words were what missed seven."""
    doc, lo, hi = answer.span.doc, answer.span.start, answer.span.end
    words = answer.lowers
    if set(words) & NOT_A_CURE:
        return False
    if more is not None and any(guard.find(doc, lo, hi) for guard in more.guards):
        return False
    if has_product(doc, lo, min(hi, lo + OPENING_WORDS)):
        return True
    return any(
        words[k] == "with" and words[k + 1] in USING and has_product(doc, lo + k + 1, hi)
        for k in range(len(words) - 1)
    )


OPENING_WORDS = 3  # the product leads: "RenaGreen Powder filters", "Our drops stop"
USING = {"our", "this", "these", "my"}  # "with our ribose formula"
# an answer about what the product is or risks, not what it does to the condition
NOT_A_CURE = {
    "free", "friendly", "safe", "safer", "suitable", "appropriate", "contain", "contains",
    "certified", "label", "labels", "labelled", "labeled", "allergen", "allergens", "tested",
    "risk", "risks", "raise", "raises", "increase", "increases", "worsen", "worsens",
    "interact", "interacts", "caution", "careful", "check", "consult", "ask", "sugar",
}  # fmt: skip


def treated_otherwise(reader: ClaimFinder, doc: Doc, lo: int, hi: int) -> bool:
    """A drug, therapy or doctor in the answer: "Gout? Your doctor can prescribe allopurinol"; a
    drug the product is compared with ("... in days, better than methotrexate") treats nothing."""
    drugs = reader.drug_spans(doc, lo, hi, subjects=False)
    lowers = token_strings(doc).lower
    if any(not set(lowers[max(lo, s - COMPARED_REACH) : s]) & COMPARISON_WORDS for s, _ in drugs):
        return True
    return reader.subjects is not None and bool(reader.subjects.find(doc, lo, hi))
