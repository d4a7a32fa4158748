"""ftc kinds from the read of blind ftc round 15 (session of 2026-12-07): vague wording that
sends "a few coins our way", a poster's "(ref links)" aside, citations on a journal's host, a
transcript's timestamp before a call, button calls ("See it on Amazon", "Add to cart at X",
"Get the bundle deal"), the writer's pick and more product forms after grab/snag/pick up, and
first-person advice to buy ("I'd buy the big bag")."""

from __future__ import annotations

import pytest

CALL = "ftc.buy-call-to-action"
LINK = "ftc.undisclosed-affiliate-link"
WEAK = "ftc.weak-disclosure"
SELLS = "\n\nOur pick: [the tub](https://amzn.to/3Qz8Lm2).\n"


def calls(excerpts, sentence: str, name: str = "draft.md") -> list[str]:
    return excerpts(sentence + SELLS, CALL, name)


@pytest.mark.parametrize(
    "hint",
    [
        "Fair warning: a couple of the links below might toss some coins our way.",
        "Purchases through these links drop a few bucks my way.",
        "Some clicks here may steer a coin or two our way.",
    ],
)
def test_coins_our_way_is_vague_and_covers_what_follows(excerpts, hint: str) -> None:
    text = f"{hint}\n\nGet yours today: [the greens](https://amzn.to/3Qz8Lm2).\n"
    assert excerpts(text, LINK) == []
    assert excerpts(text, CALL) == []
    weak = excerpts(text, WEAK)
    assert len(weak) == 1 and hint.startswith(weak[0][:12])


def test_a_posters_ref_link_aside_after_the_links_is_weak(excerpts) -> None:
    text = (
        "Been using this pre-workout since March: https://amzn.to/3Pw7Kd1\n\n"
        "[referral link, just so you know]\n"
    )
    assert excerpts(text, WEAK, "thread.txt") == ["[referral link, just so you know]"]
    assert excerpts(text, LINK, "thread.txt") == ["https://amzn.to/3Pw7Kd1"]


@pytest.mark.parametrize(
    "url",
    [
        "https://journals.example.net/zinc-colds-2024?ref=mybloghere",
        "https://publisher.example.com/doi/full/10.1000/xyz123?aff=22",
    ],
)
def test_citations_are_no_affiliate_links(excerpts, url: str) -> None:
    text = f"The effect was small in [one pilot trial]({url}).\n"
    assert excerpts(text, LINK) == []


def test_a_shop_link_with_ref_is_still_affiliate(excerpts) -> None:
    text = "We like [the chews](https://chewco.example/products/zinc?ref=mybloghere).\n"
    assert excerpts(text, LINK) == [
        "[the chews](https://chewco.example/products/zinc?ref=mybloghere)"
    ]


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        ("[12:05] If the capsules sound good, grab them from the link below.", "grab them"),
        ("01:02:30 Snag the refill pouch while it lasts.", "Snag the refill pouch"),
        ("Snag my go-to electrolyte mix before the heat wave.", "Snag my go-to"),
        ("Pick up the Brambleton plain peptides for your coffee.", "Pick up the Brambleton"),
        ("Grab our favourite omega oil this week.", "Grab our favourite omega oil"),
        ("I'd buy the 500 g pouch instead, it lasts longer.", "I'd buy the 500 g pouch instead"),
        ("We would probably order the two-pack.", "We would probably order the two-pack"),
        ("I'd buy Saltmarsh again without a second thought.", "I'd buy Saltmarsh again"),
    ],
)
def test_calls_in_new_shapes(excerpts, sentence: str, excerpt: str) -> None:
    got = calls(excerpts, sentence)
    assert len(got) == 1 and got[0].startswith(excerpt), got


@pytest.mark.parametrize(
    "sentence",
    [
        "The one we would buy again is the plain tub.",
        "I wouldn't buy the gummies at that price.",
        "I bought the starter bundle last winter.",
        "See the dosing table on the label for kids.",
        "Grab a pen and note your sleep for a week.",
        "Check the label on Amazon listings for the actual dose.",
    ],
)
def test_not_calls(excerpts, sentence: str) -> None:
    assert calls(excerpts, sentence) == []


@pytest.mark.parametrize(
    ("button", "url"),
    [
        ("See it on Amazon", "https://www.amazon.com/dp/B0TEST0001?tag=pickbench-20"),
        ("View on iHerb", "https://iherb.example/pr/zinc?rcode=ABC123"),
        ("Add to cart at Pinecrest Pantry", "https://click.linksynergy.com/deeplink?id=Qw1"),
        ("Get the winter bundle deal", "https://www.tkqlhce.com/click-5551-7771"),
    ],
)
def test_button_text_on_an_affiliate_link_is_a_call_and_a_link(excerpts, button, url) -> None:
    text = f'<p>Our pick this month.</p>\n<p><a class="btn" href="{url}">{button}</a></p>\n'
    assert excerpts(text, CALL, "page.html") == [button]
    link = f'<a class="btn" href="{url}">{button}</a>'  # a link finding spans the whole <a>
    assert excerpts(text, LINK, "page.html") == [link]


def test_the_sites_own_add_to_cart_is_no_call(excerpts) -> None:
    text = (
        "Our pick: [the tub](https://amzn.to/3Qz8Lm2).\n\n"
        "Or get ours: [Add to cart](/cart/add?sku=ZN60)\n"
    )
    assert excerpts(text, CALL) == []
