"""Jinja2 environments for the report templates, and template errors as one clear line.

Built-in templates live in templates/ (lint/resources.py finds them in any install). With
`--template-dir`, the user's folder is searched first and the built-in one fills the gaps; the
whole environment is then an ImmutableSandboxedEnvironment, since those templates are not ours.
HTML and SVG templates are autoescaped; Markdown ones use the md_* filters below instead.
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lint.errors import SupplintError
from lint.printable import printable
from lint.resources import builtin_templates_dir

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")  # enough inside a paragraph or table cell
_BACKTICKS = re.compile(r"`+")


class TemplateError(SupplintError):
    """A report template that does not parse or fails while rendering."""

    def __init__(self, path: str, message: str, line: int | None = None):
        super().__init__(path, " ".join(message.split()), line)  # one line, always


def md_text(value: Any) -> str:
    """Inline Markdown text that renders literally, even inside a table cell."""
    text = printable(" ".join(str(value).split()))
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_code(value: Any) -> str:
    """A code span for a table cell: fence longer than any backtick run, pipes escaped."""
    text = printable(" ".join(str(value).split())) or " "
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def environment(template_dir: Path | None = None) -> jinja2.Environment:
    search = [str(builtin_templates_dir())]
    if template_dir is not None:
        if not template_dir.is_dir():
            raise TemplateError(str(template_dir), "template folder does not exist")
        search.insert(0, str(template_dir))
    options: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(search),
        "autoescape": jinja2.select_autoescape(("html", "htm", "xml", "svg"), default=False),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }
    env = (
        ImmutableSandboxedEnvironment(**options)
        if template_dir is not None
        else jinja2.Environment(**options)
    )
    env.filters["md_text"] = md_text
    env.filters["md_code"] = md_code
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateError(
            err.filename or err.name or name, err.message or "", err.lineno
        ) from None
    except jinja2.TemplateNotFound as err:
        raise TemplateError(str(err.name or name), "template not found") from None
    except Exception as err:  # user templates can fail in any way: name the template line
        where = _template_frame(err, env)
        if where is None:
            raise
        message = f"{type(err).__name__}: {err}"
        raise TemplateError(where[0], message, where[1]) from None


def _template_frame(err: BaseException, env: jinja2.Environment) -> tuple[str, int] | None:
    """The innermost traceback frame that is a template (Jinja maps it to the template line)."""
    loader = env.loader
    roots = [os.path.abspath(p) for p in getattr(loader, "searchpath", [])]
    found = None
    for frame in traceback.extract_tb(err.__traceback__):
        path = os.path.abspath(frame.filename)
        if any(path.startswith(root + os.sep) for root in roots) and frame.lineno:
            found = (frame.filename, frame.lineno)
    return found
