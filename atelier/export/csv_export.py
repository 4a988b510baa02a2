"""Contributions as CSV for French spreadsheets: `;` between cells, UTF-8 with a BOM (see `formats.py`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from atelier import texts
from atelier.domain.axes import Target, TargetKind
from atelier.domain.model import Contribution
from atelier.domain.session import Session
from atelier.export.priorities import Placed, board_lines

# A cell starting with one of these is run as a formula by spreadsheets; participants' text is untrusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def contributions_csv(session: Session) -> str:
    """One row per visible contribution, in the order they were posted. Hidden ones stay out, as in the document."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(texts.CSV_HEADERS)
    cells = vote_and_axe_cells(session)
    for contribution in session.visible_contributions():
        writer.writerow(_row(contribution, *cells(contribution)))
    return out.getvalue()


def _row(c: Contribution, votes: str, axes: str) -> list[str | int]:
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


def vote_and_axe_cells(session: Session) -> Callable[[Contribution], tuple[str, str]]:
    """What fills the « Votes » and « Axes stratégiques » cells of each contribution (board read once).

    A vote is on orientations or pistes, never on contributions; a contribution *backs* axes,
    orientations and pistes (the facilitator's evidence links). So, for one contribution:
    - « Axes stratégiques »: what it backs, in the order it was linked, joined by « | »:
      « Axe 1 : Se déplacer », « Axe 1, piste d'action : Un transport à la demande »;
    - « Votes »: the points received, in the latest vote with points (the one « Priorités votées »
      reports), by the orientations and pistes it backs, added up. Empty when it backs none of that
      vote's items; backing a whole axe brings no points, since an axe is not voted on.
    """
    lines = board_lines(session)
    numbers = {axis.id: number for number, axis in enumerate(session.axes.axes, start=1)}
    vote = session.votes.reported()
    totals = vote.totals() if vote else {}

    def cells(contribution: Contribution) -> tuple[str, str]:
        targets = session.evidence.uses_of(contribution.id)
        voted = [totals[t.id] for t in targets if t.kind is not TargetKind.AXIS and t.id in totals]
        names = [_target_name(session, t, lines, numbers) for t in targets]
        return (str(sum(voted)) if voted else "", texts.CSV_SEPARATOR.join(name for name in names if name))

    return cells


def _target_name(session: Session, target: Target, lines: dict[int, Placed], numbers: dict[int, int]) -> str:
    if target.kind is TargetKind.AXIS:
        if target.id not in numbers:
            return ""
        return texts.CSV_AXIS.format(number=numbers[target.id], title=session.axes.axis(target.id).title)
    placed = lines.get(target.id)
    if placed is None:
        return ""
    kind = texts.TARGET_LABELS[target.kind].lower()
    return texts.CSV_LINE.format(number=placed.number, kind=kind, text=placed.line.text)


def _text_cell(value: str) -> str:
    """Keep untrusted text as text: a leading apostrophe stops spreadsheets from evaluating it."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value
