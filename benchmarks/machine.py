"""The machine the benchmarks run on, measured beside their figures: its steal and its speed."""

from __future__ import annotations

import json
import time
from pathlib import Path


def machine_times() -> list[int] | None:
    """The machine's CPU time counters (Linux's /proc/stat), None elsewhere."""
    try:
        return [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return None


def reference_ms() -> float:
    """A fixed piece of pure-Python work, timed (best of three): how fast the machine is right now.

    On a shared virtual machine the same code ran 2 to 3 times slower in some hours than in others
    while little steal showed (its neighbours share its caches and memory too): two runs' figures
    compare only beside this one."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        rows = [{"id": n, "text": f"contribution {n}", "points": n % 7} for n in range(100_000)]
        rows.sort(key=lambda row: (row["points"], row["text"]))
        json.dumps(rows[:20_000])
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def steal_share(before: list[int] | None) -> float | None:
    """The share of the machine's time its hypervisor gave to other machines since `before` (« steal »):
    on a shared virtual machine, the server's figures are worse by about that much, and vary with it."""
    after = machine_times()
    if before is None or after is None:
        return None
    delta = [b - a for a, b in zip(before, after, strict=True)]
    return round(100 * delta[7] / sum(delta), 1) if sum(delta) else 0.0
