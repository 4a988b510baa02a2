"""The export formats as one table: what the console buttons, the download routes and the CLI share."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from atelier.domain import records
from atelier.domain.session import Session
from atelier.domain.validation import printable
from atelier.export.archive import archive_json
from atelier.export.csv_export import contributions_csv
from atelier.export.french import ascii_slug

EXPORTS_WARM = threading.Event()  # set once `warm_up` has run
FILE_PREFIX = "restitution"
DELIBERATION_PREFIX = "projet-de-deliberation"


class ExportFormat(StrEnum):
    DOCX = "docx"
    CSV = "csv"
    JSON = "json"
    DELIBERATION = "deliberation"  # the projet de délibération, a Word file too

    @property
    def extension(self) -> str:
        return "docx" if self is ExportFormat.DELIBERATION else self.value

    @property
    def prefix(self) -> str:
        return DELIBERATION_PREFIX if self is ExportFormat.DELIBERATION else FILE_PREFIX


@dataclass(frozen=True)
class Rendered:
    content: bytes
    filename: str
    media_type: str


MEDIA_TYPES = {
    ExportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.JSON: "application/json",
    ExportFormat.DELIBERATION: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(session: Session, fmt: ExportFormat, *, today: date, template: Path | None = None,
           detailed_votes: bool = False, grouping_annex: bool = False) -> Rendered:
    """The file for `fmt`. Slow for a big DOCX: pages call it off the event loop (`render_record`).

    `detailed_votes` and `grouping_annex` (DOCX only) add the optional sections (export/restitution.py).
    """
    return render_record(records.session_record(session), fmt, today=today, template=template,
                         detailed_votes=detailed_votes, grouping_annex=grouping_annex)


def render_record(record: dict[str, Any], fmt: ExportFormat, *, today: date, template: Path | None = None,
                  detailed_votes: bool = False, grouping_annex: bool = False) -> Rendered:
    """The same from a session's record (a copy taken on the event loop, safe to read in a thread).

    Every text is made printable first: a character stored before atelier refused it (or brought by
    an import) must never make the council's document fail.
    """
    session = records.session_from_record(_printable(record))
    options = [name for name, asked in (("votes-detailles", detailed_votes), ("regroupements", grouping_annex))
               if asked and fmt is ExportFormat.DOCX]
    return Rendered(_content(session, fmt, template, detailed_votes, grouping_annex),
                    export_filename(session, fmt, today, options), MEDIA_TYPES[fmt])


def _printable(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {_printable(key): _printable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_printable(item) for item in value]
    return value


def _content(session: Session, fmt: ExportFormat, template: Path | None, detailed_votes: bool,
             grouping_annex: bool) -> bytes:
    match fmt:
        case ExportFormat.DOCX:
            from atelier.export.restitution import restitution_docx  # python-docx and matplotlib load slowly

            return restitution_docx(session, template, detailed_votes=detailed_votes, grouping_annex=grouping_annex)
        case ExportFormat.CSV:
            # The BOM tells French spreadsheets (Excel above all) that the file is UTF-8: accents intact.
            return contributions_csv(session).encode("utf-8-sig")
        case ExportFormat.JSON:
            return archive_json(session).encode("utf-8")
        case ExportFormat.DELIBERATION:
            from atelier.export.deliberation import deliberation_docx

            return deliberation_docx(session, template)


def export_filename(session: Session, fmt: ExportFormat, today: date, options: Sequence[str] = ()) -> str:
    """`restitution-<territoire>-<AAAA-MM-JJ>[-<option>…].<ext>`: ASCII, no spaces, safe on every system and
    in mail; a document with an option has its own name, so it never replaces the plain one."""
    suffix = "".join(f"-{option}" for option in options)
    return f"{fmt.prefix}-{ascii_slug(session.territory)}-{today.isoformat()}{suffix}.{fmt.extension}"


def warm_up() -> None:
    """Load what the restitution document needs (python-docx, matplotlib and its font), in a thread
    at the server's start: the facilitator's first export, with the council waiting, then does not
    pay for it (1.1 to 1.7 s of a 5,000-contribution document, measured)."""
    from atelier.export.charts import vote_chart_png
    from atelier.export.restitution import restitution_docx  # noqa: F401  (python-docx, every section)

    vote_chart_png(["—"], [1])  # matplotlib's first figure reads its font cache and loads the font
    EXPORTS_WARM.set()
