"""Throughput shortcuts must not change results: windowed matching, array lemmas, term spans."""

from __future__ import annotations

import random
import re
import sys

import pytest

from lint.nlp import get_nlp
from lint.rules.match.windows import PatternByPattern, anchors, needs, possible, windows
from lint.tokens import token_strings

PATTERNS = [
    [{"LOWER": {"IN": ["skip", "quit"]}}, {"LOWER": "the", "OP": "?"}, {"LOWER": "pill"}],
    [{"LOWER": "as"}, {"LOWER": {"IN": ["good", "strong"]}}, {"LOWER": "as"}, {"LOWER": "pill"}],
    [{"LEMMA": "boost"}, {"LOWER": "focus"}],
    [{"LOWER": "pill"}, {"LOWER": "-"}, {"LOWER": {"IN": ["like", "grade"]}}],
]
WORDS = [
    "skip",
    "quit",
    "the",
    "pill",
    "as",
    "good",
    "strong",
    "boosts",
    "boosted",
    "focus",
    "-",
    "like",
    "grade",
    ".",
    ",",
    "and",
    "Pill",
]


def windowed(matcher, doc, found):
    result = []
    for lo, hi in windows(token_strings(doc), found):
        result += [(key, lo + start, lo + end) for key, start, end in matcher(doc[lo:hi])]
    return sorted(result, key=lambda m: (m[1] - m[2], m[1]))


def test_windowed_matches_equal_whole_doc_matches():
    from spacy.matcher import Matcher

    nlp = get_nlp()
    matcher = Matcher(nlp.vocab)
    matcher.add("rule", PATTERNS, greedy="LONGEST")
    found = anchors(PATTERNS)
    assert found is not None
    rnd = random.Random(3)
    matched = 0
    for _ in range(400):
        doc = nlp(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 30))))
        expected = list(matcher(doc))
        matched += len(expected)
        assert windowed(matcher, doc, found) == expected, doc.text
    assert matched > 100  # the random texts did exercise overlapping matches


# overlapping patterns of one key, optional specs first and last, a spec with two attributes
MORE_PATTERNS = [
    *PATTERNS,
    [{"LOWER": "the", "OP": "?"}, {"LOWER": "pill"}, {"LOWER": "-", "OP": "?"}],
    [{"LOWER": {"IN": ["good", "strong"]}}, {"LOWER": "as", "op": "?"}, {"LOWER": "pill"}],
    [{"LOWER": "pill", "IS_ALPHA": True}, {"LOWER": "and"}, {"LOWER": "pill"}],
    [{"LOWER": "as"}, {"IS_PUNCT": True}],
]


def test_pattern_by_pattern_equals_one_matcher_of_all_patterns():
    """Only the patterns a window can hold, each in its own Matcher, then spaCy's greedy
    LONGEST filter again: the same matches as one Matcher with every pattern."""
    from spacy.matcher import Matcher

    nlp = get_nlp()
    matcher = Matcher(nlp.vocab)
    matcher.add("rule", MORE_PATTERNS, greedy="LONGEST")
    by_pattern = PatternByPattern(nlp.vocab, "rule", MORE_PATTERNS)
    rnd = random.Random(5)
    matched = skipped = 0
    for _ in range(400):
        doc = nlp(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 30))))
        expected = sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
        assert by_pattern(doc, 0, len(doc)) == expected, doc.text
        matched += len(expected)
        skipped += len(MORE_PATTERNS) - len(
            possible(token_strings(doc), 0, len(doc), by_pattern.required)
        )
    assert matched > 100 and skipped > 100  # overlaps and skipped patterns were exercised


def test_needs_name_only_required_specs():
    required = needs([*MORE_PATTERNS[4:7], [{"IS_DIGIT": True}]])
    assert required[0] == [("lower", frozenset(["pill"]))]  # "the" and "-" are optional
    assert required[1] == [("lower", frozenset(["good", "strong"])), ("lower", frozenset(["pill"]))]
    pill, also = ("lower", frozenset(["pill"])), ("lower", frozenset(["and"]))
    assert required[2] == [pill, also, pill]
    assert required[3] is None  # no word named: any range may hold it


