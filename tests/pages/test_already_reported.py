"""« Déjà signalé ? » on the phone: what others said like this, while typing, with « Je partage aussi »."""

from __future__ import annotations

from nicegui.testing import User

from atelier import texts
from tests.pages.conftest import fire, join, post_difficulty, running, share

BUS = "Plus aucun bus le soir après 18 heures pour rentrer du travail"
TYPED = "Il n'y a pas de bus le soir après 18 h pour rentrer"


async def pause_typing(phone: User, text: str, kind: str = "difficulte") -> None:
    """Type, then stop: contribution_form.js sends the text once typing pauses (a timer in the browser)."""
    await fire(phone, "contribution-form", "typing", {"kind": kind, "text": text})


async def test_a_phone_typing_a_paraphrase_sees_it_and_shares_it(seeded: str, create_user) -> None:
    first: User = create_user()
    await join(first, seeded, name="Anne")
    await post_difficulty(first, BUS)
    second: User = create_user()
    await join(second, seeded, commune="Vernoux")

    await pause_typing(second, TYPED)
    await second.should_see(texts.PHONE_SIMILAR_TITLE)
    await second.should_see(BUS, marker="similar")
    await share(second, "similar", 1)
    await second.should_see(texts.PHONE_SHARED, marker="similar")
    assert len(running().service.get(seeded).contributions[1].shared_by) == 1  # the +1 is recorded

    await post_difficulty(second, TYPED, risk="modere")  # the participant may still send their own
    await second.should_see(marker="mine-2")
    await second.should_not_see(marker="similar")


async def test_nothing_is_suggested_from_own_posts_short_texts_or_another_kind(seeded: str, create_user) -> None:
    phone: User = create_user()
    await join(phone, seeded)
    await post_difficulty(phone, BUS)
    await pause_typing(phone, TYPED)
    await phone.should_not_see(marker="similar")  # my own is not « déjà signalé » to me

    other: User = create_user()
    await join(other, seeded)
    await pause_typing(other, "pas de bus")
    await other.should_not_see(marker="similar")
    await pause_typing(other, TYPED, kind="ressource")
    await other.should_not_see(marker="similar")
