"""safety.dose-without-caution's fix: the cautions the substance's entry lists, after the dose."""

from __future__ import annotations

from lint.fixes.command import fix_source
from lint.sources import Source, format_for

ARTICLE = "# Stack\n\nTake 1200 mg of piracetam with breakfast.\n\nIt tastes bitter.\n"


def fixed(engine, text: str, name: str = "draft.md") -> str:
    return fix_source(engine, Source(name, text, format_for(name)), True).text


def test_one_sentence_per_listed_caution_after_the_dose(engine) -> None:
    lines = fixed(engine, ARTICLE).splitlines()
    dose = lines[2]
    assert dose.startswith("Take 1200 mg of piracetam with breakfast. To limit tolerance, cycle")
    # piracetam lists cycling, renal, interactions, pregnancy: one sentence each, in that order
    order = [dose.index(w) for w in ("cycle piracetam", "kidneys", "interact", "pregnancy")]
    assert order == sorted(order)
    assert lines[4] == "It tastes bitter."  # nothing else moves


def test_the_fixed_article_passes_the_safety_fda_and_evidence_rules(engine, lint) -> None:
    text = fixed(engine, ARTICLE)
    families = ("safety.", "fda.disease-claim", "evidence.")
    assert [f.rule_id for f in lint(text) if f.rule_id.startswith(families)] == []


def test_the_fix_is_unsafe_and_named_on_the_finding(lint) -> None:
    [finding] = [f for f in lint(ARTICLE) if f.rule_id == "safety.dose-without-caution"]
    assert finding.fix is not None and not finding.fix.safe
    assert finding.fix.description.startswith("Add cautions: To limit tolerance, cycle piracetam")


def test_html_cautions_are_escaped_text_in_the_same_paragraph(engine) -> None:
    html = "<p>Take 300 mg of ashwagandha at night.</p>\n"
    out = fixed(engine, html, "draft.html")
    assert out.startswith("<p>Take 300 mg of ashwagandha at night. Ashwagandha has been linked")
    assert out.endswith("</p>\n") and out.count("<p>") == 1
