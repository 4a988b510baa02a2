"""Phase 1 as the room lives it: phones join and post, the projection shows it, the facilitator moderates."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from nicegui import Client, app, background_tasks
from nicegui.storage import Storage
from nicegui.testing import User

from atelier.domain import records
from atelier.domain.changes import AddContribution, DeleteOwnContribution, SetHidden
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.pages import participant
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from tests.conftest import T0, TOKEN, make_session
from tests.pages.conftest import (
    CODE,
    act,
    fire,
    form,
    join,
    post_difficulty,
    running,
    send,
    sent_ok,
    set_value,
    share,
    tap,
)


async def test_phone_joins_posts_and_the_projection_shows_it(seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    await projection.should_see("Les premières contributions apparaîtront ici")
    phone: User = create_user()
    await join(phone, seeded, name="Anne")

    await post_difficulty(phone, "Pas de bus après 18 h")

    await projection.should_see("Pas de bus après 18 h")
    await projection.should_see("1 difficulté · 0 ressource · 1 participant")
    await projection.should_see("Fontenelle · Risque élevé")
    await phone.should_see("Merci ! Votre contribution est envoyée.")
    await phone.should_see(marker="mine-1")


async def test_projection_shows_qr_join_url_and_code(seeded: str, user: User) -> None:
    await user.open(f"/p/{seeded}")
    await user.should_see("http://192.168.1.20:8080", marker="join-url")  # two lines at most, broken before /j/
    await user.should_see("/j/ABCDEF", marker="join-url")
    await user.should_see(marker="qr")
    await user.should_see(marker="join-code")


async def test_resource_with_structure_goes_to_the_resources_column(seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    phone: User = create_user()
    await join(phone, seeded, role="acteur_local", commune="*")
    await send(phone, "Épicerie solidaire le mardi", kind="ressource", theme="Santé", structure="Secours populaire")
    await projection.should_see("Épicerie solidaire le mardi")
    await projection.should_see("Tout le territoire · Secours populaire")
    await projection.should_see("0 difficulté · 1 ressource")


async def test_closed_phase_refuses_posts_with_the_french_message(seeded: str, create_user) -> None:
    phone: User = create_user()
    await join(phone, seeded)
    # The facilitator closed the phase a moment before this phone's tap reached the server.
    running().service.get(seeded).set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED,
                                                   running().service.clock())
    await post_difficulty(phone, "Trop tard ?")
    await phone.should_see("La phase « État des lieux » n'est pas ouverte : les contributions sont fermées.")
    assert running().service.get(seeded).contributions == {}


async def test_closing_the_phase_turns_every_phone_form_into_a_waiting_message(seeded: str, create_user) -> None:
    phone: User = create_user()
    await join(phone, seeded)
    facilitator: User = create_user()
    await facilitator.open(f"/f/{seeded}?token={TOKEN}")
    await tap(facilitator, "close-etat_des_lieux")
    await facilitator.should_see("Vous pourrez la rouvrir.")
    await phone.should_see(marker="contribution-form")  # nothing closes before the facilitator confirms
    await tap(facilitator, "confirm-close-etat_des_lieux")
    await phone.should_see(marker="waiting")
    await phone.should_not_see(marker="contribution-form")
    await phone.should_see("État des lieux : contributions closes")
    await tap(facilitator, "ouverte-etat_des_lieux")
    await phone.should_see(marker="contribution-form")


async def test_empty_or_overlong_text_gets_a_clear_message_and_stores_nothing(seeded: str, user: User) -> None:
    await join(user, seeded)
    await post_difficulty(user, "   ")
    await user.should_see("Écrivez quelques mots avant d'envoyer.")
    assert not sent_ok(user)  # the form keeps what was typed
    await post_difficulty(user, "x" * 501)
    await user.should_see("500 caractères au plus (vous en avez 501)")
    assert running().service.get(seeded).contributions == {}


async def test_facilitator_hides_a_contribution_and_it_leaves_the_projection(seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    phone: User = create_user()
    await join(phone, seeded)
    await post_difficulty(phone, "Message déplacé")
    await projection.should_see("Message déplacé")
    facilitator: User = create_user()
    await facilitator.open(f"/f/{seeded}?token={TOKEN}")
    await facilitator.should_see("Message déplacé")

    await act(facilitator, "row-1", "hide")
    await projection.should_not_see("Message déplacé")
    await phone.should_see("Difficulté · Masquée par l'animation")
    await act(facilitator, "row-1", "hide")  # « Rétablir »
    await projection.should_see("Message déplacé")


async def test_facilitator_corrects_a_contribution_everywhere(seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    phone: User = create_user()
    await join(phone, seeded)
    await post_difficulty(phone, "Pas de bus le soi")
    facilitator: User = create_user()
    await facilitator.open(f"/f/{seeded}?token={TOKEN}")
    await act(facilitator, "row-1", "edit")
    facilitator.find(marker="moderate-text").clear().type("Pas de bus le soir")
    await tap(facilitator, "moderate-save")
    await projection.should_see("Pas de bus le soir")
    await phone.should_see("Pas de bus le soir")


async def test_console_filters_by_kind_theme_commune_and_state(seeded: str, create_user) -> None:
    phone: User = create_user()
    await join(phone, seeded, commune="Vernoux")
    await post_difficulty(phone, "Bus", theme="Mobilité")
    await post_difficulty(phone, "Médecins", theme="Santé")
    facilitator: User = create_user()
    await facilitator.open(f"/f/{seeded}?token={TOKEN}")
    await facilitator.should_see("2 affichées sur 2")
    set_value(facilitator, "filter-theme", "Santé")
    await facilitator.should_see("1 affichées sur 2")
    await facilitator.should_not_see(marker="row-1")
    set_value(facilitator, "filter-commune", "Fontenelle")
    await facilitator.should_see("0 affichées sur 2")
    set_value(facilitator, "filter-commune", "*")
    set_value(facilitator, "filter-kind", "ressource")
    await facilitator.should_see("0 affichées sur 2")
    set_value(facilitator, "filter-kind", "*")
    set_value(facilitator, "filter-theme", "*")
    await act(facilitator, "row-1", "hide")
    set_value(facilitator, "filter-visible", "hidden")
    await facilitator.should_see("1 affichées sur 2")
    await facilitator.should_not_see(marker="row-2")
    set_value(facilitator, "filter-visible", "visible")
    await facilitator.should_see("1 affichées sur 2")
    await facilitator.should_not_see(marker="row-1")


async def test_phone_edits_and_deletes_its_own_contribution(seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    phone: User = create_user()
    await join(phone, seeded)
    await post_difficulty(phone, "Premier jet")
    await act(phone, "mine-1", "edit")
    phone.find(marker="edit-text").clear().type("Version relue")
    await tap(phone, "edit-save")
    await projection.should_see("Version relue")
    await act(phone, "mine-1", "delete")
    await tap(phone, "delete-confirm")
    await projection.should_not_see("Version relue")
    await phone.should_see("Vous n'avez encore rien envoyé.")


async def test_others_share_a_difficulty_and_the_projection_counts_it(seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    first: User = create_user()
    await join(first, seeded)
    await post_difficulty(first, "Isolement des aînés")
    second: User = create_user()
    await join(second, seeded, commune="Vernoux")
    await tap(second, "others")
    with second:
        second.find(marker="others").elements.pop().value = True
    await second.should_see("Isolement des aînés")
    await share(second, "others-list", 1)
    await second.should_see("Partagé ✓")
    await projection.should_see("Fontenelle · Risque élevé · 1 personne la partage")
    await first.should_see("Mobilité · Fontenelle · Risque élevé · 1 personne la partage")


async def test_a_contribution_hidden_or_deleted_leaves_the_others_list_of_every_phone_at_once(
        seeded: str, create_user) -> None:
    first: User = create_user()
    await join(first, seeded)
    await post_difficulty(first, "Hors sujet : la fête du village")
    await post_difficulty(first, "Pas de médecin le week-end")
    second: User = create_user()
    await join(second, seeded, commune="Vernoux")
    with second:
        second.find(marker="others").elements.pop().value = True
    await second.should_see("Hors sujet : la fête du village")
    await running().service.apply(seeded, SetHidden(1, True))  # the facilitator, from the console
    await second.should_not_see("Hors sujet : la fête du village")
    author = running().service.get(seeded).contributions[2].author_id
    await running().service.apply(seeded, DeleteOwnContribution(author, 2))  # its author, from another phone
    await second.should_not_see("Pas de médecin le week-end")


async def test_two_taps_on_envoyer_while_the_first_is_saved_store_one_post(seeded: str, user: User) -> None:
    await join(user, seeded)
    post = {"kind": "difficulte", "text": "Pas de pharmacie de garde", "theme": "Santé", "commune": "Fontenelle",
            "risk": "eleve", "structure": ""}
    tap_once = lambda: user.find(marker="contribution-form").trigger("send", post)  # noqa: E731
    await _settled_both(tap_once, tap_once)
    await user.should_see("Pas de pharmacie de garde")
    stored = [c.text for c in running().service.get(seeded).contributions.values()]
    assert stored == ["Pas de pharmacie de garde"]


async def _settled_both(*taps) -> None:  # type: ignore[no-untyped-def]
    """Both taps land before the first post is on disk, as a double tap in a busy room does."""
    before = set(background_tasks.running_tasks)
    for tap_once in taps:
        tap_once()
    started = background_tasks.running_tasks - before
    if started:
        await asyncio.wait(started, timeout=10)


async def test_a_phone_that_reloads_is_still_the_same_participant(seeded: str, user: User) -> None:
    await join(user, seeded, name="Anne")
    await post_difficulty(user, "Logements vacants")
    await user.open(f"/j/{seeded}")
    await user.should_see("Vous : Anne · Élu·e · Fontenelle")
    await user.should_see("Logements vacants")
    await user.should_not_see(marker="profile")
    assert len(running().service.get(seeded).participants) == 1


async def test_a_phone_stays_the_same_participant_when_the_servers_per_browser_files_are_lost(
        seeded: str, user: User) -> None:
    """Its identity comes from its own signed cookie: a full disk or a lost `.nicegui` file changes nothing."""
    await join(user, seeded, name="Anne")
    await post_difficulty(user, "Logements vacants")
    for stored in list(app.storage._users.values()):  # what the server keeps per browser, gone
        stored.clear()
    await user.open(f"/j/{seeded}")
    await user.should_see("Vous : Anne · Élu·e · Fontenelle")
    await user.should_see("Logements vacants")
    assert len(running().service.get(seeded).participants) == 1


async def test_a_phone_posting_too_often_is_told_to_wait_and_keeps_its_text(seeded: str, user: User) -> None:
    await join(user, seeded)
    for n in range(10):  # the allowance: 10 a minute
        await post_difficulty(user, f"Difficulté numéro {n}")
    await post_difficulty(user, "Une de trop")
    await user.should_see("Vous avez envoyé beaucoup de contributions en une minute")
    assert not sent_ok(user)  # the browser keeps « Une de trop » in the form
    assert len(running().service.get(seeded).contributions) == 10


async def test_a_browser_opening_the_join_page_too_often_is_told_to_wait(
        seeded: str, user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    # The test client comes from the laptop itself (exempt, as a proxy in front would be): a phone on the Wi-Fi.
    monkeypatch.setattr(participant, "client_address", lambda request: "192.168.1.23")
    statuses = [(await user.http_client.get(f"/j/{seeded}")).status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60 and statuses[60] == 429
    held = len(Client.instances)
    pages = [await user.http_client.get(f"/j/{seeded}") for _ in range(20)]
    assert all(page.status_code == 429 and "Attendez une minute" in page.text for page in pages)
    assert pages[0].headers["retry-after"] == "60"
    assert len(Client.instances) == held, "a refused load leaves no page in the server's memory"


async def test_opening_the_join_page_writes_no_per_browser_file(seeded: str, user: User) -> None:
    for _ in range(20):  # 20 browsers that open the page and never connect
        user.http_client.cookies.clear()
        assert (await user.http_client.get(f"/j/{seeded}")).status_code == 200
    await asyncio.sleep(0.5)
    assert not list(Storage.path.glob("storage-user-*.json"))


async def test_everything_is_still_there_after_a_restart(seeded: str, data_dir: Path, user: User) -> None:
    await join(user, seeded)
    await post_difficulty(user, "Aucune crèche")
    restarted = SessionService(TinyDBSessionStore(data_dir))
    session = restarted.get(seeded)
    assert [c.text for c in session.contributions.values()] == ["Aucune crèche"]
    assert list(session.participants) == list(running().service.get(seeded).participants)
    restarted.close()


async def test_the_console_draws_a_long_list_a_page_at_a_time(data_dir: Path, user: User) -> None:
    """120 contributions: the newest 50 are drawn, « Voir les 50 suivantes » draws more; a post adds
    its row at the top and the oldest drawn one leaves, so a post costs the same whatever the size."""
    session = make_session()
    session.register_participant("alice", role="elu", commune="Fontenelle", now=T0)
    for i in range(1, 121):
        session.add_contribution("alice", kind="difficulte", text=f"Difficulté {i}", theme="Santé", risk="faible",
                                 now=T0)
    TinyDBSessionStore(data_dir).save(records.session_record(session))
    await user.open(f"/f/{CODE}?token={TOKEN}")
    await user.should_see("120 affichées sur 120")
    await user.should_see(marker="row-120")
    await user.should_see(marker="row-71")
    await user.should_not_see(marker="row-70")
    await user.should_see("Voir les 50 suivantes")

    await running().service.apply(CODE, AddContribution("alice", kind="difficulte", text="La toute dernière",
                                                        theme="Santé", risk="faible"))
    await user.should_see("La toute dernière")
    await user.should_see("121 affichées sur 121")
    await user.should_not_see(marker="row-71")  # the page keeps its length

    await tap(user, "console-more")
    await user.should_see(marker="row-22")
    await user.should_not_see(marker="row-21")
    await user.should_see("Voir les 21 suivantes")


async def test_a_phase_date_typed_in_the_console_is_kept_corrected_and_cleared(seeded: str, user: User) -> None:
    """The date the browser has when the field is left is the one saved, and a reload shows it."""
    await user.open(f"/f/{seeded}?token={TOKEN}")
    await fire(user, "date-etat_des_lieux", "change", "2025-11-14")
    phases = running().service.find(seeded).phases  # type: ignore[union-attr]
    assert phases[PhaseKey.ETAT_DES_LIEUX].date == date(2025, 11, 14)
    await fire(user, "date-etat_des_lieux", "change", "2025-11-21")  # corrected
    assert phases[PhaseKey.ETAT_DES_LIEUX].date == date(2025, 11, 21)

    await user.open(f"/f/{seeded}")  # a reload
    assert field_value(user, "date-etat_des_lieux") == "2025-11-21"
    await fire(user, "date-etat_des_lieux", "change", "")  # cleared
    assert phases[PhaseKey.ETAT_DES_LIEUX].date is None
    await user.open(f"/f/{seeded}")
    assert field_value(user, "date-etat_des_lieux") == ""


def field_value(user: User, marker: str) -> object:
    with user:
        return next(iter(user.find(marker=marker).elements)).value  # type: ignore[attr-defined]


async def test_after_a_post_the_form_is_back_to_the_participant_s_commune_and_no_structure(
        seeded: str, user: User) -> None:
    """A ressource of Vernoux signed « ADMR » must not make the next difficulté Vernoux's or ADMR's."""
    await join(user, seeded, commune="Fontenelle")
    await send(user, "Un portage de repas", kind="ressource", theme="Santé", commune="Vernoux", structure="ADMR")
    await user.should_see("Merci ! Votre contribution est envoyée.")
    # The browser clears the form on this answer, and goes back to the participant's commune.
    assert sent_ok(user) and form(user).props["participantCommune"] == "Fontenelle"
    posted = list(running().service.find(seeded).contributions.values())  # type: ignore[union-attr]
    assert [(c.commune, c.structure) for c in posted] == [("Vernoux", "ADMR")]


async def test_the_facilitator_adds_dates_corrects_and_removes_another_meeting_of_the_calendar(
        seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    user.find(marker="new-step-title").type("Présentation de la démarche aux élus")
    set_value(user, "new-step-date", "2025-06-12")
    await tap(user, "add-step")
    await user.should_see(marker="step-title-1")
    calendar = running().service.find(seeded).calendar  # type: ignore[union-attr]
    assert [(s.title, s.date) for s in calendar.steps] == [("Présentation de la démarche aux élus", date(2025, 6, 12))]

    await fire(user, "step-date-1", "change", "2025-06-19")  # corrected
    await fire(user, "step-date-1", "change", "19/06/2025")  # not what a date field sends: ignored, not cleared
    user.find(marker="step-title-1").clear().type("Présentation aux élus")
    await fire(user, "step-title-1", "blur")
    assert [(s.title, s.date) for s in calendar.steps] == [("Présentation aux élus", date(2025, 6, 19))]

    await tap(user, "add-step")  # no title
    await user.should_see("Donnez un titre à l'étape (par exemple « Comité de pilotage »).")
    await tap(user, "step-remove-1")
    await user.should_not_see(marker="step-title-1")
    assert calendar.steps == []


async def test_after_sending_the_form_starts_blank_and_says_what_was_sent(seeded: str, user: User) -> None:
    await join(user, seeded, commune="Fontenelle")
    # this difficulté is about another commune
    await send(user, "Pas de bus après 18 h", theme="Santé", risk="modere", commune="Vernoux")
    await user.should_see("Difficulté · Santé · Vernoux · Risque modéré.")
    assert sent_ok(user)  # the browser starts the next one blank (tests/browser: the fields are empty)
    assert form(user).props["participantCommune"] == "Fontenelle"
