"""Group commit: many phones post at once, the session file is written once for all of them.

Each caller awaits until a write that includes its change is on disk. Writes run on one worker
thread (TinyDB is not thread-safe), so the event loop keeps serving phones while the file is written.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from atelier.store.base import Record, SessionStore, StorageError


@dataclass
class _SessionLog:
    changed: int = 0  # bumped by every change made in memory
    written: int = 0  # the last change number known to be on disk
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class GroupCommitter:
    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self.writes = 0
        self._logs: dict[str, _SessionLog] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atelier-store")

    async def commit(self, code: str, snapshot: Callable[[], Record]) -> None:
        """Return once the session, as it is now in memory, is durable."""
        log = self._logs.setdefault(code, _SessionLog())
        log.changed += 1
        mine = log.changed
        async with log.lock:
            if log.written >= mine:
                return  # a write that started after our change already carried it
            upto = log.changed
            record = snapshot()  # taken on the loop: the session cannot change while we copy it
            try:
                await asyncio.get_running_loop().run_in_executor(self._executor, self.store.save, record)
            except OSError as error:  # disk full, permissions…: whatever the engine
                raise StorageError(str(error)) from error
            log.written = upto
            self.writes += 1

    def run(self, func: Callable, *args: object) -> asyncio.Future:
        """Run another storage call on the storage thread."""
        return asyncio.get_running_loop().run_in_executor(self._executor, func, *args)

    def close(self) -> None:
        self._executor.shutdown(wait=True)
