"""`disease`: sentences saying a product treats, cures, prevents or mitigates a disease.

A claim is a cue ("treats", "treatment for", "helps people with") next to a condition ("ADHD"),
or a substitute cue next to a drug name ("an alternative to Adderall"); see
lint/rules/match/cue_target.py for what "next to" means and which sentences only mention a
disease (negations, regulatory statements, questions, quoted study titles, sentences about a drug).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from lint.errors import ConfigError
from lint.rules.base import Checker, Option
from lint.rules.match.anchored import CONTEXTS, AnchoredFinder
from lint.rules.match.claim_model import ClaimModel, ModelFinder, load_model
from lint.rules.match.cue_target import Claim, ClaimFinder
from lint.rules.match.fronted import AnswerCues
from lint.rules.match.indication import IndicationFinder, ReadsComparisons
from lint.rules.match.terms import Terms
from lint.rules.model import Hit, Rule
from lint.rules.registry import checker_class
from lint.tokens import Identity, token_strings
from lint.vocab import rule_table

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis
    from lint.rules.loader import RuleSet

WORDS = "string-array"


class DiseaseChecker(Checker):
    kind = "disease"
    summary = "Flags sentences claiming a product treats, cures or prevents a disease."
    options: ClassVar[dict[str, Option]] = {
        "conditions": Option(WORDS, "Diseases and disorders (ADHD, Alzheimer's, ...).", True),
        "conditions_file": Option(
            "string",
            "A vocabulary of more conditions, relative to the rule file: JSON written by "
            "`python -m lint.vocab.build` (rules/fda/conditions.json: ICD-10-CM heads and lay "
            "names).",
        ),
        "mild_conditions": Option(
            WORDS,
            "Conditions that are a disease claim only with a `strong_cues` word ('treats "
            "anxiety', 'medicine against anxiety'; not 'eases anxiety').",
        ),
        "strong_cues": Option(WORDS, "Cues that make `mild_conditions` a claim (treat, cure)."),
        "anaphora": Option(
            WORDS,
            "Words pointing back to a condition ('that disease', 'the condition'): a claim "
            "target when a condition is named in the same or the previous sentence.",
        ),
        "cues": Option(
            WORDS,
            "Claim words matched in any inflection (treat, cure, treatment for, helps people "
            "with); a condition must follow within `window` tokens or precede closely.",
            True,
        ),
        "weak_cues": Option(WORDS, "Cues that do not count in headings ('supplement for')."),
        "if_cues": Option(
            WORDS,
            "Conditional audiences ('if you suffer from'): a cue before a condition only when "
            "one of `offers` follows in the sentence ('If you have gout, this is the tea for "
            "you'; not 'If you have gout, ask your doctor').",
        ),
        "offers": Option(WORDS, "What makes an `if_cues` sentence an offer ('for you')."),
        "hashtag_cues": Option(
            WORDS,
            "Cue words run together with a one-word condition in a hashtag, either order "
            "('#curecancer', '#eczemacure').",
        ),
        "forward_cues": Option(
            WORDS,
            "Cues that count only before their condition, any inflection: colloquial verbs "
            "('knocks out the flu', 'kicked my migraines'; not 'my migraines kicked in').",
        ),
        "outcomes": Option(
            WORDS,
            "What a condition someone has became, any inflection: a claim only right after a "
            "possessed condition ('my asthma is so much better', 'her gout has not flared'; "
            "not 'ADHD is much better understood').",
        ),
        "split_cues": Option(
            WORDS,
            "Particles that close a verb of `split_verbs` around a condition ('keeps the "
            "arthritis away', 'brought my blood pressure down'): a claim from the verb to the "
            "particle.",
        ),
        "split_verbs": Option(WORDS, "The verbs of `split_cues`, any inflection (keep, bring)."),
        "carry_cues": Option(
            WORDS,
            "Particles after a verb of `carry_verbs` and its object, before a condition ('got "
            "my kids through chickenpox', 'got me over mono'): a claim from the verb on.",
        ),
        "carry_verbs": Option(WORDS, "The verbs of `carry_cues`, any inflection (get, pull)."),
        "audiences": Option(
            WORDS,
            "Who a product is offered for ('for anyone battling', 'for people living with'): "
            "a cue before a condition ('ideal for anyone battling PTSD'), not in headings.",
        ),
        "rebuttals": Option(
            WORDS,
            "Words after a claim in its sentence that judge it false ('..., but the trial "
            "evidence is mixed', 'which I doubt'): someone's claim reported, not asserted.",
        ),
        "audience_people": Option(
            WORDS,
            "Who is offered a product ('people', 'adults', 'moms'): with `audience_links`, "
            "every 'for <people> <link>' is an audience as `audiences` ('for moms dealing "
            "with', 'for adults who have').",
        ),
        "audience_links": Option(
            WORDS, "What joins `audience_people` to the condition ('with', 'living with')."
        ),
        "substitutes": Option(
            WORDS, "Words that make a drug name a claim: 'alternative to' + a name in `drugs`."
        ),
        "drugs": Option(
            WORDS,
            "Drug names and drug words; a sentence whose claim is about one of them "
            "('Adderall treats ADHD') is not the product's claim.",
        ),
        "implied": Option(
            WORDS,
            "Words that are a disease claim by themselves ('anti-cancer', 'anxiolytic'), with "
            "the same exclusions.",
        ),
        "subjects": Option(
            WORDS,
            "Who or what treats, besides drugs ('doctors', 'exercise', 'the FDA'): a claim "
            "about one of them is not the product's, as for `drugs`; never a substitute's "
            "target.",
        ),
        "substitute_nouns": Option(
            WORDS,
            "Substitute words that may follow the drug ('Adderall alternatives'); other "
            "substitutes must come first ('instead of Adderall', not 'Levothyroxine replaces').",
        ),
        "drug_suffixes": Option(
            WORDS,
            "Stems that make a word of seven letters or more a drug name, like `drugs` "
            "('triptan': sumatriptan; 'mab': dupilumab).",
        ),
        "regulatory": Option(
            WORDS, "Words that, with a negation, make a regulatory statement (FDA, approved)."
        ),
        "dismissals": Option(WORDS, "Words that reject the claim in the sentence (myth, false)."),
        "reports": Option(
            WORDS,
            "Words that report or describe someone else's claim ('products that claim to', "
            "'marketed as', 'your website states'); a claim after one in its sentence, quoted "
            "or not, is reported speech.",
        ),
        "title_words": Option(
            WORDS, "Words naming a study or title; claims inside quotes next to them are titles."
        ),
        "products": Option(
            WORDS,
            "Product words and ingredients ('capsules', 'turmeric'): a condition in the same "
            "clause after one, or after a product label ('Garlic: keeps heart disease away'), "
            "is a claim unless a context of `open_claims` applies.",
        ),
        "open_claims": Option(
            "object",
            "Named word lists of the contexts in which a condition beside a product is not a "
            "claim: " + ", ".join(CONTEXTS) + " (lint/rules/match/anchored.py).",
            schema={
                "type": "object",
                "properties": {
                    name: {"type": "array", "items": {"type": "string"}} for name in CONTEXTS
                },
                "additionalProperties": False,
            },
        ),
        "window": Option(
            "integer", "Tokens allowed between a cue and a following condition.", default=6
        ),
        "comparison_rule": Option(
            "string",
            "A rule of kind comparison: in a comparison it asserts, the condition the drug is "
            "said to be for ('the natural Viagra for erectile dysfunction') is a claim too.",
        ),
        "model_file": Option(
            "string",
            "A claim model for condition mentions no cue or product claimed, relative to the "
            "rule file: JSON written by `tests/eval/train_claims.py`.",
        ),
        "model_threshold": Option(
            "number",
            "The probability from which `model_file` counts a mention as a claim (0-1).",
            default=0.8,
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        for key in ("conditions", "cues"):
            if not rule.options[key]:
                raise ConfigError(rule.file, f"'{key}' must not be empty", *rule.where(key))
        if rule.options.get("mild_conditions") and not rule.options.get("strong_cues"):
            raise ConfigError(
                rule.file,
                "'mild_conditions' needs a 'strong_cues' list",
                *rule.where("mild_conditions"),
            )
        threshold = rule.options.get("model_threshold", 0.8)
        if not 0.0 <= float(threshold) <= 1.0:
            raise ConfigError(
                rule.file, "'model_threshold' must be from 0 to 1", *rule.where("model_threshold")
            )
        if rule.options.get("substitutes") and not rule.options.get("drugs"):
            raise ConfigError(
                rule.file, "'substitutes' needs a 'drugs' list", *rule.where("substitutes")
            )

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        super().__init__(rules, nlp, ruleset)
        self.finders = [(rule, build_finders(rule, nlp, ruleset)) for rule in rules]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for rule, finders in self.finders:
            for claim in same_condition_merged(rule_claims(analysis, rule, finders)):
                if not any(claim.sentence.has(feature) for feature in rule.unless):
                    yield claim_hit(rule, analysis, claim)
                    yield from item_hits(rule, analysis, claim)


Finder = ClaimFinder | AnchoredFinder | ModelFinder | IndicationFinder


def build_finders(rule: Rule, nlp: Any, ruleset: RuleSet) -> list[Finder]:
    """One finder for cue + condition, one for substitute + drug name, one for mild
    conditions: built once per rule and pipeline (fda.missing-disclaimer shares them)."""
    key = (build_finders, Identity(rule), nlp)
    return ruleset.compiled(key, lambda: _build_finders(rule, nlp, ruleset))


def _build_finders(rule: Rule, nlp: Any, ruleset: RuleSet) -> list[Finder]:
    opts = rule.options

    def terms(key: str, lemma: bool = False) -> Terms | None:
        return Terms(nlp, opts[key], lemma) if opts.get(key) else None

    shared: dict[str, Any] = {
        "drugs": terms("drugs"),
        "regulatory": terms("regulatory"),
        "dismissals": terms("dismissals"),
        "title_words": terms("title_words"),
        "reports": terms("reports"),
        "rebuttals": terms("rebuttals"),
        "subjects": terms("subjects"),
        "drug_suffixes": tuple(s.lower() for s in opts.get("drug_suffixes") or ()),
        "window_after": int(opts.get("window", 6)),
    }
    finders = [
        ClaimFinder(
            Terms(nlp, opts["cues"], lemma=True),
            Terms(nlp, opts["conditions"], keyed=rule_table(rule, ruleset)),
            weak_cues=terms("weak_cues", lemma=True),
            anaphora=terms("anaphora"),
            **shared,
        )
    ]
    cohorts = audiences(opts)
    if opts.get("forward_cues") or cohorts:
        # no condition before these: "my migraines kicked in" is no claim
        finders.append(
            ClaimFinder(
                Terms(nlp, opts.get("forward_cues") or [], lemma=True),
                finders[0].targets,
                weak_cues=Terms(nlp, cohorts, lemma=True) if cohorts else None,
                before_words=frozenset(),
                anaphora=terms("anaphora"),
                **shared,
            )
        )
    # outcomes and carried conditions are told of people: a claim only beside a product
    products = terms("products")
    if opts.get("outcomes"):
        finders.append(
            ClaimFinder(
                Terms(nlp, opts["outcomes"], lemma=True),
                finders[0].targets,
                possessed=True,
                requires=products,
                **{**shared, "window_before": 1},
            )
        )
    if opts.get("split_cues") and opts.get("split_verbs"):
        finders.append(
            ClaimFinder(
                Terms(nlp, opts["split_cues"]),
                finders[0].targets,
                split_verbs=Terms(nlp, opts["split_verbs"], lemma=True),
                **shared,
            )
        )
    if opts.get("carry_cues") and opts.get("carry_verbs"):
        finders.append(
            ClaimFinder(
                Terms(nlp, opts["carry_cues"]),
                finders[0].targets,
                split_verbs=Terms(nlp, opts["carry_verbs"], lemma=True),
                particle_first=True,
                requires=products,
                before_words=frozenset(),
                **{**shared, "window_after": 3},
            )
        )
    if opts.get("if_cues") and opts.get("offers"):
        finders.append(
            ClaimFinder(
                Terms(nlp, opts["if_cues"], lemma=True),
                finders[0].targets,
                offers=Terms(nlp, opts["offers"]),
                before_words=frozenset(),
                **shared,
            )
        )
    if opts.get("implied"):
        implied = Terms(nlp, opts["implied"])
        finders.append(ClaimFinder(implied, implied, self_target=True, **shared))
    if opts.get("mild_conditions"):
        mild = Terms(nlp, opts["mild_conditions"])
        finders.append(ClaimFinder(Terms(nlp, opts["strong_cues"], lemma=True), mild, **shared))
        # any cue, when the sentence also compares with a drug: "calms anxiety without the
        # side effects of benzodiazepines" offers the product as the drug's substitute
        finders.append(ClaimFinder(finders[0].cues, mild, drug_compared=True, **shared))
    if opts.get("substitutes"):
        finders.append(
            ClaimFinder(
                Terms(nlp, opts["substitutes"], lemma=True),
                Terms(nlp, opts["drugs"]),
                allow_drug_subject=True,
                label="substitute",
                before_words=frozenset(w.lower() for w in opts.get("substitute_nouns") or ())
                if opts.get("substitute_nouns")
                else None,
                **{**shared, "window_after": 3, "window_before": 1},
            )
        )
    result: list[Finder] = list(finders)
    if opts.get("comparison_rule"):
        result.append(indication_finder(rule, nlp, ruleset, finders[0]))
    if opts.get("products"):
        result.append(anchored_finder(rule, nlp, finders[0]))
    if opts.get("model_file") and opts.get("products"):
        targets = finders[0].targets, terms("mild_conditions")
        result.append(model_finder(rule, ruleset, *targets, products=terms("products")))
    return result


def model_finder(
    rule: Rule, ruleset: RuleSet, conditions: Terms, mild: Terms | None, products: Any
) -> ModelFinder:
    """The rule's claim model, read once per rule set on the first mention it must score."""
    path = (Path(rule.file).parent / str(rule.options["model_file"])).resolve()
    where = rule.where("model_file")
    if not path.is_file():  # a missing file is the rule's error at load, not mid-lint
        raise ConfigError(rule.file, f"cannot read claim model {path}: no such file", *where)

    def model() -> ClaimModel:
        return ruleset.compiled((load_model, path), lambda: load_model(path, rule.file, *where))

    threshold = float(rule.options.get("model_threshold", 0.8))
    return ModelFinder(conditions, products, model, threshold, mild)


