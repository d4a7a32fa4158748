"""fda.disease-claim's learned second reader (lint/rules/match/claim_model.py): the shapes of
claim no cue lists are found with exact spans, plain mentions stay clean, a bad model file or
threshold is one config error, and the committed weights are what the trainer builds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from lint.errors import ConfigError
from lint.rules.match.claim_model import BEFORE, FORMAT, SIDE, features, load_model

DISEASE = "fda.disease-claim"


def found(lint, text: str) -> list[tuple[str, int, int]]:
    return [(f.excerpt, f.line, f.column) for f in lint(text + "\n") if f.rule_id == DISEASE]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        # ("Goodbye psoriasis" was the model's until "goodbye" became a cue, round 18)
        # ("Eczema flare-ups are a thing of the past ..." left the model with round 19's
        # retraining, which the listed finders' new examples reweighted)
        ("If you want to beat eczema, take two capsules every morning.", "eczema"),
    ],
)
def test_claims_no_cue_lists_are_found(lint, text, excerpt) -> None:
    assert found(lint, text) == [(excerpt, 1, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Migraines run in my family, so I read labels closely.",
        "Ask your doctor before taking these gummies if you have psoriasis.",
        "Psoriasis is a long-term condition of the skin and the immune system.",
        "The capsules were tested in adults who did not have diabetes.",
        "Chamomile tea may ease occasional anxiety before bed.",  # a mild condition, eased
        "Talk to your doctor if your anxiety gets worse.",
    ],
)
def test_plain_mentions_stay_clean(lint, text) -> None:
    assert found(lint, text) == []


def test_features_are_bounded_whatever_the_sentence_length() -> None:
    words = [f"w{i}" for i in range(20_000)]
    short = features(words, 100, 140, 120, 121, product=True)
    long = features(words, 100, 19_000, 9_000, 9_001, product=False)
    mild = features(words, 100, 19_000, 9_000, 9_002, product=True, mild=True)
    # unigrams, bigrams, 8 positions, 12 near words, product, identity, mild, words before
    bound = (2 * SIDE + 1) * 2 + 8 + 12 + 3 + BEFORE
    assert max(len(short), len(long), len(mild)) <= bound
    assert "u:<c>" in long and "noprod" in long and "p:w99" in long and "c:w9000" in long
    assert "mild" in mild and "c:w9000 w9001" in mild and "mild" not in long


def write(path: Path, body: object) -> Path:
    path.write_text(body if isinstance(body, str) else json.dumps(body), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read claim model"),
        ({"format": "other/1"}, f"not a claim model of format {FORMAT}"),
        ({"format": FORMAT, "bias": 0, "buckets": 8, "keys": [1, 2], "weights": [0.5]}, "differ"),
        ({"format": FORMAT, "bias": 0, "keys": [], "weights": []}, "buckets"),
        ([1, 2], "not a claim model"),
    ],
)
def test_a_bad_model_file_is_a_config_error(tmp_path: Path, content, message) -> None:
    path = write(tmp_path / "m.json", content)
    with pytest.raises(ConfigError) as error:
        load_model(path, "rules/x.yaml", 4, 1)
    text = str(error.value)
    assert text.startswith("rules/x.yaml:4:1: ") and message in text and "m.json" in text
    assert "\n" not in text


HOUSE = (
    "id: house.claims\nkind: disease\nseverity: error\nmessage: 'claim: {{match}}'\n"
    "conditions: [gout]\ncues: [cure]\nproducts: [tea]\n{extra}"
    "examples: {{flag: ['It cures gout.'], pass: ['It is tea.']}}\n"
)


def house(folder: Path, extra: str) -> Path:
    (folder / "house").mkdir()
    write(folder / "house" / "claims.yaml", HOUSE.format(extra=extra))
    write(folder / ".supplint.yaml", "rule_dirs: [house]\n")
    write(folder / "a.md", "This tea cures gout.\n")
    return folder


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("model_file: none.json\n", "cannot read claim model"),
        ("model_file: m.json\nmodel_threshold: 1.5\n", "'model_threshold' must be from 0 to 1"),
    ],
)
def test_a_bad_model_option_is_one_line_exit_2(tmp_path: Path, extra, message) -> None:
    folder = house(tmp_path, extra)
    write(folder / "house" / "m.json", {"format": FORMAT, "bias": 0, "buckets": 8})
    result = run_cli("check", "a.md", cwd=folder)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert message in err and "claims.yaml" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert (folder / "a.md").read_text(encoding="utf-8") == "This tea cures gout.\n"


def test_a_house_model_claims_what_it_learned(tmp_path: Path) -> None:
    from lint.rules.match.claim_model import bucket

    folder = house(tmp_path, "model_file: m.json\nmodel_threshold: 0.5\n")
    key = bucket("L1:beat", 1 << 10)
    model = {"format": FORMAT, "bias": -2.0, "buckets": 1 << 10, "keys": [key], "weights": [4.0]}
    write(folder / "house" / "m.json", model)
    write(folder / "a.md", "I beat gout for good last year. Gout is painful.\n")
    result = run_cli("check", "--select", "house", "--format", "json", "a.md", cwd=folder)
    spans = [(f["excerpt"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert spans == [("gout", 1, 8)]


def test_committed_model_is_what_the_trainer_builds() -> None:
    pytest.importorskip("sklearn")  # dev extra: the build-time dependency
    script = ROOT / "tests" / "eval" / "train_claims.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 decisions differ" in done.stdout
