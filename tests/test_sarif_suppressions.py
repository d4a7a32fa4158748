"""SARIF carries what was suppressed: inline suppress comments and front matter as
`suppressions: [{kind: inSource}]`, baseline matches as `kind: external`, and every result's
`baselineState` when a baseline is used. Other formats are unchanged: suppressed stays hidden."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
CLAIM = "Ginkgo cures ADHD in children.\n"
OTHER = "Bacopa treats anxiety in adults.\n"


def _sarif(*args: str, cwd: Path) -> list[dict]:
    done = run_cli("check", *args, "--format", "sarif", "--select", "fda.disease-claim", cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    data = json.loads(done.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(data)
    return data["runs"][0]["results"]


def _brief(results: list[dict]) -> list[tuple[int, list[str], str | None]]:
    return [
        (
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            [s["kind"] for s in r.get("suppressions", [])],
            r.get("baselineState"),
        )
        for r in results
    ]


def test_inline_suppressions_are_reported_as_in_source(tmp_path: Path) -> None:
    text = "<!-- supplint: disable-next-line=fda.disease-claim -->\n" + CLAIM + "\n" + OTHER
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    results = _sarif("a.md", cwd=tmp_path)
    assert _brief(results) == [(2, ["inSource"], None), (4, [], None)]
    assert results[0]["suppressions"][0]["status"] == "accepted"
    plain = run_cli("check", "a.md", "--select", "fda.disease-claim", cwd=tmp_path)
    assert plain.stdout.decode().count("fda.disease-claim") == 1  # the text output hides it


def test_front_matter_disable_is_in_source_too(tmp_path: Path) -> None:
    text = "---\nsupplint: {disable: [fda]}\n---\n" + CLAIM
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    done = run_cli("check", "a.md", "--select", "fda.disease-claim", cwd=tmp_path)
    assert done.returncode == 0  # exit codes count reported findings only
    assert _brief(_sarif("a.md", cwd=tmp_path)) == [(4, ["inSource"], None)]


def test_baseline_matches_are_external_and_every_result_has_a_baseline_state(
    tmp_path: Path,
) -> None:
    article = tmp_path / "a.md"
    article.write_text(CLAIM, encoding="utf-8")
    wrote = run_cli("check", "a.md", "--write-baseline", "b.json", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    article.write_text(CLAIM + "\n" + OTHER, encoding="utf-8")
    results = _sarif("a.md", "--baseline", "b.json", cwd=tmp_path)
    assert _brief(results) == [(1, ["external"], "unchanged"), (3, [], "new")]
    assert "b.json" in results[0]["suppressions"][0]["justification"]
    assert _brief(_sarif("a.md", cwd=tmp_path)) == [(1, [], None), (3, [], None)]


def test_a_baseline_that_hides_nothing_still_marks_results_new(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("Zinc is a mineral.\n", encoding="utf-8")
    run_cli("check", "clean.md", "--write-baseline", "b.json", cwd=tmp_path)
    (tmp_path / "clean.md").write_text(CLAIM, encoding="utf-8")
    assert _brief(_sarif("clean.md", "--baseline", "b.json", cwd=tmp_path)) == [(1, [], "new")]
