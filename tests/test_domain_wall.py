"""What the projection's wall shows, as the facilitator sets it: a theme, held or turning, or the most shared."""

from __future__ import annotations

import pytest

from atelier import texts
from atelier.domain import records
from atelier.domain.errors import InvalidInput
from atelier.domain.wall import WallView, most_shared
from tests.conftest import T0, make_session


def test_the_wall_turns_through_every_theme_until_the_facilitator_says_otherwise() -> None:
    session = make_session()
    assert session.wall == WallView(theme=None, paused=False, top_shared=False, turn=0)
    assert session.set_wall_view(theme="Santé", paused=True, top_shared=False) == WallView("Santé", True, False)


def test_a_theme_the_demarche_does_not_have_is_refused_in_french_and_nothing_changes() -> None:
    session = make_session()
    with pytest.raises(InvalidInput) as refused:
        session.set_wall_view(theme="Sport", paused=False, top_shared=False)
    assert texts.error_message(refused.value) == "Choisissez une thématique de la liste."
    assert session.wall == WallView()


def test_the_most_shared_are_those_most_people_share_and_only_visible_ones() -> None:
    session = make_session()
    for name in ("a", "b", "c", "d"):
        session.register_participant(name, role="elu", commune="Vernoux", now=T0)
    bus = session.add_contribution("a", kind="difficulte", text="Pas de bus", theme="Mobilité", risk="eleve", now=T0)
    doctor = session.add_contribution("a", kind="difficulte", text="Pas de médecin", theme="Santé", risk="eleve",
                                      now=T0)
    alone = session.add_contribution("a", kind="difficulte", text="Rien", theme="Santé", risk="faible", now=T0)
    hidden = session.add_contribution("a", kind="difficulte", text="Hors sujet", theme="Santé", risk="faible", now=T0)
    for name in ("b", "c", "d"):
        session.toggle_share(name, doctor.id, T0)
        session.toggle_share(name, hidden.id, T0)
    session.toggle_share("b", bus.id, T0)
    session.set_hidden(hidden.id, True, T0)
    assert most_shared(list(session.contributions.values())) == [doctor, bus]  # none shares « Rien »
    assert alone not in most_shared(list(session.contributions.values()))


def test_the_wall_view_is_kept_in_the_record_and_older_records_turn_through_every_theme() -> None:
    session = make_session()
    session.set_wall_view(theme="Mobilité", paused=True, top_shared=True, turn=3)
    record = records.session_record(session)
    assert records.session_from_record(record).wall == WallView("Mobilité", True, True, 3)
    del record["session"]["wall"]  # written before the wall could be held
    assert records.session_from_record(record).wall == WallView()
