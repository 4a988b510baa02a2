"""The console's other meetings of the démarche (présentation aux élus, comité de pilotage…), beside
the three phases: a title and a date each, typed, corrected or cleared; the document lists them all
in date order."""

from __future__ import annotations

from datetime import date

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.calendar import MAX_STEP_TITLE, CalendarStep
from atelier.domain.changes import AddCalendarStep, EditCalendarStep, RemoveCalendarStep
from atelier.domain.events import CalendarChanged, DomainEvent
from atelier.domain.session import Session
from atelier.pages.axes_lines import SavedField, icon_button
from atelier.pages.frame import attempt
from atelier.pages.widgets import DateField, heading


def browser_date(value: object) -> date | None:
    """What a `DateField` sends: an ISO date, or nothing once cleared. ValueError for anything else
    (the field never sends it; it is ignored, never taken as « no date »)."""
    if value in ("", None):
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    return date.fromisoformat(value)


class StepRow:
    def __init__(self, owner: CalendarSteps, step: CalendarStep) -> None:
        self.owner, self.id = owner, step.id
        self.day = step.date.isoformat() if step.date else None
        with ui.row().classes("w-full items-center gap-2 no-wrap"):
            title = ui.input(texts.CALENDAR_STEP_TITLE).classes("grow") \
                .props(f"outlined dense maxlength={MAX_STEP_TITLE}").mark(f"step-title-{step.id}")
            self.title = SavedField(title, step.title,
                                    lambda text: owner.apply(EditCalendarStep(step.id, text, self.day)))
            self.date = DateField(texts.CONSOLE_PHASE_DATE, self.day or "").mark(f"step-date-{step.id}")
            self.date.on("change", lambda event: self._set_date(event.args))
            icon_button("delete", texts.CALENDAR_REMOVE_STEP, lambda: owner.apply(RemoveCalendarStep(step.id)),
                        f"step-remove-{step.id}")

    async def _set_date(self, value: object) -> None:
        try:
            day = browser_date(value)
        except ValueError:
            return
        iso = day.isoformat() if day else None
        if iso != self.day:
            await self.owner.apply(EditCalendarStep(self.id, self.title.saved, iso))

    def sync(self, step: CalendarStep) -> None:
        self.title.sync(step.title)
        self.day = step.date.isoformat() if step.date else None
        self.date.value = self.day or ""


class CalendarSteps:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.rows: dict[int, StepRow] = {}
        with ui.card().classes("w-full gap-2"):
            heading(texts.CALENDAR_TITLE, 2)
            ui.label(texts.CALENDAR_HINT).classes("hint")
            self.box = ui.column().classes("w-full gap-1")
            with ui.row().classes("w-full items-center gap-2 no-wrap"):
                self.new_title = ui.input(texts.CALENDAR_NEW_STEP).classes("grow") \
                    .props(f"outlined dense maxlength={MAX_STEP_TITLE}").mark("new-step-title")
                self.new_date = DateField(texts.CONSOLE_PHASE_DATE).mark("new-step-date")
                self.new_title.on("keydown.enter", self.add)
                ui.button(texts.CALENDAR_ADD_STEP, on_click=self.add).props("outline no-caps").mark("add-step")
        self.show(tuple(session.calendar.steps))
        atelier.hub.subscribe(live.wall(session.code), self.on_event)

    async def apply(self, change: AddCalendarStep | EditCalendarStep | RemoveCalendarStep) -> CalendarStep | None:
        return await attempt(lambda: self.atelier.service.apply(self.session.code, change))

    async def add(self) -> None:
        try:
            day = browser_date(self.new_date.value)
        except ValueError:
            day = None
        change = AddCalendarStep(self.new_title.value or "", day.isoformat() if day else None)
        if await self.apply(change) is not None:
            self.new_title.value = ""
            self.new_date.value = ""

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, CalendarChanged):
            self.show(event.steps)

    def show(self, steps: tuple[CalendarStep, ...]) -> None:
        """Same steps: each row follows its step (typing not saved yet is kept). Otherwise rebuilt."""
        if [step.id for step in steps] == list(self.rows):
            for step in steps:
                self.rows[step.id].sync(step)
            return
        self.box.clear()
        self.rows = {}
        with self.box:
            for step in steps:
                self.rows[step.id] = StepRow(self, step)
