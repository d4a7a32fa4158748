"""tests/eval/external.py: scoring an external causal-language CSV (our own 6-line fixture)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import ROOT

FIXTURE = """sentence,label
Daily magnesium reduces blood pressure in adults.,1
The tincture lowers anxiety scores within a week.,1
Zinc intake was associated with shorter colds.,3
Creatine may improve working memory in older adults.,2
The survey enrolled 400 nurses from three hospitals.,0
"Ginseng, sold since 1990, cures fatigue.",0
"""


def load_external():
    spec = importlib.util.spec_from_file_location("external", ROOT / "tests/eval/external.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["external"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def external():
    return load_external()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "set.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_keep_labels_and_csv_line_numbers(external, tmp_path: Path) -> None:
    rows = external.load_rows(write(tmp_path, FIXTURE))
    assert [row.label for row in rows] == [1, 1, 3, 2, 0, 0]
    assert rows[0].line == 2 and rows[-1].sentence == "Ginseng, sold since 1990, cures fatigue."


def test_score_counts_flags_per_label(external) -> None:
    rows = [external.Row(i + 2, f"s{i}", label) for i, label in enumerate([1, 1, 3, 2, 0, 1])]
    confusion = external.score(rows, [True, False, True, False, False, True])
    assert confusion.flagged == {0: 0, 1: 2, 2: 0, 3: 1}
    assert confusion.total == {0: 1, 1: 3, 2: 1, 3: 1}
    assert confusion.precision == pytest.approx(2 / 3)
    assert confusion.recall == pytest.approx(2 / 3)
    assert [r.line for r in confusion.misses] == [3]
    assert [r.line for r in confusion.false_alarms] == [4]
    assert confusion.below_target() == ["precision", "recall"]


def test_main_lints_the_fixture_and_prints_the_confusion(external, tmp_path, capsys) -> None:
    code = external.main([str(write(tmp_path, FIXTURE)), "-v"])
    out = capsys.readouterr().out
    # both direct-causal rows are flagged; the hedged, correlational and plain rows are not;
    # the last row is a claim the fixture labels 0 on purpose: one false alarm, shown with -v
    assert "precision 0.667" in out and "recall 1.000" in out
    assert "1 direct causal                2      2" in out
    assert "0 no relationship              1      2" in out
    assert "3 correlational                0      1" in out
    assert "false alarms, label 0 (no relationship):\n  7: [cures] Ginseng, sold since 1990" in out
    assert code == 1  # precision below its 0.85 target


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("text,label\nA.,1\n", "set.csv:1: expected the header 'sentence,label'"),
        ("sentence,label\nA.,1\nB.,seven\n", "set.csv:3: expected 'sentence,label' (0-3)"),
        ("sentence,label\nA.,4\n", "set.csv:2: label 4 is not 0, 1, 2 or 3"),
        ("sentence,label\n", "set.csv: no labelled sentences"),
    ],
)
def test_malformed_csv_is_one_line_error_exit_2(external, tmp_path, capsys, text, message) -> None:
    assert external.main([str(write(tmp_path, text))]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and err.endswith(message) and "\n" not in err


def test_missing_file_and_bad_usage_exit_2(external, tmp_path: Path, capsys) -> None:
    assert external.main([str(tmp_path / "absent.csv")]) == 2
    assert "absent.csv: cannot read" in capsys.readouterr().err
    assert external.main([]) == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zinc did not shorten colds in children.", True),
        ("Our data suggest that zinc shortens colds.", True),
        ("Zinc may shorten colds.", True),
        ("Zinc shortened colds in children.", False),
        ("The drink had no side effects and shortened colds.", False),  # "no side effects"
    ],
)
def test_hedged_or_negated_conclusions_are_counted_apart(external, sentence, expected) -> None:
    assert external.qualified(sentence) is expected


def test_plain_recall_counts_only_unqualified_direct_causal_rows(external) -> None:
    rows = [external.Row(i + 2, f"s{i}", 1) for i in range(3)]
    rows[2].qualified = True  # "did not improve": not a claim stated as fact
    confusion = external.score(rows, [True, False, False])
    assert (confusion.plain_found, confusion.plain_total) == (1, 2)
    assert confusion.recall == pytest.approx(1 / 3)
    assert confusion.plain_recall == pytest.approx(1 / 2)
