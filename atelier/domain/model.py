"""The démarche's vocabulary: phases, roles, kinds of contribution, and the records they make."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class PhaseKey(StrEnum):
    ETAT_DES_LIEUX = "etat_des_lieux"
    TEMOIGNAGES = "temoignages"
    RESTITUTION = "restitution"


class PhaseStatus(StrEnum):
    UPCOMING = "a_venir"
    OPEN = "ouverte"
    CLOSED = "close"


class Role(StrEnum):
    ELU = "elu"
    LOCAL_ACTOR = "acteur_local"
    INSTITUTIONAL_ACTOR = "acteur_institutionnel"
    RESIDENT = "habitant"
    OTHER = "autre"

    @property
    def is_actor(self) -> bool:
        return self in (Role.LOCAL_ACTOR, Role.INSTITUTIONAL_ACTOR)


class ContributionKind(StrEnum):
    DIFFICULTY = "difficulte"
    RESOURCE = "ressource"
    FINDING = "constat"
    STAKE = "enjeu"
    RECOMMENDATION = "preconisation"

    @property
    def phase(self) -> PhaseKey:
        return KIND_PHASE[self]


KIND_PHASE: dict[ContributionKind, PhaseKey] = {
    ContributionKind.DIFFICULTY: PhaseKey.ETAT_DES_LIEUX,
    ContributionKind.RESOURCE: PhaseKey.ETAT_DES_LIEUX,
    ContributionKind.FINDING: PhaseKey.TEMOIGNAGES,
    ContributionKind.STAKE: PhaseKey.TEMOIGNAGES,
    ContributionKind.RECOMMENDATION: PhaseKey.TEMOIGNAGES,
}


class Risk(StrEnum):
    """Risque d'aggravation of a difficulté; its weight counts in the needs/offer gap."""

    LOW = "faible"
    MEDIUM = "modere"
    HIGH = "eleve"

    @property
    def weight(self) -> int:
        return {Risk.LOW: 1, Risk.MEDIUM: 2, Risk.HIGH: 3}[self]


@dataclass
class Phase:
    key: PhaseKey
    status: PhaseStatus = PhaseStatus.UPCOMING
    date: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status is PhaseStatus.OPEN


@dataclass
class Participant:
    """An anonymous device-bound identity; the name is optional and only shown if given."""

    id: str
    role: Role
    commune: str | None
    display_name: str = ""
    structure: str = ""
    joined_at: datetime | None = None


@dataclass
class Contribution:
    id: int
    kind: ContributionKind
    text: str
    theme: str
    commune: str | None
    author_id: str
    created_at: datetime
    updated_at: datetime
    risk: Risk | None = None
    # For a ressource: the structure or scheme it names; for témoignages: the author's structure.
    structure: str = ""
    hidden: bool = False
    shared_by: set[str] = field(default_factory=set)
    # Merging (see atelier/domain/merge.py): the result lists its originals; an original names its result.
    merged_from: list[int] = field(default_factory=list)
    merged_into: int | None = None

    @property
    def phase(self) -> PhaseKey:
        return self.kind.phase

    @property
    def is_visible(self) -> bool:
        """Shown in lists, counted in analysis: neither hidden by the facilitator nor merged into another."""
        return not self.hidden and self.merged_into is None

    @property
    def share_count(self) -> int:
        return len(self.shared_by)
