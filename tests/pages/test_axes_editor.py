"""The axes editor: the facilitator builds an axe line by line and backs it with contributions."""

from __future__ import annotations

from nicegui.testing import User

from tests.conftest import TOKEN
from tests.pages.conftest import fire, running, set_value, tap


async def editor(create_user, code: str) -> User:  # type: ignore[no-untyped-def]
    """One more facilitator tab on the axes editor."""
    user: User = create_user()
    await user.open(f"/f/{code}/axes?token={TOKEN}")
    return user


async def add_axis(user: User, axis_id: int, title: str) -> None:
    user.find(marker="new-axis-title").type(title)
    await tap(user, "add-axis")
    await user.should_see(marker=f"axis-title-{axis_id}")


async def add_line(user: User, section: str, axis_id: int, text: str, line_id: int) -> None:
    user.find(marker=f"new-{section}-{axis_id}").type(text)
    await tap(user, f"add-{section}-{axis_id}")
    await user.should_see(marker=f"line-{line_id}", content=text)


async def test_facilitator_builds_an_axe_and_backs_it_with_a_contribution(analysed: str, create_user) -> None:
    axes = await editor(create_user, analysed)
    await add_axis(axes, 1, "Se déplacer")
    await axes.should_see("Axe 1")
    await add_line(axes, "enjeux", 1, "L'isolement des hameaux", 2)
    await add_line(axes, "orientations", 1, "Développer la mobilité solidaire", 3)
    await add_line(axes, "pistes", 1, "Un transport à la demande", 4)
    axes.find(marker="axis-title-1").clear().type("Mieux se déplacer")
    await fire(axes, "axis-title-1", "keydown.enter")
    await axes.should_see("0 contribution d'appui")

    analysis: User = create_user()
    await analysis.open(f"/f/{analysed}/analyse?token={TOKEN}")
    await tap(analysis, "link-1")
    await analysis.should_see("Axe 1 — Mieux se déplacer")
    await analysis.should_see("Orientation : Développer la mobilité solidaire")
    await tap(analysis, "target-piste-4")

    await analysis.should_see("Piste d'action « Un transport à la demande » (axe « Mieux se déplacer »)")
    await axes.should_see("1 contribution d'appui")
    await axes.should_see("Pas de bus après 18 h")  # the list of contributions behind the axe
    await tap(analysis, "filter-unused")
    await analysis.should_not_see(marker="analysis-1")
    await analysis.should_see(marker="analysis-2")
    await analysis.should_not_see(marker="analysis-8")  # hidden: not « to place »

    await tap(analysis, "filter-unused")
    axes.find(marker="line-4").clear().type("Un transport à la demande le soir")
    await fire(axes, "line-4", "blur")
    await analysis.should_see("Piste d'action « Un transport à la demande le soir » (axe « Mieux se déplacer »)")

    await tap(analysis, "unlink-1-piste-4")
    await axes.should_see("0 contribution d'appui")
    await analysis.should_see(marker="not-used-1")
    await analysis.should_not_see("Piste d'action « Un transport à la demande le soir »")
    board = running().service.get(analysed).axes
    axis = board.axis(1)
    assert (axis.title, [line.text for line in axis.enjeux], [line.text for line in axis.pistes]) == (
        "Mieux se déplacer", ["L'isolement des hameaux"], ["Un transport à la demande le soir"])


