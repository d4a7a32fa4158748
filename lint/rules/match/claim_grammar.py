"""Word-order guesses for the `claim` kind: is a causal word used as a verb, and what is its object?

The pipeline is blank English (no tagger, no parser), so these read the neighbouring words:
"a calm mind", "I feel calm", "showed lower levels" use the trigger as an adjective or noun;
"increased with age" has no object; "to improve" after a noun is a purpose ("strategies to
improve diets"), not a claim; "focus on reducing" is an aim, "effective in reducing" a claim.
All functions take the Doc's lower-case token list and token indexes (no Token objects).
"""

from __future__ import annotations

# a trigger right after these is a noun or adjective: "a boost", "the lower dose", "its calming"
DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "my", "any", "each", "every"}
# ... and after these: "I feel calm", "is clear", "showed lower levels", "with increased risk"
ADJECTIVE_CONTEXT = {
    "feel", "feels", "felt", "feeling", "stay", "stays", "stayed", "remain", "remains",
    "remained", "seem", "seems", "look", "looks", "become", "became", "becomes",
    "am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m",
    "more", "less", "very", "so", "too", "quite", "rather", "fairly", "most", "least",
    "show", "shows", "showed", "shown", "showing", "had", "having", "with", "without", "of",
    "for", "found", "observed", "noted", "reported", "report", "reports", "notice", "noticed",
    "experience", "experienced", "experiences", "claim", "claimed", "see", "saw", "than",
    "identified", "detected", "exhibited", "exhibit", "exhibits", "displayed", "measured",
    "documented", "revealed",
    "from", "at", "in", "on", "into",
}  # fmt: skip
DEGREE = {"feel", "feels", "felt", "more", "less", "very", "so", "too", "quite", "most", "least"}
BE = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "get", "got"}
HAVE = {"has", "have", "had", "'ve"}
# after "has"/"have" a trigger is a verb only before its object's determiner: "has improved my
# sleep"; "have increased risk" is an adjective
OBJECT_STARTS = DETERMINERS | {"your", "this", "these", "that", "those", "them", "it", "me", "us"}
# the object region of a verb ends at a new clause
REGION_BREAKS = {
    ",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "but", "while", "whereas", "although",
    "though", "which", "who", "whom", "whose", "that", "because", "so", "when", "whenever", "if",
    "unless", "until", "before", "since", "as", "can", "could", "will", "would", "may", "might",
    "must", "should", "shall", "is", "are", "was", "were", "do", "does", "did",
}  # fmt: skip
# the subject region stops only at a new clause: "high-dose zinc can lower", "memory is improved"
SUBJECT_BREAKS = {
    ",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "but", "while", "whereas", "although",
    "though", "which", "who", "whom", "whose", "that", "because", "so", "when", "whenever", "if",
    "unless", "until", "before", "since",
}  # fmt: skip
# "... and my anxiety eased": "and" before a new subject starts a new clause
NEW_SUBJECT = {"i", "my", "we", "our", "it", "she", "he", "her", "his", "they", "their", "then"}
# a verb directly followed by these has no object: "increased with age", "improved over time"
NO_OBJECT_NEXT = {
    "with", "over", "during", "in", "after", "among", "across", "between", "at", "throughout",
    "since", "from", "within", "under", "until", "slightly", "steadily", "gradually", "overall",
    "by", "to", "significantly", "markedly", "substantially", "sharply", "somewhat", "and",
    "or", "than",
}  # fmt: skip
# particles of phrasal verbs, skipped before the object: "wipes out fatigue", "cut back to"
PARTICLES = {"away", "out", "off", "up", "down", "back"}
# "effective in reducing", "superior to placebo in reducing": these keep a gerund a claim
EFFICACY = {
    "effective", "efficacious", "successful", "useful", "helpful", "beneficial", "superior",
    "better", "instrumental", "capable", "effectively", "successfully", "works", "work",
    "worked", "working",
    # "is critical to reducing", "essential for preventing": a necessity stated as fact
    "critical", "crucial", "essential", "key", "vital",
}  # fmt: skip
GERUND_PREPOSITIONS = {"on", "at", "in", "for", "of", "toward", "towards", "about", "into", "to",
                       # a gerund of circumstance: "despite increasing the intake"
                       "despite", "after", "before", "upon"}  # fmt: skip
