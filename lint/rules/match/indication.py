"""The drug's use in a drug comparison, as a disease claim: "the natural Viagra for erectile
dysfunction", "works similar to Flomax for my BPH", "better than the clobetasol my doc gave me
for eczema".

The comparison rule decides that the sentence offers the product as a drug's substitute (with
its own exclusions: negation, reports, prescribers, swaps to another drug). A condition the drug
is said to be *for*, a few words after the comparison in the same clause, is then what the
product is offered to treat. Without an asserted comparison the same words are the drug's own
use ("Flomax is prescribed for BPH"), no claim for the product: so this finder reads only the
comparisons, never a drug name alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from lint.analysis import NEGATIONS
from lint.rules.match.cue_target import Claim
from lint.rules.match.pair_exclusions import occasional_symptom
from lint.rules.match.terms import Terms
from lint.tokens import token_strings

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.rules.model import Rule

# how far after the comparison its "for" may come: "Singulair used to do for my hay fever"
FOR_REACH = 6
# words between "for" and the condition: "for my BPH", "for their eczema", "for knee pain"
LEAD_REACH = 2
# what ends the comparison's clause before its "for": "... like Xanax, and for anxiety"
CLAUSE_ENDS = {",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "but", "and", "or"}

Comparisons = Callable[["Analysis"], list[tuple[int, int]]]  # asserted (start, end) spans


class ReadsComparisons(Protocol):
    """A comparison rule's checker (lint/rules/kinds/comparison.py), as this finder reads it."""

    def asserted_spans(self, analysis: Analysis, rule: Rule) -> list[tuple[int, int]]: ...


@dataclass
class IndicationFinder:
    comparisons: Comparisons  # the comparison rule's asserted matches in a document
    conditions: Terms  # the disease rule's conditions

    def find(self, analysis: Analysis) -> Iterator[Claim]:
        doc = analysis.doc
        lowers = token_strings(doc).lower
        for start, end in self.comparisons(analysis):
            sentence = analysis.sentence_at(doc[start].idx)
            if sentence is None:
                continue
            lo, hi = sentence.span.start, sentence.span.end
            target = self._indication(analysis, lowers, end, hi)
            if target is None or occasional_symptom(doc, lo, target):
                continue
            # the comparison is asserted (its rule read the sentence: question, report,
            # negation before it); a negation after it is the condition's: "... for my
            # anxiety? not in my case"
            if not NEGATIONS.intersection(lowers[end : target[0]]):
                found = doc[target[0] : target[1]].text
                yield Claim(sentence, target[0], target[1], "for", found)

    def _indication(
        self, analysis: Analysis, lowers: list[str], end: int, hi: int
    ) -> tuple[int, int] | None:
        """The condition after the first "for" within FOR_REACH tokens of the comparison; its
        last token may be that "for" ("is the natural Xanax for")."""
        for i in range(end - 1, min(hi, end + FOR_REACH)):
            if lowers[i] in CLAUSE_ENDS:
                return None
            if lowers[i] == "for":
                reach = min(hi, i + 1 + LEAD_REACH + 8)  # a condition is at most 8 tokens
                for t_start, t_end in self.conditions.find(analysis.doc, i + 1, reach):
                    return (t_start, t_end) if t_start <= i + 1 + LEAD_REACH else None
                return None
        return None
