"""Applying edits: conflicts, ordering, diffs and atomic writes (no NLP, fast)."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.errors import InputError
from lint.finding import Edit, Fix
from lint.fixes.apply import apply_edits, apply_fixes, select
from lint.fixes.command import unified_diff
from lint.fixes.write import encode, write_atomic


def fix(*edits: Edit, safe: bool = True) -> Fix:
    return Fix("test", tuple(edits), safe)


def test_edits_apply_back_to_front_so_offsets_stay_valid():
    text = "Bacopa boosts memory. Lion's mane boosts focus."
    result = apply_fixes(text, [fix(Edit(7, 13, "may support")), fix(Edit(34, 40, "may aid"))])
    assert result.text == "Bacopa may support memory. Lion's mane may aid focus."
    assert len(result.fixes) == 2


def test_overlapping_fix_is_skipped_and_first_finding_wins():
    text = "It boosts memory fast."
    first, second = fix(Edit(3, 16, "may support memory")), fix(Edit(10, 21, "recall quickly"))
    result = apply_fixes(text, [first, second])
    assert result.text == "It may support memory fast."
    assert result.fixes == [first] and result.skipped == [second]


def test_a_fix_is_applied_whole_or_not_at_all():
    text = "abcdefghij"
    blocked = fix(Edit(0, 1, "A"), Edit(4, 6, "EF"))  # its second edit clashes
    result = apply_fixes(text, [fix(Edit(5, 7, "--")), blocked])
    assert result.text == "abcde--hij"
    assert result.skipped == [blocked]


def test_identical_edits_from_several_findings_apply_once():
    text = "one\n\ntwo\n"
    shared = Edit(0, 0, "Disclosure. ")
    result = apply_fixes(text, [fix(shared), fix(shared)])
    assert result.text == "Disclosure. one\n\ntwo\n"
    assert len(result.fixes) == 2


def test_two_different_insertions_at_one_point_conflict():
    result = apply_fixes("x", [fix(Edit(1, 1, "A")), fix(Edit(1, 1, "B"))])
    assert result.text == "xA"
    assert len(result.skipped) == 1


def test_one_rules_insertions_at_one_point_stack_in_finding_order():
    fixes = [fix(Edit(1, 1, " A.")), fix(Edit(1, 1, " B.")), fix(Edit(1, 1, " C."))]
    result = apply_fixes("x.", fixes, ["safety.renal", "safety.renal", "safety.dose"])
    assert result.text == "x A. B.."  # C is another rule's: it waits for the next pass
    assert result.skipped == [fixes[2]]


def test_insertion_next_to_a_replacement_keeps_both():
    result = apply_fixes("abc", [fix(Edit(1, 2, "B")), fix(Edit(1, 1, "^")), fix(Edit(2, 2, "$"))])
    assert result.text == "a^B$c"


def test_insertion_inside_a_replaced_span_conflicts():
    accepted, _chosen, skipped = select("abcdef", [fix(Edit(1, 5, "X")), fix(Edit(3, 3, "!"))])
    assert accepted == [Edit(1, 5, "X")] and len(skipped) == 1


def test_out_of_range_edit_is_skipped_not_applied():
    result = apply_fixes("short", [fix(Edit(3, 99, "x"))])
    assert result.text == "short" and len(result.skipped) == 1


@st.composite
def text_and_edits(draw):
    text = draw(st.text(max_size=60))
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for start, end in zip(points[::2], points[1::2], strict=False):
        edits.append(Edit(start, end, draw(st.text(max_size=5))))
    return text, edits


@given(text_and_edits())
def test_text_outside_the_edits_is_unchanged(case):
    text, edits = case
    accepted, _chosen, _skipped = select(text, [fix(e) for e in edits])
    result = apply_edits(text, accepted)
    # rebuild the result from the original pieces between edits: nothing else may differ
    expected, cursor = [], 0
    for edit in sorted(accepted, key=lambda e: (e.start, e.end != e.start)):
        expected += [text[cursor : edit.start], edit.text]
        cursor = edit.end
    assert result == "".join(expected) + text[cursor:]


def test_diff_keeps_crlf_and_marks_a_missing_final_newline():
    before = "a\r\nb\r\nc"
    after = "a\r\nB\r\nc\r\n\r\nNote."
    diff = unified_diff("x.md", before, after)
    assert diff.startswith("--- x.md\n+++ x.md\n")
    assert "-b\r\n" in diff and "+B\r\n" in diff and "+\r\n" in diff
    assert diff.count("\\ No newline at end of file") == 2


def test_encode_restores_the_bom():
    assert encode("é", True) == b"\xef\xbb\xbf\xc3\xa9"
    assert encode("é", False) == b"\xc3\xa9"


def test_atomic_write_keeps_mode_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(b"old\r\n")
    os.chmod(path, 0o640)
    write_atomic(str(path), b"new\r\n", expected=b"old\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.listdir(tmp_path) == ["draft.md"]


def test_atomic_write_never_goes_through_a_symlink(tmp_path):
    from lint.fixes.write import NotFixed

    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(NotFixed, match="symbolic link"):
        write_atomic(str(link), b"new", expected=b"old")
    assert link.is_symlink() and real.read_bytes() == b"old"


def test_file_changed_meanwhile_is_not_overwritten(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(b"an editor saved this")
    with pytest.raises(InputError, match="changed while"):
        write_atomic(str(path), b"fixed", expected=b"what we read")
    assert path.read_bytes() == b"an editor saved this"


class StubEngine:
    """Lints by a rule: every text gets one finding whose fix inserts `insert` at the start;
    a text containing BROKEN cannot be parsed."""

    def __init__(self, insert: str):
        self.insert = insert

    def lint_sources(self, sources):
        from lint.engine import FileResult
        from lint.finding import Finding

        for source in sources:
            if "BROKEN" in source.text:
                yield FileResult(source.path, error=f"{source.path}: cannot parse")
                continue
            fix = Fix("prepend", (Edit(0, 0, self.insert),), True)
            finding = Finding(
                path=source.path,
                rule_id="x.y",
                severity="info",
                message="m",
                line=1,
                column=1,
                end_line=1,
                end_column=2,
                excerpt="t",
                family="x",
                fix=fix,
            )
            yield FileResult(source.path, [finding], source=source.text)


def test_fix_loop_is_bounded_and_says_so():
    from lint.fixes.command import MAX_PASSES, fix_source
    from lint.sources import Source

    fixed = fix_source(StubEngine("x"), Source("a.md", "text", "markdown"), unsafe=False)
    assert fixed.text == "text" and not fixed.changed  # an unsettled fix is not kept
    assert not fixed.settled and f"x.y still change it after {MAX_PASSES} passes" in fixed.note


def test_a_fix_that_breaks_the_article_is_not_kept():
    from lint.fixes.command import fix_source
    from lint.sources import Source

    fixed = fix_source(StubEngine("BROKEN "), Source("a.md", "text", "markdown"), unsafe=False)
    assert fixed.text == "text" and fixed.applied == 0
    assert not fixed.settled and "a fix broke it" in fixed.note
