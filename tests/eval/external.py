"""Score the evidence rules on an external, labelled CSV of causal-language sentences.

Usage:  python tests/eval/external.py PATH [-v] [--samples N]

PATH is a CSV with a header `sentence,label` in the labelling of Yu, Li & Wang, "Detecting
Causal Language Use in Science Findings" (EMNLP 2019): 0 no relationship, 1 direct causal,
2 conditional causal ("may reduce"), 3 correlational ("is associated with"). Each sentence is
linted alone as plain text; a finding of a COUNTED rule means "predicted direct causal", and
label 1 is the positive class. Prints precision, recall, and how many sentences of each label
were flagged; -v adds samples of false alarms (by label) and of misses, for reading failure
kinds (that output is not for the repository: the set's sentences are not ours). Exits 1 when
below the targets (precision 0.85, recall 0.70), 2 on an unreadable or malformed file.

Counted: evidence.unsupported-causal-claim, the rule for causal claims stated as fact, and
evidence.animal-to-human, which makes the same kind of claim (its sentences are skipped by the
first rule). evidence.overclaim is not counted: "proven", "100%" or "no side effects" judge
certainty or safety, not whether a sentence says one thing causes another.

The set is a measuring stick only: nothing here trains on it or copies it.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
COUNTED = ("evidence.unsupported-causal-claim", "evidence.animal-to-human")
LABELS = {0: "no relationship", 1: "direct causal", 2: "conditional causal", 3: "correlational"}
POSITIVE = 1
TARGETS = {"precision": 0.85, "recall": 0.70}
QUOTES = {'"', "“", "”"}


class ExternalSetError(Exception):
    """An unreadable or malformed CSV: the message names the file (and row)."""


@dataclass
class Row:
    line: int  # 1-based line of the CSV record (the header is line 1)
    sentence: str
    label: int
    match: str = ""  # the excerpt of the first counted finding, when there is one
    qualified: bool = False  # hedged or negated by the linter's own lists (set by predict)


@dataclass
class Confusion:
    """Flagged / total sentences per label, and which rows were wrong."""

    flagged: dict[int, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    total: dict[int, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    false_alarms: list[Row] = field(default_factory=list)
    misses: list[Row] = field(default_factory=list)
    # direct-causal sentences with no hedge and no negation: what the rule is meant to flag
    plain_found: int = 0
    plain_total: int = 0

    def add(self, row: Row, predicted: bool) -> None:
        self.total[row.label] += 1
        self.flagged[row.label] += predicted
        if row.label == POSITIVE and not row.qualified:
            self.plain_total += 1
            self.plain_found += predicted
        if predicted and row.label != POSITIVE:
            self.false_alarms.append(row)
        elif not predicted and row.label == POSITIVE:
            self.misses.append(row)

    @property
    def precision(self) -> float | None:
        found = sum(self.flagged.values())
        return self.flagged[POSITIVE] / found if found else None

    @property
    def recall(self) -> float | None:
        expected = self.total[POSITIVE]
        return self.flagged[POSITIVE] / expected if expected else None

    @property
    def plain_recall(self) -> float | None:
        return self.plain_found / self.plain_total if self.plain_total else None

    def below_target(self) -> list[str]:
        result = []
        for name, target in TARGETS.items():
            value = getattr(self, name)
            if value is None or value < target:
                result.append(name)
        return result


def unwrap(sentence: str) -> str:
    """Drop a stray quote mark left at either end by the set's extraction ('" In a study ...'):
    the linter rightly skips quoted text, so a leftover mark would hide the sentence."""
    text = sentence.strip()
    if text[:1] in QUOTES and text.count(text[0]) % 2 == 1:
        text = text[1:].lstrip()
    if text[:1] in QUOTES and text[-1:] in QUOTES:
        text = text[1:-1].strip()
    elif text[-1:] in QUOTES and text.count(text[-1]) % 2 == 1:
        text = text[:-1].rstrip()
    return text


def load_rows(path: Path) -> list[Row]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ExternalSetError(f"{path}: cannot read: {err}") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header[:2]] != ["sentence", "label"]:
        raise ExternalSetError(f"{path}:1: expected the header 'sentence,label'")
    rows = []
    for record in reader:
        line = reader.line_num
        if not record:
            continue
        try:
            sentence, label = record[0], int(record[1])
        except (IndexError, ValueError):
            raise ExternalSetError(f"{path}:{line}: expected 'sentence,label' (0-3)") from None
        if label not in LABELS:
            raise ExternalSetError(f"{path}:{line}: label {label} is not 0, 1, 2 or 3")
        rows.append(Row(line, unwrap(sentence), label))
    if not rows:
        raise ExternalSetError(f"{path}: no labelled sentences")
    return rows


def predict(rows: Sequence[Row], engine: Any = None) -> list[bool]:
    """One plain-text lint per sentence; True when a counted rule fired on it."""
    from lint.config import Config
    from lint.engine import Engine
    from lint.sources import Source

    engine = engine or Engine(Config(), select=["evidence"])
    sources = [Source(f"row{row.line}.txt", row.sentence + "\n", "text") for row in rows]
    predictions = []
    for row, result in zip(rows, engine.lint_sources(sources), strict=True):
        if result.error:
            raise ExternalSetError(f"row {row.line}: {result.error}")
        counted = [f for f in result.findings if f.rule_id in COUNTED]
        row.qualified = qualified(row.sentence)
        row.match = counted[0].excerpt if counted else ""
        predictions.append(bool(counted))
    return predictions


def qualified(sentence: str) -> bool:
    """Hedged ("suggests", "may") or negated ("did not improve") by the linter's own word lists:
    such a conclusion is not a claim stated as fact, whatever the set's causal label."""
    import re

    from lint.analysis import HEDGE_PHRASES, HEDGE_WORDS, NEGATION_PHRASES, NEGATIONS, NOT_NEGATION

    words = re.findall(r"n't|\w+", sentence.lower())
    if HEDGE_PHRASES.search(sentence) or NEGATION_PHRASES.search(sentence):
        return True
    if any(w in HEDGE_WORDS for w in words):
        return True
    return sum(w in NEGATIONS for w in words) > len(NOT_NEGATION.findall(sentence))


