"""What the documents read from the axes and the priority votes: numbering, the vote to report, its ranking.

The restitution reports the vote `VoteBook.reported` names: the latest one that received points.
The axes section shows, for each orientation or piste, its result in the latest vote with points
on that kind of line, so a vote on the orientations followed by one on the pistes shows both.
"""

from __future__ import annotations

from dataclasses import dataclass

from atelier import texts
from atelier.domain.axes import Axis, AxisSection, Line, TargetKind
from atelier.domain.session import Session
from atelier.domain.vote_results import RankedItem, Score, ranked_totals


def axis_label(number: int, axis: Axis) -> str:
    """Number, en dash, title (« 1 \u2013 Se déplacer »): the way tables name an axe."""
    return texts.DOC_AXIS_NUMBERED.format(number=number, title=axis.title)


@dataclass(frozen=True)
class Placed:
    """A line of the board with the axe it belongs to and that axe's number (1 for the first)."""

    number: int
    axis: Axis
    section: AxisSection
    line: Line


def board_lines(session: Session) -> dict[int, Placed]:
    """Every line of every axe by its id."""
    return {line.id: Placed(number, axis, section, line)
            for number, axis in enumerate(session.axes.axes, start=1)
            for section in AxisSection for line in axis.section(section)}


@dataclass(frozen=True)
class RankedLine:
    item_id: int
    rank: int
    text: str
    axis: str  # as `axis_label` gives it, or "" for a line removed from the board since the vote
    score: Score


def ranked_lines(session: Session, ranking: list[RankedItem]) -> list[RankedLine]:
    """A ranking (points, or voices) with the text and axe of each item, as the board holds them now."""
    lines = board_lines(session)
    result = []
    for item in ranking:
        placed = lines.get(item.item_id)
        result.append(RankedLine(item.item_id, item.rank, placed.line.text if placed else texts.DOC_REMOVED_ITEM,
                                 axis_label(placed.number, placed.axis) if placed else "", item.score))
    return result


RANKED_LINES = 5  # the lines whose rank is said beside them in the axes


class LineResults:
    """Points and rank of each orientation and piste in the latest vote with points on its kind of line."""

    def __init__(self, session: Session) -> None:
        self._results: dict[int, tuple[RankedItem, int, bool]] = {}
        for target in (TargetKind.ORIENTATION, TargetKind.PISTE):
            vote = session.votes.reported(target)
            if vote is None:
                continue
            ranking = ranked_totals(vote)
            ranks = [item.rank for item in ranking]
            for item in ranking:
                self._results[item.item_id] = (item, len(ranking), ranks.count(item.rank) > 1)

    def describe(self, line_id: int) -> str:
        """« 12 points · rang 1 sur 56 » for the first ones, « 3 points » for the others; nothing for a
        line that got no point or was not in the vote (a fiche reads quietly: no « 0 point · rang 49 »)."""
        if line_id not in self._results:
            return ""
        item, count, tied = self._results[line_id]
        if not item.score:
            return ""
        if item.rank > RANKED_LINES:
            return points(int(item.score))
        template = texts.DOC_LINE_VOTE_TIED if tied else texts.DOC_LINE_VOTE
        return template.format(points=points(int(item.score)), rank=item.rank, count=count)


def points(number: int) -> str:
    """« 0 point », « 1 point », « 12 points »."""
    return texts.count(number, texts.DOC_POINTS_FORMS)
