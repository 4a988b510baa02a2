"""The server's own stall probe: a callback that holds the event loop is seen, with its length."""

from __future__ import annotations

import asyncio
import time

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
