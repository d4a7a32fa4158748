"""Reading a caution sentence: is a match really a caution, and is it about another drug?

A caution pattern ("tolerance", "habit-forming", "interacts") can sit in a sentence that says
the opposite: "non-habit forming", "no risk of dependence", "doesn't build tolerance",
"tolerance is not an issue". And a sentence can warn about a drug that is not the article's
substance: "Prescription stimulants are habit-forming" is no dependence caution for ginkgo.
"""

from __future__ import annotations

import re

# a negator directly in front of the caution words: "no", "non-", "doesn't", "without"
NEGATORS = {
    "no",
    "not",
    "non",
    "never",
    "without",
    "zero",
    "nor",
    "none",
    "neither",
    "cannot",
    "lacks",
    "free",  # "free of withdrawal"
    "nothing",  # "there is, at these doses, nothing like a withdrawal"
}
# a caution played down: "a low risk of dependence", "little chance of tolerance"; the writer
# says there is nothing to warn about
_PLAYED_DOWN = re.compile(
    r"\b(?:low|lower|minimal|negligible|little|tiny|slight|hardly any|almost no|virtually no)"
    r"\s+(?:risk|chance|potential|likelihood|danger)\s+(?:of|for)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# words that turn "don't ... X" into a warning about X: "don't combine it with SSRIs", "not
# recommended with MAOIs", "not for people with kidney disease", "don't forget to cycle"
WARNING_WORDS = {
    "combine",
    "combining",
    "mix",
    "mixing",
    "stack",
    "stacking",
    "take",
    "taking",
    "use",
    "using",
    "exceed",
    "give",
    "for",
    "if",
    "unless",
    "when",
    "recommended",
    "advised",
    "advisable",
    "safe",
    "suitable",
    "wise",
    "ok",
    "okay",
    "good",
    "forget",
    "ignore",
    "underestimate",
    "skip",
    "drink",
    "drinking",
    "pair",
    "pairing",
}
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]—–]| - | but | although | though | while | whereas ")
_WORD = re.compile(r"[\w']+")
# "tolerance is not an issue", "withdrawal has never been reported", "tolerance doesn't build"
_DENIED_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:is|are|was|were|does|do|did|has|have|had|seems?|appears?|will"
    r"|should|can|wo)?\s*(?:n't|not|never|no longer|hardly|rarely|barely)\b"
    r"(?:\W+\w+){0,3}?\W+(?:an? )?(?:issue|issues|problem|problems|concern|concerns|develop"
    r"|develops|build|builds|occur|occurs|happen|happens|seem|appear|reported|known|common|likely|thing"
    r"|factor|worry|risk)\b",
    re.IGNORECASE,
)
_FREE_AFTER = re.compile(r"^[- ]free\b", re.IGNORECASE)


# "X doesn't build tolerance, but that is not true": the writer refutes the denial
_REFUTED = re.compile(
    r"\b(?:but|yet|however)\b[^.!?]{0,30}\b(?:not true|untrue|wrong|a myth|false|incorrect"
    r"|nonsense)\b",
    re.IGNORECASE,
)


def _negator(word: str) -> bool:
    return word in NEGATORS or word.endswith("n't")


# "There's a myth that it stops working unless you take breaks", "the idea that tolerance
# builds is a myth": the writer reports the caution only to reject it
_MYTH_BEFORE = re.compile(
    r"\b(?:myths?|misconceptions?|misbelief|not true|untrue|false|nonsense|wrong|debunked)"
    r"\s+(?:is\s+)?that\b|\bcontrary to (?:popular belief|what (?:people|many|most)\b)",
    re.IGNORECASE,
)
_MYTH_AFTER = re.compile(
    r"[^.!?;]{0,60}?\b(?:is|are|was) (?:just |simply |only |an? |all )*(?:old |common |popular )?"
    r"(?:myths?|misconceptions?|not true|untrue|overblown|overstated|nonsense|false)\b",
    re.IGNORECASE,
)
# "People ask about addiction", "I get asked about withdrawal": a topic raised, not a caution
# given (the answer that follows says whether there is one). "Ask your doctor about
# interactions" and "if you have questions about interactions, ask a pharmacist" stay cautions:
# only a third party asking or the writer being asked.
_ASKED_ABOUT = re.compile(
    r"\b(?:(?:people|everyone|folks|readers|many|some|they|others|friends)\s+(?:\w+\s+)?"
    r"(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|worry|worried)|(?:i|we)\s+(?:often\s+|always\s+)?"
    r"(?:get|got|am|was)\s+asked)\s+(?:me\s+|us\s+)?(?:about|on|regarding)\s+"
    r"(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def denied(text: str, start: int, end: int) -> bool:
    """The caution words at text[start:end] are negated, rejected as a myth or only asked
    about: the sentence does not give the caution."""
    if _ASKED_ABOUT.search(text[max(0, start - 60) : start]):
        return True
    # one rejection of the statement flips it: "it is a myth that phenibut isn't addictive" and
    # "it doesn't build tolerance, but that is not true" give the caution back
    rejected = _REFUTED.search(text, end) is not None or _myth(text, start, end)
    return _denied(text, start, end) != rejected


def _myth(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 100) : start]
    return bool(_MYTH_BEFORE.search(before) or _MYTH_AFTER.match(text, end))


