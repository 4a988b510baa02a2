"""Nothing destroyed by one tap: a line that takes more than its text asks first, every removal (and a
merge) can be undone at once with « Annuler », and « Éléments supprimés » puts back older ones."""

from __future__ import annotations

from nicegui.testing import User

from atelier.domain.axes import Target, TargetKind
from atelier.domain.changes import AddAxis, AddAxisLine, AddStructure, LinkEvidence, RemoveStructure, SetPistePlan
from tests.conftest import TOKEN
from tests.pages.conftest import merge, running, tap


async def test_a_piste_with_its_fiche_and_backing_asks_first_and_comes_back_with_them(
        analysed: str, user: User) -> None:
    service = running().service
    axis = await service.apply(analysed, AddAxis("Se déplacer"))
    piste = await service.apply(analysed, AddAxisLine(axis.id, "pistes", "Un transport à la demande"))
    plain = await service.apply(analysed, AddAxisLine(axis.id, "pistes", "Une ligne de plus"))
    await service.apply(analysed, SetPistePlan(piste.id, {"pilots": "CC et CAF"}))
    await service.apply(analysed, LinkEvidence.of(1, Target(TargetKind.PISTE, piste.id)))
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")

    await tap(user, f"line-remove-{plain.id}")  # nothing but its text: gone at once, and « Annuler » shown
    await user.should_see("Supprimé : ligne « Une ligne de plus ».")
    await tap(user, f"line-remove-{piste.id}")
    await user.should_see("Avec elle : 1 contribution d'appui et sa fiche-action CTG.")
    board = running().service.get(analysed).axes
    assert piste.id in [p.id for p in board.axis(axis.id).pistes]  # not before it is confirmed
    await tap(user, f"line-remove-confirm-{piste.id}")
    await user.should_see("Supprimé : ligne « Un transport à la demande ».")
    assert [p.id for p in board.axis(axis.id).pistes] == []

    await tap(user, "undo-removal-button")  # « Annuler »: the newest removal back
    await user.should_see(marker=f"line-{piste.id}")
    assert board.piste(piste.id).pilots == "CC et CAF"
    assert running().service.get(analysed).evidence.uses_of(1) == [Target(TargetKind.PISTE, piste.id)]
    await user.should_see("Éléments supprimés (1)")  # the older one, still there to put back
    await tap(user, "restore-1")
    await user.should_see(marker=f"line-{plain.id}")
    await user.should_see("Éléments supprimés (0)")


async def test_a_merge_is_undone_from_the_analysis_screen(analysed: str, user: User) -> None:
    await user.open(f"/f/{analysed}/analyse?token={TOKEN}")
    await merge(user, 1, 2)
    await user.should_see(marker="analysis-9")
    await user.should_see("Supprimé : fusion en")
    await tap(user, "undo-merge-button")
    await user.should_not_see(marker="analysis-9")
    contributions = running().service.get(analysed).contributions
    assert 9 not in contributions and contributions[1].is_visible and contributions[2].is_visible


async def test_a_structure_removed_from_the_console_comes_back(testimonies: str, user: User) -> None:
    service = running().service
    structure = await service.apply(testimonies, AddStructure("CCAS", "service_public"))
    await user.open(f"/f/{testimonies}?token={TOKEN}")
    await service.apply(testimonies, RemoveStructure(structure.id))
    await user.should_see("Supprimé : structure « CCAS ».")
    await tap(user, "undo-structure-button")
    await user.should_not_see("Supprimé : structure")
    assert [s.name for s in running().service.get(testimonies).witnesses.structures] == ["Mission Locale", "CCAS"]
