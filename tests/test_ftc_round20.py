"""ftc kinds from the read of blind ftc round 16 (2026-12-07, sixth session): a gift told is no
disclosure of an affiliate link's commission (`gift_disclosures`), a payee named after the
purchase ("If you buy through them, X earns a commission"), a disclosure word only as a whole
word ("feel" is no "fee"), links that keep a newsletter free (vague), one weak finding per
sentence, calls in new shapes (get with a product, tap the link to shop, a sale's deadline,
go with a product, Subscribe & Save, the one thing to pick up) and `not_calls` ("Get yours
checked", "You can buy it at most grocery stores"). Then, after blind round 17 was scored and
read: the payee in the passive ("is paid a commission"), shopping that keeps a named site
running, picks that "benefit us", and calls with "go for", "You'll want", "add ... to your
cart" and "Reorder"."""

from __future__ import annotations

import pytest

CALL = "ftc.buy-call-to-action"
LINK = "ftc.undisclosed-affiliate-link"
WEAK = "ftc.weak-disclosure"
SELLS = "\n\nOur pick: [the jar](https://amzn.to/4Hq2Wn7).\n"


def calls(excerpts, sentence: str) -> list[str]:
    return excerpts(sentence + SELLS, CALL)


@pytest.mark.parametrize(
    "gift",
    [
        "Honest note: Larkfield mailed me two bottles for free.",
        "We received complimentary samples from every brand below.",
    ],
)
def test_a_gift_told_leaves_an_affiliate_links_commission_unsaid(excerpts, gift: str) -> None:
    assert excerpts(gift + SELLS, LINK) == ["[the jar](https://amzn.to/4Hq2Wn7)"]
    assert excerpts(gift + SELLS, WEAK) == []  # not a hint at payment either


def test_a_gift_told_covers_a_shop_page(excerpts) -> None:
    text = "We received complimentary samples from Larkfield.\n\n"
    text += "[Order from Larkfield](https://larkfield.example/products/magnesium) if you like.\n"
    assert excerpts(text, LINK) == []
    assert excerpts(text, CALL) == []


def test_a_denied_gift_is_none(excerpts) -> None:
    text = "Nobody sent us free product for this review.\n\n"
    text += "[Order from Larkfield](https://larkfield.example/products/magnesium) if you like.\n"
    assert excerpts(text, LINK) == [
        "[Order from Larkfield](https://larkfield.example/products/magnesium)"
    ]


def test_the_payee_after_the_purchase_is_a_clear_disclosure(excerpts) -> None:
    text = "Some links here are affiliate links. If you buy through them, Hearthside Notes earns"
    text += " a commission." + SELLS
    assert excerpts(text, LINK) == []
    assert excerpts(text, WEAK) == []  # the label sits beside the plain words


def test_a_disclosure_word_is_a_whole_word(excerpts) -> None:
    # "I was given ... feel" once read as "I ... get ... fee": a disclosure covering every link
    text = "The pills I was given make me feel queasy by noon." + SELLS
    assert excerpts(text, LINK) == ["[the jar](https://amzn.to/4Hq2Wn7)"]


def test_links_that_keep_a_newsletter_free_are_vague_and_cover_what_follows(excerpts) -> None:
    text = (
        "Two of the links below help keep this newsletter free, so thanks for using them." + SELLS
    )
    assert excerpts(text, LINK) == []
    assert excerpts(text, WEAK) == ["Two of the links below help keep this newsletter"]


@pytest.mark.parametrize(
    "disclosure",
    [
        "When you buy through them, Hearthside Notes is paid a commission by the shop.",
        "Our writers may be paid a small fee by the retailers we link to.",
    ],
)
def test_the_payee_in_the_passive_is_a_clear_disclosure(excerpts, disclosure: str) -> None:
    assert excerpts(disclosure + SELLS, LINK) == []
    assert excerpts(disclosure + SELLS, WEAK) == []


@pytest.mark.parametrize(
    "hint",
    [
        "Shopping these picks may help keep the Pantry Report running.",
        "Our recommendations can benefit us in ways that keep the site online.",
    ],
)
def test_more_vague_hints_cover_what_follows(excerpts, hint: str) -> None:
    assert excerpts(hint + SELLS, LINK) == []
    assert len(excerpts(hint + SELLS, WEAK)) == 1


def test_one_weak_finding_per_sentence(excerpts) -> None:
    text = "Our pick: [the jar](https://amzn.to/4Hq2Wn7).\n\n"
    text += "ps the jar link is my affiliate link, I get a few cents from it.\n"
    assert len(excerpts(text, WEAK)) == 1


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        ("Just get the plain 300 g pouch.", "get the plain 300 g pouch"),
        ("Tap the link in my bio to order the lemon one.", "Tap the link in my bio to order"),
        ("Grab the berry flavour while it's 25% off.", "Grab the berry flavour while it"),
        ("If capsules are hard to swallow, go with the chewable tablets.", "go with the"),
        ("Set up Subscribe & Save on the big jar and it ships monthly.", "Set up Subscribe & Save"),
        ("If you only buy one thing this winter, make it vitamin D.", "If you only buy one thing"),
        ("Get them here if the store is out.", "Get them here"),
        ("Pick up the whole starter-size stack this week.", "Pick up the whole starter-size"),
        ("If you only try one brand, go for the Larkfield softgels.", "go for the"),
        ("You'll want the 90-count jar.", "You'll want the 90-count jar"),
        ("Go ahead and add the lemon one to your cart.", "add the lemon one to your cart"),
        ("Reorder before the tub runs out.", "Reorder before the tub runs out"),
    ],
)
def test_calls_in_new_shapes(excerpts, sentence: str, excerpt: str) -> None:
    got = calls(excerpts, sentence)
    assert len(got) == 1 and excerpt in got[0], got


@pytest.mark.parametrize(
    "sentence",
    [
        "Get yours tested before you start a high dose.",
        "Get your ferritin checked every spring.",
        "You can buy plain psyllium at most supermarkets, often cheaper.",
        "You can find loose chamomile in any health food shop.",
        "Go with the flow and skip a day when you travel.",
        "Take two chews with breakfast.",
        "Add a scoop to your gym bag the night before.",
        "Go for a walk after lunch instead.",
    ],
)
def test_not_calls(excerpts, sentence: str) -> None:
    assert calls(excerpts, sentence) == []
