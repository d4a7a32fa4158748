"""ftc.* kinds fixed from blind round 9's misses (read after round 11 was written to measure):
a disclosure's reach, whose shop a page is, where a weak disclosure starts, "#ad"."""

from __future__ import annotations

AMAZON = "https://www.amazon.com/dp/B0{n}?tag=me-20"


def found(lint, text: str, name: str = "draft.md") -> list[tuple[str, str]]:
    return [(f.rule_id, f.excerpt) for f in lint(text, name) if f.rule_id.startswith("ftc.")]


def test_a_disclosure_that_names_its_reach_covers_what_follows(lint) -> None:
    text = (
        "# Two teas\n\nChamomile is mild.\n\n"
        "Disclosure: from here on, links are affiliate links and we earn a commission.\n\n"
        f"Our pick is [Calm Leaf]({AMAZON.format(n=1)}).\n\nIt tastes of honey.\n\n"
        f"Also good: [Night Cup]({AMAZON.format(n=2)}). Buy it now while stocks last.\n"
    )
    assert found(lint, text) == []


def test_a_brand_page_that_calls_the_shop_its_own_links_to_it_freely(lint) -> None:
    html = (
        "<h1>The Fernhollow shop</h1><p>Everything in our shop is blended by us.</p>"
        '<div><p><a href="https://fernhollow.example/shop/sleep-tea">Add to cart</a></p></div>'
        "<p>Order today for dispatch tomorrow.</p>"
    )
    assert found(lint, html, "shop.html") == []


def test_a_late_disclosure_is_shown_from_its_first_words(lint) -> None:
    text = (
        f"# Pick\n\nTry [Calm Leaf]({AMAZON.format(n=1)}).\n\n"
        "As a partner of the brand I earn a commission from purchases.\n"
    )
    weak = [e for rule, e in found(lint, text) if rule == "ftc.weak-disclosure"]
    assert weak == ["As a partner of the brand I earn a commission"]


def test_hashtag_ad_is_a_disclosure_that_can_come_too_late(lint) -> None:
    early = f"#ad Loving these chews 👉 [Zest Chews]({AMAZON.format(n=3)})\n"
    late = f"Loving these chews 👉 [Zest Chews]({AMAZON.format(n=3)})\n\n#ad #zestpartner\n"
    assert found(lint, early) == []
    assert ("ftc.weak-disclosure", "#ad") in found(lint, late)
