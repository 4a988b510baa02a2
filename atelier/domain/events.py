"""What happened in a session, as plain data: the service emits these, the live module fans them out."""

from __future__ import annotations

from dataclasses import dataclass

from atelier.domain.model import Contribution, Participant, Phase
from atelier.domain.session_context import SessionContext


@dataclass(frozen=True)
class ContributionAdded:
    code: str
    contribution: Contribution


@dataclass(frozen=True)
class ContributionChanged:
    """Edited, hidden, restored or +1'd: the one element showing it is updated."""

    code: str
    contribution: Contribution


@dataclass(frozen=True)
class ContributionDeleted:
    code: str
    contribution: Contribution


@dataclass(frozen=True)
class PhaseChanged:
    code: str
    phase: Phase


@dataclass(frozen=True)
class ParticipantJoined:
    """A new phone introduced itself (not sent again when a profile is changed)."""

    code: str
    participant: Participant


@dataclass(frozen=True)
class ContextChanged:
    """The facilitator saved the territory context (population, history, analysis…)."""

    code: str
    context: SessionContext


DomainEvent = (ParticipantJoined | ContributionAdded | ContributionChanged | ContributionDeleted | PhaseChanged
               | ContextChanged)
