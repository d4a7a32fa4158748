"""fda.disease-claim in round 17: "farewell" says what "goodbye" says; misspellings as heard,
doubled letters and five-letter names; a mild condition ended, not eased, is claimed."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"


def found(lint, text: str) -> list[tuple[str, int, int]]:
    return [(f.excerpt, f.line, f.column) for f in lint(text + "\n") if f.rule_id == DISEASE]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Say farewell to gout flares with our cherry capsules.", "Say farewell to gout flares"),
        ("With this oat balm you can bid farewell to eczema.", "bid farewell to eczema"),
    ],
)
def test_farewell_to_a_condition_is_a_claim(lint, text, excerpt) -> None:
    assert found(lint, text) == [(excerpt, 1, text.index(excerpt) + 1)]


def test_farewell_to_no_condition_is_no_claim(lint) -> None:
    assert found(lint, "We said farewell to our old office and moved the blending room.") == []


def test_slips_as_heard_and_doubled_never_a_british_word() -> None:
    from lint.vocab.misspell import misspellings, slips

    assert {"canser", "kancer", "cancerr"} <= set(slips("cancer"))
    assert "psoriazis" in set(slips("psoriasis")) and "lupis" in set(slips("lupus"))
    found = misspellings(["fibro"], known=set(), english={"fiber"})
    assert "fibre" not in found and "fibbro" in found  # "fibre" is the US "fiber"


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("My aunt swears this mushroom tea cured her canser.", "cured her canser"),
        ("The turmeric paste healed my endometriossis.", "healed my endometriossis"),
        ("This elderberry syrup treats lupis flares.", "treats lupis"),
    ],
)
def test_misspelt_as_heard_or_doubled_is_still_the_condition(lint, text, excerpt) -> None:
    assert found(lint, text) == [(excerpt, 1, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("This kava tincture fixed my anxiety in a week.", "fixed my anxiety"),
        ("The turmeric shots got rid of my joint pain.", "got rid of my joint pain"),
    ],
)
def test_a_mild_condition_ended_is_a_claim(lint, text, excerpt) -> None:
    assert found(lint, text) == [(excerpt, 1, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Chamomile may ease occasional anxiety.",  # eased, not ended
        "Beat the afternoon slump with our matcha.",  # no condition
    ],
)
def test_a_mild_condition_eased_is_no_claim(lint, text) -> None:
    assert found(lint, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I hoped the fish oil would help my psoriasis but zero change after two months.",
        "Tried the black seed capsules for my asthma and they didn't help at all.",
    ],
)
def test_a_claim_the_writer_says_failed_is_no_claim(lint, text) -> None:
    assert found(lint, text) == []


def test_a_failure_of_something_else_leaves_the_claim(lint) -> None:
    text = "This balm cleared my eczema when the steroid creams did nothing."
    assert found(lint, text) == [("cleared my eczema", 1, 11)]
