"""Split an article into segments so overlapping finding spans can all be highlighted.

Every boundary where some span starts or ends cuts the text; each piece carries the ids of all
spans covering it. HTML elements must nest, so this is how overlapping spans become markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    text: str
    ids: tuple[str, ...]  # spans covering this text, in the order the spans were given
    starts: tuple[str, ...] = ()  # spans that begin here (where their anchors go)


def segment(text: str, spans: Sequence[Span]) -> list[Segment]:
    """Cut `text` at span edges. Empty spans become empty segments (a visible marker)."""
    size = len(text)
    clamped = [
        Span(s.id, max(0, min(s.start, size)), max(0, min(max(s.start, s.end), size)))
        for s in spans
    ]
    order = {span.id: n for n, span in enumerate(clamped)}
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    empties: dict[int, list[str]] = {}
    for s in clamped:
        if s.start == s.end:
            empties.setdefault(s.start, []).append(s.id)
        else:
            starts.setdefault(s.start, []).append(s.id)
            ends.setdefault(s.end, []).append(s.id)
    bounds = sorted({0, size, *starts, *ends, *empties})
    out: list[Segment] = []
    active: set[str] = set()
    for here, after in zip(bounds, [*bounds[1:], size], strict=True):
        active.difference_update(ends.get(here, ()))
        if here in empties:
            out.append(Segment("", tuple(empties[here]), tuple(empties[here])))
        starting = tuple(starts.get(here, ()))
        active.update(starting)
        if after > here:
            ids = tuple(sorted(active, key=order.__getitem__))
            out.append(Segment(text[here:after], ids, starting))
    if not out:  # empty text, no spans
        out.append(Segment("", ()))
    return out
