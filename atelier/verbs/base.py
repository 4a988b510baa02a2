"""The one shape of every verb: find the session, apply the domain rule, make it durable, tell the room."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from atelier.domain.events import DomainEvent
from atelier.domain.session import Session

T = TypeVar("T")


class VerbsBase:
    # Provided by `SessionService` (declared here for type checkers).
    clock: Callable[[], datetime]
    publish: Callable[[DomainEvent], None]
    get: Callable[[str], Session]
    _commit: Callable[[Session], Awaitable[None]]

    async def _apply(self, code: str, change: Callable[[Session, datetime], T],
                     announce: Callable[[Session, T], DomainEvent]) -> T:
        """Run `change` (it may refuse: then nothing changed, nothing is written or announced).

        The event is built right after the change, so it describes this change even if another one
        lands while the write is in progress; it is published once the change is on disk.
        """
        session = self.get(code)
        now = self.clock()
        result = change(session, now)
        session.updated_at = now
        event = announce(session, result)
        await self._commit(session)
        self.publish(event)
        return result
