"""fda.disease-claim cues added in round 17: "farewell" says what "goodbye" says."""

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
