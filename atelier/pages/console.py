"""`/f/{code}`: the facilitator's console — phases, join code, and moderation of the live contributions."""

from __future__ import annotations

from fastapi import Request, Response
from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import SetPhaseDate, SetPhaseStatus
from atelier.domain.events import DomainEvent, PhaseChanged
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.pages import affiche, analysis_page, axes_page, ballot_sheet
from atelier.pages.console_calendar import DATE_CHANGED, CalendarSteps, browser_date
from atelier.pages.console_context import ContextForm
from atelier.pages.console_exports import ExportButtons, register_routes
from atelier.pages.console_list import ContributionList
from atelier.pages.console_moderation import ModerationQueue
from atelier.pages.console_plenary import PlenaryControls
from atelier.pages.console_proxy import ProxyEntry
from atelier.pages.console_witnesses import WitnessList
from atelier.pages.frame import attempt, facilitator_session, frame, token_left_behind
from atelier.pages.widgets import confirm, heading, qr_code, screen_links


def register(atelier: Atelier) -> None:
    analysis_page.register(atelier)
    axes_page.register(atelier)

    @ui.page("/f/{code}", title=texts.APP_NAME)
    def console_page(request: Request, code: str, token: str | None = None) -> Response | None:
        redirect = token_left_behind(atelier, request, token)
        if redirect is not None:
            return redirect
        session = facilitator_session(atelier, code, None)
        if session is None:
            return None
        ui.page_title(texts.CONSOLE_TITLE.format(territory=session.territory))
        with frame("console"):
            _header(atelier, session)
            ModerationQueue(atelier, session)
            PhaseControls(atelier, session)
            CalendarSteps(atelier, session)
            WitnessList(atelier, session)
            PlenaryControls(atelier, session)
            ExportButtons(atelier, session)
            ContextForm(atelier, session)
            ProxyEntry(atelier, session)
            ContributionList(atelier, session)
        return None

    register_routes(atelier)
    affiche.register(atelier)
    ballot_sheet.register(atelier)


def _header(atelier: Atelier, session: Session) -> None:
    url = atelier.join_url(session.code)
    with ui.row().classes("w-full items-start justify-between"):
        with ui.column().classes("gap-1"):
            heading(session.territory, 1)
            ui.label(session.title)
            ui.label(f"{texts.PROJECTION_CODE} : {session.code}").classes("text-2xl font-bold").mark("code")
            ui.label(f"{texts.CONSOLE_JOIN} : {url}").mark("join-url")
            with ui.row():
                ui.link(texts.CONSOLE_PROJECTION, f"/p/{session.code}", new_tab=True).mark("projection-link")
                ui.link(texts.CONSOLE_AFFICHE, affiche.path(session.code), new_tab=True).mark("affiche-link")
                ui.link(texts.CONSOLE_HOME, "/")
            screen_links(session.code, current="console")
        qr_code(url, classes="qr-small")


class PhaseControls:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.rows: dict[PhaseKey, tuple[ui.label, ui.row, ui.input]] = {}
        with ui.card().classes("w-full gap-2"):
            heading(texts.CONSOLE_PHASES, 2)
            for key in PhaseKey:
                with ui.row().classes("items-center gap-4 w-full"):
                    status = ui.label().classes("text-lg min-w-[22rem]").mark(f"phase-{key.value}")
                    buttons = ui.row().classes("gap-2")
                    day = ui.input(texts.CONSOLE_PHASE_DATE).props("type=date dense outlined stack-label") \
                        .mark(f"date-{key.value}")
                    # The date as the browser has it when the field is left: the field's value on the
                    # server may not have caught up yet (it used to save the previous date).
                    day.on("change", lambda event, k=key: self.set_date(k, event.args), js_handler=DATE_CHANGED)
                self.rows[key] = (status, buttons, day)
        self.refresh()
        atelier.hub.subscribe(live.session(session.code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, PhaseChanged):
            self.refresh()

    def refresh(self) -> None:
        for key, (status, buttons, day) in self.rows.items():
            phase = self.session.phases[key]
            status.set_text(texts.CONSOLE_PHASE_STATUS.format(
                phase=texts.PHASE_LABELS[key], status=texts.PHASE_STATUS_LABELS[phase.status]))
            day.value = phase.date.isoformat() if phase.date else ""
            buttons.clear()
            with buttons:
                if phase.status is PhaseStatus.OPEN:
                    self._button(texts.CONSOLE_CLOSE_PHASE, key, PhaseStatus.CLOSED)
                else:
                    label = texts.CONSOLE_OPEN_PHASE if phase.status is PhaseStatus.UPCOMING \
                        else texts.CONSOLE_REOPEN_PHASE
                    self._button(label, key, PhaseStatus.OPEN)

    def _button(self, label: str, key: PhaseKey, status: PhaseStatus) -> None:
        async def change() -> None:
            await attempt(lambda: self.atelier.service.apply(self.session.code, SetPhaseStatus(key, status)))

        def ask() -> None:
            """Closing stops every phone's form: said first, and it can be reopened."""
            confirm(texts.CONSOLE_CLOSE_PHASE_CONFIRM.format(phase=texts.PHASE_LABELS[key]), label, change,
                    audience="console", mark=f"confirm-close-{key.value}")

        on_click = ask if status is PhaseStatus.CLOSED else change
        ui.button(label, on_click=on_click).props("no-caps").mark(f"{status.value}-{key.value}")

    async def set_date(self, key: PhaseKey, value: object) -> None:
        try:
            day = browser_date(value)
        except ValueError:
            return
        if day == self.session.phases[key].date:
            return
        await attempt(lambda: self.atelier.service.apply(self.session.code, SetPhaseDate.of(key, day)))
