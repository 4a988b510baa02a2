"""Several halls at once on one deployment: the full-hall benchmark through nginx, against N workers
on PostgreSQL, one démarche per hall. Every hall's phones join, then post once each within 10 s;
each hall has its own projection and console.

    python -m benchmarks.cluster_load --workers 3 --sessions 3 --phones 300

Prints, per hall, the same figures as `benchmarks.load` (tap → projection, tap → console), the
disconnects, which worker served it, and the CPU of the workers, nginx and PostgreSQL; writes JSON
under benchmarks/results/. Everything runs on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

from atelier.cluster.postgres import free_port
from atelier.cluster.run import Cluster
from atelier.domain.changes import SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService
from atelier.store.postgres_store import PostgresSessionStore
from benchmarks.load import (
    COMMUNES,
    THEMES,
    Tab,
    burst,
    join_all,
    open_every_socket,
    summary,
    write_results,
)
from benchmarks.machine import machine_times, steal_share


async def open_halls(store_url: str, count: int) -> list[str]:
    service = SessionService(PostgresSessionStore(store_url))
    codes = []
    for n in range(count):
        session = await service.create_session(territory=f"Salle des fêtes n° {n + 1}", communes=COMMUNES,
                                               themes=THEMES)
        await service.apply(session.code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
        codes.append(session.code)
    service.close()
    return codes


def owners(store_url: str) -> dict[str, str]:
    import psycopg

    with psycopg.connect(store_url) as conn:
        return {code: str(owner) for code, owner in conn.execute("SELECT code, owner FROM sessions")}


class Processes:
    """CPU seconds of the workers, nginx and PostgreSQL (children included) between two readings."""

    def __init__(self, cluster: Cluster) -> None:
        assert cluster.proxy is not None
        self.groups: dict[str, list[psutil.Process]] = {
            w.name: [psutil.Process(w.process.pid)] for w in cluster.running}
        nginx = psutil.Process(cluster.proxy.pid)
        self.groups["nginx"] = [nginx, *nginx.children(recursive=True)]
        self.groups["postgresql"] = _postgres(cluster)
        self.before = self.read()

    def read(self) -> dict[str, float]:
        seconds = {}
        for name, processes in self.groups.items():
            total = 0.0
            for process in processes:
                try:
                    times = process.cpu_times()
                    total += times.user + times.system
                except psutil.Error:
                    pass
            seconds[name] = total
        return seconds

    def percent(self, elapsed: float) -> dict[str, int]:
        now = self.read()
        return {name: round(100 * (now[name] - self.before[name]) / elapsed) for name in now}


def _postgres(cluster: Cluster) -> list[psutil.Process]:
    """The throw-away server's postmaster and its backends (nothing when an outside server is used)."""
    if cluster.database is None:
        return []
    try:
        postmaster = psutil.Process(int((cluster.database.data / "postmaster.pid").read_text().split()[0]))
        return [postmaster, *postmaster.children(recursive=True)]
    except (OSError, ValueError, psutil.Error):
        return []


async def hall(base: str, code: str, phones: int, token: str, http: httpx.AsyncClient) -> dict[str, Any]:
    projection = Tab(base, f"/p/{code}")
    await projection.open(http)
    console = Tab(base, f"/f/{code}?token={token}")
    await console.open(http)
    started = time.perf_counter()
    tabs, join_times = await join_all(base, code, phones, http)
    joined_in = time.perf_counter() - started
    on_wall, at_console = await burst(tabs, projection, console)
    result = {"code": code, "join": summary(join_times, phones), "join_all_s": round(joined_in, 1),
              "burst": summary(on_wall, phones), "burst_console": summary(at_console, phones),
              "disconnects": sum(t.disconnected for t in [*tabs, projection, console])}
    await asyncio.gather(*[t.close() for t in [*tabs, projection, console]])
    return result


async def run(workers: int, sessions: int, phones: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        cluster = Cluster(workers, Path(folder), port=free_port())
        cluster.start()
        try:
            codes = await open_halls(str(cluster.store), sessions)
            token = cluster.facilitator_url().rsplit("token=", 1)[1]
            processes = Processes(cluster)
            steal_before, started = machine_times(), time.perf_counter()
            limits = httpx.Limits(max_connections=150, max_keepalive_connections=30)
            async with httpx.AsyncClient(timeout=120, limits=limits) as http:
                halls = await asyncio.gather(*[hall(cluster.url, code, phones, token, http) for code in codes])
            elapsed = time.perf_counter() - started
            served_by = owners(str(cluster.store))
            for result in halls:
                result["worker"] = served_by.get(result["code"], "?")
            return {"workers": workers, "sessions": sessions, "phones_per_session": phones, "halls": halls,
                    "cpu_percent": processes.percent(elapsed), "steal_percent": steal_share(steal_before),
                    "elapsed_s": round(elapsed, 1)}
        finally:
            cluster.stop()


def print_run(r: dict[str, Any]) -> None:
    print(f"{r['workers']} workers · {r['sessions']} halls x {r['phones_per_session']} phones · "
          f"{r['elapsed_s']} s · steal {r['steal_percent']} % · CPU "
          + ", ".join(f"{name} {pct} %" for name, pct in r["cpu_percent"].items()), flush=True)
    for h in r["halls"]:
        print(f"  {h['code']} on {h['worker']}: all in within {h['join_all_s']} s, {h['disconnects']} disconnects",
              flush=True)
        for name, label in (("join", "join"), ("burst", "burst"), ("burst_console", "→ console")):
            m = h[name]
            print(f"    {label:<10} {m.get('delivered', 0):>5}/{m['expected']:<5} p50 {m.get('p50_ms', '-'):>6}"
                  f"  p95 {m.get('p95_ms', '-'):>6}  max {m.get('max_ms', '-'):>6} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--phones", type=int, default=300, help="per session")
    args = parser.parse_args()
    open_every_socket()
    result = asyncio.run(run(args.workers, args.sessions, args.phones))
    print_run(result)
    write_results("cluster", result)


if __name__ == "__main__":
    main()
