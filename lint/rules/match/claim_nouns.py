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

EFFECT_NOUNS = {"effect", "effects", "benefit", "benefits", "impact", "impacts", "influence"}
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
PASSIVE_BE = {"was", "were", "is", "are"}
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
# round 8: an effect named by a noun with what it does in front ("the calming effect of
# L-theanine", "the glucose-lowering effect of cinnamon", "the memory boost from bacopa")
QUALIFIED_NOUNS = EFFECT_NOUNS | {"boost", "power", "protection", "action", "properties"}
EFFECT_ADJECTIVES = {
    "calming", "soothing", "relaxing", "protective", "beneficial", "positive", "favourable",
    "favorable", "therapeutic", "healing", "restorative", "antidepressant", "anxiolytic",
    "analgesic", "neuroprotective", "cardioprotective", "antioxidant", "ergogenic", "energizing",
    "energising", "stimulating", "hypoglycaemic", "hypoglycemic", "hypotensive",
    "antihypertensive", "slimming", "detoxifying", "rejuvenating", "sedative", "hypnotic",
    "anti-aging", "anti-ageing", "antiviral", "antibacterial", "antimicrobial",
}  # fmt: skip
# "X-induced improvements in insulin sensitivity": a change the product brought about
INDUCED_CHANGES = CHANGE_NOUNS | {"gains", "gain", "increase", "increases", "reductions", "drop",
                                  "fall", "decline", "declines", "drops"}  # fmt: skip
# "the reduction in pain by acupuncture": a change whose agent follows "by" (not "by week 4",
# "by half", "by the end of")
BY_CHANGES = CHANGE_NOUNS | {"reductions", "drop", "fall", "decline"}
NOT_AGENTS = {"week", "weeks", "day", "days", "month", "months", "year", "years", "the", "half",
              "a", "one", "two", "three", "about", "up", "nearly", "almost", "around", "roughly",
              "approximately", "more", "less", "then", "baseline", "follow-up"}  # fmt: skip
# "greater reductions in anxiety were achieved with the programme"
ACHIEVED = {"achieved", "obtained", "produced", "attained"}
CAUSED_BY = {"produced", "induced", "caused", "achieved", "brought", "elicited", "conferred"}
# who measures an effect does not claim it: "we measured the calming effect of"
AIM_VERBS = {
    "measure", "measured", "measuring", "assess", "assessed", "assessing", "evaluate",
    "evaluated", "evaluating", "examine", "examined", "examining", "investigate",
    "investigated", "investigating", "test", "tested", "testing", "study", "studied",
    "explore", "explored", "determine", "determined", "compare", "compared", "quantify",
    "quantified", "whether", "if", "about", "on", "into",
}  # fmt: skip
# what is still to be shown is not claimed: "trials are needed to establish the calming effect
# of", "to raise awareness of the health benefits of" (round 9)
AIM_INFINITIVES = {
    "establish", "confirm", "verify", "clarify", "elucidate", "translate", "maximize",
    "maximise", "understand", "explore", "quantify", "demonstrate", "prove", "characterize",
    "characterise", "strengthen", "replicate", "substantiate", "document",
}  # fmt: skip
AWARENESS = {"awareness", "understanding", "knowledge", "perception", "perceptions", "beliefs"}
POSSESSIVES = {"its", "their", "his", "her", "our", "your"}
OBJECT_ENDS = {"in", "on", "for", "at", "with", "by", "to", "during", "over", "after", "was",
               "were", "is", "are", "has", "have", "lasts", "lasted", "and", "or"}  # fmt: skip
NOUN_TRIGGERS = EFFECT_NOUNS | CHANGE_NOUNS | PROMISING | QUALIFIED_NOUNS | INDUCED_CHANGES


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


def _qualifier_start(lowers: list[str], i: int, first: int) -> int | None:
    """Where the words naming what an effect noun at `i` does start: "glucose-lowering" (a
    hyphen compound ending -ing/-ed or starting anti-), "calming"; None without them."""
    q = i - 1
    if q < first:
        return None
    if q - 2 >= first and lowers[q - 1] == "-":
        head, tail = lowers[q - 2], lowers[q]
        if head == "anti" or tail.endswith(("ing", "ed", "ive", "ory", "ant")):
            return q - 2  # "sleep-promoting", "anti-inflammatory", "exercise-induced"
    return q if lowers[q] in EFFECT_ADJECTIVES else None


