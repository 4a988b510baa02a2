"""The projection's wall at the facilitator's word: every contribution on it, one theme or all in turn,
held or turning, and « Les plus partagées »."""

from __future__ import annotations

from nicegui.testing import User

from atelier import texts
from atelier.domain.changes import AddContribution, RegisterParticipant, ToggleShare
from atelier.domain.wall import WallView
from tests.conftest import TOKEN
from tests.pages.conftest import running, set_value, tap


def pager(user: User) -> dict:
    with user:
        return dict(next(iter(user.find(marker="wall-pager").elements)).props)


async def post(code: str, author: str, text: str, theme: str = "Mobilité") -> None:
    await running().service.apply(code, AddContribution(author, kind="difficulte", text=text, theme=theme,
                                                        risk="eleve"))


async def test_every_contribution_of_the_phase_is_on_the_wall_not_only_the_newest(seeded: str, user: User) -> None:
    await running().service.apply(seeded, RegisterParticipant("anne", role="elu", commune="Vernoux"))
    for n in range(1, 7):
        await post(seeded, "anne", f"Difficulté numéro {n}")
    await user.open(f"/p/{seeded}")
    for n in range(1, 7):  # the wall used to show the three newest of a theme, and « + 3 autres »
        await user.should_see(f"Difficulté numéro {n}")
    await user.should_see("6 difficultés · 0 ressource")


async def test_the_facilitator_holds_the_wall_on_one_theme_and_every_projection_follows(
        seeded: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    console: User = create_user()
    await console.open(f"/f/{seeded}?token={TOKEN}")
    assert (pager(projection)["only"], pager(projection)["paused"]) == ("", False)

    set_value(console, "wall-theme", "Santé")
    await tap(console, "wall-pause")
    await console.should_see(texts.WALL_RESUME)
    await tap(console, "wall-next")
    assert (pager(projection)["only"], pager(projection)["paused"], pager(projection)["turn"]) == ("Santé", True, 1)
    assert running().service.get(seeded).wall == WallView("Santé", True, False, 1)  # kept: a restart shows it
    late: User = create_user()  # a projection opened afterwards shows the same
    await late.open(f"/p/{seeded}")
    assert pager(late)["only"] == "Santé"

    set_value(console, "wall-theme", "*")
    await tap(console, "wall-pause")
    assert (pager(projection)["only"], pager(projection)["paused"]) == ("", False)


async def test_the_most_shared_go_up_on_the_projection_and_come_down(seeded: str, create_user) -> None:
    service = running().service
    for name in ("anne", "bob", "carol"):
        await service.apply(seeded, RegisterParticipant(name, role="elu", commune="Vernoux"))
    await post(seeded, "anne", "Pas de bus le soir")
    await post(seeded, "anne", "Pas de médecin", theme="Santé")
    await service.apply(seeded, ToggleShare("bob", 1))
    await service.apply(seeded, ToggleShare("carol", 1))
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    console: User = create_user()
    await console.open(f"/f/{seeded}?token={TOKEN}")

    await tap(console, "wall-top")
    await projection.should_see(texts.TOP_SHARED_TITLE)
    await projection.should_see("Mobilité · Vernoux · Risque élevé · 2 personnes la partagent", marker="top-shared")
    await projection.should_not_see("Pas de médecin", marker="top-shared")  # nobody shares it
    await service.apply(seeded, ToggleShare("bob", 2))
    await projection.should_see("Pas de médecin", marker="top-shared")
    await tap(console, "wall-top")
    await projection.should_not_see(texts.TOP_SHARED_TITLE)
    await projection.should_see(marker="wall-pager")
