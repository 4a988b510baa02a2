"""How often one phone or one address may do something: no single client floods the laptop.

Limits live here, outside the domain's rules: a démarche's journal replays the same whatever the
limits are set to today. Each limit is a sliding window per key (a participant, an address); keys
idle for a whole window are forgotten, so the table stays as small as the hall.

Set with environment variables (a number per minute): `ATELIER_POSTS_PER_MINUTE` (per participant,
10), `ATELIER_JOINS_PER_MINUTE` (page loads of /j/… per address, 60), `ATELIER_WRONG_CODES` (wrong
codes per address per minute before each next one is slowed down, 5), `ATELIER_BALLOT_CODES_PER_MINUTE`
(ballot codes a participant may try, 10: with a few hundred codes among 900 million, guessing one is
hopeless).
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW_SECONDS = 60.0
SLOWDOWN_STEP = 0.25  # seconds added per wrong code beyond the allowance
SLOWDOWN_MAX = 3.0


class SlidingWindow:
    """At most `limit` events per `seconds` for each key."""

    def __init__(self, limit: int, seconds: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.seconds, self.clock = limit, seconds, clock
        self._events: dict[str, deque[float]] = {}
        self._next_sweep = clock() + seconds

    def count(self, key: str) -> int:
        """Events of `key` in the window, this one included once `hit` is called."""
        events = self._events.get(key)
        if not events:
            return 0
        self._drop_old(events, self.clock())
        return len(events)

    def hit(self, key: str) -> bool:
        """Note an event; False when it is over the limit (it is noted all the same: flooding keeps it so)."""
        now = self.clock()
        self._sweep(now)
        events = self._events.setdefault(key, deque())
        events.append(now)
        self._drop_old(events, now)
        return len(events) <= self.limit

    def _drop_old(self, events: deque[float], now: float) -> None:
        while events and events[0] <= now - self.seconds:
            events.popleft()
        while len(events) > 2 * self.limit + 10:  # a flooder's history need not grow without bound
            events.popleft()

    def _sweep(self, now: float) -> None:
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.seconds
        for key in [k for k, events in self._events.items() if not events or events[-1] <= now - self.seconds]:
            del self._events[key]


def per_minute(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


@dataclass
class RateLimits:
    posts: SlidingWindow = field(default_factory=lambda: SlidingWindow(per_minute("ATELIER_POSTS_PER_MINUTE", 10)))
    joins: SlidingWindow = field(default_factory=lambda: SlidingWindow(per_minute("ATELIER_JOINS_PER_MINUTE", 60)))
    ballot_codes: SlidingWindow = field(
        default_factory=lambda: SlidingWindow(per_minute("ATELIER_BALLOT_CODES_PER_MINUTE", 10)))
    wrong_codes: SlidingWindow = field(default_factory=lambda: SlidingWindow(per_minute("ATELIER_WRONG_CODES", 5)))

    def wrong_code_delay(self, address: str) -> float:
        """Seconds to wait before answering this address's wrong code: none for the first few."""
        self.wrong_codes.hit(address)
        beyond = self.wrong_codes.count(address) - self.wrong_codes.limit
        return 0.0 if beyond <= 0 else min(SLOWDOWN_MAX, SLOWDOWN_STEP * beyond)