@pytest.mark.parametrize("op", ["*", "+", "!", "{2}"])
def test_unbounded_patterns_match_the_whole_doc(op):
    assert anchors([[{"LOWER": "pill"}, {"LOWER": "x", "OP": op}]]) is None


def test_operator_key_in_any_case_is_read():
    # spaCy takes `op: "*"` as it takes `OP: "*"`: such a pattern has no bounded length either
    assert anchors([[{"LOWER": "pill"}, {"LOWER": "x", "op": "*"}]]) is None
    assert needs([[{"LOWER": "x", "op": "?"}, {"lower": "pill"}]]) == [
        [("lower", frozenset(["pill"]))]
    ]


def test_pattern_without_named_words_matches_the_whole_doc():
    assert anchors([[{"IS_DIGIT": True}, {"LOWER": "mg", "OP": "?"}]]) is None


def test_array_lemmas_equal_spacy_lemmas():
    from spacy.pipeline import Lemmatizer

    nlp = get_nlp()
    text = "Bacopa boosts memory; users reported improved focus and Studies were running."
    ours = nlp(text)
    theirs = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        theirs = Lemmatizer.__call__(pipe, theirs) if name == "lemmatizer" else pipe(theirs)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert token_strings(ours).lemma == [t.lemma_ for t in ours]


def test_prose_builder_collapses_whitespace_and_keeps_offsets():
    from lint.documents.model import ProseBuilder

    rnd = random.Random(9)
    # long words too: a run over 16 characters is copied through numpy, one without
    # whitespace but single spaces skips the collapsing regexes
    pieces = ["ab", "X", " ", "  ", "\n", "\t", "\u00a0", "é", ".", "\r\n", "w" * 20, "a b c d"]
    for _ in range(600):
        texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8))) for _ in range(3)]
        builder = ProseBuilder()
        source = ""
        for text in texts:  # one block made of several adds, as inline markup produces
            builder.add(text, range(len(source), len(source) + len(text)))
            source += text
        builder.end("paragraph")
        prose = "".join(builder.chars)
        assert prose == " ".join(source.split())
        for char, offset in zip(prose, builder.offsets, strict=True):
            assert source[offset] == char or (char == " " and source[offset].isspace())
            if char == " ":  # a whitespace run maps to its first character
                assert offset > 0 and not source[offset - 1].isspace()


def test_the_only_printable_whitespace_is_the_space():
    """ProseBuilder.add copies printable text without double spaces as it is."""
    printable_spaces = [
        c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()
    ]
    assert printable_spaces == [" "]


@pytest.mark.parametrize(
    ("pattern", "anchored"),
    [
        (r"\bkidney\b", False),
        (r"[^.!?]{0,40}renal", False),
        (r"\^ and \$ are literal", False),
        (r"^\W*buy", True),
        (r"buy$", True),
        (r"\Abuy", True),
        (r"buy\z", True),
    ],
)
def test_prescreen_knows_anchored_patterns(pattern, anchored):
    from lint.rules.match.prescreen import unanchored

    assert unanchored([pattern]) is not anchored


def test_prescreen_never_misses_a_sentence_match():
    import re2

    rnd = random.Random(11)
    words = ["kidney", "kidneys", "liver", "renal", "x", "a1", "."]
    patterns = [r"\bkidney\b", r"\brenal\b[^.]{0,5}x", r"\w+ney", r"(?i)LIVER\B", r"\.\s*a1\b"]
    for pattern in patterns:
        regex = re2.compile(pattern)
        for _ in range(300):
            sentences = [
                "".join(rnd.choice(words) + rnd.choice(["", " "]) for _ in range(rnd.randint(0, 4)))
                for _ in range(rnd.randint(1, 4))
            ]
            if any(regex.search(s) for s in sentences):
                assert regex.search("\n".join(sentences)), (pattern, sentences)


def test_disclaimer_and_dose_regexes_stay_fit_for_the_prescreen():
    from lint.analysis import DISCLAIMER
    from lint.rules.match.dosing import DOSE
    from lint.rules.match.prescreen import unanchored

    assert unanchored([DISCLAIMER.pattern])  # else has_disclaimer may not search all at once
    assert unanchored([DOSE.pattern])  # else substance may not skip sentences without doses


