"""The restitution's axes, voted priorities and CTG plan, read back from the DOCX with python-docx."""

from __future__ import annotations

import io

import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from PIL import Image

from atelier.domain.axes import Target, TargetKind
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.export.charts import vote_chart_png
from atelier.export.restitution import build_restitution
from tests.conftest import T0, build_axes, make_session
from tests.export_data import full_session
from tests.test_export_docx import headings, reread, texts_of

AXIS_1 = "1 \u2013 SE DÉPLACER SUR TOUT LE TERRITOIRE"
AXIS_2 = "2 \u2013 FAIRE DE LA SANTÉ UN LEVIER D'INSERTION"
MOBILITY = "1 \u2013 Se déplacer sur tout le territoire"
HEALTH = "2 \u2013 Faire de la santé un levier d'insertion"
DETAIL_HEADINGS = {"Par rôle", "Par commune", "Une commune, une voix"}


@pytest.fixture(scope="module")
def document() -> Document:
    return reread(build_restitution(full_session()))


@pytest.fixture(scope="module")
def detailed() -> Document:
    return reread(build_restitution(full_session(), detailed_votes=True))


def block(document: Document, first: str) -> list[tuple[str, str]]:
    """(style, text) of the non-empty paragraphs from the one reading `first` to the next heading 1 or 2."""
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    start = paragraphs.index(next(p for p in paragraphs if p[1] == first))
    end = next((i for i in range(start + 1, len(paragraphs)) if paragraphs[i][0] in ("Heading 1", "Heading 2")),
               len(paragraphs))
    return paragraphs[start:end]


def table(document: Document, *headers: str) -> list[list[str]]:
    """The rows of the one table whose header row is exactly `headers`."""
    [found] = [t for t in document.tables if tuple(cell.text for cell in t.rows[0].cells) == headers]
    return [[cell.text for cell in row.cells] for row in found.rows[1:]]


def plenary_session() -> tuple[Session, dict[str, int]]:
    """Restitution open, the axes of `conftest.build_axes`, élus alice and bob, actor mission (no commune)."""
    session = make_session(open_phase=None)
    session.register_participant("alice", role="elu", commune="Fontenelle", now=T0)
    session.register_participant("bob", role="elu", commune="Vernoux", now=T0)
    session.register_participant("mission", role="acteur_institutionnel", commune=None, structure="Mission Locale",
                                 now=T0)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    return session, build_axes(session)


# --- Les axes stratégiques ----------------------------------------------------------------------------
def test_axes_are_numbered_upper_case_with_enjeux_orientations_holding_their_pistes_and_concretely(
        document: Document) -> None:
    assert block(document, AXIS_1) == [
        ("Heading 2", AXIS_1),
        ("Normal", "Appuyé sur 3 contributions des soirées (état des lieux, témoignages)"),
        ("Heading 3", "Les enjeux"),
        ("List Bullet", "Rompre l'isolement des hameaux"),
        ("Heading 3", "Les orientations"),
        ("List Bullet", "Développer la mobilité solidaire"),
        ("List Bullet 2", "Un transport à la demande le soir — 6 points · rang 1 sur 4"),
        ("List Bullet 3", "Étudier les horaires avec les employeurs"),
        ("List Bullet 3", "S'appuyer sur Lizon Solidarité"),
        ("List Bullet 2", "Aider les jeunes à passer le permis — 5 points · rang 2 sur 4"),
        ("Normal", "Concrètement : la création d'un service de transport à la demande"),
    ]


def test_an_axe_without_orientations_or_concretely_leaves_them_out(document: Document) -> None:
    assert block(document, AXIS_2) == [
        ("Heading 2", AXIS_2),
        ("Normal", "Appuyé sur 1 contribution des soirées (état des lieux, témoignages)"),
        ("Heading 3", "Les enjeux"),
        ("List Bullet", "Garder des médecins sur le territoire"),
        ("Heading 3", "Pistes d'actions"),
        ("List Bullet", "Créer une maison de santé — 4 points · rang 3 sur 4"),
        ("List Bullet", "Un bus vers l'hôpital"),  # no point: nothing said beside it
    ]


