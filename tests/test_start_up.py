"""What start-up keeps from one run to the next, and the shortcuts that make it cheap: term
tokenizations kept per user, YAML aliases copied once, the vocabulary check on one string."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint import term_tokens
from lint.nlp import get_nlp
from lint.rules.loader import _positions
from lint.rules.match.terms import Terms
from lint.vocab import _all_terms, _is_term
from lint.yaml_nodes import parse_yaml, plain

TERMS = ["Alzheimer’s disease", "ADHD", "sugar-free", "didn't help", "thru the night"]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUPPLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("SUPPLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(term_tokens, "_STORE", None)  # as in a new process
    return tmp_path / "cache"


def tables(terms: Terms) -> tuple[object, object, object]:
    return terms.terms, terms.lengths, terms.pairs


def test_terms_are_tokenized_once_then_read_back(cache: Path, monkeypatch) -> None:
    nlp = get_nlp()
    first = [tables(Terms(nlp, TERMS)), tables(Terms(nlp, TERMS, lemma=True))]
    term_tokens.save()
    assert len(list(cache.glob("tokens-*.json"))) == 1

    monkeypatch.setattr(term_tokens, "_STORE", None)  # the next run

    def no_tokenizing(nlp: object, term: str) -> None:
        raise AssertionError(f"'{term}' was tokenized again")

    monkeypatch.setattr(term_tokens, "_tokenize", no_tokenizing)
    again = [tables(Terms(nlp, TERMS)), tables(Terms(nlp, TERMS, lemma=True))]
    assert again == first


def test_kept_tokens_are_the_tokenizer_s(cache: Path) -> None:
    nlp = get_nlp()
    for term in TERMS:
        doc = nlp.make_doc(term)
        expected = [t for t in doc if not t.is_space]
        texts, norms = term_tokens.tokens(nlp, term)
        assert list(texts) == [t.text for t in expected]
        assert list(norms) == [t.norm_ for t in expected]
    assert term_tokens.tokens(nlp, "thru")[1] == ("through",)  # lint.nlp's informal norms


def test_a_planted_token_file_is_not_read(cache: Path, monkeypatch) -> None:
    nlp = get_nlp()
    honest = tables(Terms(nlp, ["ADHD"]))
    term_tokens.save()
    (entry,) = cache.glob("tokens-*.json")
    forged = {"format": 1, "terms": {"ADHD": [["anxiety"], ["anxiety"]]}}
    entry.write_bytes(term_tokens.MAGIC + b"\0" * 32 + json.dumps(forged).encode())
    monkeypatch.setattr(term_tokens, "_STORE", None)
    assert tables(Terms(nlp, ["ADHD"])) == honest


def test_nothing_is_kept_without_a_cache(cache: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUPPLINT_NO_CACHE", "1")
    Terms(get_nlp(), TERMS)
    term_tokens.save()
    assert not cache.exists()


def test_another_pipeline_is_tokenized_directly(cache: Path) -> None:
    import spacy

    other = spacy.blank("en")
    assert term_tokens.tokens(other, "don't") == (("do", "n't"), ("do", "not"))
    assert term_tokens._STORE is None


ALIASED = """\
drugs: &drugs [xanax, ambien]
patterns:
  - [{LOWER: {IN: *drugs}}]
  - [{LOWER: like}, {LOWER: {IN: *drugs}}]
"""


def test_an_alias_stays_one_object() -> None:
    data = plain(parse_yaml("rule.yaml", ALIASED))
    first, second = data["patterns"][0][0]["LOWER"]["IN"], data["patterns"][1][1]["LOWER"]["IN"]
    assert first is second is data["drugs"]
    assert first == ["xanax", "ambien"]


def test_an_alias_s_items_are_placed_once() -> None:
    positions = _positions(parse_yaml("rule.yaml", ALIASED))
    assert positions["drugs.1"] == (1, 23)  # the anchored list's own items
    assert "patterns.0.0" in positions and "patterns.1.1" in positions  # each alias itself
    assert "patterns.0.0.LOWER.IN.1" not in positions  # not its items again


@given(st.lists(st.text(alphabet=" a\n", max_size=4), max_size=6))
def test_the_joined_vocabulary_check_is_the_per_term_one(terms: list[str]) -> None:
    assert _all_terms(list(terms)) == all(_is_term(t) for t in terms)


def test_the_vocabulary_check_refuses_what_is_not_a_string() -> None:
    assert not _all_terms(["adhd", 3])
    assert _all_terms([])
