"""`animal`: animal or cell results carried over to people.

A sentence is flagged when it states an effect (an effect verb) on a human subject ("you",
"people", "users", "the brain") and an animal or in-vitro study is named in the same sentence
or the one before, while the sentence itself has no hedge, negation or citation. In the
follow-up sentence an animal word ("in rats") keeps the claim qualified.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.rules.base import Checker, Option
from lint.rules.match.inflect import verb_forms
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

    from lint.analysis import Analysis, Sentence
    from lint.rules.loader import RuleSet


class AnimalChecker(Checker):
    kind = "animal"
    summary = "Flags animal or in-vitro results stated as effects in people."
    options: ClassVar[dict[str, Option]] = {
        "studies": Option(
            "string-array", "Words naming an animal or cell study ('mice').", required=True
        ),
        "subjects": Option(
            "string-array", "Human subjects, in the study sentence or after it ('you').", True
        ),
        "followup_subjects": Option(
            "string-array", "Subjects counted only in the next sentence ('the brain')."
        ),
        "verbs": Option("string-array", "Effect verbs (lemma or word).", required=True),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        for key in ("studies", "subjects", "verbs"):
            if not rule.options[key]:
                raise ConfigError(rule.file, f"'{key}' must not be empty", *rule.where(key))

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        from spacy.matcher import PhraseMatcher

        super().__init__(rules, nlp, ruleset)
        self.compiled = []
        for rule in rules:
            matchers = {}
            for key in ("studies", "subjects", "followup_subjects"):
                matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
                matcher.add(key, [nlp.make_doc(p.lower()) for p in rule.options.get(key, [])])
                matchers[key] = matcher
            verbs = {form for v in rule.options["verbs"] for form in verb_forms(v)}
            self.compiled.append((rule, matchers, verbs))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for rule, matchers, verbs in self.compiled:
            previous_animal = False
            for sentence in analysis.sentences:
                animal = bool(matchers["studies"](sentence.span))
                hit = self._claim(
                    rule, analysis, sentence, matchers, verbs, animal, previous_animal
                )
                if hit is not None:
                    yield hit
                # a new block that is a heading starts a new topic
                previous_animal = animal and not sentence.is_heading

    def _claim(
        self,
        rule: Rule,
        analysis: Analysis,
        sentence: Sentence,
        matchers: dict[str, Any],
        verbs: set[str],
        animal: bool,
        previous_animal: bool,
    ) -> Hit | None:
        if not (animal or previous_animal):
            return None
        if sentence.is_question or sentence.in_quote or sentence.cited or sentence.negated:
            return None
        if sentence.hedged_apart_from_animals:
            return None
        subjects = matchers["subjects"](sentence.span, as_spans=True)
        if not animal:  # the follow-up sentence: generic subjects count too
            subjects += matchers["followup_subjects"](sentence.span, as_spans=True)
        subjects = [s for s in subjects if not _study_word(s)]
        if not subjects:
            return self._consequence(rule, analysis, sentence, matchers, verbs) if animal else None
        # in the study's own sentence the claim follows the study: "in rats ... so it boosts
        # your memory"; "it reduced anxiety in mice, which is why users ..." reports the study
        after = matchers["studies"](sentence.span, as_spans=True)[0].end if animal else 0
        subject = min(subjects, key=lambda s: s.start)
        # the claim's own clause: "the extract destroyed tumour cells, so it kills cancer cells
        # in your body" names "kills", not the animal result before the comma
        clause = clause_start(sentence.span, after, subject.start)
        verb = first_verb(sentence.span, verbs, clause)
        # the human clause names no verb: the study's verb carries over ("rodents regrew nerves,
        # and users feel the difference"), unless the clause is a caveat ("..., but mouse results
        # often fail in people")
        if verb is None and sentence.span.doc[clause].lower_ not in CONTRASTS:
            verb = first_verb(sentence.span, verbs, after)
        if verb is None:
            return None
        where = "this sentence" if animal else "the previous sentence"
        first, last = min(verb.start, subject.start), max(verb.end, _noun_end(subject))
        claim_span = sentence.span.doc[first:last]
        claim = claim_span.text
        # the finding sits on the human claim, verb to human subject ("heals human skin"), or on
        # the verb alone when the two lie far apart
        at = claim_span if len(claim) <= 60 else verb
        shown = claim if len(claim) <= 60 else f"{verb.text} ... {subject.text}"
        return _hit(rule, analysis, sentence, at, verb, subject.text, shown, where)

    def _consequence(
        self,
        rule: Rule,
        analysis: Analysis,
        sentence: Sentence,
        matchers: dict[str, Any],
        verbs: set[str],
    ) -> Hit | None:
        """The study's result drawn as a consequence with no animal word after it: "the herb
        destroyed H. pylori in a dish, so it cures stomach ulcers" names no person, and needs
        none: what follows "so" is said of anyone who takes it."""
        span, doc = sentence.span, sentence.span.doc
        after = matchers["studies"](span, as_spans=True)[-1].end
        link = next((i for i in range(after, span.end) if _consequence_at(doc, i)), None)
        if link is None:
            return None
        verb = first_verb(span, verbs, link + 1)
        if verb is None:
            return None
        end = verb.end
        while end < span.end and end < verb.end + CONSEQUENCE_OBJECT and not doc[end].is_punct:
            end += 1
        claim = doc[verb.start : end]
        return _hit(rule, analysis, sentence, claim, verb, "", claim.text, "this sentence")


def _hit(
    rule: Rule,
    analysis: Analysis,
    sentence: Sentence,
    at: Span,
    verb: Span,
    subject: str,
    claim: str,
    where: str,
) -> Hit:
    """The finding at `at`, with the values the rule's message names."""
    start, end = analysis.source_span(at.start_char, at.end_char)
    values = {
        "match": verb.text,
        "subject": subject,
        "claim": claim,
        "where": where,
        "sentence": sentence.text,
    }
    return Hit(rule, start, end, values)


