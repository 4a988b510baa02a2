"""The priority vote as the room lives it: phones spend points, the projection and the console rank them."""

from __future__ import annotations

from nicegui.testing import User

from atelier.domain.votes import PriorityVote
from atelier.pages.phone_ballot import BallotItems
from tests.conftest import TOKEN
from tests.pages.conftest import CODE, fire, join, running, set_value, tap


def ballot(phone: User) -> BallotItems:
    with phone:
        return next(iter(phone.find(marker="ballot-items").elements))  # type: ignore[return-value]


async def give(phone: User, item_id: int, times: int = 1, *, marker: str = "plus") -> None:
    """Tap + (or minus) on one proposition, as the ballot in the browser sends it: the points wanted now."""
    step = 1 if marker == "plus" else -1
    for _ in range(times):
        items = ballot(phone)
        wanted = items.points.get(item_id, 0) + step
        await fire(phone, "ballot-items", "points", {"item": item_id, "points": wanted})


def shown_points(phone: User, item_id: int) -> int:
    return ballot(phone).points.get(item_id, 0)


def current_vote() -> PriorityVote:
    vote = running().service.get(CODE).votes.latest
    assert vote is not None
    return vote


def bar_order(user: User) -> list[str]:
    """Marker of each bar of the ranking, top to bottom, as laid out on the page."""
    with user:
        bars = next(iter(user.find(marker="results-total").elements)).descendants()
        return [marker for bar in bars for marker in bar._markers if marker.startswith("bar-")]


async def open_vote(facilitator: User, *, project: bool = True) -> None:
    """Open a vote on the pistes; `project`: and put its live results on the projector at once."""
    await facilitator.open(f"/f/{CODE}?token={TOKEN}")
    await tap(facilitator, "open-vote")
    await facilitator.should_see("Vote ouvert sur les pistes d'actions · 0 votant")
    if project:
        await tap(facilitator, "project-results")