def indication_finder(
    rule: Rule, nlp: Any, ruleset: RuleSet, reader: ClaimFinder
) -> IndicationFinder:
    """The conditions of the drug uses in `comparison_rule`'s comparisons."""
    name = rule.options["comparison_rule"]
    comparison = ruleset.by_id().get(name)
    if comparison is None or comparison.kind != "comparison":
        raise ConfigError(
            rule.file,
            f"comparison_rule '{name}' is not a rule of kind 'comparison'",
            *rule.where("comparison_rule"),
        )

    def checker() -> ReadsComparisons:
        """The run's checker of that rule (it registers itself), else one built for this (the
        rule disabled or not selected); by kind name, as that kind reads this one's finders."""
        build = checker_class("comparison")
        return cast(ReadsComparisons, build([comparison], nlp, ruleset))

    def comparisons(analysis: Analysis) -> list[tuple[int, int]]:
        found = ruleset.compiled((COMPARISONS, Identity(comparison)), checker)
        return found.asserted_spans(analysis, comparison)

    return IndicationFinder(comparisons, reader.targets)


COMPARISONS = "comparisons"  # the rule set's compiled key of a comparison rule's checker


def audiences(opts: dict[str, Any]) -> list[str]:
    """`audiences` plus every 'for <people> <link>' of `audience_people` x `audience_links`."""
    people, links = opts.get("audience_people") or [], opts.get("audience_links") or []
    made = [f"for {who} {link}" for who in people for link in links]
    return list(dict.fromkeys([*(opts.get("audiences") or []), *made]))


