"""`atelier serve …`: the command a facilitator types on the evening."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from atelier import __version__, cli_exports, texts


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="atelier", description=texts.CLI_DESCRIPTION)
    root.add_argument("--version", action="version", version=f"atelier {__version__}")
    commands = root.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help=texts.CLI_SERVE)
    serve.add_argument("--host", default="0.0.0.0", help=texts.CLI_HOST)
    serve.add_argument("--port", type=int, default=8080, help=texts.CLI_PORT)
    cli_exports.add_store_arguments(serve)
    serve.add_argument("--public-url", default=None,
                       help=texts.CLI_PUBLIC_URL)
    serve.add_argument("--demo", action="store_true", help=texts.CLI_DEMO)
    serve.add_argument("--worker", default=None, help=texts.CLI_WORKER)

    cluster = commands.add_parser("cluster", help=texts.CLI_CLUSTER)
    cluster.add_argument("--workers", type=int, default=3, help=texts.CLI_CLUSTER_WORKERS)
    cluster.add_argument("--host", default="0.0.0.0", help=texts.CLI_HOST)
    cluster.add_argument("--port", type=int, default=8080, help=texts.CLI_PORT)
    cluster.add_argument("--data-dir", type=Path, default=Path("sessions"), help=texts.CLI_DATA_DIR)
    cluster.add_argument("--store", default=None, help=texts.CLI_CLUSTER_STORE)
    cluster.add_argument("--public-url", default=None, help=texts.CLI_PUBLIC_URL)
    cluster.add_argument("--demo", action="store_true", help=texts.CLI_DEMO)
    cli_exports.add_commands(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "serve":
        return serve(args)
    if args.command == "cluster":
        try:
            from atelier.cluster import run
        except ModuleNotFoundError:  # psycopg: installed with the `postgresql` extra
            print(texts.CLI_POSTGRES_MISSING, file=sys.stderr)
            return 1

        return run.run(args.workers, host=args.host, port=args.port, data_dir=args.data_dir, store=args.store,
                       public_url=args.public_url, demo=args.demo)
    if args.command in cli_exports.COMMANDS:
        return cli_exports.run(args)
    return 2


def serve(args: argparse.Namespace) -> int:
    # Imported here so `atelier --help` stays instant.
    from datetime import UTC, datetime

    from nicegui.storage import Storage

    from atelier import app
    from atelier.browser_state import keep_files_private
    from atelier.capacity import capacity_warning, raise_open_file_limit
    from atelier.config import AppConfig
    from atelier.demo import ensure_demo
    from atelier.network import public_base_url
    from atelier.presets import DEFAULT_PRESET, load_presets
    from atelier.store import STORE_ENV

    taken = port_taken(args.host, args.port)
    if taken:
        print(taken, file=sys.stderr)
        return 1
    refusal = worker_refusal(args.worker, args.store)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    data_dir: Path = args.data_dir.resolve()
    config = AppConfig.from_data_dir(data_dir, public_base_url(args.host, args.port, args.public_url))
    # Participants' device identities live beside the sessions, not in the current folder.
    Storage.path = data_dir / ".nicegui"
    keep_files_private(Storage.path)
    store = cli_exports.open_store(args)
    if args.demo:
        ensure_demo(store, load_presets()[DEFAULT_PRESET], datetime.now(UTC))
    ownership = None
    if args.worker:
        from atelier.cluster.ownership import SessionOwnership

        ownership = SessionOwnership(str(args.store or os.environ.get(STORE_ENV)), args.worker)
    atelier = app.build(config, store, ownership=ownership)
    print_urls(config.facilitator_url(), [(s.territory, atelier.join_url(s.code)) for s in
                                          atelier.service.list_sessions()], config.base_url,
               chosen=args.public_url is not None)
    warning = capacity_warning(raise_open_file_limit())
    if warning:
        print(warning, flush=True)
    app.run(config, host=args.host, port=args.port)
    return 0


def worker_refusal(worker: str | None, store: str | None) -> str | None:
    """Why `--worker` cannot be used as given (a bad name, or no shared database), if it cannot."""
    from atelier.cluster import WORKER_NAME
    from atelier.store import STORE_ENV

    if worker is None:
        return None
    if not WORKER_NAME.match(worker):
        return texts.CLI_BAD_WORKER.format(name=worker)
    if not (store or os.environ.get(STORE_ENV, "")).startswith(("postgresql:", "postgres:")):
        return texts.CLI_WORKER_NEEDS_POSTGRES
    return None


def port_taken(host: str, port: int) -> str | None:
    """The French sentence when `port` cannot be listened on (uvicorn would say it in English, and late)."""
    import errno
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: a port just freed is free
            probe.bind((host, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return texts.CLI_PORT_TAKEN.format(port=port, other=port + 1 if port < 65535 else 8081)
        return texts.CLI_PORT_REFUSED.format(host=host, port=port, reason=error.strerror or error)
    return None


def print_urls(facilitator_url: str, joins: list[tuple[str, str]], base_url: str, *, chosen: bool = False) -> None:
    """`chosen`: the address was given with --public-url; the facilitator knows where phones will go."""
    lines = ["", "Atelier est prêt.", f"  Animation (gardez ce lien pour vous) : {facilitator_url}"]
    lines += [f"  Participants — {territory} : {url}" for territory, url in joins]
    if "127.0.0.1" in base_url and not chosen:
        lines.append("  Attention : aucune adresse réseau trouvée, les téléphones ne pourront pas se connecter. "
                     "Utilisez --public-url.")
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
