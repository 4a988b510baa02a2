"""Garbage-collection pauses: measured, and kept short during a soirée.

A full collection walks every live object; with hundreds of phone pages in memory that took
seconds, and the whole room froze meanwhile. Two levers: what start-up built (the app, its routes,
the demo) is frozen out of the collector's walks, and full collections run less often (every
object that survives young collections is mostly a page element that lives as long as its phone).
Each pause is timed; the longest is reported by /healthz?details and any above 100 ms is logged.
"""

from __future__ import annotations

import gc
import logging
import time
from typing import Any

log = logging.getLogger(__name__)

SLOW_PAUSE = 0.1  # seconds
# CPython's defaults are (700, 10, 10): a full collection every 70,000 allocations' worth of young ones.
THRESHOLDS = (5_000, 20, 50)


class PauseWatch:
    def __init__(self) -> None:
        self.longest = 0.0
        self.collections = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        pause = time.perf_counter() - self._started
        self.collections[info["generation"]] += 1
        self.longest = max(self.longest, pause)
        if pause > SLOW_PAUSE:
            log.warning("garbage collection of generation %d took %.0f ms", info["generation"], pause * 1000)

    def report(self) -> dict[str, Any]:
        return {"gc_longest_pause_ms": round(self.longest * 1000, 1), "gc_collections": list(self.collections),
                "gc_frozen_objects": gc.get_freeze_count()}


WATCH = PauseWatch()


def tune_after_start_up() -> None:
    """Call once everything start-up builds is built."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    if WATCH not in gc.callbacks:
        gc.callbacks.append(WATCH)
