"""SARIF for archive articles: the physical location is the archive file (no `%23` fragment code
scanning cannot map), the article is a logical location, and the region is the body's own
line and column. Plain files with '#' in their names keep their own (encoded) URI."""

from __future__ import annotations

import json
from pathlib import Path

from archive_data import write_jsonl, write_wxr
from conftest import run_cli

CLAIM = "Ginkgo cures ADHD in children."
BODY = f"<p>A calm first paragraph about tea.</p>\n<p>We think {CLAIM}</p>"


def _row(ident: str) -> dict[str, str]:
    return {
        "id": ident,
        "title": "Ginkgo notes",
        "author": "marta",
        "date": "2024-01-02 09:30:00",
        "body": BODY,
        "format": "html",
    }


def _results(name: str, cwd: Path) -> list[dict]:
    # conftest's run_cli validates the log against the vendored SARIF 2.1.0 schema
    done = run_cli("check", name, "--format", "sarif", "--select", "fda.disease-claim", cwd=cwd)
    assert done.returncode == 1, done.stderr
    assert "%23" not in done.stdout.decode("utf-8")
    return json.loads(done.stdout)["runs"][0]["results"]


def _expected_region() -> dict[str, int]:
    line = BODY.splitlines()[1]
    start = line.index("cures ADHD") + 1
    return {"startLine": 2, "startColumn": start}


def _assert_archive_result(result: dict, file: str, item: str, kind: str) -> None:
    found = result["locations"][0]
    assert found["physicalLocation"]["artifactLocation"] == {"uri": file, "uriBaseId": "%SRCROOT%"}
    region = found["physicalLocation"]["region"]
    assert {k: region[k] for k in ("startLine", "startColumn")} == _expected_region()
    assert region["snippet"]["text"].startswith("cures ADHD")
    assert found["logicalLocations"] == [
        {"name": item, "fullyQualifiedName": f"{file}#{item}", "kind": kind}
    ]


def test_wordpress_export_results_locate_the_file_and_name_the_post(tmp_path: Path) -> None:
    write_wxr(tmp_path / "export.xml", [_row("101"), _row("102")])
    results = _results("export.xml", tmp_path)
    assert len(results) == 2
    _assert_archive_result(results[0], "export.xml", "post-101", "element")
    _assert_archive_result(results[1], "export.xml", "post-102", "element")
    assert "fixes" not in results[0]  # body-relative edits are not edits of export.xml


def test_json_lines_results_locate_the_file_and_name_the_row(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "posts.jsonl", [_row("7")])
    [result] = _results("posts.jsonl", tmp_path)
    _assert_archive_result(result, "posts.jsonl", "7", "object")


def test_plain_file_with_hash_in_its_name_is_not_an_archive_item(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("not an archive\n", encoding="utf-8")
    (tmp_path / "a#b.md").write_text(CLAIM + "\n", encoding="utf-8")
    done = run_cli(
        "check", "a#b.md", "--format", "sarif", "--select", "fda.disease-claim", cwd=tmp_path
    )
    assert done.returncode == 1, done.stderr
    [result] = json.loads(done.stdout)["runs"][0]["results"]
    found = result["locations"][0]
    assert found["physicalLocation"]["artifactLocation"]["uri"] == "a%23b.md"
    assert "logicalLocations" not in found