# "helps to improve", "shown to reduce", "proven to boost": an infinitive that still claims
CLAIM_FRAMES = {
    "help", "helps", "helped", "helping", "shown", "proven", "proved", "demonstrated", "found",
    "known", "able", "guaranteed", "certain", "sure", "works", "work", "worked", "going",
    "clinically", "scientifically",
}  # fmt: skip
# verbs of finding that take an object and an infinitive: "we found X to lower"
FINDING_FRAMES = {"found", "showed", "shown", "proved", "proven", "demonstrated", "observed"}
# ... not a purpose ("we used walking to lower"), nor an empty object ("found it hard to")
OBJECT_FRAMES = FINDING_FRAMES | {"to", "used", "use", "gave", "given", "asked", "allowed"}
OPEN_NOT_OBJECTS = {"it", "that", "this", "ways", "no", "little", "how"}
PRESCRIPTIVE = {"should", "must", "shall", "would", "need", "needs", "needed", "recommend",
                "recommended", "recommends", "consider", "considered"}  # fmt: skip
LY_NOT_ADVERBS = {
    "belly", "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "early", "family",
    "elderly", "likely", "unlikely", "costly", "friendly", "lovely", "jelly", "supply", "apply",
    "reply", "rely", "holy", "ugly", "silly", "curly", "oily", "italy", "july", "bully", "rally",
}  # fmt: skip
MAKE_IDIOMS = {"sure", "from", "with", "of", "by", "in", "it", "up", "use", "do", "time", "room",
               "sense", "certain", "a", "an", "the", "this", "that"}  # fmt: skip
SPLITTERS = {"further", "also", "better", "even", "really", "actually", "not"}
BARE_NOUNS = {"increase", "increases", "decrease", "decreases", "boost", "boosts", "lift",
              "cut", "cuts", "rise", "drop", "double", "cause", "causes", "stop", "clear",
              "calm", "trigger", "triggers", "offer", "offers", "impact", "impacts", "effect",
              "influence", "influences"}  # fmt: skip
# words before a drug name that make it a comparison, not the subject
COMPARISONS = {"as", "than", "like", "unlike", "of", "with", "without", "to", "by", "over"}
WINDOW = 6  # object words looked at after a verb
SOFT_WINDOW = 3  # ... after a soft verb ("offers", "provides")
# adverbs that go with a causal verb ("significantly reduced mortality"); any other -ly word
# before an -ed form makes it an adjective ("locally advanced cancer")
VERB_ADVERBS = {
    "significantly", "markedly", "greatly", "substantially", "dramatically", "drastically",
    "effectively", "successfully", "rapidly", "quickly", "consistently", "strongly", "modestly",
    "slightly", "clearly", "largely", "partially", "partly", "fully", "completely", "really",
    "literally", "naturally", "actually", "basically", "seriously", "totally", "massively",
    "radically", "permanently", "instantly", "incredibly", "hugely", "noticeably", "reliably",
    "safely", "gently", "directly", "only",
    # how or how much an effect went (round 9): "negatively affected", "mainly improved"
    "negatively", "positively", "favourably", "favorably", "adversely", "beneficially",
    "mainly", "primarily", "mostly", "predominantly", "independently", "progressively",
    "considerably", "appreciably", "meaningfully", "profoundly", "robustly", "potently",
    "durably", "measurably", "visibly", "moderately", "notably", "remarkably", "additionally",
    "concurrently", "simultaneously", "selectively", "specifically", "sustainably",
}  # fmt: skip
# "advanced" before these is the stage of a disease
ADVANCED_NOUNS = {
    "cancer", "cancers", "disease", "diseases", "stage", "stages", "age", "breast", "prostate",
    "lung", "ovarian", "colorectal", "gastric", "pancreatic", "renal", "liver", "heart",
    "carcinoma", "tumor", "tumour", "tumors", "tumours", "glycation", "dementia", "melanoma",
}  # fmt: skip
LOWER_NOUNS = {"back", "body", "extremity", "extremities", "limb", "limbs", "leg", "legs",
               "abdomen", "abdominal", "urinary", "respiratory", "gi", "jaw", "lip", "eyelid",
               "half", "end", "part", "dose", "doses", "income", "than"}  # fmt: skip
