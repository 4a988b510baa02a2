"""The application's verbs: find the session, apply the domain rule, make it durable, tell the room.

Pages call these and nothing else. Order matters: the domain refuses bad input before anything
changes; the change is on disk before the caller is told it was accepted; only then is it announced.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from atelier import texts
from atelier.domain import records
from atelier.domain.codes import new_code, normalise_code
from atelier.domain.errors import DomainError, NotFound
from atelier.domain.events import (
    ContextChanged,
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    DomainEvent,
    ParticipantJoined,
    PhaseChanged,
)
from atelier.domain.model import Contribution, ContributionKind, Participant, Phase, PhaseKey, PhaseStatus, Risk, Role
from atelier.domain.session import Session
from atelier.domain.session_context import SessionContext
from atelier.store import GroupCommitter, SessionStore, StorageError
from atelier.verbs import AnalysisVerbs, PlenaryVerbs

Publish = Callable[[DomainEvent], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


class SessionService(AnalysisVerbs, PlenaryVerbs):
    """Phase 1 verbs below; phases 2 and 3 in `atelier/verbs/` (same pattern, through `VerbsBase._apply`)."""

    def __init__(self, store: SessionStore, publish: Publish | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.publish: Publish = publish or (lambda event: None)
        self.clock = clock
        self.committer = GroupCommitter(store)
        self.sessions: dict[str, Session] = {}
        for code in store.codes():
            record = store.load(code)
            if record is not None:
                self.sessions[code] = records.session_from_record(record)

    # --- Sessions --------------------------------------------------------------------------
    def get(self, code: str) -> Session:
        session = self.sessions.get(normalise_code(code))
        if session is None:
            raise NotFound(texts.ERR_SESSION_NOT_FOUND.format(code=code))
        return session

    def find(self, code: str) -> Session | None:
        return self.sessions.get(normalise_code(code))

    def list_sessions(self) -> list[Session]:
        return sorted(self.sessions.values(), key=lambda s: s.created_at, reverse=True)

    async def create_session(self, *, territory: str, communes: str | list[str], themes: str | list[str],
                             title: str = texts.DEFAULT_TITLE) -> Session:
        session = Session.create(code=new_code(self.sessions), territory=territory, communes=communes,
                                 themes=themes, title=title, now=self.clock())
        self.sessions[session.code] = session
        try:
            await self._commit(session)
        except DomainError:
            del self.sessions[session.code]
            raise
        return session

    async def set_phase_status(self, code: str, key: PhaseKey, status: PhaseStatus) -> Phase:
        session = self.get(code)
        phase = session.set_phase_status(key, status, self.clock())
        await self._commit(session)
        self.publish(PhaseChanged(session.code, phase))
        return phase

    async def set_phase_date(self, code: str, key: PhaseKey, day: date | None) -> Phase:
        session = self.get(code)
        phase = session.set_phase_date(key, day, self.clock())
        await self._commit(session)
        self.publish(PhaseChanged(session.code, phase))
        return phase

    async def set_context(self, code: str, *, population: int | str | None, population_year: int | str | None,
                          history: str | None, seat: str | None, author: str | None,
                          analysis: str | None) -> SessionContext:
        session = self.get(code)
        context = session.set_context(population=population, population_year=population_year, history=history,
                                      seat=seat, author=author, analysis=analysis, now=self.clock())
        await self._commit(session)
        self.publish(ContextChanged(session.code, context))
        return context

    # --- Participants ----------------------------------------------------------------------
    async def register_participant(self, code: str, participant_id: str, *, role: Role | str | None,
                                   commune: str | None, display_name: str = "",
                                   structure: str = "") -> Participant:
        session = self.get(code)
        is_new = participant_id not in session.participants
        participant = session.register_participant(participant_id, role=role, commune=commune,
                                                   display_name=display_name, structure=structure,
                                                   now=self.clock())
        await self._commit(session)
        if is_new:
            self.publish(ParticipantJoined(session.code, participant))
        return participant

    # --- Contributions ---------------------------------------------------------------------
    async def add_contribution(self, code: str, author_id: str, *, kind: ContributionKind | str, text: str,
                               theme: str, commune: str | None = None, risk: Risk | str | None = None,
                               structure: str = "") -> Contribution:
        session = self.get(code)
        contribution = session.add_contribution(author_id, kind=kind, text=text, theme=theme, commune=commune,
                                                risk=risk, structure=structure, now=self.clock())
        await self._commit(session)
        self.publish(ContributionAdded(session.code, contribution))
        return contribution

    async def edit_own_contribution(self, code: str, author_id: str, contribution_id: int, *, text: str,
                                    theme: str, commune: str | None, risk: Risk | str | None = None,
                                    structure: str = "") -> Contribution:
        session = self.get(code)
        contribution = session.edit_own_contribution(author_id, contribution_id, text=text, theme=theme,
                                                     commune=commune, risk=risk, structure=structure,
                                                     now=self.clock())
        return await self._changed(session, contribution)

    async def delete_own_contribution(self, code: str, author_id: str, contribution_id: int) -> None:
        session = self.get(code)
        contribution = session.delete_own_contribution(author_id, contribution_id, self.clock())
        await self._commit(session)
        self.publish(ContributionDeleted(session.code, contribution))

    async def toggle_share(self, code: str, participant_id: str, contribution_id: int) -> Contribution:
        session = self.get(code)
        return await self._changed(session, session.toggle_share(participant_id, contribution_id, self.clock()))

    async def moderate_edit(self, code: str, contribution_id: int, *, text: str, theme: str,
                            commune: str | None, risk: Risk | str | None = None,
                            structure: str = "") -> Contribution:
        session = self.get(code)
        contribution = session.moderate_edit(contribution_id, text=text, theme=theme, commune=commune,
                                             risk=risk, structure=structure, now=self.clock())
        return await self._changed(session, contribution)

    async def set_hidden(self, code: str, contribution_id: int, hidden: bool) -> Contribution:
        session = self.get(code)
        return await self._changed(session, session.set_hidden(contribution_id, hidden, self.clock()))

    # --- Plumbing --------------------------------------------------------------------------
    async def _changed(self, session: Session, contribution: Contribution) -> Contribution:
        await self._commit(session)
        self.publish(ContributionChanged(session.code, contribution))
        return contribution

    async def _commit(self, session: Session) -> None:
        try:
            await self.committer.commit(session.code, lambda: records.session_record(session))
        except StorageError as error:
            raise DomainError(texts.ERR_STORAGE) from error

    def close(self) -> None:
        self.committer.close()
