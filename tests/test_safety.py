"""safety.*: substances from the knowledge base dosed or discussed without the caution they need."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, lint_text, run_cli

from lint.config import Config
from lint.engine import Engine
from lint.errors import ConfigError
from lint.rules.knowledge import load_substances
from lint.rules.loader import load_rules, parse_yaml
from lint.rules.match.dosing import find_doses
from lint.sources import Source

CYCLING = "safety.missing-cycling-caution"
RENAL = "safety.missing-renal-caution"
INTERACTION = "safety.missing-interaction-caution"
DEPENDENCE = "safety.missing-dependence-caution"
DOSE = "safety.dose-without-caution"

PIRACETAM = """# Starting piracetam

Piracetam is the classic racetam.

## Dose

Most guides start at 1,600 mg a day, split in two.
Later doses of 2,400 mg are common.
"""


@pytest.fixture(scope="module")
def kinds_engine() -> Engine:
    """The missing-* rules on their own (`--ignore safety.dose-without-caution`): with that
    rule on, a substance given no caution at all gets its one finding instead (tests below)."""
    return Engine(Config(), ignore=[DOSE])


@pytest.fixture()
def lint(kinds_engine: Engine):
    return lambda text, name="draft.md": lint_text(kinds_engine, text, name)


@pytest.fixture()
def lint_all(engine: Engine):
    return lambda text, name="draft.md": lint_text(engine, text, name)


def safety(findings):
    return sorted(
        (f.rule_id, f.line, f.column, f.excerpt) for f in findings if f.family == "safety"
    )


def test_markdown_dose_gets_one_finding_per_missing_caution_at_the_first_dose(lint) -> None:
    assert safety(lint(PIRACETAM)) == [
        (CYCLING, 7, 22, "1,600 mg"),
        (INTERACTION, 7, 22, "1,600 mg"),
        (RENAL, 7, 22, "1,600 mg"),
    ]


def test_messages_name_the_substance(lint) -> None:
    [renal] = [f for f in lint(PIRACETAM) if f.rule_id == RENAL]
    assert renal.message.startswith("Piracetam is dosed here")
    assert "kidney" in renal.message
    assert renal.severity == "warning"


def test_a_substance_given_no_caution_gets_one_finding_not_one_per_kind(lint_all) -> None:
    """Round-8 convention: none of piracetam's cautions given -> dose-without-caution alone."""
    [dose] = [f for f in lint_all(PIRACETAM) if f.family == "safety"]
    assert (dose.rule_id, dose.line, dose.column, dose.excerpt) == (DOSE, 7, 22, "1,600 mg")
    assert dose.severity == "warning"
    assert dose.message.startswith("Piracetam is dosed here ('1,600 mg')")


@pytest.mark.parametrize(
    "caution",
    [
        "Piracetam builds tolerance.",
        "Piracetam is not studied in pregnancy.",  # a listed caution of a kind no rule scores
        "It is cleared by the kidneys.",
    ],
)
def test_one_listed_caution_turns_it_into_the_missing_kinds(lint_all, caution: str) -> None:
    found = {f[0] for f in safety(lint_all(PIRACETAM + "\n" + caution + "\n"))}
    assert DOSE not in found
    assert found and found <= {CYCLING, RENAL, INTERACTION}


@pytest.mark.parametrize(
    "line", ["Ask your pharmacist before starting.", "Consult a physician first.", ""]
)
def test_a_doctor_line_alone_is_no_caution(lint_all, line: str) -> None:
    found = [f[0] for f in safety(lint_all(PIRACETAM + "\n" + line + "\n"))]
    assert found == [DOSE]


def test_substances_listing_only_liver_or_pregnancy_cautions_get_no_finding(lint_all) -> None:
    text = "Take 200 mg of L-theanine. Gotu kola is taken at 500 mg. Fish oil: 1 g.\n"
    assert safety(lint_all(text)) == []


def test_a_liver_warning_counts_as_a_caution_given(lint_all) -> None:
    text = "Kava is taken at 250 mg. Kava has been linked to liver injury.\n"
    assert [f[0] for f in safety(lint_all(text))] == [INTERACTION]


