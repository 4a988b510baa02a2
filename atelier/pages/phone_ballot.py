"""The phone's ballot for the priority vote: big minus and plus buttons, the points on each item, the points left.

Built once with the page and shown or hidden: opening a vote sets the properties of one element per
phone (`BallotItems`, drawn by the browser from ballot.js), so a room-wide change costs each phone
one small update, never a tree of labels and buttons per proposition. Only this participant's own
channel updates the points, so two phones of the same person show the same points, and no phone
hears anyone else's. The domain refuses what the rules forbid (budget, cap, closed vote); the
refusal is shown in French and the points stay as they were.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

from atelier import texts
from atelier.context import Atelier
from atelier.domain.changes import RedeemBallotCode, SetPoints
from atelier.domain.errors import NotAllowed
from atelier.domain.events import AxisChanged, BallotGiven, DomainEvent, PointsChanged, VoteChanged
from atelier.domain.screens import axis_number, ballot
from atelier.domain.session import Session
from atelier.domain.votes import BALLOT_CODE_LENGTH, PriorityVote
from atelier.pages.frame import attempt, show_error
from atelier.pages.widgets import heading

LABELS = {"minus": texts.PHONE_REMOVE_POINT, "plus": texts.PHONE_ADD_POINT, "minusSign": texts.VOTE_MINUS,
          "plusSign": texts.VOTE_PLUS, "point": texts.POINTS[0], "points": texts.POINTS[1],
          "mine": texts.PHONE_MY_POINTS}


class BallotItems(ui.element, component="ballot.js"):
    """Every proposition of a vote, by axe and orientation, with its points and its minus and plus
    (while the vote is open)."""

    def __init__(self, on_points: Callable[[int, int], Awaitable[None]]) -> None:
        super().__init__()
        self._props.update(sections=[], points={}, frozen=False, labels=LABELS)

        async def tapped(event: GenericEventArguments) -> None:
            args = event.args if isinstance(event.args, dict) else {}
            item, points = args.get("item"), args.get("points")
            if type(item) is int and type(points) is int:  # not a bool, a string or a list
                await on_points(item, points)  # the domain checks the item, the budget and the cap
            # anything else is no tap of ballot.js: ignored

        self.on("points", tapped)

    def show(self, sections: list[dict[str, Any]], points: dict[int, int], frozen: bool) -> None:
        self._props.update(sections=sections, points=points, frozen=frozen)
        self.update()

    def set_points(self, item_id: int, points: int) -> None:
        self._props["points"] = {**self._props["points"], item_id: points}
        self.update()

    def set_frozen(self, frozen: bool) -> None:
        self._props["frozen"] = frozen
        self.update()

    def set_texts(self, texts_by_id: dict[int, str]) -> None:
        """Lines (items and orientation headings) edited since the vote opened read as they are now."""
        sections = [{**s, "orientation": texts_by_id.get(s["orientation_id"], s["orientation"]),
                     "items": [{**i, "text": texts_by_id.get(i["id"], i["text"])} for i in s["items"]]}
                    for s in self._props["sections"]]
        self.show(sections, self._props["points"], self._props["frozen"])

    @property
    def points(self) -> dict[int, int]:
        return {int(item): points for item, points in self._props["points"].items()}


def sections_of(vote: PriorityVote, session: Session) -> list[dict[str, Any]]:
    """What the ballot shows: its propositions by axe (numbered as the projection numbers them) and,
    for pistes, by orientation; the axe's title heads its first group only."""
    sections, previous = [], None
    for s in ballot(vote, session.axes):
        title = f"{texts.AXIS_NUMBER.format(number=axis_number(session.axes, s.axis.id))} — {s.axis.title}"
        sections.append({"key": f"{s.axis.id}-{s.orientation.id if s.orientation else 0}",
                         "title": title if s.axis.id != previous else "",
                         "orientation_id": s.orientation.id if s.orientation else None,
                         "orientation": s.orientation.text if s.orientation else "",
                         "items": [{"id": line.id, "text": line.text} for line in s.items]})
        previous = s.axis.id
    return sections


