"""ftc: a commission told with any verb is a clear disclosure, and so are referral or
affiliate fees and revenue; the Federal Trade Commission and a denied commission are none
(seventh session of 2026-12-07: each fresh round had missed a new verb around the same noun)."""

from __future__ import annotations

import pytest

LINK = "ftc.undisclosed-affiliate-link"
SELLS = "\n\nOur pick: [the tin](https://amzn.to/5Rt8Kq1).\n"


def found(lint, text: str, rule: str) -> list[str]:
    findings = [f for f in lint(text, "draft.md") if f.rule_id == rule]
    for f in findings:  # spans are exact
        assert text[f.start_offset : f.end_offset] == f.excerpt
    return [f.excerpt for f in findings]


@pytest.mark.parametrize(
    "disclosure",
    [
        "A small commission comes our way from the shops linked below.",
        "Each order placed through these links sends a commission to the site.",
        "This newsletter runs on affiliate revenue from the shops it links to.",
        "Some retailers pay us referral fees when readers buy.",
    ],
)
def test_any_commission_told_discloses(lint, disclosure: str) -> None:
    assert found(lint, disclosure + SELLS, LINK) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Federal Trade Commission publishes guidance on endorsements.",
        "We don't earn commissions on anything we recommend.",
        "Not on commission, I just like the stuff.",
    ],
)
def test_commission_named_without_a_connection_covers_nothing(lint, sentence: str) -> None:
    assert found(lint, sentence + SELLS, LINK) == ["[the tin](https://amzn.to/5Rt8Kq1)"]
