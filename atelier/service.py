"""The one path of every change: find the session, run the domain rule, make it durable, tell the room.

Pages call `apply(code, change)` with a `Change` value (atelier/domain/changes/) and nothing else
changes a session. Order matters: the domain refuses bad input before anything changes; the
change's journal entry is on disk before the caller is told it was accepted; only then is it
announced. A failed write puts the session back to its last durable state (see store/committer.py).

Sessions are loaded when first asked for and leave memory once nobody has used them for a while
(pages that still show one keep it alive: the service finds that very object again).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from atelier import texts
from atelier.domain import records
from atelier.domain.changes import Change, SetPhaseStatus, perform, replay
from atelier.domain.codes import is_well_formed, new_code, normalise_code
from atelier.domain.errors import DomainError, NotFound
from atelier.domain.events import DomainEvent
from atelier.domain.session import Session
from atelier.export.archive import archive_of_record, session_from_archive
from atelier.store import GroupCommitter, SessionStore, StorageError, StoredSession
from atelier.store.backups import Backup, Backups
from atelier.store.base import EmptySessionFile

log = logging.getLogger(__name__)
T = TypeVar("T")
Publish = Callable[[DomainEvent], None]

IDLE_SECONDS = 30 * 60  # a session unused this long (and shown by no page) leaves memory
SWEEP_SECONDS = 60
BACKUP_EVERY = timedelta(hours=1)  # of activity: a démarche nobody touches gets no new backup


def utc_now() -> datetime:
    return datetime.now(UTC)


class SessionService:
    def __init__(self, store: SessionStore, publish: Publish | None = None,
                 clock: Callable[[], datetime] = utc_now, *, idle_seconds: float = IDLE_SECONDS,
                 compact_every: int | None = None, backups: Backups | None = None) -> None:
        self.store = store
        self.backups = backups
        self._last_backup: dict[str, datetime | None] = {}
        self._backup_tasks: set[asyncio.Future[Any]] = set()
        self.publish: Publish = publish or (lambda event: None)
        self.clock = clock
        self.idle_seconds = idle_seconds
        extra: dict[str, Any] = {} if compact_every is None else {"compact_every": compact_every}
        self.committer = GroupCommitter(store, publish=lambda event: self.publish(event), restore=self._restore,
                                        snapshot=lambda code: records.session_record(self.get(code)), **extra)
        self._alive: weakref.WeakValueDictionary[str, Session] = weakref.WeakValueDictionary()
        self._kept: dict[str, tuple[Session, float]] = {}  # held in memory, with their last use (monotonic)
        self._next_sweep = time.monotonic() + SWEEP_SECONDS
        self.unreadable: dict[str, Unreadable] = {}  # set aside since start, for the facilitator's home page
        # One of several processes (atelier/cluster): a démarche another one serves is never kept here.
        self.served_here: Callable[[str], bool] = lambda code: True

    # --- Sessions --------------------------------------------------------------------------
    def find(self, code: str) -> Session | None:
        code = normalise_code(code)
        session = self._alive.get(code)
        if session is not None and not self.served_here(code) and self.store.version(code) != session.version:
            self.forget(code)  # another process serves it and moved it on: read it as it is now
            session = None
        if session is None and is_well_formed(code):
            session = self._load(code)
        if session is not None:
            self._touch(session)
        return session

    def get(self, code: str) -> Session:
        session = self.find(code)
        if session is None:
            raise NotFound("session_not_found", code=code)
        return session

    def forget(self, code: str) -> None:
        """Another process served this démarche meanwhile: the copy in memory is stale, the next `find`
        reads it from the store again."""
        self._alive.pop(code, None)
        self._kept.pop(code, None)

    def list_sessions(self) -> list[Session]:
        sessions = [s for s in map(self.find, self.store.codes()) if s is not None]
        return sorted(sessions, key=lambda s: s.created_at, reverse=True)

    async def create_session(self, *, territory: str, communes: str | list[str], themes: str | list[str],
                             title: str | None = None) -> Session:
        taken = set(self.store.codes()) | set(self._alive.keys()) | set(self.unreadable)  # set aside: kept
        session = Session.create(code=new_code(taken),
                                 territory=territory, communes=communes, themes=themes,
                                 title=title or texts.DEFAULT_TITLE, now=self.clock())
        try:
            await self.committer.save(records.session_record(session))
        except StorageError as error:
            raise DomainError("storage") from error
        self._alive[session.code] = session
        self._touch(session)
        return session

    # --- Changes ---------------------------------------------------------------------------
    async def apply(self, code: str, change: Change[T]) -> T:
        """Run `change` on the session (it may refuse: then nothing changed, nothing is written or
        announced); return its result once it is durable and announced."""
        session = self.get(code)
        now = self.clock()
        result = perform(session, change, now)
        try:
            event = change.announce(session, result)  # built now: it describes this change, not a later one
            entry = {"v": session.version, "at": now.isoformat(), "change": change.record()}
        except Exception:
            await self._restore(session.code)  # a bug must not leave a change in memory that no journal holds
            raise
        try:
            await self.committer.commit(session.code, entry, event)
        except StorageError as error:
            raise DomainError("storage") from error
        self._maybe_back_up(session, change, now)
        return result

    # --- Backups ---------------------------------------------------------------------------
    def _maybe_back_up(self, session: Session, change: Change[Any], now: datetime) -> None:
        """At the first change after `BACKUP_EVERY` without a backup, and when a phase opens or closes."""
        if self.backups is None:
            return
        code = session.code
        if code not in self._last_backup:
            latest = self.backups.latest(code)
            self._last_backup[code] = latest.at if latest else None
        last = self._last_backup[code]
        if not (isinstance(change, SetPhaseStatus) or last is None or now - last >= BACKUP_EVERY):
            return
        self._last_backup[code] = now
        self._back_up(code, records.session_record(session), now)  # the copy is taken now, on the loop

    def _back_up(self, code: str, record: dict[str, Any], now: datetime) -> None:
        backups = self.backups
        assert backups is not None
        task = asyncio.get_running_loop().run_in_executor(None, lambda: backups.write(code, archive_of_record(record),
                                                                                      now))
        self._backup_tasks.add(task)

        def done(finished: asyncio.Future[Any]) -> None:
            self._backup_tasks.discard(finished)
            if not finished.cancelled() and finished.exception() is not None:
                log.error(texts.LOG_BACKUP_FAILED.format(code=code, error=finished.exception()))
        task.add_done_callback(done)

    async def delete_session(self, code: str) -> str:
        """For good: its files, its journal and every backup of it (what « Supprimer définitivement » does)."""
        session = self.get(code)
        await self.committer.call(self.store.delete, session.code)
        if self.backups is not None:
            await self.backups_written()
            self.backups.delete_all(session.code)
        self._alive.pop(session.code, None)
        self._kept.pop(session.code, None)
        self._last_backup.pop(session.code, None)
        return session.code

    async def backups_written(self) -> None:
        """Wait for the backups on their way (tests, and a clean stop)."""
        await asyncio.gather(*list(self._backup_tasks), return_exceptions=True)

    async def restore_backup(self, code: str, backup: Backup) -> Session:
        """The démarche as `backup` holds it, in place of what is stored (itself backed up first, so a
        restore can be undone); pages showing it see the restored state at their next change or reload."""
        restored = session_from_archive(await asyncio.to_thread(backup.path.read_bytes))
        if restored.code != code:
            raise NotFound("session_not_found", code=code)
        current = self.find(code)
        if current is not None and self.backups is not None:
            record = records.session_record(current)  # the copy on the loop, the writing off it
            await asyncio.to_thread(self.backups.write, code, archive_of_record(record), self.clock())
        try:
            await self.committer.save(records.session_record(restored))
        except StorageError as error:
            raise DomainError("storage") from error
        self.unreadable.pop(code, None)
        if current is not None:
            current.restore(restored)
            restored = current
        self._alive[code] = restored
        self._touch(restored)
        return restored

    # --- Plumbing --------------------------------------------------------------------------
    def _load(self, code: str) -> Session | None:
        """The session from its store; one that cannot be read is set aside and reported, never raised:
        a damaged file must not take the other démarches (or the server's start) down with it."""
        try:
            stored = self.store.load(code)
            if stored is None:
                return None
            session = _rebuilt(stored)
        except Exception as error:
            self._set_aside(code, error)
            return None
        self.committer.track(code, session.version, len(stored.journal))
        self._alive[code] = session
        return session

    async def _restore(self, code: str) -> None:
        """A write failed: the session in memory becomes the durable one again, in place."""
        session = self._alive.get(code)
        try:
            stored = await self.committer.call(self.store.load, code)
        except Exception:
            log.exception("session %s could not be reloaded after a failed write", code)
            stored = None
        if stored is None:
            self._alive.pop(code, None)
            self._kept.pop(code, None)
            return
        durable = _rebuilt(stored)
        if session is not None:
            session.restore(durable)
        self.committer.track(code, durable.version, len(stored.journal))

    def _set_aside(self, code: str, error: Exception) -> None:
        reason = unreadable_reason(error)
        where = None
        if not isinstance(error, records.NewerSchema):  # a newer atelier reads it: leave it where it is
            try:
                where = self.store.set_aside(code, reason)
            except OSError:
                log.exception("session %s could not be set aside", code)
        self.unreadable[code] = Unreadable(code, reason, where, self.clock())
        log.warning(texts.LOG_UNREADABLE.format(code=code, reason=reason, where=where or texts.UNREADABLE_LEFT))

    def _touch(self, session: Session) -> None:
        now = time.monotonic()
        self._kept[session.code] = (session, now)
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_SECONDS
            for code in [c for c, (_, used) in self._kept.items() if now - used > self.idle_seconds]:
                if self.committer.is_idle(code):
                    del self._kept[code]  # the weak map still finds it while a page shows it

    def close(self) -> None:
        self.committer.close()


@dataclass(frozen=True)
class Unreadable:
    """A démarche whose files could not be read: why, where they are now, and when it was found."""

    code: str
    reason: str
    where: str | None
    found_at: datetime


def unreadable_reason(error: Exception) -> str:
    """What went wrong, said in French for the facilitator (the technical detail in brackets)."""
    detail = str(error)[:200]
    if isinstance(error, records.NewerSchema):
        return texts.UNREADABLE_NEWER
    if isinstance(error, UnicodeDecodeError | json.JSONDecodeError):
        return texts.UNREADABLE_TRUNCATED.format(detail=detail)
    if isinstance(error, KeyError):
        return texts.UNREADABLE_MISSING.format(detail=detail)
    if isinstance(error, EmptySessionFile):
        return texts.UNREADABLE_EMPTY
    return texts.UNREADABLE_OTHER.format(detail=f"{type(error).__name__}: {detail}")


def load_session(store: SessionStore, code: str) -> Session | None:
    """A session as its store holds it (snapshot and journal), outside any server (CLI exports)."""
    stored = store.load(code)
    return None if stored is None else _rebuilt(stored)


def _rebuilt(stored: StoredSession) -> Session:
    return replay(records.session_from_record(stored.snapshot), stored.journal)