def test_ignoring_dose_without_caution_gives_the_missing_kinds_back(lint, lint_all) -> None:
    assert [f[0] for f in safety(lint_all(PIRACETAM))] == [DOSE]
    assert {f[0] for f in safety(lint(PIRACETAM))} == {CYCLING, RENAL, INTERACTION}


def test_paraphrased_cautions_satisfy_the_rules(lint) -> None:
    text = PIRACETAM + (
        "\nCycle it: 5 days on, 2 days off.\n"
        "It leaves the body through the kidneys, so check your kidney function first.\n"
        "It may add to the effect of blood thinners.\n"
        "Talk to your doctor if you have kidney disease.\n"
    )
    assert safety(lint(text)) == []


@pytest.mark.parametrize(
    ("caution", "rule"),
    [
        ("Take breaks now and then.", CYCLING),
        ("Tolerance builds quickly.", CYCLING),
        ("Take weekends off.", CYCLING),
        ("People with renal impairment need a lower dose.", RENAL),
        ("It is excreted unchanged in urine.", RENAL),
        ("Do not combine it with stimulants.", INTERACTION),
        ("If you take any medication, ask first.", INTERACTION),
    ],
)
def test_each_paraphrase_removes_only_its_rule(lint, caution: str, rule: str) -> None:
    rules = {f[0] for f in safety(lint(PIRACETAM + "\n" + caution + "\n"))}
    assert rule not in rules
    assert rules == {CYCLING, RENAL, INTERACTION} - {rule}


def test_html_article(lint) -> None:
    text = (
        "<html><body>\n<h1>Phenibut</h1>\n"
        "<p>People take 250 mg to 500 mg before a night out.</p>\n</body></html>\n"
    )
    assert safety(lint(text, "p.html")) == [
        (CYCLING, 3, 16, "250 mg"),
        (DEPENDENCE, 3, 16, "250 mg"),
        (INTERACTION, 3, 16, "250 mg"),
        (RENAL, 3, 16, "250 mg"),
    ]


def test_text_article_with_research_code_and_alias(lint) -> None:
    text = "NS-105 notes\n\nUsers of NS-105 take 10-20 mg.\nAsk a doctor first.\n"
    found = {(f[0], f[1], f[2], f[3]) for f in safety(lint(text, "n.txt"))}
    assert found == {
        (CYCLING, 3, 22, "10-20 mg"),
        (RENAL, 3, 22, "10-20 mg"),
        (INTERACTION, 3, 22, "10-20 mg"),
    }
    nootropil = "Nootropil tablets hold 800 mg. Ask a doctor first. Take breaks. Kidney disease?"
    assert {f[0] for f in safety(lint(nootropil))} == {INTERACTION}


def test_a_substance_never_dosed_gets_no_finding(lint) -> None:
    """Round-8 policy (`dosed_only`): an article that only names or describes a substance
    recommends no use of it."""
    text = "# Herbs\n\n## Ginkgo\n\nGinkgo is widely studied. Ginkgo is old.\n"
    assert safety(lint(text)) == []


def test_a_passing_mention_is_not_a_discussion(lint) -> None:
    text = "Sleep matters more than noopept or any pill.\n"
    assert safety(lint(text)) == []


def test_dose_without_a_name_belongs_to_the_last_named_substance(lint) -> None:
    text = "# Kratom\n\nKratom is a leaf.\n\n## How much\n\nStart at 2 g. Avoid alcohol with it.\n"
    found = safety(lint(text))
    assert (DEPENDENCE, 7, 10, "2 g") in found
    assert (INTERACTION, 7, 10, "2 g") not in found  # "alcohol with it" gives the caution


def test_dose_regex() -> None:
    text = "Take 10-30 mg, or 1,600 mg, 2g, two capsules twice a day, half a tablet; in 2019."
    assert [text[s:e] for s, e in find_doses(text)] == [
        "10-30 mg",
        "1,600 mg",
        "2g",
        "two capsules",
        "half a tablet",
    ]


