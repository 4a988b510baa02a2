"""Downloads for the facilitator only: routes, console buttons, and the context form the document uses."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest
from nicegui.testing import User

from atelier.domain import records
from atelier.domain.changes import AddContribution, RegisterParticipant
from atelier.domain.session import Session
from atelier.store import TinyDBSessionStore
from tests.conftest import TOKEN
from tests.export_data import full_session
from tests.pages.conftest import running, tap

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "deliberation": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


async def add_contributions(code: str) -> Session:
    service = running().service
    await service.apply(code, RegisterParticipant("alice", role="elu", commune="Fontenelle"))
    await service.apply(code,
                        AddContribution("alice", kind="difficulte", text="Pas de bus après 18 h", theme="Mobilité",
                                        risk="eleve"))
    return service.get(code)


def filename(ext: str) -> str:
    if ext == "deliberation":
        return f"projet-de-deliberation-cc-du-val-{date.today().isoformat()}.docx"
    return f"restitution-cc-du-val-{date.today().isoformat()}.{ext}"


async def test_export_routes_refuse_anyone_without_the_token(seeded: str, user: User) -> None:
    for ext in ("docx", "csv", "json"):
        for path in [f"/f/{seeded}/export.{ext}", f"/f/{seeded}/export.{ext}?token=wrong",
                     f"/f/ZZZZZZ/export.{ext}"]:
            response = await user.http_client.get(path)
            assert response.status_code == 403, path
            assert "content-disposition" not in response.headers


async def test_token_in_the_url_downloads_each_export_with_its_type_and_file_name(seeded: str, user: User) -> None:
    await add_contributions(seeded)
    for ext, media_type in MEDIA_TYPES.items():
        response = await user.http_client.get(f"/f/{seeded}/export.{ext}?token={TOKEN}")
        assert response.status_code == 200, ext
        assert response.headers["content-type"] == media_type
        assert response.headers["content-disposition"] == f'attachment; filename="{filename(ext)}"'


async def test_docx_route_returns_the_restitution(seeded: str, user: User) -> None:
    await add_contributions(seeded)
    response = await user.http_client.get(f"/f/{seeded}/export.docx?token={TOKEN}")
    document = docx.Document(io.BytesIO(response.content))
    assert "Pas de bus après 18 h — Fontenelle · Risque élevé" in [p.text for p in document.paragraphs]


async def test_remembered_token_is_enough_for_csv_and_json(seeded: str, user: User) -> None:
    session = await add_contributions(seeded)
    await user.open(f"/f/{seeded}?token={TOKEN}")
    csv_response = await user.http_client.get(f"/f/{seeded}/export.csv")
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row["Texte"] for row in rows] == ["Pas de bus après 18 h"]
    archive = (await user.http_client.get(f"/f/{seeded}/export.json")).json()
    assert archive["record"] == json.loads(json.dumps(records.session_record(session)))


async def test_facilitator_gets_404_for_an_unknown_code_or_format(seeded: str, user: User) -> None:
    await user.open(f"/?token={TOKEN}")
    assert (await user.http_client.get("/f/ZZZZZZ/export.docx")).status_code == 404
    assert (await user.http_client.get(f"/f/{seeded}/export.pdf")).status_code == 404


async def test_console_button_downloads_the_csv(seeded: str, user: User) -> None:
    await add_contributions(seeded)
    await user.open(f"/f/{seeded}?token={TOKEN}")
    user.find(marker="export-csv").click()  # download.next() waits for what follows
    response = await user.download.next(timeout=10)
    assert response.content.decode("utf-8-sig").splitlines()[1].startswith("1;État des lieux;Difficulté;Mobilité")


async def test_console_button_downloads_the_docx(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    user.find(marker="export-docx").click()  # download.next() waits for what follows
    response = await user.download.next(timeout=20)
    assert docx.Document(io.BytesIO(response.content)).paragraphs[0].text == "CC du Val"


async def test_console_button_downloads_the_projet_de_deliberation(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    user.find(marker="export-deliberation").click()  # download.next() waits for what follows
    response = await user.download.next(timeout=20)
    assert docx.Document(io.BytesIO(response.content)).paragraphs[0].text == "Projet de délibération"


async def test_facilitator_saves_the_territory_context_from_the_console(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    user.find(marker="population").type("40 239")
    user.find(marker="population-year").type("2019")
    user.find(marker="seat").type("Fontenelle")
    user.find(marker="analysis").type("Un territoire rural.")
    await tap(user, "save-context")
    await user.should_see("Contexte enregistré.")
    context = running().service.get(seeded).context
    assert (context.population, context.population_year, context.seat) == (40239, 2019, "Fontenelle")
    assert context.analysis == "Un territoire rural."


async def test_bad_population_is_refused_in_french_in_the_console(seeded: str, user: User) -> None:
    await user.open(f"/f/{seeded}?token={TOKEN}")
    user.find(marker="population").type("beaucoup")
    await tap(user, "save-context")
    await user.should_see("Indiquez la population en nombre d'habitants, chiffres seulement (ex. : 40 239).")
    assert running().service.get(seeded).context.population is None


async def test_context_saved_in_one_console_shows_in_another(seeded: str, create_user) -> None:
    first: User = create_user()
    second: User = create_user()
    for console in (first, second):
        await console.open(f"/f/{seeded}?token={TOKEN}")
    first.find(marker="seat").type("Vernoux")
    await tap(first, "save-context")
    await first.should_see("Contexte enregistré.")
    with second:
        assert [e.value for e in second.find(marker="seat").elements] == ["Vernoux"]



@pytest.fixture
def voted(data_dir: Path) -> str:
    """The démarche of `tests/export_data.py`, run through all phases with a vote; before `user` starts the app."""
    TinyDBSessionStore(data_dir).save(records.session_record(full_session()))
    return full_session().code


async def test_console_checkboxes_add_the_detailed_votes_and_the_grouping_annex_to_the_docx(voted: str,
                                                                                           user: User) -> None:
    await user.open(f"/f/{voted}?token={TOKEN}")

    async def level_two() -> list[str]:
        user.find(marker="export-docx").click()  # download.next() waits for what follows
        response = await user.download.next(timeout=20)
        return [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs
                if p.style.name == "Heading 2"]

    assert "Par commune" not in await level_two()
    await tap(user, "export-detail-votes")
    assert "Par commune" in await level_two()
    assert "Comment les contributions ont été regroupées" not in await level_two()
    await tap(user, "export-grouping")
    assert "Comment les contributions ont été regroupées" in await level_two()
