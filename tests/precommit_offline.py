"""Run the real pre-commit with one step made offline: the hook's environment install.

pre-commit installs a `language: python` hook with `pip install .` in a new virtualenv, which
needs an index for the build backend and every dependency (google-re2 is not in a plain wheel
cache), so the suite could not run without the network. Here the virtualenv is created as
pre-commit creates it, and instead of pip it gets a .pth file naming the hook repository's
clone (the code under test) and this interpreter's site-packages (the dependencies), plus the
console scripts of [project.scripts]. Everything else is pre-commit's own: the try-repo clone
of the working tree, the hook manifest (entry, types_or, require_serial), which staged files
each hook is given, and how its output and exit code are shown.

Usage: python tests/precommit_offline.py PRE-COMMIT-ARGS...   (as `python -m pre_commit`)
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from collections.abc import Sequence

SCRIPT = """#!{python}
import sys
from {module} import {function}
sys.exit({function}())
"""


def install_environment(
    prefix: object, version: str, additional_dependencies: Sequence[str]
) -> None:
    from pre_commit import lang_base
    from pre_commit.languages import python

    if additional_dependencies:
        raise SystemExit("precommit_offline: additional_dependencies need pip and an index")
    envdir = lang_base.environment_dir(prefix, python.ENVIRONMENT_DIR, version)
    subprocess.run(
        [sys.executable, "-m", "virtualenv", "--no-seed", "--no-periodic-update", envdir],
        check=True,
        capture_output=True,
        cwd="/",
    )
    repo = prefix.prefix_dir  # type: ignore[attr-defined]
    python_exe = os.path.join(envdir, "bin", "python")
    site = subprocess.run(
        [python_exe, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    with open(os.path.join(site, "hook_under_test.pth"), "w", encoding="utf-8") as pth:
        pth.write(f"{repo}\n{sysconfig.get_paths()['purelib']}\n")
    for name, target in _scripts(repo).items():
        module, function = target.split(":")
        path = os.path.join(envdir, "bin", name)
        with open(path, "w", encoding="utf-8") as script:
            script.write(SCRIPT.format(python=python_exe, module=module, function=function))
        os.chmod(path, 0o755)


def _scripts(repo: str) -> dict[str, str]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    with open(os.path.join(repo, "pyproject.toml"), "rb") as handle:
        return dict(tomllib.load(handle)["project"]["scripts"])


def main(argv: Sequence[str]) -> int:
    from pre_commit.languages import python
    from pre_commit.main import main as pre_commit

    python.install_environment = install_environment
    return pre_commit(list(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
