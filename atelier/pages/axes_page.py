"""`/f/{code}/axes`: the facilitator builds the axes stratégiques from what phases 1 and 2 produced.

Each axe is one card. A change to an axe (from this tab or another) updates that card only; a
contribution linked, unlinked, hidden or merged updates the evidence of the axes it backs, found
through an index kept here, so the many posts of a soirée cost this page nothing.
"""

from __future__ import annotations

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain import limits
from atelier.domain.axes import Axis, Target
from atelier.domain.changes import AddAxis
from atelier.domain.errors import NotFound
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisRemoved,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
    EvidenceChanged,
)
from atelier.domain.removed import RemovedKind
from atelier.domain.session import Session
from atelier.pages.axes_card import AxisCard
from atelier.pages.frame import attempt, facilitator_screen
from atelier.pages.removed_list import RemovedList, UndoBar
from atelier.pages.widgets import heading, screen_links


def register(atelier: Atelier) -> None:
    facilitator_screen(atelier, "/f/{code}/axes", texts.AXES_TITLE, AxesScreen)


class AxesScreen:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.cards: dict[int, AxisCard] = {}
        self.backing: dict[int, set[int]] = {}  # contribution id → the axes it backs, as last seen
        heading(texts.AXES_HEADING, 1)
        ui.label(session.territory).classes("text-xl")
        screen_links(session.code, current="axes")
        ui.label(texts.AXES_HINT).classes("text-gray-700")
        UndoBar(atelier, session, {RemovedKind.LINE, RemovedKind.AXIS}, mark="undo-removal", sticky=True)
        self.empty = ui.label(texts.AXES_EMPTY).classes("italic")
        self.box = ui.column().classes("w-full gap-4")
        with ui.card().classes("w-full"), ui.row().classes("w-full items-center gap-2 no-wrap"):
            self.new_title = ui.input(texts.AXES_NEW_TITLE).classes("grow") \
                .props(f"outlined maxlength={limits.MAX_TITLE}").mark("new-axis-title")
            self.new_title.on("keydown.enter", self.add_axis)
            ui.button(texts.AXES_ADD, on_click=self.add_axis).props("no-caps").mark("add-axis")
        for axis in session.axes.axes:
            self._card(axis)
        for cid in session.evidence.links:
            self.backing[cid] = self._axes_backed_by(cid)
        self._renumber()
        RemovedList(atelier, session)
        atelier.hub.subscribe(live.session(session.code), self.on_session)
        atelier.hub.subscribe(live.wall(session.code), self.on_wall)

    async def add_axis(self) -> None:
        title = self.new_title.value or ""
        if await attempt(lambda: self.atelier.service.apply(self.session.code, AddAxis(title))) is not None:
            self.new_title.value = ""

    def on_session(self, event: DomainEvent) -> None:
        if isinstance(event, AxisChanged) and event.linked:
            self._evidence_moved(list(event.linked))  # a suggested group accepted, with its evidence
        match event:
            case AxisChanged(axis=axis, source=source) if axis.id in self.cards:
                self.cards[axis.id].sync(axis)
                if source is not None and source.id in self.cards:
                    self.cards[source.id].sync(source)
            case AxisChanged(axis=axis):
                self._card(axis)
            case AxisRemoved(axis=axis) if axis.id in self.cards:
                self.cards.pop(axis.id).box.delete()
            case AxesReordered(order=order):
                for index, axis_id in enumerate(order):
                    if axis_id in self.cards:
                        self.cards[axis_id].box.move(self.box, target_index=index)
            case _:
                return
        self._renumber()

    def on_wall(self, event: DomainEvent) -> None:
        """Only contributions that back an axe concern this page."""
        match event:
            case EvidenceChanged(contribution_id=cid):
                self._evidence_moved([cid])
            case ContributionChanged(contribution=c) | ContributionDeleted(contribution=c) if c.id in self.backing:
                self._evidence_moved([c.id])
            case ContributionsMerged(result=result, originals=originals):
                self._evidence_moved([*(o.id for o in originals), result.id])
            case ContributionsUnmerged(result_id=result_id, originals=originals):
                self._evidence_moved([*(o.id for o in originals), result_id])

    def _evidence_moved(self, cids: list[int]) -> None:
        concerned: set[int] = set()
        for cid in cids:
            now = self._axes_backed_by(cid)
            concerned |= self.backing.pop(cid, set()) | now
            if now:
                self.backing[cid] = now
        for axis_id in concerned & set(self.cards):
            self.cards[axis_id].refresh_evidence()

    def _axes_backed_by(self, cid: int) -> set[int]:
        return {axis.id for axis in (self._axis_of(t) for t in self.session.evidence.uses_of(cid)) if axis}

    def _axis_of(self, target: Target) -> Axis | None:
        try:
            return self.session.axes.locate(target)[0]
        except NotFound:
            return None

    def _card(self, axis: Axis) -> None:
        with self.box:
            self.cards[axis.id] = AxisCard(self.atelier, self.session, axis)

    def _renumber(self) -> None:
        """Numbers follow the board's order (12 axes at most)."""
        order = [axis.id for axis in self.session.axes.axes if axis.id in self.cards]
        for number, axis_id in enumerate(order, start=1):
            self.cards[axis_id].place(number, len(order))
        self.empty.set_visibility(not self.cards)
