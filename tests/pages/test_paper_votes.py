"""People without a smartphone vote too: a printable paper ballot of the latest vote, and « Points papier
ou à main levée » typed in the console, added to the totals on the projector and shown apart in the DOCX."""

from __future__ import annotations

import io

import docx
from nicegui.testing import User

from atelier import texts
from atelier.domain.changes import CloseVote, OpenVote, SetPoints
from atelier.domain.changes import RegisterParticipant as Register
from tests.conftest import TOKEN
from tests.pages.conftest import CODE, fire, running


async def test_paper_points_typed_in_the_console_join_the_projected_totals(
        restitution: dict[str, int], create_user) -> None:
    service = running().service
    await service.apply(CODE, Register("anne", role="elu", commune="Vernoux"))
    await service.apply(CODE, OpenVote("piste"))
    await service.apply(CODE, SetPoints("anne", restitution["bus"], 2))
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    console: User = create_user()
    await console.open(f"/f/{CODE}?token={TOKEN}")
    await console.should_see(texts.CONSOLE_PRINT_PAPER_BALLOT)
    await fire(console, "project-results", "click")
    await projection.should_see("2 points", marker=f"bar-{restitution['bus']}")
    await service.apply(CODE, CloseVote())  # the paper ballots are counted once the phones' vote is over

    with console:
        field = next(iter(console.find(marker=f"paper-{restitution['bus']}").elements))
        field.value = 5
    await fire(console, f"paper-{restitution['bus']}", "blur")
    await projection.should_see("7 points", marker=f"bar-{restitution['bus']}")
    await projection.should_see("Dont 5 points sur papier ou à main levée.")
    assert running().service.get(CODE).votes.latest.paper == {restitution["bus"]: 5}  # type: ignore[union-attr]

    response = await console.http_client.get(f"/f/{CODE}/export.docx?token={TOKEN}")
    document = docx.Document(io.BytesIO(response.content))
    assert any(p.text.startswith("Dont 5 points sur papier ou à main levée") for p in document.paragraphs)
    ranked = next(t for t in document.tables if t.rows[0].cells[-1].text == texts.DOC_PAPER_COLUMN)
    assert [c.text for c in ranked.rows[1].cells][-2:] == ["7", "5"]  # points, of which on paper


async def test_the_paper_ballot_lists_every_proposition_of_the_latest_vote_with_a_box(
        restitution: dict[str, int], user: User) -> None:
    await user.open(f"/f/{CODE}/bulletin-papier?token={TOKEN}")
    await user.should_see(marker="no-paper-ballot")
    await running().service.apply(CODE, OpenVote("piste", budget=5, cap=3))
    await user.open(f"/f/{CODE}/bulletin-papier")
    await user.should_see("Vous avez 5 points à répartir, 3 au plus sur une même proposition.")
    for key in ("bus", "permis", "doctor"):
        await user.should_see(marker=f"paper-item-{restitution[key]}")
    await user.should_see("1.")
    await user.should_see("Un transport à la demande")
    await user.should_see("Une maison de santé")
