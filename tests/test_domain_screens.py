"""What the room sees: the projection's screen follows the phases and the facilitator's latest move."""

from __future__ import annotations

import pytest

from atelier import live
from atelier.domain import records
from atelier.domain.changes import AddAxis, AddAxisLine, HideResults, OpenVote, PresentStep, SetPhaseStatus, ShowResults
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.events import AxisPresented, ResultsShown
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.screens import Screen, axis_number, ballot, item_text, projection_screen, shown_phase
from atelier.domain.session import Session
from atelier.domain.votes import ResultsView
from atelier.pages.vote_views import item_text as shown_item_text
from atelier.service import SessionService
from tests.conftest import T0, build_axes, make_session, refused


def test_before_anything_runs_the_projection_shows_the_wall_of_the_etat_des_lieux() -> None:
    session = make_session(open_phase=None)
    assert (shown_phase(session), projection_screen(session)) == (PhaseKey.ETAT_DES_LIEUX, Screen.WALL)


@pytest.mark.parametrize(("phase", "screen"), [(PhaseKey.ETAT_DES_LIEUX, Screen.WALL),
                                               (PhaseKey.TEMOIGNAGES, Screen.TESTIMONIES),
                                               (PhaseKey.RESTITUTION, Screen.AXIS)])
def test_the_open_phase_chooses_the_screen(phase: PhaseKey, screen: Screen) -> None:
    assert projection_screen(make_session(open_phase=phase)) is screen


def test_between_two_soirees_the_last_phase_that_ran_stays_on_screen() -> None:
    session = make_session(open_phase=PhaseKey.TEMOIGNAGES)
    session.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.CLOSED, T0)
    assert projection_screen(session) is Screen.TESTIMONIES
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN, T0)  # reopened for a late commune
    assert projection_screen(session) is Screen.WALL


def test_results_go_up_at_the_facilitators_word_and_presenting_an_axe_takes_them_down(plenary: Session) -> None:
    assert projection_screen(plenary) is Screen.AXIS
    plenary.open_vote("piste", now=T0)
    assert projection_screen(plenary) is Screen.AXIS  # the room votes without watching the bars grow
    plenary.votes.show_results()
    assert projection_screen(plenary) is Screen.VOTE
    plenary.votes.close_current(T0)
    assert projection_screen(plenary) is Screen.VOTE  # the final results stay up
    axis = plenary.present_step(+1)
    assert axis is plenary.axes.axes[0] and projection_screen(plenary) is Screen.AXIS
    assert plenary.votes.show_results(ResultsView.BY_COMMUNE) is ResultsView.BY_COMMUNE
    assert projection_screen(plenary) is Screen.VOTE and plenary.votes.results_view is ResultsView.BY_COMMUNE
    plenary.present_axis(None)
    assert projection_screen(plenary) is Screen.AXIS and plenary.axes.presented is None
    plenary.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.CLOSED, T0)
    plenary.votes.show_results()
    assert projection_screen(plenary) is Screen.VOTE and plenary.votes.results_view is ResultsView.BY_COMMUNE


def test_results_can_only_be_shown_once_a_vote_took_place_and_in_a_known_view(plenary: Session) -> None:
    with refused(NotAllowed, match="Aucun vote n'a encore eu lieu"):
        plenary.votes.show_results()
    plenary.open_vote("orientation", now=T0)
    with refused(InvalidInput, match="affichage des résultats"):
        plenary.votes.show_results("camembert")
    assert plenary.votes.results_view is ResultsView.TOTAL


def test_presenting_an_unknown_axe_changes_nothing(plenary: Session) -> None:
    plenary.open_vote("piste", now=T0)
    plenary.votes.show_results()
    with refused(NotFound, match="axe n'existe plus"):
        plenary.present_axis(999)
    assert plenary.votes.results_shown


def test_a_ballot_groups_the_items_under_their_axe_in_board_order(plenary: Session) -> None:
    vote = plenary.open_vote("piste", now=T0)
    sections = ballot(vote, plenary.axes)
    assert [(s.axis.title, [line.text for line in s.items]) for s in sections] == [
        ("Se déplacer", ["Un transport à la demande", "Aider au permis"]), ("Se soigner", ["Une maison de santé"])]
    plenary.votes.close_current(T0)
    on_orientations = plenary.open_vote("orientation", now=T0)
    assert [s.axis.title for s in ballot(on_orientations, plenary.axes)] == ["Se déplacer"]


def test_a_ballot_on_pistes_groups_them_by_orientation_as_the_fiche_does(plenary: Session) -> None:
    mobility = plenary.axes.axes[0]
    orientation = mobility.orientations[0]
    permis = next(p for p in mobility.pistes if p.text == "Aider au permis")
    plenary.axes.move_piste(permis.id, mobility.id, orientation.id)
    vote = plenary.open_vote("piste", now=T0)
    grouped = [(s.axis.title, s.orientation.text if s.orientation else None, [line.text for line in s.items])
               for s in ballot(vote, plenary.axes)]
    assert grouped == [("Se déplacer", "Développer la mobilité solidaire", ["Aider au permis"]),
                       ("Se déplacer", None, ["Un transport à la demande"]),
                       ("Se soigner", None, ["Une maison de santé"])]


def test_a_line_removed_after_its_vote_still_has_a_name_and_axes_have_numbers() -> None:
    session = make_session(open_phase=PhaseKey.RESTITUTION)
    ids = build_axes(session)
    vote = session.open_vote("piste", now=T0)
    session.votes.close_current(T0)
    session.remove_axis_line(ids["doctor"], T0)
    assert item_text(session.axes, ids["bus"]) == "Un transport à la demande"
    assert item_text(session.axes, ids["doctor"]) is None
    assert shown_item_text(session.axes, ids["doctor"]) == "(ligne retirée de l'axe)"
    assert ids["doctor"] in vote.items
    assert (axis_number(session.axes, ids["mobility"]), axis_number(session.axes, ids["health"])) == (1, 2)


def test_the_results_display_survives_a_restart(plenary: Session) -> None:
    plenary.open_vote("piste", now=T0)
    plenary.votes.show_results("une_commune_une_voix")
    reloaded = records.session_from_record(records.session_record(plenary))
    assert (reloaded.votes.results_shown, reloaded.votes.results_view) == (True, ResultsView.ONE_COMMUNE_ONE_VOICE)


async def test_showing_results_is_told_to_the_wall_only(service: SessionService) -> None:
    session = await service.create_session(territory="CC", communes=["A"], themes=["Santé"])
    await service.apply(session.code, SetPhaseStatus(PhaseKey.RESTITUTION, PhaseStatus.OPEN))
    axis = await service.apply(session.code, AddAxis("Se déplacer"))
    await service.apply(session.code, AddAxisLine(axis.id, "pistes", "Transport à la demande"))
    await service.apply(session.code, OpenVote("piste"))
    assert await service.apply(session.code, ShowResults("par_role")) is ResultsView.BY_ROLE
    await service.apply(session.code, HideResults())
    await service.apply(session.code, PresentStep(1))
    shown, hidden, presented = service.published[-3:]  # type: ignore[attr-defined]
    assert shown == ResultsShown(session.code, presented.version - 2, True, ResultsView.BY_ROLE)
    assert hidden == ResultsShown(session.code, presented.version - 1, False, ResultsView.BY_ROLE)
    assert live.channels_for(shown) == [live.wall(session.code)]
    assert isinstance(presented, AxisPresented) and not service.get(session.code).votes.results_shown
