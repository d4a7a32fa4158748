"""safety.*: a substance named as an interaction's partner is not what the caution is about
(blind round 9's miss, read after round 11 was written to measure)."""

from __future__ import annotations

import pytest

DOSE = "Most extracts of kanna are taken at 25 mg once a day.\n\n"


def safety_ids(lint, caution: str) -> set[str]:
    findings = lint("# Kanna\n\n" + DOSE + caution + "\n")
    return {f.rule_id for f in findings if f.rule_id.startswith("safety.")}


@pytest.mark.parametrize(
    "caution",
    [
        "It must never be combined with SSRIs, St John's wort or tramadol.",
        "Kanna should not be mixed with SSRIs, 5-HTP or St John's wort.",
    ],
)
def test_a_partner_named_in_the_caution_leaves_it_the_subjects(lint, caution) -> None:
    assert safety_ids(lint, caution) == set()


def test_a_caution_about_the_other_substance_stays_its_own(lint) -> None:
    found = safety_ids(lint, "St John's wort interacts with birth control pills.")
    assert found == {"safety.dose-without-caution"}
