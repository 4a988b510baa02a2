"""The storage interface: a snapshot of each session plus the journal of changes made since.

A change is acknowledged only once its journal entry is durable; the cost of that write does not
depend on the size of the session. From time to time the service writes a new snapshot, which
replaces the journal entries it covers (compaction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

Record = dict[str, Any]


class StorageError(Exception):
    """The change could not be made durable; the user must not be told it was accepted."""


class EmptySessionFile(StorageError):
    """A session's file holds no session at all (`{}`, or its table emptied): damage, not absence."""


class StaleWrite(StorageError):
    """Another writer moved the session on since this one loaded it: this writer must reload, not write."""


@dataclass
class StoredSession:
    """What an engine keeps of one session: `snapshot` (a whole-session record, whose
    `session.version` says how many changes it holds) and the journal entries newer than it."""

    snapshot: Record
    journal: list[Record] = field(default_factory=list)

    @property
    def version(self) -> int:
        return self.journal[-1]["v"] if self.journal else int(self.snapshot["session"].get("version", 0))


class SessionStore(Protocol):
    """A storage engine. Writes return only once what they wrote would survive a power cut.

    Calls come from one thread at a time (the committer's worker), so engines need no lock.
    """

    def codes(self) -> list[str]: ...

    def load(self, code: str) -> StoredSession | None: ...

    def version(self, code: str) -> int | None:
        """The session's durable version as the engine knows it now (None: no such session); cheap."""

    def append(self, code: str, entries: list[Record], *, expected_version: int) -> None:
        """Add journal entries `{"v", "at", "change"}` numbered from `expected_version + 1`.

        Raises `StaleWrite` if the session's durable version is not `expected_version`.
        """

    def save(self, record: Record) -> None:
        """Make `record` the session's snapshot (a new session, an import, a compaction); the
        journal entries it covers are dropped."""

    def delete(self, code: str) -> None: ...

    def set_aside(self, code: str, reason: str) -> str | None:
        """Move an unreadable session out of the way, with `reason` beside it; return where it went
        (None when the engine keeps nothing to look at). The other sessions are not touched."""

    def close(self) -> None:
        """Release what the engine holds open (files, connections)."""