def test_knowledge_base_size_and_required_entries() -> None:
    ruleset = load_rules()
    substances = load_substances(ruleset.knowledge["substances"])
    assert len(substances) >= 40
    ids = {s.id for s in substances}
    required = {
        "piracetam", "aniracetam", "oxiracetam", "pramiracetam", "phenylpiracetam",
        "fasoracetam", "noopept", "modafinil", "caffeine", "l-theanine", "bacopa", "rhodiola",
        "ashwagandha", "ginkgo", "st-johns-wort", "5-htp", "melatonin", "kratom", "phenibut",
    }  # fmt: skip
    assert required <= ids
    by_id = {s.id: s for s in substances}
    assert "NS-105" in by_id["fasoracetam"].codes
    assert "GVS-111" in by_id["noopept"].codes
    assert "renal" in by_id["piracetam"].cautions
    assert all(s.source.strip() and s.klass.strip() for s in substances)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


HOUSE_SUBSTANCE = """substances:
  - id: brainzyme
    name: Brainzyme
    aliases: [BZ Focus]
    codes: [BZ-7]
    class: house blend
    cautions: [renal]
    source: "Manufacturer label, 2025"
"""


def test_house_knowledge_base_extends_the_built_in_one(tmp_path: Path) -> None:
    write(tmp_path, "house/substances.yaml", HOUSE_SUBSTANCE)
    engine = Engine(Config(rule_dirs=[tmp_path / "house"]), select=["safety"])
    text = "BZ-7 focus notes.\n\nTake 2 capsules of Brainzyme daily. Ask your doctor.\n"
    [result] = engine.lint_sources([Source("a.md", text, "markdown")])
    assert safety(result.findings) == [(DOSE, 3, 6, "2 capsules")]  # its one caution not given


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        (
            "cautions: [renal, liver]",
            7,
            "unknown caution 'liver' (one of: cycling, renal, "
            "hepatic, interactions, pregnancy, dependence)",
        ),
        ("cuations: [renal]", 7, "unknown substance key 'cuations', did you mean 'cautions'?"),
        ("cautions: [renal, 7]", 7, "'cautions' must be a list of non-empty strings"),
    ],
)
def test_invalid_house_substance_is_a_config_error_with_line(
    tmp_path: Path, entry: str, line: int, message: str
) -> None:
    bad = HOUSE_SUBSTANCE.replace("cautions: [renal]", entry)
    path = write(tmp_path, "house/substances.yaml", bad)
    with pytest.raises(ConfigError) as info:
        load_substances([(str(path), parse_yaml(str(path), bad)["substances"])])
    assert info.value.render() == f"{path}:{line}:5: {message}"


def test_duplicate_substance_id_names_the_first_definition(tmp_path: Path) -> None:
    text = HOUSE_SUBSTANCE.replace("id: brainzyme", "id: piracetam").replace(
        "name: Brainzyme", "name: Piracetam house"
    )
    write(tmp_path, "house/substances.yaml", text)
    ruleset = load_rules([tmp_path / "house"])
    with pytest.raises(ConfigError) as info:
        load_substances(ruleset.knowledge["substances"])
    assert "duplicate substance id 'piracetam' (first in " in str(info.value.render())
    assert "substances.yaml:2:5:" in info.value.render().split(" (first")[0]


