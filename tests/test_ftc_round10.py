"""ftc.weak-disclosure, round 10: the FTC's own examples of unclear labels are weak, not absent."""

from __future__ import annotations

import pytest

ARTICLE = (
    "# Best magnesium\n\n{label}\n\nI like [this one](https://www.amazon.com/dp/B01?tag=me-20).\n"
)


def rule_ids(lint, label: str) -> set[str]:
    return {f.rule_id for f in lint(ARTICLE.format(label=label)) if f.rule_id.startswith("ftc.")}


@pytest.mark.parametrize(
    "label", ["#sp", "#spon", "#collab", "Proud #ambassador!", "We're part of the Amazon program."]
)
def test_unclear_labels_are_weak_disclosures(lint, label) -> None:
    assert rule_ids(lint, label) == {"ftc.weak-disclosure"}


def test_a_word_that_starts_like_a_label_is_no_disclosure(lint) -> None:
    assert rule_ids(lint, "#sport keeps me going.") == {"ftc.undisclosed-affiliate-link"}