def test_vote_result_and_concretely_label_are_styled_runs(document: Document) -> None:
    piste = next(p for p in document.paragraphs if p.text.startswith("Un transport à la demande le soir — "))
    assert (piste.runs[-1].text, piste.runs[-1].style.name) == (" — 6 points · rang 1 sur 4", "Emphasis")
    concretely = next(p for p in document.paragraphs if p.text.startswith("Concrètement"))
    assert (concretely.runs[0].text, concretely.runs[0].style.name) == ("Concrètement : ", "Strong")


def test_evidence_count_leaves_out_hidden_contributions_and_is_omitted_at_zero() -> None:
    session = full_session()
    bus = next(c for c in session.visible_contributions() if c.text == "Pas de bus après 18 h")
    session.set_hidden(bus.id, True, T0)
    doctor = next(c for c in session.visible_contributions() if c.text == "Six mois d'attente pour un généraliste")
    session.evidence.forget(doctor.id)
    document = reread(build_restitution(session))
    assert block(document, AXIS_1)[1] == ("Normal", "Appuyé sur 2 contributions des soirées (état des lieux, "
                                                    "témoignages)")
    assert block(document, AXIS_2)[1] == ("Heading 3", "Les enjeux")


def test_a_vote_on_orientations_shows_its_results_on_the_orientations() -> None:
    session, ids = plenary_session()
    session.open_vote("orientation", now=T0)
    session.set_points("alice", ids["orientation"], 2)
    session.votes.close_current(T0)
    body = texts_of(reread(build_restitution(session)))
    assert "Développer la mobilité solidaire — 2 points · rang 1 sur 1" in body
    assert "Un transport à la demande" in body, "no vote on the pistes: no result beside them"


def test_a_vote_with_ballot_codes_says_so_in_the_document() -> None:
    session, ids = plenary_session()
    session.open_vote("piste", now=T0, ballot_codes=("ABCDEF", "GHJKMN", "PQRSTU"))
    session.redeem_ballot_code("alice", "ABCDEF")
    session.set_points("alice", ids["bus"], 2)
    session.votes.close_current(T0)
    body = texts_of(reread(build_restitution(session)))
    assert "Vote à bulletins : un code à usage unique remis à chaque votant ; 1 bulletin utilisé sur 3 " \
           "imprimés." in body


def test_equal_points_share_a_rank_said_ex_aequo() -> None:
    session, ids = plenary_session()
    session.open_vote("piste", now=T0)
    session.set_points("alice", ids["bus"], 2)
    session.set_points("bob", ids["permis"], 2)
    body = texts_of(reread(build_restitution(session)))
    assert "Un transport à la demande — 2 points · rang 1 ex æquo sur 3" in body
    assert "Aider au permis — 2 points · rang 1 ex æquo sur 3" in body
    assert "Une maison de santé" in body and not any(line.startswith("Une maison de santé —") for line in body)


def test_an_axe_with_only_a_title_is_its_heading_alone_and_no_axe_means_no_section() -> None:
    session = make_session(open_phase=None)
    assert "Les axes stratégiques" not in headings(reread(build_restitution(session)), 1)
    session.axes.add_axis("Coordonner les initiatives existantes")
    document = reread(build_restitution(session))
    assert headings(document, 1) == ["Contexte", "Les axes stratégiques"]
    assert block(document, "1 \u2013 COORDONNER LES INITIATIVES EXISTANTES") == [
        ("Heading 2", "1 \u2013 COORDONNER LES INITIATIVES EXISTANTES")]


