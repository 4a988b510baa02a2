"""The phone's ballot for the priority vote: big minus and plus buttons, the points on each item, the points left.

Only this participant's own channel updates it, so two phones of the same person show the same
points, and no phone hears anyone else's. The domain refuses what the rules forbid (budget, cap,
closed vote); the refusal is shown in French and the points stay as they were.
"""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.changes import SetPoints
from atelier.domain.events import AxisChanged, DomainEvent, PointsChanged, VoteChanged
from atelier.domain.screens import axis_number, ballot
from atelier.domain.session import Session
from atelier.domain.votes import PriorityVote
from atelier.pages.frame import attempt
from atelier.pages.widgets import heading


class Ballot:
    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.vote: PriorityVote | None = None
        self.points: dict[int, ui.label] = {}
        self.texts: dict[int, ui.label] = {}
        self.buttons: list[ui.button] = []
        self.box = ui.column().classes("ballot w-full gap-3").mark("ballot")
        self.show(session.votes.latest)

    def show(self, vote: PriorityVote | None) -> None:
        """Draw the ballot of this vote (a new vote replaces the previous one)."""
        self.vote = vote
        self.box.clear()
        self.points.clear()
        self.texts.clear()
        self.buttons.clear()
        self.box.set_visibility(vote is not None)
        if vote is None:
            return
        mine = vote.points_of(self.participant_id)
        with self.box:
            heading(texts.PHONE_VOTE_TITLE, 2)
            self.help = ui.label(texts.PHONE_VOTE_HELP.format(budget=vote.budget, cap=vote.cap)).classes("hint")
            # Stays at the top of the screen while the list scrolls: what is left, what is refused, or closed.
            with ui.column().classes("ballot-status w-full gap-1"):
                self.left = ui.label().classes("points-left").mark("points-left")
                self.closed = ui.label(texts.PHONE_VOTE_CLOSED).classes("vote-closed").mark("vote-closed")
                self.error = ui.label().classes("error").mark("vote-error")
            self.error.set_visibility(False)
            for section in ballot(vote, self.session.axes):
                number = axis_number(self.session.axes, section.axis.id)
                ui.label(f"{texts.AXIS_NUMBER.format(number=number)} — {section.axis.title}") \
                    .classes("ballot-axis")
                for line in section.items:
                    self._item(line.id, line.text, mine.get(line.id, 0))
        self._show_left(vote.points_left(self.participant_id))
        self._freeze(not vote.is_open)

    def on_session_event(self, event: DomainEvent) -> None:
        match event:
            case VoteChanged(vote=vote) if self.vote is None or vote.id != self.vote.id:
                self.show(self.session.votes.vote(vote.id))  # the session's own: the event's copy never moves
            case VoteChanged(vote=vote):
                self._freeze(not vote.is_open)
            case AxisChanged(axis=axis) if self.vote is not None:
                for line in [*axis.orientations, *axis.pistes]:
                    if line.id in self.texts:
                        self.texts[line.id].set_text(line.text)

    def on_points(self, event: PointsChanged) -> None:
        """One of this participant's devices moved points: the same item and the same total here."""
        if self.vote is None or event.vote_id != self.vote.id or event.item_id not in self.points:
            return
        self.points[event.item_id].set_text(texts.count(event.points, texts.POINTS))
        self._show_left(event.points_left)
        self.error.set_visibility(False)

    def _item(self, item_id: int, text: str, points: int) -> None:
        with ui.column().classes("ballot-item w-full gap-2").mark(f"item-{item_id}"):
            self.texts[item_id] = ui.label(text).classes("ballot-text")
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                minus = ui.button(texts.VOTE_MINUS, on_click=lambda: self._change(item_id, -1)).classes("vote-button") \
                    .props(f'outline aria-label="{texts.PHONE_REMOVE_POINT}"').mark(f"minus-{item_id}")
                self.points[item_id] = ui.label(texts.count(points, texts.POINTS)).classes("ballot-points") \
                    .mark(f"points-{item_id}")
                plus = ui.button(texts.VOTE_PLUS, on_click=lambda: self._change(item_id, +1)).classes("vote-button") \
                    .props(f'aria-label="{texts.PHONE_ADD_POINT}"').mark(f"plus-{item_id}")
        self.buttons += [minus, plus]

    async def _change(self, item_id: int, step: int) -> None:
        vote = self.vote
        if vote is None:
            return
        points = vote.points_of(self.participant_id).get(item_id, 0) + step
        if points < 0:
            return
        # The refusal shows under « Points restants », which stays on screen: a pop-up would cover it.
        await attempt(lambda: self.atelier.service.apply(self.session.code, SetPoints(self.participant_id, item_id,
                                                              points)), self.error, notify=False)

    def _show_left(self, left: int) -> None:
        if self.vote is not None:
            self.left.set_text(texts.PHONE_POINTS_LEFT.format(left=left, budget=self.vote.budget))

    def _freeze(self, frozen: bool) -> None:
        for button in self.buttons:
            button.set_visibility(not frozen)
        self.closed.set_visibility(frozen)
        self.left.set_visibility(not frozen)
        self.help.set_visibility(not frozen)
        if frozen:
            self.error.set_visibility(False)
