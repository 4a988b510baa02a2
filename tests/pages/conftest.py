from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from nicegui import app
from nicegui.testing import User

from atelier.context import Atelier
from atelier.domain import records
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.store import TinyDBSessionStore
from tests.conftest import T0, make_session

CODE = "ABCDEF"


@pytest.fixture
def seeded(data_dir: Path) -> str:
    """A démarche with phase 1 open, on disk before the app starts. Request it before `user`."""
    TinyDBSessionStore(data_dir).save(records.session_record(make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)))
    return CODE


def running() -> Atelier:
    return app.state.atelier


def set_value(user: User, marker: str, value) -> None:
    """Choose in a select/radio/toggle as a tap would (the simulated user cannot open menus)."""
    with user:
        for element in user.find(marker=marker).elements:
            element.value = value


async def join(user: User, code: str, *, role: str = "elu", commune: str = "Fontenelle", name: str = "") -> None:
    await user.open(f"/j/{code}")
    set_value(user, "role", role)
    set_value(user, "commune", commune)
    if name:
        user.find(marker="name").type(name)
    user.find(marker="start").click()
    await user.should_see(marker="send")


async def post_difficulty(user: User, text: str, *, theme: str = "Mobilité", risk: str = "eleve") -> None:
    user.find(marker="text").type(text)
    set_value(user, "theme", theme)
    set_value(user, "risk", risk)
    user.find(marker="send").click()
    await asyncio.sleep(0.05)  # let the send handler run (it awaits the disk) before the next step


@pytest.fixture
def analysed(data_dir: Path) -> str:
    """Phases 1 and 2 held, phase 1 reopened; on disk before the app starts. Request it before `user`.

    n° 1 and 2: two élus say the same about the evening bus (Mobilité, élevé), each +1'd by others;
    n° 3: a Santé difficulty (modéré); n° 4 and 5: two Santé ressources; n° 6: a Mobilité ressource (CCAS);
    n° 7: a préconisation of the Mission Locale (Mobilité); n° 8: hidden (Santé, faible).
    Mobilité: need 6 against an offer of 1; Santé: need 2 against 2.
    """
    s = make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)
    s.register_participant("alice", role="elu", commune="Fontenelle", now=T0)
    s.register_participant("bob", role="elu", commune="Vernoux", display_name="Bernard", now=T0)
    s.register_participant("carol", role="habitant", commune="Marcilly", now=T0)
    s.register_participant("ml", role="acteur_institutionnel", commune=None, structure="Mission Locale", now=T0)

    def post(author: str, kind: str, text: str, theme: str, **fields) -> None:
        s.add_contribution(author, kind=kind, text=text, theme=theme, now=T0, **fields)

    post("alice", "difficulte", "Pas de bus après 18 h", "Mobilité", risk="eleve")
    post("bob", "difficulte", "Aucun transport le soir", "Mobilité", risk="eleve")
    post("alice", "difficulte", "Six mois pour voir un dentiste", "Santé", risk="modere")
    post("bob", "ressource", "Maison de santé à Vernoux", "Santé")
    post("ml", "ressource", "Infirmières à domicile", "Santé", structure="SSIAD")
    post("ml", "ressource", "Navette solidaire du jeudi", "Mobilité", structure="CCAS")
    s.toggle_share("carol", 1, T0)
    s.toggle_share("carol", 2, T0)
    s.toggle_share("ml", 2, T0)
    s.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    s.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN, T0)
    post("ml", "preconisation", "Un transport à la demande", "Mobilité")
    s.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.CLOSED, T0)
    s.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN, T0)
    post("carol", "difficulte", "Hors sujet", "Santé", risk="faible")
    s.set_hidden(8, True, T0)
    TinyDBSessionStore(data_dir).save(records.session_record(s))
    return CODE
