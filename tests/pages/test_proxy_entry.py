"""Someone without a smartphone: the facilitator types what they say, counted as theirs."""

from __future__ import annotations

from nicegui.testing import User

from tests.conftest import TOKEN
from tests.pages.conftest import running, set_value, tap


async def enter(console: User, text: str, theme: str = "Santé") -> None:
    console.find(marker="proxy-text").type(text)
    set_value(console, "proxy-theme", theme)
    set_value(console, "proxy-risk", "eleve")
    await tap(console, "proxy-save")


async def test_the_facilitator_enters_what_someone_without_a_phone_says(seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    console: User = create_user()
    await console.open(f"/f/{seeded}?token={TOKEN}")
    with console:
        console.find(marker="proxy").elements.pop().value = True
    set_value(console, "proxy-role", "elu")
    set_value(console, "proxy-commune", "Vernoux")
    console.find(marker="proxy-name").type("M. Durand")
    await enter(console, "Plus de médecin le samedi")
    await projection.should_see("Plus de médecin le samedi")
    await projection.should_see("1 participant")
    await enter(console, "La pharmacie ferme à midi")  # the same person again

    await tap(console, "proxy-new-person")
    set_value(console, "proxy-role", "habitant")
    set_value(console, "proxy-commune", "Marcilly")
    await enter(console, "Le cabinet infirmier est saturé")

    session = running().service.get(seeded)
    authors = [session.participants[c.author_id] for c in session.contributions.values()]
    assert [(p.display_name, p.role.value, p.commune) for p in authors] == [
        ("M. Durand", "elu", "Vernoux"), ("M. Durand", "elu", "Vernoux"), ("", "habitant", "Marcilly")]
    assert len(session.participants) == 2
    await projection.should_see("2 participants")


async def test_the_console_says_for_whom_it_was_saved(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    with user:
        user.find(marker="proxy").elements.pop().value = True
    set_value(user, "proxy-role", "elu")
    set_value(user, "proxy-commune", "Vernoux")
    await enter(user, "Plus de médecin le samedi")
    await user.should_see("Enregistrée pour la personne : Difficulté · Santé · Vernoux · Risque élevé.")
