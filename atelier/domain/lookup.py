"""Finding an item of an ordered list by its id, or raising `NotFound` with the given error code."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from atelier.domain.errors import NotFound


class HasId(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=HasId)


def by_id(items: Iterable[T], item_id: int, error: str) -> T:
    found = next((item for item in items if item.id == item_id), None)
    if found is None:
        raise NotFound(error)
    return found
