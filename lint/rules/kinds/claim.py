"""`claim`: causal health claims stated as fact, scored for strength.

Strength scale (0-1, put in Finding.strength so editors can sort):
    trigger weight   0.5-1.0 from the rule's `verbs`/`constructions` (0.8 "boosts",
                     1.0 "cures", "reverses"); an intensifier ("dramatically") adds 0.2;
                     a softener ("helps", "can") multiplies by its factor
    x hedge_factor    (0.5) when the sentence has a hedge ("may", "early research suggests")
    x citation_factor (0.5) when it cites ([3], (Smith et al., 2019), a footnote, a study link)
A negated, questioned, quoted, purpose ("to improve memory") or correlational ("linked to")
use is not a claim at all; nor is a sentence naming an animal or cell study, or right after one
(the `animal` kind, evidence.animal-to-human, judges those). A finding needs strength >=
min_strength (0.5): an unhedged, uncited claim always; a hedged or cited one only when the
wording is absolute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lint.analysis import ANIMAL_QUALIFIER, NEGATION_PHRASES, NEGATIONS, NOT_NEGATION
from lint.errors import ConfigError
from lint.lazy import cached_property
from lint.rules.base import Checker, Option
from lint.rules.match import claim_grammar as grammar
from lint.rules.match import claim_nouns as nouns
from lint.rules.match.inflect import IRREGULAR, form_table, verb_forms
from lint.rules.match.terms import Terms
from lint.rules.model import Hit, Rule
from lint.term_tokens import tokens
from lint.tokens import token_strings
from lint.vocab import rule_table

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis, Sentence
    from lint.rules.loader import RuleSet

CLAUSE_BREAKS = {",", ";", ":", "—", "–", "but", "while", "whereas", "although", "though"}
QUOTES = {'"', "“", "”"}
# "reported improved memory", "with enhanced focus": a participle describing, not causing
# product forms that are also verbs: "drops" in "kava drops ease anxiety" is the product
PRODUCT_FORMS = {"drops", "shots", "chews", "sprays", "patches", "melts", "tabs", "caps"}
SUBJECT_WORDS = {"it", "this", "that", "which", "and", "or", "who", "what", "also", "really"}
IRREGULAR_PASTS = {form for forms in IRREGULAR.values() for form in forms}
PARTICIPLE_CONTEXT = {
    "with",
    "of",
    "for",
    "a",
    "an",
    "the",
    "report",
    "reports",
    "reported",
    "notice",
    "noticed",
    "experience",
    "experienced",
    "claim",
    "claimed",
}
CONDITIONALS = {"if", "unless", "whether", "when"}
# verbs that name only what might go wrong after "can": "DHEA can cause acne" (a benefit is
# worded "can improve", not "can cause")
CAUSING = {"cause", "trigger", "provoke", "worsen", "aggravate"}
# a frame that asserts the claim as established belongs to its span: "this trial shows that
# probiotics reduce colic" is reported from "shows"
ASSERTING_FRAMES = {
    "show", "shows", "showed", "shown", "demonstrate", "demonstrates", "demonstrated", "prove",
    "proves", "proved", "confirm", "confirms", "confirmed", "conclude", "concluded",
    "establish", "establishes", "established",
}  # fmt: skip
# skipped before an open verb's object noun: "improved the overall exercise capacity"
OPEN_SKIP = grammar.DETERMINERS | {"your", "overall", "total", "mean", "average", "daily"}
# an open verb's object must be a noun phrase, not a pronoun or a clause
OPEN_NOT_NOUNS = {
    "it", "them", "this", "that", "these", "those", "me", "us", "him", "you", "one", "some",
    "what", "how", "whether", "and", "or", "not", "no", "more", "less", "all", "both",
    "everyone", "everybody", "anyone", "someone", "others",
}  # fmt: skip
# one word of every ANIMAL_QUALIFIER alternative, as tokens (lower case)
ANIMAL_WORDS = {
    "rat", "rats", "mice", "mouse", "rodent", "rodents", "animal", "animals", "cell", "vitro",
    "test", "tube", "tubes", "petri", "zebrafish", "flies", "worms", "rabbit", "rabbits",
    "hamster", "hamsters", "guinea", "piglets", "monkeys", "primates", "dish", "dishes",
    "cultured", "agar", "dog", "dogs", "cats", "horses", "canine", "feline", "equine",
}  # fmt: skip
# lab work that is not in people, named without an animal: "lab studies show it kills cancer cells"
LAB_WORDS = {"lab", "laboratory", "preclinical"}
LAB_STUDY = re.compile(r"\blab(?:oratory)? (?:stud(?:y|ies)|tests?|experiments?)\b", re.I)
# an open verb's object that is a drug's exposure: "reduces the blood levels of several
# prescription drugs" is an interaction caution, not a benefit
EXPOSURE = {"level", "levels", "effect", "effects", "effectiveness", "absorption", "action",
            "concentration", "concentrations", "clearance", "metabolism"}  # fmt: skip
# correlational phrases that also modify a noun: "the morbidity associated with the disease"
MODIFYING = {"associated with", "linked to", "linked with", "related to", "tied to"}
NOT_NOUNS_BEFORE = grammar.BE | grammar.HAVE | {
    "not", "also", "be", "been", "being", "and", "or", "but", "that", "which", "who", "only",
    "both", "each", "even", "more", "less", "most", "least", "often", "commonly", "further",
    "directly", "still", "seem", "seems", "appear", "appears", "remain", "remains", "remained",
}  # fmt: skip
# evaluative constructions name their effect right after them: "is good for your heart"
NEEDS_OBJECT = {"good", "great", "excellent", "amazing", "works", "work", "worked"}
NOUN_WEIGHT = 0.8  # a noun claim is direct causal, as "reduces" is
PERSON_STATE = {"calm", "soothe", "energize", "energise", "invigorate", "revitalize",
                "rejuvenate", "recharge", "revive"}  # fmt: skip
PROTECTING = {"protect", "shield", "guard", "defend", "safeguard"}
# an object that rules the effect out: "caused no improvement", "yielded little change"
NULL_OBJECTS = {"no", "little", "minimal", "negligible", "zero"}
# weak verbs of effect whose object may be the people a condition touches ("affected women")
AFFECTING = {"affect", "impact", "influence"}
PEOPLE = grammar.HELPED | {"individuals", "persons", "males", "females", "boys", "girls",
                           "infants", "newborns", "neonates", "survivors", "residents"}  # fmt: skip
HARM_RULED_OUT = re.compile(r"\b(?:without|no|zero|free of|never)(?: the| any)? ?\S*\s?$")
# someone else's claim: "sellers claim the tea detoxifies", "fans say it grows brain cells"
REPORTING = {
    "claim", "claims", "claimed", "say", "says", "said", "argue", "argues", "argued", "insist",
    "insists", "insisted", "swear", "swears", "promise", "promises", "promised", "boast",
    "boasts", "tout", "touts", "touted", "allege", "alleges", "believe", "believes", "contend",
    "contends", "assert", "asserts",
}  # fmt: skip


@dataclass
class Trigger:
    start: int  # token indexes in the Doc
    end: int
    weight: float


def local_negation(sentence: Sentence, token_index: int) -> bool:
    """A negation cue between the clause start and the trigger: "does not boost".

    One pass over the sentence (cached) marks each token whose clause holds a cue before it,
    so a trigger costs O(1): walking back to the clause start per trigger was quadratic in a
    sentence of triggers.
    """
    return _sentence_flags(sentence, "negated", _negated_after)[token_index - sentence.span.start]


def _negated_after(sentence: Sentence) -> list[bool]:
    """flags[k]: a negation cue stands between token k's clause start and token k."""
    doc, start = sentence.span.doc, sentence.span.start
    flags = []
    pending = False  # a cue seen since the last clause break
    for i, word in enumerate(sentence.lowers, start):
        flags.append(pending)
        if word in CLAUSE_BREAKS:
            pending = False
        elif word in NEGATIONS and not NOT_NEGATION.match(doc[i : i + 5].text):
            pending = True
    return flags


