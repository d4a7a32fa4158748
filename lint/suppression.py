"""Inline suppression comments and the front-matter switch, resolved to line ranges per rule.

    <!-- supplint: disable-next-line=fda.disease-claim -->
    <!-- supplint: disable=ftc -->  ...  <!-- supplint: enable=ftc -->
    front matter:  supplint: {disable: [evidence]}

A selector is a rule id or a family; `disable` without a selector means every rule.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from lint.positions import LineIndex

DIRECTIVE = re.compile(
    r"<!--\s*supplint:\s*(disable-next-line|disable-line|disable|enable)"
    r"(?:\s*=\s*([A-Za-z0-9_.,\s-]*?))?\s*-->"
)
ALL = "*"


@dataclass
class Suppressions:
    ranges: list[tuple[str, int, int]] = field(default_factory=list)  # selector, first, last line
    # (selector, source start, source end, line) of selectors that name no rule or family
    unknown: list[tuple[str, int, int, int]] = field(default_factory=list)

    _index: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=-1, repr=False)

    def covers(self, rule_id: str, line: int) -> bool:
        """Is `line` in a range of ALL, the rule or its family? A bisection per selector (a
        scan of every range per finding was O(findings x suppressions))."""
        if self._indexed != len(self.ranges):
            self._index = _index_ranges(self.ranges)
            self._indexed = len(self.ranges)
        for selector in {ALL, rule_id, rule_id.split(".", 1)[0]}:
            found = self._index.get(selector)
            if found is not None:
                firsts, reach = found
                k = bisect.bisect_right(firsts, line) - 1
                if k >= 0 and reach[k] >= line:
                    return True
        return False


def _index_ranges(ranges: list[tuple[str, int, int]]) -> dict[str, tuple[list[int], list[int]]]:
    """selector -> (first lines, sorted; the furthest last line among ranges up to each)."""
    by_selector: dict[str, list[tuple[int, int]]] = {}
    for selector, first, last in ranges:
        by_selector.setdefault(selector, []).append((first, last))
    index = {}
    for selector, spans in by_selector.items():
        spans.sort()
        reach = list(itertools.accumulate((last for _, last in spans), max))
        index[selector] = ([first for first, _ in spans], reach)
    return index


def parse_suppressions(
    text: str, lines: LineIndex, front_matter: dict[str, Any], known: set[str]
) -> Suppressions:
    result = Suppressions()
    families = {rule_id.split(".", 1)[0] for rule_id in known}
    last_line = lines.line_count()
    for selector in _front_matter_selectors(front_matter):
        result.ranges.append((selector, 1, last_line))
    open_ranges: dict[str, int] = {}
    for match in DIRECTIVE.finditer(text):
        action, raw = match.group(1), match.group(2)
        selectors = [s for s in re.split(r"[,\s]+", raw or "") if s] or [ALL]
        line, _ = lines.line_col(match.start())
        end_line, _ = lines.line_col(match.end())
        for selector in selectors:
            if selector != ALL and selector not in known and selector not in families:
                result.unknown.append((selector, match.start(), match.end(), line))
                continue
            if action == "disable-next-line":
                target = _next_content_line(text, lines, end_line)
                result.ranges.append((selector, target, target))
            elif action == "disable-line":
                result.ranges.append((selector, line, end_line))
            elif action == "disable":
                open_ranges.setdefault(selector, line)
            elif selector in open_ranges:
                result.ranges.append((selector, open_ranges.pop(selector), line))
    for selector, first in open_ranges.items():
        result.ranges.append((selector, first, last_line))
    return result


def _front_matter_selectors(front_matter: dict[str, Any]) -> list[str]:
    block = front_matter.get("supplint")
    value = (
        block.get("disable") if isinstance(block, dict) else front_matter.get("supplint-disable")
    )
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def _next_content_line(text: str, lines: LineIndex, after_line: int) -> int:
    for line in range(after_line + 1, lines.line_count() + 1):
        start = lines.line_start(line)
        end = lines.starts[line] if line < lines.line_count() else len(text)
        if text[start:end].strip():
            return line
    return after_line + 1
