"""The démarche's vocabulary: phases, roles, kinds of contribution, and the records they make."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from atelier.domain.moderation import HoldReason


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
    def spec(self) -> KindSpec:
        return KINDS[self]

    @property
    def phase(self) -> PhaseKey:
        return KINDS[self].phase


class GapColumn(StrEnum):
    """Where a kind counts in the needs/offer gap map."""

    NEED = "difficulties"  # weighted by its risk
    OFFER = "resources"
    RECOMMENDATION = "recommendations"


@dataclass(frozen=True)
class KindSpec:
    """What a kind of contribution is: every rule and screen that depends on the kind reads it here."""

    phase: PhaseKey  # the phase during which it is posted (and shown on that phase's wall)
    has_risk: bool  # a risque d'aggravation is asked, and required
    names_structure: bool  # the phone asks which structure or scheme it names
    shareable: bool  # others may say « je partage aussi »
    gap_column: GapColumn | None  # where it counts in the gap map, if anywhere


# A new kind is a row here, its labels in texts.py and, if it needs one, a colour in atelier.css.
KINDS: dict[ContributionKind, KindSpec] = {
    ContributionKind.DIFFICULTY: KindSpec(PhaseKey.ETAT_DES_LIEUX, has_risk=True, names_structure=False,
                                          shareable=True, gap_column=GapColumn.NEED),
    ContributionKind.RESOURCE: KindSpec(PhaseKey.ETAT_DES_LIEUX, has_risk=False, names_structure=True,
                                        shareable=False, gap_column=GapColumn.OFFER),
    ContributionKind.FINDING: KindSpec(PhaseKey.TEMOIGNAGES, has_risk=False, names_structure=False,
                                       shareable=True, gap_column=None),
    ContributionKind.STAKE: KindSpec(PhaseKey.TEMOIGNAGES, has_risk=False, names_structure=False,
                                     shareable=True, gap_column=None),
    ContributionKind.RECOMMENDATION: KindSpec(PhaseKey.TEMOIGNAGES, has_risk=False, names_structure=False,
                                              shareable=True, gap_column=GapColumn.RECOMMENDATION),
}


def kinds_of(phase: PhaseKey) -> list[ContributionKind]:
    """The kinds posted in `phase`, in the table's order (the order of forms and walls)."""
    return [kind for kind, spec in KINDS.items() if spec.phase is phase]


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
    # Corrected or hidden by the facilitator: the last word is theirs, its author may no longer change it.
    moderated: bool = False
    # Waiting for the facilitator's « Valider » before any wall or list shows it (domain/moderation.py).
    held: tuple[HoldReason, ...] = ()

    @property
    def phase(self) -> PhaseKey:
        return self.kind.phase

    @property
    def is_visible(self) -> bool:
        """Shown in lists, counted in analysis: not waiting for validation, not hidden by the facilitator,
        not merged into another."""
        return not self.hidden and self.merged_into is None and not self.held

    @property
    def share_count(self) -> int:
        return len(self.shared_by)