def anchored_finder(rule: Rule, nlp: Any, reader: ClaimFinder) -> AnchoredFinder:
    """Conditions named in a sentence about the product, with the named negative contexts."""
    opts = rule.options
    contexts = opts.get("open_claims") or {}

    def terms(key: str, lemma: bool = False) -> Terms | None:
        return Terms(nlp, opts[key], lemma) if opts.get(key) else None

    named = {name: Terms(nlp, words) for name, words in contexts.items() if words}
    guards = tuple(named[name] for name in ("caution", "advice") if name in named)
    answer_cues = AnswerCues(
        terms("offers"), terms("split_verbs", True), terms("split_cues"), guards
    )
    return AnchoredFinder(
        reader.targets, Terms(nlp, opts["products"]), named, reader, answer_cues=answer_cues
    )


def rule_claims(analysis: Analysis, rule: Rule, finders: Sequence[Finder]) -> list[Claim]:
    """A disease rule's claims, found once per document (fda.missing-disclaimer counts them too)."""

    def build() -> list[Claim]:
        tags = rule.options.get("hashtag_cues")
        return claims(analysis, finders, hashtag_claims(analysis, tags, cue_finder(finders)))

    return analysis.memo((Identity(rule), "claims"), build)


def cue_finder(finders: Sequence[Finder]) -> ClaimFinder:
    """The rule's main cue + condition finder (the first): others borrow its exclusions."""
    first = finders[0]
    assert isinstance(first, ClaimFinder)
    return first


