"""The démarche's calendar beyond its three phases: the other meetings, each with a title and a date.

The method's fiches date every meeting of the démarche: the presentation to the élus, a
pré-travail by sector, a comité de pilotage, an extra soirée… The three phases keep their own
dates (`Phase.date`); these steps sit beside them, and the document lists all of them in date order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from atelier.domain import validation as v
from atelier.domain.errors import NotAllowed
from atelier.domain.lookup import by_id

MAX_STEPS = 20
MAX_STEP_TITLE = 120


@dataclass
class CalendarStep:
    id: int
    title: str
    date: date | None = None


@dataclass
class Calendar:
    steps: list[CalendarStep] = field(default_factory=list)
    next_id: int = 1

    def step(self, step_id: int) -> CalendarStep:
        return by_id(self.steps, step_id, "step_not_found")

    def add(self, title: str, day: date | None) -> CalendarStep:
        if len(self.steps) >= MAX_STEPS:
            raise NotAllowed("too_many_steps", max=MAX_STEPS)
        step = CalendarStep(self.next_id, _title(title), day)
        self.next_id += 1
        self.steps.append(step)
        return step

    def edit(self, step_id: int, title: str, day: date | None) -> CalendarStep:
        step = self.step(step_id)
        step.title, step.date = _title(title), day
        return step

    def remove(self, step_id: int) -> CalendarStep:
        step = self.step(step_id)
        self.steps.remove(step)
        return step

    def restore(self, index: int, step: CalendarStep) -> CalendarStep:
        if len(self.steps) >= MAX_STEPS:
            raise NotAllowed("too_many_steps", max=MAX_STEPS)
        self.steps.insert(min(index, len(self.steps)), step)
        return step


def _title(title: str) -> str:
    return v.clean_line(title, field="step_title", max_length=MAX_STEP_TITLE, required_error="step_title_required")
