"""No phone can exhaust the laptop: after page loads that never connect (from one address on the
Wi-Fi, most of them turned away) and phones that come and go, the real server holds again what it
held before: the same pages, per-browser storages and files, and as many live objects within 10 %.
(`python -m benchmarks.flood` runs the full-size version and prints memory figures.)"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx

from benchmarks.flood import RECONNECT_SECONDS, churn, plain_loads, state
from benchmarks.load import TOKEN, Server, Tab, free_port, prepare

SETTLE_SECONDS = 200


async def test_after_a_flood_and_churn_the_server_holds_what_it_held_before(tmp_path: Path) -> None:
    code = await prepare(tmp_path, "burst")
    server = Server(tmp_path, free_port(), env={"ATELIER_PHONE_RECONNECT_SECONDS": str(RECONNECT_SECONDS)})
    server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        async with httpx.AsyncClient(timeout=60) as http:
            console = Tab(base, f"/f/{code}?token={TOKEN}")
            await console.open(http)
            await churn(base, code, 5, http)  # every page built once
            baseline = await back_to(http, server, pages=1, objects=None)

            statuses = await plain_loads(base, f"/j/{code}", 300, local_address="127.0.0.2")
            got_in = await churn(base, code, 30, http)
            assert statuses[429] >= 200, "one address is turned away after its first page loads of the minute"
            assert got_in == 30
            during = await state(http, server)
            assert during["clients"] > 60

            after = await back_to(http, server, pages=1, objects=baseline["frozen"])
            await console.close()
    finally:
        server.stop()
    print(f"RSS {baseline['rss_mb']} MB → {during['rss_mb']} MB → {after['rss_mb']} MB; "
          f"live objects {baseline['frozen']} → {after['frozen']}")
    assert after["clients"] == baseline["clients"] == 1, "only the console's page is left"
    assert after["browser_storages"] <= baseline["browser_storages"]
    assert after["storage_files"] == baseline["storage_files"], "no file per browser"
    assert after["frozen"] <= baseline["frozen"] * 1.10, "what the pages were made of is freed"


async def back_to(http: httpx.AsyncClient, server: Server, *, pages: int, objects: int | None) -> dict:
    """Poll until the server holds `pages` pages, has collected what left, and (if given) no more
    than 10 % above `objects` live objects."""
    deadline = time.monotonic() + SETTLE_SECONDS
    gone_at = None
    while True:
        now = await state(http, server)
        if gone_at is None and now["clients"] <= pages:
            gone_at = now["tidies"]
        collected = gone_at is not None and now["tidies"] > gone_at
        if (collected and (objects is None or now["frozen"] <= objects * 1.10)) or time.monotonic() > deadline:
            return now
        await asyncio.sleep(2)