def test_cli_reports_a_bad_house_substance_file_with_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "house/substances.yaml", HOUSE_SUBSTANCE.replace("[renal]", "[kidney]"))
    write(tmp_path, ".supplint.yaml", "rule_dirs: [house]\n")
    article = write(tmp_path, "a.md", "Take 2 capsules of Brainzyme.\n")
    result = run_cli("check", str(article), "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "substances.yaml:7:5: unknown caution 'kidney'" in err
    assert "Traceback" not in err


def test_builtin_knowledge_base_file_documents_its_schema() -> None:
    head = (ROOT / "rules" / "substances.yaml").read_text(encoding="utf-8")[:2500]
    for key in ("id:", "name:", "aliases:", "codes:", "class:", "cautions:", "source:"):
        assert key in head


def test_a_section_heading_decides_whose_unnamed_dose_it_is(lint) -> None:
    text = (
        "## 1. Bacopa\n\nUnlike caffeine, it works slowly. Take 300 mg daily.\n\n"
        "## 2. Rhodiola\n\nRhodiola is quicker.\n"
    )
    found = [f for f in lint(text) if f.rule_id == INTERACTION]
    assert [(f.line, f.column, f.excerpt, f.message.split(" is ")[0]) for f in found] == [
        (3, 40, "300 mg", "Bacopa"),  # rhodiola is never dosed
    ]


def test_each_substance_takes_the_dose_nearest_its_name(lint) -> None:
    text = "We like 200 mg of L-theanine with 100 mg of caffeine.\n"
    [finding] = [f for f in lint(text) if f.rule_id == DEPENDENCE]
    assert (finding.column, finding.excerpt) == (35, "100 mg")


def rules_for(findings, name):
    return sorted(f.rule_id for f in findings if f.message.startswith(name + " is "))


def test_a_caution_naming_one_substance_is_not_a_caution_for_another(lint) -> None:
    text = (
        "# Ginseng and caffeine\n\n## Ginseng\n\nGinseng is an adaptogen. Take 200 mg daily.\n\n"
        "## Caffeine\n\nCaffeine tolerance builds within a week, so take weekends off.\n"
    )
    findings = lint(text)
    assert CYCLING in rules_for(findings, "Panax ginseng")
    assert CYCLING not in rules_for(findings, "Caffeine")


def test_a_sentence_about_prescription_stimulants_is_no_caution_for_ginkgo(lint) -> None:
    text = (
        "## Ginkgo\n\nGinkgo is an old tree. Take 120 mg with lunch.\n\n"
        "Prescription stimulants like Adderall interact with MAOIs.\n"
    )
    assert INTERACTION in rules_for(lint(text), "Ginkgo")
    pronoun = text.replace("Prescription stimulants like Adderall", "MAOIs are risky with it;")
    assert INTERACTION not in rules_for(lint(pronoun), "Ginkgo")


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Kratom is non-habit forming, fans say.", DEPENDENCE),
        ("There is no risk of dependence at these doses.", DEPENDENCE),
        ("It has zero withdrawal in my experience.", DEPENDENCE),
        ("Kratom doesn't build tolerance the way coffee does.", CYCLING),
        ("Tolerance is not an issue with it.", CYCLING),
        ("It is withdrawal-free.", DEPENDENCE),
    ],
)
def test_a_denied_caution_is_no_caution(lint, sentence: str, rule: str) -> None:
    text = "# Kratom\n\nTake 2 g of kratom. " + sentence + "\n"
    if rule == CYCLING:
        text = text.replace("kratom", "phenibut").replace("Kratom", "Phenibut")
    assert rule in {f[0] for f in safety(lint(text))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Don't combine it with SSRIs.",
        "It is not safe with MAOIs.",
        "Never take it with blood thinners.",
        "No one should mix it with warfarin.",
    ],
)
def test_a_warning_phrased_with_a_negation_is_still_a_caution(lint, sentence: str) -> None:
    text = "Take 300 mg of St John's wort. " + sentence + "\n"
    assert INTERACTION not in {f[0] for f in safety(lint(text))}


def test_a_general_safety_section_covers_every_substance(lint) -> None:
    text = (
        "# Three herbs\n\n## Bacopa\n\nTake 300 mg of bacopa.\n\n"
        "## Ginkgo\n\nTake 120 mg of ginkgo.\n\n"
        "## Safety\n\nAll of these interact with some prescription drugs.\n"
    )
    assert [f for f in safety(lint(text)) if f[0] == INTERACTION] == []


def test_a_dose_in_a_table_row_belongs_to_the_substance_of_that_row(lint) -> None:
    text = (
        "## Ginkgo\n\nGinkgo is famous. It thins the blood: avoid it with warfarin.\n\n"
        "| Supplement | Dose |\n|---|---|\n| Rhodiola | 200 mg |\n"
    )
    [finding] = [f for f in lint(text) if f.rule_id == INTERACTION]
    assert (finding.line, finding.excerpt, finding.message.split(" is ")[0]) == (
        7,
        "200 mg",
        "Rhodiola",
    )


def test_an_unnamed_dose_follows_the_sentence_that_leads_with_a_name(lint) -> None:
    text = "## Caffeine\n\nCaffeine wakes you up.\n\nPhenibut is a GABA-B agonist. Take 500 mg.\n"
    found = {(f.rule_id, f.excerpt, f.message.split(" is ")[0]) for f in lint(text)}
    assert (RENAL, "500 mg", "Phenibut") in found


