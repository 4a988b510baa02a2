"""« Éléments supprimés »: nothing the facilitator removes is lost by one tap.

Each removal of an axe, an axe's line (an enjeu, an orientation, a piste with its fiche CTG and its
sub-lines), a structure that testifies or a meeting of the calendar, and each merge of two
contributions, is kept here with what hung on it (evidence links, an orientation's pistes, an axe's
comments, the originals' links), so that it can be put back where it was (`Session.restore_removed`).
The newest `KEPT` are kept; the console and the axes page list them. Points of a vote stay on the
vote, by line id: a piste put back finds them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from atelier.domain.axes import Axis, RemovedLine, Target
from atelier.domain.calendar import CalendarStep
from atelier.domain.comments import Comment
from atelier.domain.errors import NotFound
from atelier.domain.testimony import Structure

KEPT = 50


class RemovedKind(StrEnum):
    LINE = "ligne"
    AXIS = "axe"
    STRUCTURE = "structure"
    STEP = "etape"
    MERGE = "fusion"


@dataclass
class RemovedAxis:
    index: int
    axis: Axis
    evidence: dict[int, list[Target]] = field(default_factory=dict)  # contribution → the axe's targets it backed
    comments: list[Comment] = field(default_factory=list)


@dataclass
class RemovedStructure:
    index: int
    structure: Structure


@dataclass
class RemovedStep:
    index: int
    step: CalendarStep


@dataclass
class UndoableMerge:
    """A merge, to undo: its result goes, its originals come back with the links they had before it."""

    result_id: int
    links: dict[int, list[Target]] = field(default_factory=dict)  # original → its targets before the merge


Removed = RemovedLine | RemovedAxis | RemovedStructure | RemovedStep | UndoableMerge


@dataclass(frozen=True)
class LineReach:
    """What else a line's removal takes with it: the console asks first when it is more than its text."""

    evidence: int = 0  # contributions that back it
    details: int = 0  # a piste's sub-lines
    plan: bool = False  # a piste's fiche-action CTG, filled in
    points: int = 0  # points it got in votes

    @property
    def more_than_its_text(self) -> bool:
        return bool(self.evidence or self.details or self.plan or self.points)


@dataclass
class RemovedEntry:
    id: int
    kind: RemovedKind
    label: str  # what it was, as the list names it: the line's text, the axe's title, the structure's name…
    removed_at: datetime
    what: Removed


@dataclass
class RemovedItems:
    entries: list[RemovedEntry] = field(default_factory=list)  # oldest first
    next_id: int = 1

    def keep(self, kind: RemovedKind, label: str, what: Removed, now: datetime) -> RemovedEntry:
        entry = RemovedEntry(self.next_id, kind, label, now, what)
        self.next_id += 1
        self.entries.append(entry)
        del self.entries[:-KEPT]
        return entry

    def entry(self, entry_id: int) -> RemovedEntry:
        found = next((e for e in self.entries if e.id == entry_id), None)
        if found is None:
            raise NotFound("removed_not_found")
        return found

    def take(self, entry_id: int) -> RemovedEntry:
        """Out of the list: it is being put back."""
        entry = self.entry(entry_id)
        self.entries.remove(entry)
        return entry

    def latest(self, kind: RemovedKind) -> RemovedEntry | None:
        return next((e for e in reversed(self.entries) if e.kind is kind), None)

    @property
    def newest(self) -> RemovedEntry | None:
        return self.entries[-1] if self.entries else None
