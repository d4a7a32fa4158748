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
    "combined",  # "it must never be combined with SSRIs"
    "mix",
    "mixing",
    "mixed",
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
    # "not studied in pregnancy", "not tested in children": the missing evidence is the warning
    "studied",
    "tested",
    "established",
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
    r"[^.!?;]{0,60}?\b(?:(?:is|are|was) (?:just |simply |only |an? |all )*(?:old |common "
    r"|popular )?(?:myths?|misconceptions?|not true|untrue|overblown|overstated|nonsense|false)"
    r"|(?:simply |just )?(?:does not|doesn't|do not|don't|did not|didn't) hold up)\b",
    re.IGNORECASE,
)
# the next sentence rejects this one: "You will read that it causes withdrawal. In our view
# that is a myth.", "... that it is addictive? For most people that's a myth."
_REJECTS_PREVIOUS = re.compile(
    r"^\W*(?:(?:in (?:our|my) (?:view|experience)|honestly|frankly|but|however|no|nope"
    r"|for (?:most|many) (?:people|users|of us|adults)|in (?:practice|most cases))\W+){0,2}"
    r"(?:that|this|it)(?:['’]s| is| was)\s+(?:just |simply |largely |mostly |an? |all )*"
    r"(?:old |common |popular |internet )?(?:myths?|misconceptions?|not true|untrue|overblown"
    r"|nonsense|false|scaremongering|exaggerated)\b",
    re.IGNORECASE,
)


def rejects_previous(text: str) -> bool:
    """The sentence rejects the one before it ("That is a myth.")."""
    return _REJECTS_PREVIOUS.match(text) is not None


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


# "don't take it with food": a meal, not a drug, is what not to combine it with
_FOOD_AFTER = re.compile(
    r"\s*(?:(?:a|an|the|your|any|fatty|big|heavy|large)\s+)?(?:food|meals?|breakfast|lunch"
    r"|dinner|snacks?|water|milk|juice|an empty stomach|carbs)\b",
    re.IGNORECASE,
)
# a drug-class word used as a modifier: "opioid receptors", "opioid-like", "a stimulant effect"
_MODIFIED = re.compile(
    r"(?:-like\b|\s+(?:receptors?|withdrawal|effects?|properties|system|pathways?|activity"
    r"|agonists?|antagonists?|binding|signall?ing|class|family|-?like)\b)",
    re.IGNORECASE,
)
# scare quotes: 'the "withdrawal" stories' reports a word the writer does not vouch for
_QUOTES = "\"“”'‘’"


def denied(text: str, start: int, end: int) -> bool:
    """The caution words at text[start:end] are negated, rejected as a myth, only asked
    about, in scare quotes, or about food: the sentence does not give the caution."""
    if _ASKED_ABOUT.search(text[max(0, start - 60) : start]):
        return True
    if text[end - 4 : end].lower() == "with" and _FOOD_AFTER.match(text, end):
        return True
    if _MODIFIED.match(text, end):
        return True  # "acts on opioid receptors": the drug class names a receptor, not a drug
    if start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
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
    r"|of course|remember that|note that|keep in mind that|while|whereas|although|though)\W+)?"
    # someone's drugs: "my brother's ADHD stimulants", "your prescription meds"
    r"(?:(?:my|your|his|her|their|our)\s+)?(?:[\w-]+['’]s\s+)?"
    r"(?:(?:the|most|many|all|some|other|these|those|such|typical|traditional|conventional"
    r"|common|standard|classic|strong|pharmaceutical|real|actual|legal|illegal|prescribed"
    r"|prescription|adhd|anxiety|sleep|pain)\s+)*"
    rf"(?:{_OTHER_DRUG}|(?:these|those|such) (?:drugs|medications|meds|pills))\b"
    r"(?!\s+(?:with|and|or)\b)",
    re.IGNORECASE,
)


# "MAOIs are dangerous with it": the pronoun brings the article's substance back
_BACK_REFERENCE = re.compile(
    r"\b(?:with|and|alongside|plus|on|into|to|affects?|of|than)\s+(?:it|them|this|these)\b",
    re.IGNORECASE,
)


# people described using another drug: "Many students on campus use prescription stimulants
# like Adderall": a report of drug use, not a warning about combining it with the substance
_USERS_OF_DRUG = re.compile(
    r"^\W*(?:(?:many|some|most|lots of|plenty of|a lot of)\s+)?(?:[\w-]+\s+)?(?:students|people"
    r"|users|athletes|patients|adults|kids|teens|programmers|gamers|lifters|workers)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:use|take|are on|rely on|abuse|misuse|turn to|buy)\s+"
    r"(?:(?:the|prescription|illegal|legal|adhd|sleep|anxiety)\s+)*"
    rf"{_OTHER_DRUG}\b",
    re.IGNORECASE,
)


def about_other_drug(text: str) -> bool:
    """The sentence's subject is a drug outside the knowledge base ("Stimulants are ..."), or
    people using one ("Many students use stimulants like Adderall")."""
    if _BACK_REFERENCE.search(text):
        return False
    return bool(OTHER_DRUG_SUBJECT.match(text) or _USERS_OF_DRUG.match(text))


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


# where one clause ends and another with its own subject begins: "I take 120 mg of ginkgo,
# while my brother's stimulants interact with everything"
_CLAUSE_JOIN = re.compile(
    r"[;:]\s*|,?\s+(?:while|whereas|but|although|though)\s+|,\s+(?:and|yet)\s+", re.IGNORECASE
)


def other_drug_clause(text: str, start: int, mentions: list[tuple[str, int, int]]) -> bool:
    """The caution at text[start:] sits in a clause that names none of the sentence's
    substances and whose subject is a drug outside the knowledge base."""
    begin, end = 0, len(text)
    for join in _CLAUSE_JOIN.finditer(text):
        if join.end() <= start:
            begin = join.end()
        elif join.start() > start:
            end = join.start()
            break
    if begin == 0 and end == len(text):
        return False  # one clause: the sentence's substances are its subject
    if any(begin <= m_start < end for _, m_start, _ in mentions):
        return False
    return about_other_drug(text[begin:end])


def quoted(text: str, start: int) -> bool:
    """text[start:] sits inside a quotation ('"It's addictive" - is it?')."""
    before = text[:start]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
