"""ftc.* kinds fixed from the dev sets' misses (session of 2026-12-05): calls with no shop named
("Stock up", "Pick one up", "Add it to your cart"), calls after a discourse word ("Seriously,
buy ..."), headings that only name their section, the writer's own habit, relative clauses,
rule lines between forum posts, and "send a little something our way"."""

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
            "Stock up this weekend while the sale lasts.",
            "Stock up this weekend while the sale lasts",
        ),
        ("Pick one up for your next long ride.", "Pick one up for your next long ride"),
        ("Pick up a bottle before your appointment.", "Pick up a bottle before your appointment"),
        ("Add it to your cart if you want to try it.", "Add it to your cart if you want to try it"),
        ("Order by Friday for free shipping.", "Order by Friday for free shipping"),
        (
            "grab the unflavored one and mix it into coffee.",
            "grab the unflavored one and mix it into coffee",
        ),
    ],
)
def test_calls_that_name_no_shop(lint, sentence: str, excerpt: str) -> None:
    assert calls(lint, sentence) == [excerpt]


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        ("Seriously, buy the 0.5mg capsules, not the 10mg.", "buy the 0.5mg"),
        ("Honestly, just go order a bottle of the glycinate.", "order a bottle"),
        ("Trust me, grab a tub before it sells out.", "grab a tub before it sells out"),
    ],
)
def test_a_call_after_a_discourse_word_starts_at_its_verb(
    lint, sentence: str, excerpt: str
) -> None:
    assert calls(lint, sentence) == [excerpt]


@pytest.mark.parametrize(
    "sentence",
    [
        "Grab a coffee and read on.",
        "Pick up the pace on your walks.",
        "I get the big bag at Costco when it is on sale.",
        "We usually order from iHerb because shipping is free.",
        "That is a lot for ingredients you can buy separately for less.",
        "Seriously, the order matters here.",
    ],
)
def test_no_call(lint, sentence: str) -> None:
    assert calls(lint, sentence) == []


def test_you_can_buy_after_an_opener_or_with_an_object_is_a_call(lint) -> None:
    assert calls(lint, "Alternatively, you can buy it at iHerb.") == ["you can buy it at iHerb"]
    assert calls(lint, "If money is tight you can buy the small tub.") == ["you can buy"]


def test_a_heading_that_names_its_section_is_no_call_but_one_naming_the_product_is(lint) -> None:
    assert calls(lint, "# Magnesium\n\n## Where to buy\n\nIt is sold widely.") == []
    named = calls(lint, "# Magnesium\n\n## Where to buy Calm Mag\n\nIt is sold widely.")
    assert named == ["Where to buy"]


def test_rule_lines_separate_the_posts_of_a_plain_text_thread(lint) -> None:
    thread = (
        "Reply from mike - Nov 18\n"
        "------------------------------\n"
        "grab the unflavored and put it in coffee\n\n"
        "https://amzn.to/3kq2Zx9\n"
    )
    findings = [f for f in lint(thread, "thread.txt") if f.rule_id == CALL]
    assert [(f.line, f.column, f.excerpt) for f in findings] == [
        (3, 1, "grab the unflavored and put it in coffee")
    ]


def test_a_vague_hint_that_sends_something_our_way_is_weak_and_covers_the_links(lint) -> None:
    text = (
        "Small print: a few of the links below may send a little something our way.\n\n"
        "Our pick: [the tub](https://amzn.to/3kq2Zx9).\n"
    )
    rules = [f.rule_id for f in lint(text) if f.family == "ftc"]
    assert rules == ["ftc.weak-disclosure"]
