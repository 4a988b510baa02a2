"""The storage interface: whole-session records in, whole-session records out."""

from __future__ import annotations

from typing import Any, Protocol

Record = dict[str, Any]


class StorageError(Exception):
    """The record could not be made durable; the user must not be told it was accepted."""


class SessionStore(Protocol):
    """A storage engine. `save` returns only once the record would survive a power cut.

    Calls come from one thread at a time (the committer's worker), so engines need no lock.
    """

    def codes(self) -> list[str]: ...

    def load(self, code: str) -> Record | None: ...

    def save(self, record: Record) -> None: ...

    def delete(self, code: str) -> None: ...
