"""Changes of phase 2 and of the analysis: the structures that testify and who speaks, merging,
evidence links, and the axes stratégiques with their lines."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from datetime import datetime

from atelier.domain.axes import Axis, Line, Piste, RemovedLine, Target, TargetKind
from atelier.domain.changes.base import Change
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisRemoved,
    CalendarChanged,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
    EvidenceChanged,
    WitnessesChanged,
    snapshot,
)
from atelier.domain.model import Contribution
from atelier.domain.removed import RemovedAxis, RemovedEntry, RemovedStep, RemovedStructure
from atelier.domain.session import Session
from atelier.domain.testimony import Structure


def _witnesses(session: Session) -> WitnessesChanged:
    return WitnessesChanged(session.code, session.version, snapshot(session.witnesses))


def _axis(session: Session, axis_id: int) -> AxisChanged:
    return AxisChanged(session.code, session.version, snapshot(session.axes.axis(axis_id)))


def _line_axis(session: Session, line_id: int) -> AxisChanged:
    return _axis(session, session.axes.find_line(line_id)[0].id)


# --- Phase 2: the structures that testify (session channel) --------------------------------------
@dataclass(frozen=True)
class AddStructure(Change[Structure]):
    name = "add_structure"
    structure_name: str
    structure_type: str

    def apply(self, session: Session, now: datetime) -> Structure:
        return session.witnesses.add(self.structure_name, self.structure_type)

    def announce(self, session: Session, result: Structure) -> WitnessesChanged:
        return _witnesses(session)


@dataclass(frozen=True)
class EditStructure(Change[Structure]):
    name = "edit_structure"
    structure_id: int
    structure_name: str
    structure_type: str

    def apply(self, session: Session, now: datetime) -> Structure:
        return session.witnesses.edit(self.structure_id, self.structure_name, self.structure_type)

    def announce(self, session: Session, result: Structure) -> WitnessesChanged:
        return _witnesses(session)


@dataclass(frozen=True)
class RemoveStructure(Change[Structure]):
    """Removing the structure speaking now also ends its turn."""

    name = "remove_structure"
    structure_id: int

    def apply(self, session: Session, now: datetime) -> Structure:
        return session.remove_structure(self.structure_id, now)

    def announce(self, session: Session, result: Structure) -> WitnessesChanged:
        return _witnesses(session)


@dataclass(frozen=True)
class SetSpeaker(Change[Structure | None]):
    """Who testifies now; None when nobody does."""

    name = "set_speaker"
    structure_id: int | None

    def apply(self, session: Session, now: datetime) -> Structure | None:
        return session.witnesses.set_speaking(self.structure_id)

    def announce(self, session: Session, result: Structure | None) -> WitnessesChanged:
        return _witnesses(session)


# --- Merging and evidence (wall) ------------------------------------------------------------------
@dataclass(frozen=True)
class MergeContributions(Change[Contribution]):
    """A new contribution replaces both; `text` None keeps the first one's (see domain/merge.py)."""

    name = "merge_contributions"
    first_id: int
    second_id: int
    text: str | None = None

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.merge_contributions(self.first_id, self.second_id, text=self.text, now=now)

    def announce(self, session: Session, result: Contribution) -> ContributionsMerged:
        originals = tuple(snapshot(session.contributions[i]) for i in result.merged_from)
        return ContributionsMerged(session.code, session.version, snapshot(result), originals)


@dataclass(frozen=True)
class LinkEvidence(Change[list[Target]]):
    """Returns every target the contribution backs now; build with `LinkEvidence.of`."""

    name = "link_evidence"
    contribution_id: int
    target_kind: str
    target_id: int

    @classmethod
    def of(cls, contribution_id: int, target: Target) -> LinkEvidence:
        return cls(contribution_id, str(target.kind), target.id)

    def apply(self, session: Session, now: datetime) -> list[Target]:
        return session.link_evidence(self.contribution_id, Target(TargetKind(self.target_kind), self.target_id))

    def announce(self, session: Session, result: list[Target]) -> EvidenceChanged:
        return EvidenceChanged(session.code, session.version, self.contribution_id, tuple(result))


@dataclass(frozen=True)
class UnlinkEvidence(Change[list[Target]]):
    name = "unlink_evidence"
    contribution_id: int
    target_kind: str
    target_id: int

    @classmethod
    def of(cls, contribution_id: int, target: Target) -> UnlinkEvidence:
        return cls(contribution_id, str(target.kind), target.id)

    def apply(self, session: Session, now: datetime) -> list[Target]:
        return session.evidence.unlink(self.contribution_id, Target(TargetKind(self.target_kind), self.target_id))

    def announce(self, session: Session, result: list[Target]) -> EvidenceChanged:
        return EvidenceChanged(session.code, session.version, self.contribution_id, tuple(result))


