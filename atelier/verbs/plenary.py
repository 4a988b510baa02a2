"""Verbs of the restitution plenary: the presented axe, the priority vote, comments, and the step timer.

Every verb is async, takes the session code first, returns what it changed, and raises a
`DomainError` (French message for the person who acted) when a rule refuses.
"""

from __future__ import annotations

from atelier.domain.axes import Axis, TargetKind
from atelier.domain.comments import Comment
from atelier.domain.events import (
    AxisPresented,
    CommentAdded,
    CommentChanged,
    PointsChanged,
    ResultsShown,
    TimerChanged,
    VoteChanged,
)
from atelier.domain.session import Session
from atelier.domain.timer import StepTimer
from atelier.domain.votes import DEFAULT_BUDGET, DEFAULT_CAP, PriorityVote, ResultsView
from atelier.verbs.base import VerbsBase


def _presented(session: Session, axis: Axis | None) -> AxisPresented:
    return AxisPresented(session.code, axis)


def _vote(session: Session, vote: PriorityVote) -> VoteChanged:
    return VoteChanged(session.code, vote)


def _comment(session: Session, comment: Comment) -> CommentChanged:
    return CommentChanged(session.code, comment)


class PlenaryVerbs(VerbsBase):
    # --- Which axe the projection presents (session channel) -------------------------------
    async def present_axis(self, code: str, axis_id: int | None) -> Axis | None:
        """None goes back to no axe (the overview)."""
        return await self._apply(code, lambda s, _: s.present_axis(axis_id), _presented)

    async def present_next(self, code: str) -> Axis | None:
        return await self._apply(code, lambda s, _: s.present_step(+1), _presented)

    async def present_previous(self, code: str) -> Axis | None:
        return await self._apply(code, lambda s, _: s.present_step(-1), _presented)

    # --- Priority vote ---------------------------------------------------------------------
    async def open_vote(self, code: str, target: TargetKind | str, *, budget: int = DEFAULT_BUDGET,
                        cap: int = DEFAULT_CAP) -> PriorityVote:
        """On every orientation or every piste of all axes; the restitution phase must be open."""
        return await self._apply(code, lambda s, now: s.open_vote(target, budget=budget, cap=cap, now=now), _vote)

    async def close_vote(self, code: str) -> PriorityVote:
        """Closes the open vote; it is frozen from then on."""
        return await self._apply(code, lambda s, now: s.votes.close_current(now), _vote)

    async def set_points(self, code: str, participant_id: str, item_id: int, points: int) -> int:
        """Put `points` on one item of the open vote (0 takes them back); returns the points left.

        Announced to the wall (totals) and to this participant's own devices only.
        """
        def announce(s: Session, left: int) -> PointsChanged:
            vote = s.votes.current
            assert vote is not None  # set_points just succeeded on it
            mine = vote.points_of(participant_id).get(item_id, 0)
            return PointsChanged(s.code, vote.id, participant_id, item_id, mine, left, vote.item_total(item_id))

        return await self._apply(code, lambda s, _: s.set_points(participant_id, item_id, points), announce)

    async def show_results(self, code: str, view: ResultsView | str | None = None) -> ResultsView:
        """The projection shows the latest vote's results in `view` (None keeps the view); to the wall only."""
        return await self._apply(code, lambda s, _: s.votes.show_results(view),
                                 lambda s, chosen: ResultsShown(s.code, True, chosen))

    async def hide_results(self, code: str) -> None:
        """The projection goes back to the presented axe."""
        return await self._apply(code, lambda s, _: s.votes.hide_results(),
                                 lambda s, _: ResultsShown(s.code, False, s.votes.results_view))

    # --- Comments on an axe (wall, and the author's devices) -------------------------------
    async def add_comment(self, code: str, participant_id: str, axis_id: int, text: str) -> Comment:
        """At most 280 characters, while the restitution phase is open."""
        return await self._apply(code, lambda s, now: s.add_comment(participant_id, axis_id, text, now),
                                 lambda s, comment: CommentAdded(s.code, comment))

    async def set_comment_shown(self, code: str, comment_id: int, shown: bool) -> Comment:
        """Show a comment on the projection (this also restores a hidden one), or take it off."""
        return await self._apply(code, lambda s, _: s.comments.set_shown(comment_id, shown), _comment)

    async def set_comment_hidden(self, code: str, comment_id: int, hidden: bool) -> Comment:
        """Hide (this also takes it off the projection) or restore a comment."""
        return await self._apply(code, lambda s, _: s.comments.set_hidden(comment_id, hidden), _comment)

    # --- Step timer (session channel) ------------------------------------------------------
    async def start_timer(self, code: str, label: str, minutes: float) -> StepTimer:
        """Any phase; replaces a running timer. Pages count down from `timer.ends_at`."""
        return await self._apply(code, lambda s, now: s.start_timer(label, minutes, now),
                                 lambda s, timer: TimerChanged(s.code, timer))

    async def stop_timer(self, code: str) -> None:
        return await self._apply(code, lambda s, _: s.stop_timer(), lambda s, _: TimerChanged(s.code, None))
