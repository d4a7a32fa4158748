"""Rules keep no per-document state of their own (issue 16, item 3).

What a rule derives from one document lives in that document's memo (`Analysis.memo`), and what
it compiles lives on the compiled objects or the rule set (`RuleSet.compiled`). So checking
documents in any order gives each the findings it gets alone, and a run changes no module-level
container of the rule modules.
"""

from __future__ import annotations

import copy
import importlib
import pkgutil
import types
from typing import Any

import lint.rules
from lint.analysis import Analysis
from lint.config import Config
from lint.documents import parse
from lint.engine import Engine
from lint.nlp import get_nlp
from lint.sources import Source, format_for

# two drafts that exercise the shared matchers (cue + condition, drug comparison, anchored
# conditions, disclosures, doses, claims of evidence) with different sentences at the same
# token and sentence positions: a cache keyed by position alone would give one the other's hits
FIRST = """# Calm Capsules

Calm Capsules treat anxiety and cure insomnia. Take 200 mg of ashwagandha twice a day.
It works like Xanax without the side effects. Studies prove it reverses memory loss.
Buy it on Amazon today: [shop](https://amzn.to/x).
"""
SECOND = """# Sleep Notes

Doctors do not treat insomnia with melatonin alone. Magnesium may help some people sleep.
Is valerian an alternative to Ambien? Our review found no evidence that it helps.
This post contains affiliate links; we earn a commission at no cost to you.
"""


def _analysis(text: str, name: str) -> Analysis:
    document = parse(Source(name, text, format_for(name)))
    return Analysis(document, get_nlp()(document.prose))


def _hits(checker: Any, analysis: Analysis) -> list[tuple[Any, ...]]:
    return [
        (hit.rule.id, hit.start, hit.end, sorted(map(str, hit.values.items())))
        for hit in checker.check(analysis)
    ]


def test_interleaved_documents_get_their_own_findings(engine: Engine) -> None:
    alone = {}
    for name, text in (("first.md", FIRST), ("second.md", SECOND)):
        analysis = _analysis(text, name)
        alone[name] = [_hits(checker, analysis) for checker in engine.checkers]
    assert any(alone["first.md"]) and any(alone["second.md"])
    first, second = _analysis(FIRST, "first.md"), _analysis(SECOND, "second.md")
    interleaved: dict[str, list[list[tuple[Any, ...]]]] = {"first.md": [], "second.md": []}
    for checker in engine.checkers:  # each checker sees one document, then the other, in turn
        interleaved["second.md"].append(_hits(checker, second))
        interleaved["first.md"].append(_hits(checker, first))
    assert interleaved == alone


def _rule_modules() -> list[types.ModuleType]:
    names = ["lint.analysis"]
    names += [info.name for info in pkgutil.walk_packages(lint.rules.__path__, "lint.rules.")]
    return [importlib.import_module(name) for name in names]


def _containers(modules: list[types.ModuleType]) -> dict[tuple[str, str], Any]:
    """Each module-level dict, list, set or plain object, with a shallow copy of its contents."""
    found = {}
    for module in modules:
        for name, value in vars(module).items():
            if name.startswith("__"):
                continue
            if isinstance(value, (dict, list, set, bytearray)):
                found[(module.__name__, name)] = (value, copy.copy(value))
            elif _lint_object(value):
                found[(module.__name__, name)] = (value, dict(vars(value)))
    return found


def _lint_object(value: Any) -> bool:
    """An instance of one of supplint's own classes, whose attributes a run could change."""
    lints = type(value).__module__.startswith("lint.")
    return lints and hasattr(value, "__dict__") and not isinstance(value, type)


def _same(before: Any, after: Any) -> bool:
    if type(before) is not type(after):
        return False
    if isinstance(before, dict):
        return before.keys() == after.keys() and all(before[k] is after[k] for k in before)
    if isinstance(before, (list, bytearray)):
        return len(before) == len(after) and all(a is b for a, b in zip(before, after, strict=True))
    return bool(before == after)


def test_a_run_changes_no_module_level_state_of_the_rules() -> None:
    modules = _rule_modules()
    before = _containers(modules)
    engine = Engine(Config())  # compiled here, after the snapshot: compile-time state counts
    for name, text in (("first.md", FIRST), ("second.md", SECOND), ("third.txt", FIRST)):
        (result,) = engine.lint_sources([Source(name, text, format_for(name))])
        assert result.error is None
    after = _containers(_rule_modules())
    assert after.keys() == before.keys(), "a rule module bound a new global during a run"
    changed = [
        f"{module}.{name}"
        for (module, name), (value, contents) in before.items()
        if after[(module, name)][0] is not value or not _same(contents, after[(module, name)][1])
    ]
    assert not changed, f"module-level state changed by a run: {changed}"