@dataclass(frozen=True)
class AcceptGroup(Change[Target]):
    """« Regroupements suggérés »: the group becomes a new axe (or an orientation of `axis_id`) titled
    `title`, its contributions linked to it as evidence, in one change."""

    name = "accept_group"
    title: str
    contribution_ids: tuple[int, ...]
    axis_id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "contribution_ids", tuple(self.contribution_ids))  # a list in the journal

    def apply(self, session: Session, now: datetime) -> Target:
        return session.accept_group(self.title, list(self.contribution_ids), axis_id=self.axis_id)

    def announce(self, session: Session, result: Target) -> AxisChanged:
        axis = session.axes.locate(result)[0]
        linked = tuple(dict.fromkeys(self.contribution_ids))
        return AxisChanged(session.code, session.version, snapshot(axis), linked=linked)


# --- Axes (session channel: phones show them in phase 3) -----------------------------------------
@dataclass(frozen=True)
class AddAxis(Change[Axis]):
    name = "add_axis"
    title: str

    def apply(self, session: Session, now: datetime) -> Axis:
        return session.axes.add_axis(self.title)

    def announce(self, session: Session, result: Axis) -> AxisChanged:
        return _axis(session, result.id)


@dataclass(frozen=True)
class EditAxis(Change[Axis]):
    """None leaves a field unchanged; "" empties « Concrètement »."""

    name = "edit_axis"
    axis_id: int
    _: KW_ONLY
    title: str | None = None
    concretely: str | None = None

    def apply(self, session: Session, now: datetime) -> Axis:
        return session.axes.edit_axis(self.axis_id, title=self.title, concretely=self.concretely)

    def announce(self, session: Session, result: Axis) -> AxisChanged:
        return _axis(session, result.id)


@dataclass(frozen=True)
class RemoveAxis(Change[Axis]):
    """Its evidence links and comments go with it; refused while the open vote is about its lines."""

    name = "remove_axis"
    axis_id: int

    def apply(self, session: Session, now: datetime) -> Axis:
        return session.remove_axis(self.axis_id, now)

    def announce(self, session: Session, result: Axis) -> AxisRemoved:
        return AxisRemoved(session.code, session.version, snapshot(result))


@dataclass(frozen=True)
class MoveAxis(Change[Axis]):
    name = "move_axis"
    axis_id: int
    to_index: int

    def apply(self, session: Session, now: datetime) -> Axis:
        return session.axes.move_axis(self.axis_id, self.to_index)

    def announce(self, session: Session, result: Axis) -> AxesReordered:
        return AxesReordered(session.code, session.version, tuple(a.id for a in session.axes.axes))


@dataclass(frozen=True)
class AddAxisLine(Change[Line]):
    """A line of « enjeux », « orientations » or « pistes » (then a `Piste`, under `orientation_id` if given)."""

    name = "add_axis_line"
    axis_id: int
    section: str
    text: str
    orientation_id: int | None = None

    def apply(self, session: Session, now: datetime) -> Line:
        return session.axes.add_line(self.axis_id, self.section, self.text, orientation_id=self.orientation_id)

    def announce(self, session: Session, result: Line) -> AxisChanged:
        return _axis(session, self.axis_id)


@dataclass(frozen=True)
class AddAxisLines(Change[list[Line]]):
    """Several lines of one section at once, in order: a pasted list (see `axes.pasted_lines`)."""

    name = "add_axis_lines"
    axis_id: int
    section: str
    texts: tuple[str, ...]
    orientation_id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "texts", tuple(self.texts))  # a list when read back from the journal

    def apply(self, session: Session, now: datetime) -> list[Line]:
        return session.axes.add_lines(self.axis_id, self.section, list(self.texts),
                                      orientation_id=self.orientation_id)

    def announce(self, session: Session, result: list[Line]) -> AxisChanged:
        return _axis(session, self.axis_id)


@dataclass(frozen=True)
class EditAxisLine(Change[Line]):
    name = "edit_axis_line"
    line_id: int
    text: str

    def apply(self, session: Session, now: datetime) -> Line:
        return session.axes.edit_line(self.line_id, self.text)

    def announce(self, session: Session, result: Line) -> AxisChanged:
        return _line_axis(session, self.line_id)