DEGREE_ADJECTIVES = {
    "minor", "nominal", "slight", "small", "modest", "significant", "marked", "substantial",
    "greater", "higher", "large", "larger", "overall", "mild",
}  # fmt: skip
# a comparison between groups: "had significantly lower scores", "showed higher CRP and lower
# HDL", "indicated markedly increased risk" (a participle or "lower" after these describes)
COMPARING = HAVE | {"show", "shows", "showed", "exhibit", "exhibits", "exhibited", "displayed",
                    "indicate", "indicates", "indicated", "with", "without"}  # fmt: skip
GROUP_COMPARATIVES = {
    "higher", "lower", "greater", "larger", "smaller", "more", "less", "fewer", "better",
    "worse", "poorer", "low", "high", "elevated", "reduced", "increased", "decreased",
    "wider", "narrower", "longer", "shorter", "thicker", "thinner", "heavier", "lighter",
    "taller", "bigger", "weaker", "stronger", "faster", "slower", "older", "younger", "denser",
}  # fmt: skip
# "was also improved", "were further reduced": words between a passive's "was" and its verb
PASSIVE_ADVERBS = {"also", "further", "not", "then", "still", "thereby", "thus", "even"}
PASSIVE_BE = {"is", "are", "was", "were", "been", "being", "be"}
# "in the treated group": a group defined by what it was given, not by a condition
TREATED_GROUPS = {"treated", "treatment", "intervention", "active", "supplemented", "supplement",
                  "verum", "experimental"}  # fmt: skip
IRREGULAR_PARTICIPLES = {"given", "grown", "regrown", "driven", "built", "rebuilt", "fought"}
# the subject of a report, not a cause: "these findings provide", "this study eliminates"
META_NOUNS = {"results", "findings", "data", "study", "studies", "analysis", "analyses",
              "evidence", "review", "research", "paper", "report", "survey", "implications",
              "observations", "insights", "lessons"}  # fmt: skip
# people as the subject of an open verb do something, they are not its cause: "participants
# reduced their caffeine intake", "we lowered the thermostat" (a listed target still counts:
# "women who took it reduced their risk")
PERSON_SUBJECTS = {
    "i", "we", "you", "they", "he", "she", "participants", "patients", "subjects",
    "volunteers", "investigators", "researchers", "authors", "team", "staff", "clinicians",
    "doctors", "nurses", "agency", "company", "companies", "government", "regulators",
    "users", "customers", "people", "women", "men", "adults", "children", "parents",
    "families", "schools", "hospitals", "clinics", "students", "athletes",
    # one person or body (round 9): "the nurse lowered the bed", "the clinic increased its hours"
    "nurse", "doctor", "physician", "clinician", "researcher", "investigator", "participant",
    "patient", "pharmacist", "dietitian", "midwife", "surgeon", "clinic", "hospital", "school",
    "committee", "board", "panel", "council", "ministry", "authority", "trust", "employer",
}  # fmt: skip
# the person helped, skipped before what "help" names: "helped older adults maintain muscle"
HELPED = PERSON_SUBJECTS | {"me", "us", "them", "him", "her", "kids", "runners", "seniors",
                            "elders", "mothers", "infants", "babies", "older", "young",
                            "everyone", "many", "most"}  # fmt: skip
NUMBER_WORDS = {"one", "two", "three", "half", "a", "about", "approximately", "nearly",
                "almost", "roughly", "around", "up", "over", "more", "less", "only"}  # fmt: skip