async def test_axes_are_ordered_and_removed_with_confirmation(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    await add_axis(user, 1, "Se déplacer")
    await add_axis(user, 2, "Se soigner")
    await tap(user, "axis-up-2")
    await user.should_see(marker="axis-number-2", content="Axe 1")
    assert [a.title for a in running().service.get(analysed).axes.axes] == ["Se soigner", "Se déplacer"]

    await tap(user, "axis-remove-2")
    await user.should_see("Supprimer l'axe « Se soigner » ? Ses lignes, ses liens avec les contributions (0)")
    await tap(user, "axis-remove-confirm")
    await user.should_not_see(marker="axis-2")
    await user.should_see(marker="axis-number-1", content="Axe 1")


async def test_a_piste_keeps_its_sub_lines_and_ctg_fields(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    await add_axis(user, 1, "Se déplacer")
    await add_line(user, "pistes", 1, "Un transport à la demande", 2)
    user.find(marker="piste-details-2").type("Réserver la veille\n\npar téléphone")
    await fire(user, "piste-details-2", "blur")
    user.find(marker="piste-pilots-2").type("CC et CAF")
    await fire(user, "piste-pilots-2", "blur")
    user.find(marker="piste-deadline-2").type("2027")
    await fire(user, "piste-deadline-2", "keydown.enter")
    await user.should_see("Réserver la veille\npar téléphone")  # the blank line is dropped
    piste = running().service.get(analysed).axes.piste(2)
    assert (piste.details, piste.pilots, piste.deadline) == (
        ["Réserver la veille", "par téléphone"], "CC et CAF", "2027")


async def test_every_refusal_in_the_editor_is_said_in_french(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    await tap(user, "add-axis")
    await user.should_see("Donnez un titre à l'axe.")
    await add_axis(user, 1, "Se déplacer")
    await tap(user, "add-enjeux-1")
    await user.should_see("Écrivez la ligne avant de l'enregistrer.")
    set_value(user, "axis-title-1", "x" * 121)
    await fire(user, "axis-title-1", "blur")
    await user.should_see("« Titre de l'axe » est trop long : 120 caractères au plus.")
    assert running().service.get(analysed).axes.axis(1).title == "Se déplacer"


async def test_a_pasted_list_gives_one_line_each_and_a_too_long_one_is_refused_with_its_length(
        analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    await add_axis(user, 1, "Se déplacer")
    user.find(marker="new-pistes-1").type("- Un transport à la demande\n• Une permanence mobile\n\n"
                                          "3) Aider au permis\n▶ Un garage solidaire")
    await tap(user, "add-pistes-1")
    await user.should_see(marker="line-5", content="Un garage solidaire")
    pistes = running().service.get(analysed).axes.axis(1).pistes
    assert [p.text for p in pistes] == ["Un transport à la demande", "Une permanence mobile", "Aider au permis",
                                        "Un garage solidaire"]

    user.find(marker="new-enjeux-1").type("L'isolement des hameaux\n" + "très " * 70)
    await tap(user, "add-enjeux-1")
    await user.should_see("La ligne 2 fait 349 caractères : 300 au plus. Raccourcissez-la ; rien n'a été ajouté.")
    assert running().service.get(analysed).axes.axis(1).enjeux == []  # nothing half-added


def field_text(user: User, marker: str) -> str:
    with user:
        return next(iter(user.find(marker=marker).elements)).value  # type: ignore[attr-defined]


async def test_a_correction_typed_in_one_tab_survives_lines_added_moved_and_removed_in_another(
        analysed: str, create_user) -> None:
    first = await editor(create_user, analysed)
    await add_axis(first, 1, "Se déplacer")
    await add_line(first, "pistes", 1, "Un transport", 2)
    await add_line(first, "pistes", 1, "Aider au permis", 3)
    second = await editor(create_user, analysed)
    first.find(marker="line-2").clear().type("Un transport à la demande le soir")  # typing, not saved yet

    await add_line(second, "pistes", 1, "Un garage solidaire", 4)
    await first.should_see(marker="line-4")
    assert field_text(first, "line-2") == "Un transport à la demande le soir"
    await tap(second, "line-up-4")  # moved to the middle
    await tap(second, "line-remove-3")
    await first.should_not_see(marker="line-3")
    assert field_text(first, "line-2") == "Un transport à la demande le soir"
    assert [p.text for p in running().service.get(analysed).axes.axis(1).pistes] == ["Un transport",
                                                                                      "Un garage solidaire"]
    with first:  # the arrows on the first tab follow the order: « Un garage solidaire » is last now
        enabled = {m: next(iter(first.find(marker=m).elements)).enabled  # type: ignore[attr-defined]
                   for m in ("line-up-2", "line-down-2", "line-up-4", "line-down-4")}
    assert enabled == {"line-up-2": False, "line-down-2": True, "line-up-4": True, "line-down-4": False}
    await fire(first, "line-2", "blur")  # now saved
    assert running().service.get(analysed).axes.axis(1).pistes[0].text == "Un transport à la demande le soir"


async def test_typing_in_the_link_dialog_keeps_the_matching_lines_and_their_axe(analysed: str, create_user) -> None:
    axes = await editor(create_user, analysed)
    await add_axis(axes, 1, "Se déplacer")
    await add_line(axes, "pistes", 1, "Un transport à la demande", 2)
    await add_line(axes, "pistes", 1, "Aider au permis", 3)
    await add_axis(axes, 4, "Se soigner")
    await add_line(axes, "pistes", 4, "Une maison de santé", 5)
    analysis: User = create_user()
    await analysis.open(f"/f/{analysed}/analyse?token={TOKEN}")
    await tap(analysis, "link-1")
    analysis.find(marker="link-search").type("PERMIS")  # case aside
    await analysis.should_see(marker="target-piste-3")
    await analysis.should_see(marker="target-axe-1")  # the axe it is under
    await analysis.should_not_see(marker="target-piste-2")
    await analysis.should_not_see(marker="target-axe-4")
    analysis.find(marker="link-search").clear().type("sante")  # accents aside
    await analysis.should_see(marker="target-piste-5")
    await analysis.should_not_see(marker="target-piste-3")


async def test_pistes_are_typed_under_their_orientation_moved_elsewhere_and_a_removal_undone(
        analysed: str, create_user) -> None:
    user = await editor(create_user, analysed)
    await add_axis(user, 1, "Se déplacer")
    await add_line(user, "orientations", 1, "Développer la mobilité solidaire", 2)
    await add_line(user, "piste", 2, "Un transport à la demande", 3)  # the field under the orientation
    await add_line(user, "piste", 2, "Aider au permis", 4)
    await add_axis(user, 5, "Se soigner")
    await add_line(user, "orientations", 5, "Attirer des médecins", 6)
    other = await editor(create_user, analysed)
    board = running().service.get(analysed).axes
    assert [p.text for p in board.axis(1).pistes_under(2)] == ["Un transport à la demande", "Aider au permis"]

    await tap(user, "piste-move-4")
    await user.should_see("Axe 2 — Attirer des médecins")
    with user:
        here = next(iter(user.find(marker="move-4-to-1-2").elements))
        assert not here.enabled  # where it already is
    await tap(user, "move-4-to-5-6")
    await other.should_see(marker="line-4")
    assert [p.id for p in board.axis(5).pistes_under(6)] == [4] and board.axis(1).pistes_under(2)[0].id == 3
    with other:  # the piste's editor now sits in the second axe's orientation
        card = next(iter(other.find(marker="axis-5").elements))
        assert any(e.id == next(iter(other.find(marker="line-4").elements)).id for e in card.descendants())

    await tap(user, "line-remove-2")  # the orientation: its piste stays, directly under the axe
    await other.should_see("Supprimé : ligne « Développer la mobilité solidaire ».")
    assert board.axis(1).orientations == [] and [p.id for p in board.axis(1).pistes_under(None)] == [3]
    await tap(other, "undo-removal-button")
    await user.should_see(marker="line-2")
    await user.should_not_see("Supprimé : ligne")
    assert [p.id for p in board.axis(1).pistes_under(2)] == [3]


async def test_a_line_changed_in_another_tab_while_typed_here_says_so_under_the_field(
        analysed: str, create_user) -> None:
    first = await editor(create_user, analysed)
    await add_axis(first, 1, "Se déplacer")
    await add_line(first, "enjeux", 1, "L'isolement", 2)
    second = await editor(create_user, analysed)
    first.find(marker="line-2").clear().type("L'isolement des hameaux")  # typing, not saved yet
    second.find(marker="line-2").clear().type("L'isolement des aînés")
    await fire(second, "line-2", "blur")  # saved in the other tab
    await first.should_see(marker="line-2")
    with first:
        field = next(iter(first.find(marker="line-2").elements))
        assert field.value == "L'isolement des hameaux"  # the typing is kept…
        assert "« L'isolement des aînés »" in field.props.get("hint", "")  # …and the other text shown
    await fire(first, "line-2", "blur")  # keeping one's own text is a choice
    with first:
        assert "hint" not in next(iter(first.find(marker="line-2").elements)).props
    assert running().service.get(analysed).axes.axis(1).enjeux[0].text == "L'isolement des hameaux"
