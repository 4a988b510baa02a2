"""Where sessions are kept. The service only knows the `SessionStore` interface; `open_store` is the
one place an engine is chosen, from a store URL (`--store`, or `ATELIER_STORE`)."""

from __future__ import annotations

import os
from pathlib import Path

from atelier.store.base import Record, SessionStore, StaleWrite, StorageError, StoredSession
from atelier.store.committer import GroupCommitter
from atelier.store.tinydb_store import TinyDBSessionStore

STORE_ENV = "ATELIER_STORE"

__all__ = ["STORE_ENV", "GroupCommitter", "Record", "SessionStore", "StaleWrite", "StorageError", "StoredSession",
           "TinyDBSessionStore", "open_store"]


def open_store(url: str | None, data_dir: Path) -> SessionStore:
    """`tinydb:` (the default: files under `data_dir`), `tinydb:///a/folder`, `memory:` (nothing kept),
    or `postgresql://user@host:port/base` (several processes sharing one database; needs psycopg).

    `url` None reads `ATELIER_STORE`; unset, the embedded TinyDB engine under `data_dir`.
    """
    url = url or os.environ.get(STORE_ENV) or "tinydb:"
    scheme, _, rest = url.partition(":")
    if scheme == "tinydb":
        folder = rest.removeprefix("//")
        return TinyDBSessionStore(Path(folder) if folder else data_dir)
    if scheme == "memory":
        return TinyDBSessionStore(None)
    if scheme in ("postgresql", "postgres"):
        from atelier.store.postgres_store import PostgresSessionStore  # psycopg: only where it is used

        return PostgresSessionStore(url)
    raise ValueError(f"unknown store {url!r}: expected tinydb:, memory: or postgresql://")
