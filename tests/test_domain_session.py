"""Creating a démarche, its phases, and introducing participants."""

from __future__ import annotations

from datetime import date

import pytest

from atelier.domain.codes import ALPHABET, LENGTH, is_well_formed, new_code, normalise_code
from atelier.domain.errors import InvalidInput, NotAllowed
from atelier.domain.model import PhaseKey, PhaseStatus, Role
from atelier.domain.session import Session
from tests.conftest import T0, make_session, refused


def test_session_keeps_cleaned_communes_and_themes_in_order() -> None:
    session = Session.create(code="ABCDEF", territory="  CC du Val ", communes="Fontenelle\n\n  Vernoux  \n",
                             themes=["Mobilité", "Santé"], now=T0)
    assert session.territory == "CC du Val"
    assert session.communes == ["Fontenelle", "Vernoux"]
    assert session.themes == ["Mobilité", "Santé"]
    assert all(p.status is PhaseStatus.UPCOMING for p in session.phases.values())


@pytest.mark.parametrize(("fields", "message"), [
    ({"territory": " "}, "nom du territoire"),
    ({"communes": "\n \n"}, "au moins une commune"),
    ({"themes": ""}, "au moins une thématique"),
    ({"communes": "Vernoux\nvernoux"}, "apparaît deux fois"),
    ({"communes": "\n".join(f"C{i}" for i in range(201))}, "200 au plus"),
    ({"territory": "x" * 121}, "trop long"),
])
def test_bad_session_settings_are_refused(fields: dict, message: str) -> None:
    values = {"territory": "CC", "communes": "A", "themes": "T"} | fields
    with refused(InvalidInput, match=message):
        Session.create(code="ABCDEF", now=T0, **values)


def test_codes_avoid_confusable_characters() -> None:
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == LENGTH and set(c) <= set(ALPHABET) for c in codes)
    assert not set("0O1IL") & set(ALPHABET)
    assert normalise_code(" abc def ") == "ABCDEF" and is_well_formed("ABCDEF")
    assert not is_well_formed("ABCDE0") and not is_well_formed("../etc")


def test_new_code_never_reuses_a_taken_one() -> None:
    taken = {new_code() for _ in range(50)}
    assert all(new_code(taken) not in taken for _ in range(50))


def test_opening_a_phase_dates_it_and_only_one_phase_is_open_at_a_time() -> None:
    session = make_session(open_phase=None)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN, T0)
    assert session.phases[PhaseKey.ETAT_DES_LIEUX].date == T0.date()
    with refused(NotAllowed, match="Fermez d'abord la phase « État des lieux »"):
        session.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN, T0)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    session.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN, T0)
    assert session.open_phase is session.phases[PhaseKey.TEMOIGNAGES]


def test_facilitator_may_set_a_phase_date_by_hand() -> None:
    session = make_session(open_phase=None)
    session.set_phase_date(PhaseKey.RESTITUTION, date(2026, 6, 2), T0)
    assert session.phases[PhaseKey.RESTITUTION].date == date(2026, 6, 2)


def test_elected_official_must_give_a_commune_of_the_territory() -> None:
    session = make_session()
    with refused(InvalidInput, match="Choisissez votre commune"):
        session.register_participant("p", role="elu", commune=None, now=T0)
    with refused(InvalidInput, match="commune de la liste"):
        session.register_participant("p", role="elu", commune="Atlantis", now=T0)
    with refused(InvalidInput, match="votre rôle"):
        session.register_participant("p", role=None, commune="Vernoux", now=T0)
    assert session.participants == {}


def test_actor_may_speak_for_the_whole_territory_with_a_structure() -> None:
    session = make_session()
    actor = session.register_participant("p", role="acteur_local", commune=None, structure=" ADMR ", now=T0)
    assert (actor.role, actor.commune, actor.structure) == (Role.LOCAL_ACTOR, None, "ADMR")


def test_changing_profile_keeps_the_same_identity_and_join_time() -> None:
    session = make_session()
    session.register_participant("p", role="elu", commune="Vernoux", now=T0)
    later = T0.replace(hour=21)
    again = session.register_participant("p", role="elu", commune="Marcilly", display_name="Anne", now=later)
    assert len(session.participants) == 1
    assert (again.commune, again.display_name, again.joined_at) == ("Marcilly", "Anne", T0)


def test_overlong_name_is_refused() -> None:
    with refused(InvalidInput, match="« Nom » est trop long"):
        make_session().register_participant("p", role="autre", commune=None, display_name="n" * 61, now=T0)
