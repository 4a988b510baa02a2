"""A session is one démarche: its territory, its phases, its participants and what they said.

Every rule about who may do what, and when, lives in these methods. They either change the
session completely or raise a `DomainError` before changing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from atelier.domain import validation as v
from atelier.domain.axes import AxisBoard
from atelier.domain.calendar import Calendar
from atelier.domain.comments import CommentBook
from atelier.domain.errors import DomainError, InvalidInput, NotAllowed, NotFound
from atelier.domain.evidence import Evidence
from atelier.domain.merge import authors_of
from atelier.domain.model import (
    Contribution,
    ContributionKind,
    Participant,
    Phase,
    PhaseKey,
    PhaseStatus,
    Risk,
    Role,
)
from atelier.domain.moderation import ModerationMode, hold_reasons
from atelier.domain.removed import RemovedItems
from atelier.domain.restitution_rules import RestitutionRules
from atelier.domain.session_context import SessionContext, checked_context
from atelier.domain.testimony import Witnesses
from atelier.domain.timer import StepTimer
from atelier.domain.votes import VoteBook
from atelier.domain.wall import WallView

MAX_CONTRIBUTIONS_PER_PHASE = 200
RESENT_WITHIN = timedelta(seconds=10)  # the same post again this soon is a double tap, not a new one


@dataclass
class Session(RestitutionRules):
    code: str
    territory: str
    communes: list[str]
    themes: list[str]
    created_at: datetime
    updated_at: datetime
    title: str = ""  # the service gives the default title (texts.DEFAULT_TITLE)
    context: SessionContext = field(default_factory=SessionContext)
    phases: dict[PhaseKey, Phase] = field(default_factory=lambda: {k: Phase(k) for k in PhaseKey})
    participants: dict[str, Participant] = field(default_factory=dict)
    contributions: dict[int, Contribution] = field(default_factory=dict)
    next_contribution_id: int = 1
    # Phases 2 and 3: each aggregate keeps its own rules; `RestitutionRules` joins them up.
    witnesses: Witnesses = field(default_factory=Witnesses)
    axes: AxisBoard = field(default_factory=AxisBoard)
    evidence: Evidence = field(default_factory=Evidence)
    votes: VoteBook = field(default_factory=VoteBook)
    comments: CommentBook = field(default_factory=CommentBook)
    timer: StepTimer | None = None
    calendar: Calendar = field(default_factory=Calendar)  # meetings beside the three phases
    moderation: ModerationMode = ModerationMode.DIRECT
    wall: WallView = field(default_factory=WallView)  # how the projection shows the wall (domain/wall.py)
    removed: RemovedItems = field(default_factory=RemovedItems)  # « Éléments supprimés » (domain/removed.py)
    # The number of changes made since the session was created (see `changes.perform`).
    version: int = 0
    # Each participant's contribution ids, oldest first: built on first use, kept by `add_contribution`,
    # so the per-post rules (flood limit, double tap) cost one participant's posts, not the session's.
    _by_author: dict[str, list[int]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def create(cls, *, code: str, territory: str, communes: str | list[str], themes: str | list[str],
               now: datetime, title: str = "") -> Session:
        return cls(
            code=code,
            territory=v.clean_line(territory, field="territory", max_length=v.MAX_TERRITORY,
                                   required_error="territory_required"),
            communes=v.clean_lines(communes, field="communes", max_items=v.MAX_COMMUNES,
                                   required_error="communes_required"),
            themes=v.clean_lines(themes, field="themes", max_items=v.MAX_THEMES,
                                 required_error="themes_required"),
            created_at=now,
            updated_at=now,
            title=title,
        )

    def restore(self, durable: Session) -> None:
        """Become `durable` (the last state on disk) in place: pages hold this very object."""
        vars(self).clear()
        vars(self).update(vars(durable))

    # --- Phases ----------------------------------------------------------------------------
    @property
    def open_phase(self) -> Phase | None:
        return next((p for p in self.phases.values() if p.is_open), None)

    def set_phase_status(self, key: PhaseKey, status: PhaseStatus, now: datetime) -> Phase:
        phase = self.phases[key]
        current = self.open_phase
        if status is PhaseStatus.OPEN and current is not None and current.key is not key:
            raise NotAllowed("another_phase_open", phase=current.key)
        phase.status = status
        if status is PhaseStatus.OPEN and phase.date is None:
            phase.date = now.date()
        return phase

    def set_phase_date(self, key: PhaseKey, day: date | None, now: datetime) -> Phase:
        self.phases[key].date = day
        return self.phases[key]

    # --- Territory context (for the restitution document) ---------------------------------
    def set_context(self, *, population: int | str | None, population_year: int | str | None, history: str | None,
                    seat: str | None, author: str | None, analysis: str | None, now: datetime,
                    department: str | None = None) -> SessionContext:
        """Replace the whole context at once: the console sends every field of its form."""
        self.context = checked_context(population=population, population_year=population_year, history=history,
                                       seat=seat, author=author, analysis=analysis, today=now.date(),
                                       department=department)
        return self.context

    # --- Participants ----------------------------------------------------------------------
    def register_participant(self, participant_id: str, *, role: Role | str | None, commune: str | None,
                             display_name: str = "", structure: str = "", now: datetime) -> Participant:
        """First visit of a phone, or a change of profile: same id, new answers."""
        role = v.choice(Role, role, "role_required")
        commune = self._check_commune(commune or None)
        if commune is None and role in (Role.ELU, Role.RESIDENT):
            raise InvalidInput("commune_required")
        participant = Participant(
            id=participant_id,
            role=role,
            commune=commune,
            display_name=v.clean_line(display_name, field="name", max_length=v.MAX_NAME),
            structure=v.clean_line(structure, field="structure", max_length=v.MAX_STRUCTURE),
            joined_at=self.participants[participant_id].joined_at if participant_id in self.participants else now,
        )
        self.participants[participant_id] = participant
        return participant

    def participant(self, participant_id: str) -> Participant:
        try:
            return self.participants[participant_id]
        except KeyError:
            raise NotFound("participant_unknown") from None

    # --- Contributions ---------------------------------------------------------------------
    def contribution(self, contribution_id: int) -> Contribution:
        try:
            return self.contributions[contribution_id]
        except KeyError:
            raise NotFound("contribution_not_found") from None

    def add_contribution(self, author_id: str, *, kind: ContributionKind | str, text: str, theme: str,
                         commune: str | None = None, risk: Risk | str | None = None, structure: str = "",
                         now: datetime) -> Contribution:
        """`commune=None` means the author's commune; `""` means the whole territory."""
        author = self.participant(author_id)
        kind = v.choice(ContributionKind, kind, "unknown_kind")
        self._require_open(kind.phase)
        if self._count_by(author_id, kind.phase) >= MAX_CONTRIBUTIONS_PER_PHASE:
            raise NotAllowed("too_many_contributions", max=MAX_CONTRIBUTIONS_PER_PHASE)
        if not structure and kind.phase is PhaseKey.TEMOIGNAGES:
            structure = author.structure
        contribution = Contribution(
            id=self.next_contribution_id,
            kind=kind,
            author_id=author_id,
            created_at=now,
            updated_at=now,
            **self._checked_fields(kind, text=text, theme=theme, risk=risk, structure=structure,
                                   commune=author.commune if commune is None else commune or None),
        )
        if self._just_sent(contribution):
            raise NotAllowed("already_sent")
        contribution.held = hold_reasons(contribution.text, self.moderation)
        self.contributions[contribution.id] = contribution
        self._ids_by(author_id).append(contribution.id)
        self.next_contribution_id += 1
        return contribution

    def add_contribution_for(self, participant_id: str, profile: dict[str, Any], *, kind: ContributionKind | str,
                             text: str, theme: str, commune: str | None = None, risk: Risk | str | None = None,
                             structure: str = "", now: datetime) -> Contribution:
        """Entered by the facilitator for someone without a smartphone: their profile (role, commune,
        name, structure, as `register_participant` takes it) and their contribution, both or neither."""
        before = self.participants.get(participant_id)
        self.register_participant(participant_id, **profile, now=now)
        try:
            contribution = self.add_contribution(participant_id, kind=kind, text=text, theme=theme,
                                                 commune=commune, risk=risk, structure=structure, now=now)
        except DomainError:
            if before is None:
                del self.participants[participant_id]
            else:
                self.participants[participant_id] = before
            raise
        contribution.held = ()  # typed by the facilitator, who moderates: nothing to wait for
        return contribution

    def edit_own_contribution(self, author_id: str, contribution_id: int, *, text: str, theme: str,
                              commune: str | None, risk: Risk | str | None = None, structure: str = "",
                              now: datetime) -> Contribution:
        contribution = self._own_while_open(author_id, contribution_id)
        self._apply_edit(contribution, text=text, theme=theme, commune=commune, risk=risk, structure=structure,
                         now=now)
        contribution.held = hold_reasons(contribution.text, self.moderation)  # an edit is screened as a post
        return contribution

    def delete_own_contribution(self, author_id: str, contribution_id: int, now: datetime) -> Contribution:
        contribution = self._own_while_open(author_id, contribution_id)
        del self.contributions[contribution_id]
        self.evidence.forget(contribution_id)
        return contribution

    def toggle_share(self, participant_id: str, contribution_id: int, now: datetime) -> Contribution:
        """« Je partage aussi »: a +1 from someone else, once per person; a second tap takes it back."""
        self.participant(participant_id)
        contribution = self.contribution(contribution_id)
        self._require_open(contribution.phase)
        if not contribution.kind.spec.shareable:
            raise NotAllowed("share_kind")
        if participant_id in authors_of(contribution, self.contributions):
            raise NotAllowed("share_own")
        if contribution.merged_into is not None:
            raise NotAllowed("merged_away")
        if contribution.hidden or contribution.held:
            raise NotAllowed("share_hidden")
        contribution.shared_by ^= {participant_id}
        return contribution

    # --- Moderation (facilitator) ----------------------------------------------------------
    def moderate_edit(self, contribution_id: int, *, text: str, theme: str, commune: str | None,
                      risk: Risk | str | None = None, structure: str = "", now: datetime) -> Contribution:
        """The facilitator may correct any contribution, in any phase status; its author no longer can."""
        contribution = self._apply_edit(self.contribution(contribution_id), text=text, theme=theme,
                                        commune=commune, risk=risk, structure=structure, now=now)
        contribution.moderated = True
        return contribution

    def set_wall_view(self, *, theme: str | None, paused: bool, top_shared: bool, turn: int = 0) -> WallView:
        self.wall = WallView.checked(self.themes, theme=theme, paused=paused, top_shared=top_shared, turn=turn)
        return self.wall

    def set_moderation(self, mode: ModerationMode | str) -> ModerationMode:
        """From now on; contributions already waiting still wait for « Valider » or « Masquer »."""
        self.moderation = v.choice(ModerationMode, mode, "unknown_moderation")
        return self.moderation

    def validate(self, contribution_id: int, now: datetime) -> Contribution:
        """« Valider »: a contribution waiting for the facilitator goes on the walls and in the lists."""
        contribution = self.contribution(contribution_id)
        if not contribution.held:
            raise NotAllowed("not_held")
        contribution.held = ()
        contribution.updated_at = now
        return contribution

    def set_hidden(self, contribution_id: int, hidden: bool, now: datetime) -> Contribution:
        """« Masquer » decides for a contribution waiting for validation too: it waits no more."""
        contribution = self.contribution(contribution_id)
        contribution.held = ()
        contribution.hidden = hidden
        contribution.moderated = True  # hidden then shown again is still the facilitator's decision
        contribution.updated_at = now
        return contribution

    # --- Queries ---------------------------------------------------------------------------
    def visible_contributions(self, phase: PhaseKey | None = None) -> list[Contribution]:
        return [c for c in self.contributions.values()
                if c.is_visible and (phase is None or c.phase is phase)]

    def shareable_for(self, participant_id: str) -> list[Contribution]:
        """Others' contributions this participant may +1 now, newest first."""
        phase = self.open_phase
        if phase is None:
            return []
        return [c for c in reversed(self.contributions.values())
                if c.phase is phase.key and c.kind.spec.shareable and c.is_visible
                and participant_id not in authors_of(c, self.contributions)]

    def may_edit(self, participant_id: str, contribution: Contribution) -> bool:
        """Whether the phone may offer « Modifier » / « Supprimer »: the very rule those verbs apply."""
        try:
            self._own_while_open(participant_id, contribution.id)
        except DomainError:
            return False
        return True

    def contributions_by(self, author_id: str) -> list[Contribution]:
        return [c for c in self.contributions.values() if c.author_id == author_id]

    # --- Rules shared by the methods above -------------------------------------------------
    def _require_open(self, key: PhaseKey) -> None:
        if not self.phases[key].is_open:
            raise NotAllowed("phase_not_open", phase=key)

    def _own_while_open(self, author_id: str, contribution_id: int) -> Contribution:
        contribution = self.contribution(contribution_id)
        if contribution.author_id != author_id:
            raise NotAllowed("not_your_contribution")
        if contribution.merged_into is not None:
            raise NotAllowed("merged_away")
        if contribution.moderated:
            raise NotAllowed("moderated")
        self._require_open(contribution.phase)
        return contribution

    def _ids_by(self, author_id: str) -> list[int]:
        if self._by_author is None:
            self._by_author = {}
            for c in self.contributions.values():
                self._by_author.setdefault(c.author_id, []).append(c.id)
        return self._by_author.setdefault(author_id, [])

    def _posts_by(self, author_id: str) -> list[Contribution]:
        """This participant's contributions still there (a deleted one leaves its id behind), oldest first."""
        return [self.contributions[cid] for cid in self._ids_by(author_id) if cid in self.contributions]

    def _just_sent(self, new: Contribution) -> bool:
        """The same post from the same participant within `RESENT_WITHIN`: a double tap, or a retry of a
        post that went through. Walks back from the author's newest posts only as far as that window."""
        for earlier in reversed(self._posts_by(new.author_id)):
            if earlier.created_at < new.created_at - RESENT_WITHIN:
                return False
            if (earlier.kind, earlier.text, earlier.theme, earlier.commune, earlier.risk, earlier.structure) == (
                    new.kind, new.text, new.theme, new.commune, new.risk, new.structure):
                return True
        return False

    def _count_by(self, author_id: str, phase: PhaseKey) -> int:
        return sum(1 for c in self._posts_by(author_id) if c.phase is phase)

    def _apply_edit(self, contribution: Contribution, *, text: str, theme: str, commune: str | None,
                    risk: Risk | str | None, structure: str, now: datetime) -> Contribution:
        checked = self._checked_fields(contribution.kind, text=text, theme=theme, commune=commune or None,
                                       risk=risk, structure=structure)
        for name, value in checked.items():
            setattr(contribution, name, value)
        contribution.updated_at = now
        return contribution

    def _checked_fields(self, kind: ContributionKind, *, text: str, theme: str, commune: str | None,
                        risk: Risk | str | None, structure: str) -> dict[str, Any]:
        if theme not in self.themes:
            raise InvalidInput("unknown_theme")
        if kind.spec.has_risk and not risk:
            raise InvalidInput("risk_required")
        if not kind.spec.has_risk and risk:
            raise InvalidInput("risk_only_difficulty")
        return {
            "text": v.clean_text(text),
            "theme": theme,
            "commune": self._check_commune(commune),
            "risk": v.choice(Risk, risk, "risk_required") if risk else None,
            "structure": v.clean_line(structure, field="structure", max_length=v.MAX_STRUCTURE),
        }

    def _check_commune(self, commune: str | None) -> str | None:
        if commune is not None and commune not in self.communes:
            raise InvalidInput("unknown_commune")
        return commune
