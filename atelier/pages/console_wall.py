"""The console's hold on the projection's wall: every theme in turn or one, turning or held, a page
further, or « Les plus partagées ». Every projection of the démarche follows (`SetWallView`)."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import SetWallView
from atelier.domain.events import DomainEvent, WallViewChanged
from atelier.domain.session import Session
from atelier.pages.frame import attempt
from atelier.pages.projection_wall import PAGE_SECONDS
from atelier.pages.widgets import ALL, heading, select


class WallControls:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        with ui.card().classes("w-full gap-2").mark("wall-controls"):
            heading(texts.WALL_CONTROLS, 2)
            ui.label(texts.WALL_CONTROLS_HINT.format(seconds=PAGE_SECONDS)).classes("text-gray-700")
            with ui.row().classes("items-center gap-2"):
                self.theme = select({ALL: texts.WALL_EVERY_THEME, **{t: t for t in session.themes}},
                                    label=texts.WALL_THEME, marker="wall-theme", classes="min-w-[16rem]",
                                    props="outlined dense", value=session.wall.theme or ALL,
                                    on_change=self._theme_chosen)
                self.pause = ui.button(on_click=self._toggle_pause).props("no-caps outline").mark("wall-pause")
                ui.button(texts.WALL_NEXT_PAGE, on_click=self._next_page).props("no-caps flat").mark("wall-next")
                self.top = ui.button(on_click=self._toggle_top).props("no-caps outline").mark("wall-top")
        self.show()
        atelier.hub.subscribe(live.wall(session.code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, WallViewChanged):
            self.show()

    def show(self) -> None:
        view = self.session.wall
        self.theme.value = view.theme or ALL
        self.pause.set_text(texts.WALL_RESUME if view.paused else texts.WALL_PAUSE)
        self.top.set_text(texts.WALL_SHOW_WALL if view.top_shared else texts.WALL_SHOW_TOP)

    async def _set(self, **changes: Any) -> None:
        """The view as it is, with `changes`: the domain checks it (a theme of the démarche)."""
        wanted = replace(self.session.wall, **changes)
        if wanted != self.session.wall:
            await attempt(lambda: self.atelier.service.apply(self.session.code, SetWallView(**asdict(wanted))))

    async def _theme_chosen(self) -> None:
        chosen = self.theme.value
        await self._set(theme=None if chosen in (None, ALL) else str(chosen))

    async def _toggle_pause(self) -> None:
        await self._set(paused=not self.session.wall.paused)

    async def _next_page(self) -> None:
        await self._set(turn=self.session.wall.turn + 1)

    async def _toggle_top(self) -> None:
        await self._set(top_shared=not self.session.wall.top_shared)
