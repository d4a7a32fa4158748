"""Apply fixes to decoded text: whole fixes or nothing, never two edits on the same characters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lint.finding import SEVERITY_RANK, Edit, Finding, Fix


@dataclass
class Applied:
    text: str
    fixes: list[Fix] = field(default_factory=list)  # fixes whose edits are now in `text`
    skipped: list[Fix] = field(default_factory=list)  # conflicted with an accepted fix


def _wanted(findings: Iterable[Finding], unsafe: bool) -> list[tuple[Fix, str]]:
    ordered = sorted(findings, key=lambda f: -SEVERITY_RANK.get(f.severity, 0))
    return [(f.fix, f.rule_id) for f in ordered if f.fix is not None and (f.fix.safe or unsafe)]


def wanted_fixes(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    """The fixes to apply; in a conflict the more severe finding wins, then the earlier one
    (a disease claim's rewording beats the hedge of the same verb)."""
    return [fix for fix, _rule in _wanted(findings, unsafe)]


def fix_findings(text: str, findings: Iterable[Finding], unsafe: bool) -> Applied:
    """Apply the wanted fixes of `findings` to `text`; one rule's insertions stack."""
    wanted = _wanted(findings, unsafe)
    return apply_fixes(text, [fix for fix, _ in wanted], [rule for _, rule in wanted])


def _overlaps(a: Edit, b: Edit, stack: bool = False) -> bool:
    """Do two edits touch the same characters? Two insertions at one point clash (which goes
    first is a choice) unless `stack`: they come from one rule's different findings, whose
    insertions are independent (each caution names its own substance) and go in finding order."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start and not stack
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _valid(edit: Edit, length: int) -> bool:
    return 0 <= edit.start <= edit.end <= length


def select(
    text: str, fixes: Iterable[Fix], rules: Sequence[str] = ()
) -> tuple[list[Edit], list[Fix], list[Fix]]:
    """Accept each fix whose edits clash with no accepted edit; identical edits count once.

    `rules` (parallel to `fixes`, optional) names the rule behind each fix: insertions of one
    rule at one point stack instead of clashing. Without it, a sentence with four cautions
    took four re-lint passes, and a few such sentences ran past the fix loop's pass limit.
    """
    accepted: list[tuple[Edit, str | None]] = []
    chosen: list[Fix] = []
    skipped: list[Fix] = []
    for index, fix in enumerate(fixes):
        rule = rules[index] if index < len(rules) else None
        edits = [edit for edit, _rule in accepted]
        new = [e for e in dict.fromkeys(fix.edits) if e not in edits]
        if not all(_valid(e, len(text)) for e in new):
            skipped.append(fix)
            continue
        clash = any(
            _overlaps(a, b, rule is not None and rule == other)
            for a in new
            for b, other in accepted
        ) or any(_overlaps(a, b) for i, a in enumerate(new) for b in new[i + 1 :])
        if clash:
            skipped.append(fix)
            continue
        accepted.extend((edit, rule) for edit in new)
        chosen.append(fix)
    return [edit for edit, _rule in accepted], chosen, skipped


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits back to front, so earlier offsets stay valid."""
    # at one offset an insertion goes before a replacement that starts there, and stacked
    # insertions keep their order (the later one is applied first, then pushed right)
    ordered = sorted(
        enumerate(edits), key=lambda item: (item[1].start, item[1].end != item[1].start, item[0])
    )
    for _index, edit in reversed(ordered):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def apply_fixes(text: str, fixes: Iterable[Fix], rules: Sequence[str] = ()) -> Applied:
    edits, chosen, skipped = select(text, fixes, rules)
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
