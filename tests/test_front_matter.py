"""Front matter in the three formats Hugo and Jekyll use (YAML ---, TOML +++, JSON {...}) is
metadata: never linted as prose, its keys read the same way, and the prose after it keeps
its exact line and column."""

from __future__ import annotations

import pytest
from conftest import lint_text, run_cli
from test_positions import DRUG, assert_exact, only

from lint.config import Config
from lint.engine import Engine

BODY = "Intro line.\n\nSome sellers call it an alternative to Ritalin.\n"
HEADERS = {
    "yaml": '---\ntitle: "An alternative to Adderall"\ntags: [focus]\n---\n',
    "toml": '+++\ntitle = "An alternative to Adderall"\ntags = ["focus"]\n+++\n',
    "json": '{\n  "title": "An alternative to Adderall",\n  "tags": ["focus"]\n}\n',
}


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_front_matter_is_not_prose_and_body_positions_are_exact(lint, kind: str) -> None:
    text = HEADERS[kind] + BODY
    (finding,) = only(lint(text, "a.md"), DRUG)  # the title's "alternative to" is not linted
    assert finding.excerpt == "alternative to Ritalin"
    assert (finding.line, finding.column) == (HEADERS[kind].count("\n") + 3, 25)
    assert_exact(text, finding)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_front_matter_with_crlf_or_cr_keeps_positions(lint, kind: str, newline: str) -> None:
    # YAML front matter with CRLF was linted as prose: its closing --- was never found
    text = (HEADERS[kind] + BODY).replace("\n", newline)
    (finding,) = only(lint(text, "a.md"), DRUG)
    assert finding.line == HEADERS[kind].count("\n") + 3
    assert_exact(text, finding)


SHOP = (
    "[Order the 60-count bottle](https://www.brand.example/products/bacopa-60).\n\n"
    "Or [find it on Amazon](https://amzn.to/3abc).\n"
)
DOMAINS = {
    "yaml": "---\nsite_domains: [brand.example]\n---\n",
    "toml": '+++\nsite_domains = ["brand.example"]\n+++\n',
    "json": '{\n  "site_domains": ["brand.example"]\n}\n',
}


@pytest.mark.parametrize("kind", sorted(DOMAINS))
def test_site_domains_works_in_every_front_matter_format(kind: str) -> None:
    engine = Engine(Config(), select=["ftc"])
    excerpts = {f.excerpt for f in lint_text(engine, DOMAINS[kind] + SHOP, "a.md")}
    assert not any("brand.example" in e for e in excerpts)
    assert any("amzn.to" in e for e in excerpts)


def test_supplint_table_in_toml_front_matter_disables_rules(lint) -> None:
    text = '+++\ntitle = "x"\n[supplint]\ndisable = ["fda"]\n+++\n' + BODY
    assert only(lint(text, "a.md"), DRUG) == []


def test_toml_dates_and_json_nesting_are_fine(lint) -> None:
    toml = "+++\ndate = 2024-01-05T10:00:00Z\n[params]\nauthor = 'A'\n+++\n" + BODY
    json_ = '{"title": "x", "params": {"a": [1, {"b": null}]}}\n' + BODY
    assert len(only(lint(toml, "a.md"), DRUG)) == 1
    assert len(only(lint(json_, "a.md"), DRUG)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "{{< figure src=x.png >}}\n\nAn alternative to Ritalin, some say.\n",  # Hugo shortcode
        "{% include ad.html %}\n\nAn alternative to Ritalin, some say.\n",  # Jekyll Liquid
        "+++ is not a fence here\n\nAn alternative to Ritalin, some say.\n",
    ],
)
def test_braces_or_pluses_that_are_not_front_matter_stay_prose(lint, text: str) -> None:
    assert len(only(lint(text, "a.md"), DRUG)) == 1


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ('+++\ntitle = "x"\ntags = [\n+++\n', "a.md:3: front matter is not valid TOML"),
        ('{\n  "title": "x",\n  "tags": [,]\n}\n', "a.md:3: front matter is not valid JSON"),
        ('{\n  "title": "x"\n', "a.md:3: front matter is not valid JSON"),  # unclosed
    ],
)
def test_broken_front_matter_is_an_input_error_with_its_line(
    tmp_path, header: str, message: str
) -> None:
    (tmp_path / "a.md").write_text(header + BODY, encoding="utf-8")
    result = run_cli("check", "a.md", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode(), result.stderr
    assert b"Traceback" not in result.stderr


def test_toml_front_matter_must_be_a_table_of_keys_not_an_array(lint) -> None:
    # a closing fence is required: an unclosed +++ is prose, as in Hugo's own reading
    text = '+++\ntitle = "An alternative to Adderall"\n\n' + BODY
    assert len(only(lint(text, "a.md"), DRUG)) == 2
