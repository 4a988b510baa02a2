"""A change is one user's intent as a plain value: what to do, never how to store or show it.

Every verb of every phase is a `Change`: the service applies it to a session through `perform`,
journals its `record()` once it has succeeded, and publishes what `announce` returns once it is
durable. Replaying a session's journal runs the very same `perform` on the same values, so what is
loaded after a restart is what was acknowledged before it — by construction, not by a second copy
of the rules.

Fields hold only JSON values (str, int, float, bool, None, lists and dicts of them): enums are
`StrEnum`s, which are strings; `apply` converts what it needs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from atelier.domain.events import DomainEvent
from atelier.domain.session import Session

T = TypeVar("T")

_REGISTRY: dict[str, type[Change[Any]]] = {}


@dataclass(frozen=True)
class Change(Generic[T]):
    """Subclasses set `name` (the journal's tag, never renamed) and define `apply` and `announce`."""

    name: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            if cls.name in _REGISTRY:
                raise TypeError(f"two changes are named {cls.name!r}")
            _REGISTRY[cls.name] = cls

    def apply(self, session: Session, now: datetime) -> T:
        """Run the domain rule: either change the session completely or raise a `DomainError`."""
        raise NotImplementedError

    def announce(self, session: Session, result: T) -> DomainEvent | None:
        """What the room is told, built right after `apply` (so it describes this change only)."""
        raise NotImplementedError

    def record(self) -> dict[str, Any]:
        return {"change": self.name, **asdict(self)}


def perform(session: Session, change: Change[T], now: datetime) -> T:
    """The one place a change reaches a session: the rule, then the session's change number and clock."""
    result = change.apply(session, now)
    session.version += 1
    session.updated_at = now
    return result


def change_from_record(raw: dict[str, Any]) -> Change[Any]:
    fields = dict(raw)
    name = fields.pop("change", None)
    cls = _REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown change in the journal: {name!r}")
    return cls(**fields)


def replay(session: Session, entries: list[dict[str, Any]]) -> Session:
    """Apply journal entries (`{"v", "at", "change"}`) newer than the session's version, in order."""
    for entry in entries:
        if entry["v"] <= session.version:
            continue  # already in the snapshot (a crash between snapshot and journal truncation)
        if entry["v"] != session.version + 1:
            raise ValueError(f"journal gap: change {session.version + 1} expected, {entry['v']} found")
        perform(session, change_from_record(entry["change"]), datetime.fromisoformat(entry["at"]))
    return session
