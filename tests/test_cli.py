"""The command line: exit codes, bad input, config discovery, suppression, stdin, JSON schema."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

CLAIM = "Many students call this blend a natural treatment for ADHD.\n"
CLEAN = "Lion's mane is a mushroom sold as a powder.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("supplint ")


def test_exit_0_when_clean(tmp_path: Path) -> None:
    result = run_cli("check", str(write(tmp_path, "a.md", CLEAN)))
    assert result.returncode == 0, result.stdout
    assert b"All checks passed (1 file)." in result.stdout


def test_exit_1_with_findings_and_ruff_like_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLAIM)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert f"{path}:1:41: fda.disease-claim [error] " in out
    assert f"{path}:1:41: fda.missing-disclaimer [warning] " in out
    assert "Found 2 findings (1 error, 1 warning, 0 infos) in 1 file." in out


def test_fail_on_raises_the_threshold(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "Fans say this tea is clinically proven.\n")
    assert run_cli("check", "--fail-on", "warning", str(path)).returncode == 0
    assert run_cli("check", str(path)).returncode == 1
    claim = write(tmp_path, "b.md", CLAIM)
    assert run_cli("check", "--fail-on", "error", str(claim)).returncode == 1


def test_select_and_ignore(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLAIM)
    assert run_cli("check", "--ignore", "fda", str(path)).returncode == 0
    assert run_cli("check", "--select", "evidence.overclaim", str(path)).returncode == 0
    assert run_cli("check", "--select", "fda.disease-claim", str(path)).returncode == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.md", b"caf\xe9 au lait\n", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("bin.txt", b"\x7fELF\x00\x01\x02", "binary file"),
        ("u16.txt", "hello".encode("utf-16"), "UTF-16"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = write(tmp_path, name, content)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_cli("check", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.count("\n") == 1 and str(path) in err and message in err
    assert "Traceback" not in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert b"nope.md: no such file or directory" in result.stderr
    (tmp_path / "empty").mkdir()
    result = run_cli("check", str(tmp_path / "empty"))
    assert result.returncode == 2
    assert b"no articles found" in result.stderr


def test_empty_file_is_a_clean_pass(tmp_path: Path) -> None:
    result = run_cli("check", str(write(tmp_path, "empty.md", "")))
    assert result.returncode == 0


def test_good_files_still_reported_beside_a_bad_one(tmp_path: Path) -> None:
    write(tmp_path, "a.md", CLAIM)
    write(tmp_path, "b.txt", b"\xff\xfe\x00")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2
    assert b"fda.disease-claim" in result.stdout
    assert b"b.txt" in result.stderr


def test_directory_walk_includes_and_excludes(tmp_path: Path) -> None:
    write(tmp_path, "posts/a.md", CLAIM)
    write(tmp_path, "posts/b.html", f"<p>{CLAIM}</p>")
    write(tmp_path, "posts/c.py", CLAIM)
    write(tmp_path, "node_modules/d.md", CLAIM)
    write(tmp_path, ".supplint.yaml", "exclude: ['drafts']\n")
    write(tmp_path, "drafts/e.md", CLAIM)
    result = run_cli("check", "--format", "json", str(tmp_path))
    paths = sorted({Path(f["path"]).name for f in json.loads(result.stdout)["findings"]})
    assert paths == ["a.md", "b.html"]


def test_stdin_with_filename_picks_the_format() -> None:
    html = b"<p>A natural <b>treatment</b> for ADHD.</p>"
    result = run_cli(
        "check",
        "-",
        "--stdin-filename",
        "draft.html",
        "--format",
        "json",
        "--select",
        "fda.disease-claim",
        stdin=html,
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["path"] == "draft.html"
    assert finding["excerpt"] == "treatment</b> for ADHD"


def test_json_output_validates_against_its_schema(tmp_path: Path) -> None:
    import jsonschema

    write(tmp_path, "a.md", CLAIM + "\nIt is clinically proven.\n")
    write(tmp_path, "b.txt", b"\xff")
    result = run_cli("check", "--format", "json", str(tmp_path))
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "lint" / "report" / "schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data["summary"]["unreadable"] == 1
    assert {f["rule_id"] for f in data["findings"]} == {
        "fda.disease-claim",
        "fda.missing-disclaimer",
        "evidence.overclaim",
    }


def test_config_found_walking_up_and_unknown_key_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "site/.supplint.yaml", "ignore: [fda]\n")
    path = write(tmp_path, "site/posts/deep/a.md", CLAIM)
    assert run_cli("check", str(path)).returncode == 0
    write(tmp_path, "site/.supplint.yaml", "ignore: [fda]\nfail-onn: warning\n")
    result = run_cli("check", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert ".supplint.yaml:2: unknown config key 'fail-onn', did you mean 'fail_on'?" in err


def test_pyproject_config(tmp_path: Path) -> None:
    write(
        tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.supplint]\nignore = ["fda"]\n'
    )
    path = write(tmp_path, "a.md", CLAIM)
    assert run_cli("check", str(path)).returncode == 0
    write(tmp_path, "pyproject.toml", "[tool.supplint]\nselect = ['fda']\ncolour = 1\n")
    result = run_cli("check", str(path))
    assert result.returncode == 2
    assert b"pyproject.toml:3: unknown config key 'colour'" in result.stderr


def test_severity_override_from_config(tmp_path: Path) -> None:
    write(tmp_path, ".supplint.yaml", "severity:\n  fda.disease-claim: error\n")
    path = write(tmp_path, "a.md", CLAIM)
    result = run_cli("check", "--format", "json", str(path))
    assert json.loads(result.stdout)["findings"][0]["severity"] == "error"


def test_inline_suppressions(tmp_path: Path) -> None:
    text = (
        "<!-- supplint: disable-next-line=fda.disease-claim -->\n"
        "It is a treatment for ADHD.\n"
        "It is a treatment for insomnia.\n"
        "<!-- supplint: disable=fda -->\n"
        "It is a treatment for eczema.\n"
        "<!-- supplint: enable=fda -->\n"
        "It is a treatment for gout.\n"
    )
    path = write(tmp_path, "a.md", text)
    result = run_cli("check", "--format", "json", "--select", "fda.disease-claim", str(path))
    lines = [f["line"] for f in json.loads(result.stdout)["findings"]]
    assert lines == [3, 7]


def test_front_matter_disables_rules_for_the_file(tmp_path: Path) -> None:
    text = "---\nsupplint:\n  disable: [fda]\n---\n" + CLAIM
    assert run_cli("check", str(write(tmp_path, "a.md", text))).returncode == 0


def test_unknown_rule_in_suppression_is_reported(tmp_path: Path) -> None:
    text = "<!-- supplint: disable-next-line=fda.no-such-rule -->\n" + CLEAN
    result = run_cli("check", "--format", "json", str(write(tmp_path, "a.md", text)))
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["rule_id"] == "suppression.unknown-rule"
    assert (finding["line"], finding["column"]) == (1, 1)
    assert "fda.no-such-rule" in finding["message"]


def test_rules_and_explain() -> None:
    listing = run_cli("rules").stdout.decode()
    assert "fda.disease-claim" in listing and "evidence.overclaim" in listing
    explained = run_cli("explain", "fda.disease-claim")
    assert explained.returncode == 0
    assert b"21 CFR 101.93" in explained.stdout
    unknown = run_cli("explain", "fda.drug-comparisn")  # one letter off
    assert unknown.returncode == 2
    assert b"did you mean 'fda.drug-comparison'?" in unknown.stderr


def test_usage_error_exit_2() -> None:
    assert run_cli("check", "--format", "nope").returncode == 2
    assert run_cli().returncode == 2


def test_examples_folder_has_findings() -> None:
    result = run_cli("check", "examples/")
    assert result.returncode == 1
    assert b"examples/lions-mane-review.md:" in result.stdout