# --- Priorités votées ---------------------------------------------------------------------------------
def test_priorities_give_the_rules_and_the_ranking_most_points_first(document: Document) -> None:
    assert ("Vote sur les pistes d'actions de tous les axes : 5 points par personne, 3 au plus sur une même "
            "proposition. 4 votants, 15 points au total.") in texts_of(document)
    assert table(document, "Rang", "Piste d'action", "Axe", "Points") == [
        ["1", "Un transport à la demande le soir", MOBILITY, "6"],
        ["2", "Aider les jeunes à passer le permis", MOBILITY, "5"],
        ["3", "Créer une maison de santé", HEALTH, "4"],
    ]
    assert "1 piste d'action n'a reçu aucun point." in texts_of(document)  # in one line, not a row at 0
    assert "provisoires" not in "\n".join(texts_of(document))


def test_details_by_role_and_commune_only_when_asked(document: Document, detailed: Document) -> None:
    assert DETAIL_HEADINGS.isdisjoint(headings(document, 2))
    assert [h for h in headings(detailed, 2) if h in DETAIL_HEADINGS] == ["Par rôle", "Par commune",
                                                                          "Une commune, une voix"]
    assert headings(detailed, 1) == headings(document, 1)


def test_by_role_has_a_column_per_group_that_voted(detailed: Document) -> None:
    assert table(detailed, "Piste d'action", "Élus (2 votants)", "Acteurs (2 votants)", "Total") == [
        ["Un transport à la demande le soir", "5", "1", "6"],
        ["Aider les jeunes à passer le permis", "3", "2", "5"],
        ["Créer une maison de santé", "2", "2", "4"],
        ["Un bus vers l'hôpital", "0", "0", "0"],
    ]


def test_by_commune_ranks_each_communes_choices_those_without_commune_last(detailed: Document) -> None:
    without = "Sans commune (acteurs du territoire) · 1 votant"
    assert table(detailed, "Commune", "Piste d'action", "Points") == [
        ["Fontenelle · 1 votant", "Un transport à la demande le soir", "3"],
        ["Fontenelle · 1 votant", "Créer une maison de santé", "2"],
        ["Vernoux · 1 votant", "Aider les jeunes à passer le permis", "3"],
        ["Vernoux · 1 votant", "Un transport à la demande le soir", "2"],
        ["Marcilly · 1 votant", "Créer une maison de santé", "2"],
        [without, "Aider les jeunes à passer le permis", "2"],
        [without, "Un transport à la demande le soir", "1"],
    ]


def test_one_commune_one_voice_weighs_each_commune_the_same(detailed: Document) -> None:
    # Fontenelle 3/5 and 2/5, Vernoux 2/5 and 3/5, Marcilly 2/2: the maison de santé comes first.
    assert table(detailed, "Rang", "Piste d'action", "Axe", "Voix") == [
        ["1", "Créer une maison de santé", HEALTH, "1,40"],
        ["2", "Un transport à la demande le soir", MOBILITY, "1,00"],
        ["3", "Aider les jeunes à passer le permis", MOBILITY, "0,60"],
        ["4", "Un bus vers l'hôpital", HEALTH, "0,00"],
    ]
    assert any("sans commune (acteurs de tout le territoire) ont donné 3 points" in text
               for text in texts_of(detailed))


def test_the_latest_vote_with_points_is_reported_and_an_open_one_is_provisional() -> None:
    session, ids = plenary_session()
    session.open_vote("orientation", now=T0)
    session.set_points("alice", ids["orientation"], 3)
    session.votes.close_current(T0)
    session.open_vote("piste", now=T0)  # opened, nobody voted yet
    document = reread(build_restitution(session))
    assert table(document, "Rang", "Orientation", "Axe", "Points") == [
        ["1", "Développer la mobilité solidaire", "1 \u2013 Se déplacer", "3"]]
    session.set_points("bob", ids["doctor"], 1)
    document = reread(build_restitution(session))
    assert table(document, "Rang", "Piste d'action", "Axe", "Points")[0] == [
        "1", "Une maison de santé", "2 \u2013 Se soigner", "1"]
    assert "Le vote était encore ouvert à la date de ce document : résultats provisoires." in texts_of(document)


