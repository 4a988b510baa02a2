"""What backs what in the exports: the CSV's « Votes » and « Axes stratégiques » cells, and merged contributions."""

from __future__ import annotations

import csv
import io

from atelier.domain.axes import Target, TargetKind
from atelier.domain.session import Session
from atelier.export.csv_export import contributions_csv
from atelier.export.restitution import build_restitution
from tests.conftest import T0
from tests.export_data import full_session
from tests.test_export_docx import reread, table_after, texts_of

BUS, PERMIT = "Pas de bus après 18 h", "Le permis coûte trop cher pour les jeunes"
TRANSPORT = "Axe 1, piste d'action : Un transport à la demande le soir"


def rows_by_text(session: Session) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(contributions_csv(session)), delimiter=";")
    return {row["Texte"]: row for row in rows}


def cells(row: dict[str, str]) -> tuple[str, str]:
    return row["Votes"], row["Axes stratégiques"]


def contribution_id(session: Session, text: str) -> int:
    return next(c.id for c in session.contributions.values() if c.text == text)


def test_csv_names_what_each_contribution_backs_and_the_points_those_pistes_received() -> None:
    rows = rows_by_text(full_session())
    assert cells(rows[BUS]) == ("6", TRANSPORT)
    assert cells(rows["Six mois d'attente pour un généraliste"]) == (
        "4", "Axe 2, piste d'action : Créer une maison de santé")
    # An orientation outside the vote (it was on the pistes), a whole axe: named, but no points.
    assert cells(rows["Transport solidaire le mardi"]) == ("", "Axe 1, orientation : Développer la mobilité solidaire")
    assert cells(rows["Des jeunes renoncent à un emploi faute de transport"]) == (
        "", "Axe 1 : Se déplacer sur tout le territoire")
    assert cells(rows["Garder les jeunes sur le territoire"]) == ("", ""), "backs nothing"


def test_csv_adds_up_the_points_of_several_pistes_and_lists_them_in_link_order() -> None:
    session = full_session()
    permit = next(line.id for line in session.axes.items(TargetKind.PISTE) if "permis" in line.text)
    session.link_evidence(contribution_id(session, BUS), Target(TargetKind.PISTE, permit))
    assert cells(rows_by_text(session)[BUS]) == (
        "11", f"{TRANSPORT} | Axe 1, piste d'action : Aider les jeunes à passer le permis")


def test_csv_without_a_vote_still_names_the_axes() -> None:
    session = full_session()
    session.votes.votes.clear()
    assert cells(rows_by_text(session)[BUS]) == ("", TRANSPORT)


def merged_session() -> Session:
    """The full session with the two Mobilité difficultés merged into one, by the facilitator."""
    session = full_session()
    session.merge_contributions(contribution_id(session, BUS), contribution_id(session, PERMIT),
                                text="Pas de transport pour les jeunes", now=T0)
    return session


def test_a_merged_contribution_replaces_its_originals_in_the_annexes_counts_and_gaps() -> None:
    document = reread(build_restitution(merged_session()))
    body = "\n".join(texts_of(document))
    assert BUS not in body and PERMIT not in body
    # Communes differ: the merge concerns the whole territory; the higher risk is kept.
    assert "Pas de transport pour les jeunes — Risque élevé · regroupe 2 contributions" in texts_of(document)
    assert table_after(document, "Phase")[0] == ["État des lieux", "3", "2 difficultés, 1 ressource"]
    assert table_after(document, "Thématique")[0] == ["Mobilité", "1", "3", "1", "+2"]
    assert ("Normal", "Appuyé sur 3 contributions des soirées (état des lieux, témoignages)") in [
        (p.style.name, p.text) for p in document.paragraphs], "the merge keeps the evidence of its originals"


def test_a_merged_contribution_is_one_csv_row_carrying_the_evidence_of_its_originals() -> None:
    rows = rows_by_text(merged_session())
    assert len(rows) == 6
    assert BUS not in rows and PERMIT not in rows
    merged = rows["Pas de transport pour les jeunes"]
    assert (merged["Commune"], merged["Risque d'aggravation"], *cells(merged)) == (
        "Tout le territoire", "élevé", "6", TRANSPORT)


def test_a_merge_of_merges_counts_every_original() -> None:
    session = merged_session()
    first = contribution_id(session, "Pas de transport pour les jeunes")
    session.merge_contributions(first, contribution_id(session, "Six mois d'attente pour un généraliste"), now=T0)
    bullets = [p.text for p in reread(build_restitution(session)).paragraphs if p.style.name == "List Bullet"]
    assert "Pas de transport pour les jeunes — Risque élevé · regroupe 3 contributions" in bullets
