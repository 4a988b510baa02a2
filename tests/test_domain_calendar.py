"""The calendar's other meetings: titled, dated or not, corrected, removed; kept on disk."""

from __future__ import annotations

from datetime import date

from atelier.domain import records
from atelier.domain.calendar import MAX_STEPS, Calendar, CalendarStep
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from tests.conftest import make_session, refused


def test_a_step_is_added_corrected_and_removed() -> None:
    calendar = Calendar()
    first = calendar.add("  Présentation de la démarche   aux élus ", date(2025, 6, 12))
    second = calendar.add("Comité de pilotage", None)
    assert first == CalendarStep(1, "Présentation de la démarche aux élus", date(2025, 6, 12))
    calendar.edit(second.id, "Comité de pilotage n° 1", date(2026, 1, 20))
    assert calendar.step(2).date == date(2026, 1, 20)
    calendar.edit(first.id, first.title, None)  # a date cleared
    assert calendar.step(1).date is None
    calendar.remove(first.id)
    assert [step.id for step in calendar.steps] == [2]
    with refused(NotFound, match="n'est plus dans le calendrier"):
        calendar.remove(first.id)


def test_a_step_needs_a_title_and_the_calendar_has_a_limit() -> None:
    calendar = Calendar()
    with refused(InvalidInput, match="Donnez un titre à l'étape"):
        calendar.add("   ", None)
    for number in range(MAX_STEPS):
        calendar.add(f"Réunion {number}", None)
    with refused(NotAllowed, match=f"déjà {MAX_STEPS} étapes"):
        calendar.add("Une de trop", None)


def test_steps_survive_the_record_and_an_older_record_has_none() -> None:
    session = make_session()
    session.calendar.add("Comité de pilotage", date(2026, 1, 20))
    session.calendar.add("Pré-travail", None)
    again = records.session_from_record(records.session_record(session))
    assert again.calendar == session.calendar
    older = records.session_record(make_session())
    older["session"]["schema"] = 3
    del older["session"]["calendar"]
    assert records.session_from_record(older).calendar == Calendar()
