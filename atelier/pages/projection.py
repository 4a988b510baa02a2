"""`/p/{code}`: the big screen. QR code to join, the step timer, and one screen per moment of the démarche.

The screen follows the session (`domain.screens.projection_screen`): the wall of the état des lieux,
the témoignages, the presented axe, the vote's results. A move that changes the screen rebuilds
only the screen's area; every other event goes to the screen shown, which updates one element.
"""

from __future__ import annotations

from typing import Protocol

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.events import DomainEvent, TimerChanged
from atelier.domain.screens import Screen, projection_screen
from atelier.domain.session import Session
from atelier.pages.countdown import Countdown
from atelier.pages.frame import frame, not_found
from atelier.pages.projection_plenary import AxisScreen, VoteScreen
from atelier.pages.projection_wall import EtatDesLieuxWall, TestimonyWall, TopSharedScreen
from atelier.pages.widgets import heading, phase_line, qr_code


def _address(url: str) -> None:
    """The join address, read from the back of the hall: if it must take two lines, it breaks before
    « /j/CODE », never inside the host or the port."""
    host, sep, path = url.rpartition("/j/")
    with ui.element("div").classes("join-url text-center").mark("join-url"):
        if not sep:
            ui.label(url)
            return
        ui.label(host).classes("inline whitespace-nowrap")
        ui.element("wbr")  # the one place the line may break
        ui.label(f"{sep}{path}").classes("inline whitespace-nowrap")


class ScreenArea(Protocol):
    def on_event(self, event: DomainEvent) -> None: ...

    def totals(self) -> list[str]: ...


def register(atelier: Atelier) -> None:
    @ui.page("/p/{code}", title=texts.APP_NAME)
    def projection_page(code: str) -> None:
        session = atelier.service.find(code)
        if session is None:
            not_found(code)
            return
        ui.page_title(texts.PROJECTION_TITLE.format(territory=session.territory))
        Projection(atelier, session)


class Projection:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.key: tuple[object, ...] = ()
        self.screen: ScreenArea | None = None
        with frame("projection"), ui.row().classes("w-full h-full no-wrap gap-0"):
            self._join_panel(atelier.join_url(session.code))
            with ui.column().classes("wall gap-2"):
                heading(session.territory, 1).classes("wall-title")
                self.status = ui.label().classes("status").mark("phase-status")
                self.totals = ui.label().classes("status").mark("totals")
                self.area = ui.column().classes("w-full gap-2 screen-area").mark("screen-area")
        self._show_screen()
        self._refresh_header()
        atelier.hub.subscribe(live.wall(session.code), self.on_event)
        atelier.hub.subscribe(live.session(session.code), self.on_event)

    def _join_panel(self, url: str) -> None:
        with ui.column().classes("join-panel items-center gap-4"):
            ui.label(texts.PROJECTION_JOIN).classes("text-center font-bold")
            qr_code(url, classes="qr").mark("qr")
            ui.label(texts.PROJECTION_SCAN).classes("text-center")
            _address(url)
            ui.label(texts.PROJECTION_CODE).classes("mt-4")
            ui.label(self.session.code).classes("join-code").mark("join-code")
            self.countdown = Countdown(self.session.timer, now=self.atelier.service.clock(),
                                       classes="mt-auto items-center")

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, TimerChanged):
            self.countdown.show(event.timer)
        elif not self._show_screen() and self.screen is not None:
            self.screen.on_event(event)  # a screen just built has read the session as it is now
        self._refresh_header()

    def _show_screen(self) -> bool:
        """Build the screen the session calls for, if it is not the one shown; True when it was built."""
        screen = projection_screen(self.session)
        votes = self.session.votes
        key: tuple[object, ...] = (screen,)
        if screen is Screen.AXIS:
            key = (screen, self.session.axes.presented_id)
        elif screen is Screen.VOTE and votes.latest is not None:
            key = (screen, votes.latest.id, votes.results_view)
        if key == self.key:
            return False
        self.key = key
        self.area.clear()
        with self.area:
            self.screen = self._build(screen)
        return True

    def _build(self, screen: Screen) -> ScreenArea:
        latest = self.session.votes.latest
        if screen is Screen.VOTE and latest is not None:
            return VoteScreen(self.session, latest)
        if screen is Screen.AXIS or screen is Screen.VOTE:
            return AxisScreen(self.session)
        if screen is Screen.TESTIMONIES:
            return TestimonyWall(self.session)
        if screen is Screen.TOP_SHARED:
            return TopSharedScreen(self.session)
        return EtatDesLieuxWall(self.session)

    def _refresh_header(self) -> None:
        self.status.set_text(phase_line(self.session.open_phase, self.session))
        totals = self.screen.totals() if self.screen is not None else []
        totals.append(texts.count(len(self.session.participants), texts.PROJECTION_PARTICIPANTS))
        self.totals.set_text(" · ".join(totals))
