"""Phase 2 in the console: the structures that testify, and who is speaking now."""

from __future__ import annotations

from nicegui.testing import User

from tests.conftest import TOKEN
from tests.pages.conftest import running, set_value

WRITE = 30  # retries (0.1 s each): what a click changes shows once it is on disk


async def add_structure(user: User, name: str, kind: str, structure_id: int) -> None:
    user.find(marker="structure-name").type(name)
    set_value(user, "structure-type", kind)
    user.find(marker="structure-add").click()
    await user.should_see(marker=f"structure-{structure_id}", retries=WRITE)


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

    facilitator.find(marker="speak-1").click()
    await facilitator.should_see("Parle maintenant : Mission Locale", retries=WRITE)
    await other_tab.should_see("Parle maintenant : Mission Locale", retries=WRITE)
    facilitator.find(marker="speak-2").click()  # one at a time: the ADMR takes over
    await other_tab.should_see("Parle maintenant : ADMR", retries=WRITE)
    facilitator.find(marker="speak-none").click()
    await other_tab.should_see("Personne ne parle pour le moment.", retries=WRITE)
    witnesses = running().service.get(seeded).witnesses
    assert [(s.name, s.type.value) for s in witnesses.structures] == [
        ("Mission Locale", "service_public"), ("ADMR", "association")]
    assert witnesses.speaking is None


async def test_structures_are_renamed_removed_and_duplicates_refused(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    await add_structure(user, "CCAS de Vernoux", "collectivite", 1)
    user.find(marker="speak-1").click()
    await user.should_see("Parle maintenant : CCAS de Vernoux", retries=WRITE)

    user.find(marker="structure-name").type("ccas de vernoux")
    user.find(marker="structure-add").click()
    await user.should_see("La structure « ccas de vernoux » est déjà dans la liste.", retries=WRITE)

    user.find(marker="structure-edit-1").click()
    user.find(marker="structure-edit-name").clear().type("CIAS du Val")
    user.find(marker="structure-edit-save").click()
    await user.should_see("Parle maintenant : CIAS du Val", retries=WRITE)

    user.find(marker="structure-remove-1").click()
    await user.should_see("Aucune structure pour l'instant.", retries=WRITE)
    await user.should_see("Personne ne parle pour le moment.")  # removing the speaker ends its turn