def score(rows: Iterable[Row], predictions: Iterable[bool]) -> Confusion:
    confusion = Confusion()
    for row, predicted in zip(rows, predictions, strict=True):
        confusion.add(row, predicted)
    return confusion


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render(confusion: Confusion, verbose: bool = False, samples: int = 15) -> str:
    lines = [
        f"counted rules: {', '.join(COUNTED)}; positive = label {POSITIVE} (direct causal)",
        f"precision {_fmt(confusion.precision)} (target {TARGETS['precision']})"
        f"  recall {_fmt(confusion.recall)} (target {TARGETS['recall']})",
        f"recall on direct-causal sentences with no hedge or negation (the linter's own lists): "
        f"{_fmt(confusion.plain_recall)} ({confusion.plain_found} of {confusion.plain_total})",
        f"{'label':24} {'flagged':>7} {'total':>6}",
    ]
    for label, name in LABELS.items():
        flagged, total = confusion.flagged[label], confusion.total[label]
        lines.append(f"{f'{label} {name}':24} {flagged:7} {total:6}")
    if verbose:
        for label, name in LABELS.items():
            wrong = [r for r in confusion.false_alarms if r.label == label][:samples]
            if wrong:
                lines.append(f"false alarms, label {label} ({name}):")
                lines.extend(f"  {r.line}: [{r.match}] {r.sentence}" for r in wrong)
        if confusion.misses:
            lines.append("misses (label 1, not flagged; * = hedged or negated):")
            lines.extend(
                f"  {r.line}:{'*' if r.qualified else ' '} {r.sentence}"
                for r in confusion.misses[:samples]
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    samples = 15
    if "--samples" in args:
        at = args.index("--samples")
        try:
            samples = int(args[at + 1])
        except (IndexError, ValueError):
            print("error: --samples needs a number", file=sys.stderr)
            return 2
        del args[at : at + 2]
    if len(args) != 1:
        print("usage: external.py PATH.csv [-v] [--samples N]", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    try:
        rows = load_rows(Path(args[0]))
        confusion = score(rows, predict(rows))
    except ExternalSetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(render(confusion, verbose, samples))
    return 1 if confusion.below_target() else 0


if __name__ == "__main__":
    sys.exit(main())
