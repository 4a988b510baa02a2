"""The axes stratégiques the facilitator builds from phases 1 and 2, and which one the projection presents.

An axe has a title, three lists of lines (« Les enjeux », « Les orientations », pistes d'actions)
and an optional « Concrètement ». As in the method's fiches, a piste stands under one orientation of
its axe or directly under the axe (`Piste.orientation_id`, None for the latter: what older sessions
hold). The pistes of an axe are one list in the order the document shows them; `Axis.outline()`
groups them. A piste may carry sub-lines and the fields of a CTG fiche-action. Every axe and line has
an id unique on the board, so a page edits or links a line by its id, never by a position that
another change may have shifted. A removed line or axe can be put back (see `domain/removed.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from atelier.domain import validation as v
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.lookup import by_id

MAX_AXES = 12
MAX_LINES = 30  # per section of an axe
MAX_DETAILS = 20  # sub-lines of a piste
MAX_TITLE = 120
MAX_LINE = 300
MAX_DEADLINE = 40
MAX_LONG_TEXT = 1000


class AxisSection(StrEnum):
    """The lists of an axe; the values are the `Axis` attributes holding them."""

    ENJEUX = "enjeux"
    ORIENTATIONS = "orientations"
    PISTES = "pistes"


class TargetKind(StrEnum):
    """What a contribution can back, and what a vote can be about (orientations or pistes)."""

    AXIS = "axe"
    ORIENTATION = "orientation"
    PISTE = "piste"


SECTION_TARGETS = {AxisSection.ORIENTATIONS: TargetKind.ORIENTATION, AxisSection.PISTES: TargetKind.PISTE}


@dataclass(frozen=True)
class Target:
    """A typed reference to an axe, an orientation or a piste."""

    kind: TargetKind
    id: int


@dataclass
class Line:
    id: int
    text: str


@dataclass
class Piste(Line):
    """A piste d'action: sub-lines shown as bullets under it, and the CTG fiche fields (all optional)."""

    details: list[str] = field(default_factory=list)
    orientation_id: int | None = None  # None: directly under the axe
    strategic_objective: str = ""
    operational_objective: str = ""
    pilots: str = ""
    deadline: str = ""
    indicators: str = ""
    vigilance: str = ""


# CTG field → (maximum length, several lines allowed); the order of the « Plan d'actions CTG » table.
CTG_FIELDS: dict[str, tuple[int, bool]] = {
    "strategic_objective": (MAX_LINE, False),
    "operational_objective": (MAX_LINE, False),
    "pilots": (MAX_LINE, False),
    "deadline": (MAX_DEADLINE, False),
    "indicators": (MAX_LONG_TEXT, True),
    "vigilance": (MAX_LONG_TEXT, True),
}


@dataclass
class Axis:
    id: int
    title: str
    enjeux: list[Line] = field(default_factory=list)
    orientations: list[Line] = field(default_factory=list)
    pistes: list[Piste] = field(default_factory=list)
    concretely: str = ""

    def section(self, section: AxisSection) -> list[Any]:
        lines: list[Any] = getattr(self, section.value)
        return lines

    def pistes_under(self, orientation_id: int | None) -> list[Piste]:
        """The pistes of one orientation (None: those directly under the axe), in order."""
        return [piste for piste in self.pistes if piste.orientation_id == orientation_id]

    def outline(self) -> list[tuple[Line | None, list[Piste]]]:
        """Each orientation with its pistes, then (None, the pistes directly under the axe) if any."""
        groups: list[tuple[Line | None, list[Piste]]] = [(o, self.pistes_under(o.id)) for o in self.orientations]
        loose = self.pistes_under(None)
        return [*groups, (None, loose)] if loose else groups

    def pistes_in_order(self) -> list[Piste]:
        """The pistes as the document lists them: orientation by orientation, then those under the axe."""
        return [piste for _, pistes in self.outline() for piste in pistes]

    def orientation(self, orientation_id: int) -> Line:
        return by_id(self.orientations, orientation_id, "orientation_not_found")

    @property
    def targets(self) -> set[Target]:
        """The axe itself and each of its orientations and pistes: what evidence can point at."""
        return ({Target(TargetKind.AXIS, self.id)}
                | {Target(TargetKind.ORIENTATION, line.id) for line in self.orientations}
                | {Target(TargetKind.PISTE, line.id) for line in self.pistes})


