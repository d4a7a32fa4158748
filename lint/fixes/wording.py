"""Rewordings editors can accept: hedges for causal claims, structure/function wording for
disease claims, and caution sentences for substances. All are proposals (unsafe fixes)."""

from __future__ import annotations

import re
from typing import Any

# Hype verbs become "may support"; other causal verbs keep their meaning, hedged.
SUPPORT_VERBS = {
    "boost", "enhance", "supercharge", "skyrocket", "sharpen", "maximize", "maximise",
    "optimize", "optimise", "amplify", "improve", "strengthen", "restore", "repair",
    "rejuvenate", "revitalize", "turbocharge", "unlock", "upgrade", "elevate", "heal",
}  # fmt: skip
HELP_VERBS = {
    "reduce", "lower", "protect", "prevent", "fight", "combat", "stop", "eliminate",
    "relieve", "ease", "calm", "balance", "regulate", "reverse", "clear", "banish",
}  # fmt: skip
PLAIN_VERBS = {
    "increase", "raise", "promote", "grow", "lead", "make", "cause", "give", "trigger",
    "produce", "stimulate", "accelerate", "speed", "double", "triple", "offer", "deliver",
    "create", "build", "activate", "regenerate", "support",
}  # fmt: skip
CAUSAL_VERBS = SUPPORT_VERBS | HELP_VERBS | PLAIN_VERBS
# words between a subject and its verb that a hedge replaces: "will definitely boost"
ASSERTIVE = {
    "will", "can", "does", "do", "definitely", "really", "actually", "always", "truly",
    "certainly", "undoubtedly", "directly", "dramatically", "instantly", "quickly",
}  # fmt: skip
NOT_A_VERB_BEFORE = {
    "a", "an", "the", "this", "that", "these", "those", "your", "its", "their", "our",
    "my", "his", "her", "big", "real", "quick", "huge", "nice", "no", "any", "of", "to",
}  # fmt: skip
_IRREGULAR = {"does": "do", "has": "have", "is": "be", "goes": "go"}


def base_form(word: str) -> str:
    """Third-person -s form -> base form ("boosts" -> "boost", "carries" -> "carry")."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith("ss"):
        return lower[:-1]
    return lower


def causal_base(word: str) -> str | None:
    """The causal verb `word` is a present-tense form of, if it is one."""
    lower = word.lower()
    if lower in CAUSAL_VERBS:
        return lower
    base = base_form(lower)
    return base if base in CAUSAL_VERBS else None


MODALS = {"may", "might", "could"}
ABSOLUTE = {  # verbs no hedge can soften in place: say what they may help with
    "cure": "may help with",
    "erase": "may help reduce",
    "eliminate": "may help reduce",
    "banish": "may help reduce",
    "reverse": "may help counter",
}


def hedge(base: str) -> str:
    if base in ABSOLUTE:
        return ABSOLUTE[base]
    if base in SUPPORT_VERBS:
        return "may support"
    if base in HELP_VERBS:
        return f"may help {base}"
    return f"may {base}"


def match_case(replacement: str, original: str) -> str:
    """Capitalise the replacement when the text it replaces starts a sentence."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