class Ballot:
    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.vote_id: int | None = None
        with ui.column().classes("ballot w-full gap-3").mark("ballot") as self.box:
            heading(texts.PHONE_VOTE_TITLE, 2)
            self.help = ui.label().classes("hint")
            # Stays at the top of the screen while the list scrolls: what is left, what is refused, or closed.
            with ui.column().classes("ballot-status w-full gap-1"):
                self.left = ui.label().classes("points-left").mark("points-left")
                self.closed = ui.label(texts.PHONE_VOTE_CLOSED).classes("vote-closed").mark("vote-closed")
                self.error = ui.label().classes("error").mark("vote-error")
            with ui.column().classes("w-full gap-2") as self.code_box:  # « un bulletin par code »
                ui.label(texts.PHONE_BALLOT_CODE_HELP)
                self.code = ui.input(texts.PHONE_BALLOT_CODE).props(
                    f'outlined autocapitalize=characters autocomplete=off spellcheck=false '
                    f'maxlength={BALLOT_CODE_LENGTH + 4}').classes("w-full text-2xl").mark("ballot-code")
                ui.button(texts.PHONE_BALLOT_CODE_SEND, on_click=self._redeem).props("no-caps") \
                    .mark("ballot-code-send")
            self.items = BallotItems(self._change).classes("w-full").mark("ballot-items")
        self.error.set_visibility(False)
        self.show(session.votes.latest)

    @property
    def vote(self) -> PriorityVote | None:
        """Looked up in the session each time: an event's copy of the vote never moves."""
        return None if self.vote_id is None else self.session.votes.vote(self.vote_id)

    def show(self, vote: PriorityVote | None) -> None:
        """Show this vote's ballot (a new vote replaces the previous one), or nothing."""
        self.vote_id = None if vote is None else vote.id
        self.box.set_visibility(vote is not None)
        if vote is None:
            return
        self.help.set_text(texts.PHONE_VOTE_HELP.format(budget=vote.budget, cap=vote.cap))
        self.items.show(sections_of(vote, self.session), vote.points_of(self.participant_id), not vote.is_open)
        self._show_left(vote.points_left(self.participant_id))
        self._freeze(not vote.is_open)
        self._ask_code(vote)

    def _ask_code(self, vote: PriorityVote) -> None:
        """Without its code, a phone sees the code field in place of the propositions."""
        asking = vote.is_open and not vote.has_ballot(self.participant_id)
        self.code_box.set_visibility(asking)
        self.items.set_visibility(not asking)
        self.left.set_visibility(vote.is_open and not asking)

    def on_ballot_given(self, event: BallotGiven) -> None:
        vote = self.vote
        if vote is not None and event.vote_id == vote.id:
            self.error.set_visibility(False)
            self._ask_code(vote)

    async def _redeem(self) -> None:
        if not self.atelier.rates.ballot_codes.hit(self.participant_id):
            show_error(NotAllowed("vote_code_too_many_tries"), self.error, notify=False)
            return
        await attempt(lambda: self.atelier.service.apply(
            self.session.code, RedeemBallotCode(self.participant_id, str(self.code.value or ""))),
            self.error, notify=False)

    def on_session_event(self, event: DomainEvent) -> None:
        match event:
            case VoteChanged(vote=vote) if vote.id != self.vote_id:
                self.show(self.session.votes.vote(vote.id))
            case VoteChanged(vote=vote):
                self._freeze(not vote.is_open)
                if self.vote is not None:
                    self._ask_code(self.vote)
            case AxisChanged(axis=axis) if self.vote_id is not None:
                self.items.set_texts({line.id: line.text for line in [*axis.orientations, *axis.pistes]})

    def on_points(self, event: PointsChanged) -> None:
        """One of this participant's devices moved points: the same item and the same total here."""
        if event.vote_id != self.vote_id:
            return
        self.items.set_points(event.item_id, event.points)
        self._show_left(event.points_left)
        self.error.set_visibility(False)

    async def _change(self, item_id: int, points: int) -> None:
        if self.vote_id is None or points < 0:
            return
        # The refusal shows under « Points restants », which stays on screen: a pop-up would cover it.
        await attempt(lambda: self.atelier.service.apply(self.session.code, SetPoints(self.participant_id, item_id,
                                                                                      points)),
                      self.error, notify=False)

    def _show_left(self, left: int) -> None:
        vote = self.vote
        if vote is not None:
            self.left.set_text(texts.PHONE_POINTS_LEFT.format(left=left, budget=vote.budget))

    def _freeze(self, frozen: bool) -> None:
        self.items.set_frozen(frozen)
        self.closed.set_visibility(frozen)
        self.left.set_visibility(not frozen)
        self.help.set_visibility(not frozen)
        if frozen:
            self.error.set_visibility(False)
