"""Safety kinds from reading blind safety rounds 16 and 17 (2026-12-07, sixth session): a dose
written onto one substance is not another's, an amount named for its kick is no dose, a
product title's strength beats a counted prose dose, days kept free of a substance are a
cycling caution, a caution rejected in the next sentence ("For most people that's a myth") and
one only asked about in a question's last clause are none."""

from __future__ import annotations

from lint.config import Config
from lint.engine import Engine
from lint.sources import Source

_ENGINE = Engine(Config())


def _safety(text: str, name: str = "a.md", fmt: str = "markdown") -> list[tuple[str, str]]:
    (result,) = _ENGINE.lint_sources([Source(name, text, fmt)])
    findings = [f for f in result.findings if f.rule_id.startswith("safety.")]
    for f in findings:  # spans are exact
        assert text[f.start_offset : f.end_offset] == f.excerpt
    return [(f.rule_id, f.excerpt) for f in findings]


def test_a_dose_written_onto_another_substance_is_not_this_ones() -> None:
    text = "- L-theanine, 200 mg, with my second coffee, so the caffeine feels rounder.\n"
    assert _safety(text) == []


def test_amount_before_a_name_binds_first() -> None:
    # "8 mg of galantamine, 200 mcg of huperzine A": 200 mcg is huperzine's, not galantamine's
    text = "The arms took 8 mg of galantamine, 200 mcg of huperzine A, or a placebo."
    found = dict((rule, excerpt) for rule, excerpt in _safety(text) if "huperzine" not in rule)
    assert ("safety.dose-without-caution", "200 mcg") in _safety(text)
    assert found.get("safety.dose-without-caution") in {"8 mg", "200 mcg"}


def test_each_keeps_the_dose_for_the_first_listed_substance() -> None:
    # without "each", 800 mg is written onto aniracetam; with it, onto neither
    def dosed(text: str) -> list[str]:
        (result,) = _ENGINE.lint_sources([Source("a.md", text, "markdown")])
        return [f.message.split(" is ")[0] for f in result.findings if f.excerpt == "800 mg"]

    assert dosed("I take piracetam and aniracetam, 800 mg, after breakfast.") == ["Aniracetam"]
    assert "Piracetam" in dosed("I take piracetam and aniracetam, 800 mg each, after breakfast.")


def test_an_amount_named_for_its_kick_is_no_dose() -> None:
    text = "If you expect the kick of 150 mg of caffeine, this is not that.\n"
    assert _safety(text) == []
    text = "Honestly it feels like about 120 mg of caffeine, without the crash.\n"
    assert _safety(text) == []


def test_a_title_strength_beats_a_counted_prose_dose() -> None:
    text = "<h2>L-Tyrosine 750 mg</h2>\n<p>Take two capsules each morning.</p>\n"
    assert _safety(text, "p.html", "html") == [("safety.dose-without-caution", "750 mg")]


def test_days_kept_free_are_a_cycling_caution() -> None:
    dosed = "I drink 200 mg of caffeine a day. It adds to other stimulants and is habit-forming. "
    assert ("safety.missing-cycling-caution", "200 mg") in _safety(dosed)
    for caution in ("Keep your weekends caffeine-free.", "Plan two caffeine-free days a week."):
        assert _safety(dosed + caution) == [], caution


def test_a_caution_rejected_in_the_next_sentence_is_none() -> None:
    text = (
        "I took 100 mg of modafinil on work days. Modafinil can make birth control fail. "
        "Is it addictive, as the forums say? For most people that's a myth.\n"
    )
    assert _safety(text, "e.txt", "text") == [("safety.missing-dependence-caution", "100 mg")]


def test_a_caution_asked_in_a_questions_last_clause_is_none() -> None:
    text = (
        "Noopept, 10 mg, most mornings. Noopept can add to stimulant drugs. "
        "What about breaks, do I need to cycle it?\n"
    )
    assert _safety(text, "t.txt", "text") == [("safety.missing-cycling-caution", "10 mg")]
