"""A learned second reader for condition mentions the claim rules passed over.

The cue and anchored finders decide by words the team listed; each blind round finds claims
in shapes nobody listed ("demolished my bronchitis"). This reader scores every condition
mention that no finder claimed with a logistic regression over hashed words around it,
trained by `tests/eval/train_claims.py` on the labelled sets in `tests/eval/`, and
claims it above the rule's `model_threshold`. The weights are JSON data (no code is loaded),
read once per process and only when a candidate exists.

Features are bounded (15 tokens each side, 12 before the sentence), so a scan stays linear.
"""

from __future__ import annotations

import itertools
import json
import math
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.analysis import Analysis, Sentence
from lint.errors import ConfigError
from lint.rules.match.anchored import GENERIC
from lint.rules.match.cue_target import Claim
from lint.rules.match.terms import Terms
from lint.tokens import token_strings

FORMAT = "supplint-claim-model/1"
SIDE = 15  # tokens of context each side of the mention
BEFORE = 12  # tokens before the sentence (a heading, the product named just before)
NEAR = 6  # tokens each side that also count as near words
CONDITION = "<c>"


def features(
    lowers: Sequence[str], lo: int, hi: int, start: int, end: int, product: bool, mild: bool = False
) -> list[str]:
    """The words around a condition mention [start, end) of the sentence [lo, hi), the mention
    itself replaced by one placeholder so that what is learned carries across conditions (the
    condition's own words are one feature more); a mild condition (anxiety, pain: a feeling as
    often as a disorder) says so."""
    left = list(lowers[max(lo, start - SIDE) : start])
    words = [*left, CONDITION, *lowers[end : min(hi, end + SIDE)]]
    at = len(left)
    found = ["u:" + w for w in words]
    found += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    for k in range(1, 5):
        if at - k >= 0:
            found.append(f"L{k}:{words[at - k]}")
        if at + k < len(words):
            found.append(f"R{k}:{words[at + k]}")
    found += ["Lw:" + w for w in words[max(0, at - NEAR) : at]]
    found += ["Rw:" + w for w in words[at + 1 : at + 1 + NEAR]]
    found.append("prod" if product else "noprod")
    found.append("c:" + " ".join(lowers[start:end]))
    if mild:
        found.append("mild")
    found += ["p:" + w for w in lowers[max(0, lo - BEFORE) : lo]]
    return found


def bucket(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


@dataclass(frozen=True)
class ClaimModel:
    bias: float
    weights: dict[int, float]
    buckets: int

    def probability(self, found: list[str]) -> float:
        keys = {bucket(f, self.buckets) for f in found}
        score = self.bias + sum(self.weights.get(k, 0.0) for k in keys)
        return 1.0 / (1.0 + math.exp(-score))


def load_model(path: Path, rule_file: str, line: int, column: int) -> ClaimModel:
    """The model of a file written by tests/eval/train_claims.py."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a claim model of format {FORMAT}")
        keys, values = data["keys"], data["weights"]
        if len(keys) != len(values):
            raise ValueError("keys and weights differ in length")
        return ClaimModel(
            float(data["bias"]),
            {int(k): float(w) for k, w in zip(keys, values, strict=True)},
            int(data["buckets"]),
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise ConfigError(
            rule_file, f"cannot read claim model {path}: {reason}", line, column
        ) from None


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    start: int
    end: int
    features: list[str]


def mentions(doc: Any, conditions: Terms, mild: Terms | None) -> list[tuple[int, int, bool]]:
    """Condition mentions in order, each marked mild or not; a mild term inside or across a
    full condition ("pain" in "diabetic nerve pain") is that condition's, not one more."""
    full = conditions.find(doc)
    found = [(s, e, False) for s, e in full]
    if mild is None:
        return found
    extra, k = [], 0
    for start, end in mild.find(doc):  # both lists run left to right: one pass
        while k < len(full) and full[k][1] <= start:
            k += 1
        if k == len(full) or full[k][0] >= end:
            extra.append((start, end, True))
    return sorted(found + extra) if extra else found


def candidates(
    analysis: Analysis,
    conditions: Terms,
    products: Terms,
    claimed: Sequence[Claim],
    mild: Terms | None = None,
) -> Iterator[Candidate]:
    """Condition mentions inside a prose sentence that no claim covers (a generic word alone,
    such as 'infections', never counts)."""
    doc = analysis.doc
    lowers = token_strings(doc).lower
    covered = sorted((c.start, c.end) for c in claimed)
    index = 0
    for start, end, is_mild in mentions(doc, conditions, mild):
        if end - start == 1 and lowers[start] in GENERIC:
            continue
        while index < len(covered) and covered[index][1] <= start:
            index += 1
        # covered[index] is the first claim (by start) ending after `start`: any claim that
        # overlaps the mention starts before `end`, so this one does too
        if index < len(covered) and covered[index][0] < end:
            continue
        sentence = analysis.sentence_at(doc[start].idx)
        if sentence is None or end > sentence.span.end or in_table(sentence):
            continue
        lo, hi = sentence.span.start, sentence.span.end
        product = bool(products.find(doc, lo, hi))
        found = features(lowers, lo, hi, start, end, product, is_mild)
        yield Candidate(sentence, start, end, found)


def in_table(sentence: Sentence) -> bool:
    """A table cell is read by its column's header (the table reader), and a cell's words say
    too little for the model, which learned from sentences."""
    return sentence.block is not None and sentence.block.kind == "table_cell"


@dataclass
class ModelFinder:
    """Claims the mentions the other finders left whose probability reaches `threshold`."""

    conditions: Terms
    products: Terms
    model: Any  # a callable returning the ClaimModel (read on first use), or None: off
    threshold: float
    mild: Terms | None = None

    def find(self, analysis: Analysis, claimed: Sequence[Claim]) -> Iterator[Claim]:
        if self.model is None:
            return
        found = list(candidates(analysis, self.conditions, self.products, claimed, self.mild))
        if not found:
            return
        model: ClaimModel = self.model()
        doc = analysis.doc
        for candidate in found:
            if model.probability(candidate.features) >= self.threshold:
                text = doc[candidate.start : candidate.end].text
                yield Claim(candidate.sentence, candidate.start, candidate.end, "", text)