def test_first_candidate_skips_only_sentences_without_a_match():
    from types import SimpleNamespace

    import re2

    from lint.rules.match.prescreen import candidates, first_candidate

    rnd = random.Random(13)
    words = ["kidney", "renal", "x", "", " ", ".", "\n"]
    patterns = [r"\bkidney\b", r"renal\s?x", r"\b", r"x*", r"\.\s*\bx", r"(?<![\w.])\d?x"]
    for pattern in patterns:
        regex = re.compile(pattern) if "(?<" in pattern else re2.compile(pattern)
        for _ in range(300):
            raws = [
                "".join(rnd.choice(words) for _ in range(rnd.randint(1, 5)))
                for _ in range(rnd.randint(1, 5))
            ]
            memo: dict = {}
            analysis = SimpleNamespace(
                memo=lambda key, build, memo=memo: (
                    memo[key] if key in memo else memo.setdefault(key, build())
                ),
                sentences=[SimpleNamespace(raw=raw) for raw in raws],
            )
            first = first_candidate(regex, analysis)
            matching = [i for i, raw in enumerate(raws) if regex.search(raw)]
            if first is None:
                assert not matching
            else:
                assert all(i >= first for i in matching), (pattern, raws, first)
            found = list(candidates(regex, analysis))
            assert found == sorted(set(found))
            assert set(matching) <= set(found), (pattern, raws, found)


def _requires_word(items, words) -> bool:
    """Whether every match of the parsed regex items contains one of `words` (lower case)."""
    from re import _constants as c  # type: ignore[attr-defined]

    run = ""
    for op, arg in items:
        if op is c.LITERAL:
            run += chr(arg).lower()
            continue
        if any(word in run for word in words):
            return True
        run = ""
        if op is c.SUBPATTERN and _requires_word(arg[-1], words):
            return True
        if op is c.BRANCH and all(_requires_word(branch, words) for branch in arg[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1 and _requires_word(arg[2], words):
            return True
    return any(word in run for word in words)


def test_every_disclaimer_match_contains_one_of_the_prefilter_words():
    from re import _parser  # type: ignore[attr-defined]

    from lint.analysis import DISCLAIMER
    from lint.rules.kinds.disclaimer import DISCLAIMER_WORDS

    words = DISCLAIMER_WORDS.pattern.split("|")
    assert _requires_word(_parser.parse(DISCLAIMER.pattern, DISCLAIMER.flags), words)
    assert not _requires_word(_parser.parse(r"not (?:evaluated)?", 0), words)  # it can fail


def test_every_built_in_pattern_rule_is_windowed():
    """A pattern without a fixed length (`{1,5}`, `+`) or a required word makes `anchors`
    None and runs the rule's Matcher over whole documents: one such pattern cost
    fda.drug-comparison twice its time. Built-in rules keep every pattern windowable."""
    from lint.config import Config
    from lint.engine import Engine

    engine = Engine(Config())
    for rule in engine.ruleset.rules:
        patterns = rule.options.get("patterns") if rule.kind in ("pattern", "comparison") else None
        if patterns:
            assert anchors(patterns) is not None, rule.id


@pytest.mark.parametrize(
    "text",
    [
        "These statements have not been EVALUATED by the Food and Drug Administration.",
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",
        "This product is not intended to diagnoſe, treat, cure, or prevent any disease.",
        "The FDA has not reviewed these claims.",
        "Reviewed by our editors: it is not evaluated here.",
        "Nothing here was tested on anyone.",
    ],
)
def test_is_disclaimer_keyword_shortcut_equals_the_regex(text):
    """`Sentence.is_disclaimer` skips the regex on ASCII text without its keywords; beyond
    ASCII ("ſ" matches "s" under IGNORECASE) the regex always runs."""
    from lint.analysis import DISCLAIMER, Analysis
    from lint.documents import parse
    from lint.sources import Source

    document = parse(Source("t.txt", text, "text"))
    sentences = Analysis(document, get_nlp()(document.prose)).sentences
    assert [s.is_disclaimer for s in sentences] == [
        bool(DISCLAIMER.search(s.text)) for s in sentences
    ]