def reading(lowers: list[str], texts: list[str], i: int, first: int, end: int) -> str:
    """How the trigger at `i` is used: "verb", "passive" ("is improved by"), or "other"."""
    word = lowers[i]
    before = lowers[i - 1] if i > first else ""
    if before == "a" and texts[i - 1] == "A" and i - 1 > first:
        before = ""  # "Huperzine A raises ...": a name, not an article
    after = lowers[i + 1] if i + 1 < end else ""
    be = be_before(lowers, i, first)
    if be is not None:
        before = lowers[be]  # "is significantly affected by", "is also highly improved by"
    if before in BE and _agent_follows(lowers, i, end):
        return "passive"
    if be is not None and _agentless_outcome(lowers, texts, i, end):
        return "agentless"  # "sleep quality was markedly improved in the valerian arm"
    if before == "-" or after == "-":
        return "other"  # a compound: "all-cause mortality", "cholesterol-lowering effect"
    if word.endswith("ing"):  # "is boosting", "effective in treating"; "a calming scent"
        if before in DETERMINERS or before in DEGREE or before in {"with", "without"}:
            return "other"  # "with increasing age"
        return "other" if _clause_start(lowers, i, first) else "verb"  # "Reducing stress ..."
    if before in META_NOUNS:
        return "other"  # "these findings raise", "this study eliminates"
    if word == "advanced" and (after in ADVANCED_NOUNS or before == "+"):
        return "other"  # "advanced breast cancer"
    if word == "lower" and after in LOWER_NOUNS:
        return "other"  # "lower back pain", "lower extremity function"
    if word.endswith("ed") and before in DEGREE_ADJECTIVES:
        return "other"  # "a minor increased risk"
    if word.endswith("ed") or word in IRREGULAR_PARTICIPLES or word == "lower":
        if adverb(before) and before not in VERB_ADVERBS:
            return "other"  # "locally advanced", "inversely lowered"
        if _clause_start(lowers, i, first):
            return "other"  # "Reduced HDL was common", "In the subgroup, increased risk ..."
    if (word.endswith("ed") or word == "lower") and _compared(lowers, i, first, after):
        return "other"  # "had significantly lower pain scores", "higher CRP and lower HDL"
    if before in HAVE:
        return "verb" if after in OBJECT_STARTS else "other"
    if before in DETERMINERS or before in ADJECTIVE_CONTEXT:
        return "other"
    if i - 2 >= first and lowers[i - 2] in DETERMINERS and after in {"in", "of"}:
        return "other"  # "a slight lift in taste"
    if word.startswith("ma") and after in MAKE_IDIOMS:
        return "other"  # "make sure", "made from", "made with"
    if word in BARE_NOUNS and after in {"in", "of", "on"}:
        return "other"  # "increase in demand", "cause of pain"
    return "verb"


def be_before(lowers: list[str], i: int, first: int) -> int | None:
    """The index of "is"/"was" before the trigger at `i`, over up to two adverbs ("was also
    significantly reduced"), when there are adverbs; None otherwise."""
    j = i - 1
    while j >= first and i - j <= 2 and (adverb(lowers[j]) or lowers[j] in PASSIVE_ADVERBS):
        j -= 1
    if j < i - 1 and j >= first and lowers[j] in BE:
        return j
    if i - 1 >= first and lowers[i - 1] in PASSIVE_BE:
        return i - 1
    return None


def _agentless_outcome(lowers: list[str], texts: list[str], i: int, end: int) -> bool:
    """A passive with no agent that reports a result, not a difference between groups: it ends
    its clause ("fatigue was reduced."), or goes on "after"/"following" a treatment or "in the
    ... arm" ("was improved after twelve weeks of cinnamon"). "was increased in patients with
    diabetes" describes a group, so it is no claim."""
    word = lowers[i]
    if not (word.endswith("ed") or word in IRREGULAR_PARTICIPLES):
        return False
    after = lowers[i + 1] if i + 1 < end else "."
    if after in {".", ";", "!"}:
        return True
    if after in {"after", "following", "within"}:
        return True  # "is reduced within days of starting"
    if after == "in" and i + 2 < end and lowers[i + 2] in {"every", "each", "most", "all"}:
        return True  # "was lowered in every participant who took it": those treated
    if after == "in" and i + 2 < end and lowers[i + 2] in {"the", "both"}:
        k = i + 3
        while k < min(end, i + 7) and lowers[k] not in REGION_BREAKS:
            if lowers[k] in {"arm", "arms"}:
                return True
            if lowers[k] in {"group", "groups"}:
                return lowers[k - 1] in TREATED_GROUPS
            k += 1
    return False


