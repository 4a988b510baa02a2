"""The printable poster: reached from the console, for the facilitator only."""

from __future__ import annotations

from nicegui.testing import User

from tests.conftest import TOKEN


async def test_poster_needs_the_facilitator_token(seeded: str, user: User) -> None:
    response = await user.http_client.get(f"/f/{seeded}/affiche")
    assert response.status_code == 403
    assert "Accès réservé à l'animation" in response.text


async def test_console_links_to_a_poster_with_qr_code_address_and_code(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    await user.should_see("Affiche à imprimer (A4)")
    await user.open(f"/f/{seeded}/affiche")  # the browser the token unlocked
    await user.should_see("Participez avec votre téléphone")
    await user.should_see("http://192.168.1.20:8080/j/ABCDEF")
    await user.should_see(marker="qr")
    await user.should_see("ABCDEF")
    await user.should_see("Connectez d'abord votre téléphone au Wi-Fi indiqué par l'animation.")
