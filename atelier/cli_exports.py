"""`atelier export …`, `atelier import …` and `atelier restore …`: exports without the server,
restoring an archive, and going back to one of a démarche's automatic backups.

Both work on the store directly (`--store`, or the embedded engine under `--data-dir`). A running
server sees an imported démarche the next time it is asked for, unless it already holds that code
in memory (then restart it).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from atelier import texts

if TYPE_CHECKING:
    from atelier.store import SessionStore

COMMANDS = ("export", "import", "restore")
FORMATS = ("docx", "deliberation", "csv", "json")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help=texts.CLI_EXPORT)
    export.add_argument("code", help=texts.CLI_EXPORT_CODE)
    export.add_argument("--format", choices=FORMATS, default="docx", help=texts.CLI_EXPORT_FORMAT)
    export.add_argument("--output", type=Path, default=None,
                        help=texts.CLI_EXPORT_OUTPUT)
    add_store_arguments(export)
    export.add_argument("--template", type=Path, default=None,
                        help=texts.CLI_EXPORT_TEMPLATE)
    export.add_argument("--detail-votes", action="store_true", help=texts.CLI_DETAIL_VOTES)
    export.add_argument("--grouping-annex", action="store_true", help=texts.CLI_GROUPING)

    restore = commands.add_parser("import", help=texts.CLI_IMPORT)
    restore.add_argument("file", type=Path, help=texts.CLI_IMPORT_FILE)
    add_store_arguments(restore)
    restore.add_argument("--replace", action="store_true",
                         help=texts.CLI_IMPORT_REPLACE)

    backup = commands.add_parser("restore", help=texts.CLI_RESTORE)
    backup.add_argument("code", help=texts.CLI_EXPORT_CODE)
    backup.add_argument("--at", default=None, help=texts.CLI_RESTORE_AT)
    backup.add_argument("--list", action="store_true", help=texts.CLI_RESTORE_LIST)
    add_store_arguments(backup)


def add_store_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--data-dir", type=Path, default=Path("sessions"), help=texts.CLI_DATA_DIR)
    command.add_argument("--store", default=None, help=texts.CLI_STORE)


def open_store(args: argparse.Namespace) -> SessionStore:
    from atelier.store import StorageError
    from atelier.store import open_store as open_url

    try:
        return open_url(args.store, args.data_dir)
    except ValueError:
        raise SystemExit(texts.CLI_BAD_STORE.format(url=args.store)) from None
    except ModuleNotFoundError:
        raise SystemExit(texts.CLI_POSTGRES_MISSING) from None
    except StorageError as error:
        raise SystemExit(texts.CLI_STORE_FAILED.format(url=args.store or "", reason=error)) from None


def run(args: argparse.Namespace) -> int:
    # Imported here so `atelier --help` stays instant.
    from atelier.domain.errors import DomainError

    try:
        commands = {"export": export, "import": import_archive, "restore": restore_backup}
        return commands[args.command](args)
    except DomainError as error:
        print(texts.error_message(error), file=sys.stderr)
        return 1


def export(args: argparse.Namespace) -> int:
    from atelier.domain.codes import is_well_formed, normalise_code
    from atelier.export.formats import ExportFormat, render
    from atelier.service import load_session

    code = normalise_code(args.code)
    session = load_session(open_store(args), code) if is_well_formed(code) else None
    if session is None:
        print(texts.ERR_SESSION_NOT_FOUND.format(code=args.code), file=sys.stderr)
        return 1
    rendered = render(session, ExportFormat(args.format), today=date.today(),
                      template=args.template, detailed_votes=args.detail_votes, grouping_annex=args.grouping_annex)
    output: Path = args.output or Path(rendered.filename)
    output.write_bytes(rendered.content)
    print(texts.CLI_EXPORTED.format(path=output))
    return 0


def import_archive(args: argparse.Namespace) -> int:
    from atelier.domain import records
    from atelier.export.archive import session_from_archive

    if not args.file.is_file():
        print(texts.CLI_FILE_MISSING.format(path=args.file), file=sys.stderr)
        return 1
    session = session_from_archive(args.file.read_bytes())
    store = open_store(args)
    if store.load(session.code) is not None and not args.replace:
        print(texts.CLI_ALREADY_EXISTS.format(code=session.code, folder=args.data_dir), file=sys.stderr)
        return 1
    store.save(records.session_record(session))
    print(texts.CLI_IMPORTED.format(territory=session.territory, code=session.code, folder=args.data_dir))
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    """The backup made at or before `--at` (the newest by default) becomes the démarche; what is stored
    now is itself backed up first (or set aside when it cannot be read). Stop the server first."""
    from datetime import UTC, datetime

    from atelier.domain import records
    from atelier.domain.codes import normalise_code
    from atelier.export.archive import archive_json, session_from_archive
    from atelier.export.french import french_moment
    from atelier.service import load_session, unreadable_reason
    from atelier.store.backups import FOLDER, Backups

    code = normalise_code(args.code)
    backups = Backups(args.data_dir / FOLDER)
    if args.list:
        for each in backups.list(code):
            print(f"{each.at:%Y-%m-%d %H:%M:%S} UTC  ({french_moment(each.at)})  {each.path.name}")
        return 0
    try:
        at = datetime.fromisoformat(args.at).astimezone(UTC) if args.at else None
    except ValueError:
        print(texts.CLI_RESTORE_BAD_AT.format(at=args.at), file=sys.stderr)
        return 1
    backup = backups.latest(code, at)
    if backup is None:
        print(texts.CLI_RESTORE_NONE.format(code=code), file=sys.stderr)
        return 1
    restored = session_from_archive(backup.path.read_bytes())
    store = open_store(args)
    try:
        current = load_session(store, code)
    except Exception as error:  # damaged: set aside, never overwritten
        store.set_aside(code, unreadable_reason(error))
        current = None
    if current is not None:
        backups.write(code, archive_json(current), datetime.now(UTC))
    store.save(records.session_record(restored))
    print(texts.CLI_RESTORED.format(code=code, moment=french_moment(backup.at)))
    return 0
