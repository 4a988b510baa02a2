"""« Éléments supprimés »: what the facilitator removed, put back in one tap (`RestoreRemoved`).

`UndoBar` keeps the newest removal of the kinds a page deals with in view, with « Annuler », until
another one comes or it is put back (from this tab or another); `RemovedList` lists all that is kept,
newest first, each with « Rétablir ». Both follow every change of the démarche, since a removal made
in another tab or on another screen is theirs to show too.
"""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import RestoreRemoved
from atelier.domain.events import DomainEvent
from atelier.domain.removed import RemovedEntry, RemovedKind
from atelier.domain.session import Session
from atelier.pages.frame import attempt


async def restore(atelier: Atelier, session: Session, entry: RemovedEntry) -> None:
    await attempt(lambda: atelier.service.apply(session.code, RestoreRemoved(entry.id)))


def follow_every_change(atelier: Atelier, session: Session, refresh: Callable[[], None]) -> None:
    """A removal comes with the event of what it changed (an axe, the structures, the calendar, the
    contributions of a merge), on either channel: whatever comes, look again (a few ids compared)."""
    def heard(event: DomainEvent) -> None:
        refresh()

    atelier.hub.subscribe(live.session(session.code), heard)
    atelier.hub.subscribe(live.wall(session.code), heard)


def describe(entry: RemovedEntry) -> str:
    """« Piste d'action « Un transport à la demande » », « Fusion : « Pas de bus le soir » »…"""
    return texts.REMOVED_LABELS[entry.kind].format(label=entry.label)


class UndoBar:
    """The newest removal among `kinds`, with « Annuler »: in view while the page scrolls."""

    def __init__(self, atelier: Atelier, session: Session, kinds: set[RemovedKind], *, mark: str,
                 sticky: bool = False) -> None:
        self.atelier, self.session, self.kinds = atelier, session, kinds
        self.shown: RemovedEntry | None = None
        with ui.row().classes("w-full items-center gap-3 bg-amber-50 p-2 rounded undo-bar"
                              + (" sticky top-0 z-10" if sticky else "")).mark(mark) as self.box:
            self.text = ui.label().classes("grow")
            ui.button(texts.UNDO, on_click=self._undo).props("no-caps outline").mark(f"{mark}-button")
        self.refresh()
        follow_every_change(atelier, session, self.refresh)

    def refresh(self) -> None:
        entries = self.session.removed.entries
        self.shown = next((e for e in reversed(entries) if e.kind in self.kinds), None)
        self.box.set_visibility(self.shown is not None)
        if self.shown is not None:
            self.text.set_text(texts.REMOVED_JUST_NOW.format(what=describe(self.shown)))

    async def _undo(self) -> None:
        if self.shown is not None:
            await restore(self.atelier, self.session, self.shown)


class RemovedList:
    """Every removal kept (the newest 50), newest first, each with « Rétablir »."""

    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.ids: list[int] = []
        with ui.expansion().classes("w-full").mark("removed-list") as self.box:
            ui.label(texts.REMOVED_HINT).classes("text-gray-700")
            self.list = ui.column().classes("w-full gap-1")
        self.refresh()
        follow_every_change(atelier, session, self.refresh)

    def refresh(self) -> None:
        entries = list(reversed(self.session.removed.entries))
        ids = [e.id for e in entries]
        if ids == self.ids:
            return  # most changes of a soirée remove nothing: nothing drawn again
        self.ids = ids
        self.box.set_text(texts.REMOVED_TITLE.format(count=len(entries)))
        self.list.clear()
        with self.list:
            if not entries:
                ui.label(texts.REMOVED_NONE).classes("italic")
            for entry in entries:
                with ui.row().classes("w-full items-center no-wrap gap-2").mark(f"removed-{entry.id}"):
                    ui.label(describe(entry)).classes("grow participant-text")
                    ui.label(entry.removed_at.astimezone().strftime("%H:%M")).classes("text-gray-700")
                    ui.button(texts.RESTORE_REMOVED, on_click=lambda e=entry: restore(self.atelier, self.session, e)) \
                        .props("no-caps outline").mark(f"restore-{entry.id}")
