"""The axes editor: the facilitator builds an axe line by line and backs it with contributions."""

from __future__ import annotations

from nicegui.testing import User

from tests.conftest import TOKEN
from tests.pages.conftest import running, set_value

WRITE = 30  # retries (0.1 s each): what a click changes shows once it is on disk


async def add_axis(user: User, axis_id: int, title: str) -> None:
    user.find(marker="new-axis-title").type(title)
    user.find(marker="add-axis").click()
    await user.should_see(marker=f"axis-title-{axis_id}", retries=WRITE)


async def add_line(user: User, section: str, axis_id: int, text: str, line_id: int) -> None:
    user.find(marker=f"new-{section}-{axis_id}").type(text)
    user.find(marker=f"add-{section}-{axis_id}").click()
    await user.should_see(marker=f"line-{line_id}", content=text, retries=WRITE)


async def test_facilitator_builds_an_axe_and_backs_it_with_a_contribution(analysed: str, create_user) -> None:
    axes: User = create_user()
    await axes.open(f"/f/{analysed}/axes?token={TOKEN}")
    await add_axis(axes, 1, "Se déplacer")
    await axes.should_see("Axe 1", retries=WRITE)
    await add_line(axes, "enjeux", 1, "L'isolement des hameaux", 2)
    await add_line(axes, "orientations", 1, "Développer la mobilité solidaire", 3)
    await add_line(axes, "pistes", 1, "Un transport à la demande", 4)
    axes.find(marker="axis-title-1").clear().type("Mieux se déplacer").trigger("keydown.enter")
    await axes.should_see("0 contribution d'appui", retries=WRITE)

    analysis: User = create_user()
    await analysis.open(f"/f/{analysed}/analyse?token={TOKEN}")
    analysis.find(marker="link-1").click()
    await analysis.should_see("Axe 1 — Mieux se déplacer", retries=WRITE)
    await analysis.should_see("Orientation : Développer la mobilité solidaire", retries=WRITE)
    analysis.find(marker="target-piste-4").click()

    await analysis.should_see("Piste d'action « Un transport à la demande » (axe « Mieux se déplacer »)", retries=WRITE)
    await axes.should_see("1 contribution d'appui", retries=WRITE)
    await axes.should_see("Pas de bus après 18 h", retries=WRITE)  # the list of contributions behind the axe
    analysis.find(marker="filter-unused").click()
    await analysis.should_not_see(marker="analysis-1", retries=WRITE)
    await analysis.should_see(marker="analysis-2", retries=WRITE)
    await analysis.should_not_see(marker="analysis-8", retries=WRITE)  # hidden: not « to place »

    analysis.find(marker="filter-unused").click()
    axes.find(marker="line-4").clear().type("Un transport à la demande le soir").trigger("blur")
    await analysis.should_see("Piste d'action « Un transport à la demande le soir » (axe « Mieux se déplacer »)",
                              retries=WRITE)

    analysis.find(marker="unlink-1-piste-4").click()
    await axes.should_see("0 contribution d'appui", retries=WRITE)
    await analysis.should_see(marker="not-used-1", retries=WRITE)
    await analysis.should_not_see("Piste d'action « Un transport à la demande le soir »", retries=WRITE)
    board = running().service.get(analysed).axes
    axis = board.axis(1)
    assert (axis.title, [line.text for line in axis.enjeux], [line.text for line in axis.pistes]) == (
        "Mieux se déplacer", ["L'isolement des hameaux"], ["Un transport à la demande le soir"])


async def test_axes_are_ordered_and_removed_with_confirmation(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    await add_axis(user, 1, "Se déplacer")
    await add_axis(user, 2, "Se soigner")
    user.find(marker="axis-up-2").click()
    await user.should_see(marker="axis-number-2", content="Axe 1", retries=WRITE)
    assert [a.title for a in running().service.get(analysed).axes.axes] == ["Se soigner", "Se déplacer"]

    user.find(marker="axis-remove-2").click()
    await user.should_see("Supprimer l'axe « Se soigner » ? Ses lignes, ses liens avec les contributions (0)",
                          retries=WRITE)
    user.find(marker="axis-remove-confirm").click()
    await user.should_not_see(marker="axis-2", retries=WRITE)
    await user.should_see(marker="axis-number-1", content="Axe 1", retries=WRITE)


async def test_a_piste_keeps_its_sub_lines_and_ctg_fields(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    await add_axis(user, 1, "Se déplacer")
    await add_line(user, "pistes", 1, "Un transport à la demande", 2)
    user.find(marker="piste-details-2").type("Réserver la veille\n\npar téléphone").trigger("blur")
    user.find(marker="piste-pilots-2").type("CC et CAF").trigger("blur")
    user.find(marker="piste-deadline-2").type("2027").trigger("keydown.enter")
    await user.should_see("Réserver la veille\npar téléphone", retries=WRITE)  # the blank line is dropped
    piste = running().service.get(analysed).axes.piste(2)
    assert (piste.details, piste.pilots, piste.deadline) == (
        ["Réserver la veille", "par téléphone"], "CC et CAF", "2027")


async def test_every_refusal_in_the_editor_is_said_in_french(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    user.find(marker="add-axis").click()
    await user.should_see("Donnez un titre à l'axe.", retries=WRITE)
    await add_axis(user, 1, "Se déplacer")
    user.find(marker="add-enjeux-1").click()
    await user.should_see("Écrivez la ligne avant de l'enregistrer.", retries=WRITE)
    set_value(user, "axis-title-1", "x" * 121)
    user.find(marker="axis-title-1").trigger("blur")
    await user.should_see("« Titre de l'axe » est trop long : 120 caractères au plus.", retries=WRITE)
    assert running().service.get(analysed).axes.axis(1).title == "Se déplacer"
