"""The projection during the restitution: the presented axe (or the list of axes), then the vote's results.

The presented axe's lines are one element that the browser fits to the screen, paging a long axe
(see `axis_outline.AxisPages`); when the facilitator edits the axe, the header and that element are
drawn again. Comments come and go one at a time; points move one bar (see `vote_views`).
"""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.domain.axes import Axis
from atelier.domain.comments import Comment
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisPageTurned,
    AxisRemoved,
    CommentChanged,
    ContributionChanged,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
    EvidenceChanged,
    PaperPointsChanged,
    PointsChanged,
    VoteChanged,
)
from atelier.domain.screens import axis_number
from atelier.domain.session import Session
from atelier.domain.votes import PriorityVote
from atelier.pages.axis_outline import AxisPages
from atelier.pages.projection_wall import Pager
from atelier.pages.vote_views import ResultsPanel


class AxisScreen:
    """The presented axe: number, title, enjeux, orientations, pistes, its evidence, the comments shown."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.axis = session.axes.presented
        self.comments: dict[int, ui.label] = {}
        self.pages: AxisPages | None = None
        self.box = ui.column().classes("axis-screen w-full h-full gap-3 no-wrap")
        self._draw()

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case AxisChanged() | AxisRemoved() | AxesReordered():
                self._draw()  # a title, a line or the numbering changed: a few labels and the lines' element
            case AxisPageTurned(page=page) if self.pages is not None:
                self.pages.turn_to(page)
            case CommentChanged(comment=comment) if self.axis is not None and comment.axis_id == self.axis.id:
                self._show_comment(comment)
            case (EvidenceChanged() | ContributionChanged() | ContributionsMerged()
                  | ContributionsUnmerged()) if self.axis is not None:
                self._count_evidence()

    def totals(self) -> list[str]:
        """While a vote is open with its results off the screen: how many have voted."""
        vote = self.session.votes.current
        return [texts.PROJECTION_VOTE_TURNOUT.format(voters=texts.count(vote.voters, texts.VOTERS))] if vote else []

    def _draw(self) -> None:
        self.box.clear()
        self.comments.clear()
        self.pages = None
        with self.box:
            if self.axis is None:
                self._overview()
            else:
                self._presented(self.axis)

    def _overview(self) -> None:
        ui.label(texts.PROJECTION_AXES_TITLE).classes("axis-title").mark("axes-overview")
        if not self.session.axes.axes:
            ui.label(texts.PROJECTION_NO_AXES).classes("status")
        for number, axis in enumerate(self.session.axes.axes, start=1):
            ui.label(f"{number}. {axis.title.upper()}").classes("overview-line")

    def _presented(self, axis: Axis) -> None:
        with ui.row().classes("w-full items-baseline gap-6 no-wrap"):
            ui.label(texts.AXIS_NUMBER_OF.format(number=axis_number(self.session.axes, axis.id),
                                                 total=len(self.session.axes.axes))).classes("axis-number")
            self.evidence = ui.label().classes("axis-evidence").mark("axis-evidence")
        ui.label(axis.title.upper()).classes("axis-title").mark("axis-title")
        self.pages = AxisPages(axis, self.session.axes.presented_page).classes("w-full").mark("axis-pages")
        if axis.concretely:
            with ui.row().classes("concretely gap-3 no-wrap"):
                ui.label(texts.CONCRETELY).classes("font-bold")
                ui.label(axis.concretely).classes("participant-text")
        with ui.column().classes("room-comments gap-2 w-full") as self.comment_box:
            ui.label(texts.PROJECTION_COMMENTS).classes("column-title")
        for comment in self.session.comments.shown_for(axis.id):
            self._show_comment(comment)
        self.comment_box.set_visibility(bool(self.comments))  # no empty « Dans la salle » heading
        self._count_evidence()

    def _show_comment(self, comment: Comment) -> None:
        label = self.comments.get(comment.id)
        if comment.shown and label is None:
            with self.comment_box:
                self.comments[comment.id] = ui.label(comment.text).classes("room-comment participant-text") \
                    .mark(f"shown-comment-{comment.id}")
        elif not comment.shown and label is not None:
            self.comments.pop(comment.id).delete()
        self.comment_box.set_visibility(bool(self.comments))

    def _count_evidence(self) -> None:
        if self.axis is not None:
            count = len(self.session.evidence_for_axis(self.axis.id))
            self.evidence.set_text(texts.count(count, texts.AXIS_EVIDENCE) if count else "")


class VoteScreen:
    """The latest vote: what it is about, how many voted, and its results in the facilitator's chosen view."""

    def __init__(self, session: Session, vote: PriorityVote) -> None:
        self.session, self.vote = session, vote
        with ui.column().classes("vote-screen w-full gap-2"):
            self.title = ui.label().classes("axis-title").mark("vote-title")
            self.rules = ui.label(texts.PROJECTION_VOTE_RULES.format(budget=vote.budget, cap=vote.cap)) \
                .classes("status")
            with Pager():  # however many items, each shown whole on some page
                self.panel = ResultsPanel(session, vote, session.votes.results_view)
        self._show_state()

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case PointsChanged() | PaperPointsChanged():
                self.panel.on_points(event)
            case VoteChanged(vote=vote) if vote.id == self.vote.id:
                self._show_state()

    def totals(self) -> list[str]:
        return [texts.count(self.vote.voters, texts.VOTERS)]

    def _show_state(self) -> None:
        items = texts.TARGET_LABELS_PLURAL[self.vote.target]
        title = texts.PROJECTION_VOTE_OPEN if self.vote.is_open else texts.PROJECTION_VOTE_CLOSED
        self.title.set_text(title.format(items=items))
        self.rules.set_visibility(self.vote.is_open)
