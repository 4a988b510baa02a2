"""The PostgreSQL engine, for a deployment that serves many territories from several processes.

A session is a row of `sessions` (its snapshot as JSONB and its durable version) and the rows of
`journal` written since that snapshot (see migrations/). A change is acknowledged once its
transaction has committed, which PostgreSQL makes durable before answering. Two processes may hold
the same session (one that lost it and does not know yet): every write locks the session's row and
compares its version with the one this process last saw, so the stale one is refused (`StaleWrite`)
and must reload, never overwrite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import psycopg
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from atelier.domain.codes import is_well_formed
from atelier.store.base import Record, StaleWrite, StorageError, StoredSession

MIGRATION_LOCK = 7_351_001  # pg_advisory_xact_lock key: one process migrates, the others wait for it
POOL_SIZE = 4  # the storage thread, the event loop's loads, the home page: a few at most at once


def apply_migrations(conn: psycopg.Connection[Any]) -> list[str]:
    """Run the repository's migrations not yet applied, in name order; return their names."""
    scripts = sorted((p for p in resources.files("atelier.store.migrations").iterdir()
                      if p.name.endswith(".sql")), key=lambda p: p.name)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS atelier_migrations "
                     "(name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        done = {row[0] for row in conn.execute("SELECT name FROM atelier_migrations")}
        applied = []
        for script in scripts:
            if script.name not in done:
                conn.execute(script.read_text(encoding="utf-8").encode())  # several statements: no parameters
                conn.execute("INSERT INTO atelier_migrations (name) VALUES (%s)", (script.name,))
                applied.append(script.name)
    return applied


class PostgresSessionStore:
    """Sessions in a PostgreSQL database given by its URL (`postgresql://user@host:port/base`)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._seen: dict[str, int] = {}  # the durable version of each session as this process last saw it
        try:
            with psycopg.connect(url) as conn:
                apply_migrations(conn)
            self.pool = ConnectionPool(url, min_size=1, max_size=POOL_SIZE, open=True, timeout=10)
        except psycopg.Error as error:
            raise StorageError(f"PostgreSQL: {error}") from error

    def codes(self) -> list[str]:
        return [row[0] for row in self._run("SELECT code FROM sessions ORDER BY code")]

    def load(self, code: str) -> StoredSession | None:
        with self._transaction() as conn:
            row = conn.execute("SELECT snapshot, version FROM sessions WHERE code = %s", (code,)).fetchone()
            if row is None:
                return None
            journal = [{"v": v, "at": at, "change": change} for v, at, change in conn.execute(
                "SELECT v, at, change FROM journal WHERE code = %s ORDER BY v", (code,))]
        stored = StoredSession(row[0], journal)
        if stored.version != row[1]:
            raise StorageError(f"{code}: version {row[1]} recorded, {stored.version} found")
        self._seen[code] = row[1]
        return stored

    def version(self, code: str) -> int | None:
        rows = self._run("SELECT version FROM sessions WHERE code = %s", (code,))
        return int(rows[0][0]) if rows else None

    def append(self, code: str, entries: list[Record], *, expected_version: int) -> None:
        with self._transaction() as conn:
            durable = self._locked_version(conn, code)
            if durable != expected_version:
                raise StaleWrite(f"{code}: at version {durable} in the database, expected {expected_version}")
            with conn.cursor() as cursor:
                cursor.executemany("INSERT INTO journal (code, v, at, change) VALUES (%s, %s, %s, %s)",
                                   [(code, e["v"], e["at"], Jsonb(e["change"])) for e in entries])
            conn.execute("UPDATE sessions SET version = %s, updated_at = now() WHERE code = %s",
                         (entries[-1]["v"], code))
        self._seen[code] = entries[-1]["v"]

    def save(self, record: Record) -> None:
        """A new session, an import, a restored backup or a compaction. Refused if another process wrote
        the session since this one last saw it: its snapshot would undo what that one wrote."""
        session = record["session"]
        code, version = session["code"], int(session.get("version", 0))
        if not is_well_formed(code):
            raise StorageError(f"not a session code: {code!r}")
        with self._transaction() as conn:
            durable = self._locked_version(conn, code)
            if durable is not None and code in self._seen and durable != self._seen[code]:
                raise StaleWrite(f"{code}: at version {durable} in the database, this process saw {self._seen[code]}")
            conn.execute("DELETE FROM journal WHERE code = %s", (code,))
            conn.execute(
                "INSERT INTO sessions (code, snapshot, version, territory, created_at) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (code) DO UPDATE SET snapshot = EXCLUDED.snapshot, version = EXCLUDED.version, "
                "territory = EXCLUDED.territory, updated_at = now()",
                (code, Jsonb(record), version, str(session.get("territory", "")), str(session.get("created_at", ""))))
        self._seen[code] = version

    def delete(self, code: str) -> None:
        self._run("DELETE FROM sessions WHERE code = %s", (code,))
        self._seen.pop(code, None)

    def set_aside(self, code: str, reason: str) -> str | None:
        """The rows go to `set_aside` with the reason; the session leaves `sessions`."""
        with self._transaction() as conn:
            row = conn.execute("SELECT snapshot FROM sessions WHERE code = %s FOR UPDATE", (code,)).fetchone()
            journal = [r[0] for r in conn.execute(
                "SELECT jsonb_build_object('v', v, 'at', at, 'change', change) FROM journal WHERE code = %s "
                "ORDER BY v", (code,))]
            kept = conn.execute(
                "INSERT INTO set_aside (code, reason, snapshot, journal) VALUES (%s, %s, %s, %s) RETURNING id",
                (code, reason, Jsonb(row[0]) if row else None, Jsonb(journal))).fetchone()
            conn.execute("DELETE FROM sessions WHERE code = %s", (code,))
        self._seen.pop(code, None)
        return f"set_aside #{kept[0]}" if kept else None

    def close(self) -> None:
        self.pool.close()

    # --- Plumbing ------------------------------------------------------------------------------
    @staticmethod
    def _locked_version(conn: psycopg.Connection[Any], code: str) -> int | None:
        """The session's durable version, its row locked until the transaction ends (None: no such row)."""
        row = conn.execute("SELECT version FROM sessions WHERE code = %s FOR UPDATE", (code,)).fetchone()
        return None if row is None else int(row[0])

    def _run(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._transaction() as conn:
            cursor = conn.execute(query.encode(), params)
            return cursor.fetchall() if cursor.description else []

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection inside one transaction. PostgreSQL's errors become `StorageError`s (the
        service then refuses the change and reloads); `StaleWrite` rolls back and passes as it is."""
        try:
            with self.pool.connection() as conn, conn.transaction():
                yield conn
        except psycopg.Error as error:
            raise StorageError(f"PostgreSQL: {error}") from error
