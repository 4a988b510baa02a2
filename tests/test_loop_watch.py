"""The server's own stall probe, and the collector kept from walking a whole hall's pages."""

from __future__ import annotations

import asyncio
import gc
import time
import weakref

from atelier import gc_watch
from atelier.loop_watch import LoopWatch


async def test_a_callback_holding_the_loop_is_reported_as_a_stall() -> None:
    watch = LoopWatch()
    probe = asyncio.create_task(watch.run())
    await asyncio.sleep(0.1)
    before = time.time()
    time.sleep(0.15)  # a page built in one go, say
    await asyncio.sleep(0.05)
    probe.cancel()
    report = watch.report()
    assert report["loop_longest_stall_ms"] >= 100
    [(at, _)] = [stall for stall in report["loop_stalls"] if stall[1] >= 100]
    assert before <= at <= time.time()


async def test_pages_that_outlive_young_collections_are_frozen_out_of_full_ones() -> None:
    """What a phone page is made of is frozen as it arrives: full collections walk only what came since."""
    before = gc.get_freeze_count()
    pages = [{"element": [i]} for i in range(20_000)]  # long-lived objects, like a hall's pages
    freezer = asyncio.create_task(gc_watch.freeze_survivors(every=0.01))
    try:
        await asyncio.sleep(0.1)
        frozen = gc.get_freeze_count() - before
    finally:
        freezer.cancel()
        gc.unfreeze()  # the rest of the tests run with a collector as usual
    assert len(pages) == 20_000 and frozen >= 2 * 20_000  # each dict and its list


def test_a_long_collection_is_noted_with_its_generation_and_its_own_cpu_time() -> None:
    """Each pause gives the collector's CPU time beside the wall clock's: on a shared machine the two
    differ by the time the hypervisor took, and the benchmark reports both."""
    watch = gc_watch.PauseWatch()
    cycles = [[] for _ in range(300_000)]
    for cycle in cycles:
        cycle.append(cycle)  # each list holds itself: only the collector frees them
    del cycles
    before = time.time()
    gc.callbacks.append(watch)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(watch)
    [at, wall_ms, generation, cpu_ms] = watch.report()["gc_pauses"][-1]
    assert generation == 2 and before - 0.001 <= at <= time.time() + 0.001  # noted to the millisecond
    assert wall_ms > gc_watch.NOTED_PAUSE * 1000 and 0 < cpu_ms <= wall_ms + 1


async def test_young_garbage_is_collected_by_the_clock_even_when_allocations_do_not_add_up() -> None:
    """A hall mostly replaces what it holds (each message frees a socket's wait and makes a new one),
    so the allocation count that starts collections barely moves while the young generation fills;
    the clock's collections keep each one small."""

    class Wait:
        pass

    gc.disable()  # nothing collects unless asked: the allocation count is out of the picture
    collector = asyncio.create_task(gc_watch.collect_young(every=0.01))
    try:
        wait = Wait()
        wait.itself = wait  # a cycle: freed only by a collection
        gone = weakref.ref(wait)
        del wait
        await asyncio.sleep(0.1)
    finally:
        collector.cancel()
        gc.enable()
    assert gone() is None


def test_the_collector_never_starts_a_full_collection_of_its_own() -> None:
    """Full collections walk everything not frozen (420 ms in a 1,000-phone join): only the tidy runs
    them, when pages have left. Many middle collections and a hall's worth of new pages later, the
    collector has still started none."""
    watch = gc_watch.PauseWatch()
    before = gc.get_threshold()
    gc.set_threshold(*gc_watch.THRESHOLDS)
    gc.callbacks.append(watch)
    try:
        pages = []
        for _ in range(100):
            pages.extend({"element": [i]} for i in range(5_000))  # long-lived, like pages arriving
            gc.collect(1)  # as the clock's collections do, many times a second
        [[] for _ in range(50_000)]  # allocations: the collector picks a generation of its own
    finally:
        gc.callbacks.remove(watch)
        gc.set_threshold(*before)
    assert len(pages) == 500_000 and watch.collections[0] >= 1 and watch.collections[2] == 0
