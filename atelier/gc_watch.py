"""Garbage-collection pauses: measured, and kept short during a soirée.

A full collection walks every live object; with hundreds of phone pages in memory that took
seconds, and the whole room froze meanwhile. Three levers: what start-up built (the app, its routes,
the demo) and what outlives young collections (mostly page elements that live as long as their
phone) are frozen out of the collector's walks; full collections only run when pages have left;
and young collections also run by the clock, so that none has much to walk.
Each pause is timed; /healthz?details reports the longest, the total and those above 10 ms (with
their time, so a benchmark can tell which step caused them); any above 100 ms is logged.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import functools
import gc
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger(__name__)

SLOW_PAUSE = 0.1  # seconds
NOTED_PAUSE = 0.01
KEPT = 5_000
# CPython's defaults are (700, 10, 10). Young collections every 5,000 allocations (and by the clock,
# see collect_young); the middle generation every 5 of them (a 600-phone join measured 80 ms pauses
# with 20, 25 ms with 5, for the same total). Never a full one of the collector's own choosing: what
# outlives the middle generation is frozen every 10 s anyway, and a full collection walks whatever
# came since, which was 420 ms in the middle of a 1,000-phone join. Full collections are the tidy's.
THRESHOLDS = (5_000, 5, 1_000_000)
FREEZE_EVERY = 10.0  # seconds
YOUNG_EVERY = 0.05  # seconds between two young collections run by the clock
MIDDLE_EVERY = 5  # of those, every fifth takes the middle generation too, as the thresholds would
# Departed pages are collected once they are at least this many and a quarter of those still here;
# a collection walks every page still here, so with many of them it waits between two.
TIDY_AFTER = 20
TIDY_SHARE = 0.25
CHEAP_WALK = 100  # pages here: below this, a full collection is short enough to run at any time
TIDY_SPACING = 300.0  # seconds between two collections walking more pages than that
# What a page leaves can be held a while longer (its socket's closing, its tasks' last turn); frozen
# with them it would stay. So collections follow at the next checks, for about a minute.
FOLLOW_UPS = 6


class PauseWatch:
    def __init__(self) -> None:
        self.longest = 0.0
        self.total = 0.0
        # (wall-clock time, seconds, generation, CPU seconds) of those above 10 ms. The CPU time is the
        # collector's own: on a shared virtual machine, the wall-clock pause also holds whatever time
        # the hypervisor gave to other machines meanwhile (its « steal »).
        self.pauses: deque[tuple[float, float, int, float]] = deque(maxlen=KEPT)
        self.collections = [0, 0, 0]
        self._started = 0.0
        self._cpu_started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            self._cpu_started = time.thread_time()
            return
        pause = time.perf_counter() - self._started
        self.collections[info["generation"]] += 1
        self.longest = max(self.longest, pause)
        self.total += pause
        if pause > NOTED_PAUSE:
            self.pauses.append((time.time(), pause, info["generation"], time.thread_time() - self._cpu_started))
        if pause > SLOW_PAUSE:
            log.warning("garbage collection of generation %d took %.0f ms", info["generation"], pause * 1000)

    def report(self) -> dict[str, Any]:
        return {"gc_tidies": TIDY.tidies, "gc_tidy_pending": TIDY.pending,
                "gc_longest_pause_ms": round(self.longest * 1000, 1), "gc_total_ms": round(self.total * 1000),
                "gc_collections": list(self.collections), "gc_frozen_objects": gc.get_freeze_count(),
                "gc_pauses": [[round(at, 3), round(pause * 1000, 1), generation, round(cpu * 1000, 1)]
                              for at, pause, generation, cpu in self.pauses]}


WATCH = PauseWatch()


async def freeze_survivors(every: float = FREEZE_EVERY) -> None:
    """Every few seconds, what has outlived the young collections is frozen out of later ones.

    A full collection walks every object it tracks: with 600 phone pages in memory that was one
    pause of 0.8 s, in the middle of a burst of posts. What the pages are made of lives as long as
    its phone, so it is frozen as it arrives, and full collections only walk what came since.
    The middle generation is collected first, so only garbage already old (cycles that outlived two
    collections) can be frozen with it: the price, bounded by what such garbage exists when a
    phone's page is built, is paid in memory, and the benchmark's RSS per phone shows it.
    """
    while True:
        await asyncio.sleep(every)
        gc.collect(1)
        gc.freeze()
        TIDY.check()


async def collect_young(every: float = YOUNG_EVERY) -> None:
    """Young collections by the clock too, so that each has little to walk.

    The collector starts a young collection when allocations outnumber deallocations by the
    threshold. A hall replaces what it holds more than it grows: each tap or message to a phone
    frees that socket's previous wait (its task, timer and futures) and makes a new one. The count
    barely moves while the young generation fills with those waits, and the collection that
    finally comes walked 50,000 to 80,000 objects at 1,000 phones: 60 to 110 ms of pause. Run
    every 50 ms, a collection finds what 50 ms made, and costs a fraction of a millisecond when
    the hall is quiet.
    """
    rounds = 0
    while True:
        await asyncio.sleep(every)
        rounds += 1
        gc.collect(1 if rounds % MIDDLE_EVERY == 0 else 0)


def tune_after_start_up() -> None:
    """Call once everything start-up builds is built."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    if WATCH not in gc.callbacks:
        gc.callbacks.append(WATCH)


class DepartedPages:
    """Frozen objects are never collected: a page that was frozen and then left (its phone gone for
    good, a load that never connected) would stay in memory for ever, cycles and all. So when enough
    pages have left, the freeze is lifted, everything collected, what still lives frozen again, and
    the freed memory handed back to the system."""

    def __init__(self, pages: Callable[[], Iterable[str]], clock: Callable[[], float] = time.monotonic) -> None:
        self.pages, self.clock = pages, clock
        self.seen: set[str] = set()
        self.departed: set[str] = set()
        self.tidies = 0
        self.last = -TIDY_SPACING
        self.again = 0  # collections still to run: what a page leaves is held a while by its closing tasks

    @property
    def pending(self) -> bool:
        return bool(self.departed or self.again)

    def check(self) -> bool:
        """Note the pages that left since the last check; tidy when it is worth it. True if tidied."""
        here = set(self.pages())
        self.departed |= self.seen - here
        self.seen = here
        if self._worth_it(len(here)):
            self.departed.clear()
            self.again = FOLLOW_UPS
        elif self.again and (len(here) <= CHEAP_WALK or self.clock() - self.last >= TIDY_SPACING):
            self.again -= 1
        else:
            return False
        self.tidy()
        return True

    def _worth_it(self, here: int) -> bool:
        if not self.departed:
            return False
        if here <= CHEAP_WALK // 10:  # the hall is (almost) empty: nothing to wait for
            return True
        enough = len(self.departed) >= max(TIDY_AFTER, TIDY_SHARE * here)
        return enough and (here <= CHEAP_WALK or self.clock() - self.last >= TIDY_SPACING)

    def tidy(self) -> None:
        """Collect everything, frozen or not."""
        gc.unfreeze()
        found = gc.collect()
        gc.freeze()
        give_back_memory()
        self.tidies += 1
        self.last = self.clock()
        log.debug("departed pages: %d objects collected", found)


def give_back_memory() -> None:
    """What the collector freed goes back to the system, not only to the process's heap (glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's, looked up once (finding the C library runs a command); None elsewhere (macOS)."""
    name = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None


def _page_ids() -> Iterable[str]:
    from nicegui import Client
    return list(Client.instances)


TIDY = DepartedPages(_page_ids)

