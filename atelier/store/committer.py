"""Group commit: many phones post at once, their changes reach the journal in one write.

Each change is queued with the event that announces it; one writer task per session appends every
queued entry in one call on the storage thread (TinyDB is not thread-safe, and the event loop keeps
serving phones meanwhile). Once the write is durable, the batch's events are published in order and
each caller is answered. If the write fails, nothing of the batch — nor of anything queued behind it
— is announced or kept: the session is put back to its last durable state and every caller gets the
error. Every `compact_every` changes, when nothing is waiting, a snapshot replaces the journal.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from atelier.store.base import Record, SessionStore, StorageError

log = logging.getLogger(__name__)
T = TypeVar("T")

COMPACT_EVERY = 1000
ANNOUNCE_SLICE = 10  # events published before the loop serves sockets again


@dataclass
class _Pending:
    entry: Record
    event: Any
    done: asyncio.Future[None]


@dataclass
class _Queue:
    durable: int  # the session's last version known to be on disk
    since_snapshot: int  # journal entries written since the last snapshot
    pending: list[_Pending] = field(default_factory=list)
    writing: bool = False
    writer: asyncio.Task[None] | None = None  # held so the running task is not garbage-collected
    failed: bool = False  # a write failed and the session is being put back: refuse what arrives meanwhile


class GroupCommitter:
    def __init__(self, store: SessionStore, *, publish: Callable[[Any], None],
                 restore: Callable[[str], Awaitable[None]], snapshot: Callable[[str], Record],
                 compact_every: int = COMPACT_EVERY) -> None:
        """`restore(code)` puts the session back to its durable state; `snapshot(code)` is its whole record."""
        self.store = store
        self.publish = publish
        self.restore = restore
        self.snapshot = snapshot
        self.compact_every = compact_every
        self.writes = 0
        self.snapshots = 0
        self._queues: dict[str, _Queue] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atelier-store")

    def track(self, code: str, version: int, journal_length: int) -> None:
        """A session was loaded or created at `version`, with `journal_length` entries beyond its snapshot."""
        self._queues[code] = _Queue(durable=version, since_snapshot=journal_length)

    def is_idle(self, code: str) -> bool:
        queue = self._queues.get(code)
        return queue is None or not (queue.pending or queue.writing)

    async def commit(self, code: str, entry: Record, event: Any) -> None:
        """Return once `entry` is durable and `event` published; raise `StorageError` if it never will be."""
        queue = self._queues[code]
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if queue.failed:
            done.set_exception(StorageError("an earlier write of this session failed"))
        else:
            queue.pending.append(_Pending(entry, event, done))
            if not queue.writing:
                queue.writing = True
                queue.writer = asyncio.create_task(self._write(code, queue))
        await done

    async def save(self, record: Record) -> None:
        """Write a whole session as its snapshot (a new session), on the storage thread."""
        await self.call(self.store.save, record)
        self.track(record["session"]["code"], int(record["session"].get("version", 0)), 0)

    async def call(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, partial(func, *args, **kwargs))
        except OSError as error:  # disk full, permissions…: whatever the engine
            raise StorageError(str(error)) from error

    async def _write(self, code: str, queue: _Queue) -> None:
        try:
            while queue.pending:
                batch, queue.pending = queue.pending, []
                try:
                    await self.call(self.store.append, code, [p.entry for p in batch],
                                    expected_version=queue.durable)
                except Exception as error:
                    await self._fail(code, queue, batch, error)
                    continue
                queue.durable = batch[-1].entry["v"]
                queue.since_snapshot += len(batch)
                self.writes += 1
                for index, pending in enumerate(batch, start=1):
                    self._announce(pending.event)
                    pending.done.set_result(None)
                    if index % ANNOUNCE_SLICE == 0:
                        await asyncio.sleep(0)  # a burst's events in slices: sockets are served in between
                if not queue.pending and queue.since_snapshot >= self.compact_every:
                    await self._compact(code, queue)
        finally:
            queue.writing = False

    async def _fail(self, code: str, queue: _Queue, batch: list[_Pending], error: Exception) -> None:
        log.error("session %s: write failed, its last %d change(s) are refused: %s", code,
                  len(batch) + len(queue.pending), error)
        queue.failed = True
        try:
            await self.restore(code)
        finally:
            failed, queue.pending = batch + queue.pending, []
            queue.failed = False
            refusal = error if isinstance(error, StorageError) else StorageError(str(error))
            for pending in failed:
                pending.done.set_exception(refusal)

    async def _compact(self, code: str, queue: _Queue) -> None:
        """Nothing is pending: the session in memory is exactly the durable one, so it is the snapshot."""
        try:
            await self.call(self.store.save, self.snapshot(code))
        except Exception as error:
            log.warning("session %s: snapshot failed, the journal is kept: %s", code, error)
            return
        queue.since_snapshot = 0
        self.snapshots += 1

    def _announce(self, event: Any) -> None:
        if event is None:
            return
        try:
            self.publish(event)
        except Exception:  # a broken page must not cost the others their answer
            log.exception("publishing %s failed", type(event).__name__)

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        self.store.close()