def test_a_caution_about_coffee_is_caffeines_not_the_herbs(lint) -> None:
    text = (
        "## Ginseng\n\nGinseng is an adaptogen. Take 200 mg in the morning.\n\n"
        "Coffee tolerance builds within a week, so people take weekends off.\n"
    )
    assert CYCLING in rules_for(lint(text), "Panax ginseng")
    plain = text.replace("Coffee tolerance", "Tolerance")
    assert CYCLING not in rules_for(lint(plain), "Panax ginseng")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("5HTP helps some people sleep. Take 100 mg.", "5-HTP"),
        ("St Johns wort is yellow. Take 300 mg.", "St John's wort"),
        ("acetyl l carnitine is popular. Take 500 mg.", "Acetyl-L-carnitine"),
        ("I take ashwaganda daily. Take 600 mg.", "Ashwagandha"),
    ],
)
def test_names_are_found_as_articles_spell_them(lint, text: str, name: str) -> None:
    assert INTERACTION in rules_for(lint(text + "\n"), name)


def test_spoons_fractions_and_table_cells_under_a_unit_header_are_doses(lint) -> None:
    text = "Take 1/2 tsp of kratom, then ½ teaspoon more.\n"
    assert [f.excerpt for f in lint(text) if f.rule_id == DEPENDENCE] == ["1/2 tsp"]
    table = "| Herb | Dose (mg) |\n|---|---|\n| Bacopa | 300 |\n| Price | 12 |\n"
    found = [(f.rule_id, f.line, f.excerpt) for f in lint(table) if f.family == "safety"]
    assert (INTERACTION, 3, "300") in found
    no_unit = table.replace("Dose (mg)", "Notes")
    assert [f for f in lint(no_unit) if f.family == "safety"] == []  # a name, no dose


def test_without_asking_a_doctor_after_a_negation_is_a_consult_line(lint) -> None:
    text = "Take 300 mg of bacopa. Do not combine it with sedatives without asking a doctor.\n"
    assert safety(lint(text)) == []
    alone = "Take 300 mg of bacopa. It works without asking a doctor.\n"
    assert INTERACTION in {f[0] for f in safety(lint(alone))}


def test_a_denial_the_writer_refutes_is_still_a_caution(lint) -> None:
    text = "Take 100 mg of caffeine. Some say it doesn't build tolerance, but that is not true.\n"
    assert CYCLING not in {f[0] for f in safety(lint(text))}


def test_find_doses_gives_exactly_the_matches_of_the_dose_regex() -> None:
    import random

    from lint.rules.match.dosing import DOSE

    rnd = random.Random(5)
    parts = (
        "1|2|300|1,600|0.5|1/2|½| |-| to |mg|g|tsp| capsules|one|two|1 or 2|half a| tablet|x|.|/|kg"
    )
    parts = parts.split("|")
    for _ in range(3000):
        text = "".join(rnd.choice(parts) for _ in range(rnd.randint(1, 9)))
        assert list(find_doses(text)) == [m.span() for m in DOSE.finditer(text)], text


def test_a_caution_belongs_to_the_substance_named_nearest_it(lint) -> None:
    text = (
        "## Ginseng\n\nTake 200 mg of ginseng in the morning. Unlike caffeine, where tolerance "
        "builds within a week, ginseng acts quietly.\n"
    )
    assert CYCLING in rules_for(lint(text), "Panax ginseng")
    both = "Take 200 mg of ginseng. Caffeine and ginseng both build tolerance.\n"
    assert CYCLING not in rules_for(lint(both), "Panax ginseng")


def test_a_pack_size_in_a_product_title_is_not_the_first_dose(lint) -> None:
    text = "# Kratom Powder - 250 g\n\nStart with 2 grams in juice.\n"
    [finding] = [f for f in lint(text) if f.rule_id == DEPENDENCE]
    assert (finding.line, finding.excerpt) == (3, "2 grams")
    title_only = "# Kratom Powder - 250 g\n\nIt is milled fine.\n"
    [finding] = [f for f in lint(title_only) if f.rule_id == DEPENDENCE]
    assert finding.excerpt == "250 g"


