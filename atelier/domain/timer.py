"""A step timer the facilitator starts in any phase (« 10 minutes d'échanges »).

Stored as a start time and a duration, never as a ticking number: every page computes what is left
from its own clock, and a restart of the server loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from atelier.domain import validation as v
from atelier.domain.errors import InvalidInput

MAX_MINUTES = 180
MAX_LABEL = 80


@dataclass(frozen=True)
class StepTimer:
    label: str
    started_at: datetime
    duration: timedelta

    @classmethod
    def start(cls, label: str, minutes: float, now: datetime) -> StepTimer:
        if isinstance(minutes, bool) or not isinstance(minutes, int | float) or not 0 < minutes <= MAX_MINUTES:
            raise InvalidInput("timer_minutes", max=MAX_MINUTES)
        seconds = max(round(minutes * 60), 1)  # a sliver of a minute still runs for a second
        return cls(v.clean_line(label, field="timer_label", max_length=MAX_LABEL), now,
                   timedelta(seconds=seconds))

    @property
    def ends_at(self) -> datetime:
        return self.started_at + self.duration

    def remaining(self, now: datetime) -> timedelta:
        """Time left, never negative."""
        return max(self.ends_at - now, timedelta(0))
