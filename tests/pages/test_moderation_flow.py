"""Moderation before the projector: a post waits in the console's queue, the projector never shows it
until « Valider », and a phone number or an insult waits in every mode."""

from __future__ import annotations

from nicegui.testing import User

from atelier import texts
from atelier.domain.changes import SetModeration
from atelier.domain.moderation import ModerationMode
from tests.conftest import TOKEN
from tests.pages.conftest import fire, join, post_difficulty, running, set_value, tap


def key(name: str) -> dict:
    """What the browser sends when the facilitator presses a key outside any field."""
    return {"action": "keydown", "repeat": False, "altKey": False, "ctrlKey": False, "metaKey": False,
            "shiftKey": False, "key": name, "code": f"Key{name.upper()}", "location": 0}


async def test_in_validation_mode_a_post_waits_until_the_facilitator_validates_it(seeded: str, create_user) -> None:
    console: User = create_user()
    await console.open(f"/f/{seeded}?token={TOKEN}")
    await console.should_see("À valider : 0")
    set_value(console, "moderation-mode", "validation")
    await console.should_see(marker="moderation-empty")
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    phone: User = create_user()
    await join(phone, seeded)

    await post_difficulty(phone, "Pas de bus après 18 h")
    await phone.should_see(texts.PHONE_WAITING_VALIDATION)  # on its own item, under « Mes contributions »
    await console.should_see("À valider : 1")
    await console.should_see("validation de chaque contribution", marker="held-1")
    await projection.should_not_see("Pas de bus après 18 h")

    await tap(console, "validate-1")
    await projection.should_see("Pas de bus après 18 h")
    await console.should_see("À valider : 0")
    await phone.should_not_see(texts.PHONE_WAITING_VALIDATION)
    assert running().service.get(seeded).moderation.value == "validation"


async def test_a_phone_number_or_an_insult_waits_even_in_direct_mode_and_a_key_hides_it(seeded: str,
                                                                                       create_user) -> None:
    console: User = create_user()
    await console.open(f"/f/{seeded}?token={TOKEN}")
    projection: User = create_user()
    await projection.open(f"/p/{seeded}")
    phone: User = create_user()
    await join(phone, seeded)
    await post_difficulty(phone, "Pas de médecin le samedi")
    await post_difficulty(phone, "ARNAQUE le maire est un voleur, appelez le 06 12 34 56 78")

    await projection.should_see("Pas de médecin le samedi")  # direct mode: the clean one is up at once
    await console.should_see("contient un numéro de téléphone, contient un mot de la liste à vérifier",
                             marker="held-2")
    await projection.should_not_see("appelez le 06")
    await fire(console, "moderation-keys", "key", key("m"))  # « M »: hide the oldest waiting one
    await console.should_see("À valider : 0")
    await phone.should_see(texts.PHONE_HIDDEN_BY_FACILITATOR)
    await projection.should_not_see("appelez le 06")
    assert running().service.get(seeded).contributions[2].hidden


async def test_the_phone_says_its_post_waits_for_validation(seeded: str, user: User) -> None:
    await running().service.apply(seeded, SetModeration(ModerationMode.VALIDATION))
    await join(user, seeded)
    await post_difficulty(user, "Pas de bus après 18 h")
    await user.should_see(texts.PHONE_SENT_HELD)
