"""`supplint review PATH...` (serve the workspace) and `supplint review export` (decisions out)."""

from __future__ import annotations

import getpass
import socket
import sys
from pathlib import Path
from typing import Any

from lint.errors import UsageError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_parser(commands: Any, common: Any) -> None:
    review = commands.add_parser(
        "review",
        help="triage findings in the browser; decisions persist between runs",
        description="Serve a local review workspace for PATH... (127.0.0.1, a random token in "
        "the printed URL), or `supplint review export --baseline FILE --csv FILE [PATH]`.",
    )
    review.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    review.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="FILE",
        help="review database (default: .supplint/review.db by the config)",
    )
    review.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1; the token is still required)",
    )
    review.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    review.add_argument("--no-open", action="store_true", help="do not open a browser")
    review.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for the first run",
    )
    review.add_argument(
        "--user", default=None, help="name recorded with decisions (default: login)"
    )
    review.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="export: write the dismissed findings as a baseline file",
    )
    review.add_argument(
        "--csv",
        type=Path,
        default=None,
        metavar="FILE",
        help="export: write every decision as CSV for the audit",
    )
    common(review)


def command(args: Any) -> int:
    if args.paths[:1] == ["export"]:
        args.paths = args.paths[1:] or ["."]
        return export(args)
    if args.baseline or args.csv:
        raise UsageError("--baseline and --csv belong to `supplint review export`")
    return serve(args)


def _config_and_db(args: Any) -> tuple[Any, Path]:
    from lint.cli import load_settings
    from lint.review.workspace import default_db

    config = load_settings(args, args.paths[0])
    return config, args.db or default_db(config.path, args.paths[0])


def export(args: Any) -> int:
    from lint.review.export import write_baseline, write_csv
    from lint.review.store import open_existing

    if not (args.baseline or args.csv):
        raise UsageError("review export needs --baseline FILE and/or --csv FILE")
    _, db = _config_and_db(args)
    store = open_existing(db)
    for target in (args.baseline, args.csv):
        if target is not None and target.resolve() == db.resolve():
            raise UsageError(f"{target}: would overwrite the review database")
    if args.baseline:
        count = write_baseline(store, args.baseline)
        print(
            f"supplint: wrote {count} dismissed finding(s) to baseline {args.baseline}",
            file=sys.stderr,
        )
    if args.csv:
        count = write_csv(store, args.csv)
        print(f"supplint: wrote {count} decision(s) to {args.csv}", file=sys.stderr)
    return 0


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


def serve(args: Any) -> int:
    try:
        import uvicorn

        from lint.review.app import create_app
    except ImportError:
        raise UsageError(
            "supplint review needs the review extra: pip install 'supplint[review]'"
        ) from None
    from lint.engine import Engine
    from lint.review.security import LOOPBACK_NAMES, new_token
    from lint.review.store import Store
    from lint.review.workspace import Workspace
    from lint.sources import DEFAULT_INCLUDE, collect

    config, db = _config_and_db(args)
    files, missing = collect(
        args.paths, config.include or DEFAULT_INCLUDE, config.exclude, config.respect_gitignore
    )
    if not files:
        raise UsageError("no articles to review in " + " ".join(args.paths))
    for error in missing:
        print(f"supplint: error: {error.render()}", file=sys.stderr)
    workspace = Workspace(Engine(config), files, Store(db), [e.render() for e in missing])
    workspace.lint(jobs=args.jobs)  # the first run may use every core; re-runs stay in-process
    sock = bind(args.host, args.port)
    port = sock.getsockname()[1]
    token = new_token()
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{port}/?token={token}"
    # on loopback, only loopback names; elsewhere the names a network uses are not known here
    hosts = LOOPBACK_NAMES if args.host in LOOPBACK else None
    user = args.user or getpass.getuser()
    app = create_app(workspace, token, user, f"supplint_review_{port}", hosts)
    if args.host not in LOOPBACK:
        print(
            f"supplint: warning: listening on {args.host}: anyone with the URL can review "
            "(plain HTTP)",
            file=sys.stderr,
        )
    print(f"supplint review: {len(files)} article(s), decisions in {db}", flush=True)
    print(f"supplint review: open {url}", flush=True)
    if not args.no_open:
        import webbrowser

        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    server.run(sockets=[sock])
    return 0