@dataclass(frozen=True)
class RemoveAxisLine(Change[int]):
    """Its evidence links go with it; refused while the open vote is about it. Returns its axe's id."""

    name = "remove_axis_line"
    line_id: int

    def apply(self, session: Session, now: datetime) -> int:
        axis = session.axes.find_line(self.line_id)[0]  # found first: a removed line has no axe after
        session.remove_axis_line(self.line_id, now)
        return axis.id

    def announce(self, session: Session, result: int) -> AxisChanged:
        return _axis(session, result)


@dataclass(frozen=True)
class MoveAxisLine(Change[Line]):
    name = "move_axis_line"
    line_id: int
    to_index: int

    def apply(self, session: Session, now: datetime) -> Line:
        return session.axes.move_line(self.line_id, self.to_index)

    def announce(self, session: Session, result: Line) -> AxisChanged:
        return _line_axis(session, self.line_id)


@dataclass(frozen=True)
class RestoreAxisLine(Change[int]):
    """« Annuler la suppression » as it was before « Éléments supprimés »: the last removed line, where it
    was, with its links (journals written then replay it). Returns its axe's id."""

    name = "restore_axis_line"

    def apply(self, session: Session, now: datetime) -> int:
        line = session.restore_axis_line().what
        assert isinstance(line, RemovedLine)
        return line.axis_id

    def announce(self, session: Session, result: int) -> AxisChanged:
        return _axis(session, result)


@dataclass(frozen=True)
class RestoreRemoved(Change[RemovedEntry]):
    """« Rétablir » (or « Annuler » just after): one of « Éléments supprimés » back where it was, with what
    hung on it. Announced as what it brings back changes: an axe, the structures, the calendar, or the
    contributions of a merge undone."""

    name = "restore_removed"
    entry_id: int

    def apply(self, session: Session, now: datetime) -> RemovedEntry:
        return session.restore_removed(self.entry_id)

    def announce(self, session: Session, result: RemovedEntry) -> DomainEvent:
        what = result.what
        if isinstance(what, RemovedLine):
            return _axis(session, what.axis_id)
        if isinstance(what, RemovedAxis):
            return _axis(session, what.axis.id)
        if isinstance(what, RemovedStructure):
            return _witnesses(session)
        if isinstance(what, RemovedStep):
            return CalendarChanged(session.code, session.version,
                                   tuple(snapshot(step) for step in session.calendar.steps))
        originals = tuple(snapshot(session.contributions[cid]) for cid in what.links)
        return ContributionsUnmerged(session.code, session.version, what.result_id, originals)


@dataclass(frozen=True)
class MovePisteStep(Change[Piste]):
    """Up (-1) or down (+1) among the pistes of its orientation (or of those directly under the axe)."""

    name = "move_piste_step"
    piste_id: int
    step: int

    def apply(self, session: Session, now: datetime) -> Piste:
        return session.axes.move_piste_step(self.piste_id, self.step)

    def announce(self, session: Session, result: Piste) -> AxisChanged:
        return _line_axis(session, self.piste_id)


@dataclass(frozen=True)
class MovePiste(Change[tuple[int, int]]):
    """« Déplacer vers… »: under an orientation of any axe (or directly under an axe). Returns (from, to) axes."""

    name = "move_piste"
    piste_id: int
    axis_id: int
    orientation_id: int | None = None

    def apply(self, session: Session, now: datetime) -> tuple[int, int]:
        source = session.axes.find_line(self.piste_id)[0].id
        session.axes.move_piste(self.piste_id, self.axis_id, self.orientation_id)
        return source, self.axis_id

    def announce(self, session: Session, result: tuple[int, int]) -> AxisChanged:
        source, target = result
        moved = _axis(session, target)
        if source == target:
            return moved
        return AxisChanged(moved.code, moved.version, moved.axis, snapshot(session.axes.axis(source)))


@dataclass(frozen=True)
class SetPisteDetails(Change[Piste]):
    """Sub-lines of a piste: one per line of text (or list item); blank ones dropped."""

    name = "set_piste_details"
    piste_id: int
    details: str | list[str]

    def apply(self, session: Session, now: datetime) -> Piste:
        return session.axes.set_piste_details(self.piste_id, self.details)

    def announce(self, session: Session, result: Piste) -> AxisChanged:
        return _line_axis(session, self.piste_id)


@dataclass(frozen=True)
class SetPistePlan(Change[Piste]):
    """CTG fields by name (`axes.CTG_FIELDS`); those not given stay as they are."""

    name = "set_piste_plan"
    piste_id: int
    fields: dict[str, str]

    def apply(self, session: Session, now: datetime) -> Piste:
        return session.axes.set_piste_plan(self.piste_id, **self.fields)

    def announce(self, session: Session, result: Piste) -> AxisChanged:
        return _line_axis(session, self.piste_id)
