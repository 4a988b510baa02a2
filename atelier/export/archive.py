"""The JSON archive of a whole session, and its way back: everything needed to restore a démarche."""

from __future__ import annotations

import json
from typing import Any

from atelier import __version__
from atelier.domain import records
from atelier.domain.codes import is_well_formed
from atelier.domain.errors import InvalidInput
from atelier.domain.session import Session

FORMAT = "atelier-archive"
VERSION = 1


class ArchiveError(InvalidInput):
    """The file cannot be restored; the message says why, in French."""


def archive_json(session: Session) -> str:
    return archive_of_record(records.session_record(session))


def archive_of_record(record: dict[str, Any]) -> str:
    """The archive of a session's record (a copy: it may be written from another thread)."""
    archive = {"format": FORMAT, "version": VERSION, "atelier": __version__, "record": record}
    return json.dumps(archive, ensure_ascii=False, indent=1)


def session_from_archive(content: str | bytes) -> Session:
    """The session an archive holds; `ArchiveError` when the file is not one, or is damaged."""
    archive = _parse(content)
    if not isinstance(archive, dict) or archive.get("format") != FORMAT:
        raise ArchiveError("archive_not_atelier")
    version = archive.get("version")
    if not isinstance(version, int) or version < 1:
        raise ArchiveError("archive_damaged")
    if version > VERSION:
        raise ArchiveError("archive_too_new", version=version)
    try:
        session = records.session_from_record(archive["record"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ArchiveError("archive_damaged") from error
    # The code becomes a file name in the data dir: only a real code may get there.
    if not is_well_formed(session.code):
        raise ArchiveError("archive_damaged")
    return session


def _parse(content: str | bytes) -> Any:
    try:
        if isinstance(content, bytes):
            content = content.decode("utf-8-sig")
        return json.loads(content)
    except (UnicodeDecodeError, ValueError):
        raise ArchiveError("archive_not_json") from None