@dataclass
class RemovedLine:
    """What « Annuler la suppression » puts back: the line where it was, and what hung on it."""

    axis_id: int
    section: AxisSection
    index: int
    line: Line
    pistes: list[int] = field(default_factory=list)  # an orientation's pistes, left under the axe
    evidence: list[int] = field(default_factory=list)  # the contributions that backed it


@dataclass
class AxisBoard:
    axes: list[Axis] = field(default_factory=list)
    presented_id: int | None = None
    next_id: int = 1
    presented_page: int = 0  # page turns of a long presented axe; the projection shows it modulo its pages

    # --- Lookups ---------------------------------------------------------------------------
    def axis(self, axis_id: int) -> Axis:
        return by_id(self.axes, axis_id, "axis_not_found")

    def find_line(self, line_id: int) -> tuple[Axis, AxisSection, Line]:
        for axis in self.axes:
            for section in AxisSection:
                for line in axis.section(section):
                    if line.id == line_id:
                        return axis, section, line
        raise NotFound("line_not_found")

    def piste(self, piste_id: int) -> Piste:
        _, section, line = self.find_line(piste_id)
        if section is not AxisSection.PISTES:
            raise InvalidInput("not_a_piste")
        return line  # type: ignore[return-value]  # the pistes section holds Piste lines only

    def items(self, kind: TargetKind | str) -> list[Line]:
        """Every orientation, or every piste, of all axes in board order (what a vote is about); none for axes."""
        if kind == TargetKind.PISTE:
            return [piste for axis in self.axes for piste in axis.pistes_in_order()]
        if kind == TargetKind.ORIENTATION:
            return [line for axis in self.axes for line in axis.orientations]
        return []

    def target_of_line(self, line_id: int) -> Target | None:
        """The evidence target a line is (enjeux lines are none)."""
        _, section, line = self.find_line(line_id)
        kind = SECTION_TARGETS.get(section)
        return None if kind is None else Target(kind, line.id)

    def locate(self, target: Target) -> tuple[Axis, Line | None]:
        """The axe a target belongs to, and its line (None when the target is the axe itself)."""
        if target.kind is TargetKind.AXIS:
            return self.axis(target.id), None
        axis, _, line = self.find_line(target.id)
        return axis, line

    def require(self, target: Target) -> Target:
        """The same reference with a checked kind; refused if not (or no longer) on the board."""
        target = Target(v.choice(TargetKind, target.kind, "evidence_target"), target.id)
        if not any(target in axis.targets for axis in self.axes):
            raise NotFound("evidence_target")
        return target

    # --- Axes ------------------------------------------------------------------------------
    def add_axis(self, title: str) -> Axis:
        if len(self.axes) >= MAX_AXES:
            raise NotAllowed("too_many_axes", max=MAX_AXES)
        title = _title(title)
        axis = Axis(self._new_id(), title)
        self.axes.append(axis)
        return axis

    def edit_axis(self, axis_id: int, *, title: str | None = None, concretely: str | None = None) -> Axis:
        """`None` leaves a field as it is."""
        axis = self.axis(axis_id)
        new_title = axis.title if title is None else _title(title)
        if concretely is not None:
            axis.concretely = v.clean_optional_text(concretely, field="concretely", max_length=MAX_LONG_TEXT)
        axis.title = new_title
        return axis

    def remove_axis(self, axis_id: int) -> Axis:
        axis = self.axis(axis_id)
        self.axes.remove(axis)
        if self.presented_id == axis_id:
            self.presented_id = None
        return axis

    def move_axis(self, axis_id: int, to_index: int) -> Axis:
        """Put the axe at `to_index` (clamped: moving the first one up leaves it first)."""
        axis = self.axis(axis_id)
        _move(self.axes, axis, to_index)
        return axis

    # --- Lines -----------------------------------------------------------------------------
    def add_line(self, axis_id: int, section: AxisSection | str, text: str, *,
                 orientation_id: int | None = None) -> Line:
        return self.add_lines(axis_id, section, [text], orientation_id=orientation_id)[0]

    def add_lines(self, axis_id: int, section: AxisSection | str, texts: list[str], *,
                  orientation_id: int | None = None) -> list[Line]:
        """Several lines at once (a pasted list): all of them, or none if one is refused.

        Pistes go under `orientation_id` (an orientation of this axe), after its last piste.
        """
        axis = self.axis(axis_id)
        section = v.choice(AxisSection, section, "unknown_section")
        if orientation_id is not None and section is not AxisSection.PISTES:
            raise InvalidInput("not_a_piste")
        if orientation_id is not None:
            axis.orientation(orientation_id)
        if not texts:
            raise InvalidInput("line_required")
        cleaned = []
        for number, text in enumerate(texts, start=1):
            line = " ".join(text.split())
            if len(line) > MAX_LINE and len(texts) > 1:
                raise InvalidInput("pasted_line_too_long", number=number, length=len(line), max=MAX_LINE)
            cleaned.append(_line(line))
        lines = axis.section(section)
        if len(lines) + len(cleaned) > MAX_LINES:
            if len(cleaned) == 1:
                raise NotAllowed("too_many_lines", section=section, max=MAX_LINES)
            raise NotAllowed("too_many_pasted_lines", section=section, count=len(lines) + len(cleaned),
                             max=MAX_LINES)
        if section is not AxisSection.PISTES:
            added = [Line(self._new_id(), text) for text in cleaned]
            lines.extend(added)
            return added
        pistes = [Piste(self._new_id(), text, orientation_id=orientation_id) for text in cleaned]
        axis.pistes.extend(pistes)  # last of their group: only the order within a group counts
        return list(pistes)

    def edit_line(self, line_id: int, text: str) -> Line:
        _, _, line = self.find_line(line_id)
        line.text = _line(text)
        return line

    def remove_line(self, line_id: int) -> RemovedLine:
        """The line goes; an orientation's pistes stay, directly under the axe. What `restore_line` needs
        to put it back is returned (the session keeps it among « Éléments supprimés »)."""
        axis, section, line = self.find_line(line_id)
        lines = axis.section(section)
        removed = RemovedLine(axis.id, section, lines.index(line), line)
        lines.remove(line)
        if section is AxisSection.ORIENTATIONS:
            for piste in axis.pistes_under(line.id):
                piste.orientation_id = None
                removed.pistes.append(piste.id)
        return removed

    def restore_line(self, removed: RemovedLine) -> RemovedLine:
        """Put a removed line back where it was (its axe must still be there)."""
        axis = self.axis(removed.axis_id)
        lines = axis.section(removed.section)
        if len(lines) >= MAX_LINES:
            raise NotAllowed("too_many_lines", section=removed.section, max=MAX_LINES)
        if isinstance(removed.line, Piste) and removed.line.orientation_id is not None \
                and all(o.id != removed.line.orientation_id for o in axis.orientations):
            removed.line.orientation_id = None  # its orientation went meanwhile
        lines.insert(min(removed.index, len(lines)), removed.line)
        for piste in axis.pistes:
            if piste.id in removed.pistes and piste.orientation_id is None:
                piste.orientation_id = removed.line.id
        return removed

    def restore_axis(self, index: int, axis: Axis) -> Axis:
        """Put a removed axe back at its place, with its lines (their ids are still free: ids never return)."""
        if len(self.axes) >= MAX_AXES:
            raise NotAllowed("too_many_axes", max=MAX_AXES)
        self.axes.insert(min(index, len(self.axes)), axis)
        return axis

    def move_line(self, line_id: int, to_index: int) -> Line:
        """Reorder within its own list (clamped like `move_axis`)."""
        axis, section, line = self.find_line(line_id)
        _move(axis.section(section), line, to_index)
        return line

    def move_piste_step(self, piste_id: int, step: int) -> Piste:
        """Up (-1) or down (+1) among the pistes of its own orientation (or of none), stopping at the ends."""
        axis = self.find_line(piste_id)[0]
        piste = self.piste(piste_id)
        group = axis.pistes_under(piste.orientation_id)
        index = min(max(group.index(piste) + step, 0), len(group) - 1)
        if group[index] is not piste:
            _move(axis.pistes, piste, axis.pistes.index(group[index]))
        return piste

    def move_piste(self, piste_id: int, axis_id: int, orientation_id: int | None) -> Piste:
        """To another orientation of its axe, or of another axe, or directly under an axe: last there."""
        piste = self.piste(piste_id)
        source = self.find_line(piste_id)[0]
        target = self.axis(axis_id)
        if orientation_id is not None:
            target.orientation(orientation_id)
        if target is not source and len(target.pistes) >= MAX_LINES:
            raise NotAllowed("too_many_lines", section=AxisSection.PISTES, max=MAX_LINES)
        source.pistes.remove(piste)
        piste.orientation_id = orientation_id
        target.pistes.append(piste)
        return piste

    def set_piste_details(self, piste_id: int, details: str | list[str]) -> Piste:
        """Sub-lines, one per line of text or item of the list; blank ones are dropped."""
        piste = self.piste(piste_id)
        raw = details.splitlines() if isinstance(details, str) else details
        lines = [v.clean_line(d, field="piste_details", max_length=MAX_LINE) for d in raw]
        lines = [d for d in lines if d]
        if len(lines) > MAX_DETAILS:
            raise InvalidInput("too_many", field="piste_details", max=MAX_DETAILS)
        piste.details = lines
        return piste

    def set_piste_plan(self, piste_id: int, **fields: str) -> Piste:
        """CTG fiche fields by name (keys of `CTG_FIELDS`); those not given are left as they are."""
        piste = self.piste(piste_id)
        unknown = set(fields) - set(CTG_FIELDS)
        if unknown:
            raise TypeError(f"not a CTG field: {sorted(unknown)}")
        cleaned = {name: _ctg_value(name, value) for name, value in fields.items()}
        for name, value in cleaned.items():
            setattr(piste, name, value)
        return piste

    # --- Presentation (phase 3) ------------------------------------------------------------
    @property
    def presented(self) -> Axis | None:
        return None if self.presented_id is None else self.axis(self.presented_id)

    def present(self, axis_id: int | None) -> Axis | None:
        """Show this axe on the projection; `None` shows none (back to the overview)."""
        self.presented_id = None if axis_id is None else self.axis(axis_id).id
        self.presented_page = 0
        return self.presented

    def turn_page(self, step: int) -> int:
        """The next (+1) or previous (-1) page of the presented axe; how many pages it has is the screen's
        business (its size and the lines' lengths), so the count only ever goes up or down by one."""
        if self.presented_id is None:
            raise NotAllowed("no_axis_presented")
        self.presented_page = max(self.presented_page + (1 if step > 0 else -1), 0)
        return self.presented_page

    def present_step(self, step: int) -> Axis | None:
        """Next (+1) or previous (-1) axe, stopping at the ends; from none, +1 is the first, -1 the last."""
        if not self.axes:
            return self.present(None)
        ids = [a.id for a in self.axes]
        if self.presented_id is None:
            index = 0 if step > 0 else len(ids) - 1
        else:
            index = min(max(ids.index(self.presented_id) + step, 0), len(ids) - 1)
        return self.present(ids[index])

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


# « - », « • », « ▶ », « * », en and em dashes, « 1. », « 2) », « a) » before a pasted line: its list's marks.
_LIST_MARK = re.compile(r"^\s*(?:[-•▶►▸‣◦·*\u2013\u2014]+|\(?(?:\d{1,3}|[a-zA-Z])[.)])\s+")


def pasted_lines(text: str) -> list[str]:
    """What a pasted list holds: one line per non-empty line, without its bullet or number."""
    return [line for raw in text.splitlines() if (line := _LIST_MARK.sub("", raw).strip())]


def _title(title: str) -> str:
    return v.clean_line(title, field="axis_title", max_length=MAX_TITLE,
                        required_error="axis_title_required")


def _line(text: str) -> str:
    return v.clean_line(text, field="axis_line", max_length=MAX_LINE,
                        required_error="line_required")


def _ctg_value(name: str, value: str) -> str:
    max_length, multiline = CTG_FIELDS[name]
    if multiline:
        return v.clean_optional_text(value, field=name, max_length=max_length)
    return v.clean_line(value, field=name, max_length=max_length)


def _move(items: list[Any], item: Any, to_index: int) -> None:
    items.remove(item)
    items.insert(min(max(to_index, 0), len(items)), item)