def _compared(lowers: list[str], i: int, first: int, after: str) -> bool:
    """A participle or "lower" that describes a group: after "had"/"showed" and adverbs ("had
    significantly lower scores", "indicated markedly increased risk"), or coordinated with a
    comparison of that kind ("had higher CRP and lower HDL", "a larger waist and lower fitness")."""
    j = i - 1
    while j >= first and i - j <= 2 and adverb(lowers[j]):
        j -= 1
    if j < i - 1 and j >= first and lowers[j] in COMPARING:
        if lowers[j] in {"has", "have", "'ve"} and lowers[i] != "lower":
            return False  # "has markedly reduced defects": a perfect tense
        return after not in OBJECT_STARTS  # "had significantly improved my sleep" is a verb
    if i - 1 <= first or lowers[i - 1] not in {"and", "or", ","}:
        return False
    for k in range(i - 2, max(first, i - 12) - 1, -1):
        if lowers[k] in SUBJECT_BREAKS - {","}:
            return False
        comparative = lowers[k] in GROUP_COMPARATIVES and k > first
        if comparative and (lowers[k - 1] in COMPARING or lowers[k - 1] in DETERMINERS):
            return True
    return False


def _clause_start(lowers: list[str], i: int, first: int) -> bool:
    """Nothing but adverbs between the clause start and `i`: the trigger has no subject. A
    parenthesis after a subject does not start a clause: "doses of 2 g (with meals) lowered"."""
    j = i - 1
    while j >= first and adverb(lowers[j]):
        j -= 1
    if j > first and lowers[j] == ")":
        opening = _opening_parenthesis(lowers, j, first)
        if opening is not None and opening > first and lowers[opening - 1] not in SUBJECT_BREAKS:
            return False
    return j < first or lowers[j] in SUBJECT_BREAKS


def _opening_parenthesis(lowers: list[str], j: int, first: int) -> int | None:
    """The "(" that the ")" at `j` closes, within twelve words; None when there is none."""
    for k in range(j - 1, max(first, j - 13) - 1, -1):
        if lowers[k] == "(":
            return k
        if lowers[k] in {")", ".", ";"}:
            return None
    return None


def _manner_adverb(word: str) -> bool:
    return adverb(word) and word not in VERB_ADVERBS


def adverb(word: str) -> bool:
    """An -ly adverb ("locally", "linearly"), not "belly", "daily" or "elderly"."""
    return word.endswith("ly") and len(word) > 4 and word not in LY_NOT_ADVERBS


def coordinated(lowers: list[str], previous: int, i: int) -> bool:
    """ "to increase X and reduce Y", "reducing weight and treating": `i` joins `previous`."""
    if not (0 < i - previous <= 14) or lowers[i - 1] not in {"and", "or"}:
        return False
    return not any(lowers[j] in SUBJECT_BREAKS - {","} for j in range(previous + 1, i))


def _agent_follows(lowers: list[str], i: int, end: int) -> bool:
    """ "is improved by two capsules": "by" and a non-number within two words (or after "in
    half": "were cut in half by the alginate")."""
    reach = 5 if lowers[i + 1 : i + 3] == ["in", "half"] else 3
    for j in range(i + 1, min(end, i + reach)):
        if lowers[j] == "by":
            following = lowers[j + 1] if j + 1 < end else ""
            return bool(following) and not following[:1].isdigit() and following not in NUMBER_WORDS
    return False


def object_region(lowers: list[str], i: int, end: int, window: int = 6) -> range:
    """Token indexes after the verb at `i` that may hold its object (empty if it has none)."""
    start = i + 1
    while start < end and lowers[start] in PARTICLES:
        start += 1
    if start < end and lowers[start] == "with" and lowers[i].startswith("help"):
        start += 1  # "helps with insomnia"
    if start + 1 < end and lowers[start] in VERB_ADVERBS and lowers[start + 1] in DETERMINERS:
        start += 1  # "improves significantly the clinical features"
    if start >= end or lowers[start] in NO_OBJECT_NEXT or _manner_adverb(lowers[start]):
        return range(start, start)  # "increased with age", "increases linearly with"
    stop = min(end, start + window)
    j = start
    while j < stop:
        word = lowers[j]
        if word in REGION_BREAKS:
            return range(start, j)
        if word in {"and", "or"} and j + 1 < end and lowers[j + 1] in NEW_SUBJECT:
            return range(start, j)
        if word == "-":
            stop = min(end, stop + 2)  # "catch-up growth": a compound is one word of the window
        j += 1
    return range(start, stop)


