"""Front matter at the top of a Markdown file: read safely, masked out of prose.

Three formats, as Hugo reads them: YAML between `---` lines, TOML between `+++` lines, and a
JSON object starting on the first line. Each is parsed by its own standard reader (ruamel.yaml
for YAML, so errors carry lines and alias bombs are refused; tomllib; json): python-frontmatter
would add PyYAML and the unmaintained `toml` package, loses those YAML checks and returns the
body stripped, without the offset where it starts, which every position after it needs.
"""

from __future__ import annotations

import re
from typing import Any

from lint.errors import InputError
from lint.yaml_nodes import MAX_ALIAS_VALUES, alias_bomb_line

# fences are whole lines, whatever the line break (LF, CRLF or a bare CR, as lint/positions.py)
_LINE_START, _LINE_END = r"(?:^|(?<=\r))", r"[ \t]*(?=[\r\n]|\Z)"
_YAML_OPEN = re.compile(r"\A---[ \t]*(?:\r\n|\r|\n)")
_YAML_CLOSE = re.compile(_LINE_START + r"(?:---|\.\.\.)" + _LINE_END, re.MULTILINE)
_TOML_OPEN = re.compile(r"\A\+\+\+[ \t]*(?:\r\n|\r|\n)")
_TOML_CLOSE = re.compile(_LINE_START + r"\+\+\+" + _LINE_END, re.MULTILINE)
# a JSON object opens with a key or closes at once: `{{< shortcode >}}` and `{% liquid %}`
# lines at the top of an article are prose, not front matter
_JSON_OPEN = re.compile(r"\A\{\s*[\"}]")
_REST_OF_LINE = re.compile(r"[ \t]*(?:\r\n|\r|\n|\Z)")
_TOML_WHERE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")
MAX_FRONT_MATTER = 64 * 1024  # larger front matter is not a real article header


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], int]:
    """Return (front matter mapping, source offset where the body starts)."""
    if _YAML_OPEN.match(text):
        return _fenced(path, text, _YAML_OPEN, _YAML_CLOSE, _load_yaml)
    if _TOML_OPEN.match(text):
        return _fenced(path, text, _TOML_OPEN, _TOML_CLOSE, _load_toml)
    if _JSON_OPEN.match(text):
        return _load_json(path, text)
    return {}, 0


def _fenced(path: str, text: str, opener: Any, closer: Any, load: Any) -> tuple[dict, int]:
    opening = opener.match(text)
    closing = closer.search(text, opening.end())
    if not closing:  # no closing fence: not front matter (Hugo and Jekyll read it as text)
        return {}, 0
    raw = text[opening.end() : closing.start()]
    _check_size(path, raw)
    return load(path, raw), closing.end()


def _check_size(path: str, raw: str) -> None:
    if len(raw) > MAX_FRONT_MATTER:
        raise InputError(path, f"front matter is larger than {MAX_FRONT_MATTER} bytes", 1)


def _load_yaml(path: str, raw: str) -> dict[str, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="safe", pure=True)
    try:
        bomb = alias_bomb_line(yaml.compose(raw))
        if bomb is not None:  # line 1 is the opening ---
            message = f"front matter: YAML aliases expand to more than {MAX_ALIAS_VALUES} values"
            raise InputError(path, message, bomb + 2)
        data = yaml.load(raw)
    except MarkedYAMLError as err:
        line = err.problem_mark.line + 2 if err.problem_mark else 1
        raise InputError(path, f"front matter is not valid YAML: {err.problem}", line) from None
    except (YAMLError, RecursionError, ValueError) as err:
        raise InputError(path, f"front matter is not valid YAML: {err}", 1) from None
    return data if isinstance(data, dict) else {}


def _load_toml(path: str, raw: str) -> dict[str, Any]:
    from lint.toml_compat import toml_reader

    tomllib = toml_reader()
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")  # TOML knows no bare CR; lines stay
    try:
        return dict(tomllib.loads(raw))
    except tomllib.TOMLDecodeError as err:
        found = _TOML_WHERE.search(str(err))
        message = _TOML_WHERE.sub("", str(err))
        # line 1 is the opening +++; "at end of document" is the last line before the fence
        last = raw.count("\n") + 1 if raw.endswith("\n") else raw.count("\n") + 2
        line = int(found[1]) + 1 if found and found[1] else last
        raise InputError(path, f"front matter is not valid TOML: {message}", line) from None


def _load_json(path: str, text: str) -> tuple[dict[str, Any], int]:
    import json

    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as err:
        raise InputError(path, f"front matter is not valid JSON: {err.msg}", err.lineno) from None
    except RecursionError:
        raise InputError(path, "front matter is not valid JSON: nested too deeply", 1) from None
    _check_size(path, text[:end])
    rest = _REST_OF_LINE.match(text, end)
    if rest is None:
        line = text.count("\n", 0, end) + 1
        raise InputError(path, "front matter: text after the closing } of the JSON", line)
    return data, rest.end()
