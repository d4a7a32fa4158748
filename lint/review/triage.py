"""Each finding of a run with its decision: exact by fingerprint, or an old decision for the same
finding whose text changed ("needs a new look", state `stale`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lint.archives.baseline import normalize
from lint.finding import Finding
from lint.review.keys import FindingKey
from lint.review.store import Decision

STATES = ("open", "stale", "unfixed", "accepted", "dismissed", "fixed")
WAITING = ("open", "stale", "unfixed")
STATE_LABELS = {
    "open": "open",
    "stale": "needs a new look",
    "unfixed": "marked fixed, still present",
    "accepted": "accepted",
    "dismissed": "dismissed",
    "fixed": "marked fixed",
}


@dataclass(frozen=True)
class Triaged:
    finding: Finding
    key: FindingKey
    decision: Decision | None  # applies to this exact finding
    previous: Decision | None = None  # a decision on this finding before its text changed
    rechecked: bool = True  # linted again since the decision was taken

    @property
    def state(self) -> str:
        if self.decision is not None:
            if self.decision.status == "fixed" and self.rechecked:
                return "unfixed"  # a re-run still finds it: the fix did not happen
            return self.decision.status
        return "stale" if self.previous is not None else "open"

    @property
    def needs_action(self) -> bool:
        """Open, stale and unfixed findings still wait for an editor."""
        return self.state in WAITING


def triage(
    keyed: Iterable[tuple[Finding, FindingKey]],
    decisions: dict[tuple[str, str, str], Decision],
    rechecked: Callable[[Decision], bool] = lambda decision: True,
) -> list[Triaged]:
    """`rechecked(decision)`: was the article linted again after it? (Always, for a check run.)"""
    pairs = list(keyed)
    exact = {key.ident for _, key in pairs if key.ident in decisions}
    # decisions of these articles that no finding matches exactly: candidates for a new look
    paths = {key.path for _, key in pairs}
    loose: dict[tuple[str, str, str], Decision] = {}
    for ident, decision in decisions.items():
        if decision.path in paths and ident not in exact:
            loose.setdefault((decision.path, decision.rule_id, decision.surround), decision)
            loose.setdefault(
                (decision.path, decision.rule_id, "\0" + normalize(decision.excerpt)), decision
            )
    out = []
    for finding, key in pairs:
        found = decisions.get(key.ident)
        previous = None
        if found is None:
            previous = loose.get((key.path, key.rule_id, key.surround)) or loose.get(
                (key.path, key.rule_id, "\0" + normalize(key.excerpt))
            )
        again = found is not None and rechecked(found)
        out.append(Triaged(finding, key, found, previous, again))
    return out