async def test_the_results_stay_off_the_projector_until_the_facilitator_shows_them(
        restitution: dict[str, int], create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    facilitator: User = create_user()
    await open_vote(facilitator, project=False)
    phone: User = create_user()
    await join(phone, CODE, ready="ballot")
    await give(phone, restitution["bus"], 2)
    await projection.should_see("Vote en cours : 1 votant")  # how many have voted, not for what
    await projection.should_not_see(marker=f"bar-{restitution['bus']}")
    await tap(facilitator, "project-results")
    await projection.should_see(marker=f"bar-{restitution['bus']}")


async def test_three_participants_vote_and_the_projection_and_console_rank_the_pistes(
        restitution: dict[str, int], create_user) -> None:
    bus, permis, doctor = restitution["bus"], restitution["permis"], restitution["doctor"]
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    facilitator: User = create_user()
    await open_vote(facilitator)
    await projection.should_see("Vote en cours : les pistes d'actions")
    await projection.should_see("5 points par personne, 3 au plus par proposition")
    phones = [create_user() for _ in range(3)]
    for phone, commune in zip(phones, ["Fontenelle", "Vernoux", "Marcilly"], strict=True):
        await join(phone, CODE, commune=commune, ready="ballot")
        await phone.should_see("Points restants : 5 sur 5")

    await give(phones[0], doctor, 3)
    await give(phones[0], bus, 1)
    await give(phones[1], doctor, 2)
    await give(phones[1], permis, 3)
    await give(phones[2], bus, 1)

    await phones[0].should_see("Points restants : 1 sur 5")
    await projection.should_see("3 votants")
    assert bar_order(projection) == [f"bar-{doctor}", f"bar-{permis}", f"bar-{bus}"]
    await projection.should_see("5 points")  # Une maison de santé
    await facilitator.should_see("Vote ouvert sur les pistes d'actions · 3 votants")
    assert bar_order(facilitator) == [f"bar-{doctor}", f"bar-{permis}", f"bar-{bus}"]

    await give(phones[2], bus, 3)  # the third tap would make 4, over the cap of 3: refused
    await give(phones[1], doctor, 2, marker="minus")
    await give(phones[1], bus, 2)
    assert current_vote().totals() == {bus: 6, permis: 3, doctor: 3}
    assert bar_order(projection) == [f"bar-{bus}", f"bar-{permis}", f"bar-{doctor}"]  # ties keep board order
    await projection.should_see("6 points")


async def test_a_phone_cannot_spend_more_than_its_budget_nor_its_cap(restitution: dict[str, int],
                                                                    create_user) -> None:
    bus, permis, doctor = restitution["bus"], restitution["permis"], restitution["doctor"]
    facilitator: User = create_user()
    await open_vote(facilitator)
    phone: User = create_user()
    await join(phone, CODE, ready="ballot")
    await give(phone, bus, 4)
    await phone.should_see("3 points au plus sur une même proposition.")
    await give(phone, permis, 2)
    await phone.should_see("Points restants : 0 sur 5")

    await give(phone, doctor)

    await phone.should_see("Plus assez de points : il vous en reste 0.")
    assert (shown_points(phone, doctor), shown_points(phone, bus)) == (0, 3)
    assert list(current_vote().allocations.values()) == [{bus: 3, permis: 2}]


async def test_two_phones_of_one_participant_show_the_same_points(restitution: dict[str, int], create_user) -> None:
    bus = restitution["bus"]
    facilitator: User = create_user()
    await open_vote(facilitator)
    first: User = create_user()
    await join(first, CODE, ready="ballot")
    second: User = create_user()
    second.http_client.cookies.update(first.http_client.cookies)  # the same browser: the same participant
    await second.open(f"/j/{CODE}")
    await second.should_see("Points restants : 5 sur 5")

    await give(first, bus, 2)

    await second.should_see("Points restants : 3 sur 5")
    assert shown_points(second, bus) == 2


async def test_closing_the_vote_freezes_every_phone(restitution: dict[str, int], create_user) -> None:
    bus = restitution["bus"]
    facilitator: User = create_user()
    await open_vote(facilitator)
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    phone: User = create_user()
    await join(phone, CODE, ready="ballot")
    await give(phone, bus, 2)
    assert not ballot(phone).props["frozen"], "minus and plus are there"

    await tap(facilitator, "close-vote")
    await tap(facilitator, "confirm-close-vote")
    await phone.should_see("Le vote est clos : vos points sont enregistrés. Merci !")
    assert ballot(phone).props["frozen"], "minus and plus are gone"
    assert shown_points(phone, bus) == 2
    await projection.should_see("Résultats du vote : les pistes d'actions")
    await facilitator.should_see("Vote clos sur les pistes d'actions · 1 votant")

    await tap(facilitator, "reopen-vote")  # closed too early: it goes on, the points kept
    await facilitator.should_see("1 votant")
    await phone.should_not_see("Le vote est clos : vos points sont enregistrés. Merci !")
    assert not ballot(phone).props["frozen"] and shown_points(phone, bus) == 2


async def test_the_results_view_chosen_in_the_console_goes_to_the_projection(
        restitution: dict[str, int], create_user) -> None:
    bus, permis = restitution["bus"], restitution["permis"]
    facilitator: User = create_user()
    await open_vote(facilitator)
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    town = [create_user() for _ in range(2)]
    for phone in town:
        await join(phone, CODE, commune="Vernoux", ready="ballot")
        await give(phone, bus, 3)
    hamlet: User = create_user()
    await join(hamlet, CODE, commune="Marcilly", role="habitant", ready="ballot")
    await give(hamlet, permis, 2)
    actor: User = create_user()
    await join(actor, CODE, role="acteur_local", commune="*", structure="ADMR", ready="ballot")
    await give(actor, permis, 1)
    await projection.should_see("6 points")

    set_value(facilitator, "results-view", "une_commune_une_voix")
    await facilitator.should_see("Chaque commune qui a voté pèse une voix (2 communes).")
    await projection.should_not_see("Chaque commune qui a voté pèse une voix")  # not projected yet
    await tap(facilitator, "project-results")
    await projection.should_see("Chaque commune qui a voté pèse une voix (2 communes).")
    await projection.should_see("1 voix")  # Vernoux's six points and Marcilly's two weigh the same
    await projection.should_see("Points des participants sans commune, comptés à part : 1 point.")
    await facilitator.should_see("À l'écran : les résultats du vote (Une commune, une voix)")

    set_value(facilitator, "results-view", "par_role")
    await tap(facilitator, "project-results")
    await projection.should_see("Élus 6")
    await projection.should_see("Autres participants 2")
    await projection.should_see("Acteurs 1")

    await tap(facilitator, "next-axis")
    await projection.should_see("SE DÉPLACER")
    await projection.should_not_see("Élus 6")