def test_no_vote_with_points_means_no_priorities_section_and_no_chart() -> None:
    session, _ = plenary_session()
    session.open_vote("piste", now=T0)
    document = reread(build_restitution(session, detailed_votes=True))
    assert "Priorités votées" not in headings(document, 1)
    assert DETAIL_HEADINGS.isdisjoint(headings(document, 2))
    assert not document.inline_shapes


def test_a_line_removed_after_the_vote_keeps_its_points_in_the_ranking() -> None:
    session, ids = plenary_session()
    session.open_vote("piste", now=T0)
    session.set_points("alice", ids["permis"], 2)
    session.votes.close_current(T0)
    session.remove_axis_line(ids["permis"], T0)
    rows = table(reread(build_restitution(session)), "Rang", "Piste d'action", "Axe", "Points")
    assert rows[0] == ["1", "(proposition retirée des axes depuis le vote)", "", "2"]


def test_the_chart_shows_the_head_of_a_long_ranking_and_the_table_all_of_it() -> None:
    session = make_session(open_phase=None)
    session.register_participant("alice", role="elu", commune="Fontenelle", now=T0)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    axis = session.axes.add_axis("Tout à la fois")
    pistes = [session.axes.add_line(axis.id, "pistes", f"Piste n° {n}") for n in range(1, 19)]
    session.open_vote("piste", budget=18, cap=1, now=T0)
    for piste in pistes:
        session.set_points("alice", piste.id, 1)
    document = reread(build_restitution(session))
    assert len(table(document, "Rang", "Piste d'action", "Axe", "Points")) == 18
    assert "Points reçus : les 15 pistes d'actions les plus soutenues" in texts_of(document)


def test_vote_chart_is_a_print_png_and_wraps_long_proposals_over_several_lines() -> None:
    short = Image.open(io.BytesIO(vote_chart_png(["Créer un CIAS"], [4])))
    long_label = "Mettre en place une veille sociale et d'alerte avec les secrétaires de mairie " * 4
    wrapped = Image.open(io.BytesIO(vote_chart_png([long_label], [4])))
    assert short.format == wrapped.format == "PNG"
    assert round(short.info["dpi"][0]) >= 200
    assert wrapped.height > short.height, "the long label takes several lines, the figure grows to hold them"
    assert wrapped.width <= short.width * 1.05, "…rather than running off the page"


# --- Plan d'actions CTG -------------------------------------------------------------------------------
CTG_HEADERS = ("Axe", "Objectif stratégique", "Objectif opérationnel", "Action", "Pilotes et acteurs associés",
               "Échéance", "Indicateurs", "Points de vigilance")


def test_ctg_annex_lists_pistes_whose_fiche_was_filled_on_landscape_pages(document: Document) -> None:
    assert table(document, *CTG_HEADERS) == [[
        MOBILITY, "Renforcer l'accès à la mobilité", "Mettre en place un transport à la demande en soirée",
        "Un transport à la demande le soir\n\u2013 Étudier les horaires avec les employeurs\n"
        "\u2013 S'appuyer sur Lizon Solidarité",
        "Service mobilité de la CC, Mission Locale", "2025", "Nombre de trajets par mois\nNombre de jeunes en emploi",
        "Le coût de fonctionnement"]]
    assert headings(document, 1)[-1] == "Plan d'actions CTG"
    first, last = document.sections[0], document.sections[-1]
    assert first.orientation == WD_ORIENT.PORTRAIT and first.page_width < first.page_height
    assert last.orientation == WD_ORIENT.LANDSCAPE and last.page_width > last.page_height
    assert last.footer.is_linked_to_previous, "page numbers go on in the landscape pages"


