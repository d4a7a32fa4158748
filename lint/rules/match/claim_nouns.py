"""Causal claims made with nouns, for the `claim` kind: "had a marked effect on muscle pain",
"exerted benefits on body composition", "a reduction of joint stiffness with glucosamine".

Research summaries name effects as nouns as often as with verbs; a verb list misses them. Two
shapes count, read from word order like `claim_grammar` (blank English has no parser):

1. A verb of having or producing, then an effect noun and what it acts on: "had a marked
   effect on", "has clear benefits for", "exerted beneficial effects on". Not when the effect
   is ruled out or left open ("had no effect on", "little impact on", "mixed effects on").
2. A change noun, what changed, and "with" the product: "an improvement of liver enzymes with
   silymarin", "a reduction in pain with exercise". Not a group ("improvement in patients with
   diabetes") or a dose-response ("a reduction in risk with each extra serving").

All functions take the Doc's lower-case token list and token indexes; they return the span of
the claim as (start, end) token indexes, or None.
"""

from __future__ import annotations

from lint.rules.match import claim_grammar as grammar

EFFECT_NOUNS = {"effect", "effects", "benefit", "benefits", "impact", "impacts"}
CHANGE_NOUNS = {"improvement", "improvements", "reduction", "reductions", "decrease", "relief"}
# the verb that asserts the effect: "had", "exerted", "showed a clear effect"
HAVING = {
    "had", "has", "have", "exerted", "exerts", "exert", "showed", "shows", "demonstrated",
    "demonstrates", "produced", "produces", "yielded", "yields", "conferred", "confers",
    "conveyed", "delivered", "delivers", "indicates", "indicated", "revealed", "reveals",
    "found", "confirmed", "confirms", "observed",
}  # fmt: skip
# "had no effect", "little impact", "mixed effects": no effect stated as fact
NULL_EFFECT = {
    "no", "little", "minimal", "negligible", "null", "marginal", "limited", "uncertain",
    "unclear", "mixed", "inconsistent", "any", "nonsignificant", "non-significant", "unknown",
    "possible", "potential", "inconclusive", "opposite",
}  # fmt: skip
EFFECT_PREPOSITIONS = {"on", "for", "in", "against", "to"}
# a "with" that names a group or a dose-response, not the product: "patients with", "with each"
NOT_PRODUCT = grammar.HELPED | {
    "age", "time", "each", "every", "higher", "lower", "greater", "increasing", "more",
    "less", "placebo", "diabetes", "obesity", "those", "who", "and",
}  # fmt: skip
# a shop's imperative that promises a state: "Enjoy deeper sleep", "Expect fewer colds"
PROMISING = {"enjoy", "experience", "expect", "get", "feel", "discover"}
BETTER = {
    "better", "deeper", "sharper", "more", "less", "fewer", "faster", "stronger", "clearer",
    "calmer", "healthier", "improved", "restful", "lasting", "brighter", "smoother", "firmer",
    "younger", "youthful", "boundless", "steady", "steadier", "all-day", "sustained", "lower",
    "higher", "greater", "quicker",
}  # fmt: skip
NOUN_TRIGGERS = EFFECT_NOUNS | CHANGE_NOUNS | PROMISING


def effect_claim(lowers: list[str], i: int, first: int, end: int) -> tuple[int, int] | None:
    """ "had a marked effect on": the effect noun at `i` with its verb before it (up to four
    words, none of them ruling the effect out) and a preposition and an object after it."""
    if lowers[i] not in EFFECT_NOUNS:
        return None
    j, words = i - 1, 0
    while j >= first and words < 4 and lowers[j] not in HAVING:
        if lowers[j] in NULL_EFFECT or lowers[j] in grammar.REGION_BREAKS:
            return None  # "had no effect", "had little impact"
        words += lowers[j] != "-"  # "a favourable long-term effect": a compound is one word
        j -= 1
    if j < first or lowers[j] not in HAVING:
        return None
    k = i + 1
    if k < end and lowers[k] == "of":  # "a clear effect of curcumin on knee pain"
        k += 1
        while k < min(end, i + 6) and lowers[k] not in EFFECT_PREPOSITIONS:
            if lowers[k] in grammar.REGION_BREAKS:
                return None
            k += 1
    if k + 1 >= end or lowers[k] not in EFFECT_PREPOSITIONS:
        return None
    following = lowers[k + 1]
    if not following[:1].isalnum() or following in {"it", "this", "that", "them"}:
        return None
    return j, i + 1


def change_with(lowers: list[str], i: int, first: int, end: int) -> tuple[int, int] | None:
    """ "a reduction of joint stiffness with glucosamine": the change noun at `i`, what changed
    (up to five words, no person among them), then "with" and the product."""
    if lowers[i] not in CHANGE_NOUNS or i + 2 >= end or lowers[i + 1] not in {"of", "in"}:
        return None
    for k in range(i + 2, min(end - 1, i + 8)):
        word = lowers[k]
        if word in grammar.REGION_BREAKS or word in grammar.HELPED:
            return None
        if word == "with":
            product = lowers[k + 1]
            if product in NOT_PRODUCT or not product[:1].isalpha() or k == i + 2:
                return None
            return i, k + 2
    return None


def promised_state(lowers: list[str], i: int, first: int, end: int) -> tuple[int, int] | None:
    """ "Enjoy deeper sleep", "Experience sharper focus": an imperative that opens the sentence
    (after a list number or a bullet), then a comparative, then (the caller checks) a target."""
    if lowers[i] not in PROMISING:
        return None
    j = first
    while j < i and not lowers[j][:1].isalpha():
        j += 1  # "3.", "-", "*"
    if j != i or i + 1 >= end:
        return None
    k = i + 1
    if lowers[k] in {"your", "a", "the"} and k + 1 < end:
        k += 1
    return (i, k + 1) if lowers[k] in BETTER else None