def _denied(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if before.lower().rstrip().endswith(("non-", "non")) or _PLAYED_DOWN.search(before):
        return True
    clause = [w.lower() for w in _WORD.findall(before)]
    first = max(0, len(clause) - 5)  # the negator must be among the last five words
    for i in range(len(clause) - 1, first - 1, -1):
        word = clause[i]
        if _negator(word):
            if word == "without" and any(_negator(w) for w in clause[:i]):
                return False  # "do not combine them without asking a doctor": a double negative
            return not any(w in WARNING_WORDS for w in clause[i + 1 :])
    after = text[end : end + 80]
    cut = _CLAUSE_BREAK.search(after)
    if cut:
        after = after[: cut.start()]
    return bool(_FREE_AFTER.match(after) or _DENIED_AFTER.match(after))


# Drugs and drug classes that are not in the knowledge base, as the subject of a sentence:
# "Prescription stimulants like Adderall build tolerance", "Benzodiazepines interact with ...".
_OTHER_DRUG = (
    r"(?:stimulants?|stimulant (?:drugs?|medications?|meds)|amphetamines?|adderall|ritalin"
    r"|vyvanse|concerta|methylphenidate|dexedrine|benzodiazepines?|benzos?|xanax|valium"
    r"|klonopin|ativan|opioids?|opiates?|painkillers?|antidepressants?|ssris?|snris?|maois?"
    r"|sleeping pills|sleep(?:ing)? (?:drugs|medications?|aids)|z-drugs|ambien|zolpidem"
    r"|gabapentin|pregabalin|lyrica|alcohol|cocaine|cannabis|marijuana|prescription (?:drugs"
    r"|medications?|meds)|(?:adhd|anxiety|sleep) (?:drugs|medications?|meds)|pharmaceuticals?"
    r"|drugs like (?:these|this|that))"
)
OTHER_DRUG_SUBJECT = re.compile(
    r"^\W*(?:(?:but|and|also|still|however|meanwhile|similarly|likewise|by contrast|in contrast"
    r"|of course|remember that|note that|keep in mind that)\W+)?"
    r"(?:(?:the|most|many|all|some|other|these|those|such|typical|traditional|conventional"
    r"|common|standard|classic|strong|pharmaceutical|real|actual|legal|illegal|prescribed|prescription)\s+)*"
    rf"{_OTHER_DRUG}\b(?!\s+(?:with|and|or)\b)",
    re.IGNORECASE,
)


# "MAOIs are dangerous with it": the pronoun brings the article's substance back
_BACK_REFERENCE = re.compile(
    r"\b(?:with|and|alongside|plus|on|into|to|affects?|of|than)\s+(?:it|them|this|these)\b",
    re.IGNORECASE,
)


def about_other_drug(text: str) -> bool:
    """The sentence's subject is a drug outside the knowledge base ("Stimulants are ...")."""
    return bool(OTHER_DRUG_SUBJECT.match(text)) and not _BACK_REFERENCE.search(text)


# "Any of these herbs can interact with prescription drugs", "if you take any medication": a
# caution for the whole article; "it" would bring back the section's substance instead
_GENERAL = re.compile(
    r"\b(?:any|all|every|these|those|other|such)\b(?:\s+\w+){0,2}?\s+(?:supplements?|nootropics?"
    r"|herbs?|products?|medications?|medicines?|meds|drugs?|prescriptions?|compounds?"
    r"|substances?|racetams?|stimulants?|adaptogens?|pills|of (?:these|them|this))\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:it|its|it's|it’s)\b", re.IGNORECASE)


def general(text: str) -> bool:
    """A caution that names no substance and speaks of supplements or medicines in general."""
    return bool(_GENERAL.search(text)) and not _PRONOUN.search(text)
