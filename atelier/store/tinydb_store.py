"""The embedded engine: per session, a TinyDB snapshot file and a journal file beside it.

`<CODE>.json` is a TinyDB database (tables session, participants, contributions) holding the
session as of its last snapshot; `<CODE>.journal` holds the changes made since, one per line
(see journal.py). A change appends one line; a snapshot rewrites the TinyDB file and empties the
journal. TinyDB's own JSONStorage truncates and rewrites the file in place, so a crash mid-write
can leave it unreadable: `AtomicJSONStorage` writes a temporary file beside it, fsyncs, then renames.
The snapshot is replaced before the journal is emptied: after a crash between the two, loading
skips the entries the snapshot already holds.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from atelier.domain.codes import is_well_formed
from atelier.store.base import EmptySessionFile, Record, StaleWrite, StorageError, StoredSession
from atelier.store.journal import append_entries, open_journal, read_journal

TABLES = ("session", "participants", "contributions")
QUARANTINE = "quarantine"  # under the data dir: unreadable sessions, set aside with the reason
SUFFIX = ".json"
JOURNAL_SUFFIX = ".journal"


class AtomicJSONStorage(Storage):
    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            with self.path.open(encoding="utf-8") as handle:
                data: dict[str, dict[str, Any]] = json.load(handle)
                return data
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
    """Files under `<data_dir>`; with no data dir, everything in memory (for tests)."""

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir
        self._dbs: dict[str, TinyDB] = {}
        self._journals: dict[str, list[Record]] = {}  # in memory only (no data dir)
        self._versions: dict[str, int] = {}  # the durable version of each session this engine has seen
        # What the files looked like after this engine's last read or write: another writer changes it.
        self._fingerprints: dict[str, tuple[int, int]] = {}
        self._journal_fds: dict[str, int] = {}
        if data_dir is not None:
            data_dir.mkdir(parents=True, exist_ok=True)

    def codes(self) -> list[str]:
        if self.data_dir is None:
            return sorted(self._dbs)
        return sorted(p.stem for p in self.data_dir.glob(f"*{SUFFIX}") if is_well_formed(p.stem))

    def load(self, code: str) -> StoredSession | None:
        if self.data_dir is not None:
            if not self._path(code).exists():
                return None
            self._dbs.pop(code, None)  # read the file as it is now, not TinyDB's cache of it
        db = self._db(code)
        meta = db.table("session").all()
        if not meta:
            if self.data_dir is not None:  # a file with no démarche in it is damage, not absence
                raise EmptySessionFile(f"{code}: no session in the file")
            return None
        snapshot = {
            "session": dict(meta[0]),
            "participants": [dict(doc) for doc in db.table("participants").all()],
            "contributions": [dict(doc) for doc in db.table("contributions").all()],
        }
        stored = StoredSession(snapshot, self._read_journal(code))
        self._versions[code] = stored.version
        self._fingerprints[code] = self._fingerprint(code)
        return stored

    def version(self, code: str) -> int | None:
        """One process writes these files: what it last read or wrote is the durable version."""
        if self.data_dir is not None and not self._path(code).exists():
            return None
        return self._durable_version(code)

    def append(self, code: str, entries: list[Record], *, expected_version: int) -> None:
        durable = self._durable_version(code)
        if durable != expected_version or self._fingerprints.get(code) != self._fingerprint(code):
            raise StaleWrite(f"{code}: changed on disk since version {durable}, the writer expected {expected_version}")
        if self.data_dir is None:
            self._journals.setdefault(code, []).extend(entries)
        else:
            if code not in self._journal_fds:
                self._journal_fds[code] = open_journal(self._journal_path(code))
            append_entries(self._journal_fds[code], entries)
        self._versions[code] = entries[-1]["v"]
        self._fingerprints[code] = self._fingerprint(code)

    def save(self, record: Record) -> None:
        code = record["session"]["code"]
        db = self._db(code)
        try:
            db.table("session").truncate()
            db.table("session").insert(record["session"])
            for name in TABLES[1:]:
                table = db.table(name)
                table.truncate()
                table.insert_multiple(_documents(name, record[name]))
            db.storage.flush()  # type: ignore[attr-defined]  # CachingMiddleware: one atomic write
            self._empty_journal(code)
        except OSError as error:
            raise StorageError(str(error)) from error
        self._versions[code] = int(record["session"].get("version", 0))
        self._fingerprints[code] = self._fingerprint(code)

    def delete(self, code: str) -> None:
        self._forget(code)
        self._journals.pop(code, None)
        if self.data_dir is not None:
            self._path(code).unlink(missing_ok=True)
            self._journal_path(code).unlink(missing_ok=True)

    def set_aside(self, code: str, reason: str) -> str | None:
        """`<CODE>.json` and `<CODE>.journal` go to `quarantine/<CODE>-<date>.*`, with a `.txt` saying why."""
        self._forget(code)
        if self.data_dir is None:
            return None
        folder = self.data_dir / QUARANTINE
        folder.mkdir(exist_ok=True)
        stem = f"{code}-{datetime.now(UTC):%Y%m%d-%H%M%S}"
        for path in (self._path(code), self._journal_path(code)):
            if path.exists():
                os.replace(path, folder / f"{stem}{path.suffix}")
        (folder / f"{stem}.txt").write_text(reason + "\n", encoding="utf-8")
        return str(folder / stem)

    def _forget(self, code: str) -> None:
        """Let go of what this engine holds of the session: its TinyDB cache, journal file, versions."""
        db = self._dbs.pop(code, None)
        if db is not None:
            db.close()
        self._close_journal(code)
        self._versions.pop(code, None)
        self._fingerprints.pop(code, None)

    def close(self) -> None:
        for code in list(self._journal_fds):
            self._close_journal(code)

    def _close_journal(self, code: str) -> None:
        fd = self._journal_fds.pop(code, None)
        if fd is not None:
            os.close(fd)

    def _durable_version(self, code: str) -> int:
        if code not in self._versions:
            stored = self.load(code)
            self._versions[code] = stored.version if stored else 0
            self._fingerprints[code] = self._fingerprint(code)
        return self._versions[code]

    def _fingerprint(self, code: str) -> tuple[int, int]:
        """The snapshot's modification time and the journal's size: one `stat` each, no read."""
        if self.data_dir is None:
            return (0, len(self._journals.get(code, [])))
        try:
            snapshot = self._path(code).stat().st_mtime_ns
        except FileNotFoundError:
            snapshot = 0
        try:
            journal = self._journal_path(code).stat().st_size
        except FileNotFoundError:
            journal = 0
        return (snapshot, journal)

    def _read_journal(self, code: str) -> list[Record]:
        if self.data_dir is None:
            return list(self._journals.get(code, []))
        return read_journal(self._journal_path(code))

    def _empty_journal(self, code: str) -> None:
        if self.data_dir is None:
            self._journals.pop(code, None)
        else:
            path = self._journal_path(code)
            if code in self._journal_fds:
                os.ftruncate(self._journal_fds[code], 0)
            elif path.exists():
                os.truncate(path, 0)

    def _path(self, code: str) -> Path:
        assert self.data_dir is not None
        if not is_well_formed(code):
            raise StorageError(f"not a session code: {code!r}")
        return self.data_dir / f"{code}{SUFFIX}"

    def _journal_path(self, code: str) -> Path:
        return self._path(code).with_suffix(JOURNAL_SUFFIX)

    def _db(self, code: str) -> TinyDB:
        if code not in self._dbs:
            if self.data_dir is None:
                self._dbs[code] = TinyDB(storage=CachingMiddleware(MemoryStorage))  # type: ignore[no-untyped-call]
            else:
                self._dbs[code] = TinyDB(self._path(code), storage=CachingMiddleware(AtomicJSONStorage))  # type: ignore[no-untyped-call]
            # Nothing is written until we flush: every save is one write of the whole file.
            self._dbs[code].storage.WRITE_CACHE_SIZE = 1 << 30  # type: ignore[attr-defined]
        return self._dbs[code]


def _documents(table: str, rows: list[Record]) -> list[Document | Record]:
    """Contributions keep their own number as TinyDB document id, so the file reads naturally."""
    if table == "contributions":
        return [Document(row, doc_id=row["id"]) for row in rows]
    return rows
