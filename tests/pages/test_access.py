"""Who gets in where: the facilitator's token, unknown codes, the health check."""

from __future__ import annotations

import gc

from nicegui.testing import User

from atelier import gc_watch
from atelier.pages import frame
from tests.conftest import TOKEN
from tests.pages.conftest import running, set_value, tap


async def test_unknown_code_gets_a_friendly_french_404(data_dir, user: User) -> None:
    response = await user.http_client.get("/j/ZZZZZZ")
    assert response.status_code == 404
    assert "Démarche introuvable" in response.text
    assert "Aucune démarche ne porte le code « ZZZZZZ »" in response.text
    assert (await user.http_client.get("/p/ZZZZZZ")).status_code == 404


async def test_facilitator_pages_need_the_token(seeded: str, user: User) -> None:
    for path in [f"/f/{seeded}", f"/f/{seeded}/analyse"]:
        response = await user.http_client.get(path)
        assert response.status_code == 403, path
        assert "Accès réservé à l'animation" in response.text
    home = await user.http_client.get("/")  # a phone that typed the projected address: the code field
    assert home.status_code == 200 and "Code de la démarche" in home.text and "Nouvelle démarche" not in home.text
    wrong = await user.http_client.get("/?token=wrong")
    assert wrong.status_code == 403 and "pas la bonne" in wrong.text and "Nouvelle démarche" not in wrong.text


async def test_a_phone_types_the_projected_code_at_the_root_address(seeded: str, user: User) -> None:
    for path in ["/", "/j"]:
        await user.open(path)
        user.find(marker="join-code-field").type("abc")
        await tap(user, "join-code-go")
        await user.should_see("Le code a 6 caractères")
    user.find(marker="join-code-field").clear().type(" abc def ")  # case and spaces forgiven
    await tap(user, "join-code-go")
    await user.should_see(marker="profile")  # the phone's welcome form of démarche ABCDEF


async def test_token_is_remembered_by_the_browser(seeded: str, user: User) -> None:
    await user.open(f"/?token={TOKEN}")
    await user.open(f"/f/{seeded}")  # no token in the URL this time
    await user.should_see(marker="join-url")


async def test_healthz(data_dir, user: User) -> None:
    response = await user.http_client.get("/healthz")
    assert (response.status_code, response.text) == (200, "ok")


async def test_facilitator_creates_a_session_and_lands_on_its_console(data_dir, user: User) -> None:
    await user.open(f"/?token={TOKEN}")
    await user.should_see("Aucune démarche pour l'instant")
    user.find(marker="territory").type("CC des Trois Vallées")
    user.find(marker="communes").type("Aubière\nBeaumont\n\nCeyrat")
    await tap(user, "create")
    await user.should_see("Code :")
    session = running().service.list_sessions()[0]
    assert session.communes == ["Aubière", "Beaumont", "Ceyrat"]
    assert session.themes[0] == "Petite enfance" and len(session.themes) == 14
    await user.should_see(f"Adresse pour les téléphones : http://192.168.1.20:8080/j/{session.code}")


async def test_choosing_the_ctg_preset_changes_the_themes(data_dir, user: User) -> None:
    await user.open(f"/?token={TOKEN}")
    set_value(user, "preset", "ctg")
    user.find(marker="territory").type("CA du Grand Lac")
    user.find(marker="communes").type("Lacville")
    await tap(user, "create")
    await user.should_see("Code :")
    session = running().service.list_sessions()[0]
    assert session.title.startswith("Convention Territoriale Globale")
    assert "Animation de la vie sociale et vie associative" in session.themes


async def test_creation_without_communes_is_refused_in_french(data_dir, user: User) -> None:
    await user.open(f"/?token={TOKEN}")
    user.find(marker="territory").type("CC Vide")
    await tap(user, "create")
    await user.should_see("Indiquez au moins une commune (une par ligne).")
    assert running().service.list_sessions() == []


async def test_healthz_details_report_garbage_collection_pauses(data_dir, user: User) -> None:
    if gc_watch.WATCH not in gc.callbacks:
        gc.callbacks.append(gc_watch.WATCH)
    try:
        gc.collect()
        response = await user.http_client.get("/healthz", params={"details": "1"})
    finally:
        gc.callbacks.remove(gc_watch.WATCH)
    report = response.json()
    assert report["status"] == "ok" and report["gc_collections"][2] >= 1
    assert report["gc_longest_pause_ms"] >= 0


async def test_pages_link_the_shared_stylesheet_which_the_server_serves(seeded: str, user: User) -> None:
    page = await user.http_client.get(f"/j/{seeded}")
    assert frame.STYLESHEET in page.text
    assert "--atelier" not in page.text.split("</head>")[0]  # not inlined in every page any more
    href = frame.STYLESHEET.split('href="')[1].split('"')[0]
    sheet = await user.http_client.get(href)
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/css")
    assert ".phone" in sheet.text
