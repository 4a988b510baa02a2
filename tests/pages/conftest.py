from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from nicegui import app, background_tasks, ui
from nicegui.testing import User

from atelier.context import Atelier
from atelier.domain import records
from atelier.domain.axes import Target, TargetKind
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.store import TinyDBSessionStore
from tests.conftest import T0, build_axes, make_session

CODE = "ABCDEF"


@pytest.fixture
def seeded(data_dir: Path) -> str:
    """A démarche with phase 1 open, on disk before the app starts. Request it before `user`."""
    TinyDBSessionStore(data_dir).save(records.session_record(make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)))
    return CODE


def running() -> Atelier:
    return app.state.atelier


async def tap(user: User, marker: str) -> None:
    """Click, then wait for the handlers that click started (they await the disk) before the next step."""
    await _settled(lambda: user.find(marker=marker).click())


async def merge(user: User, first: int, second: int) -> None:
    """On the analysis screen: tick both contributions, open the merge dialog, confirm it as proposed."""
    for marker in (f"pick-{first}", f"pick-{second}", "merge-open", "merge-confirm"):
        await tap(user, marker)


async def fire(user: User, marker: str, event: str, args: object = None) -> None:
    """Like `tap` for another event: « blur » (leaving a field), « keydown.enter », a component's own…"""
    await _settled(lambda: user.find(marker=marker).trigger(event, args))


async def _settled(action: Callable[[], object]) -> None:
    before = set(background_tasks.running_tasks)
    action()
    started = background_tasks.running_tasks - before
    if started:
        await asyncio.wait(started, timeout=10)


def set_value(user: User, marker: str, value) -> None:
    """Choose in a select/radio/toggle as a tap would (the simulated user cannot open menus)."""
    with user:
        for element in user.find(marker=marker).elements:
            element.value = value


async def join(user: User, code: str, *, role: str = "elu", commune: str = "Fontenelle", name: str = "",
               structure: str = "", ready: str = "contribution-form") -> None:
    """Introduce this phone as profile_form.js does on « Commencer »; `ready` is the marker the main page
    shows once it is in (no form in phase 3)."""
    await user.open(f"/j/{code}")
    await fire(user, "profile", "save", {"role": role, "commune": commune, "structure": structure, "name": name})
    await user.should_see(marker=ready)


def form(user: User) -> ui.element:
    """The phone's contribution form (drawn by the browser from its props)."""
    return next(iter(user.find(marker="contribution-form").elements))


async def send(user: User, text: str, *, kind: str = "difficulte", theme: str = "Mobilité", risk: str = "",
               commune: str | None = None, structure: str = "") -> None:
    """« Envoyer », as contribution_form.js sends it; the commune is the one the form shows unless said."""
    if commune is None:
        commune = form(user).props["participantCommune"] or ""
    await fire(user, "contribution-form", "send", {"kind": kind, "text": text, "theme": theme, "commune": commune,
                                                    "risk": risk, "structure": structure})


async def post_difficulty(user: User, text: str, *, theme: str = "Mobilité", risk: str = "eleve") -> None:
    await send(user, text, theme=theme, risk=risk)


def sent_ok(user: User) -> bool:
    """The server's answer to the last « Envoyer »: True, and the browser clears the form for the next one."""
    return bool(form(user).props["outcome"]["ok"])


def card_buttons(user: User, marker: str) -> list[str]:
    """The buttons a card the browser draws shows, by their labels."""
    return [b["label"] for b in next(iter(user.find(marker=marker).elements)).props["buttons"]]


async def share(user: User, marker: str, cid: int) -> None:
    """« Je partage aussi » on contribution `cid` of a list the browser draws (« Déjà signalé ? », others')."""
    await fire(user, marker, "action", {"id": cid, "key": "share"})


async def act(user: User, marker: str, key: str) -> None:
    """Tap the button `key` of a card the browser draws (« edit », « delete », « share », « hide »…)."""
    await fire(user, marker, "action", key)


@pytest.fixture
def testimonies(data_dir: Path) -> str:
    """A démarche with the témoignages open and the Mission Locale speaking. Request it before `user`."""
    session = make_session(open_phase=PhaseKey.TEMOIGNAGES)
    session.witnesses.set_speaking(session.witnesses.add("Mission Locale", "service_public").id)
    TinyDBSessionStore(data_dir).save(records.session_record(session))
    return CODE


@pytest.fixture
def restitution(data_dir: Path) -> dict[str, int]:
    """Phase 1 ran (two difficultés, a ressource), the axes of `build_axes` are built, the first one backed by
    the two difficultés; the restitution is open. Returns the ids of `build_axes`. Request it before `user`."""
    session = make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)
    session.register_participant("seed", role="elu", commune="Vernoux", now=T0)
    bus = session.add_contribution("seed", kind="difficulte", text="Pas de bus", theme="Mobilité", risk="eleve",
                                   now=T0)
    permis = session.add_contribution("seed", kind="difficulte", text="Permis trop cher", theme="Mobilité",
                                      risk="modere", now=T0)
    session.add_contribution("seed", kind="ressource", text="Transport solidaire", theme="Mobilité", now=T0)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    ids = build_axes(session)
    session.link_evidence(bus.id, Target(TargetKind.AXIS, ids["mobility"]))
    session.link_evidence(permis.id, Target(TargetKind.PISTE, ids["permis"]))
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    TinyDBSessionStore(data_dir).save(records.session_record(session))
    return ids


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