CONSEQUENCE_OBJECT = 4  # words after the verb the finding covers ("cures stomach ulcers")
CONSEQUENCES = {"so", "meaning", "therefore", "thus", "hence"}


def _consequence_at(doc: Any, i: int) -> bool:
    """ "so" that draws a consequence ("..., so it cures"), not "so much" or "so that"."""
    word = doc[i].lower_
    if word == "means" and i > 0 and doc[i - 1].lower_ == "which":
        return True
    if word not in CONSEQUENCES:
        return False
    follower = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return follower not in {"much", "many", "far", "that", "few", "little", "long"}


CLAUSE_BREAKS = {",", ";", ":", "—", "–"}
CONTRASTS = {"but", "yet", "though", "although", "however", "whereas", "while"}


def clause_start(span: Span, after: int, subject: int) -> int:
    """The token after the last clause break between `after` and the subject (else `after`)."""
    start = max(after, span.start)
    for i in range(subject - 1, start - 1, -1):
        if span.doc[i].text in CLAUSE_BREAKS:
            return i + 1
    return after


def first_verb(span: Span, verbs: set[str], after: int = 0) -> Span | None:
    for token in span:
        if token.i >= after and token.lower_ in verbs and not _adjective(span, token.i):
            return span.doc[token.i : token.i + 1]
    return None


def _adjective(span: Span, i: int) -> bool:
    """ "had lower cholesterol", "with increased risk": a comparison, not an effect verb."""
    return i > span.start and span.doc[i - 1].lower_ in {"had", "has", "have", "with", "showed"}


STUDY_NOUNS = {"trial", "trials", "study", "studies", "data", "research", "evidence", "testing"}


def _study_word(subject: Span) -> bool:
    """ "a human trial", "in patients studies": a study, not a human said to be affected."""
    doc, end = subject.doc, subject.end
    return end < len(doc) and doc[end].lower_ in STUDY_NOUNS


MODIFIERS = {"your", "our", "my", "their", "his", "her", "human", "the"}


def _noun_end(subject: Span) -> int:
    """The end of the subject's noun: "your" -> "your body", "human" -> "human skin"."""
    doc, end = subject.doc, subject.end
    if doc[end - 1].lower_ in MODIFIERS and end < len(doc) and doc[end].is_alpha:
        return end + 1
    return end
