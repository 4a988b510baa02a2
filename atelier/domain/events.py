"""What happened in a session, as plain data: the service emits these, the live module fans them out."""

from __future__ import annotations

from dataclasses import dataclass

from atelier.domain.axes import Axis, Target
from atelier.domain.comments import Comment
from atelier.domain.model import Contribution, Participant, Phase
from atelier.domain.session_context import SessionContext
from atelier.domain.testimony import Witnesses
from atelier.domain.timer import StepTimer
from atelier.domain.votes import PriorityVote, ResultsView


@dataclass(frozen=True)
class ContributionAdded:
    code: str
    contribution: Contribution


@dataclass(frozen=True)
class ContributionChanged:
    """Edited, hidden, restored or +1'd: the one element showing it is updated."""

    code: str
    contribution: Contribution


@dataclass(frozen=True)
class ContributionDeleted:
    code: str
    contribution: Contribution


@dataclass(frozen=True)
class PhaseChanged:
    code: str
    phase: Phase


@dataclass(frozen=True)
class ParticipantJoined:
    """A new phone introduced itself (not sent again when a profile is changed)."""

    code: str
    participant: Participant


# --- Phases 2 and 3 -----------------------------------------------------------------------
@dataclass(frozen=True)
class WitnessesChanged:
    """The list of structures or who is speaking now changed: `witnesses.speaking` is the speaker."""

    code: str
    witnesses: Witnesses


@dataclass(frozen=True)
class ContributionsMerged:
    """`result` is new; each of `originals` now has `merged_into == result.id` and leaves visible lists."""

    code: str
    result: Contribution
    originals: tuple[Contribution, ...]


@dataclass(frozen=True)
class EvidenceChanged:
    """A contribution was linked or unlinked: `targets` is everything it backs now."""

    code: str
    contribution_id: int
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class AxisChanged:
    """Created, retitled, or one of its lines added, edited, moved, removed or detailed."""

    code: str
    axis: Axis


@dataclass(frozen=True)
class AxisRemoved:
    code: str
    axis: Axis


@dataclass(frozen=True)
class AxesReordered:
    code: str
    order: tuple[int, ...]  # axis ids, first to last


@dataclass(frozen=True)
class AxisPresented:
    """The axe the projection presents now, or None (overview)."""

    code: str
    axis: Axis | None


@dataclass(frozen=True)
class VoteChanged:
    """A vote opened (`vote.is_open`) or closed (frozen from now on)."""

    code: str
    vote: PriorityVote


@dataclass(frozen=True)
class PointsChanged:
    """One participant's points on one item: the wall updates a bar, the voter's devices their ballot."""

    code: str
    vote_id: int
    participant_id: str
    item_id: int
    points: int  # this participant's points on the item now
    points_left: int  # this participant's points left
    item_total: int  # everyone's points on the item now


@dataclass(frozen=True)
class CommentAdded:
    code: str
    comment: Comment


@dataclass(frozen=True)
class CommentChanged:
    """Shown on the projection, taken off it, hidden or restored."""

    code: str
    comment: Comment


@dataclass(frozen=True)
class TimerChanged:
    """Started (the timer) or stopped (None); pages count down from `timer.ends_at` on their own."""

    code: str
    timer: StepTimer | None


@dataclass(frozen=True)
class ContextChanged:
    """The facilitator saved the territory context (population, history, analysis…)."""

    code: str
    context: SessionContext


@dataclass(frozen=True)
class ResultsShown:
    """The projection shows the latest vote's results in `view` (`shown`), or goes back to the axes."""

    code: str
    shown: bool
    view: ResultsView


DomainEvent = (ParticipantJoined | ContributionAdded | ContributionChanged | ContributionDeleted | PhaseChanged
               | WitnessesChanged | ContributionsMerged | EvidenceChanged | AxisChanged | AxisRemoved
               | AxesReordered | AxisPresented | VoteChanged | PointsChanged | CommentAdded | CommentChanged
               | TimerChanged | ContextChanged | ResultsShown)
