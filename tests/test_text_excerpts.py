"""The text format's source excerpt: whole for ordinary lines, a window around the span (with
an ellipsis) on long ones, so output stays O(findings), not O(findings x line length)."""

from __future__ import annotations

from lint.engine import Engine, FileResult
from lint.finding import Finding
from lint.report import Report
from lint.report.text import CONTEXT, ELLIPSIS, LONG_SPAN, render
from lint.sources import Source

CLAIM = "This blend is clinically proven."


def text_output(engine: Engine, text: str, name: str = "post.md") -> str:
    (result,) = engine.lint_sources([Source(name, text, "markdown")])
    return render(Report([result], sources={name: text}))


def excerpts(output: str) -> list[tuple[str, str]]:
    """(source line, caret line) pairs, without their `N | ` gutters."""
    lines = output.splitlines()
    return [
        (lines[i + 1].split(" | ", 1)[1], lines[i + 2].split(" | ", 1)[1])
        for i, line in enumerate(lines)
        if line.strip() == "|"
    ]


def underlined(source: str, carets: str) -> str:
    start = len(carets) - len(carets.lstrip(" "))
    return source[start : start + carets.count("^")]


def test_ordinary_line_is_shown_whole(engine: Engine):
    assert text_output(engine, f"Intro.\n\n{CLAIM}\n") == (
        "post.md:3:15: evidence.overclaim [info] Absolute claim 'clinically proven': "
        "no supplement is guaranteed or free of risk\n"
        "  |\n"
        f"3 | {CLAIM}\n"
        "  |               ^^^^^^^^^^^^^^^^^\n"
        "\n"
        "Found 1 finding (0 errors, 0 warnings, 1 info) in 1 file.\n"
    )


def test_long_line_is_clipped_around_the_span(engine: Engine):
    filler = "Magnesium is a mineral. " * 400  # one 9.6 KB line
    output = text_output(engine, filler + CLAIM + " " + filler + "\n")
    ((source, carets),) = excerpts(output)
    assert source.startswith(ELLIPSIS) and source.endswith(ELLIPSIS)
    assert len(source) <= 2 * CONTEXT + len(CLAIM) + 2
    assert underlined(source, carets) == "clinically proven"
    assert source[1:-1] in filler + CLAIM + " " + filler


def test_span_at_the_start_of_a_long_line_has_no_leading_ellipsis(engine: Engine):
    output = text_output(engine, CLAIM + " Magnesium is a mineral." * 100 + "\n")
    ((source, carets),) = excerpts(output)
    assert source.startswith(CLAIM) and source.endswith(ELLIPSIS)
    assert underlined(source, carets) == "clinically proven"


def test_a_long_span_is_cut_too(engine: Engine):
    line = "x" * 500
    finding = Finding("post.txt", "fda.x", "error", "m", 1, 11, 1, 411, line[10:410], "fda")
    output = render(Report([FileResult("post.txt", [finding])], sources={"post.txt": line}))
    ((source, carets),) = excerpts(output)
    assert carets == " " * 10 + "^" * LONG_SPAN  # the span's first LONG_SPAN code points
    assert source == "x" * (10 + LONG_SPAN + CONTEXT) + ELLIPSIS


def test_many_findings_on_one_long_line_stay_small(engine: Engine):
    """1,000 findings on one 33 KB line printed the line 1,000 times (66 MB with carets)."""
    text = (CLAIM + " ") * 1000 + "\n"
    output = text_output(engine, text)
    assert output.count("evidence.overclaim") == 1000
    assert len(output) < 1000 * 600
    for source, carets in excerpts(output):
        assert underlined(source, carets) == "clinically proven"


def test_a_finding_past_the_last_line_prints_without_excerpt():
    """A forged archive-cache row (line 999999, column -5) crashed the renderer (IndexError)."""
    forged = Finding("post.md", "fda.x", "error", "m", 999_999, -5, 999_999, -4, "", "fda")
    clipped = Finding("post.md", "fda.y", "error", "m", 1, -5, 1, 900, "", "fda")
    report = Report([FileResult("post.md", [forged, clipped])], sources={"post.md": "Zinc.\n"})
    lines = render(report).splitlines()
    assert lines[0] == "post.md:999999:-5: fda.x [error] m"
    assert lines[1] == "post.md:1:-5: fda.y [error] m"
    assert lines[3:5] == ["1 | Zinc.", "  | ^^^^^"]


def _display_underlined(source: str, carets: str) -> str:
    """The characters under the carets, measured in terminal columns (wide = 2, combining = 0)."""
    import unicodedata

    def width(char: str) -> int:
        if unicodedata.combining(char):
            return 0
        return 2 if unicodedata.east_asian_width(char) in "WF" else 1

    start = len(carets) - len(carets.lstrip(" "))
    chosen, column = [], 0
    for char in source:
        if start <= column < start + carets.count("^") or (width(char) == 0 and chosen):
            chosen.append(char)
        column += width(char)
    return "".join(chosen)


def test_carets_count_display_columns_for_emoji_cjk_and_combining_marks(engine: Engine):
    # emoji and CJK take two terminal columns, a combining accent none: the carets used to
    # count code points and sat one column off after each wide character
    for line in (
        f"🧠 Focus notes: {CLAIM}",
        f"注意力 {CLAIM}",
        f"Cafe\u0301 owners say: {CLAIM}",
        "This blend is 临床 clinically proven.",
    ):
        (pair,) = excerpts(text_output(engine, f"{line}\n"))
        assert _display_underlined(*pair) == "clinically proven", pair


def test_wide_characters_inside_the_span_widen_the_carets(engine: Engine):
    from lint.report.text import _clip

    text = "ab注意cd"
    shown, pad, span = _clip(text, 0, len(text), 1, 5)  # "b注意c"
    assert (shown, pad, span) == (text, 1, 6)