def _not_claimed(lowers: list[str], start: int, first: int) -> bool:
    """Words before a noun claim that leave it open or measured: "no calming effect", "we
    measured the anti-inflammatory effect", "a possible protective effect"."""
    for j in range(max(first, start - 4), start):
        if lowers[j] in NULL_EFFECT or lowers[j] in AIM_VERBS or lowers[j] in {"side", "not"}:
            return True
        if lowers[j] in AWARENESS:
            return True
        if lowers[j] in AIM_INFINITIVES and j > first and lowers[j - 1] in {"to", "further"}:
            return True
    return False


def _object_end(lowers: list[str], k: int, end: int) -> int | None:
    """The end of the noun phrase at `k` ("L-theanine", "green tea extract"), up to four
    words; None when no noun phrase starts there (a pronoun, a number, a person)."""
    if k >= end or not lowers[k][:1].isalpha() or lowers[k] in {"it", "this", "that", "them"}:
        return None
    if lowers[k] in grammar.HELPED:
        return None
    stop = k
    while stop < min(end, k + 4) and lowers[stop] not in grammar.REGION_BREAKS:
        if lowers[stop] in OBJECT_ENDS and stop > k:
            break
        stop += 1
    return stop


def qualified_effect(
    lowers: list[str], i: int, first: int, end: int, is_target: bool = False
) -> tuple[int, int] | None:
    """ "the calming effect of L-theanine", "its sleep-promoting effect", "the memory boost
    from bacopa" (`is_target`: the word before the noun is a listed health effect, which
    counts before "boost", "benefits", "protection", "power" but not before "effect")."""
    if lowers[i] not in QUALIFIED_NOUNS:
        return None
    start = _qualifier_start(lowers, i, first)
    if start is None and is_target and lowers[i] not in {"effect", "effects", "action"}:
        start = i - 1  # "the memory boost", "the heart benefits", "immune protection"
    if start is None or _not_claimed(lowers, start, first):
        return None
    if start > first and lowers[start - 1] in POSSESSIVES:
        return start, i + 1  # "its sleep-promoting effect": the product is the possessor
    if i + 1 < end and lowers[i + 1] in {"of", "from"}:
        stop = _object_end(lowers, i + 2, end)
        if stop is not None:
            return start, stop
    return None


def benefit_on(lowers: list[str], i: int, first: int, end: int) -> tuple[int, int] | None:
    """ "the benefit of creatine on cognition", "the benefits of exercise for the heart": a
    benefit (a good effect by its name), its source, then what it acts on."""
    if lowers[i] not in {"benefit", "benefits"} or i + 2 >= end or lowers[i + 1] != "of":
        return None
    if _not_claimed(lowers, i, first):
        return None
    stop = _object_end(lowers, i + 2, end)
    if stop is None or stop + 1 >= end or lowers[stop] not in {"on", "for", "to"}:
        return None
    if not lowers[stop + 1][:1].isalpha():
        return None
    return i, stop


def induced_change(lowers: list[str], i: int, first: int, end: int) -> tuple[int, int] | None:
    """ "exercise-induced improvements in insulin sensitivity", "the reduction in LDL produced
    by oat beta-glucan": a change with its cause named."""
    if lowers[i] not in INDUCED_CHANGES or _not_claimed(lowers, i, first):
        return None
    if i - 2 >= first and lowers[i - 1] in CAUSED_BY - {"brought"} and lowers[i - 2] == "-":
        return i - 3 if i - 3 >= first else i - 2, i + 1
    if i + 2 >= end or lowers[i + 1] not in {"in", "of"}:
        return None
    for k in range(i + 2, min(end - 1, i + 8)):
        if lowers[k] in PASSIVE_BE and k + 2 < end and lowers[k + 1] in ACHIEVED:
            k += 1  # "reductions in anxiety were achieved with"
            if lowers[k + 1] in {"by", "with"} and lowers[k + 2] not in NOT_PRODUCT:
                stop = _object_end(lowers, k + 2, end)
                return (i, stop) if stop is not None else None
            return None
        if lowers[k] in grammar.REGION_BREAKS:
            return None
        if lowers[k] in CAUSED_BY and lowers[k + 1] in {"by", "with", "about"}:
            stop = _object_end(lowers, k + 2, end) if lowers[k + 1] != "about" else k + 2
            return (i, stop) if stop is not None else None
        if lowers[k] == "by" and lowers[i] in BY_CHANGES and k > i + 2:
            if lowers[k + 1] in NOT_AGENTS or not lowers[k + 1][:1].isalpha():
                return None
            stop = _object_end(lowers, k + 1, end)
            return (i, stop) if stop is not None else None
    return None


