"""Changes of the room itself: phases and their dates, the territory context, participants, and the
contributions of phases 1 and 2 with their moderation."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from datetime import date, datetime
from typing import TypedDict

from atelier.domain.calendar import CalendarStep
from atelier.domain.changes.base import Change
from atelier.domain.events import (
    CalendarChanged,
    ContextChanged,
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ModerationChanged,
    ParticipantChanged,
    ParticipantJoined,
    PhaseChanged,
    WallViewChanged,
    snapshot,
)
from atelier.domain.model import Contribution, Participant, Phase, PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.domain.session_context import SessionContext
from atelier.domain.wall import WallView


def _changed(session: Session, contribution: Contribution) -> ContributionChanged:
    return ContributionChanged(session.code, session.version, snapshot(contribution))


# --- Phases and context ----------------------------------------------------------------------
@dataclass(frozen=True)
class SetPhaseStatus(Change[Phase]):
    name = "set_phase_status"
    key: str
    status: str

    def apply(self, session: Session, now: datetime) -> Phase:
        return session.set_phase_status(PhaseKey(self.key), PhaseStatus(self.status), now)

    def announce(self, session: Session, result: Phase) -> PhaseChanged:
        return PhaseChanged(session.code, session.version, snapshot(result))


@dataclass(frozen=True)
class SetPhaseDate(Change[Phase]):
    """`day` in ISO form (AAAA-MM-JJ), or None to clear it; build with `SetPhaseDate.of`."""

    name = "set_phase_date"
    key: str
    day: str | None

    @classmethod
    def of(cls, key: PhaseKey | str, day: date | None) -> SetPhaseDate:
        return cls(str(key), day.isoformat() if day else None)

    def apply(self, session: Session, now: datetime) -> Phase:
        return session.set_phase_date(PhaseKey(self.key), date.fromisoformat(self.day) if self.day else None, now)

    def announce(self, session: Session, result: Phase) -> PhaseChanged:
        return PhaseChanged(session.code, session.version, snapshot(result))


@dataclass(frozen=True, kw_only=True)
class SetContext(Change[SessionContext]):
    """Every field of the console's form at once (see `Session.set_context`)."""

    name = "set_context"
    population: int | str | None
    population_year: int | str | None
    history: str | None
    seat: str | None
    author: str | None
    analysis: str | None
    department: str | None = None  # journals written before it have none

    def apply(self, session: Session, now: datetime) -> SessionContext:
        return session.set_context(population=self.population, population_year=self.population_year,
                                   history=self.history, seat=self.seat, author=self.author,
                                   analysis=self.analysis, department=self.department, now=now)

    def announce(self, session: Session, result: SessionContext) -> ContextChanged:
        return ContextChanged(session.code, session.version, snapshot(result))


# --- The calendar's other meetings ---------------------------------------------------------------
def _day(day: str | None) -> date | None:
    return date.fromisoformat(day) if day else None


def _calendar(session: Session) -> CalendarChanged:
    return CalendarChanged(session.code, session.version, tuple(snapshot(step) for step in session.calendar.steps))


@dataclass(frozen=True)
class AddCalendarStep(Change[CalendarStep]):
    """A meeting beside the three phases (présentation aux élus, comité de pilotage…); `day` in ISO form."""

    name = "add_calendar_step"
    title: str
    day: str | None = None

    def apply(self, session: Session, now: datetime) -> CalendarStep:
        return session.calendar.add(self.title, _day(self.day))

    def announce(self, session: Session, result: CalendarStep) -> CalendarChanged:
        return _calendar(session)


@dataclass(frozen=True)
class EditCalendarStep(Change[CalendarStep]):
    name = "edit_calendar_step"
    step_id: int
    title: str
    day: str | None = None

    def apply(self, session: Session, now: datetime) -> CalendarStep:
        return session.calendar.edit(self.step_id, self.title, _day(self.day))

    def announce(self, session: Session, result: CalendarStep) -> CalendarChanged:
        return _calendar(session)


@dataclass(frozen=True)
class RemoveCalendarStep(Change[CalendarStep]):
    name = "remove_calendar_step"
    step_id: int

    def apply(self, session: Session, now: datetime) -> CalendarStep:
        return session.remove_calendar_step(self.step_id, now)

    def announce(self, session: Session, result: CalendarStep) -> CalendarChanged:
        return _calendar(session)


# --- Participants -------------------------------------------------------------------------------
@dataclass(frozen=True)
class RegisterParticipant(Change[Participant]):
    """First visit of a phone, or a change of its profile (same id, new answers)."""

    name = "register_participant"
    participant_id: str
    _: KW_ONLY
    role: str | None
    commune: str | None
    display_name: str = ""
    structure: str = ""

    def apply(self, session: Session, now: datetime) -> Participant:
        return session.register_participant(self.participant_id, role=self.role, commune=self.commune,
                                            display_name=self.display_name, structure=self.structure, now=now)

    def announce(self, session: Session, result: Participant) -> ParticipantJoined | ParticipantChanged:
        # A new participant joins at this change's time; an existing one keeps their first visit's.
        event = ParticipantJoined if result.joined_at == session.updated_at else ParticipantChanged
        return event(session.code, session.version, snapshot(result))


# --- Contributions ------------------------------------------------------------------------------
class _Posted(TypedDict):
    kind: str
    text: str
    theme: str
    commune: str | None
    risk: str | None
    structure: str


