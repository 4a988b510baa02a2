"""The console organised by the démarche: a tab per step, the current one open, each with only what
applies (no « Ouvrir le vote » before the axes hold anything to vote on)."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from atelier.domain.changes import AddAxis, AddAxisLine, SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.pages.console import Step, current_step
from tests.conftest import TOKEN, make_session
from tests.pages.conftest import running


def open_tab(user: User) -> str:
    with user:
        return str(next(iter(user.find(kind=ui.tab_panels).elements)).value)


def test_the_current_step_follows_the_demarche() -> None:
    session = make_session(open_phase=None)
    assert current_step(session) is Step.PREPARATION
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN, session.created_at)
    assert current_step(session) is Step.ETAT_DES_LIEUX
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, session.created_at)
    assert current_step(session) is Step.ANALYSE  # between the soirées
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, session.created_at)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.CLOSED, session.created_at)
    assert current_step(session) is Step.DOCUMENT


async def test_the_console_opens_on_the_current_step_and_follows_a_phase_that_opens(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    assert open_tab(user) == Step.ETAT_DES_LIEUX
    service = running().service
    await service.apply(seeded, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED))
    assert open_tab(user) == Step.ETAT_DES_LIEUX  # closing leaves the facilitator where they are
    await service.apply(seeded, SetPhaseStatus(PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN))
    assert open_tab(user) == Step.TEMOIGNAGES


async def test_no_vote_can_be_opened_before_the_axes_hold_something_to_vote_on(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    await user.should_see(marker="nothing-to-vote")
    await user.should_not_see(marker="open-vote")
    service = running().service
    axis = await service.apply(seeded, AddAxis("Se déplacer"))
    await user.should_not_see(marker="open-vote")  # an axe alone: still nothing to vote on
    await service.apply(seeded, AddAxisLine(axis.id, "pistes", "Un transport à la demande"))
    await user.should_see(marker="open-vote")
    await user.should_not_see(marker="nothing-to-vote")