# round 9: a treated group compared with its controls states the effect of the treatment ("women
# randomised to vitamin D had fewer falls", "those given zinc had shorter colds than those on
# placebo"); a group that only took something, compared with those who did not, is observational
ASSIGNED = {"randomised", "randomized", "assigned", "allocated", "given", "supplemented"}
# ... exposures, which count only against a placebo or control group ("treated with" in a cohort)
TOOK = ASSIGNED | {"taking", "took", "using", "used", "on", "drinking", "eating", "received",
                   "receiving", "treated"}  # fmt: skip
CONTROLS = {"placebo", "controls", "control", "sham", "untreated", "unsupplemented"}
RESULT_VERBS = {"had", "has", "have", "gained", "lost", "scored", "recovered", "showed",
                "reported", "experienced", "needed", "developed", "slept", "healed",
                "improved", "felt", "performed", "ran", "walked"}  # fmt: skip
HEALTH_RESULTS = {"recovered", "healed", "slept"}  # result verbs that are health effects
GROUP_COMPARATIVES = {"fewer", "less", "more", "lower", "higher", "shorter", "longer",
                      "greater", "better", "faster", "sooner", "smaller", "larger", "quicker",
                      "milder", "worse"}  # fmt: skip


def treated_group(lowers: list[str], first: int, end: int) -> tuple[int, int, bool] | None:
    """A treated group's result, compared: (start, end) of "had fewer falls" and whether a
    placebo or control group is named. None without a treatment word before the result verb."""
    treated = None
    for k in range(first, end):
        word = lowers[k]
        if word in TOOK and treated is None:
            if not CONTROLS.isdisjoint(lowers[k + 1 : min(end, k + 4)]):
                return None  # "those who received the placebo had more headaches"
            treated = word
        elif word in RESULT_VERBS and treated is not None and k + 1 < end:
            j = k + 1
            if lowers[j] in {"a", "significantly", "markedly", "much", "far"} and j + 1 < end:
                j += 1
            if lowers[j] not in GROUP_COMPARATIVES:
                continue
            controlled = any(w in CONTROLS for w in lowers[j + 1 : end])
            if "baseline" in lowers[j + 1 : end]:
                return None  # "the treated arm had lower scores at baseline": no effect yet
            if treated not in ASSIGNED and not controlled:
                return None  # "people who took fish oil had fewer strokes": observational
            return k, min(end, j + 2), controlled
    return None


# round 9: a first-person result after taking something, with no verb of causing ("since I
# started taking magnesium, my migraines have stopped", "after two weeks on it my brain fog
# lifted"): the reader is told the product did it. Without the intake clause ("cut back and my
# anxiety eased", "after the heatwave my headaches stopped") it stays a report of a change.
FADED = {"lifted", "stopped", "disappeared", "vanished", "cleared", "eased", "faded", "improved",
         "dropped", "subsided", "resolved", "normalised", "normalized", "settled", "calmed",
         "melted", "went", "disappear", "vanish", "fade", "melts", "eases", "lifts",
         "disappears", "vanishes", "fades", "improves"}  # fmt: skip
OWNERS = {"my", "our", "your"}
SINCE = {"since", "after", "within", "once"}
INTAKE = {"taking", "took", "started", "starting", "began", "using", "adding", "on"}
QUITTING = {"stopped", "quit", "quitting", "stopping", "cut", "dropped", "ditched"}
HAVE_DONE = {"have", "has", "had", "completely", "finally", "totally", "just", "all", "really"}


def anecdote(lowers: list[str], first: int, end: int) -> tuple[int, int] | None:
    """(start, end) of "my brain fog lifted" after an intake clause; None otherwise."""
    since = next((k for k in range(first, end) if lowers[k] in SINCE), None)
    if since is None:
        return None
    for k in range(since + 1, end):
        if lowers[k] in QUITTING and k + 1 < end and lowers[k + 1] not in OWNERS:
            return None  # "after I stopped taking it, my headaches stopped": a caution
        if lowers[k] not in OWNERS:
            continue
        if not any(lowers[j] in INTAKE for j in range(since + 1, k)):
            return None
        for j in range(k + 1, min(end, k + 6)):
            if lowers[j] in {"not", "n't", "never", "nt"}:
                return None  # "my migraines have not stopped"
            if lowers[j] in FADED:
                if lowers[j] == "went" and (j + 1 >= end or lowers[j + 1] not in {"away", "down"}):
                    return None
                return k, j + 1
            if lowers[j] in grammar.REGION_BREAKS and lowers[j] not in HAVE_DONE:
                return None
        return None
    return None
