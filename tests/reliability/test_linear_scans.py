"""The pieces that made scans linear (issue 13) keep what users rely on: positions, rule ids,
the same answers as the walks they replace on ordinary text."""

from __future__ import annotations

import random

import pytest

from lint.documents import model
from lint.nlp import MAX_RUN_CHARS, MAX_SENTENCE_TOKENS, MIN_PIECE_TOKENS, get_nlp
from lint.rules.kinds import claim
from lint.rules.match import clauses

WORDS = ["ginkgo", "boosts", "memory", "not", "but", ",", ";", "no", '"', "“", "focus", "never"]


def sentence_lengths(text: str) -> list[int]:
    return [len(sentence) for sentence in get_nlp()(text).sents]


def test_a_sentence_without_full_stop_is_cut_into_bounded_pieces():
    lengths = sentence_lengths("Ginkgo boosts memory and focus " * 1000)  # 5,000 tokens
    assert sum(lengths) == 5000
    assert max(lengths) <= MAX_SENTENCE_TOKENS
    assert min(lengths[:-1]) >= MIN_PIECE_TOKENS


def test_a_long_sentence_is_cut_after_a_comma_when_it_has_one():
    doc = get_nlp()("Ginkgo boosts memory, and focus " * 200)
    pieces = list(doc.sents)
    assert len(pieces) > 1
    assert all(piece[-1].text == "," for piece in pieces[:-1])


def test_ordinary_sentences_are_not_cut():
    text = ("A long sentence " + "with many words " * 70 + "ends here. ") * 3  # 216 tokens
    lengths = sentence_lengths(text)
    assert len(lengths) == 3
    assert all(200 < n <= MAX_SENTENCE_TOKENS for n in lengths)


@pytest.mark.parametrize(
    "run",
    ["‹" * 20_000, "&" * 20_000, "🧠" * 20_000, "[" * 5_000 + "x" + "]" * 5_000, "a." * 3_000],
)
def test_long_runs_are_tokenized_in_pieces_with_the_text_exact(run: str):
    text = f"Intro {run} then more. This cures ADHD."
    doc = get_nlp()(text)
    assert doc.text == text
    assert max(len(token) for token in doc) <= MAX_RUN_CHARS
    tail = doc[len(doc) - 4 :]
    assert [t.text for t in tail] == ["This", "cures", "ADHD", "."]
    assert tail[0].idx == text.index("This cures")


def test_text_without_long_runs_tokenizes_as_spacy_does():
    nlp = get_nlp()
    plain = nlp.tokenizer.tokenizer  # the wrapped spaCy tokenizer
    text = "It isn't (Smith et al., 2019) effects3 https://example.org/a?b=c. " + "x" * 200
    ours, theirs = nlp.make_doc(text), plain(text)
    assert [(t.text, t.whitespace_, t.norm_) for t in ours] == [
        (t.text, t.whitespace_, t.norm_) for t in theirs
    ]


def test_finding_after_a_long_run_keeps_its_exact_position(lint):
    text = "# Notes\n\n" + "🧠" * 30_000 + "\n\nBacopa cures ADHD in children.\n"
    [finding] = [f for f in lint(text, "run.md") if f.rule_id == "fda.disease-claim"]
    assert (finding.line, finding.column) == (5, 8)
    assert finding.excerpt == text[finding.start_offset : finding.end_offset]


def test_block_locator_answers_as_the_scan_did():
    rng = random.Random(3)
    for _ in range(200):
        blocks, offsets, position = [], model.array("q"), 0
        for _ in range(rng.randint(1, 8)):
            position += rng.randint(0, 3)  # gaps between blocks, or touching blocks
            start = len(offsets)
            for _ in range(rng.randint(1, 4)):
                offsets.append(position)
                position += 1
            blocks.append(model.Block("paragraph", start, len(offsets), 0))
        locate = model._block_locator(blocks, offsets)
        for offset in range(position + 3):
            assert locate(offset) == model._scan_block_index(blocks, offset, offsets), offset


def _walk_clause_start(doc, lo: int, i: int) -> int:  # the walk clause_start replaced
    def brk(t):
        return t.text in clauses.BREAK_PUNCT or t.lower_ in clauses.BREAK_WORDS

    while i > lo and not brk(doc[i - 1]):
        i -= 1
    return i


def _walk_clause_end(doc, hi: int, i: int) -> int:
    while i < hi and not (
        doc[i].text in clauses.BREAK_PUNCT or doc[i].lower_ in clauses.BREAK_WORDS
    ):
        i += 1
    return i


def _walk_negation(sentence, token_index: int) -> bool:  # the walk local_negation replaced
    for i in range(token_index - 1, sentence.span.start - 1, -1):
        token = sentence.span.doc[i]
        if token.lower_ in claim.CLAUSE_BREAKS:
            return False
        if token.lower_ in claim.NEGATIONS and not claim.NOT_NEGATION.match(
            token.doc[i : i + 5].text
        ):
            return True
    return False


def _walk_quote(sentence, token_index: int) -> bool:
    doc = sentence.span.doc
    marks = sum(1 for i in range(sentence.span.start, token_index) if doc[i].text in claim.QUOTES)
    return marks % 2 == 1


def _random_analysis(rng: random.Random, engine):
    from lint.analysis import Analysis
    from lint.documents import parse
    from lint.sources import Source

    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 60))]
    text = "Intro words here. " + " ".join(words) + ". Last one."
    document = parse(Source("t.txt", text, "text"))
    return Analysis(document, get_nlp()(document.prose))


def test_clause_and_negation_lookups_answer_as_the_walks_did(engine):
    rng = random.Random(7)
    for _ in range(150):
        analysis = _random_analysis(rng, engine)
        doc = analysis.doc
        for sentence in analysis.sentences:
            lo, hi = sentence.span.start, sentence.span.end
            for i in range(lo, hi + 1):
                assert clauses.clause_start(doc, lo, i) == _walk_clause_start(doc, lo, i)
                assert clauses.clause_end(doc, hi, i) == _walk_clause_end(doc, hi, i)
            for i in range(lo, hi):
                assert claim.local_negation(sentence, i) == _walk_negation(sentence, i)
                assert claim.inside_quote(sentence, i) == _walk_quote(sentence, i)


def test_suppression_lookup_answers_as_the_scan_did():
    from lint.suppression import ALL, Suppressions

    rng = random.Random(11)
    selectors = [ALL, "fda", "fda.disease-claim", "ftc"]
    for _ in range(200):
        ranges = []
        for _ in range(rng.randint(0, 6)):
            first = rng.randint(1, 30)
            ranges.append((rng.choice(selectors), first, first + rng.randint(0, 8)))
        suppressions = Suppressions(ranges=ranges)
        for rule_id in ("fda.disease-claim", "fda.missing-disclaimer", "ftc.x", "safety.y"):
            family = rule_id.split(".", 1)[0]
            for line in range(1, 42):
                scan = any(
                    first <= line <= last and selector in (ALL, rule_id, family)
                    for selector, first, last in ranges
                )
                assert suppressions.covers(rule_id, line) == scan