def claims(
    analysis: Analysis, finders: Sequence[Finder], extra: Sequence[Claim] = ()
) -> list[Claim]:
    """Claims of all finders in document order, overlapping ones merged into the first.

    Anchored claims (a condition beside a product) count only in sentences where no cue
    found one: the cue's finding already spans the claim ("protects against COVID-19 and
    seasonal flu" is one claim, not one per condition)."""
    cued = [
        *extra,
        *(c for f in finders if isinstance(f, ClaimFinder) for c in f.find(analysis)),
    ]
    readers = [f for f in finders if isinstance(f, AnchoredFinder)]
    if readers:  # the named negative contexts guard the cue path too (one definition)
        cued = [c for c in cued if not readers[0].cue_excluded(c)]
    claimed = {id(c.sentence) for c in cued if not c.anaphor}
    anchored = [
        c
        for f in finders
        if isinstance(f, AnchoredFinder)
        for c in f.find(analysis)
        if id(c.sentence) not in claimed
    ]
    found = _without_repeats(sorted([*cued, *anchored], key=lambda c: (c.start, -c.end)))
    result: list[Claim] = []
    for claim in found:
        if not result or claim.start >= result[-1].end:
            result.append(claim)
    learned = [c for f in finders if isinstance(f, ModelFinder) for c in f.find(analysis, result)]
    # a drug's use in an asserted comparison, where nothing else claimed (another claim there
    # covers it: "no longer need my inhaler for asthma"); the contexts read as for cues, less
    # the drug's own story ("the Valtrex my doctor gave me for cold sores")
    claimed = {id(c.sentence) for c in [*result, *learned]}
    learned += [
        c
        for f in finders
        if isinstance(f, IndicationFinder)
        for c in f.find(analysis)
        if id(c.sentence) not in claimed
        and not (readers and readers[0].cue_excluded(c, drug_story=False))
    ]
    if learned:
        result = sorted([*result, *learned], key=lambda c: (c.start, -c.end))
    return _without_hashtag_repeats(analysis, result)


