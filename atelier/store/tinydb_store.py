"""TinyDB engine: one JSON file per session, replaced atomically on every commit.

TinyDB's own JSONStorage truncates and rewrites the file in place, so a crash mid-write can leave
it unreadable. `AtomicJSONStorage` writes a temporary file beside it, fsyncs, then renames.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from atelier.domain.codes import is_well_formed
from atelier.store.base import Record, StorageError

TABLES = ("session", "participants", "contributions")
SUFFIX = ".json"


class AtomicJSONStorage(Storage):
    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            with self.path.open(encoding="utf-8") as handle:
                return json.load(handle)
        except FileNotFoundError:
            return None

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        _fsync_directory(self.path.parent)

    def close(self) -> None:
        pass


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open folders and needs no such step."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class TinyDBSessionStore:
    """Files `<data_dir>/<CODE>.json`; with no data dir, in-memory TinyDBs (for tests)."""

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir
        self._dbs: dict[str, TinyDB] = {}
        if data_dir is not None:
            data_dir.mkdir(parents=True, exist_ok=True)

    def codes(self) -> list[str]:
        if self.data_dir is None:
            return sorted(self._dbs)
        return sorted(p.stem for p in self.data_dir.glob(f"*{SUFFIX}") if is_well_formed(p.stem))

    def load(self, code: str) -> Record | None:
        if self.data_dir is not None and not self._path(code).exists():
            return None
        db = self._db(code)
        meta = db.table("session").all()
        if not meta:
            return None
        return {
            "session": dict(meta[0]),
            "participants": [dict(doc) for doc in db.table("participants").all()],
            "contributions": [dict(doc) for doc in db.table("contributions").all()],
        }

    def save(self, record: Record) -> None:
        db = self._db(record["session"]["code"])
        try:
            db.table("session").truncate()
            db.table("session").insert(record["session"])
            for name in TABLES[1:]:
                table = db.table(name)
                table.truncate()
                table.insert_multiple(_documents(name, record[name]))
            db.storage.flush()  # type: ignore[attr-defined]  # CachingMiddleware: one atomic write
        except OSError as error:
            raise StorageError(str(error)) from error

    def delete(self, code: str) -> None:
        db = self._dbs.pop(code, None)
        if db is not None:
            db.close()
        if self.data_dir is not None:
            self._path(code).unlink(missing_ok=True)

    def _path(self, code: str) -> Path:
        assert self.data_dir is not None
        if not is_well_formed(code):
            raise StorageError(f"not a session code: {code!r}")
        return self.data_dir / f"{code}{SUFFIX}"

    def _db(self, code: str) -> TinyDB:
        if code not in self._dbs:
            if self.data_dir is None:
                self._dbs[code] = TinyDB(storage=CachingMiddleware(MemoryStorage))
            else:
                self._dbs[code] = TinyDB(self._path(code), storage=CachingMiddleware(AtomicJSONStorage))
            # Nothing is written until we flush: every save is one write of the whole file.
            self._dbs[code].storage.WRITE_CACHE_SIZE = 1 << 30  # type: ignore[attr-defined]
        return self._dbs[code]


def _documents(table: str, rows: list[Record]) -> list[Document | Record]:
    """Contributions keep their own number as TinyDB document id, so the file reads naturally."""
    if table == "contributions":
        return [Document(row, doc_id=row["id"]) for row in rows]
    return rows
