"""Start-up shortcuts (spaCy without its CLI, lazily hashed lemma table): same findings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from lint import spacy_import

ARTICLE = """# Memory notes

This nootropic is clinically proven, a natural alternative to Adderall for students.
Some people say it works like Ritalin. It is not a substitute for Xanax.
Ashwagandha was tested in rats. The capsules are risk-free and guaranteed.
"""


def run(code: str, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SUPPLINT_NO_CACHE": "1", **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


LINT = (
    "import json, sys\n"
    "from lint.config import Config\n"
    "from lint.engine import Engine\n"
    "from lint.sources import Source\n"
    "text = open(sys.argv[1] if len(sys.argv) > 1 else {path!r}).read()\n"
    "[r] = Engine(Config()).lint_sources([Source('a.md', text, 'markdown')])\n"
    "mods = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'weasel', 'requests'))\n"
    "print(json.dumps({{'findings': [f.to_dict() for f in r.findings],\n"
    "    'lemmas': [t.lemma_ for t in Engine(Config()).checkers[0].nlp(text)],\n"
    "    'cli': 'spacy.cli' in sys.modules, 'mods': mods}}))\n"
)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spacy") / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_same_findings_and_lemmas_with_and_without_the_stand_in(article: Path) -> None:
    fast = json.loads(run(LINT.format(path=str(article))))
    plain = json.loads(
        run(
            LINT.format(path=str(article)),
            SUPPLINT_PLAIN_SPACY_IMPORT="1",
            SUPPLINT_EAGER_LEMMAS="1",
        )
    )
    assert fast["findings"] and fast["findings"] == plain["findings"]
    assert fast["lemmas"] == plain["lemmas"]
    assert plain["cli"] and plain["mods"]  # the plain import does pull in the CLI stack
    if spacy_import.stand_in_allowed(spacy_import.installed_spacy_version()):
        assert not fast["cli"] and fast["mods"] == []


def test_real_cli_still_imports_afterwards() -> None:
    out = run(
        "from lint.spacy_import import import_spacy\n"
        "spacy = import_spacy()\n"
        "import spacy.cli\n"
        "print(hasattr(spacy.cli, 'setup_cli'), callable(spacy.info))\n"
    )
    assert out.split() == ["True", "True"]


def test_untested_spacy_version_gets_the_plain_import() -> None:
    out = run(
        "import sys\n"
        "from lint import spacy_import\n"
        "spacy_import.installed_spacy_version = lambda: '9.0.0'\n"
        "spacy_import.import_spacy()\n"
        "print('spacy.cli' in sys.modules)\n"
    )
    assert out.strip() == "True"


def test_version_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(spacy_import.DISABLE_ENV, raising=False)
    assert spacy_import.stand_in_allowed("3.8.18")
    assert not spacy_import.stand_in_allowed("4.0.0")
    assert not spacy_import.stand_in_allowed(None)
    monkeypatch.setenv(spacy_import.DISABLE_ENV, "1")
    assert not spacy_import.stand_in_allowed("3.8.18")


def test_word_table_answers_like_spacys_table() -> None:
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    from lint.lemmas import word_table

    words = {"treats": "treat", "mice": "mouse", "was": "be", "Studies": "study"}
    lazy, full = word_table(dict(words)), Table.from_dict(dict(words), name="lemma_lookup")
    for key in ["treats", "mice", "Studies", "studies", "unknown", ""]:
        assert lazy.get(key, key) == full.get(key, key)
        assert (key in lazy) == (key in full)
    assert not lazy.filled  # string look-ups never hashed the table
    for key in ["mice", "nothing"]:
        assert lazy.get(get_string_id(key)) == full.get(get_string_id(key))
    assert lazy.filled and len(lazy) == len(full) and sorted(lazy) == sorted(full)


def test_article_tokenizer_matches_blank_english_with_footnote_suffixes() -> None:
    import spacy
    from spacy.util import compile_suffix_regex

    from lint.nlp import FOOTNOTE_SUFFIXES, get_nlp

    reference = spacy.blank("en")
    suffixes = list(reference.Defaults.suffixes or []) + list(FOOTNOTE_SUFFIXES)
    reference.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]
    text = (
        "Creatine helps effects3 in rats.1 It was 1996.2 and U.S. users don't (Lee et al., 2019). "
        "“Take 5 g/day,” she said; L-theanine's e.g. 200mg isn't 5-HTP!"
    )
    ours = [(t.text, t.idx) for t in get_nlp().make_doc(text)]
    assert ours == [(t.text, t.idx) for t in reference.make_doc(text)]
    assert ("3", text.index("3 in rats")) in ours  # the footnote suffix split the number off
