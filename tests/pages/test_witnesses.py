"""Phase 2 in the console: the structures that testify, and who is speaking now."""

from __future__ import annotations

from nicegui.testing import User

from tests.conftest import TOKEN
from tests.pages.conftest import running, set_value, tap


async def add_structure(user: User, name: str, kind: str, structure_id: int) -> None:
    user.find(marker="structure-name").type(name)
    set_value(user, "structure-type", kind)
    await tap(user, "structure-add")
    await user.should_see(marker=f"structure-{structure_id}")


async def test_facilitator_lists_the_structures_and_marks_who_speaks(seeded: str, create_user) -> None:
    facilitator: User = create_user()
    await facilitator.open(f"/f/{seeded}?token={TOKEN}")
    other_tab: User = create_user()
    await other_tab.open(f"/f/{seeded}?token={TOKEN}")
    await facilitator.should_see("Aucune structure pour l'instant.")

    await add_structure(facilitator, "Mission Locale", "service_public", 1)
    await add_structure(facilitator, "ADMR", "association", 2)
    await facilitator.should_see("Service public")
    await facilitator.should_see("Personne ne parle pour le moment.")

    await tap(facilitator, "speak-1")
    await facilitator.should_see("Parle maintenant : Mission Locale")
    await other_tab.should_see("Parle maintenant : Mission Locale")
    await tap(facilitator, "speak-2")  # one at a time: the ADMR takes over
    await other_tab.should_see("Parle maintenant : ADMR")
    await tap(facilitator, "speak-none")
    await other_tab.should_see("Personne ne parle pour le moment.")
    witnesses = running().service.get(seeded).witnesses
    assert [(s.name, s.type.value) for s in witnesses.structures] == [
        ("Mission Locale", "service_public"), ("ADMR", "association")]
    assert witnesses.speaking is None


async def test_structures_are_renamed_removed_and_duplicates_refused(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    await add_structure(user, "CCAS de Vernoux", "collectivite", 1)
    await tap(user, "speak-1")
    await user.should_see("Parle maintenant : CCAS de Vernoux")

    user.find(marker="structure-name").type("ccas de vernoux")
    await tap(user, "structure-add")
    await user.should_see("La structure « ccas de vernoux » est déjà dans la liste.")

    await tap(user, "structure-edit-1")
    user.find(marker="structure-edit-name").clear().type("CIAS du Val")
    await tap(user, "structure-edit-save")
    await user.should_see("Parle maintenant : CIAS du Val")

    await tap(user, "structure-remove-1")
    await user.should_see("Aucune structure pour l'instant.")
    await user.should_see("Personne ne parle pour le moment.")  # removing the speaker ends its turn
