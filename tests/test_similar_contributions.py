"""« Déjà signalé ? »: the per-session index follows the room's changes (atelier/synthesis/session_index.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from atelier.domain.changes import (
    AddContribution,
    DeleteOwnContribution,
    MergeContributions,
    RegisterParticipant,
    SetHidden,
    SetPhaseStatus,
)
from atelier.domain.model import ContributionKind
from atelier.domain.session import Session
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from atelier.synthesis.session_index import SimilarContributions
from tests.conftest import Clock

DIFFICULTY = ContributionKind("difficulte")
BUS = "Plus aucun bus le soir après 18 heures pour rentrer du travail"
TYPED = "il n'y a pas de bus le soir après 18 h pour rentrer"


@pytest.fixture
def similar() -> Iterator[SimilarContributions]:
    index = SimilarContributions()
    yield index
    index.close()


@pytest.fixture
async def room(similar: SimilarContributions, clock: Clock) -> tuple[SessionService, Session]:
    service = SessionService(TinyDBSessionStore(None), publish=similar.hear, clock=clock)
    session = await service.create_session(territory="CC du Val", communes="Fontenelle\nVernoux",
                                           themes="Mobilité\nSanté")
    await service.apply(session.code, SetPhaseStatus("etat_des_lieux", "ouverte"))
    for person in ("anne", "bruno", "chloe"):
        await service.apply(session.code, RegisterParticipant(person, role="elu", commune="Fontenelle"))
    return service, session


async def post(service: SessionService, session: Session, author: str, text: str, kind: str = "difficulte") -> int:
    risk = "eleve" if kind == "difficulte" else None
    added = await service.apply(session.code, AddContribution(author, kind=kind, text=text, theme="Mobilité",
                                                              commune="Fontenelle", risk=risk))
    return added.id


async def texts_like(similar: SimilarContributions, session: Session, text: str = TYPED, *,
                     who: str = "chloe", kind: ContributionKind = DIFFICULTY) -> list[str]:
    return [c.text for c in await similar.similar(session, kind, text, participant_id=who)]


async def test_a_paraphrase_finds_what_others_posted_but_not_my_own(room, similar) -> None:
    service, session = room
    await post(service, session, "anne", BUS)
    await post(service, session, "anne", "Six mois d'attente pour voir un dentiste à Vernoux")
    assert await texts_like(similar, session) == [BUS]
    assert await texts_like(similar, session, who="anne") == []  # her own is not « déjà signalé » to her


async def test_posts_after_the_first_question_are_found_and_withdrawn_ones_leave(room, similar) -> None:
    service, session = room
    assert await texts_like(similar, session) == []  # builds the index on an empty session
    first = await post(service, session, "anne", BUS)
    assert await texts_like(similar, session) == [BUS]
    await service.apply(session.code, SetHidden(first, True))
    assert await texts_like(similar, session) == []
    await service.apply(session.code, SetHidden(first, False))
    assert await texts_like(similar, session) == [BUS]
    second = await post(service, session, "bruno", "Pas de bus après 18 heures le soir, impossible de rentrer")
    assert len(await texts_like(similar, session)) == 2
    await service.apply(session.code, DeleteOwnContribution("bruno", second))
    assert await texts_like(similar, session) == [BUS]


async def test_a_merge_replaces_its_originals_by_the_merged_text(room, similar) -> None:
    service, session = room
    first = await post(service, session, "anne", BUS)
    second = await post(service, session, "bruno", "Pas de bus après 18 heures le soir, impossible de rentrer")
    assert len(await texts_like(similar, session)) == 2
    merged = "Aucun bus le soir après 18 heures : les actifs ne peuvent pas rentrer"
    await service.apply(session.code, MergeContributions(first, second, text=merged))
    assert await texts_like(similar, session) == [merged]


async def test_only_the_kind_being_typed_and_only_from_four_words(room, similar) -> None:
    service, session = room
    await post(service, session, "anne", "Un bus de nuit le vendredi soir après 18 heures", kind="ressource")
    assert await texts_like(similar, session) == []  # a ressource is not « déjà signalé » for a difficulté
    assert await texts_like(similar, session, kind=ContributionKind("ressource")) != []
    assert await texts_like(similar, session, "bus le soir", kind=ContributionKind("ressource")) == []


async def test_a_question_nobody_waits_for_is_not_computed(room, similar) -> None:
    service, session = room
    await post(service, session, "anne", BUS)
    found = await similar.similar(session, DIFFICULTY, TYPED, participant_id="chloe", still_wanted=lambda: False)
    assert found == []