def _sentence_flags(
    sentence: Sentence, name: str, build: Callable[[Sentence], list[bool]]
) -> list[bool]:
    """`build(sentence)`, once per sentence, in the document's memo."""
    return sentence.analysis.memo((build, sentence.index), lambda: build(sentence))


def reported(sentence: Sentence, token_index: int) -> bool:
    """A reporting verb in the ten words before the trigger, said by someone other than the
    writer ("advocates argue that ...", not "I swear it ..."): a claim described, not made."""
    lowers = token_strings(sentence.span.doc).lower
    first = max(sentence.span.start, token_index - 10)
    for i in range(token_index - 1, first - 1, -1):
        if lowers[i] in {";", ".", "!", "?"}:
            return False
        if lowers[i] in REPORTING:
            return i == sentence.span.start or lowers[i - 1] not in {"i", "we", "i'd", "i'll"}
    return False


def mentions_animals(sentence: Sentence) -> bool:
    lab = "lab" in sentence.words or "laboratory" in sentence.words
    if lab and LAB_STUDY.search(sentence.text):
        return True
    if sentence.words.isdisjoint(ANIMAL_WORDS):
        return False  # a set test spares most sentences the regex
    return bool(ANIMAL_QUALIFIER.search(sentence.text))


# people a claim after an animal result is about: "so it shrinks tumours in people"
HUMAN_WORDS = {
    "you", "your", "yours", "people", "humans", "human", "users", "adults", "students",
    "patients", "men", "women", "children", "kids", "seniors", "athletes", "anyone", "everyone",
}  # fmt: skip
# ... and in the sentence after the study, what anyone's body or mind is: "It protects the brain"
FOLLOWUP_HUMAN_WORDS = HUMAN_WORDS | {"brain", "brains", "memory", "body"}
ANIMAL_CLAUSE_BREAKS = {",", ";", ":", "—", "–"}


def human_clause(sentence: Sentence, names_animals: bool) -> int | None:
    """The first token of the clause that carries an animal result over to people: after the
    last animal word (in the study's own sentence) and the last clause break before the first
    human word; the sentence start in the sentence after the study. None without a human word."""
    lowers, start = sentence.lowers, sentence.span.start
    after = 0
    if names_animals:
        marks = [k for k, word in enumerate(lowers) if word in ANIMAL_WORDS or word in LAB_WORDS]
        after = marks[-1] + 1 if marks else 0
    humans = HUMAN_WORDS if names_animals else FOLLOWUP_HUMAN_WORDS
    human = next((k for k in range(after, len(lowers)) if lowers[k] in humans), None)
    if human is None:
        return None
    for k in range(human - 1, after - 1, -1):
        if lowers[k] in ANIMAL_CLAUSE_BREAKS:
            return start + k + 1
    return start + after


def inside_quote(sentence: Sentence, token_index: int) -> bool:
    """Odd number of quote marks before the token within the sentence (one cached pass)."""
    return _sentence_flags(sentence, "quoted", _quoted_after)[token_index - sentence.span.start]


def _quoted_after(sentence: Sentence) -> list[bool]:
    """flags[k]: an odd number of quote marks precede token k in its sentence."""
    texts = token_strings(sentence.span.doc).text[sentence.span.start : sentence.span.end]
    flags = []
    odd = False
    for text in texts:
        flags.append(odd)
        if text in QUOTES:
            odd = not odd
    return flags


