"""The restitution document read back with python-docx: sections, dates, annexes, properties, template."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from PIL import Image

from atelier.domain.errors import InvalidInput
from atelier.domain.model import PhaseKey
from atelier.export.docx_writer import Writer
from atelier.export.restitution import SECTIONS, build_restitution, restitution_docx
from tests.conftest import T0, make_session, refused
from tests.export_data import ANALYSIS, AUTHOR, HIDDEN_TEXTS, full_session

# The method's fiche in its order, then what only a tool adds.
ALL_SECTIONS = ["Contexte", "Calendrier du déroulement", "Les axes stratégiques", "Commentaires et enjeux majeurs",
                "Priorités votées", "Écarts entre besoins et ressources", "Annexes", "Plan d'actions CTG"]


def reread(document: Document) -> Document:
    """Save and open again, as Word would: what is checked is what is in the file."""
    out = io.BytesIO()
    document.save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


def headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def texts_of(document: Document) -> list[str]:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def table_after(document: Document, header: str) -> list[list[str]]:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == header)
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


@pytest.fixture(scope="module")
def document() -> Document:
    return reread(build_restitution(full_session()))


def test_full_session_has_every_section_as_real_headings_in_the_method_order(document: Document) -> None:
    assert headings(document, 1) == ALL_SECTIONS
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["CC du Val"]


def test_session_without_data_leaves_sections_out_rather_than_filling_them() -> None:
    document = reread(build_restitution(make_session(open_phase=None)))
    assert headings(document, 1) == ["Contexte"]
    body = "\n".join(texts_of(document))
    assert "habitants" not in body and "Siège" not in body and "Document préparé" not in body
    assert not document.inline_shapes, "no chart without contributions"


def test_cover_shows_territory_title_and_the_span_of_phase_dates_in_french(document: Document) -> None:
    cover = [p.text for p in document.paragraphs[:5]]
    assert cover == ["CC du Val", "Nord (59)", "Démarche politique sociale intercommunale",
                     "16 octobre 2017 \u2013 14 mars 2018", f"Document préparé par {AUTHOR}"]


def test_context_gives_population_history_the_number_of_communes_and_seat_in_the_fiches_order(
        document: Document) -> None:
    body = texts_of(document)
    start = body.index("Contexte")
    assert body[start + 1:start + 7] == ["Département : Nord (59)", "40\u00a0239 habitants (2019)",
                                         "Créée en 1992 avec 4 communes.", "Fusion avec la CC du Lac en 2017.",
                                         "3 communes.", "Siège : Fontenelle"]
    names = body.index("Les 3 communes du territoire")  # their names, in the annexes
    assert names > body.index("Annexes") and body[names + 1] == "Fontenelle, Vernoux, Marcilly."


def test_calendar_dates_each_phase_and_lists_structures_that_testified(document: Document) -> None:
    body = texts_of(document)
    # Who was there, from who posted (phases 1 and 2) or voted and commented (the restitution).
    assert "16 octobre 2017 — Soirée ateliers « Ressources et difficultés », réunissant 2 élu·es" in body
    assert ("27 novembre 2017 — Soirée de témoignages des acteurs locaux et institutionnels, réunissant "
            "2 acteurs locaux et 1 acteur institutionnel") in body
    assert ("14 mars 2018 — Restitution de la démarche en plénière, réunissant 2 élu·es, 1 acteur local et "
            "1 acteur institutionnel") in body
    assert any(text.startswith("14 mars 2018 — Restitution de la démarche en plénière") for text in body)
    start = body.index("Structures qui ont témoigné :")
    # The facilitator's list, in its order: ADMR du Val testified without posting anything.
    assert body[start + 1:start + 4] == ["Mission Locale", "CCAS de Marcilly", "ADMR du Val"]
    assert "Structure masquée" not in "\n".join(body)


def test_gap_table_weights_difficulties_by_risk_against_resources(document: Document) -> None:
    # Mobilité: élevé 3 + modéré 2 against 1 ressource; Santé: faible 1 (the hidden élevé does not count).
    assert table_after(document, "Thématique") == [["Mobilité", "2", "5", "1", "+4"], ["Santé", "1", "1", "0", "+1"]]


def test_gap_and_vote_charts_are_pngs_at_print_resolution(document: Document) -> None:
    assert len(document.inline_shapes) == 2
    for shape in document.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = Image.open(io.BytesIO(document.part.related_parts[blip.embed].blob))
        assert image.format == "PNG"
        assert round(image.info["dpi"][0]) >= 200
    assert [p.text for p in document.paragraphs if p.style.name == "Caption"] == [
        "Points reçus par les pistes d'actions", "Besoins pondérés et ressources par thématique"]


def test_annexes_group_by_phase_then_theme_then_kind_with_counts(document: Document) -> None:
    assert headings(document, 2) == ["1 \u2013 SE DÉPLACER SUR TOUT LE TERRITOIRE",
                                     "2 \u2013 FAIRE DE LA SANTÉ UN LEVIER D'INSERTION",
                                     "Contributions — État des lieux", "Contributions — Témoignages", "Participation",
                                     "Les 3 communes du territoire"]
    assert headings(document, 4) == ["Difficultés (2)", "Ressources (1)", "Difficultés (1)", "Constats (1)",
                                     "Enjeux (1)", "Préconisations (1)"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Pas de bus après 18 h — Fontenelle · Risque élevé · 1 personne la partage" in bullets
    assert "Transport solidaire le mardi — Vernoux · Lizon Solidarité" in bullets
    assert "Ouvrir une micro-crèche intercommunale — Marcilly · CCAS de Marcilly" in bullets


def test_hidden_contributions_appear_nowhere(document: Document) -> None:
    body = "\n".join(texts_of(document))
    for hidden in HIDDEN_TEXTS:
        assert hidden not in body


def test_participation_counts_people_by_role_and_commune_and_contributions_by_phase(document: Document) -> None:
    assert table_after(document, "Rôle") == [["Élu·e", "2"], ["Acteur·rice local·e (association, service…)", "2"],
                                             ["Acteur·rice institutionnel·le (CAF, Département…)", "1"]]
    assert table_after(document, "Commune") == [["Fontenelle", "1"], ["Vernoux", "1"], ["Marcilly", "1"],
                                                ["Sans commune (acteurs du territoire)", "2"]]
    assert table_after(document, "Phase") == [["État des lieux", "4", "3 difficultés, 1 ressource"],
                                              ["Témoignages", "3", "1 constat, 1 enjeu, 1 préconisation"]]


def test_comments_carry_the_facilitators_analysis_paragraph_by_paragraph(document: Document) -> None:
    body = texts_of(document)
    start = body.index("Commentaires et enjeux majeurs")
    assert body[start + 1:start + 3] == [line for line in ANALYSIS.splitlines() if line]


def test_core_properties_name_the_document_and_its_author(document: Document) -> None:
    props = document.core_properties
    assert props.title == "Démarche politique sociale intercommunale — CC du Val"
    assert props.author == AUTHOR
    assert props.language == "fr-FR"


def test_author_defaults_to_the_territory_when_no_facilitator_is_named() -> None:
    assert reread(build_restitution(full_session(with_context=False))).core_properties.author == "CC du Val"


def test_page_is_a4_with_a_page_number_field_in_the_footer(document: Document) -> None:
    section = document.sections[0]
    assert (abs(section.page_width - Cm(21)), abs(section.page_height - Cm(29.7))) < (Cm(0.01), Cm(0.01))
    assert 'PAGE' in section.footer._element.xml and "w:fldChar" in section.footer._element.xml


def test_participant_text_stays_literal_text() -> None:
    session = make_session()
    session.register_participant("eve", role="elu", commune="Vernoux", now=T0)
    session.add_contribution("eve", kind="difficulte", text="<b>gras</b> & <script>x</script>", theme="Santé",
                             risk="eleve", now=T0)
    document = reread(build_restitution(session))
    assert any(p.text.startswith("<b>gras</b> & <script>x</script> — ") for p in document.paragraphs)


def test_sections_are_an_ordered_list_of_functions_that_may_be_extended() -> None:
    assert [section.__name__ for section in SECTIONS] == ["cover", "context", "calendar", "strategic_axes",
                                                          "comments", "priorities", "vote_details", "gaps",
                                                          "annexes", "grouping", "ctg_plan"]


def test_the_grouping_annex_lists_each_axes_contributions_only_when_asked(document: Document) -> None:
    assert "Comment les contributions ont été regroupées" not in headings(document, 2)
    annexed = reread(build_restitution(full_session(), grouping_annex=True))
    assert headings(annexed, 2)[-1] == "Comment les contributions ont été regroupées"
    assert headings(annexed, 3)[-2:] == ["Axe 1 — Se déplacer sur tout le territoire (3 contributions d'appui)",
                                         "Axe 2 — Faire de la santé un levier d'insertion (1 contribution d'appui)"]
    bullets = [p.text for p in annexed.paragraphs if p.style.name == "List Bullet"]
    assert ("Pas de bus après 18 h — Difficulté · Mobilité · Fontenelle · "
            "Piste d'action « Un transport à la demande le soir »") in bullets
    assert any(p.text.endswith("rattachée à aucun axe (elles figurent dans l'annexe des contributions).")
               for p in annexed.paragraphs)


def custom_template(tmp_path: Path, *, drop: tuple[str, ...] = ()) -> Path:
    template = docx.Document()
    heading = template.styles["Heading 1"]
    heading.font.name = "Courier New"
    heading.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    template.sections[0].header.paragraphs[0].text = "Logo de la CC du Val"
    template.add_paragraph("Texte d'exemple du modèle, à ne pas reprendre")
    for name in drop:
        element = template.styles[name].element
        element.getparent().remove(element)
    path = tmp_path / "mon-modele.docx"
    template.save(str(path))
    return path


def test_custom_template_gives_its_styles_and_header_but_not_its_body(tmp_path: Path) -> None:
    document = reread(build_restitution(full_session(), custom_template(tmp_path)))
    heading = document.styles["Heading 1"]
    assert (heading.font.name, heading.font.color.rgb) == ("Courier New", RGBColor(0xC0, 0x00, 0x00))
    assert document.sections[0].header.paragraphs[0].text == "Logo de la CC du Val"
    assert "Texte d'exemple du modèle, à ne pas reprendre" not in texts_of(document)
    assert headings(document, 1) == ALL_SECTIONS


def test_a_logo_in_the_template_body_opens_the_cover(tmp_path: Path) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (120, 60), (16, 35, 63)).save(picture, format="PNG")
    template = docx.Document(str(custom_template(tmp_path)))
    template.add_picture(io.BytesIO(picture.getvalue()), width=Cm(4))
    template.add_paragraph("Texte sous le logo, à ne pas reprendre")
    path = tmp_path / "avec-logo.docx"
    template.save(str(path))
    document = reread(build_restitution(full_session(), path))
    assert document.paragraphs[0].text == "" and len(document.inline_shapes) >= 1
    assert document.paragraphs[0]._p.findall(".//" + qn("w:drawing")), "the logo comes first"
    assert document.paragraphs[1].text == "CC du Val"
    assert "Texte sous le logo, à ne pas reprendre" not in texts_of(document)


def test_template_lacking_list_and_table_styles_still_gives_a_full_document(tmp_path: Path) -> None:
    template = custom_template(tmp_path, drop=("List Bullet", "Table Grid", "Heading 4"))
    document = reread(build_restitution(full_session(), template))
    assert "• Mission Locale" in [p.text for p in document.paragraphs]
    assert table_after(document, "Thématique")[0] == ["Mobilité", "2", "5", "1", "+4"]


def test_missing_or_unreadable_template_is_refused_in_french(tmp_path: Path) -> None:
    with refused(InvalidInput, match=r"Le modèle de document .* est introuvable"):
        restitution_docx(full_session(), tmp_path / "absent.docx")
    not_word = tmp_path / "faux.docx"
    not_word.write_text("pas un document", encoding="utf-8")
    with refused(InvalidInput, match="n'est pas un fichier Word"):
        restitution_docx(full_session(), not_word)


def test_witness_phase_with_contributions_but_no_date_is_still_in_the_calendar() -> None:
    session = full_session()
    session.set_phase_date(PhaseKey.TEMOIGNAGES, None, T0)
    body = texts_of(reread(build_restitution(session)))
    assert ("Soirée de témoignages des acteurs locaux et institutionnels, réunissant 2 acteurs locaux et "
            "1 acteur institutionnel") in body


def test_without_a_list_of_structures_the_calendar_names_those_on_visible_témoignages() -> None:
    session = full_session()
    session.witnesses.structures.clear()
    body = texts_of(reread(build_restitution(session)))
    start = body.index("Structures qui ont témoigné :")
    assert body[start + 1:start + 3] == ["Mission Locale", "CCAS de Marcilly"]
    assert body[start + 3] != "ADMR du Val" and "Structure masquée" not in body


def test_the_fast_writer_keeps_styles_spaces_tabs_and_line_breaks() -> None:
    """Paragraphs and runs written directly read back as python-docx would have written them."""
    writer = Writer(docx.Document())
    writer.bullet("  Une ligne entourée d'espaces  ", "détail")
    writer.paragraph("Colonne\tsuivante\nligne suivante")
    writer.heading("Un titre", 1)
    document = reread(writer.document)
    bullet, tabbed, heading = document.paragraphs[-3:]
    assert bullet.style.name == "List Bullet" and bullet.runs[0].text == "  Une ligne entourée d'espaces  "
    assert bullet.runs[1].text == " — détail" and bullet.runs[1].style.name == "Emphasis"
    assert tabbed.text == "Colonne\tsuivante\nligne suivante"
    assert heading.style.name == "Heading 1" and heading.text == "Un titre"
    assert document.element.body[-1].tag.endswith("sectPr")  # written before the section properties


def test_paragraphs_written_after_a_landscape_section_follow_it_in_the_document() -> None:
    """The writer remembers where the body's section properties are: a section break added in
    between (a wide table's landscape pages) still leaves every paragraph in the order written."""
    writer = Writer(docx.Document())
    writer.paragraph("Avant la page paysage")
    writer.landscape_pages()
    writer.paragraph("Sur la page paysage")
    document = reread(writer.document)
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[-2:] == ["Avant la page paysage", "Sur la page paysage"]
    assert len(document.sections) == 2 and document.element.body[-1].tag.endswith("sectPr")
    landscape_break = document.element.body[-3]  # the paragraph holding the first section's end
    assert landscape_break.find(".//" + qn("w:sectPr")) is not None


def test_the_calendar_puts_the_other_meetings_among_the_phases_in_date_order() -> None:
    session = full_session()
    session.calendar.add("Comité de pilotage", date(2018, 1, 22))
    session.calendar.add("Une réunion encore à dater", None)
    session.calendar.add("Présentation de la démarche aux élus", date(2017, 9, 4))
    body = texts_of(reread(build_restitution(session)))
    start = body.index("Calendrier du déroulement") + 1
    dated = [line for line in body[start:start + 12] if " — " in line or line == "Une réunion encore à dater"]
    assert [line.split(" — ")[0] for line in dated] == [
        "4 septembre 2017", "16 octobre 2017", "27 novembre 2017", "22 janvier 2018", "14 mars 2018",
        "Une réunion encore à dater"]
    assert "22 janvier 2018 — Comité de pilotage" in body
    assert "4 septembre 2017 \u2013 14 mars 2018" in body  # the cover spans every dated meeting


def test_comments_keep_the_facilitators_bullets_and_emphasis_as_word_runs() -> None:
    session = full_session()
    context = session.context
    session.set_context(population=context.population, population_year=context.population_year,
                        history=context.history, seat=context.seat, author=context.author, now=T0,
                        analysis="Trois enjeux **majeurs** ressortent :\n- la *mobilité* des jeunes ;\n"
                                 "• l'accès aux **soins**.\n\nUn <b>balisage</b> HTML reste du texte.")
    document = reread(build_restitution(session))
    start = next(i for i, p in enumerate(document.paragraphs) if p.text == "Commentaires et enjeux majeurs")
    intro, first, second, last = document.paragraphs[start + 1:start + 5]
    assert [(r.text, r.style.name) for r in intro.runs] == [
        ("Trois enjeux ", "Default Paragraph Font"), ("majeurs", "Strong"), (" ressortent :", "Default Paragraph Font")]
    assert first.style.name == "List Bullet" and first.text == "la mobilité des jeunes ;"
    assert [r.style.name for r in first.runs if r.text == "mobilité"] == ["Emphasis"]
    assert second.style.name == "List Bullet" and second.text == "l'accès aux soins."
    assert last.text == "Un <b>balisage</b> HTML reste du texte."


def test_headings_keep_with_what_follows_and_the_annexes_start_a_page_without_an_empty_paragraph(
        document: Document) -> None:
    headings_ = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings_ and all(p.paragraph_format.keep_with_next for p in headings_)
    index = next(i for i, p in enumerate(document.paragraphs) if p.text == "Annexes")
    assert document.paragraphs[index].paragraph_format.page_break_before
    before = document.paragraphs[index - 1]
    assert 'w:br w:type="page"' not in before._p.xml  # no break of its own, which could make a blank page


def test_the_first_of_a_month_is_written_with_a_raised_er() -> None:
    session = full_session()
    session.set_phase_date(PhaseKey.ETAT_DES_LIEUX, date(2017, 10, 1), T0)
    document = reread(build_restitution(session))
    line = next(p for p in document.paragraphs if p.text.startswith("1er octobre 2017 — "))
    assert [(r.text, bool(r.font.superscript)) for r in line.runs[:3]] == [("1", False), ("er", True),
                                                                         (" octobre 2017", False)]
    cover = next(p for p in document.paragraphs if p.text.startswith("1er octobre 2017 \u2013"))
    assert [r.text for r in cover.runs if r.font.superscript] == ["er"]


def test_no_table_column_is_narrower_than_the_longest_word_of_its_header() -> None:
    """Else Word and LibreOffice break the word inside the header (« participan-ts »)."""
    document = build_restitution(full_session(), detailed_votes=True)
    roles = ("Piste d'action", "Élus (12 votants)", "Habitants (40 votants)", "Acteurs locaux (9 votants)",
             "Acteurs institutionnels (5 votants)", "Total")  # a vote by role where every role took part
    Writer(document).table(roles, [("Un transport à la demande", 12, 30, 4, 2, 48)])
    document = reread(document)
    for table in document.tables:
        for cell in table.rows[0].cells:
            longest = max(len(word) for word in cell.text.split())
            assert cell.width >= longest * Pt(7.2), (cell.text, cell.width)
