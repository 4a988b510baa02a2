"""« Déjà signalé ? » on the phone: what others said like this, while typing, with « Je partage aussi »."""

from __future__ import annotations

from nicegui.testing import User

from atelier import texts
from tests.pages.conftest import fire, join, post_difficulty, running, set_value, tap

BUS = "Plus aucun bus le soir après 18 heures pour rentrer du travail"
TYPED = "Il n'y a pas de bus le soir après 18 h pour rentrer"


async def pause_typing(phone: User, text: str) -> None:
    """Type, then stop: the page sends the text once typing pauses (a timer in the browser)."""
    phone.find(marker="text").type(text)
    await fire(phone, "text", "update:value", text)


async def test_a_phone_typing_a_paraphrase_sees_it_and_shares_it(seeded: str, create_user) -> None:
    first: User = create_user()
    await join(first, seeded, name="Anne")
    await post_difficulty(first, BUS)
    second: User = create_user()
    await join(second, seeded, commune="Vernoux")

    await pause_typing(second, TYPED)
    await second.should_see(texts.PHONE_SIMILAR_TITLE)
    await second.should_see(BUS, marker="similar-1")
    await tap(second, "similar-share-1")
    await second.should_see(texts.PHONE_SHARED, marker="similar-share-1")
    assert len(running().service.get(seeded).contributions[1].shared_by) == 1  # the +1 is recorded

    set_value(second, "theme", "Mobilité")
    set_value(second, "risk", "modere")
    await tap(second, "send")  # the participant may still send their own
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
    set_value(other, "kind", "ressource")
    await pause_typing(other, TYPED)
    await other.should_not_see(marker="similar")
