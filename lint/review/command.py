"""`supplint review PATH...` (serve the workspace) and `supplint review export` (decisions out)."""

from __future__ import annotations

import getpass
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import UsageError

if TYPE_CHECKING:
    from lint.config import Config

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class ReviewOptions:
    """What `supplint review` was asked (lint.commands builds it from the command line)."""

    paths: tuple[str, ...] = (".",)
    db: str | None = None  # a SQLite file, or a postgresql:// URL as typed
    host: str = "127.0.0.1"
    port: int = 0
    no_open: bool = False
    jobs: int | None = None
    user: str | None = None
    baseline: Path | None = None  # export only
    csv: Path | None = None  # export only
    config: Path | None = None


def database(options: ReviewOptions, config: Config) -> tuple[str | Path, Path]:
    """The database (a Path, or a URL as typed) and the project folder."""
    from lint.review.database import is_url
    from lint.review.keys import project_folder
    from lint.review.workspace import default_db

    project = project_folder(config.path, options.paths[0])
    if options.db is None:
        return default_db(config.path, options.paths[0]), project
    return (options.db if is_url(options.db) else Path(options.db)), project


def export(options: ReviewOptions, config: Config) -> int:
    from lint.review.export import write_baseline, write_csv
    from lint.review.store import open_existing

    if not (options.baseline or options.csv):
        raise UsageError("review export needs --baseline FILE and/or --csv FILE")
    db, project = database(options, config)
    store = open_existing(db, project)
    for target in (options.baseline, options.csv):
        if target is not None and store.path and target.resolve() == store.path.resolve():
            raise UsageError(f"{target}: would overwrite the review database")
    if options.baseline:
        count = write_baseline(store, options.baseline)
        print(
            f"supplint: wrote {count} dismissed finding(s) to baseline {options.baseline}",
            file=sys.stderr,
        )
    if options.csv:
        count = write_csv(store, options.csv)
        print(f"supplint: wrote {count} decision(s) to {options.csv}", file=sys.stderr)
    return 0


def engines_by_file(files: list[str], config: Config, options: ReviewOptions) -> dict[str, Any]:
    """Each file's engine from its nearest config (hierarchical config, as `check`), one engine
    a config; files under the run's own config are left to the workspace's engine."""
    from lint.config_tree import groups
    from lint.engine import Engine

    engine_of: dict[str, Any] = {}
    for part_config, indexes in groups(files, config, options.config):
        if part_config is not config:
            engine = Engine(part_config)
            engine_of.update((files[n], engine) for n in indexes)
    return engine_of


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {err.strerror}") from None
    sock.listen(128)
    return sock


def serve(options: ReviewOptions, config: Config) -> int:
    try:
        import uvicorn

        from lint.review.app import create_app
    except ImportError:
        raise UsageError(
            "supplint review needs the review extra: pip install 'supplint[review]'"
        ) from None
    from lint.engine import Engine
    from lint.relpaths import config_base
    from lint.review.security import LOOPBACK_NAMES, new_token
    from lint.review.store import Store
    from lint.review.workspace import Workspace
    from lint.sources import DEFAULT_INCLUDE, collect

    db, project = database(options, config)
    include = config.include or DEFAULT_INCLUDE
    base = config_base(config.path)  # exclude globs start at the config's folder, as in check
    files, missing = collect(
        options.paths, include, config.exclude, config.respect_gitignore, base=base
    )
    if not files:
        raise UsageError("no articles to review in " + " ".join(options.paths))
    for error in missing:
        print(f"supplint: error: {error.render()}", file=sys.stderr)
    store = Store(db, project)
    engine = Engine(config)
    errors = [e.render() for e in missing]
    workspace = Workspace(engine, files, store, errors, engines_by_file(files, config, options))
    workspace.lint(jobs=options.jobs)  # the first run may use every core; re-runs stay in-process
    sock = bind(options.host, options.port)
    port = sock.getsockname()[1]
    token = new_token()
    shown = f"[{options.host}]" if ":" in options.host else options.host
    url = f"http://{shown}:{port}/?token={token}"
    # on loopback, only loopback names; elsewhere the names a network uses are not known here
    hosts = LOOPBACK_NAMES if options.host in LOOPBACK else None
    user = options.user or getpass.getuser()
    app = create_app(workspace, token, user, f"supplint_review_{port}", hosts)
    if options.host not in LOOPBACK:
        print(
            f"supplint: warning: listening on {options.host}: anyone with the URL can review "
            "(plain HTTP)",
            file=sys.stderr,
        )
    print(f"supplint review: {len(files)} article(s), decisions in {store.label}", flush=True)
    print(f"supplint review: open {url}", flush=True)
    if not options.no_open:
        import webbrowser

        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    server.run(sockets=[sock])
    return 0
