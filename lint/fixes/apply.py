"""Apply fixes to decoded text: whole fixes or nothing, never two edits on the same characters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lint.finding import SEVERITY_RANK, Edit, Finding, Fix


@dataclass
class Applied:
    text: str
    fixes: list[Fix] = field(default_factory=list)  # fixes whose edits are now in `text`
    skipped: list[Fix] = field(default_factory=list)  # conflicted with an accepted fix


def wanted_fixes(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    """The fixes to apply; in a conflict the more severe finding wins, then the earlier one
    (a disease claim's rewording beats the hedge of the same verb)."""
    ordered = sorted(findings, key=lambda f: -SEVERITY_RANK.get(f.severity, 0))
    return [f.fix for f in ordered if f.fix is not None and (f.fix.safe or unsafe)]


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:  # two insertions: only the same point clashes
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _valid(edit: Edit, length: int) -> bool:
    return 0 <= edit.start <= edit.end <= length


def select(text: str, fixes: Iterable[Fix]) -> tuple[list[Edit], list[Fix], list[Fix]]:
    """Accept each fix whose edits clash with no accepted edit; identical edits count once."""
    accepted: list[Edit] = []
    chosen: list[Fix] = []
    skipped: list[Fix] = []
    for fix in fixes:
        new = [e for e in dict.fromkeys(fix.edits) if e not in accepted]
        if not all(_valid(e, len(text)) for e in new):
            skipped.append(fix)
            continue
        clash = any(_overlaps(a, b) for a in new for b in accepted) or any(
            _overlaps(a, b) for i, a in enumerate(new) for b in new[i + 1 :]
        )
        if clash:
            skipped.append(fix)
            continue
        accepted.extend(new)
        chosen.append(fix)
    return accepted, chosen, skipped


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits back to front, so earlier offsets stay valid."""
    # at one offset an insertion goes before a replacement that starts there
    ordered = sorted(edits, key=lambda e: (e.start, e.end != e.start), reverse=True)
    for edit in ordered:
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def apply_fixes(text: str, fixes: Iterable[Fix]) -> Applied:
    edits, chosen, skipped = select(text, fixes)
    edits = [e for e in edits if text[e.start : e.end] != e.text]  # no-op edits change nothing
    if not edits:
        return Applied(text, [], skipped)
    return Applied(apply_edits(text, edits), chosen, skipped)


def fixable_hint(findings: Iterable[Finding]) -> str | None:
    """The summary's last line, like ruff's: how many findings the fix flags would fix."""
    fixes = [f.fix for f in findings if f.fix is not None]
    safe = sum(1 for fix in fixes if fix.safe)
    return fixable_hint_for(safe, len(fixes) - safe)


def fixable_hint_for(safe: int, unsafe: int) -> str | None:
    """fixable_hint from the counts alone (streamed output keeps no findings)."""
    if not safe and not unsafe:
        return None
    if not safe:
        return f"[*] {unsafe} fixable with --unsafe-fixes (rewordings to review)."
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"[*] {safe} fixable with --fix{more}."