# disease -> the structure/function wording a supplement article may use instead (None: none)
DISEASE_FUNCTIONS: dict[str, str | None] = {
    "adhd": "focus and attention",
    "attention deficit disorder": "focus and attention",
    "attention deficit hyperactivity disorder": "focus and attention",
    "alzheimer's": "memory as you age",
    "alzheimer's disease": "memory as you age",
    "alzheimers": "memory as you age",
    "dementia": "memory as you age",
    "cognitive decline": "memory as you age",
    "depression": "a positive mood",
    "clinical depression": "a positive mood",
    "anxiety": "a calm, relaxed mood",
    "anxiety disorder": "a calm, relaxed mood",
    "anxiety disorders": "a calm, relaxed mood",
    "insomnia": "restful sleep",
    "hypertension": "healthy blood pressure already within the normal range",
    "high blood pressure": "healthy blood pressure already within the normal range",
    "diabetes": "healthy blood sugar already within the normal range",
    "cancer": None,
    "parkinson's": None,
    "parkinson's disease": None,
    "epilepsy": None,
    "autism": None,
}
_DISEASES = "|".join(
    re.escape(d).replace("'", "['’]") for d in sorted(DISEASE_FUNCTIONS, key=len, reverse=True)
)
DISEASE_CLAIM = re.compile(
    r"(?P<verb>\b(?:(?:is|are)\s+(?:an?\s+)?(?:(?:effective|proven|natural|powerful|great)\s+)*"
    r"(?:treatment|cure|remedy|therapy)\s+(?:for|of)"
    r"|(?:is|are)\s+effective\s+(?:against|for|in\s+treating)"
    r"|(?:treat|cure|prevent|heal|fight|combat|reverse|beat|alleviate|relieve|eliminate"
    r"|mitigate|stop)(?:s|es)?"
    r"|helps?\s+(?:(?:people|patients|kids|children|adults|those|anyone)\s+with|treat|with)"
    r"|works?\s+against)\b)"
    r"\s+(?:(?:the\s+)?(?:symptoms|signs)\s+of\s+)?(?:(?:mild|severe|clinical|chronic)\s+)?"
    rf"(?P<disease>{_DISEASES})\b",
    re.IGNORECASE,
)


# "helps people with ADHD stay on task": a verb follows, so dropping "with ADHD" is the reword
_VERB_FOLLOWS = re.compile(
    r"\s+(?!(?:and|or|in|at|on|during|by|over|for|who|when|while|after|before|to|of|as)\b)"
    r"[a-z]+\b",
)
_WITH = re.compile(r"\s+with\Z", re.IGNORECASE)


def disease_rewording(verb: str, disease: str, after: str = "") -> str | None:
    """'treats ADHD' -> 'supports focus and attention'; None when no honest wording exists.

    `after` is the sentence text after the disease name."""
    if _WITH.search(verb) and verb.lower().startswith("help") and _VERB_FOLLOWS.match(after):
        return _WITH.sub("", verb)  # "helps people with ADHD stay" -> "helps people stay"
    function = DISEASE_FUNCTIONS.get(disease.lower().replace("’", "'"))
    if function is None:
        return None
    words = verb.lower().split()
    singular = words[0] in ("is", "works", "helps") or (
        words[0] not in ("are", "work", "help") and words[0].endswith("s")
    )
    return f"{'supports' if singular else 'support'} {function}"


CAUTIONS = {
    "cycling": "To limit tolerance, cycle {name} (for example, five days on and two days off) "
    "rather than taking it every day.",
    "renal": "{name} is cleared by the kidneys: people with kidney disease or reduced kidney "
    "function should talk to a doctor before taking it.",
    "interaction": "{name} can interact with other medicines; check with a doctor or "
    "pharmacist before combining it with prescription drugs.",
    "dependence": "{name} can cause dependence: avoid daily use, and talk to a doctor before "
    "stopping after regular use.",
    "hepatic": "{name} has been linked to liver injury: stop taking it and see a doctor if you "
    "notice dark urine, yellowing skin or pain under the ribs.",
    "pregnancy": "Safety in pregnancy and breastfeeding is not established: do not take {name} "
    "while pregnant or nursing unless a doctor advises it.",
}
# the knowledge base's names for caution topics, where they differ from the keys above
KNOWLEDGE_TOPICS = {"interactions": "interaction"}


def listed_cautions(name: str, entry: dict[str, Any] | None) -> list[str]:
    """One caution sentence per topic the substance's entry lists, in the entry's order."""
    topics = entry.get("cautions") if entry else None
    if not isinstance(topics, list):
        return []
    found = []
    for topic in topics:
        words = caution_sentence(KNOWLEDGE_TOPICS.get(str(topic), str(topic)), name, entry)
        if words is not None:
            found.append(words)
    return found


def caution_sentence(caution: str, name: str, entry: dict[str, Any] | None) -> str | None:
    """A caution from the knowledge base entry's own wording if it has one, else a template."""
    if entry:
        for key in ("caution_text", "cautions_text", "caution_templates"):
            own = entry.get(key)
            if isinstance(own, dict) and isinstance(own.get(caution), str):
                return str(own[caution]).replace("{name}", name)
    template = CAUTIONS.get(caution)
    return template.replace("{name}", name) if template else None
