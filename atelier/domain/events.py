"""What happened in a session, as values: the service emits these, the live module fans them out.

Every event carries the session's change number (`version`) after the change, so a page, a log or
another process can apply events in order and see a gap. What an event holds is its own copy, taken
when the change was made (`snapshot`): a later change to the session never alters an event already
built, and a refused change is never announced at all.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TypeVar

from atelier.domain.axes import Axis, Target
from atelier.domain.calendar import CalendarStep
from atelier.domain.comments import Comment
from atelier.domain.model import Contribution, Participant, Phase
from atelier.domain.moderation import ModerationMode
from atelier.domain.session_context import SessionContext
from atelier.domain.testimony import Witnesses
from atelier.domain.timer import StepTimer
from atelier.domain.votes import PriorityVote, ResultsView
from atelier.domain.wall import WallView

T = TypeVar("T")


def snapshot(value: T) -> T:
    """A private copy of a domain object for an event: nobody else holds it, nobody changes it."""
    return copy.deepcopy(value)


@dataclass(frozen=True)
class ContributionAdded:
    code: str
    version: int
    contribution: Contribution


@dataclass(frozen=True)
class ContributionChanged:
    """Edited, hidden, restored or +1'd: the one element showing it is updated."""

    code: str
    version: int
    contribution: Contribution


@dataclass(frozen=True)
class ContributionDeleted:
    code: str
    version: int
    contribution: Contribution


@dataclass(frozen=True)
class PhaseChanged:
    code: str
    version: int
    phase: Phase


@dataclass(frozen=True)
class ParticipantJoined:
    """A new phone introduced itself (not sent again when a profile is changed)."""

    code: str
    version: int
    participant: Participant


@dataclass(frozen=True)
class ParticipantChanged:
    """A phone changed its profile (role, commune, name): nobody's page shows it live."""

    code: str
    version: int
    participant: Participant


# --- Phases 2 and 3 -----------------------------------------------------------------------
@dataclass(frozen=True)
class WitnessesChanged:
    """The list of structures or who is speaking now changed: `witnesses.speaking` is the speaker."""

    code: str
    version: int
    witnesses: Witnesses


@dataclass(frozen=True)
class ContributionsMerged:
    """`result` is new; each of `originals` now has `merged_into == result.id` and leaves visible lists."""

    code: str
    version: int
    result: Contribution
    originals: tuple[Contribution, ...]


@dataclass(frozen=True)
class ContributionsUnmerged:
    """A merge undone: its result is gone, its originals are back in every list (« Éléments supprimés »)."""

    code: str
    version: int
    result_id: int
    originals: tuple[Contribution, ...]


@dataclass(frozen=True)
class EvidenceChanged:
    """A contribution was linked or unlinked: `targets` is everything it backs now."""

    code: str
    version: int
    contribution_id: int
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class AxisChanged:
    """Created, retitled, or one of its lines added, edited, moved, removed or detailed.

    A piste moved here from another axe: `source` is that axe as it is now. Created with its
    evidence (a suggested group accepted): `linked` are the contributions that now back it.
    """

    code: str
    version: int
    axis: Axis
    source: Axis | None = None
    linked: tuple[int, ...] = ()


@dataclass(frozen=True)
class AxisRemoved:
    code: str
    version: int
    axis: Axis


@dataclass(frozen=True)
class AxesReordered:
    code: str
    version: int
    order: tuple[int, ...]  # axis ids, first to last


@dataclass(frozen=True)
class AxisPresented:
    """The axe the projection presents now, or None (overview)."""

    code: str
    version: int
    axis: Axis | None


@dataclass(frozen=True)
class AxisPageTurned:
    """The facilitator turned a page of the presented axe (the projection alone listens)."""

    code: str
    version: int
    page: int


@dataclass(frozen=True)
class VoteChanged:
    """A vote opened (`vote.is_open`) or closed (frozen from now on)."""

    code: str
    version: int
    vote: PriorityVote


@dataclass(frozen=True)
class PointsChanged:
    """One participant's points on one item: the wall updates a bar, the voter's devices their ballot."""

    code: str
    version: int
    vote_id: int
    participant_id: str
    item_id: int
    points: int  # this participant's points on the item now
    points_left: int  # this participant's points left
    item_total: int  # everyone's points on the item now


@dataclass(frozen=True)
class PaperPointsChanged:
    """The facilitator counted paper ballots or hands for one item: the wall updates its bar."""

    code: str
    version: int
    vote_id: int
    item_id: int
    paper: int  # the paper points on the item now
    item_total: int  # phones and paper together


@dataclass(frozen=True)
class BallotGiven:
    """A phone entered its one-use code: its devices show their ballot, the console counts the codes used."""

    code: str
    version: int
    vote_id: int
    participant_id: str
    codes_used: int


@dataclass(frozen=True)
class CommentAdded:
    code: str
    version: int
    comment: Comment


@dataclass(frozen=True)
class CommentChanged:
    """Shown on the projection, taken off it, hidden or restored."""

    code: str
    version: int
    comment: Comment


@dataclass(frozen=True)
class TimerChanged:
    """Started (the timer) or stopped (None); pages count down from `timer.ends_at` on their own."""

    code: str
    version: int
    timer: StepTimer | None


@dataclass(frozen=True)
class ContextChanged:
    """The facilitator saved the territory context (population, history, analysis…)."""

    code: str
    version: int
    context: SessionContext


@dataclass(frozen=True)
class CalendarChanged:
    """A meeting of the calendar was added, changed or removed: every step, as they now are."""

    code: str
    version: int
    steps: tuple[CalendarStep, ...]


@dataclass(frozen=True)
class ResultsShown:
    """The projection shows the latest vote's results in `view` (`shown`), or goes back to the axes."""

    code: str
    version: int
    shown: bool
    view: ResultsView


@dataclass(frozen=True)
class ModerationChanged:
    """« Publication directe » or « Validation avant projection » from now on (the consoles show it)."""

    code: str
    version: int
    mode: ModerationMode


@dataclass(frozen=True)
class WallViewChanged:
    """The projection shows every theme in turn, one theme, held or turning, or « Les plus partagées »."""

    code: str
    version: int
    view: WallView


DomainEvent = (ParticipantJoined | ParticipantChanged | ContributionAdded | ContributionChanged
               | ContributionDeleted | PhaseChanged | WitnessesChanged | ContributionsMerged | ContributionsUnmerged
               | EvidenceChanged | AxisChanged | AxisRemoved | AxisPageTurned | AxesReordered | AxisPresented
               | VoteChanged | PointsChanged | PaperPointsChanged | BallotGiven | CommentAdded | CommentChanged
               | TimerChanged | ContextChanged | CalendarChanged | ResultsShown | ModerationChanged
               | WallViewChanged)
