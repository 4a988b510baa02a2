"""What the pages of phones that are away cost the server (a locked screen, a phone put back in a pocket).

Run: python -m benchmarks.away [--pages 300]
The real server with a restitution démarche and a console; `--pages` phone pages are loaded whose
socket never connects (as a phone that locked its screen right after scanning). Prints the server's
CPU over 5 s while nothing happens, then over 5 s after the console presents an axe (a room-wide
change: every one of those pages has an update waiting for its phone).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

import httpx

from atelier import texts
from benchmarks.load import TOKEN, Server, Tab, _busy, served

WINDOW = 5.0  # seconds


async def run(pages: int) -> tuple[float, float]:
    """(server CPU % of one core while quiet, after a room-wide change)."""
    with tempfile.TemporaryDirectory() as name:
        async with served(Path(name), "vote") as (code, server), \
                httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=50)) as http:
            console = Tab(server.base, f"/f/{code}?token={TOKEN}")
            await console.open(http)
            gate = asyncio.Semaphore(20)

            async def away(tab: Tab) -> None:
                async with gate:
                    await tab.open(http, connect=False)

            await asyncio.gather(*[away(Tab(server.base, f"/j/{code}")) for _ in range(pages)])
            await asyncio.sleep(3)  # the pages' builds are over
            quiet = await cpu_share(server)
            await console.click(texts.CONSOLE_NEXT_AXIS)
            await asyncio.sleep(2)
            changed = await cpu_share(server)
            await console.close()
            return quiet, changed


async def cpu_share(server: Server) -> float:
    started = _busy(server.ps)
    await asyncio.sleep(WINDOW)
    return 100 * (_busy(server.ps) - started) / WINDOW


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    quiet, changed = asyncio.run(run(args.pages))
    print(f"{args.pages} pages whose phone is away: server CPU {quiet:.1f} % of a core while nothing "
          f"happens, {changed:.1f} % once an axe is presented")


if __name__ == "__main__":
    main()
