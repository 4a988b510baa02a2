"""Changes of the restitution plenary: the presented axe, the priority vote, comments, the step timer."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from datetime import datetime

from atelier.domain.axes import Axis
from atelier.domain.changes.base import Change
from atelier.domain.comments import Comment
from atelier.domain.events import (
    AxisPageTurned,
    AxisPresented,
    BallotGiven,
    CommentAdded,
    CommentChanged,
    PaperPointsChanged,
    PointsChanged,
    ResultsShown,
    TimerChanged,
    VoteChanged,
    snapshot,
)
from atelier.domain.session import Session
from atelier.domain.timer import StepTimer
from atelier.domain.votes import DEFAULT_BUDGET, DEFAULT_CAP, PriorityVote, ResultsView


def _presented(session: Session, axis: Axis | None) -> AxisPresented:
    return AxisPresented(session.code, session.version, snapshot(axis))


def _vote(session: Session, vote: PriorityVote) -> VoteChanged:
    return VoteChanged(session.code, session.version, snapshot(vote))


def _comment(session: Session, comment: Comment) -> CommentChanged:
    return CommentChanged(session.code, session.version, snapshot(comment))


# --- Which axe the projection presents (session channel) ----------------------------------------
@dataclass(frozen=True)
class PresentAxis(Change[Axis | None]):
    """None goes back to no axe (the overview)."""

    name = "present_axis"
    axis_id: int | None

    def apply(self, session: Session, now: datetime) -> Axis | None:
        return session.present_axis(self.axis_id)

    def announce(self, session: Session, result: Axis | None) -> AxisPresented:
        return _presented(session, result)


@dataclass(frozen=True)
class PresentStep(Change[Axis | None]):
    """The next (+1) or the previous (-1) axe."""

    name = "present_step"
    step: int

    def apply(self, session: Session, now: datetime) -> Axis | None:
        return session.present_step(self.step)

    def announce(self, session: Session, result: Axis | None) -> AxisPresented:
        return _presented(session, result)


@dataclass(frozen=True)
class TurnAxisPage(Change[int]):
    """The next (+1) or previous (-1) page of a presented axe too long for one screen."""

    name = "turn_axis_page"
    step: int

    def apply(self, session: Session, now: datetime) -> int:
        return session.axes.turn_page(self.step)

    def announce(self, session: Session, result: int) -> AxisPageTurned:
        return AxisPageTurned(session.code, session.version, result)


# --- Priority vote -------------------------------------------------------------------------------
@dataclass(frozen=True)
class OpenVote(Change[PriorityVote]):
    """On every orientation or every piste of all axes; the restitution phase must be open."""

    name = "open_vote"
    target: str
    _: KW_ONLY
    budget: int = DEFAULT_BUDGET
    cap: int = DEFAULT_CAP
    ballot_codes: tuple[str, ...] = ()  # « un bulletin par code »: drawn by `votes.draw_ballot_codes`

    def __post_init__(self) -> None:
        if isinstance(self.ballot_codes, list):  # a list when read back from the journal
            object.__setattr__(self, "ballot_codes", tuple(self.ballot_codes))

    def apply(self, session: Session, now: datetime) -> PriorityVote:
        return session.open_vote(self.target, budget=self.budget, cap=self.cap, now=now,
                                 ballot_codes=self.ballot_codes)

    def announce(self, session: Session, result: PriorityVote) -> VoteChanged:
        return _vote(session, result)


@dataclass(frozen=True)
class CloseVote(Change[PriorityVote]):
    """Closes the open vote; it is frozen from then on."""

    name = "close_vote"

    def apply(self, session: Session, now: datetime) -> PriorityVote:
        return session.votes.close_current(now)

    def announce(self, session: Session, result: PriorityVote) -> VoteChanged:
        return _vote(session, result)


@dataclass(frozen=True)
class ReopenVote(Change[PriorityVote]):
    """« Rouvrir le vote »: the last vote, closed too early, goes on with its points."""

    name = "reopen_vote"

    def apply(self, session: Session, now: datetime) -> PriorityVote:
        return session.reopen_vote()

    def announce(self, session: Session, result: PriorityVote) -> VoteChanged:
        return _vote(session, result)


@dataclass(frozen=True)
class RedeemBallotCode(Change[PriorityVote]):
    """A phone enters one of the vote's one-use codes and gets its ballot."""

    name = "redeem_ballot_code"
    participant_id: str
    ballot_code: str

    def apply(self, session: Session, now: datetime) -> PriorityVote:
        return session.redeem_ballot_code(self.participant_id, self.ballot_code)

    def announce(self, session: Session, result: PriorityVote) -> BallotGiven:
        return BallotGiven(session.code, session.version, result.id, self.participant_id, result.codes_used)


