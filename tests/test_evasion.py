"""Disguised claims are still flagged: invisible characters (zero-width space, soft hyphen,
BEL, bidi controls) and Latin lookalikes (Cyrillic, Greek, fullwidth, math letters) are not
seen by the rules, while findings keep exact source positions and excerpts."""

from __future__ import annotations

import pytest

from lint.documents.normalise import normalise

# (name, claim as written in the source): each must read "This cures ADHD." to the rules
DISGUISES = [
    ("zero-width space", "This cu\u200bres ADHD."),
    ("soft hyphen", "This cu\u00adres ADHD."),
    ("word joiner and ZWNJ", "This c\u2060u\u200cres ADHD."),
    ("BEL", "This cu\x07res ADHD."),
    ("bidi override", "This cu\u202eres ADHD."),
    ("Cyrillic A", "This cures \u0410DHD."),
    ("Cyrillic c and e", "This \u0441ur\u0435s ADHD."),
    ("Greek Alpha", "This cures \u0391DHD."),
    ("fullwidth", "This \uff43\uff55\uff52\uff45\uff53 ADHD."),
    ("two disguises in one word", "This c\u200b\u0443res ADHD.".replace("\u0443", "u\u00ad")),
]
INTRO = "# Focus notes\n\nSome readers asked about our blend.\n\n"


def disease_claims(findings):
    return [f for f in findings if f.rule_id == "fda.disease-claim"]


@pytest.mark.parametrize(("name", "claim"), DISGUISES, ids=[d[0] for d in DISGUISES])
@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_disguised_claim_is_flagged_at_its_exact_source_span(lint, name, claim, fmt):
    written = claim.replace("\u00ad", "&shy;") if fmt == "html" else claim
    text = (
        f"<h1>Focus notes</h1>\n<p>Some readers asked about our blend.</p>\n<p>{written}</p>\n"
        if fmt == "html"
        else INTRO + written + "\n"
    )
    (finding,) = disease_claims(lint(text, f"post.{fmt}"))
    line = text.splitlines()[finding.line - 1]
    start = line.index("This") + len("This ")
    end = line.index(".", start)
    line_number = text[: text.index(written)].count("\n") + 1
    assert (finding.line, finding.column) == (line_number, start + 1)
    assert (finding.end_line, finding.end_column) == (finding.line, end + 1)
    assert finding.excerpt == line[start:end]  # the exact source, invisible characters and all
    assert "'cures ADHD'" in finding.message


def test_plain_claim_still_flagged_the_same(lint):
    (finding,) = disease_claims(lint(INTRO + "This cures ADHD.\n"))
    assert (finding.line, finding.column, finding.excerpt) == (5, 6, "cures ADHD")


@pytest.mark.parametrize(
    "text",
    [
        "\u0410\u0442\u0435\u043d\u044b \u0438 \u043e\u0441\u0430",  # Russian words, own letters
        "\u0391\u03b8\u03ae\u03bd\u03b1",  # Greek
        "caf\u00e9 na\u00efve \u00bd",
    ],
)
def test_words_in_other_scripts_are_not_folded(text: str):
    assert normalise(text, range(len(text))) == (text, range(len(text)))


def test_a_word_of_lookalikes_only_is_folded_beside_latin_words():
    text = "a \u0441\u043e\u0440\u0435 test, \u0441\u043e\u0440\u0435 \u0438"
    assert normalise(text, range(len(text)))[0] == "a cope test, cope \u0438"


def test_dropped_characters_have_no_prose_index_and_the_rest_keep_theirs():
    text = "a\u200bb\x07c\u0441"
    prose, offsets = normalise(text, range(10, 10 + len(text)))
    assert prose == "abcc"
    assert list(offsets) == [10, 12, 14, 15]


def test_ordinary_text_is_not_copied():
    offsets = range(5)
    assert normalise("Zinc.", offsets)[1] is offsets
