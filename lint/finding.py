"""The one Finding type every rule produces and every renderer consumes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Edit:
    """Replace source text [start, end) (code-point offsets) with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    safe: bool = False


@dataclass(frozen=True)
class Finding:
    """One problem at an exact span of one file.

    Lines and columns are 1-based; columns count Unicode code points; the end is exclusive,
    so `excerpt` is exactly the source text between start and end.
    """

    path: str
    rule_id: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    family: str
    suggestion: str | None = None
    strength: float | None = None
    start_offset: int = 0
    end_offset: int = 0
    fix: Fix | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[str, int, int, str, int, int]:
        return (self.path, self.line, self.column, self.rule_id, self.end_line, self.end_column)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("start_offset")
        data.pop("end_offset")
        if self.fix is None:
            data.pop("fix")
        return data
