"""Which server process serves a démarche: the one holding its PostgreSQL advisory lock.

The lock lives as long as the process's own connection: if the process dies, PostgreSQL sees the
connection close and frees the lock, and the next request for the démarche, wherever it lands,
takes it over. `sessions.owner` only says where the holder can be reached (`/w2/…` through the
proxy); the lock decides. Locks are taken only for démarches that exist, so unknown codes typed
into a URL cost nothing.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import psycopg

LOCK_SEED = 7351  # hashtextextended's seed: atelier's locks, apart from anything else on the database
CLAIM_TRIES = 6  # a holder killed a moment ago: PostgreSQL frees its lock within milliseconds
CLAIM_PAUSE = 0.1
# The workers whose ownership connection is open: a process's advisory locks live exactly as long.
LIVE_WORKERS = "workers w JOIN pg_stat_activity a ON a.pid = w.backend_pid"


@dataclass(frozen=True)
class Claim:
    owner: str  # the worker serving the démarche (this one, or where to send the request)
    taken_now: bool = False  # this worker has just taken it: any copy it kept in memory is stale


class SessionOwnership:
    def __init__(self, url: str, worker: str) -> None:
        self.url, self.worker = url, worker
        self._conn: psycopg.Connection[Any] | None = None
        self._held: set[str] = set()
        self._connection()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atelier-ownership")

    async def claim(self, code: str, *, place: bool = True) -> Claim | None:
        """This worker's claim on `code`, or who holds it; None if there is no such démarche. With
        `place`, a démarche nobody serves goes to the live worker serving the fewest (see `_placed`)."""
        if code in self._held:
            return Claim(self.worker)
        return await asyncio.get_running_loop().run_in_executor(self._executor, self.claim_now, code, place)

    def claim_now(self, code: str, place: bool = True) -> Claim | None:
        if code in self._held:
            return Claim(self.worker)
        try:
            return self._claim(code, place)
        except psycopg.Error:
            # The connection is gone, and its locks with it: let go, and serve here meanwhile (the
            # version check still refuses a write that another process's would overtake).
            self._lost()
            return None

    def _claim(self, code: str, place: bool) -> Claim | None:
        conn = self._connection()
        holder = ""
        for attempt in range(CLAIM_TRIES):
            row = conn.execute("SELECT owner FROM sessions WHERE code = %s", (code,)).fetchone()
            if row is None:
                return None
            holder = str(row[0] or "")
            if self._try_lock(conn, code):
                lighter = self._placed(conn) if place else None
                if lighter is not None:
                    conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, %s))", (code, LOCK_SEED))
                    return Claim(lighter)
                conn.execute("UPDATE sessions SET owner = %s WHERE code = %s", (self.worker, code))
                self._held.add(code)
                return Claim(self.worker, taken_now=True)
            if self._alive(conn, holder):
                return Claim(holder)  # the usual case: send the request there, at once
            if attempt + 1 < CLAIM_TRIES:
                time.sleep(CLAIM_PAUSE)  # its holder just died: PostgreSQL frees the lock in a moment
        return Claim(holder)

    def holds(self, code: str) -> bool:
        return code in self._held

    @staticmethod
    def _alive(conn: psycopg.Connection[Any], worker: str) -> bool:
        """`worker`'s ownership connection is open (a process's locks live exactly as long)."""
        row = conn.execute(f"SELECT 1 FROM {LIVE_WORKERS} WHERE w.name = %s", (worker,)).fetchone()
        return row is not None

    @staticmethod
    def _try_lock(conn: psycopg.Connection[Any], code: str) -> bool:
        row = conn.execute("SELECT pg_try_advisory_lock(hashtextextended(%s, %s))", (code, LOCK_SEED)).fetchone()
        return bool(row and row[0])

    def _placed(self, conn: psycopg.Connection[Any]) -> str | None:
        """The live worker serving the fewest démarches, if it serves fewer than this one would with the
        one just locked: the hash alone can give two halls to one process and none to another."""
        rows = conn.execute(
            f"SELECT w.name, count(l.pid) FROM {LIVE_WORKERS} "
            "LEFT JOIN pg_locks l ON l.pid = w.backend_pid AND l.locktype = 'advisory' AND l.granted "
            "GROUP BY w.name").fetchall()
        served = {str(name): int(count) for name, count in rows}
        mine = served.get(self.worker, len(self._held) + 1) - 1  # without the démarche just locked
        lightest = min(served.items(), key=lambda item: (item[1], item[0]), default=None)
        if lightest is None or lightest[0] == self.worker or lightest[1] >= mine:
            return None
        return lightest[0]

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self.url, autocommit=True)
            self._conn.execute(  # who this process is, for the others' placement
                "INSERT INTO workers (name, backend_pid) VALUES (%s, pg_backend_pid()) ON CONFLICT (name) "
                "DO UPDATE SET backend_pid = EXCLUDED.backend_pid, started_at = now()", (self.worker,))
        return self._conn

    def _lost(self) -> None:
        self._held.clear()
        if self._conn is not None:
            self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        if self._conn is not None:
            self._conn.close()  # the locks go with the connection
