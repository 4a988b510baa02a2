"""Flood and churn: what the server keeps after pages that never connect and phones that come and go.

Run: python -m benchmarks.flood [--loads 2000] [--cycles 500] [--phones 20]

The real server runs as a subprocess on 127.0.0.1 with one démarche in phase 1 and a reconnect
timeout for phones of 10 s (so that a phone which left is forgotten within the run; the default is 5
minutes). After a warm-up, it measures the server's resident memory, the pages it holds in memory
and its per-browser storages (from /healthz?details), and the files in its `.nicegui` folder:
- at rest (the baseline);
- after `--loads` plain GET /j/CODE with no cookie and no websocket (a script, or a phone's preview),
  once NiceGUI has dropped the pages that never connected;
- after `--cycles` phones that open the page, connect, introduce themselves and leave, once the
  reconnect timeout has passed.
Then `--phones` phones post one difficulté each within 10 s, first in a quiet room, then while one
other address (127.0.0.2) loads the join page as fast as it can, then while it tries wrong codes:
p95 tap → console for each, and how many of the flooder's requests were turned away (429).
Exits non-zero if anything is left behind once settled: a page, a per-browser storage or file, live
objects beyond 10 % of the baseline (plus what the participants registered by the churn hold), or
resident memory growing by more than 10 % from the first round to the last. (Resident memory need
not come back to the baseline: CPython's allocator keeps an arena while any object in it lives, and
reuses it for the next pages.)
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from atelier.domain.model import Role
from benchmarks.load import (
    COMMUNES,
    TOKEN,
    Server,
    Tab,
    burst,
    free_port,
    join_all,
    joined,
    prepare,
    summary,
)

RECONNECT_SECONDS = 10
SETTLE_SECONDS = 240  # NiceGUI drops a page that never connected after 60 s; then a minute of collections
MARGIN = 0.10
PER_PARTICIPANT = 20  # live objects a registered participant may add to the démarche (its record)
CHURN = "phones came and left"


async def details(http: httpx.AsyncClient, base: str) -> dict[str, Any]:
    return dict((await http.get(base + "/healthz", params={"details": "1"})).json())


async def state(http: httpx.AsyncClient, server: Server) -> dict[str, Any]:
    report = await details(http, f"http://127.0.0.1:{server.port}")
    files = len(list((server.folder / ".nicegui").glob("storage-*.json")))
    return {"rss_mb": round(server.ps.memory_info().rss / 2**20, 1), "clients": report.get("clients", -1),
            "browser_storages": report.get("browser_storages", -1), "storage_files": files,
            "pending": report.get("gc_tidy_pending", False), "frozen": report.get("gc_frozen_objects", 0),
            "tidies": report.get("gc_tidies", 0)}


async def settle(http: httpx.AsyncClient, server: Server, clients: int) -> dict[str, Any]:
    """Wait until the server holds no more pages than `clients` and has collected what the others
    left (or SETTLE_SECONDS), then measure."""
    deadline = time.monotonic() + SETTLE_SECONDS
    gone_at: int | None = None  # the server's count of collections when the pages had gone
    while time.monotonic() < deadline:
        now = await state(http, server)
        if gone_at is None and now["clients"] <= clients and now["browser_storages"] <= clients + 2:
            gone_at = now["tidies"]
        if gone_at is not None and now["tidies"] > gone_at and not now["pending"]:
            break
        await asyncio.sleep(2)
    return await state(http, server)


async def plain_loads(base: str, path: str, count: int, *, concurrency: int = 4,
                      local_address: str | None = None, until: asyncio.Event | None = None) -> Counter[int]:
    """GET `path` with no cookie, `count` times (or until `until` is set): HTTP status → how many."""
    statuses: Counter[int] = Counter()
    transport = httpx.AsyncHTTPTransport(local_address=local_address) if local_address else None
    async with httpx.AsyncClient(timeout=60, transport=transport) as http:
        remaining = iter(range(count))

        async def worker() -> None:
            for _ in remaining:
                if until is not None and until.is_set():
                    return
                http.cookies.clear()  # every load a new browser
                statuses[(await http.get(base + path)).status_code] += 1

        await asyncio.gather(*[worker() for _ in range(concurrency)])
    return statuses


async def churn(base: str, code: str, cycles: int, http: httpx.AsyncClient, concurrency: int = 10) -> int:
    """Phones that open the page, introduce themselves and leave; returns how many got in."""
    gate = asyncio.Semaphore(concurrency)

    async def one(i: int) -> bool:
        async with gate:
            tab = Tab(base, f"/j/{code}")
            await tab.open(http)
            done = tab.watch(joined)
            await tab.introduce(Role.ELU.value, COMMUNES[i % len(COMMUNES)])
            try:
                await asyncio.wait_for(done, 60)
            except TimeoutError:
                return False
            finally:
                await tab.close()
            return True

    return sum(await asyncio.gather(*[one(i) for i in range(cycles)]))


async def posts_while(flood: str | None, base: str, code: str, phones: list[Tab], projection: Tab,
                      console: Tab, name: str) -> dict[str, Any]:
    """One post per phone within 10 s, while 127.0.0.2 floods `flood` (a path), or in a quiet room."""
    stop = asyncio.Event()
    flooder = asyncio.create_task(plain_loads(base, flood, 1_000_000, concurrency=8, local_address="127.0.0.2",
                                              until=stop)) if flood else None
    await asyncio.sleep(1 if flood else 0)
    _, at_console = await burst(phones, projection, console, round_name=name)
    stop.set()
    statuses = await flooder if flooder else Counter()
    return {**summary(at_console, len(phones)), "flood_statuses": dict(statuses)}


def within(value: float, reference: float) -> bool:
    return value <= reference * (1 + MARGIN)


async def rounds_of(name: str, count: int, rounds: int, make: Callable[[], Awaitable[Any]],
                    http: httpx.AsyncClient, server: Server, held: int) -> list[dict[str, Any]]:
    """`rounds` times: do it, note what it left right after and once settled."""
    noted = []
    for _ in range(rounds):
        started = time.perf_counter()
        outcome = await make()
        right_after = await state(http, server)
        noted.append({"what": name, "count": count, "per_second": round(count / (time.perf_counter() - started)),
                      "outcome": outcome, "right_after": right_after, "settled": await settle(http, server, held)})
    return noted


async def run(loads: int, cycles: int, n: int, rounds: int) -> tuple[dict[str, Any], bool]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        code = await prepare(folder, "burst")
        server = Server(folder, free_port(), env={"ATELIER_PHONE_RECONNECT_SECONDS": str(RECONNECT_SECONDS)})
        server.start()
        base = f"http://127.0.0.1:{server.port}"
        result: dict[str, Any] = {}
        try:
            async with httpx.AsyncClient(timeout=120) as http:
                projection = Tab(base, f"/p/{code}")
                await projection.open(http)
                console = Tab(base, f"/f/{code}?token={TOKEN}")
                await console.open(http)
                held = 2  # the projection and the console stay
                await plain_loads(base, f"/j/{code}", 50)  # warm-up: every page and route built once
                await churn(base, code, 20, http)
                result["baseline"] = await settle(http, server, held)
                # From one address on the hall's Wi-Fi (the laptop's own address is not limited).
                result["loads"] = await rounds_of("plain loads", loads, rounds, lambda: plain_loads(
                    base, f"/j/{code}", loads, local_address="127.0.0.2"), http, server, held)
                result["churn"] = await rounds_of(CHURN, cycles, rounds,
                                                  lambda: churn(base, code, cycles, http), http, server, held)
                phones, _ = await join_all(base, code, n, http)
                result["quiet"] = await posts_while(None, base, code, phones, projection, console, "au calme")
                result["join_flood"] = await posts_while(f"/j/{code}", base, code, phones, projection, console,
                                                         "pendant un flot de pages")
                result["wrong_codes"] = await posts_while("/j/ZZZZZZ", base, code, phones, projection, console,
                                                          "pendant des codes faux")
                await asyncio.gather(*[t.close() for t in [*phones, projection, console]])
        finally:
            server.stop()
    return result, verdict(result)


def verdict(r: dict[str, Any]) -> bool:
    """Nothing left behind (pages, storages, files; live objects back to the baseline, but for what
    the démarche now holds: each phone that came registered a participant) and memory that does not
    grow from one round to the next."""
    base = r["baseline"]
    ok, registered = True, 0
    for step in (*r["loads"], *r["churn"]):
        s = step["settled"]
        registered += step["outcome"] if step["what"] == CHURN else 0
        ok &= s["clients"] <= base["clients"] and s["browser_storages"] <= base["browser_storages"]
        ok &= s["storage_files"] <= base["storage_files"]
        ok &= s["frozen"] <= base["frozen"] * (1 + MARGIN) + PER_PARTICIPANT * registered
    for steps in (r["loads"], r["churn"]):
        ok &= within(steps[-1]["settled"]["rss_mb"], steps[0]["settled"]["rss_mb"])
    return bool(ok)


def print_result(r: dict[str, Any], ok: bool) -> None:
    def line(name: str, s: dict[str, Any]) -> None:
        print(f"  {name:<24} RSS {s['rss_mb']:>7} MB · {s['frozen']:>7} live objects · {s['clients']:>5} pages in "
              f"memory · {s['browser_storages']:>5} browser storages · {s['storage_files']:>3} storage files",
              flush=True)
    line("baseline", r["baseline"])
    for steps in (r["loads"], r["churn"]):
        for i, step in enumerate(steps, 1):
            print(f"  round {i}: {step['count']} {step['what']} at {step['per_second']}/s → {step['outcome']}")
            line("right after", step["right_after"])
            line("once settled", step["settled"])
    for key, label in (("quiet", "posts, quiet room"), ("join_flood", "posts, one address loads /j"),
                       ("wrong_codes", "posts, one address guesses")):
        m = r[key]
        print(f"  {label:<32} {m.get('delivered', 0)}/{m['expected']} p50 {m.get('p50_ms', '-')} "
              f"p95 {m.get('p95_ms', '-')} max {m.get('max_ms', '-')} ms · flooder {m['flood_statuses']}")
    print(f"nothing left behind (live objects within {round(MARGIN * 100)} % of the baseline, plus "
          f"{PER_PARTICIPANT} per participant registered), and memory steady from round to round "
          f"(within {round(MARGIN * 100)} %): "
          f"{'yes' if ok else 'NO'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=2000)
    parser.add_argument("--cycles", type=int, default=500)
    parser.add_argument("--phones", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    result, ok = asyncio.run(run(args.loads, args.cycles, args.phones, args.rounds))
    print_result(result, ok)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
