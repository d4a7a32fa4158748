"""Property tests: for any Markdown, HTML or text, parsing and linting never raise, every prose
character maps back to the source character it came from, and every finding's span is exact."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.documents import parse
from lint.engine import Engine
from lint.errors import InputError
from lint.positions import LineIndex
from lint.sources import Source, format_for

from .invariants import check_document, check_finding
from .strategies import any_document, html_documents, markdown_documents, text_documents

# CI runs a small budget; SUPPLINT_FUZZ_EXAMPLES=5000 explores much further.
EXAMPLES = int(os.environ.get("SUPPLINT_FUZZ_EXAMPLES", "60"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _parsed(name: str, text: str):
    try:
        return parse(Source(name, text, format_for(name)))
    except InputError as err:  # only front matter may be refused, with file and line
        assert name.endswith(".md") and "front matter" in err.message
        return None


@pytest.mark.parametrize(
    ("name", "strategy"),
    [
        ("draft.md", markdown_documents()),
        ("page.html", html_documents()),
        ("n.txt", text_documents()),
    ],
)
def test_every_prose_char_maps_to_its_source_char(name, strategy):
    @PROPERTY
    @given(strategy)
    def prop(text):
        document = _parsed(name, text)
        if document is not None:
            check_document(document)

    prop()


@PROPERTY
@given(any_document)
def test_pipeline_findings_have_exact_spans_and_are_deterministic(engine: Engine, doc):
    name, text = doc
    source = Source(name, text, format_for(name))
    first = list(engine.lint_sources([source]))
    second = list(engine.lint_sources([source]))
    assert len(first) == 1
    result = first[0]
    if result.error is not None:
        assert result.error.startswith(name + ":") and "front matter" in result.error
        return
    lines = LineIndex(text)
    for finding in result.findings:
        check_finding(text, finding, lines)
    assert [f.to_dict() for f in result.findings] == [f.to_dict() for f in second[0].findings]
    assert result.findings == sorted(result.findings, key=lambda f: f.sort_key())


@PROPERTY
@given(st.sampled_from(["a.md", "a.html", "a.txt"]), st.text(max_size=300))
def test_arbitrary_unicode_never_raises(engine: Engine, name, text):
    text = text.replace("\x00", "")  # NUL is refused when read; Source text never holds it
    results = list(engine.lint_sources([Source(name, text, format_for(name))]))
    for finding in results[0].findings:
        check_finding(text, finding)


# Regressions found by these properties, kept as plain examples so they always run.
FOUND = [
    ("draft.md", "https://example.com/x?y=1\rproven\n"),  # CR-only line break in Markdown
    ("draft.md", "\n<div>\rhttps://example.com/x?y=1\n"),  # CR inside an HTML block
    ("page.html", "<div>\nA\r<div>\nproven\n"),  # CR, tag, LF: not one CRLF
    ("page.html", "proven&bogus;"),  # not an entity: keeps its own offsets
    ("page.html", "&ampguaranteed;"),  # legacy `&amp` prefix decoded, rest kept
    ("draft.md", "*&NotEqualTilde;* proven\n"),  # one entity, two code points
    ("page.html", "<br>"),  # a line break with no text at all
    ("page.html", "a<br>proven<BR/>c"),  # <br> reads as a space mapped to its tag
]


@pytest.mark.parametrize(("name", "text"), FOUND)
def test_found_regressions(engine: Engine, name, text):
    document = _parsed(name, text)
    assert document is not None
    check_document(document)
    results = list(engine.lint_sources([Source(name, text, format_for(name))]))
    assert results[0].error is None
    for finding in results[0].findings:
        check_finding(text, finding)


def test_cr_only_markdown_finding_is_on_its_own_line(lint):
    text = "Intro line\rThis is clinically proven.\r"
    findings = [f for f in lint(text, "cr.md") if f.rule_id == "evidence.overclaim"]
    assert [(f.line, f.column, f.excerpt) for f in findings] == [(2, 9, "clinically proven")]
