"""Contributions as CSV for French spreadsheets: `;` between cells, UTF-8 with a BOM (see `formats.py`)."""

from __future__ import annotations

import csv
import io

from atelier import texts
from atelier.domain.model import Contribution
from atelier.domain.session import Session

# A cell starting with one of these is run as a formula by spreadsheets; participants' text is untrusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def contributions_csv(session: Session) -> str:
    """One row per visible contribution, in the order they were posted. Hidden ones stay out, as in the document."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(texts.CSV_HEADERS)
    for contribution in session.visible_contributions():
        writer.writerow(_row(session, contribution))
    return out.getvalue()


def _row(session: Session, c: Contribution) -> list[str | int]:
    votes, axes = vote_and_axe_cells(session, c)
    return [
        c.id,
        texts.PHASE_LABELS[c.phase],
        texts.KIND_LABELS[c.kind],
        _text_cell(c.theme),
        _text_cell(c.commune or texts.WHOLE_TERRITORY),
        _text_cell(c.structure),
        texts.RISK_SHORT[c.risk] if c.risk else "",
        _text_cell(c.text),
        c.share_count,
        votes,
        axes,
    ]


def vote_and_axe_cells(session: Session, contribution: Contribution) -> tuple[str, str]:
    """The « Votes » and « Axes stratégiques » cells of a contribution.

    The session holds no axes and no votes yet, so there is nothing to link: both cells are empty.
    This is the one place to fill them once axes and votes exist.
    """
    return "", ""


def _text_cell(value: str) -> str:
    """Keep untrusted text as text: a leading apostrophe stops spreadsheets from evaluating it."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value