def _without_hashtag_repeats(analysis: Analysis, found: list[Claim]) -> list[Claim]:
    """A hashtag after a post's claim tags the same condition, not a second claim: "Goodbye
    arthritis flare-ups! #arthritisrelief", "with fibro ... #fibromyalgia" (one word the
    start of the other). Only hashtags are dropped, and only within HASHTAG_REACH sentences."""
    texts = token_strings(analysis.doc).text
    result: list[Claim] = []
    for claim in found:
        tagged = "#" in texts[max(0, claim.start - 1) : claim.start + 1]
        if tagged and any(_same_tag(claim, earlier) for earlier in result[-HASHTAG_LOOKBACK:]):
            continue
        result.append(claim)
    return result


def _same_tag(tag: Claim, earlier: Claim) -> bool:
    if not 0 <= tag.sentence.index - earlier.sentence.index <= HASHTAG_REACH:
        return False
    a, b = sorted((tag.target.lower().lstrip("#"), earlier.target.lower().lstrip("#")), key=len)
    return len(a) >= MIN_STEM and b.startswith(a)


HASHTAG_REACH = 1  # sentences: a caption's hashtags end the sentence or follow it
HASHTAG_LOOKBACK = 8  # claims read back: linear in a document of many claims
MIN_STEM = 4  # "fibro" names fibromyalgia; "flu" is too short to stand for "fluorosis"


