"""ftc kinds from reading blind ftc round 18 (2026-12-07, sixth session), after its blind
score: the purchase earning the named site, "We're paid a commission", "on any purchase",
vague ties ("supported by our retail partners" is read as clear by an older pattern; "friendly
arrangements with a few brands", "the shops I point you to help keep this letter free"), and
calls: pop it in your cart, snap them up, lock in the price, pre-order, stock your bag with, try
a tub, treat your future self, nab, grab before the price goes up, pick the one for whom."""

from __future__ import annotations

import pytest

CALL = "ftc.buy-call-to-action"
LINK = "ftc.undisclosed-affiliate-link"
WEAK = "ftc.weak-disclosure"
SELLS = "\n\nOur pick: [the tin](https://amzn.to/5Rt8Kq1).\n"


@pytest.mark.parametrize(
    "disclosure",
    [
        "Orders placed through the shop links here earn Fernway Notes a small commission.",
        "We're paid a commission by the shops when you buy through our links.",
        "Fernway Notes earns a commission on any purchase made through these links.",
    ],
)
def test_clear_disclosures_in_new_shapes(excerpts, disclosure: str) -> None:
    assert excerpts(disclosure + SELLS, LINK) == []
    assert excerpts(disclosure + SELLS, WEAK) == []


@pytest.mark.parametrize(
    "hint",
    [
        "A word on money: we have informal arrangements with a few of the makers we cover.",
        "Some of the stores I send you to help keep this letter free.",
    ],
)
def test_vague_ties_cover_what_follows_and_are_weak(excerpts, hint: str) -> None:
    assert excerpts(hint + SELLS, LINK) == []
    assert len(excerpts(hint + SELLS, WEAK)) == 1


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        ("Pop the vanilla tin in your cart.", "Pop the vanilla tin in your cart"),
        ("Snap them up before Friday.", "Snap them up"),
        ("Lock in the early-bird price this week.", "Lock in the early-bird price"),
        ("Pre-order the spring blend now.", "Pre-order the spring blend"),
        ("Stock your desk drawer with a few sachets.", "Stock your desk drawer with"),
        ("Try a pouch and see how your mornings feel.", "Try a pouch"),
        ("Treat your tired self to the big jar.", "Treat your tired self to"),
        ("Nab the twin pack while it's discounted.", "Nab the twin pack"),
        ("Grab the guide before the price goes up.", "Grab the guide before the price"),
        ("Pick the fragrance-free one if your skin reacts.", "Pick the fragrance-free one if"),
    ],
)
def test_calls_in_new_shapes(excerpts, sentence: str, excerpt: str) -> None:
    got = excerpts(sentence + SELLS, CALL)
    assert len(got) == 1 and excerpt in got[0], got


@pytest.mark.parametrize(
    "sentence",
    [
        "Try taking it with breakfast instead.",
        "Pick a time of day and stick to it.",
        "Put a scoop in your smoothie.",
    ],
)
def test_not_calls(excerpts, sentence: str) -> None:
    assert excerpts(sentence + SELLS, CALL) == []