@dataclass(frozen=True)
class SetPoints(Change[int]):
    """`points` on one item of the open vote (0 takes them back); returns the points left.

    Announced to the wall (totals) and to this participant's own devices only.
    """

    name = "set_points"
    participant_id: str
    item_id: int
    points: int

    def apply(self, session: Session, now: datetime) -> int:
        return session.set_points(self.participant_id, self.item_id, self.points)

    def announce(self, session: Session, result: int) -> PointsChanged:
        vote = session.votes.current
        assert vote is not None  # set_points just succeeded on it
        mine = vote.points_of(self.participant_id).get(self.item_id, 0)
        return PointsChanged(session.code, session.version, vote.id, self.participant_id, self.item_id, mine,
                             result, vote.item_total(self.item_id))


@dataclass(frozen=True)
class SetPaperPoints(Change[PriorityVote]):
    """« Points papier »: what paper ballots or a show of hands gave one item of the latest vote, as the
    facilitator counted it (set, not added). Announced to the wall: the bars count it."""

    name = "set_paper_points"
    item_id: int
    points: int

    def apply(self, session: Session, now: datetime) -> PriorityVote:
        return session.set_paper_points(self.item_id, self.points)

    def announce(self, session: Session, result: PriorityVote) -> PaperPointsChanged:
        return PaperPointsChanged(session.code, session.version, result.id, self.item_id,
                                  result.paper.get(self.item_id, 0), result.item_total(self.item_id))


@dataclass(frozen=True)
class ShowResults(Change[ResultsView]):
    """The projection shows the latest vote's results in `view` (None keeps the view); to the wall only."""

    name = "show_results"
    view: str | None = None

    def apply(self, session: Session, now: datetime) -> ResultsView:
        return session.votes.show_results(self.view)

    def announce(self, session: Session, result: ResultsView) -> ResultsShown:
        return ResultsShown(session.code, session.version, True, result)


@dataclass(frozen=True)
class HideResults(Change[None]):
    """The projection goes back to the presented axe."""

    name = "hide_results"

    def apply(self, session: Session, now: datetime) -> None:
        session.votes.hide_results()

    def announce(self, session: Session, result: None) -> ResultsShown:
        return ResultsShown(session.code, session.version, False, session.votes.results_view)


# --- Comments on an axe (wall, and the author's devices) -----------------------------------------
@dataclass(frozen=True)
class AddComment(Change[Comment]):
    """At most 280 characters, while the restitution phase is open."""

    name = "add_comment"
    participant_id: str
    axis_id: int
    text: str

    def apply(self, session: Session, now: datetime) -> Comment:
        return session.add_comment(self.participant_id, self.axis_id, self.text, now)

    def announce(self, session: Session, result: Comment) -> CommentAdded:
        return CommentAdded(session.code, session.version, snapshot(result))


@dataclass(frozen=True)
class SetCommentShown(Change[Comment]):
    """Show a comment on the projection (this also restores a hidden one), or take it off."""

    name = "set_comment_shown"
    comment_id: int
    shown: bool

    def apply(self, session: Session, now: datetime) -> Comment:
        return session.comments.set_shown(self.comment_id, self.shown)

    def announce(self, session: Session, result: Comment) -> CommentChanged:
        return _comment(session, result)


@dataclass(frozen=True)
class SetCommentHidden(Change[Comment]):
    """Hide (this also takes it off the projection) or restore a comment."""

    name = "set_comment_hidden"
    comment_id: int
    hidden: bool

    def apply(self, session: Session, now: datetime) -> Comment:
        return session.comments.set_hidden(self.comment_id, self.hidden)

    def announce(self, session: Session, result: Comment) -> CommentChanged:
        return _comment(session, result)


# --- Step timer (session channel) ----------------------------------------------------------------
@dataclass(frozen=True)
class StartTimer(Change[StepTimer]):
    """Any phase; replaces a running timer. Pages count down from `timer.ends_at`."""

    name = "start_timer"
    label: str
    minutes: float

    def apply(self, session: Session, now: datetime) -> StepTimer:
        return session.start_timer(self.label, self.minutes, now)

    def announce(self, session: Session, result: StepTimer) -> TimerChanged:
        return TimerChanged(session.code, session.version, result)


@dataclass(frozen=True)
class StopTimer(Change[None]):
    name = "stop_timer"

    def apply(self, session: Session, now: datetime) -> None:
        session.stop_timer()

    def announce(self, session: Session, result: None) -> TimerChanged:
        return TimerChanged(session.code, session.version, None)