def test_a_pronoun_refers_to_the_substance_leading_the_paragraph(lint) -> None:
    text = (
        "Adrafinil review\n\nI took adrafinil 300 mg on work days. It is converted to modafinil "
        "in the liver. It can weaken hormonal birth control.\n"
    )
    assert INTERACTION not in rules_for(lint(text, "a.txt"), "Adrafinil")


def test_a_section_about_another_supplement_keeps_its_cautions(lint) -> None:
    text = (
        "# Circulation stack\n\nSpeak to your doctor first.\n\n"
        "## Ginkgo\n\nWe take 120 mg a day.\n\n"
        "## Fish oil\n\nWe take 1 g. It can thin the blood, so be careful with warfarin.\n"
    )
    assert INTERACTION in rules_for(lint(text), "Ginkgo")


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Use it for three weeks, followed by a one-week break.", CYCLING),
        ("Taken daily, it loses its effect.", CYCLING),
        ("If you're on any meds, ask a pharmacist.", INTERACTION),
    ],
)
def test_more_paraphrases_give_the_caution(lint, sentence: str, rule: str) -> None:
    text = "Take 200 mg of ginseng. " + sentence + " Talk to your doctor.\n"
    assert rule not in {f[0] for f in safety(lint(text))}


def test_a_question_is_no_caution(lint) -> None:
    text = "## Does it interact?\n\nTake 100 mg of modafinil. It has no known interactions.\n"
    assert INTERACTION in {f[0] for f in safety(lint(text))}
    slang = "Take 100 mg of modafinil. Don't take it with benzos.\n"
    assert INTERACTION not in {f[0] for f in safety(lint(slang))}


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("There is a myth that it stops working unless you take breaks.", CYCLING),
        ("The idea that tolerance builds is an old myth.", CYCLING),
        ("People ask about withdrawal all the time.", DEPENDENCE),
        ("Readers keep asking about dependence.", DEPENDENCE),
        ("There is, at these doses, nothing like a withdrawal.", DEPENDENCE),
        ("It has a low risk of dependence.", DEPENDENCE),
    ],
)
def test_a_caution_rejected_as_a_myth_or_only_asked_about_is_no_caution(
    lint, sentence: str, rule: str
) -> None:
    text = "Take 500 mg of phenibut. " + sentence + "\n"
    assert rule in {f[0] for f in safety(lint(text))}


@pytest.mark.parametrize(
    "sentence",
    [
        "It is a myth that phenibut is not habit-forming.",  # the denial is rejected
        "Ask your doctor about withdrawal before you start.",  # the reader is told to ask
    ],
)
def test_rejecting_a_denial_or_asking_a_doctor_is_still_a_caution(lint, sentence: str) -> None:
    text = "Take 500 mg of phenibut. " + sentence + "\n"
    assert DEPENDENCE not in {f[0] for f in safety(lint(text))}


def test_a_counted_dose_gives_way_to_the_amount_that_follows(lint) -> None:
    text = "# Caffeine\n\nOne tablet of caffeine lasts all morning.\n\nTake one tablet (200 mg).\n"
    found = {(f[0], f[1], f[2], f[3]) for f in safety(lint(text)) if f[0] == CYCLING}
    assert found == {(CYCLING, 5, 18, "200 mg")}


def test_a_substance_named_only_as_a_comparison_target_is_not_discussed(lint) -> None:
    text = (
        "Citicoline is a natural alternative to modafinil. Unlike modafinil, it is gentle.\n"
        "Take 250 mg of citicoline.\n"
    )
    assert safety(lint(text)) == []  # citicoline lists no scored caution
    twice = "Modafinil is popular. Many students take 100 mg of modafinil.\n"
    assert DEPENDENCE in {f[0] for f in safety(lint(twice))}


def test_a_subject_after_an_introductory_phrase_keeps_the_pronoun(lint) -> None:
    text = (
        "# Herbs\n\nRhodiola is taken at 200 mg.\n\nAshwagandha is taken at 300 mg.\n\n"
        "In one small trial, ashwagandha lowered cortisol. It interacts with thyroid drugs.\n"
    )
    found = {(f.rule_id, f.excerpt) for f in lint(text) if f.rule_id == INTERACTION}
    assert found == {(INTERACTION, "200 mg")}  # rhodiola's: the caution is ashwagandha's


