"""The analysis screen between soirées: filters with counts, the gap map, evidence links and merges."""

from __future__ import annotations

from nicegui.testing import User

from atelier import texts
from tests.conftest import TOKEN
from tests.pages.conftest import card_buttons, join, merge, post_difficulty, running, set_value, tap


def options(user: User, marker: str) -> dict[str, str]:
    """The choices a facilitator reads when opening a filter."""
    with user:
        return dict(user.find(marker=marker).elements.pop().options)


async def test_analysis_screen_needs_the_facilitator_token(analysed: str, user: User) -> None:
    for path in [f"/f/{analysed}/analyse", f"/f/{analysed}/axes"]:
        response = await user.http_client.get(path)
        assert response.status_code == 403, path
        assert "Accès réservé à l'animation" in response.text
    response = await user.http_client.get(f"/f/ZZZZZZ/analyse?token={TOKEN}")
    assert response.status_code == 303 and TOKEN not in response.headers["location"], "the token leaves the address"
    response = await user.http_client.get(response.headers["location"])
    assert response.status_code == 404


async def test_console_links_to_the_analysis_and_axes_screens(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}?token={TOKEN}")
    await tap(user, "analyse-link")
    await user.should_see("Carte des écarts besoins / offre")
    await tap(user, "axes-link")
    await user.should_see("Aucun axe pour l'instant.")


async def test_facilitator_filters_the_contributions_and_reads_the_counts(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/analyse?token={TOKEN}")
    await user.should_see("7 comptées · 8 affichées sur 8")
    await user.should_see("3 difficultés · 3 ressources · 0 constat · 0 enjeu · 1 préconisation")
    await user.should_see("Signature : Mission Locale")
    await user.should_see("masquée, non comptée")  # n° 8 is listed with its state, not counted
    assert options(user, "filter-theme")["Mobilité"] == "Mobilité (4)"

    set_value(user, "filter-theme", "Mobilité")
    await user.should_see("4 comptées · 4 affichées sur 8")
    await user.should_see("2 difficultés · 1 ressource · 0 constat · 0 enjeu · 1 préconisation")
    await user.should_not_see(marker="analysis-3")
    assert options(user, "filter-theme")["Santé"] == "Santé (3)"  # what choosing Santé instead would give
    assert options(user, "filter-structure")["CCAS"] == "CCAS (1)"

    set_value(user, "filter-phase", "temoignages")
    await user.should_see("1 comptées · 1 affichées sur 8")
    await user.should_see("Un transport à la demande")
    await user.should_not_see(marker="analysis-1")

    set_value(user, "filter-phase", "*")
    set_value(user, "filter-theme", "Santé")
    await user.should_see("3 comptées · 4 affichées sur 8")
    await tap(user, "count-hidden")
    await user.should_see("4 comptées · 4 affichées sur 8")


async def test_gap_map_flags_the_theme_where_needs_outweigh_the_offer(analysed: str, create_user) -> None:
    facilitator: User = create_user()
    await facilitator.open(f"/f/{analysed}/analyse?token={TOKEN}")
    await facilitator.should_see("Besoins supérieurs à l'offre : Mobilité")
    flagged = facilitator.find(marker="gap-theme-flagged").elements.pop()
    assert "Santé" not in flagged.text  # need 2 against 2 ressources
    await facilitator.should_see("Besoins supérieurs à l'offre : Fontenelle, Vernoux")
    await facilitator.should_see("▲ Besoins > offre")

    phone: User = create_user()
    await join(phone, analysed, commune="Marcilly")
    await post_difficulty(phone, "Pas de crèche", theme="Petite enfance", risk="eleve")

    await facilitator.should_see("Besoins supérieurs à l'offre : Mobilité, Petite enfance")
    await facilitator.should_see("Besoins supérieurs à l'offre : Fontenelle, Marcilly, Vernoux")
    await facilitator.should_see("8 comptées · 9 affichées sur 9")


async def test_merging_two_contributions_keeps_both_shares(analysed: str, create_user) -> None:
    console: User = create_user()
    await console.open(f"/f/{analysed}?token={TOKEN}")
    facilitator: User = create_user()
    await facilitator.open(f"/f/{analysed}/analyse?token={TOKEN}")
    await facilitator.should_see("Fusion : cochez « À fusionner » sur deux contributions du même type.")

    await tap(facilitator, "pick-1")
    await tap(facilitator, "pick-2")
    await facilitator.should_see("Fusion : n° 1 et 2 choisies.")
    await tap(facilitator, "merge-open")
    facilitator.find(marker="merge-text").clear().type("Aucun bus ni transport le soir")
    await tap(facilitator, "merge-confirm")

    await facilitator.should_see(marker="analysis-9")  # the result, listed last
    await facilitator.should_see("Aucun bus ni transport le soir")
    # carol and ml
    await facilitator.should_see("Mobilité · Tout le territoire · Risque élevé · 2 personnes la partagent")
    await facilitator.should_see("n° 9 · Difficulté · État des lieux · fusion des n° 1 et 2")
    await facilitator.should_see("n° 1 · Difficulté · État des lieux · fusionnée dans n° 9, non comptée")
    await facilitator.should_see("6 comptées · 9 affichées sur 9")
    await facilitator.should_not_see(marker="not-used-1")  # its links, if any, went to n° 9
    await console.should_see("Aucun bus ni transport le soir")
    await console.should_see("n° 2 · Difficulté · fusionnée dans n° 9")
    assert texts.CONSOLE_HIDE not in card_buttons(console, "row-2")  # nothing to hide: out of every list already


async def test_merging_a_difficulty_with_a_resource_is_refused_in_french(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/analyse?token={TOKEN}")
    await merge(user, 1, 6)
    await user.should_see("On ne fusionne que deux contributions du même type.")
    assert running().service.get(analysed).contributions[1].merged_into is None
