"""The territory context the facilitator enters for the restitution: rules, refusals, storage, live event."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from atelier.domain import records
from atelier.domain.changes import SetContext
from atelier.domain.errors import InvalidInput
from atelier.domain.events import ContextChanged
from atelier.domain.session import Session
from atelier.domain.session_context import SessionContext
from atelier.live import channels_for
from atelier.live import session as session_channel
from atelier.service import SessionService
from tests.conftest import COMMUNES, T0, THEMES, durable, refused

FIELDS = {"population": "", "population_year": "", "history": "", "seat": "", "author": "", "analysis": ""}


def set_context(session: Session, **changes) -> SessionContext:
    return session.set_context(**{**FIELDS, **changes}, now=T0)


def test_population_typed_the_french_way_is_read_as_a_number(session: Session) -> None:
    context = set_context(session, population="40\u00a0239", population_year=" 2019 ", seat=" Pélussin ")
    assert (context.population, context.population_year, context.seat) == (40239, 2019, "Pélussin")
    assert session.context == context


def test_history_and_analysis_keep_their_paragraphs(session: Session) -> None:
    context = set_context(session, history="Créée en 2001.\r\nFusion en 2017.", analysis="Un.\n\n\n\nDeux.")
    assert (context.history, context.analysis) == ("Créée en 2001.\nFusion en 2017.", "Un.\n\nDeux.")


@pytest.mark.parametrize(("changes", "message"), [
    ({"population": "quarante mille"}, "Indiquez la population en nombre d'habitants"),
    ({"population": "0"}, "Indiquez la population en nombre d'habitants"),
    ({"population": "-5"}, "Indiquez la population en nombre d'habitants"),
    ({"population": "1000", "population_year": "1850"}, "entre 1900 et 2026"),
    ({"population": "1000", "population_year": "2031"}, "entre 1900 et 2026"),
    ({"population_year": "2019"}, "Indiquez aussi la population"),
    ({"seat": "x" * 121}, "« Siège » est trop long : 120 caractères au plus."),
    ({"history": "x" * 3001}, "« Histoire de l'intercommunalité » est trop long"),
])
def test_bad_context_is_refused_in_french_and_changes_nothing(session: Session, changes: dict,
                                                              message: str) -> None:
    set_context(session, population="12000", author="Anne")
    before, updated = session.context, session.updated_at
    with refused(InvalidInput, match=message):
        session.set_context(**{**FIELDS, **changes}, now=datetime(2026, 5, 1, tzinfo=UTC))
    assert (session.context, session.updated_at) == (before, updated)


def test_context_survives_the_record_round_trip(session: Session) -> None:
    set_context(session, population=16452, population_year=2016, history="Née le 30 novembre 2001.",
                seat="Pélussin", author="Territoires Conseils", analysis="Zone de montagne.")
    assert records.session_from_record(records.session_record(session)).context == session.context


async def test_service_saves_the_context_then_tells_the_consoles(service: SessionService) -> None:
    created = await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)
    context = await service.apply(created.code, SetContext(**{**FIELDS, "population": "3 676", "author": "Anne"}))
    assert durable(service.store, created.code)["session"]["context"]["population"] == 3676
    event = service.published[-1]  # type: ignore[attr-defined]
    assert event == ContextChanged(created.code, service.get(created.code).version, context)
    assert channels_for(event) == [session_channel(created.code)]
