"""The console's form for the territory context and the facilitator's analysis (used by the restitution)."""

from __future__ import annotations

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain import limits
from atelier.domain.changes import SetContext
from atelier.domain.events import ContextChanged, DomainEvent
from atelier.domain.session import Session
from atelier.domain.session_context import SessionContext
from atelier.export.french import french_number
from atelier.pages.frame import attempt


class ContextForm:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        with ui.card().classes("w-full p-0"), ui.expansion(texts.CONTEXT_TITLE).classes("w-full") \
                .props("header-class=text-xl").mark("context-panel"):
            with ui.column().classes("w-full gap-2"):
                with ui.row().classes("w-full gap-4"):
                    # Text fields, not number fields: « 40 239 » is how a population is typed.
                    self.population = ui.input(texts.CONTEXT_POPULATION) \
                        .props("outlined inputmode=numeric").classes("w-64").mark("population")
                    self.year = ui.input(texts.CONTEXT_POPULATION_YEAR) \
                        .props(f"outlined inputmode=numeric maxlength={limits.YEAR_DIGITS}").classes("w-64") \
                        .mark("population-year")
                    self.seat = ui.input(texts.CONTEXT_SEAT).props(f"outlined maxlength={limits.MAX_SEAT}") \
                        .classes("grow").mark("seat")
                self.department = ui.input(texts.CONTEXT_DEPARTMENT) \
                    .props(f"outlined maxlength={limits.MAX_DEPARTMENT}").classes("w-full").mark("department")
                self.history = ui.textarea(texts.CONTEXT_HISTORY).classes("w-full").props("outlined rows=3") \
                    .mark("history")
                self.author = ui.input(texts.CONTEXT_AUTHOR).classes("w-full") \
                    .props(f"outlined maxlength={limits.MAX_AUTHOR}").mark("author")
                self.analysis = ui.textarea(texts.CONTEXT_ANALYSIS).classes("w-full").props("outlined rows=8") \
                    .mark("analysis")
                self.error = ui.label().classes("text-red-700 font-bold")
                self.error.set_visibility(False)
                ui.button(texts.CONTEXT_SAVE, on_click=self.save).props("no-caps").mark("save-context")
        self.show(session.context)
        atelier.hub.subscribe(live.session(session.code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, ContextChanged):
            self.show(event.context)  # saved from another console tab

    def show(self, context: SessionContext) -> None:
        self.population.value = "" if context.population is None else french_number(context.population)
        self.year.value = "" if context.population_year is None else str(context.population_year)
        self.seat.value = context.seat
        self.department.value = context.department
        self.history.value = context.history
        self.author.value = context.author
        self.analysis.value = context.analysis

    async def save(self) -> None:
        saved = await attempt(lambda: self.atelier.service.apply(
            self.session.code, SetContext(population=self.population.value, population_year=self.year.value,
            history=self.history.value, seat=self.seat.value, author=self.author.value,
            analysis=self.analysis.value, department=self.department.value)), self.error)
        if saved is not None:
            ui.notify(texts.CONTEXT_SAVED, type="positive", position="top")