def helped_region(lowers: list[str], i: int, end: int) -> range:
    """After "helps" and the person helped, the words that name the effect: "helped older adults
    maintain muscle mass" -> "maintain muscle mass during"; empty when no person follows."""
    start = i + 1
    while start < end and start - i <= 3 and lowers[start] in HELPED | DETERMINERS:
        start += 1  # "helped the nurses", "helped older adults"
    if start == i + 1 or lowers[start - 1] in DETERMINERS:
        return range(start, start)
    stop = start
    while stop < min(end, start + 4) and lowers[stop] not in REGION_BREAKS - {"that"}:
        stop += 1
    return range(start, stop)


def person_subject(lowers: list[str], i: int, first: int) -> bool:
    """The clause before the verb at `i` names people as its subject ("participants reduced");
    not when they only qualify it ("home visits by nurses reduced", "support from peers")."""
    j = subject_word(lowers, i, first)
    if j is None or lowers[j] not in PERSON_SUBJECTS:
        return False
    return j == first or lowers[j - 1] not in {"by", "from"}


def subject_word(lowers: list[str], i: int, first: int) -> int | None:
    """The index of the word before the verb at `i`, over adverbs ("we then reduced")."""
    j = i - 1
    while j >= first and (adverb(lowers[j]) or lowers[j] in PASSIVE_ADVERBS):
        j -= 1  # "we then reduced", "participants gradually lowered"
    return j if j >= first else None


def indirect_question(lowers: list[str], i: int, first: int) -> bool:
    """ "understand how sleep affects recovery", "examined whether zinc shortens colds": the
    verb at `i` inside a question someone asks, not a claim."""
    for j in range(i - 1, max(first, i - 6), -1):
        if lowers[j] in SUBJECT_BREAKS - {"whether", "if"}:
            return False
        if lowers[j] in WH_WORDS:
            return lowers[j - 1] in ASKING
    return False


# a class of things named by what its members do: "interventions that increase vitamin D status",
# "factors that influence adherence" (research prose; "a tea that calms you" is still a claim)
CLASS_NOUNS = {
    "intervention", "interventions", "strategy", "strategies", "approach", "approaches",
    "measure", "measures", "factor", "factors", "mechanism", "mechanisms", "pathway", "pathways",
    "programme", "programmes", "program", "programs", "policy", "policies", "effort", "efforts",
    "method", "methods", "option", "options", "variable", "variables", "determinant",
    "determinants", "condition", "conditions", "disease", "diseases", "disorder", "disorders",
    "illnesses", "characteristics", "agents", "modalities",
}  # fmt: skip
WH_WORDS = {"how", "why", "whether", "what", "which"}
ASKING = {
    "understand", "understanding", "know", "knowing", "explore", "exploring", "examine",
    "examined", "examining", "investigate", "investigated", "investigating", "study", "studied",
    "determine", "determined", "assess", "assessed", "ask", "asked", "asking", "wonder",
    "wondered", "unclear", "unknown", "uncertain", "clarify", "elucidate", "test", "tested",
    "testing", "evaluate", "evaluated", "explored", "understood", "on", "about", "of",
}  # fmt: skip


MODALS = {"will", "would", "can", "could", "may", "might", "should", "shall", "must"}


def report_subject(lowers: list[str], k: int, first: int) -> bool:
    """A report is the subject of the word at `k`, over modals and adverbs: "these findings
    will help to improve" (what a study adds to knowledge, not what a product does)."""
    j = k - 1
    while j >= first and (lowers[j] in MODALS or adverb(lowers[j])):
        j -= 1
    if j >= first and lowers[j] in META_NOUNS:
        return True
    region = subject_region(lowers, j + 1, first)  # "the implications of this work will"
    heads = [w for w in lowers[region.start : region.stop] if w not in DETERMINERS]
    return len(heads) > 1 and heads[0] in META_NOUNS and heads[1] == "of"


