"""ftc: a commission told with any verb is a clear disclosure, and so are referral or
affiliate fees and revenue; the Federal Trade Commission and a denied commission are none
(seventh session of 2026-12-07: each fresh round had missed a new verb around the same noun)."""

from __future__ import annotations

import pytest

LINK = "ftc.undisclosed-affiliate-link"
SELLS = "\n\nOur pick: [the tin](https://amzn.to/5Rt8Kq1).\n"


@pytest.mark.parametrize(
    "disclosure",
    [
        "A small commission comes our way from the shops linked below.",
        "Each order placed through these links sends a commission to the site.",
        "This newsletter runs on affiliate revenue from the shops it links to.",
        "Some retailers pay us referral fees when readers buy.",
    ],
)
def test_any_commission_told_discloses(excerpts, disclosure: str) -> None:
    assert excerpts(disclosure + SELLS, LINK) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Federal Trade Commission publishes guidance on endorsements.",
        "We don't earn commissions on anything we recommend.",
        "Not on commission, I just like the stuff.",
    ],
)
def test_commission_named_without_a_connection_covers_nothing(excerpts, sentence: str) -> None:
    assert excerpts(sentence + SELLS, LINK) == ["[the tin](https://amzn.to/5Rt8Kq1)"]


CALL = "ftc.buy-call-to-action"
WEAK = "ftc.weak-disclosure"


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        ("Give the oat-milk capsules a try for a month.", "Give the oat-milk capsules a try"),
        ("Invest in a decent tub with a lab seal.", "Invest in a decent tub"),
        ("Jump on this one before the coupon expires.", "Jump on this one before the coupon"),
        ("You might want to pick up a sleep mask too.", "You might want to pick up"),
        ("Don't pay full price for the big jar.", "Don't pay full price"),
        ("Snag the berry one while you're at it.", "Snag the berry one"),
        ("Get the 10 mg one, not the 50 mg.", "Get the 10 mg one"),
        ("Pick up the 1,000 IU bottle for winter.", "Pick up the 1,000 IU bottle"),
    ],
)
def test_calls_in_new_shapes(excerpts, sentence: str, excerpt: str) -> None:
    got = excerpts(sentence + SELLS, CALL)
    assert len(got) == 1 and excerpt in got[0], got


def test_buying_nothing_is_no_call(excerpts) -> None:
    assert excerpts("Buy nothing until you have read the label." + SELLS, CALL) == []


def test_reader_supported_alone_is_vague_and_covers_the_links(excerpts) -> None:
    text = "Fernway Notes is reader-supported." + SELLS
    assert excerpts(text, LINK) == []
    assert excerpts(text, WEAK) == ["Fernway Notes is reader-supported"]


def test_a_hint_beside_a_plain_disclosure_is_part_of_it(excerpts) -> None:
    text = "Fernway Notes is reader-supported. We earn a commission on purchases." + SELLS
    assert excerpts(text, WEAK) == []


def test_affiliate_links_as_a_topic_are_no_label(excerpts) -> None:
    text = "Mods: please label any referral or affiliate links in your posts." + SELLS
    assert excerpts(text, WEAK) == []


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        ("Splurge on the micronised tub if you can.", "Splurge on the micronised tub"),
        ("Load up on the summer box before race season.", "Load up on the summer box"),
        ("Use my link for 15% off your first order.", "Use my link for 15% off"),
        (
            "Swap your energy drink for the Quillon capsules.",
            "Swap your energy drink for the Quillon",
        ),
        ("Pick up the Marwick two-pack.", "Pick up the Marwick two-pack"),
        ("If you try one syrup, try the Birchline.", "try the Birchline"),
    ],
)
def test_calls_naming_a_brand_or_a_link(excerpts, sentence: str, excerpt: str) -> None:
    got = excerpts(sentence + SELLS, CALL)
    assert len(got) == 1 and excerpt in got[0], got


@pytest.mark.parametrize(
    "hint",
    [
        "We work with some of the brands featured here.",
        "Affiliate disclosure: see the pinned comment.",
    ],
)
def test_ties_and_pointers_are_vague_and_cover_the_links(excerpts, hint: str) -> None:
    assert excerpts(hint + SELLS, LINK) == []
    assert len(excerpts(hint + SELLS, WEAK)) == 1


def test_not_an_affiliate_link_is_no_label(excerpts) -> None:
    text = "A plain listing, not an affiliate link: https://shop.example.com/item" + SELLS
    assert excerpts(text, WEAK) == []
