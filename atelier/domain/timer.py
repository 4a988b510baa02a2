"""A step timer the facilitator starts in any phase (« 10 minutes d'échanges »).

Stored as a start time and a duration, never as a ticking number: every page computes what is left
from its own clock, and a restart of the server loses nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from atelier import texts
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
            raise InvalidInput(texts.ERR_TIMER_MINUTES.format(max=MAX_MINUTES))
        seconds = max(round(minutes * 60), 1)  # a sliver of a minute still runs for a second
        return cls(v.clean_line(label, field=texts.FIELD_TIMER_LABEL, max_length=MAX_LABEL), now,
                   timedelta(seconds=seconds))

    @property
    def ends_at(self) -> datetime:
        return self.started_at + self.duration

    def remaining(self, now: datetime) -> timedelta:
        """Time left, never negative."""
        return max(self.ends_at - now, timedelta(0))

    def remaining_seconds(self, now: datetime) -> int:
        """Whole seconds left, rounded up: the display reads 0 only when the time is over."""
        return math.ceil(self.remaining(now).total_seconds())

    def is_over(self, now: datetime) -> bool:
        return now >= self.ends_at
