"""CSV for French spreadsheets, the JSON archive and its restoration, French dates and file names."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from atelier.domain import records
from atelier.export.archive import ArchiveError, archive_json, session_from_archive
from atelier.export.formats import ExportFormat, export_filename, render
from atelier.export.french import ascii_slug, french_date
from tests.conftest import T0, make_session, refused
from tests.export_data import HIDDEN_TEXTS, full_session


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_csv_is_utf8_with_bom_and_semicolons_one_row_per_visible_contribution() -> None:
    content = render(full_session(), ExportFormat.CSV, today=date(2018, 3, 14)).content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(content)
    assert len(rows) == 7
    assert rows[0] == {
        "N°": "1", "Phase": "État des lieux", "Type": "Difficulté", "Thématique": "Mobilité", "Commune": "Fontenelle",
        "Structure": "", "Risque d'aggravation": "élevé", "Texte": "Pas de bus après 18 h",
        "+1 (je partage aussi)": "1", "Votes": "6",
        "Axes stratégiques": "Axe 1, piste d'action : Un transport à la demande le soir",
    }
    assert {row["Texte"] for row in rows}.isdisjoint(HIDDEN_TEXTS)


def test_csv_keeps_accents_and_line_breaks_and_names_témoignage_structures() -> None:
    rows = csv_rows(render(full_session(), ExportFormat.CSV, today=date(2018, 3, 14)).content)
    recommendation = next(row for row in rows if row["Type"] == "Préconisation")
    assert (recommendation["Phase"], recommendation["Structure"]) == ("Témoignages", "CCAS de Marcilly")
    assert recommendation["Texte"] == "Ouvrir une micro-crèche intercommunale"
    assert next(row for row in rows if row["Type"] == "Enjeu")["Commune"] == "Tout le territoire"


def test_csv_stops_spreadsheets_from_running_participant_text_as_a_formula() -> None:
    session = make_session()
    session.register_participant("eve", role="elu", commune="Vernoux", now=T0)
    session.add_contribution("eve", kind="ressource", text='=HYPERLINK("http://x";"clic")', theme="Santé",
                             structure="@piège", now=T0)
    session.add_contribution("eve", kind="ressource", text="Multi-accueil", theme="Santé", now=T0)
    rows = csv_rows(render(session, ExportFormat.CSV, today=date(2026, 3, 14)).content)
    assert rows[0]["Texte"] == "'=HYPERLINK(\"http://x\";\"clic\")"
    assert rows[0]["Structure"] == "'@piège"
    assert rows[1]["Texte"] == "Multi-accueil", "text that merely contains a dash is left alone"


def test_json_archive_restores_an_identical_session() -> None:
    session = full_session()
    restored = session_from_archive(archive_json(session))
    assert records.session_record(restored) == records.session_record(session)
    assert restored.context == session.context
    assert [c.hidden for c in restored.contributions.values()].count(True) == 2, "hidden ones are kept too"
    assert [axis.title for axis in restored.axes.axes] == [axis.title for axis in session.axes.axes] != []
    assert restored.votes.votes[0].allocations == session.votes.votes[0].allocations != {}
    assert restored.evidence.links == session.evidence.links != {}
    assert restored.axes.axes[0].pistes[0].indicators == "Nombre de trajets par mois\nNombre de jeunes en emploi"


def test_json_archive_carries_a_format_marker_and_version() -> None:
    archive = json.loads(render(full_session(), ExportFormat.JSON, today=date(2018, 3, 14)).content)
    assert (archive["format"], archive["version"]) == ("atelier-archive", 1)
    assert archive["record"]["session"]["territory"] == "CC du Val"


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG not json", "ce n'est pas du JSON lisible"),
    ('{"hello": 1}', "marque de format absente"),
    ('[1, 2]', "marque de format absente"),
    ('{"format": "atelier-archive", "version": 99, "record": {}}', "version plus récente d'Atelier"),
    ('{"format": "atelier-archive", "version": 1, "record": {"session": {}}}', "incomplète ou abîmée"),
    ('{"format": "atelier-archive", "version": "1", "record": {}}', "incomplète ou abîmée"),
])
def test_bad_archive_is_refused_with_a_french_reason(content: str | bytes, message: str) -> None:
    with refused(ArchiveError, match=message):
        session_from_archive(content)


def test_archive_with_a_forged_code_is_refused() -> None:
    archive = json.loads(archive_json(full_session()))
    archive["record"]["session"]["code"] = "../../etc"
    with refused(ArchiveError, match="incomplète ou abîmée"):
        session_from_archive(json.dumps(archive))


def test_record_written_before_the_context_fields_existed_still_loads() -> None:
    record = records.session_record(make_session())
    del record["session"]["context"]
    assert records.session_from_record(record).context.population is None


@pytest.mark.parametrize(("day", "expected"), [
    (date(2018, 3, 14), "14 mars 2018"),
    (date(2017, 4, 1), "1er avril 2017"),
    (date(2020, 8, 3), "3 août 2020"),
    (date(2019, 12, 25), "25 décembre 2019"),
    (date(2021, 2, 28), "28 février 2021"),
])
def test_french_dates_do_not_depend_on_the_system_locale(day: date, expected: str) -> None:
    assert french_date(day) == expected


@pytest.mark.parametrize(("territory", "slug"), [
    ("Communauté de communes du Cœur d'Ardenne", "communaute-de-communes-du-coeur-d-ardenne"),
    ("CC Vie et Boulogne (85)", "cc-vie-et-boulogne-85"),
    ("  Œuvres   sociales — Île ", "oeuvres-sociales-ile"),
    ("Σ", "demarche"),
])
def test_territory_slug_is_ascii_without_spaces(territory: str, slug: str) -> None:
    assert ascii_slug(territory) == slug


def test_file_names_follow_restitution_territory_date() -> None:
    session = make_session()
    session.territory = "Communauté de communes des Coteaux du Lizon"
    names = [export_filename(session, fmt, date(2018, 3, 14)) for fmt in ExportFormat]
    assert names == [*(f"restitution-communaute-de-communes-des-coteaux-du-lizon-2018-03-14.{ext}"
                       for ext in ("docx", "csv", "json")),
                     "projet-de-deliberation-communaute-de-communes-des-coteaux-du-lizon-2018-03-14.docx"]


def test_a_document_with_options_has_its_own_name_and_never_replaces_the_plain_one() -> None:
    session = full_session()
    names = {render(session, ExportFormat.DOCX, today=date(2018, 3, 14), **options).filename
             for options in ({}, {"detailed_votes": True}, {"grouping_annex": True},
                             {"detailed_votes": True, "grouping_annex": True})}
    assert names == {"restitution-cc-du-val-2018-03-14.docx", "restitution-cc-du-val-2018-03-14-votes-detailles.docx",
                     "restitution-cc-du-val-2018-03-14-regroupements.docx",
                     "restitution-cc-du-val-2018-03-14-votes-detailles-regroupements.docx"}
