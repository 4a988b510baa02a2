"""Phase 2, the témoignages: which structures testify, who is speaking now, and how posts are signed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from atelier.domain import validation as v
from atelier.domain.errors import InvalidInput, NotAllowed
from atelier.domain.lookup import by_id
from atelier.domain.model import Contribution, Participant, PhaseKey

MAX_STRUCTURES = 40


class StructureType(StrEnum):
    ASSOCIATION = "association"
    PUBLIC_SERVICE = "service_public"
    LOCAL_AUTHORITY = "collectivite"
    OTHER = "autre"


@dataclass
class Structure:
    id: int
    name: str
    type: StructureType


@dataclass
class Witnesses:
    """The structures that testify, in the order the facilitator listed them (the calendar shows them)."""

    structures: list[Structure] = field(default_factory=list)
    speaking_id: int | None = None
    next_id: int = 1

    @property
    def speaking(self) -> Structure | None:
        return None if self.speaking_id is None else self.structure(self.speaking_id)

    def structure(self, structure_id: int) -> Structure:
        return by_id(self.structures, structure_id, "structure_not_found")

    def add(self, name: str, structure_type: StructureType | str) -> Structure:
        if len(self.structures) >= MAX_STRUCTURES:
            raise NotAllowed("too_many_structures", max=MAX_STRUCTURES)
        structure = Structure(self.next_id, *self._checked(name, structure_type, editing=None))
        self.structures.append(structure)
        self.next_id += 1
        return structure

    def edit(self, structure_id: int, name: str, structure_type: StructureType | str) -> Structure:
        structure = self.structure(structure_id)
        structure.name, structure.type = self._checked(name, structure_type, editing=structure_id)
        return structure

    def remove(self, structure_id: int) -> Structure:
        structure = self.structure(structure_id)
        self.structures.remove(structure)
        if self.speaking_id == structure_id:
            self.speaking_id = None
        return structure

    def restore(self, index: int, structure: Structure) -> Structure:
        """A removed structure back at its place, unless one of the same name was added since."""
        if len(self.structures) >= MAX_STRUCTURES:
            raise NotAllowed("too_many_structures", max=MAX_STRUCTURES)
        if any(s.name.casefold() == structure.name.casefold() for s in self.structures):
            raise InvalidInput("structure_duplicate", name=structure.name)
        self.structures.insert(min(index, len(self.structures)), structure)
        return structure

    def set_speaking(self, structure_id: int | None) -> Structure | None:
        """One structure speaks at a time; `None` means nobody (between two témoignages)."""
        self.speaking_id = None if structure_id is None else self.structure(structure_id).id
        return self.speaking

    def _checked(self, name: str, structure_type: StructureType | str, *,
                 editing: int | None) -> tuple[str, StructureType]:
        name = v.clean_line(name, field="structure_name", max_length=v.MAX_STRUCTURE,
                            required_error="structure_name_required")
        kind = v.choice(StructureType, structure_type, "structure_type")
        if any(s.name.casefold() == name.casefold() and s.id != editing for s in self.structures):
            raise InvalidInput("structure_duplicate", name=name)
        return name, kind


def attribution(contribution: Contribution, author: Participant | None) -> tuple[str, ...]:
    """Who a contribution is shown as: (name, structure), (name,), (structure,) or () for anonymous
    (the page shows no signature; `texts.signature` writes it).

    - An actor (local or institutional) speaks for a structure: their posts carry it, with their name
      if they gave one. For a témoignage the structure is the contribution's own (the author's by
      default, correctable by the facilitator); in phase 1 a ressource's structure names the scheme,
      not the author, so the author's profile is used instead.
    - Anyone else (élus first) stays anonymous unless they chose a display name.
    - A contribution made by merging (no author, see `merge.py`) shows the structure it carries, if any.
    """
    if author is None:
        parts: tuple[str, ...] = (contribution.structure if contribution.phase is PhaseKey.TEMOIGNAGES else "",)
    elif not author.role.is_actor:
        parts = (author.display_name,)
    else:
        structure = contribution.structure if contribution.phase is PhaseKey.TEMOIGNAGES else author.structure
        parts = (author.display_name, structure)
    return tuple(part for part in parts if part)
