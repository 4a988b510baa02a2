"""What the room sees: which screen the projection shows, and how a ballot lists the items of a vote.

The projection follows the démarche by itself: the phase that is open (or else the last one that
ran) decides between the wall of the état des lieux, the témoignages and the restitution; in the
first two, the facilitator may put « Les plus partagées » up instead of the wall. During the
restitution, the facilitator's latest move decides between the presented axe and the results of
the latest vote (opening a vote or showing its results puts them up, presenting an axe takes them
down).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from atelier.domain.axes import Axis, AxisBoard, Line, TargetKind
from atelier.domain.errors import NotFound
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.domain.votes import PriorityVote


class Screen(StrEnum):
    WALL = "mur"  # état des lieux: difficultés and ressources by theme
    TESTIMONIES = "temoignages"  # who speaks, constats / enjeux / préconisations
    AXIS = "axe"  # the presented axe, or the list of axes when none is presented
    VOTE = "vote"  # the latest vote's results
    TOP_SHARED = "plus_partagees"  # the contributions most shared, when the facilitator puts them up


PHASE_SCREENS = {
    PhaseKey.ETAT_DES_LIEUX: Screen.WALL,
    PhaseKey.TEMOIGNAGES: Screen.TESTIMONIES,
    PhaseKey.RESTITUTION: Screen.AXIS,
}


def shown_phase(session: Session) -> PhaseKey:
    """The open phase; between two soirées the last one that ran; before anything, the état des lieux."""
    if session.open_phase is not None:
        return session.open_phase.key
    started = [key for key, phase in session.phases.items() if phase.status is not PhaseStatus.UPCOMING]
    return started[-1] if started else PhaseKey.ETAT_DES_LIEUX


def projection_screen(session: Session) -> Screen:
    screen = PHASE_SCREENS[shown_phase(session)]
    if screen is Screen.AXIS and session.votes.results_shown and session.votes.latest is not None:
        return Screen.VOTE
    if screen is not Screen.AXIS and session.wall.top_shared:
        return Screen.TOP_SHARED
    return screen


def axis_number(board: AxisBoard, axis_id: int) -> int:
    """« Axe 2 »: the position on the board, from 1."""
    return [axis.id for axis in board.axes].index(board.axis(axis_id).id) + 1


@dataclass(frozen=True)
class BallotSection:
    """The vote's items of one axe, under the heading they have in the fiche: an orientation of the
    axe, or none (the orientations themselves, or pistes directly under the axe)."""

    axis: Axis
    items: list[Line]
    orientation: Line | None = None


def ballot(vote: PriorityVote, board: AxisBoard) -> list[BallotSection]:
    """The items of the vote grouped by axe (and, for pistes, by orientation), in board order; empty groups left out."""
    wanted = set(vote.items)
    if vote.target is TargetKind.ORIENTATION:
        sections = [BallotSection(axis, [line for line in axis.orientations if line.id in wanted])
                    for axis in board.axes]
    else:
        sections = [BallotSection(axis, [p for p in pistes if p.id in wanted], orientation)
                    for axis in board.axes for orientation, pistes in axis.outline()]
    return [s for s in sections if s.items]


def item_text(board: AxisBoard, item_id: int) -> str | None:
    """The text of a voted line as it reads now; None for a line removed after its vote closed."""
    try:
        return board.find_line(item_id)[2].text
    except NotFound:
        return None