def test_ctg_annex_takes_a_piste_with_a_single_field_and_is_absent_with_none() -> None:
    session, ids = plenary_session()
    document = reread(build_restitution(session))
    assert "Plan d'actions CTG" not in headings(document, 1)
    assert len(document.sections) == 1
    session.axes.set_piste_plan(ids["doctor"], deadline="2026")
    assert table(reread(build_restitution(session)), *CTG_HEADERS) == [
        ["2 \u2013 Se soigner", "", "", "Une maison de santé", "", "2026", "", ""]]


def test_evidence_on_a_piste_counts_for_its_axe() -> None:
    session, ids = plenary_session()
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.CLOSED, T0)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN, T0)
    bus = session.add_contribution("alice", kind="difficulte", text="Pas de bus", theme="Mobilité", risk="eleve",
                                   now=T0)
    session.link_evidence(bus.id, Target(TargetKind.PISTE, ids["bus"]))
    session.link_evidence(bus.id, Target(TargetKind.AXIS, ids["mobility"]))
    assert block(reread(build_restitution(session)), "1 \u2013 SE DÉPLACER")[1] == (
        "Normal", "Appuyé sur 1 contribution des soirées (état des lieux, témoignages)")


def test_a_long_vote_says_the_rank_of_the_first_ones_only_and_sums_those_without_points() -> None:
    """56 pistes and 8 supported: the first five with their rank, the next ones their points, the rest silent."""
    session = make_session(open_phase=None)
    axes = [session.axes.add_axis("Se déplacer"), session.axes.add_axis("Se soigner")]
    pistes = [session.axes.add_line(axes[i // 29].id, "pistes", f"Piste {i}") for i in range(1, 57)]
    given = {"alice": {1: 3, 2: 3, 3: 2}, "bob": {1: 3, 2: 3, 4: 2}, "chloe": {1: 3, 3: 3, 4: 2},
             "dan": {2: 1, 3: 1, 4: 1, 5: 3, 6: 2}, "eve": {5: 1, 6: 1, 7: 2, 8: 1}}  # 9, 7, 6, 5, 4, 3, 2, 1
    for voter in given:
        session.register_participant(voter, role="elu", commune="Fontenelle", now=T0)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    session.open_vote("piste", budget=8, cap=3, now=T0)
    for voter, points in given.items():
        for number, count in points.items():
            session.set_points(voter, pistes[number - 1].id, count)
    session.votes.close_current(T0)
    document = reread(build_restitution(session))
    body = texts_of(document)
    assert "Piste 1 — 9 points · rang 1 sur 56" in body
    assert "Piste 5 — 4 points · rang 5 sur 56" in body
    assert "Piste 6 — 3 points" in body and "Piste 8 — 1 point" in body
    assert "Piste 40" in body  # no point: the piste alone
    assert not any("rang 6" in line or "0 point" in line for line in body)
    assert len(table(document, "Rang", "Piste d'action", "Axe", "Points")) == 8
    assert "48 pistes d'actions n'ont reçu aucun point." in body


def test_the_plenary_words_the_facilitator_showed_are_under_their_axe_and_no_others() -> None:
    session, ids = plenary_session()
    shown = session.add_comment("alice", ids["mobility"], "Et le covoiturage entre communes ?", T0)
    session.add_comment("bob", ids["mobility"], "Pas montré à l'écran", T0)
    session.comments.set_shown(shown.id, True)
    moderated = session.add_comment("mission", ids["mobility"], "Masqué par l'animation", T0)
    session.comments.set_hidden(moderated.id, True)
    body = texts_of(reread(build_restitution(session)))
    start = body.index("Paroles de la plénière")
    assert body[start + 1] == "Et le covoiturage entre communes ?"
    assert "Pas montré à l'écran" not in body and "Masqué par l'animation" not in body
    assert body.index("1 \u2013 SE DÉPLACER") < start < body.index("2 \u2013 SE SOIGNER")
