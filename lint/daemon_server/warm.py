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
import os
import pickle
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.rules.base import Checker
    from lint.rules.loader import RuleSet
    from lint.rules.model import Rule

MAX_BUILT = 64  # checkers kept (about ten per rule set): the newest configs stay warm
_built: OrderedDict[bytes, Any] = OrderedDict()
_digests: dict[int, tuple[Any, bytes]] = {}  # id(ruleset) -> (ruleset, digest): pickled once
missed = False  # set in a child that had to build a checker


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


def _shared(cls: type[Checker], rules: list[Rule], nlp: Language, ruleset: RuleSet) -> Checker:
    global missed
    digest = hashlib.sha256(f"{cls.__module__}.{cls.__qualname__}\0{id(nlp)}\0".encode())
    digest.update(_ruleset_digest(ruleset))
    digest.update(pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
    key = digest.digest()
    checker = _built.get(key)
    if checker is None:
        missed = True
        checker = _built[key] = cls(rules, nlp, ruleset)
        while len(_built) > MAX_BUILT:
            _built.popitem(last=False)
    _built.move_to_end(key)
    return checker


def _ruleset_digest(ruleset: RuleSet) -> bytes:
    held = _digests.get(id(ruleset))
    if held is None or held[0] is not ruleset:
        data = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
        held = _digests[id(ruleset)] = (ruleset, hashlib.sha256(data).digest())
    return held[1]


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
    _digests.clear()  # those rule sets are gone; their ids may be reused
    import gc

    gc.freeze()  # the new checkers join the heap shared with the children