def test_questions_about_a_risk_sent_to_a_pharmacist_are_a_caution(lint) -> None:
    text = (
        "Take 300 mg of St John's wort. If you have questions about interactions, ask a "
        "pharmacist.\n"
    )
    assert INTERACTION not in {f[0] for f in safety(lint(text))}


# failure kinds read off blind round 8 and the round 8/9 dev sets (issue 14)


def test_both_after_a_sentence_listing_two_substances_covers_both(lint) -> None:
    text = (
        "Rhodiola and ashwagandha are the two adaptogens in the blend. Both can interact with "
        "antidepressants.\n\nEach capsule holds 200 mg of rhodiola and 300 mg of ashwagandha.\n"
    )
    assert INTERACTION not in {f[0] for f in safety(lint(text))}
    alone = "Rhodiola is in the blend. It can interact with antidepressants.\n\n" + (
        "Each capsule holds 200 mg of rhodiola and 300 mg of ashwagandha.\n"
    )
    assert [f[3] for f in safety(lint(alone)) if f[0] == INTERACTION] == ["300 mg"]


def test_a_caution_in_another_clause_about_another_drug_is_not_the_substances(lint) -> None:
    text = (
        "I take 120 mg of ginkgo after lunch, while my brother's ADHD stimulants interact "
        "with half the pharmacy.\n"
    )
    assert [f[0] for f in safety(lint(text))] == [INTERACTION]
    own = "I take 120 mg of ginkgo after lunch, but it interacts with blood thinners.\n"
    assert safety(lint(own)) == []


def test_people_described_using_another_drug_is_no_caution(lint) -> None:
    text = (
        "# Ginkgo for students\n\nThe usual amount of ginkgo is 120 mg a day.\n\n"
        "## Study drugs\n\nMany students use prescription stimulants like Adderall.\n"
    )
    assert [f[0] for f in safety(lint(text))] == [INTERACTION]


def test_not_taking_it_with_food_is_no_interaction_caution(lint) -> None:
    text = "Take 5 mg of yohimbine fasted. Don't take it with food or late in the day.\n"
    assert [f[0] for f in safety(lint(text))] == [INTERACTION]
    drug = "Take 5 mg of yohimbine fasted. Don't take it with stimulants.\n"
    assert safety(lint(drug)) == []


def test_a_caution_quoted_in_a_question_or_rejected_by_the_next_sentence_is_none(lint) -> None:
    asked = '# Tianeptine\n\nUsers take 12.5 mg.\n\n## "It\'s addictive" - is it?\n\nWho knows.\n'
    assert DEPENDENCE in {f[0] for f in safety(lint(asked))}
    rejected = (
        "Users take 12.5 mg of tianeptine. You will read that tianeptine causes withdrawal. "
        "In our view that is a myth.\n"
    )
    assert DEPENDENCE in {f[0] for f in safety(lint(rejected))}
    kept = "Users take 12.5 mg of tianeptine. Tianeptine causes withdrawal. Be careful.\n"
    assert DEPENDENCE not in {f[0] for f in safety(lint(kept))}
    hold = "Users take 12.5 mg of tianeptine. The idea that it is habit-forming does not hold up.\n"
    assert DEPENDENCE in {f[0] for f in safety(lint(hold))}


def test_a_caution_naming_the_general_substance_covers_its_specific_form(lint) -> None:
    text = (
        "Three capsules give 2 g of Magtein. If you have kidney disease, magnesium can build "
        "up, so do not take Magtein without your doctor. Magnesium interacts with antibiotics.\n"
    )
    assert safety(lint(text)) == []


def test_a_drug_class_as_a_modifier_is_no_interaction_caution(lint) -> None:
    text = (
        "Kratom alkaloids bind opioid receptors. Users start with 3 g. Daily use leads to "
        "dependence, and withdrawal looks a lot like opioid withdrawal.\n"
    )
    assert [f[0] for f in safety(lint(text))] == [INTERACTION]
