"""Verbs of phase 2 and of the analysis: structures and speaker, merging, axes and their evidence.

Every verb is async, takes the session code first, returns what it changed, and raises a
`DomainError` (French message for the facilitator) when a rule refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from atelier.domain.axes import Axis, AxisSection, Line, Piste, Target
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisRemoved,
    ContributionsMerged,
    EvidenceChanged,
    WitnessesChanged,
)
from atelier.domain.model import Contribution
from atelier.domain.session import Session
from atelier.domain.testimony import Structure, StructureType
from atelier.verbs.base import VerbsBase

T = TypeVar("T")
L = TypeVar("L", bound=Line)


def _witnesses(session: Session, _: object) -> WitnessesChanged:
    return WitnessesChanged(session.code, session.witnesses)


def _merged(session: Session, result: Contribution) -> ContributionsMerged:
    return ContributionsMerged(session.code, result, tuple(session.contributions[i] for i in result.merged_from))


def _axis(session: Session, axis: Axis) -> AxisChanged:
    return AxisChanged(session.code, axis)


class AnalysisVerbs(VerbsBase):
    # --- Phase 2: the structures that testify (announced on the session channel) ----------
    async def add_structure(self, code: str, name: str, structure_type: StructureType | str) -> Structure:
        return await self._apply(code, lambda s, _: s.witnesses.add(name, structure_type), _witnesses)

    async def edit_structure(self, code: str, structure_id: int, name: str,
                             structure_type: StructureType | str) -> Structure:
        return await self._apply(code, lambda s, _: s.witnesses.edit(structure_id, name, structure_type),
                                 _witnesses)

    async def remove_structure(self, code: str, structure_id: int) -> Structure:
        """Removing the structure speaking now also ends its turn."""
        return await self._apply(code, lambda s, _: s.witnesses.remove(structure_id), _witnesses)

    async def set_speaker(self, code: str, structure_id: int | None) -> Structure | None:
        """Who testifies now; None when nobody does."""
        return await self._apply(code, lambda s, _: s.witnesses.set_speaking(structure_id), _witnesses)

    # --- Merging and evidence (announced on the wall) --------------------------------------
    async def merge_contributions(self, code: str, first_id: int, second_id: int,
                                  text: str | None = None) -> Contribution:
        """A new contribution replaces both; `text` None keeps the first one's (see domain/merge.py)."""
        return await self._apply(code, lambda s, now: s.merge_contributions(first_id, second_id, text=text, now=now),
                                 _merged)

    async def link_evidence(self, code: str, contribution_id: int, target: Target) -> list[Target]:
        """Returns all the targets the contribution backs now."""
        return await self._apply(code, lambda s, _: s.link_evidence(contribution_id, target),
                                 lambda s, targets: EvidenceChanged(s.code, contribution_id, tuple(targets)))

    async def unlink_evidence(self, code: str, contribution_id: int, target: Target) -> list[Target]:
        return await self._apply(code, lambda s, _: s.evidence.unlink(contribution_id, target),
                                 lambda s, targets: EvidenceChanged(s.code, contribution_id, tuple(targets)))

    # --- Axes (announced on the session channel: phones show them in phase 3) --------------
    async def add_axis(self, code: str, title: str) -> Axis:
        return await self._apply(code, lambda s, _: s.axes.add_axis(title), _axis)

    async def edit_axis(self, code: str, axis_id: int, *, title: str | None = None,
                        concretely: str | None = None) -> Axis:
        """None leaves a field unchanged; "" empties « Concrètement »."""
        return await self._apply(code, lambda s, _: s.axes.edit_axis(axis_id, title=title, concretely=concretely),
                                 _axis)

    async def remove_axis(self, code: str, axis_id: int) -> Axis:
        """Its evidence links and comments go with it; refused while the open vote is about its lines."""
        return await self._apply(code, lambda s, _: s.remove_axis(axis_id),
                                 lambda s, axis: AxisRemoved(s.code, axis))

    async def move_axis(self, code: str, axis_id: int, to_index: int) -> Axis:
        return await self._apply(code, lambda s, _: s.axes.move_axis(axis_id, to_index),
                                 lambda s, _: AxesReordered(s.code, tuple(a.id for a in s.axes.axes)))

    async def add_axis_line(self, code: str, axis_id: int, section: AxisSection | str, text: str) -> Line:
        """A line of « enjeux », « orientations » or « pistes » (then a `Piste`)."""
        return await self._on_axis(code, axis_id, lambda s, _: s.axes.add_line(axis_id, section, text))

    async def edit_axis_line(self, code: str, line_id: int, text: str) -> Line:
        return await self._on_line(code, line_id, lambda s, _: s.axes.edit_line(line_id, text))

    async def remove_axis_line(self, code: str, line_id: int) -> Line:
        """Its evidence links go with it; refused while the open vote is about it."""
        return await self._on_line(code, line_id, lambda s, _: s.remove_axis_line(line_id))

    async def move_axis_line(self, code: str, line_id: int, to_index: int) -> Line:
        return await self._on_line(code, line_id, lambda s, _: s.axes.move_line(line_id, to_index))

    async def set_piste_details(self, code: str, piste_id: int, details: str | list[str]) -> Piste:
        """Sub-lines of a piste: one per line of text (or list item); blank ones dropped."""
        return await self._on_line(code, piste_id, lambda s, _: s.axes.set_piste_details(piste_id, details))

    async def set_piste_plan(self, code: str, piste_id: int, **fields: str) -> Piste:
        """CTG fields by name (`axes.CTG_FIELDS`: strategic_objective, operational_objective, pilots,
        deadline, indicators, vigilance); those not given stay as they are."""
        return await self._on_line(code, piste_id, lambda s, _: s.axes.set_piste_plan(piste_id, **fields))

    async def _on_axis(self, code: str, axis_id: int, change: Callable[[Session, datetime], T]) -> T:
        return await self._apply(code, change, lambda s, _: AxisChanged(s.code, s.axes.axis(axis_id)))

    async def _on_line(self, code: str, line_id: int, change: Callable[[Session, datetime], L]) -> L:
        axis = self.get(code).axes.find_line(line_id)[0]  # found first: a removed line has no axe after
        return await self._on_axis(code, axis.id, change)