class ClaimChecker(Checker):
    kind = "claim"
    summary = "Scores causal health claims; flags those stated as fact without hedge or source."
    options: ClassVar[dict[str, Option]] = {
        "verbs": Option("object", "Causal verb lemma -> weight (0-1).", required=True),
        "constructions": Option(
            "object", "Multi-word causal construction ('leads to') -> weight (0-1)."
        ),
        "targets": Option(
            "string-array", "Health-effect words; a claim must name one.", required=True
        ),
        "intensifiers": Option("string-array", "Words that add 0.2 ('dramatically')."),
        "softeners": Option("object", "Word -> factor ('helps': 0.75)."),
        "purpose_words": Option(
            "string-array", "Words before 'to VERB' that make it a purpose ('ways to boost')."
        ),
        "correlational": Option(
            "string-array", "Phrases that make a sentence correlational ('linked to')."
        ),
        "adverse_verbs": Option(
            "string-array", "Verbs ('causes') that with an adverse effect make a warning."
        ),
        "adverse_effects": Option(
            "string-array", "Harms ('headaches'): 'X can cause headaches' is no benefit claim."
        ),
        "caution_cues": Option(
            "string-array",
            "Words before a trigger that make its clause a caution ('too much', 'stopping').",
        ),
        "drug_subjects": Option(
            "string-array",
            "Drugs and drug classes: a trigger whose subject names one ('SSRIs raise "
            "serotonin') describes pharmacology, not the product.",
        ),
        "drug_suffixes": Option(
            "string-array",
            "Drug-name stems ('statin', 'prazole'): a subject ending so is a drug, as in "
            "drug_subjects.",
        ),
        "target_suffixes": Option(
            "string-array", "Word endings that make a word a condition ('itis': 'arthritis')."
        ),
        "conditions_file": Option(
            "string",
            "A condition table built by `python -m lint.vocab.build` (path from the rule "
            "file): any disease or symptom it names is a health effect too ('clears up "
            "dandruff', 'kills H. pylori').",
        ),
        "open_verbs": Option(
            "string-array",
            "Verbs of effect whose object need not be a listed target ('improved exercise "
            "capacity'): any noun phrase counts unless it starts with a plain_objects word.",
        ),
        "plain_objects": Option(
            "string-array",
            "Objects that make an open verb a plain action ('increased the dose', 'cut the "
            "price'), not a health effect.",
        ),
        "plain_subjects": Option(
            "string-array",
            "Subjects that are no body or product ('the update improves loading speed', 'the "
            "plugin reduces server load'): a verb after one names no health effect.",
        ),
        "hedge_factor": Option("number", "Multiplier when hedged (default 0.5).", default=0.5),
        "citation_factor": Option("number", "Multiplier when cited (default 0.5).", default=0.5),
        "min_strength": Option("number", "Report at or above this (default 0.5).", default=0.5),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        for key in ("verbs", "constructions", "softeners"):
            for word, weight in (rule.options.get(key) or {}).items():
                ok = isinstance(weight, (int, float)) and not isinstance(weight, bool)
                if not ok or not 0 <= weight <= 1:
                    raise ConfigError(
                        rule.file, f"'{key}': weight of '{word}' must be 0-1", *rule.where(key)
                    )
        if not rule.options["verbs"] or not rule.options["targets"]:
            raise ConfigError(rule.file, "'verbs' and 'targets' must not be empty", rule.line)

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        from spacy.matcher import PhraseMatcher

        super().__init__(rules, nlp, ruleset)
        self.compiled = []
        for rule in rules:
            opts = rule.options
            constructions = PhraseMatcher(nlp.vocab, attr="LOWER")
            weights: dict[int, float] = {}
            for phrase, weight in (opts.get("constructions") or {}).items():
                key = f"c{len(weights)}"
                weights[nlp.vocab.strings.add(key)] = float(weight)
                constructions.add(key, [nlp.make_doc(phrase)])
            table = rule_table(rule, ruleset)
            conditions = Terms(nlp, [], keyed=table) if table is not None else None
            self.compiled.append(
                (rule, CompiledClaim(opts, nlp, constructions, weights, conditions)),
            )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for rule, claim in self.compiled:
            animals: dict[int, bool] = {}  # sentence index -> names an animal study
            for sentence in analysis.sentences:
                if not claim.may_claim(sentence):
                    continue  # cheap set test first: most sentences have no trigger word
                if not (
                    claim.has_target(sentence)
                    or claim.may_open(sentence)
                    or "against" in sentence.words  # "a shield against winter bugs"
                    or not sentence.words.isdisjoint(nouns.CONTROLS)  # "... than placebo"
                ):
                    continue  # then set and lemma tests: no health-effect word, no claim
                if sentence.is_question or sentence.in_quote or sentence.is_disclaimer:
                    continue  # "... not intended to diagnose, treat, cure, or prevent any disease"
                if NEGATION_PHRASES.search(sentence.text) or claim.correlational(sentence):
                    continue
                human_from = None
                if self._about_animals(analysis, sentence, animals):
                    # an animal result carried over to people ("in mice it shrank tumours, so it
                    # shrinks tumours in people") is a causal claim about people too; the animal
                    # result itself is not (evidence.animal-to-human says why both are wrong)
                    human_from = human_clause(sentence, animals.get(sentence.index, False))
                    if human_from is None:
                        continue
                yield from claim.score(rule, analysis, sentence, human_from)

    @staticmethod
    def _about_animals(analysis: Analysis, sentence: Sentence, seen: dict[int, bool]) -> bool:
        """The sentence, or the one before it, names an animal or cell study."""
        for index in (sentence.index, sentence.index - 1):
            if index >= 0:
                if index not in seen:
                    seen[index] = mentions_animals(analysis.sentences[index])
                if seen[index]:
                    return True
        return False


class CompiledClaim:
    """One claim rule's lexicons, ready to score sentences."""

    def __init__(
        self,
        opts: dict[str, Any],
        nlp: Any,
        constructions: Any,
        weights: Any,
        conditions: Terms | None = None,
    ):
        self.conditions = conditions
        self.verbs = form_table({str(k): float(v) for k, v in opts["verbs"].items()})
        self.constructions = constructions
        self.construction_weights = weights
        phrases = [tokens(nlp, c.lower())[0] for c in opts.get("constructions") or {}]
        first_words = {words[0] for words in phrases if words}
        self.trigger_words = set(self.verbs) | first_words | nouns.NOUN_TRIGGERS
        self.trigger_words |= nouns.ASSIGNED | nouns.CONTROLS  # "those given zinc had fewer"
        self.trigger_words |= nouns.FADED  # "since taking it, my migraines disappeared"
        targets = [t.lower() for t in opts["targets"]]
        sizes = {t: len(tokens(nlp, t)[0]) for t in targets}
        one_word = {t for t in targets if sizes[t] == 1}
        # every inflection of each one-word target ("memories", "remembered"): set tests instead
        # of a lemma lookup per token
        self.targets = {f for t in one_word for f in verb_forms(t)}
        self.target_phrases = [t for t in targets if sizes[t] > 1]
        self.intensifiers = {w.lower() for w in opts.get("intensifiers", [])}
        self.softeners = {
            str(k).lower(): float(v) for k, v in (opts.get("softeners") or {}).items()
        }
        self.purpose = {w.lower() for w in opts.get("purpose_words", [])}
        self.correlational_phrases = any_of(opts.get("correlational", []), whole_words=False)
        self.adverse_verbs = {
            form
            for phrase in opts.get("adverse_verbs", [])
            for form in (verb_forms(phrase) if " " not in phrase else {phrase.lower()})
        }
        self.adverse_effects = [a.lower() for a in opts.get("adverse_effects", [])]
        self.harms = any_of(self.adverse_effects)
        # a harm is a health effect too: "prevents the crash", "stops the jitters" (a causing
        # verb before a harm is a caution instead: _warns_of_harm)
        self.targets |= {f for a in self.adverse_effects if " " not in a for f in verb_forms(a)}
        self.target_phrases += [a for a in self.adverse_effects if " " in a]
        self.phrase_tokens = [tuple(p.split(" ")) for p in self.target_phrases]
        self.caution_cues = [c.lower() for c in opts.get("caution_cues", [])]
        drugs = [d.lower() for d in opts.get("drug_subjects", [])]
        self.drug_words = {d for d in drugs if " " not in d}
        self.drug_phrases = [d.split() for d in drugs if " " in d]
        self.drug_suffixes = tuple(x.lower() for x in opts.get("drug_suffixes", []))
        self.target_suffixes = tuple(x.lower() for x in opts.get("target_suffixes", []))
        # a word of 7+ letters with a condition ending: "arthritis", "neuropathy"
        self.suffix_words = (
            re.compile(rf"\w{{3,}}(?:{'|'.join(map(re.escape, self.target_suffixes))})\b")
            if self.target_suffixes
            else None
        )
        self.phrase_re = any_of(self.target_phrases, whole_words=False)
        # verbs of effect that take any object ("augmented exercise capacity"): a category of
        # claims, not a list of outcomes; plain objects ("the dose", "the price") rule it out
        self.open_verbs = {f for v in opts.get("open_verbs", []) for f in verb_forms(v.lower())}
        self.plain_objects = {f for w in opts.get("plain_objects", []) for f in verb_forms(w)}
        self.plain_subjects = {f for w in opts.get("plain_subjects", []) for f in verb_forms(w)}
        self.protecting = {f for v in PROTECTING for f in verb_forms(v)}
        self.affecting = {f for v in AFFECTING for f in verb_forms(v)}
        self.person_state = {f for v in PERSON_STATE for f in verb_forms(v)}
        self.hedge_factor = float(opts.get("hedge_factor", 0.5))
        self.citation_factor = float(opts.get("citation_factor", 0.5))
        self.min_strength = float(opts.get("min_strength", 0.5))

    def may_claim(self, sentence: Sentence) -> bool:
        return not sentence.words.isdisjoint(self.trigger_words)

    def may_open(self, sentence: Sentence) -> bool:
        return not sentence.words.isdisjoint(self.open_verbs)

    def _open_object(self, doc: Any, lowers: list[str], i: int, region: range) -> bool:
        """An open verb at `i` with a noun-phrase object that is no plain action's."""
        if lowers[i] not in self.open_verbs or not region:
            return False
        k = _object_head(lowers, region)
        if k >= region.stop or not lowers[k][:1].isalpha() or lowers[k] in OPEN_NOT_NOUNS:
            return False  # "it", "them", "5 kg", "that" (but "VO2 max" is a noun)
        for n in range(k, min(k + 3, region.stop)):
            if lowers[n] in self.plain_objects:
                return self._counts_outcome(doc, lowers, n, region)
        return True

    def _plain_head(self, doc: Any, lowers: list[str], region: range) -> bool:
        """The object starts with a plain word ("the taste without any added sugar", "the dose
        to improve sleep"), whatever health word comes later in the region."""
        k = _object_head(lowers, region)
        if k >= region.stop or lowers[k] not in self.plain_objects:
            return False
        return not self._counts_outcome(doc, lowers, k, region)

    def _counts_outcome(self, doc: Any, lowers: list[str], n: int, region: range) -> bool:
        """ "the number of headache days" counts an outcome; "the number of visits" does not."""
        if n + 3 < region.stop and lowers[n + 1] in {"and", "or"}:
            n += 2  # "the frequency and severity of nausea"
        if n + 1 >= region.stop or lowers[n + 1] != "of":
            return False
        stop = n + 2  # what is counted may run past the verb's window: "... of hot flushes"
        while stop < min(len(lowers), n + 7) and lowers[stop] not in grammar.REGION_BREAKS:
            stop += 1
        return self._target_in(doc, range(n + 2, stop))

    def _drug_exposure(self, lowers: list[str], region: range) -> bool:
        """The object is a drug's level or effect: an interaction, not a benefit."""
        for n in region:
            if lowers[n] in EXPOSURE and n + 1 < region.stop and lowers[n + 1] == "of":
                return self._names_drug(lowers[n + 2 : region.stop])
        return False

    @staticmethod
    def _open_noun(lowers: list[str], j: int, end: int) -> bool:
        """A noun phrase starts at `j` (not a pronoun, number or clause)."""
        while j < end and lowers[j] in OPEN_SKIP:
            j += 1
        return j < end and lowers[j][:1].isalpha() and lowers[j] not in OPEN_NOT_NOUNS

    def _names_drug(self, words: list[str]) -> bool:
        """A drug among `words`: "several prescription drugs", "warfarin", "birth control"."""
        if any(words[k : k + len(p)] == p for p in self.drug_phrases for k in range(len(words))):
            return True
        for word in words:
            if word in self.drug_words:
                return True
            if self.drug_suffixes and len(word) > 6 and word.endswith(self.drug_suffixes):
                return True
        return False

    def has_target(self, sentence: Sentence) -> bool:
        if not sentence.words.isdisjoint(self.targets):
            return True
        if self.suffix_words is not None and self.suffix_words.search(sentence.lower):
            return True
        if self.phrase_re is not None and self.phrase_re.search(sentence.lower):
            return True
        span = sentence.span
        return self._names_condition(span.doc, span.start, span.end)

    def _target_in(self, doc: Any, region: range) -> bool:
        """A health-effect word or phrase among the tokens of `region`."""
        strings = token_strings(doc)
        lowers = strings.lower
        for j in region:
            word = lowers[j]
            if word in self.targets:
                return True
            if self.target_suffixes and len(word) > 6 and word.endswith(self.target_suffixes):
                return True
            for phrase in self.phrase_tokens:
                if tuple(lowers[j : j + len(phrase)]) == phrase:
                    return True
        return self._names_condition(doc, region.start, region.stop)

    def _names_condition(self, doc: Any, start: int, end: int) -> bool:
        """A disease or symptom of the condition table between `start` and `end`."""
        return (
            self.conditions is not None
            and end > start
            and bool(self.conditions.find(doc, start, end))
        )

    def correlational(self, sentence: Sentence) -> bool:
        """A correlational finding in the sentence ("X was associated with Y"); a reduced
        relative clause after a noun names an outcome instead ("improved the sleep apnoea
        associated with obesity") and does not make the sentence correlational."""
        found = self.correlational_phrases
        if found is None:
            return False
        text = sentence.lower
        for match in found.finditer(text):
            if match.group() not in MODIFYING or not _after_noun(text, match.start()):
                return True
        return False

    def triggers(self, sentence: Sentence) -> Iterator[Trigger]:
        span = sentence.span
        lowers = token_strings(span.doc).lower
        verbs = list(self._verb_triggers(sentence, lowers))
        # constructions first: on equal weight "leads to" names the claim better than "lower";
        # they name no object of their own, so they need a health-effect word in the sentence
        # or an effect verb beside them ("an increase in demand led to shortages" is none)
        # as_spans: PhraseMatcher's raw indices on a Span are Doc indices, Matcher's are not
        # ... except protection, which names a harm by itself: "a shield against winter bugs"
        named = bool(verbs) or self.has_target(sentence)
        if named or "against" in sentence.words:
            for match in self.constructions(span, as_spans=True):
                if not named and lowers[match.end - 1] != "against":
                    continue
                heads = lowers[match.start : min(match.end, match.start + 2)]
                compared = "than" in lowers[match.start : match.end]  # "works better than"
                if not NEEDS_OBJECT.isdisjoint(heads) and not compared:
                    # "is good for your heart", not "works for me" or "good for beginners"
                    region = grammar.object_region(lowers, match.end - 1, span.end, 3)
                    if not self._target_in(span.doc, region):
                        continue
                if not grammar.prescriptive(lowers, match.start, span.start):  # "should lead to"
                    weight = self.construction_weights[match.label]
                    yield Trigger(match.start, _gerund_end(lowers, match.end, span.end), weight)
        yield from verbs
        yield from self._noun_triggers(sentence, lowers)
        yield from self._group_triggers(sentence, lowers)
        yield from self._anecdote_triggers(sentence, lowers)

    def _anecdote_triggers(self, sentence: Sentence, lowers: list[str]) -> Iterator[Trigger]:
        """ "since I started taking magnesium, my migraines have stopped": a first-person
        result after an intake clause, with the result naming a health effect."""
        words = sentence.words
        if words.isdisjoint(nouns.OWNERS) or words.isdisjoint(nouns.FADED):
            return
        if words.isdisjoint(nouns.SINCE):
            return
        found = nouns.anecdote(lowers, sentence.span.start, sentence.span.end)
        if found is not None and self._target_in(sentence.span.doc, range(*found)):
            yield Trigger(found[0], found[1], NOUN_WEIGHT)

    def _group_triggers(self, sentence: Sentence, lowers: list[str]) -> Iterator[Trigger]:
        """ "those given zinc had shorter colds than placebo": a treated group's result."""
        words = sentence.words
        if words.isdisjoint(nouns.GROUP_COMPARATIVES) or words.isdisjoint(nouns.TOOK):
            return
        first, end = sentence.span.start, sentence.span.end
        found = nouns.treated_group(lowers, first, end)
        if found is None:
            return
        start, stop, controlled = found
        if self._names_drug(lowers[first:start]):
            return  # "patients treated with statins had lower LDL": a drug's effect
        # the result names a health effect: "had fewer falls", "recovered faster than controls"
        health = lowers[start] in nouns.HEALTH_RESULTS and controlled
        if health or self._target_in(sentence.span.doc, range(start, min(end, stop + 3))):
            yield Trigger(start, stop, NOUN_WEIGHT)

    def _noun_triggers(self, sentence: Sentence, lowers: list[str]) -> Iterator[Trigger]:
        """Claims made with nouns: "had a marked effect on", "a reduction of pain with zinc"."""
        if sentence.words.isdisjoint(nouns.NOUN_TRIGGERS):
            return
        first, end = sentence.span.start, sentence.span.end
        for i, word in enumerate(sentence.lowers, first):
            if word in nouns.NOUN_TRIGGERS:
                found = (
                    nouns.effect_claim(lowers, i, first, end)
                    or nouns.change_with(lowers, i, first, end)
                    or nouns.qualified_effect(
                        lowers, i, first, end, i > first and lowers[i - 1] in self.targets
                    )
                    or nouns.benefit_on(lowers, i, first, end)
                    or nouns.induced_change(lowers, i, first, end)
                )
                promise = nouns.promised_state(lowers, i, first, end)
                if promise is not None and self._target_in(
                    sentence.span.doc, range(promise[1], min(end, promise[1] + 3))
                ):
                    found = promise
                if found is not None and not grammar.prescriptive(lowers, found[0], first):
                    yield Trigger(found[0], found[1], NOUN_WEIGHT)  # not "would have an impact"

    def _verb_triggers(self, sentence: Sentence, lowers: list[str]) -> Iterator[Trigger]:
        span = sentence.span
        previous: tuple[int, str | None] | None = None  # the last verb trigger and its use
        for i, word in enumerate(sentence.lowers, span.start):
            weight = self.verbs.get(word)
            if not weight:
                continue
            use = self._verb_use(sentence, lowers, i)
            if previous is not None and grammar.coordinated(lowers, previous[0], i):
                use = previous[1] and use  # "to increase X and reduce Y": both purposes
            previous = (i, use)
            if use is not None and self._names_effect(span, lowers, i, use, weight):
                yield Trigger(i, i + 1, weight)

    def _verb_use(self, sentence: Sentence, lowers: list[str], i: int) -> str | None:
        """ "verb" or "passive" when the trigger at `i` states an effect; None otherwise."""
        first, end = sentence.span.start, sentence.span.end
        if self._in_name(sentence, lowers, i) or self._product_form(lowers, i, first, end):
            return None
        before = lowers[i - 1] if i > first else ""
        to = grammar.infinitive_to(lowers, i, first)
        if to is not None and (
            self._purpose_before(sentence, to)  # "ways to boost", "take it to improve"
            or not grammar.infinitive_claims(lowers, to, first)  # "efforts to further improve"
            or grammar.report_subject(lowers, to - 1, first)  # "these findings will help to"
        ):
            return None
        if lowers[i].endswith("ing") and (
            (before in self.purpose and not grammar.efficacy_stated(lowers, i, first))
            or grammar.gerund_is_aim(lowers, i, first)
        ):
            return None  # "for improving memory", "should focus on reducing"
        if lowers[i].endswith("ed") and before in PARTICIPLE_CONTEXT:
            return None  # "users reported improved focus"
        if grammar.joined_participle(lowers, i, first, end):
            return None  # "people with kidney disease or reduced kidney function"
        window = lowers[max(first, i - 3) : i]
        if any(word in CONDITIONALS for word in window) or grammar.prescriptive(lowers, i, first):
            return None
        if grammar.class_member(lowers, i, first) or grammar.indirect_question(lowers, i, first):
            return None  # "interventions that increase", "understand how sleep affects"
        if self._coordinated_purpose(sentence, lowers, i):
            return None  # "in order to simplify dosing and improve adherence"
        texts = token_strings(sentence.span.doc).text
        use = grammar.reading(lowers, texts, i, first, end)
        return None if use == "other" else use

    def _coordinated_purpose(self, sentence: Sentence, lowers: list[str], i: int) -> bool:
        """ "aims to inform families and improve uptake": a verb after "and" that shares a
        purpose infinitive before it (whatever that infinitive's verb), in the same clause."""
        first = sentence.span.start
        if i - 1 <= first or lowers[i - 1] not in {"and", "or"}:
            return False
        for j in range(i - 2, max(first, i - 10), -1):
            if lowers[j] in grammar.SUBJECT_BREAKS:
                return False
            if lowers[j] == "to" and j + 1 < i - 1:
                return self._purpose_before(sentence, j)
        return False

    def _in_name(self, sentence: Sentence, lowers: list[str], i: int) -> bool:
        """A capitalised trigger inside a product name before the real verb: "Focus Fuel
        doubles", "Beet Boost increases" (a heading in title case capitalises the verb too)."""
        first, end = sentence.span.start, sentence.span.end
        if i <= first or i + 1 >= end:
            return False
        texts = token_strings(sentence.span.doc).text
        named = texts[i].istitle() and texts[i - 1][:1].isupper()
        return named and texts[i + 1].islower() and lowers[i + 1] in self.verbs

    def _product_form(self, lowers: list[str], i: int, first: int, end: int) -> bool:
        """A product's form named before the real verb: "kava drops ease anxiety", "the iron
        drops brought her energy back" ("drops" a noun, the next word the verb)."""
        if lowers[i] not in PRODUCT_FORMS or i <= first or i + 1 >= end:
            return False
        nxt = lowers[i + 1]
        verb_next = nxt in self.verbs or nxt.endswith("ed") or nxt in IRREGULAR_PASTS
        return verb_next and lowers[i - 1].isalpha() and lowers[i - 1] not in SUBJECT_WORDS

    def _names_effect(self, span: Any, lowers: list[str], i: int, use: str, weight: float) -> bool:
        """The verb's object (or, passive, its subject) names a health effect."""
        doc, first, end = span.doc, span.start, span.end
        if use == "passive":  # "memory is improved by two capsules"
            if self._names_drug(lowers[i + 1 : min(end, i + 5)]):
                return False  # "LDL is lowered by statins": a drug's pharmacology
            return self._target_in(doc, grammar.subject_region(lowers, i, first))
        if use == "agentless":  # "sleep quality was markedly improved in the valerian arm"
            be = grammar.be_before(lowers, i, first)
            subject = grammar.subject_region(lowers, be if be is not None else i, first)
            if lowers[i] not in self.open_verbs or not subject:
                return False
            return self._target_in(doc, subject) or self._open_object(doc, lowers, i, subject)
        # soft verbs ("provides", "offers") name their effect at once: "offers calm", not
        # "provides support for the cognitive processing theory"
        window = grammar.WINDOW if weight >= 0.8 else grammar.SOFT_WINDOW
        region = grammar.object_region(lowers, i, end, window)
        if lowers[i] in self.protecting and region and lowers[region.start] == "against":
            # "protected against macrosomia": what one is protected against is a harm
            return self._open_noun(lowers, region.start + 1, end)
        if self._drug_exposure(lowers, region) or self._plain_head(doc, lowers, region):
            return False  # "reduces the blood levels of several prescription drugs"
        if region and lowers[region.start] in NULL_OBJECTS:
            return False  # "produced no change in insulin sensitivity": a null result
        said_of = grammar.subject_word(lowers, i, first)
        if said_of is not None and lowers[said_of] in self.plain_subjects:
            return False  # "the update improves loading speed": not a body
        if lowers[i] in self.affecting and _people_object(lowers, region):
            return False  # "the disease mostly affected women": who has it, not an effect
        if self._target_in(doc, region):
            return True
        if self._open_object(doc, lowers, i, region):
            # people do things: "participants reduced their caffeine intake"
            return not grammar.person_subject(lowers, i, first)
        if lowers[i] in self.person_state and region and lowers[region.start] in {"you", "me"}:
            return True  # "calms you down", "energizes you": the person's state is the effect
        if lowers[i].startswith("help"):  # "helped older adults maintain muscle mass"
            return self._target_in(doc, grammar.helped_region(lowers, i, end))
        # a promise without an object: "your focus will improve"
        promised = not region and i > first and lowers[i - 1] in {"will", "'ll"}
        return promised and self._target_in(doc, grammar.subject_region(lowers, i - 1, first))

    def _purpose_before(self, sentence: Sentence, to_index: int) -> bool:
        doc = sentence.span.doc
        for i in range(to_index - 1, max(sentence.span.start, to_index - 4) - 1, -1):
            word = doc[i].lower_
            if word in CLAUSE_BREAKS:
                return False
            if word in self.purpose:
                return True
        return False

    def score(
        self, rule: Rule, analysis: Analysis, sentence: Sentence, human_from: int | None = None
    ) -> list[Hit]:
        """The sentence's claims as Hits; with `human_from` (after an animal result) only a
        trigger from that token on counts, and "in rats" is no hedge of it."""
        best: tuple[float, Trigger] | None = None
        found: list[tuple[float, Trigger]] = []
        context = SentenceContext(self, sentence)
        after_animals = human_from is not None
        for trigger in self.triggers(sentence):
            if human_from is not None and trigger.start < human_from:
                continue
            if local_negation(sentence, trigger.start):
                continue
            if reported(sentence, trigger.start):
                continue
            subject = self._subject_text(sentence, trigger)
            if self._warns_of_harm(context, trigger, subject) or self._about_drugs(subject):
                continue
            if inside_quote(sentence, trigger.start) or _conditioned(sentence, trigger.start):
                continue
            weight = self._modified(context, trigger)
            if best is None or weight > best[0]:
                best = (weight, trigger)
            found.append((weight, trigger))
        if best is None:
            return []
        # a much weaker first verb ("affects mood and cures anxiety") does not name the claim
        strong = [f for f in found if f[0] >= max(self.min_strength, best[0] - 0.21)] or found
        first = min(strong, key=lambda f: f[1].start)
        # a chain names its claim on its stronger verb: "helps lower stress" on "lower"
        chained = [f for f in found if first[1].end <= f[1].start <= first[1].end + 1]
        while chained and chained[0][0] > first[0]:
            first = chained[0]
            chained = [f for f in found if first[1].end <= f[1].start <= first[1].end + 1]
        # the sentence's strength is its strongest claim; the finding sits on its first one, which
        # the reader meets first ("Reduces stress and restores your calm": on "Reduces")
        weight, trigger = best[0], first[1]
        hedged = sentence.hedged_apart_from_animals if after_animals else sentence.hedged
        cited = sentence.cited or sentence.names_study  # "a 2021 trial of 120 adults found"
        hit = self._hit(rule, analysis, sentence, trigger, weight, hedged, cited)
        if hit is None:
            return []
        hits = [hit]
        # "raises HDL and clears out your arteries": each joined claim is a claim of its own
        for extra_weight, extra in self._joined_claims(sentence, found, first[1]):
            more = self._hit(rule, analysis, sentence, extra, extra_weight, hedged, cited)
            if more is not None:
                hits.append(more)
        return hits

    def _joined_claims(
        self, sentence: Sentence, found: list[tuple[float, Trigger]], first: Trigger
    ) -> Iterator[tuple[float, Trigger]]:
        """Triggers after the named one that open a claim of their own after "and" (not a
        chain "helps lower", not a second verb on the same object)."""
        lowers = token_strings(sentence.span.doc).lower
        last_end = first.end
        for weight, trigger in sorted(found, key=lambda f: f[1].start):
            if trigger.start <= last_end + 1 or weight < self.min_strength:
                continue
            joiner = lowers[trigger.start - 1]
            if joiner in {"and", "&", "plus"} or (
                joiner == "," and _same_form(lowers[first.start], lowers[trigger.start])
            ):
                yield weight, trigger  # ", " only in a series of like verbs: "boosts, lifts"
                last_end = trigger.end

    def _hit(
        self,
        rule: Rule,
        analysis: Analysis,
        sentence: Sentence,
        trigger: Trigger,
        weight: float,
        hedged: bool,
        cited: bool,
    ) -> Hit | None:
        strength = weight * (self.hedge_factor if hedged else 1.0)
        strength *= self.citation_factor if cited else 1.0
        strength = round(strength, 2)
        if strength < self.min_strength:
            return None
        lacks = [name for name, has in (("hedge", hedged), ("citation", cited)) if not has]
        doc = sentence.span.doc
        span = doc[self._frame_start(sentence, trigger.start) : trigger.end]
        start, end = analysis.source_span(span.start_char, span.end_char)
        values = {
            "match": span.text,
            "sentence": sentence.text,
            "strength": f"{strength:.2f}",
            "lacks": " and a ".join(lacks),
        }
        return Hit(rule, start, end, values, strength=strength)

    def _subject_text(self, sentence: Sentence, trigger: Trigger) -> str:
        """The clause before the trigger, lower case, as written ("high-dose zinc can")."""
        doc = sentence.span.doc
        region = grammar.subject_region(
            token_strings(doc).lower, trigger.start, sentence.span.start
        )
        return doc[region.start : region.stop].text.lower()

    @staticmethod
    def _frame_start(sentence: Sentence, at: int) -> int:
        """The start of "shows that" / "we conclude that" before the trigger at `at`, else `at`."""
        lowers = token_strings(sentence.span.doc).lower
        first = sentence.span.start
        for j in range(at - 1, max(first, at - 10), -1):
            if lowers[j] in CLAUSE_BREAKS and lowers[j] != "that":
                break
            if lowers[j] == "that" and lowers[j - 1] in ASSERTING_FRAMES:
                return j - 1
        return at

    def _warns_of_harm(self, context: SentenceContext, trigger: Trigger, subject: str) -> bool:
        """A caution, not a claim: a harm after a causing verb ("can cause headaches", "can
        make you irritable"), or a clause about misuse ("too much ...", "stopping suddenly")."""
        padded = f" {subject} "
        if any(f" {cue} " in padded for cue in self.caution_cues):
            return True
        sentence = context.sentence
        doc = sentence.span.doc
        if doc[trigger.start : trigger.end].text.lower() not in self.adverse_verbs:
            return False
        if context.last_harm >= doc[trigger.end - 1].idx + len(doc[trigger.end - 1]):
            return True  # a harm after the verb
        # "can raise blood pressure if you take it for weeks": a possible harm, with its condition
        lowers = token_strings(doc).lower
        can = "can" in lowers[max(sentence.span.start, trigger.start - 2) : trigger.start]
        if can and lowers[trigger.start] in CAUSING:
            return True  # "can cause acne", "can trigger thyroid problems": a possible harm
        return can and context.last_conditional >= trigger.end

    def _about_drugs(self, subject: str) -> bool:
        """ "SSRIs increase serotonin", "the system targeted by these drugs": pharmacology of a
        drug named as the subject, not a claim for the product."""
        words = subject.split()
        # "as effective as fluoxetine", "unlike SSRIs": a comparison, not the drug as subject
        for i, word in enumerate(words):
            if word in grammar.COMPARISONS:
                break
            if word in self.drug_words:
                return True
            if self.drug_suffixes and len(word) > 6 and word.endswith(self.drug_suffixes):
                return True  # "omeprazole", "atorvastatin"
            if any(words[i : i + len(p)] == p for p in self.drug_phrases):
                return True
        return False

    def _modified(self, context: SentenceContext, trigger: Trigger) -> float:
        """Trigger weight with intensifiers (+0.2) and softeners (x factor) of its sentence."""
        weight = trigger.weight
        sentence = context.sentence
        if context.intensified:
            weight += 0.2
        doc = sentence.span.doc
        near = [
            doc[i].lower_ for i in range(max(sentence.span.start, trigger.start - 3), trigger.start)
        ]
        for word in near:
            weight *= self.softeners.get(word, 1.0)
        return min(weight, 1.0)


class SentenceContext:
    """What every trigger of one sentence asks about the whole sentence, computed once: a
    search per trigger over the rest of the sentence went quadratic on long sentences."""

    def __init__(self, claim: CompiledClaim, sentence: Sentence):
        self.claim = claim
        self.sentence = sentence

    @cached_property
    def intensified(self) -> bool:
        return not self.claim.intensifiers.isdisjoint(self.sentence.words)

    @cached_property
    def last_harm(self) -> int:
        """Prose offset of the end of the last harm word ("headaches"), -1 if none."""
        sentence, harms = self.sentence, self.claim.harms
        text = sentence.lower
        # "increase alertness without jitters": a harm ruled out is no warning
        ends = (
            [m.end() for m in harms.finditer(text) if not HARM_RULED_OUT.search(text, 0, m.start())]
            if harms
            else []
        )
        if not ends:
            return -1
        raw = sentence.raw
        return sentence.span.start_char + len(raw) - len(raw.lstrip()) + ends[-1]

    @cached_property
    def last_conditional(self) -> int:
        """Token index of the last "if"/"when"/"unless" of the sentence, -1 if none."""
        start = self.sentence.span.start
        found = [i for i, word in enumerate(self.sentence.lowers, start) if word in CONDITIONALS]
        return found[-1] if found else -1


def _same_form(first: str, other: str) -> bool:
    """Two finite verbs of one form ("boosts" and "lifts", "raised" and "cut"): a comma
    between them joins a series, not a new clause ("deepens sleep, you'll notice it")."""
    return any(first.endswith(end) and other.endswith(end) for end in ("s", "ed"))


def _conditioned(sentence: Sentence, at: int) -> bool:
    """A claim whose sentence opens on its condition ("If your iron is low, supplementing
    restores your energy", "Unless you are deficient, ..."): true of some readers, asserted of
    none; the main clause after the condition's comma carries the effect."""
    lowers, start = sentence.lowers, sentence.span.start
    if not lowers or lowers[0] not in OPENING_CONDITIONS:
        return False
    comma = next((i for i, word in enumerate(lowers, start) if word == ","), None)
    return comma is not None and comma < at


OPENING_CONDITIONS = {"if", "unless"}


def _after_noun(text: str, at: int) -> bool:
    """The word before `at` is a noun (not "was", "not", "strongly", nor the sentence start)."""
    before = text[max(0, at - 60) : at].split()  # a bounded look back: linear per sentence
    if len(before) < 3 and at <= 60:
        return False  # "Higher intake associated with ...": a headline's finding
    word = before[-1].strip("\"'“”")
    return word.isalnum() and word not in NOT_NOUNS_BEFORE and not grammar.adverb(word)


def _gerund_end(lowers: list[str], end: int, sentence_end: int) -> int:
    """A construction ending in a preposition takes the gerund and its object after it into
    its span: "effective at clearing acne", not "effective at"."""
    if lowers[end - 1] not in {"at", "in", "for"} or end >= sentence_end:
        return end
    if not lowers[end].endswith("ing"):
        return end
    region = grammar.object_region(lowers, end, sentence_end, 3)
    return max(region.stop, end + 1)


def _people_object(lowers: list[str], region: range) -> bool:
    """The object names people ("affected women", "impacts older adults")."""
    k = _object_head(lowers, region)
    return k < region.stop and lowers[k] in PEOPLE


def _object_head(lowers: list[str], region: range) -> int:
    """The first content word of an object region (its stop when there is none)."""
    k = region.start
    while k < region.stop:
        if lowers[k] in OPEN_SKIP or grammar.adverb(lowers[k]):
            k += 1  # "the", "your", "substantially"
        elif lowers[k].isdigit() and k + 1 < region.stop and lowers[k + 1] == "-":
            k += 3  # "24-h systolic pressure", "6-minute walk distance": a compound noun
        else:
            return k
    return region.stop


def any_of(phrases: list[str], whole_words: bool = True) -> re.Pattern[str] | None:
    """One alternation for a phrase list (lower case), longest first; None when empty."""
    if not phrases:
        return None
    body = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\b" if whole_words else body)
