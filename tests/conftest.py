from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from atelier import texts
from atelier.domain import records
from atelier.domain.errors import DomainError
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.service import SessionService, load_session
from atelier.store import SessionStore, TinyDBSessionStore
from tests.engines import engine, postgres_server, postgres_url  # noqa: F401  (fixtures)

TOKEN = "test-facilitator-token"
COMMUNES = ["Fontenelle", "Vernoux", "Marcilly"]
THEMES = ["Mobilité", "Santé", "Petite enfance"]
T0 = datetime(2026, 3, 14, 19, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@contextmanager
def refused(kind: type[DomainError] = DomainError, *, match: str) -> Iterator[pytest.ExceptionInfo[DomainError]]:
    """Like `pytest.raises`, checking the French sentence the person who acted reads."""
    with pytest.raises(kind) as info:
        yield info
    message = texts.error_message(info.value)
    assert re.search(match, message), f"{match!r} not in {message!r}"


def durable(store: SessionStore, code: str) -> dict | None:
    """The session as a restart would find it (snapshot plus journal), as one record."""
    session = load_session(store, code)
    return None if session is None else records.session_record(session)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_session(*, open_phase: PhaseKey | None = PhaseKey.ETAT_DES_LIEUX, code: str = "ABCDEF") -> Session:
    session = Session.create(code=code, territory="CC du Val", communes=COMMUNES, themes=THEMES, now=T0,
                             title=texts.DEFAULT_TITLE)
    if open_phase is not None:
        session.set_phase_status(open_phase, PhaseStatus.OPEN, T0)
    return session


@pytest.fixture
def session() -> Session:
    """Phase 1 open, two élus and one actor already introduced."""
    s = make_session()
    s.register_participant("alice", role="elu", commune="Fontenelle", now=T0)
    s.register_participant("bob", role="elu", commune="Vernoux", now=T0)
    s.register_participant("mission", role="acteur_institutionnel", commune=None, structure="Mission Locale",
                           now=T0)
    return s


@pytest.fixture
def service(clock: Clock) -> SessionService:
    events: list = []
    svc = SessionService(TinyDBSessionStore(None), publish=events.append, clock=clock)
    svc.published = events  # type: ignore[attr-defined]
    yield svc
    svc.close()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir; the app under NiceGUI's `user` fixture uses it (see tests/app_main.py)."""
    folder = tmp_path / "sessions"
    monkeypatch.setenv("ATELIER_TEST_DATA_DIR", str(folder))
    monkeypatch.setenv("ATELIER_FACILITATOR_TOKEN", TOKEN)
    return folder


def build_axes(session: Session) -> dict[str, int]:
    """Two axes: « Mobilité » (an enjeu, an orientation, two pistes) and « Santé » (one piste). Returns ids."""
    board = session.axes
    mobility, health = board.add_axis("Se déplacer"), board.add_axis("Se soigner")
    return {
        "mobility": mobility.id,
        "health": health.id,
        "enjeu": board.add_line(mobility.id, "enjeux", "L'isolement des hameaux").id,
        "orientation": board.add_line(mobility.id, "orientations", "Développer la mobilité solidaire").id,
        "bus": board.add_line(mobility.id, "pistes", "Un transport à la demande").id,
        "permis": board.add_line(mobility.id, "pistes", "Aider au permis").id,
        "doctor": board.add_line(health.id, "pistes", "Une maison de santé").id,
    }


@pytest.fixture
def plenary(session: Session) -> Session:
    """The fixture `session` with phase 1 closed, axes built (see `build_axes`), restitution open."""
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    build_axes(session)
    return session
