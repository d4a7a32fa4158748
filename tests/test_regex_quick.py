"""QuickMisses (lint/rules/kinds/regex.py) answers exactly as the re2 pattern it wraps."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.rules.kinds import regex

TEXTS = [
    "",
    "Buy it now at our partner shop, code SAVE20 for 20% off.",
    "This product is not intended to diagnose, treat, cure, or prevent any disease.",
    "Take 200 mg of magnesium glycinate daily; ask your doctor if you are pregnant.",
    "We may earn a commission when you buy through links on this page.",
    "Caf\u00e9 owners say the brew cures anxiety \u2014 no trial tested it \U0001f600.",
    "\u00fcber-clean gummies: two capsules twice a day, 5 000 IU \u00b5g",
    "Guaranteed results! Order today from Amazon or iHerb.",
    "\u6e2c\u8a66 text with CJK first, then a discount code.",
]


def _spans(found: Any) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in found]


def _one(match: Any) -> tuple[int, int, str] | None:
    return None if match is None else (match.start(), match.end(), match.group())


@pytest.fixture(scope="module")
def patterns() -> list[Any]:
    made: list[Any] = []
    original = regex.quick_misses

    def record(compiled: Any) -> Any:
        wrapped = original(compiled)
        made.append(wrapped)
        return wrapped

    regex.quick_misses = record  # type: ignore[assignment]
    try:
        Engine(Config()).checkers  # noqa: B018 -- every built-in checker compiles its patterns
    finally:
        regex.quick_misses = original  # type: ignore[assignment]
    return made


def test_the_built_in_rules_use_the_quick_path(patterns: list[Any]) -> None:
    assert len(patterns) > 10
    assert all(isinstance(p, regex.QuickMisses) for p in patterns)


def test_search_and_finditer_answer_as_plain_re2(patterns: list[Any]) -> None:
    hits = 0
    for pattern in patterns:
        plain = pattern.compiled
        for text in TEXTS:
            expected = _one(plain.search(text))
            hits += expected is not None
            assert _one(pattern.search(text)) == expected, (plain.pattern, text)
            assert _spans(pattern.finditer(text)) == _spans(plain.finditer(text))
            for pos, endpos in ((3, None), (2, 30), (None, 10)):
                assert _one(pattern.search(text, pos, endpos)) == _one(
                    plain.search(text, pos, endpos)
                )
                assert _spans(pattern.finditer(text, pos, endpos)) == _spans(
                    plain.finditer(text, pos, endpos)
                )
    assert hits > 10  # the texts exercise matches as well as misses


def test_one_cached_encoding_serves_different_texts_in_turn(patterns: list[Any]) -> None:
    pattern = regex.quick_misses(__import__("re2").compile("caf\u00e9|cure"))
    for text in ("a cure", "nothing", "caf\u00e9", "nothing", "a cure"):
        assert _one(pattern.search(text)) == _one(pattern.compiled.search(text))


def test_a_wrapped_pattern_pickles_and_delegates(patterns: list[Any]) -> None:
    pattern = patterns[0]
    again = pickle.loads(pickle.dumps(pattern))
    assert isinstance(again, regex.QuickMisses)
    assert again.pattern == pattern.pattern
    assert [_one(again.search(t)) for t in TEXTS] == [_one(pattern.search(t)) for t in TEXTS]
