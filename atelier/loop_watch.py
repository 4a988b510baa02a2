"""Event-loop stalls, measured inside the server: how long the loop was away when it should have woken.

A task sleeps 20 ms again and again; whatever it oversleeps by, some callback held the loop (a page
built, a fan-out, a garbage collection). Each stall above 20 ms is kept with its wall-clock time,
so a benchmark can tell which of its steps caused it; /healthz?details reports them.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Any

PERIOD = 0.02  # seconds
KEPT = 5_000  # the most recent stalls, bounded whatever the length of the soirée


class LoopWatch:
    def __init__(self) -> None:
        self.longest = 0.0
        self.stalls: deque[tuple[float, float]] = deque(maxlen=KEPT)  # (wall-clock time, seconds)

    async def run(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(PERIOD)
            late = time.perf_counter() - started - PERIOD
            if late > PERIOD:
                self.stalls.append((time.time(), late))
                self.longest = max(self.longest, late)

    def report(self) -> dict[str, Any]:
        return {"loop_longest_stall_ms": round(self.longest * 1000, 1),
                "loop_stalls": [[round(at, 3), round(late * 1000, 1)] for at, late in self.stalls]}


WATCH = LoopWatch()
