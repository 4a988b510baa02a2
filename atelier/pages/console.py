"""`/f/{code}`: the facilitator's console — phases, join code, and moderation of the live contributions."""

from __future__ import annotations

from enum import StrEnum

from fastapi import Request, Response
from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import SetPhaseDate, SetPhaseStatus
from atelier.domain.events import DomainEvent, PhaseChanged
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.removed import RemovedKind
from atelier.domain.session import Session
from atelier.pages import affiche, analysis_page, axes_page, ballot_sheet, paper_ballot
from atelier.pages.console_calendar import CalendarSteps, browser_date
from atelier.pages.console_context import ContextForm
from atelier.pages.console_exports import ExportButtons, register_routes
from atelier.pages.console_list import ContributionList
from atelier.pages.console_moderation import ModerationQueue
from atelier.pages.console_plenary import PlenaryControls, TimerControls
from atelier.pages.console_proxy import ProxyEntry
from atelier.pages.console_wall import WallControls
from atelier.pages.console_witnesses import WitnessList
from atelier.pages.frame import attempt, facilitator_session, frame, token_left_behind
from atelier.pages.removed_list import RemovedList, UndoBar
from atelier.pages.widgets import DateField, confirm, heading, qr_code, screen_links


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
            TimerControls(atelier, session)
            ConsoleSteps(atelier, session)
            ProxyEntry(atelier, session)
            ContributionList(atelier, session)
        return None

    register_routes(atelier)
    affiche.register(atelier)
    ballot_sheet.register(atelier)
    paper_ballot.register(atelier)


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


class Step(StrEnum):
    """The console's tabs, one per moment of the démarche."""

    PREPARATION = "preparation"
    ETAT_DES_LIEUX = "etat_des_lieux"
    TEMOIGNAGES = "temoignages"
    ANALYSE = "analyse"
    RESTITUTION = "restitution"
    DOCUMENT = "document"


def current_step(session: Session) -> Step:
    """The step the démarche is at: the open phase's; between phases, the analysis (or, once the
    restitution is over, the document); before anything, the preparation."""
    phase = session.open_phase
    if phase is not None:
        return Step(phase.key.value)
    if session.phases[PhaseKey.RESTITUTION].status is PhaseStatus.CLOSED:
        return Step.DOCUMENT
    if any(p.status is PhaseStatus.CLOSED for p in session.phases.values()):
        return Step.ANALYSE
    return Step.PREPARATION


class ConsoleSteps:
    """A tab per step, the current one open, each with only what applies to it; opening a phase opens
    its tab. What runs through the whole soirée (phases, timer, moderation, the list of contributions)
    stays above or below the tabs."""

    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.session = session
        with ui.tabs().props("no-caps align=left").classes("w-full console-steps").mark("steps") as self.tabs:
            for step in Step:
                ui.tab(step.value, label=texts.CONSOLE_STEP_LABELS[step]).mark(f"step-{step.value}")
        with ui.tab_panels(self.tabs, value=current_step(session).value).classes("w-full") as self.panels:
            with ui.tab_panel(Step.PREPARATION.value).classes("gap-3"):
                ContextForm(atelier, session)
                UndoBar(atelier, session, {RemovedKind.STEP}, mark="undo-step")
                CalendarSteps(atelier, session)
            with ui.tab_panel(Step.ETAT_DES_LIEUX.value).classes("gap-3"):
                WallControls(atelier, session)
            with ui.tab_panel(Step.TEMOIGNAGES.value).classes("gap-3"):
                UndoBar(atelier, session, {RemovedKind.STRUCTURE}, mark="undo-structure")
                WitnessList(atelier, session)
                WallControls(atelier, session)
            with ui.tab_panel(Step.ANALYSE.value).classes("gap-3"):
                AnalysisLinks(session)
                RemovedList(atelier, session)
            with ui.tab_panel(Step.RESTITUTION.value).classes("gap-3"):
                PlenaryControls(atelier, session)
            with ui.tab_panel(Step.DOCUMENT.value).classes("gap-3"):
                ExportButtons(atelier, session)
        atelier.hub.subscribe(live.session(session.code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, PhaseChanged) and event.phase.status is PhaseStatus.OPEN:
            self.panels.set_value(current_step(self.session).value)


class AnalysisLinks:
    """Between the soirées: the screens where contributions become axes."""

    def __init__(self, session: Session) -> None:
        with ui.card().classes("w-full gap-2").mark("analysis-links"):
            heading(texts.CONSOLE_STEP_LABELS[Step.ANALYSE], 2)
            ui.label(texts.CONSOLE_ANALYSIS_HINT).classes("text-gray-700")
            with ui.row().classes("gap-4"):
                ui.link(texts.CONSOLE_ANALYSIS, f"/f/{session.code}/analyse").mark("analysis-link")
                ui.link(texts.CONSOLE_AXES, f"/f/{session.code}/axes").mark("axes-link")


class PhaseControls:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.rows: dict[PhaseKey, tuple[ui.label, ui.row, DateField]] = {}
        with ui.card().classes("w-full gap-2"):
            heading(texts.CONSOLE_PHASES, 2)
            for key in PhaseKey:
                with ui.row().classes("items-center gap-4 w-full"):
                    status = ui.label().classes("text-lg min-w-[22rem]").mark(f"phase-{key.value}")
                    buttons = ui.row().classes("gap-2")
                    day = DateField(texts.CONSOLE_PHASE_DATE).mark(f"date-{key.value}")
                    day.on("change", lambda event, k=key: self.set_date(k, event.args))
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
