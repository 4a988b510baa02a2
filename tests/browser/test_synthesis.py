"""Assisted synthesis in real browsers: « Déjà signalé ? » while a phone types, then the suggested groups
on the analysis screen, one of which becomes an axe with its contributions as evidence."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from atelier import texts
from atelier.domain.model import PhaseKey, Role
from tests.browser.actions import choose, create_session, join, phase_button, post, save_artifact, text_field
from tests.browser.room import Room
from tests.browser.server import Server

pytestmark = pytest.mark.browser

BUS = "Plus aucun bus le soir après 18 heures pour rentrer du travail"


def test_a_phone_typing_what_was_already_said_is_offered_to_share_it(room: Room, server: Server) -> None:
    console = room.facilitator()
    code = create_session(console, territory="CC du Val", communes=["Fontenelle", "Vernoux"],
                          themes=["Mobilité", "Santé"])
    phase_button(console, PhaseKey.ETAT_DES_LIEUX, texts.CONSOLE_OPEN_PHASE).click()
    anne, marc = room.phone(), room.phone()
    join(anne, server.url(f"/j/{code}"), role=Role.ELU, commune="Fontenelle")
    post(anne, BUS, theme="Mobilité")
    join(marc, server.url(f"/j/{code}"), role=Role.ELU, commune="Vernoux")

    text_field(marc).press_sequentially("Il n'y a pas de bus le soir après 18 h", delay=40)
    panel = marc.get_by_text(texts.PHONE_SIMILAR_TITLE)
    expect(panel).to_be_visible()
    expect(marc.get_by_text(BUS, exact=True)).to_be_visible()
    marc.get_by_role("button", name=texts.PHONE_SHARE).first.click()
    expect(marc.get_by_role("button", name=texts.PHONE_SHARED)).to_be_visible()
    save_artifact(marc, "phone-already-reported")
    expect(text_field(marc)).to_have_value("Il n'y a pas de bus le soir après 18 h")  # still theirs to send


POSTS = {  # two phones, four posts each (the rate limit allows ten a minute)
    "anne": [("Pas de bus le soir après 18 heures pour rentrer du travail", "Mobilité"),
             ("Six mois d'attente pour voir un médecin généraliste", "Santé"),
             ("Pas assez de places en crèche pour les jeunes parents", "Petite enfance"),
             ("Le transport à la demande ne dessert pas les hameaux le soir", "Mobilité")],
    "marc": [("Aucun médecin généraliste ne prend de nouveaux patients", "Santé"),
             ("Les jeunes sans permis ne trouvent pas de bus pour aller au travail", "Mobilité"),
             ("La crèche ferme trop tôt pour les parents qui travaillent loin", "Petite enfance"),
             ("Plus de dentiste ni de médecin à moins de trente kilomètres", "Santé")],
}


def test_a_suggested_group_accepted_on_the_analysis_screen_becomes_an_axe_with_its_evidence(
        room: Room, server: Server) -> None:
    console = room.facilitator()
    code = create_session(console, territory="CC du Val", communes=["Fontenelle", "Vernoux"],
                          themes=["Mobilité", "Santé", "Petite enfance"])
    phase_button(console, PhaseKey.ETAT_DES_LIEUX, texts.CONSOLE_OPEN_PHASE).click()
    for name, commune in (("anne", "Fontenelle"), ("marc", "Vernoux")):
        phone = room.phone()
        join(phone, server.url(f"/j/{code}"), role=Role.ELU, commune=commune)
        for text, theme in POSTS[name]:
            post(phone, text, theme=theme)

    console.goto(server.url(f"/f/{code}/analyse"))
    choose(console, texts.GROUPS_COUNT, "3")
    console.get_by_role("button", name=texts.GROUPS_SUGGEST).click()
    # The first question starts the worker process (scikit-learn is loaded there): seconds on a busy machine.
    expect(console.get_by_text("3 regroupements proposés à partir de 8 contributions affichées.")) \
        .to_be_visible(timeout=30_000)
    health = console.locator(".suggested-group").filter(
        has=console.get_by_text("Aucun médecin généraliste ne prend de nouveaux patients", exact=True)).filter(
        has=console.get_by_text("Six mois d'attente pour voir un médecin généraliste", exact=True)).first
    expect(health.get_by_text("Termes communs", exact=False).first).to_be_visible()
    save_artifact(console, "synthesis-groups", full_page=True)
    health.get_by_label(texts.GROUPS_ACCEPT_TITLE).fill("Accéder aux soins")
    health.get_by_role("button", name=texts.GROUPS_ACCEPT, exact=True).click()
    expect(health.get_by_text("Accepté : Axe « Accéder aux soins »", exact=False)).to_be_visible()

    console.get_by_role("link", name=texts.GROUPS_SEE_AXES).click()
    expect(console.get_by_role("textbox", name="Titre", exact=True)).to_have_value("Accéder aux soins")
    expect(console.get_by_text("3 contributions d'appui", exact=False).first).to_be_visible()
