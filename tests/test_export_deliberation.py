"""The projet de délibération: objet, exposé (démarche, calendar, who took part), the plan as a table
with the voted priorities marked, the decision with blanks the council fills in."""

from __future__ import annotations

import io
from datetime import date

import docx

from atelier.export.deliberation import build_deliberation
from atelier.export.formats import ExportFormat, export_filename, render
from tests.conftest import T0
from tests.export_data import full_session


def paragraphs(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_the_deliberation_reads_as_councils_publish_them() -> None:
    session = full_session()
    session.calendar.add("Présentation de la démarche aux élus", date(2017, 9, 4))
    document = build_deliberation(session)
    text = paragraphs(document)
    assert text[:2] == ["Projet de délibération", "CC du Val"]
    assert any(line.startswith("Séance du conseil communautaire du …") for line in text)
    assert "Objet : adoption de la politique sociale intercommunale issue de la démarche « Démarche politique " \
           "sociale intercommunale »" in text
    statement = text.index("Exposé")
    assert text[statement + 2].startswith("4 septembre 2017 — Présentation de la démarche aux élus")
    assert text[statement + 3].startswith("16 octobre 2017 — Soirée ateliers « Ressources et difficultés »")
    assert any(line.startswith("5 personnes y ont pris part : ") for line in text)
    decision = text.index("Le conseil communautaire, après en avoir délibéré :")
    assert text[decision + 1].startswith("ADOPTE la politique sociale intercommunale")
    assert any(line.startswith("Pour : ……… · Contre : ……… · Abstentions : ………") for line in text[decision:])


def test_the_plan_is_a_table_of_axes_orientations_and_actions_with_the_voted_priorities() -> None:
    document = build_deliberation(full_session())
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Axes stratégiques", "Orientations", "Exemples d'actions"]
    axe_1 = rows[1]
    assert axe_1[0] == "1. Se déplacer sur tout le territoire"
    assert axe_1[1] == "Développer la mobilité solidaire"
    assert axe_1[2].splitlines() == ["Un transport à la demande le soir (priorité n° 1)",
                                     "Aider les jeunes à passer le permis (priorité n° 2)"]
    assert "Les priorités sont celles votées en séance plénière de restitution." in paragraphs(document)


def test_the_deliberation_is_a_word_file_named_after_the_territory() -> None:
    rendered = render(full_session(), ExportFormat.DELIBERATION, today=T0.date())
    assert rendered.filename == f"projet-de-deliberation-cc-du-val-{T0.date().isoformat()}.docx"
    assert export_filename(full_session(), ExportFormat.DOCX, T0.date()).startswith("restitution-")
    assert docx.Document(io.BytesIO(rendered.content)).paragraphs[0].text == "Projet de délibération"