@dataclass(frozen=True)
class _PostedFields:
    """What a new contribution says (see `Session.add_contribution`): `commune=None` means its author's
    commune; `""` the whole territory."""

    _: KW_ONLY
    kind: str
    text: str
    theme: str
    commune: str | None = None
    risk: str | None = None
    structure: str = ""

    def posted(self) -> _Posted:
        return {"kind": self.kind, "text": self.text, "theme": self.theme, "commune": self.commune,
                "risk": self.risk, "structure": self.structure}


@dataclass(frozen=True)
class AddContribution(_PostedFields, Change[Contribution]):
    name = "add_contribution"
    author_id: str

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.add_contribution(self.author_id, **self.posted(), now=now)

    def announce(self, session: Session, result: Contribution) -> ContributionAdded:
        return ContributionAdded(session.code, session.version, snapshot(result))


@dataclass(frozen=True)
class AddContributionFor(_PostedFields, Change[Contribution]):
    """« Saisir pour une personne sans smartphone »: the facilitator enters the person (`participant_id`,
    kept for their next contributions; role, commune…) and what they say, in one change."""

    name = "add_contribution_for"
    participant_id: str
    _: KW_ONLY
    role: str | None
    person_commune: str | None
    display_name: str = ""
    person_structure: str = ""

    def apply(self, session: Session, now: datetime) -> Contribution:
        profile = {"role": self.role, "commune": self.person_commune, "display_name": self.display_name,
                   "structure": self.person_structure}
        return session.add_contribution_for(self.participant_id, profile, **self.posted(), now=now)

    def announce(self, session: Session, result: Contribution) -> ContributionAdded:
        return ContributionAdded(session.code, session.version, snapshot(result))


class _FormFields(TypedDict):
    text: str
    theme: str
    commune: str | None
    risk: str | None
    structure: str


@dataclass(frozen=True)
class _EditedFields:
    """What an edit sends: every field of the form (see `Session._checked_fields`)."""

    _: KW_ONLY
    text: str
    theme: str
    commune: str | None
    risk: str | None = None
    structure: str = ""

    def fields(self) -> _FormFields:
        return {"text": self.text, "theme": self.theme, "commune": self.commune, "risk": self.risk,
                "structure": self.structure}


@dataclass(frozen=True)
class EditOwnContribution(_EditedFields, Change[Contribution]):
    name = "edit_own_contribution"
    author_id: str
    contribution_id: int

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.edit_own_contribution(self.author_id, self.contribution_id, **self.fields(), now=now)

    def announce(self, session: Session, result: Contribution) -> ContributionChanged:
        return _changed(session, result)


@dataclass(frozen=True)
class DeleteOwnContribution(Change[Contribution]):
    name = "delete_own_contribution"
    author_id: str
    contribution_id: int

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.delete_own_contribution(self.author_id, self.contribution_id, now)

    def announce(self, session: Session, result: Contribution) -> ContributionDeleted:
        return ContributionDeleted(session.code, session.version, snapshot(result))


@dataclass(frozen=True)
class ToggleShare(Change[Contribution]):
    """« Je partage aussi »: a +1 from someone else; a second tap takes it back."""

    name = "toggle_share"
    participant_id: str
    contribution_id: int

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.toggle_share(self.participant_id, self.contribution_id, now)

    def announce(self, session: Session, result: Contribution) -> ContributionChanged:
        return _changed(session, result)


@dataclass(frozen=True)
class ModerateEdit(_EditedFields, Change[Contribution]):
    """The facilitator corrects any contribution, in any phase status."""

    name = "moderate_edit"
    contribution_id: int

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.moderate_edit(self.contribution_id, **self.fields(), now=now)

    def announce(self, session: Session, result: Contribution) -> ContributionChanged:
        return _changed(session, result)


@dataclass(frozen=True)
class SetModeration(Change[str]):
    """« Publication directe » (`directe`) or « Validation avant projection » (`validation`)."""

    name = "set_moderation"
    mode: str

    def apply(self, session: Session, now: datetime) -> str:
        return session.set_moderation(self.mode)

    def announce(self, session: Session, result: str) -> ModerationChanged:
        return ModerationChanged(session.code, session.version, session.moderation)


@dataclass(frozen=True)
class SetWallView(Change[WallView]):
    """What the projection's wall shows: `theme` (None: every theme in turn), held or turning by itself,
    or « Les plus partagées » (`top_shared`); `turn` goes up by one for each « Page suivante »."""

    name = "set_wall_view"
    theme: str | None = None
    paused: bool = False
    top_shared: bool = False
    turn: int = 0

    def apply(self, session: Session, now: datetime) -> WallView:
        return session.set_wall_view(theme=self.theme, paused=self.paused, top_shared=self.top_shared,
                                     turn=self.turn)

    def announce(self, session: Session, result: WallView) -> WallViewChanged:
        return WallViewChanged(session.code, session.version, result)


@dataclass(frozen=True)
class ValidateContribution(Change[Contribution]):
    """« Valider »: a contribution waiting for the facilitator goes on the walls and in the lists."""

    name = "validate_contribution"
    contribution_id: int

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.validate(self.contribution_id, now)

    def announce(self, session: Session, result: Contribution) -> ContributionChanged:
        return _changed(session, result)


@dataclass(frozen=True)
class SetHidden(Change[Contribution]):
    name = "set_hidden"
    contribution_id: int
    hidden: bool

    def apply(self, session: Session, now: datetime) -> Contribution:
        return session.set_hidden(self.contribution_id, self.hidden, now)

    def announce(self, session: Session, result: Contribution) -> ContributionChanged:
        return _changed(session, result)