def _without_repeats(found: list[Claim]) -> list[Claim]:
    """ "that disease" after a claimed condition in its own sentence repeats that claim ("for
    those with diabetes ... end the disease"); after an unclaimed one it is the claim ("If
    someone you love has Alzheimer's, our formula slows that disease")."""
    named: set[int] = set()
    result = []
    for claim in found:
        if claim.anaphor and id(claim.sentence) in named:
            continue
        if not claim.anaphor:
            named.add(id(claim.sentence))
        result.append(claim)
    return result


def hashtag_claims(
    analysis: Analysis, cues: Sequence[str] | None, finder: ClaimFinder
) -> list[Claim]:
    """ "#curecancer", "#eczemacure": a cue word and a one-word condition run together after
    a "#" (spaCy splits off the "#"), read with the finder's exclusions."""
    if not cues:
        return []
    texts = token_strings(analysis.doc).text
    if "#" not in texts:
        return []
    words = tuple(c.lower() for c in cues)
    conditions = finder.targets.terms[False]
    found = []
    for i in [i for i, text in enumerate(texts[:-1]) if text == "#"]:
        tag = texts[i + 1].lower()
        hit = next(
            (
                (cue, rest)
                for cue in words
                for rest in (tag.removeprefix(cue), tag.removesuffix(cue))
                if rest != tag and rest in conditions
            ),
            None,
        )
        sentence = analysis.sentence_at(analysis.doc[i].idx) if hit else None
        if hit and sentence is not None and finder.asserts(sentence, i, i + 2):
            found.append(Claim(sentence, i, i + 2, hit[0], hit[1]))
    return found


def same_condition_merged(found: list[Claim]) -> list[Claim]:
    """One finding per condition and sentence: "ideal for children with ADHD ..., and they
    relieve ADHD restlessness" is one claim about ADHD, spanning both mentions."""
    result: list[Claim] = []
    for claim in found:
        last = result[-1] if result else None
        if (
            last is not None
            and last.sentence is claim.sentence
            and last.target.lower() == claim.target.lower()
        ):
            result[-1] = replace(last, end=claim.end, items=last.items + claim.items)
        else:
            result.append(claim)
    return result


def item_hits(rule: Rule, analysis: Analysis, claim: Claim) -> Iterator[Hit]:
    """One hit per further condition of the claim's list, at its own words: each is a claim
    an editor must reword, and a report counts it."""
    seen = {claim.target.lower()}
    doc = analysis.doc
    for start, end in claim.items:
        item = doc[start:end].text
        # "HIV/AIDS" names one disease, "Zika & other viruses" a class
        if doc[start - 1].lower_ in {"/", "other"}:
            continue
        if item.lower() not in seen:
            seen.add(item.lower())
            yield claim_hit(rule, analysis, replace(claim, start=start, end=end, target=item))


def claim_hit(rule: Rule, analysis: Analysis, claim: Claim) -> Hit:
    span = analysis.doc[claim.start : claim.end]
    start, end = analysis.source_span(span.start_char, span.end_char)
    values = {
        "match": span.text,
        "cue": claim.cue,
        "condition": claim.target,
        "what": (
            f"a substitute for {claim.target}"
            if claim.label == "substitute"
            else f"treating or preventing {claim.target}"
        ),
        "sentence": claim.sentence.text,
    }
    return Hit(rule, start, end, values)
