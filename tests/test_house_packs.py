"""The example house-rule packs: their own examples pass, and they fire on their sample article."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, run_cli

PACKS = ROOT / "examples" / "house-rules"


@pytest.mark.parametrize("pack", ["medical-publisher", "affiliate-site"])
def test_pack_examples_pass(pack: str) -> None:
    result = run_cli("test-rules", str(PACKS / pack / "rules"))
    out = result.stdout.decode()
    assert result.returncode == 0, out + result.stderr.decode()
    assert " 0 failed" in out and "without examples" not in out


def check_sample(pack: str) -> dict[str, list[tuple[int, int, str, str]]]:
    """rule id -> (line, column, excerpt, severity); config found next to the article."""
    result = run_cli("check", str(PACKS / pack / "sample-article.md"), "--format", "json")
    assert result.returncode == 1, result.stderr.decode()
    found: dict[str, list[tuple[int, int, str, str]]] = {}
    for f in json.loads(result.stdout)["findings"]:
        found.setdefault(f["rule_id"], []).append(
            (f["line"], f["column"], f["excerpt"], f["severity"])
        )
    return found


def test_medical_publisher_rules_fire_on_its_sample() -> None:
    found = check_sample("medical-publisher")
    assert found["medpub.cure-language"] == [(6, 44, "miracle", "error")]
    assert found["medpub.dose-needs-clinician-nearby"] == [(11, 18, "200 mg", "warning")]
    assert found["medpub.unsourced-percentage"] == [(12, 8, "30% faster", "warning")]
    assert found["medpub.promised-result"] == [(17, 45, "will restore", "warning")]
    assert found["medpub.pregnancy-caution"] == [(4, 17, "ashwagandha", "warning")]
    # overrides: drug comparison raised to error; overclaim raised and extended
    assert found["fda.drug-comparison"] == [(18, 11, "natural Xanax", "error")]
    assert (17, 24, "breakthrough", "warning") in found["evidence.overclaim"]
    # "not a cure" is negated: neither the house rule nor the built-in fires there
    assert all(line != 7 for line, *_ in found["medpub.cure-language"])


def test_affiliate_site_rules_fire_on_its_sample() -> None:
    found = check_sample("affiliate-site")
    assert found["aff.superlatives"] == [
        (1, 7, "best ever", "warning"),
        (10, 1, "clinically proven", "warning"),
    ]
    assert found["aff.house-disclosure-wording"] == [(7, 1, "Check price", "error")]
    assert found["aff.coupon-needs-expiry"] == [(7, 53, "code NORTH10", "warning")]
    assert found["aff.banned-vendor"] == [(9, 23, "NootroNation", "error")]
    assert "evidence.overclaim" not in found  # disabled by the pack's override


def test_affiliate_override_changes_builtin_severity() -> None:
    config = PACKS / "affiliate-site" / ".supplint.yaml"
    rows = json.loads(run_cli("rules", "--format", "json", "--config", str(config)).stdout)
    by_id = {row["id"]: row for row in rows}
    assert by_id["ftc.missing-rel-sponsored"]["severity"] == "warning"
    assert by_id["evidence.overclaim"]["disabled"] is True