def class_member(lowers: list[str], i: int, first: int) -> bool:
    """ "interventions that increase": the verb at `i` defines a class noun's members."""
    return i - 2 >= first and lowers[i - 1] in {"that", "which"} and lowers[i - 2] in CLASS_NOUNS


def subject_region(lowers: list[str], i: int, first: int) -> range:
    """Token indexes before the trigger at `i`, back to the clause start (at most 8)."""
    j = i
    while j > first and i - j < 8 and lowers[j - 1] not in SUBJECT_BREAKS:
        j -= 1
    return range(j, i)


def infinitive_to(lowers: list[str], i: int, first: int) -> int | None:
    """The index of the "to" of an infinitive at `i`: "to reduce", "to further reduce"."""
    if i > first and lowers[i - 1] == "to":
        return i - 1
    split = i - 1 > first and (adverb(lowers[i - 1]) or lowers[i - 1] in SPLITTERS)
    return i - 2 if split and lowers[i - 2] == "to" else None


def infinitive_claims(lowers: list[str], to_index: int, first: int) -> bool:
    """ "to VERB": a claim after "helps", "shown", "proven" ..., a purpose or aim otherwise."""
    j = to_index - 1
    while j > first and adverb(lowers[j]):
        j -= 1  # "was found significantly to improve"
    if j >= first and j < to_index and lowers[j] in CLAIM_FRAMES:
        return True
    # "we found daily walking to lower", "showed melatonin to shorten": a finding's object
    for k in range(to_index - 2, max(first, to_index - 5) - 1, -1):
        if lowers[k] in SUBJECT_BREAKS or lowers[k] in OBJECT_FRAMES - FINDING_FRAMES:
            return False
        if lowers[k] in FINDING_FRAMES:
            return lowers[k + 1] not in OPEN_NOT_OBJECTS
    return False


def efficacy_before(lowers: list[str], i: int, first: int) -> bool:
    """An efficacy word in the four words before the preposition at `i - 1`: "effective in
    reducing", "essential for preventing"."""
    if any(lowers[j] in EFFICACY for j in range(max(first, i - 5), i - 1)):
        return True
    # "as effective as the standard antiemetic in reducing": a comparison between them
    for j in range(i - 2, max(first, i - 10), -1):
        if lowers[j] in SUBJECT_BREAKS:
            return False
        if lowers[j] in EFFICACY and lowers[j - 1] == "as":
            return True
    return False


def efficacy_stated(lowers: list[str], i: int, first: int) -> bool:
    """ "is essential for preventing": an efficacy word said of the subject (after "is"), not
    a noun phrase of aims ("identify effective interventions for reducing")."""
    window = range(max(first, i - 5), i - 1)
    return any(lowers[j] in EFFICACY and lowers[j - 1] in BE for j in window if j > first)


def gerund_is_aim(lowers: list[str], i: int, first: int) -> bool:
    """ "focus on reducing", "aimed at improving": a preposition before an -ing trigger, with
    no efficacy word ("effective in reducing") in the four words before it."""
    if i <= first or lowers[i - 1] not in GERUND_PREPOSITIONS:
        return False
    return not efficacy_before(lowers, i, first)


def prescriptive(lowers: list[str], i: int, first: int) -> bool:
    """ "should be used to reduce", "must improve": a recommendation, not a claim of effect."""
    return any(lowers[j] in PRESCRIPTIVE for j in range(max(first, i - 4), i))


# who has a condition: the list after these is of conditions, its participles adjectives
HAVING = {"with", "have", "has", "had", "having"}


def joined_participle(lowers: list[str], i: int, first: int, end: int) -> bool:
    """An -ed word that joins a list of conditions after "with"/"have" and qualifies the noun
    after it ("people with epilepsy or lowered seizure thresholds"); not a verb coordinated
    with another ("improved strength and reduced fatigue", no "with" before)."""
    if not lowers[i].endswith("ed") or i - 1 <= first or lowers[i - 1] not in {"and", "or"}:
        return False
    if i + 1 >= end or not lowers[i + 1].isalpha() or lowers[i + 1] in OBJECT_STARTS:
        return False
    for k in range(i - 2, max(first, i - 6) - 1, -1):
        if lowers[k] in HAVING:
            return True
        if not lowers[k].isalpha():
            return False
    return False
