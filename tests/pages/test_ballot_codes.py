"""« Un bulletin par code » as the hall lives it: codes printed from the console, typed on phones,
one ballot per code; the console compares votants with the phones here."""

from __future__ import annotations

from nicegui.testing import User

from atelier.domain.votes import PriorityVote
from atelier.pages import console_vote
from tests.conftest import TOKEN
from tests.pages.conftest import CODE, join, running, set_value, tap
from tests.pages.test_vote_flow import give, shown_points


def current_vote() -> PriorityVote:
    vote = running().service.get(CODE).votes.current
    assert vote is not None
    return vote


async def open_vote_with_codes(facilitator: User, count: int) -> list[str]:
    await facilitator.open(f"/f/{CODE}?token={TOKEN}")
    set_value(facilitator, "vote-with-codes", True)
    set_value(facilitator, "vote-code-count", count)
    await tap(facilitator, "open-vote")
    await facilitator.should_see("Vote ouvert sur les pistes d'actions · 0 votant")
    return list(current_vote().ballot_codes)


async def test_a_phone_votes_once_it_has_typed_an_unused_code(restitution: dict[str, int], create_user,
                                                              monkeypatch) -> None:
    monkeypatch.setattr(console_vote, "TURNOUT_EVERY", 0.2)  # the console reads who is here more often
    bus = restitution["bus"]
    facilitator: User = create_user()
    codes = await open_vote_with_codes(facilitator, 3)
    assert len(codes) == 3
    await facilitator.should_see("bulletins utilisés : 0 sur 3")
    first: User = create_user()
    await join(first, CODE, ready="ballot")
    await first.should_see("saisissez le code imprimé qu'on vous a remis")
    first.find(marker="ballot-code").type("ZZZZZ2" if "ZZZZZ2" not in codes else "ZZZZZ3")
    await tap(first, "ballot-code-send")
    await first.should_see("Ce code de bulletin n'existe pas")
    first.find(marker="ballot-code").clear().type(codes[0].lower())
    await tap(first, "ballot-code-send")
    await first.should_see("Points restants : 5 sur 5")
    await give(first, bus, 2)
    assert shown_points(first, bus) == 2

    second: User = create_user()
    await join(second, CODE, commune="Vernoux", ready="ballot")
    second.find(marker="ballot-code").type(codes[0])
    await tap(second, "ballot-code-send")
    await second.should_see("Ce code de bulletin a déjà servi sur un autre téléphone.")
    assert current_vote().allocations == {next(iter(current_vote().allocations)): {bus: 2}}
    await facilitator.should_see("1 votant · 2 téléphones connectés · bulletins utilisés : 1 sur 3", retries=30)
    with second:
        second.client.delete()  # the second phone leaves the hall
    await facilitator.should_see("1 votant · 1 téléphone connecté", retries=30)


async def test_the_console_prints_every_code_of_the_vote(restitution: dict[str, int], create_user) -> None:
    facilitator: User = create_user()
    codes = await open_vote_with_codes(facilitator, 30)
    await facilitator.should_see(marker="print-ballots")
    sheet: User = create_user()
    sheet.http_client.cookies.update(facilitator.http_client.cookies)  # the same browser, already unlocked
    await sheet.open(f"/f/{CODE}/bulletins")
    await sheet.should_see("30 bulletins, 24 par page A4")
    with sheet:
        printed = [e.text for e in sheet.find(marker="ballot-code-printed").elements]  # type: ignore[attr-defined]
    assert sorted(printed) == sorted(codes), "every code of the vote, each once"
    await sheet.should_see("Bulletin de vote n° 30")


async def test_the_ballot_sheet_is_the_facilitators_only(restitution: dict[str, int], create_user) -> None:
    stranger: User = create_user()
    response = await stranger.http_client.get(f"/f/{CODE}/bulletins")
    assert response.status_code == 403
