"""Checkers (and the argument parser) built once in the daemon, shared by every child it forks.

Building a rule set's checkers (PhraseMatchers, compiled patterns) is most of a warm run's work.
`install` makes lint.engine build them through a table keyed by the checker class and the exact
content of what it is built from (the pickled rules and rule set): a child whose rule set
differs in any way builds its own, so sharing never changes a result, and a miss only costs
time. The child then tells the daemon which command missed, and the daemon builds that
command's checkers for the next request (`prepare`).
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import sys
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.rules.base import Checker
    from lint.rules.loader import RuleSet
    from lint.rules.model import Rule

WARM_UP = {  # one small article per format: every parser, checker and renderer gets imported
    # (a dated front matter and a line that is not ASCII reach code a plain sample does not:
    # ruamel's timestamp pattern, the text report's wide-character columns, linkify's patterns)
    "warm.md": "---\ntitle: Warm\ndate: 2026-01-05\n---\n# Magnesium\n\nMagnesium cures "
    "anxiety. Take 400 mg daily.\n\nOur café blend \u2014 naïve fans say it heals gout.\n\n"
    "| Brand | For |\n|---|---|\n| Calmly | insomnia |\n\n"
    "See www.example.com, https://example.org/a?b=1 or write to help@example.com.\n\n"
    "[Buy it](https://www.amazon.com/dp/B01?tag=x-20)\n",
    "warm.html": "<h1>Bacopa</h1><p>Bacopa may improve memory (Smith 2019).</p>",
    "warm.txt": "Creatine treats depression in mice.\n",
}
FORMATS = ("text", "concise", "json", "sarif", "github")
MAX_BUILT = 64  # checkers kept (about ten per rule set): the newest configs stay warm
_built: OrderedDict[bytes, Any] = OrderedDict()
_digests: dict[int, tuple[Any, bytes]] = {}  # id(ruleset) -> (ruleset, digest): pickled once
_rule_digests: dict[tuple[int, ...], tuple[list[Any], bytes]] = {}  # ids -> (rules, digest)
missed = False  # set in a child that had to build a checker
MAX_RULESETS = 8
_rulesets: OrderedDict[str, RuleSet] = OrderedDict()  # rules_key -> the rule set it loaded


def install() -> None:
    import lint.commands.parser
    import lint.engine

    # the parser too (a fifth of a warm run): parse_args leaves it unchanged, and each child
    # works on its own copy-on-write copy, so no request can alter the next one's
    lint.commands.parser.build_parser = functools.cache(lint.commands.parser.build_parser)

    original = lint.engine.checker_class

    def checker_class(kind: str) -> Any:
        return functools.partial(_shared, original(kind))

    lint.engine.checker_class = checker_class

    import lint.cache

    lint.cache.load_rules_cached = functools.partial(_rules_held, lint.cache.load_rules_cached)


def _rules_held(load: Any, extra_dirs: Any = ()) -> RuleSet:
    """The rule set loaded before for the same inputs, the very object: what the rule cache on
    disk would give (its key hashes every file the rules are read from, read again on each call),
    without unpickling it, and with the checker table's digests already known for it."""
    import lint.cache

    extra = list(extra_dirs)
    try:
        key = lint.cache.rules_key(extra) if lint.cache.cache_dir() is not None else None
    except OSError:
        key = None
    if key is None:  # no cache wanted, or a folder is missing: load (and fail) as a run does
        return load(extra)
    ruleset = _rulesets.get(key)
    if ruleset is None:
        ruleset = _rulesets[key] = load(extra)  # errors raise here: nothing is kept
        while len(_rulesets) > MAX_RULESETS:
            _rulesets.popitem(last=False)
    _rulesets.move_to_end(key)
    return ruleset


def _shared(cls: type[Checker], rules: list[Rule], nlp: Language, ruleset: RuleSet) -> Checker:
    global missed
    digest = hashlib.sha256(f"{cls.__module__}.{cls.__qualname__}\0{id(nlp)}\0".encode())
    digest.update(_ruleset_digest(ruleset))
    digest.update(_rules_digest(rules))
    key = digest.digest()
    checker = _built.get(key)
    if checker is None:
        missed = True
        checker = _built[key] = cls(rules, nlp, ruleset)
        while len(_built) > MAX_BUILT:
            _built.popitem(last=False)
    _built.move_to_end(key)
    return checker


def _rules_digest(rules: list[Rule]) -> bytes:
    """The pickled rules' hash, kept per list of the same rule objects (rules are not changed
    after loading: overrides are applied by the loader), which a held rule set hands out again."""
    ids = tuple(map(id, rules))
    held = _rule_digests.get(ids)
    if held is None or any(a is not b for a, b in zip(held[0], rules, strict=True)):
        data = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        held = _rule_digests[ids] = (list(rules), hashlib.sha256(data).digest())
    return held[1]


def _ruleset_digest(ruleset: RuleSet) -> bytes:
    held = _digests.get(id(ruleset))
    if held is None or held[0] is not ruleset:
        data = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
        held = _digests[id(ruleset)] = (ruleset, hashlib.sha256(data).digest())
    return held[1]


def _forget_unheld() -> None:
    """Digests of rule sets no longer held (each entry keeps its own alive, so an id is never
    mistaken for another's; this only frees them)."""
    held = {id(ruleset) for ruleset in _rulesets.values()}
    for key in [k for k, (ruleset, _) in _digests.items() if id(ruleset) not in held]:
        del _digests[key]
    if len(_rule_digests) > MAX_BUILT * 4:
        _rule_digests.clear()


def prepare(argv: list[str], cwd: str) -> None:
    """Build the checkers `supplint ARGV` run in `cwd` uses, as `check` would, and keep them.

    Twice: a first load may parse the rule files (then cache them); later runs read the cache,
    whose rule objects pickle to other bytes, and those are what children will present.
    """
    from lint.commands import parser
    from lint.commands.options import check_options
    from lint.commands.run import first_path, load_settings, selection
    from lint.engine import Engine

    here = os.getcwd()
    try:
        os.chdir(cwd)
        options = check_options(parser.build_parser().parse_args(argv))
        for _ in range(2):
            config = load_settings(options.config, first_path(options))
            Engine(config, *selection(options, config)).checkers  # noqa: B018 - for the table
    except (Exception, SystemExit):
        pass  # a command that fails to start fails the same way in its child: nothing to keep
    finally:
        os.chdir(here)
    global missed
    missed = False  # what children find missing is theirs to report, not what was built here
    _forget_unheld()
    import gc

    gc.freeze()  # the new checkers join the heap shared with the children


def warm_up(formats: tuple[str, ...] = FORMATS) -> None:
    """Run the real command on each sample, output discarded, so children start warm."""
    from lint.cli import main as cli_main

    saved = sys.stdin, sys.stdout, sys.stderr
    os.chdir("/")  # no project's config is read during the warm-up
    try:
        for name, text in WARM_UP.items():
            for fmt in formats:
                sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
                sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
                cli_main(["check", "-", "--stdin-filename", name, "--format", fmt])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    import gc

    gc.collect()
    gc.freeze()  # the warm heap stays shared with the children (copy-on-write), never re-walked
