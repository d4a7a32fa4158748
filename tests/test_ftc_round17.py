"""ftc.buy-call-to-action kinds from the read ftc sets (session of 2026-12-07): a call after a
conditional clause ("If ..., grab the tub"), a product named by its size ("the 90-count"),
"treat yourself to", "don't miss our sale", "pick up a ..." for anything, and the coupon-cta
convention: a bare price or code asks for nothing, but widens the call beside it."""

from __future__ import annotations

import pytest

CALL = "ftc.buy-call-to-action"
SELLS = "\n\nOur pick: [the tub](https://amzn.to/3kq2Zx9).\n"


def calls(lint, text: str, name: str = "draft.md") -> list[str]:
    return [f.excerpt for f in lint(text + SELLS, name) if f.rule_id == CALL]


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        (
            "If the chalky taste doesn't put you off, grab a tub of the plain powder.",
            "grab a tub of the plain powder",
        ),
        ("When your current jar runs out, snag the refill pouch.", "snag the refill pouch"),
        ("Snag the 30-serving tub if you only want a trial.", "Snag the 30-serving tub"),
        ("Grab the 120-count if you plan to stay on it.", "Grab the 120-count"),
        ("Go on, treat yourself to a jar of the lemon gummies.", None),
        ("Treat yourself to the big bag this month.", "Treat yourself to the big bag this month"),
        ("Don't miss our winter sale on the magnesium.", "Don't miss our winter sale"),
        ("Pick up a cheap pill organiser while you are at it.", "Pick up a cheap pill organiser"),
    ],
)
def test_calls_in_new_shapes(lint, sentence: str, excerpt: str | None) -> None:
    found = calls(lint, sentence)
    assert len(found) == 1
    assert excerpt is None or found[0].startswith(excerpt)


@pytest.mark.parametrize(
    "sentence",
    [
        "Right now the tub is 20% off at most shops.",
        "The brand's code MAGNA20 was shared around the forum last spring.",
        "Don't miss the section on timing below.",
        "Pick up the pace on the last lap.",
        "If you are sensitive to caffeine, grab a coffee only before noon.",
        "If the label has no lab report, don't buy it.",
    ],
)
def test_not_calls(lint, sentence: str) -> None:
    assert calls(lint, sentence) == []


def test_a_code_and_a_price_widen_the_call_beside_them(lint) -> None:
    assert calls(lint, "Use code CALMNOW for 15% off your first order.") == [
        "Use code CALMNOW for 15% off"
    ]


def test_an_imperative_discount_is_a_call(lint) -> None:
    assert calls(lint, "Through the end of May you can get 10% off the starter kit.") != []
    assert calls(lint, "Take an extra 15% off with the spring bundle.") != []
