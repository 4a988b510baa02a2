"""The soirées after the état des lieux, in real browsers: témoignages with the structure speaking, the
axes built from them, the plenary with its priority vote and live bars, and the restitution document
the facilitator downloads and the test opens. Nothing leaves 127.0.0.1 (the `room` fixture checks it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import Locator, Page, expect

from atelier import texts
from atelier.domain.model import ContributionKind, PhaseKey, Risk, Role
from tests.browser.actions import (
    add_axis_line,
    add_piste,
    add_structure,
    ballot_item,
    between,
    close_phase,
    create_session,
    decode_qr,
    give_points,
    join,
    open_step,
    phase_button,
    post,
    save_artifact,
    witness_line,
)
from tests.browser.room import RequestLog, Room
from tests.browser.server import Server

pytestmark = pytest.mark.browser

TERRITORY = "CC des Monts du Lyonnais"
COMMUNES = ["Saint-Martin", "Bessenay", "Courzieu"]
THEMES = ["Mobilité", "Jeunesse", "Accès aux droits"]
STRUCTURE = "Mission Locale"
DIFFICULTY = "Les jeunes renoncent à l'apprentissage faute de transport"
RECOMMENDATION = "Un transport à la demande pour les apprentis"
FINDING = "Les élus reçoivent de plus en plus de demandes de covoiturage"
AXIS = "Se déplacer pour se former"
STAKE = "L'accès des jeunes à la formation"
ORIENTATION = "Organiser la mobilité des 16-25 ans"
ON_DEMAND = "Un transport à la demande le soir"
MOBILE_DESK = "Une permanence mobile des services"


def test_restitution_soiree_from_testimonies_to_the_document(room: Room, server: Server, requests_log: RequestLog,
                                                             tmp_path: Path) -> None:
    console = room.facilitator()
    code = create_session(console, territory=TERRITORY, communes=COMMUNES, themes=THEMES)
    phase_button(console, PhaseKey.ETAT_DES_LIEUX, texts.CONSOLE_OPEN_PHASE).click()
    projection = room.projection(code)
    [join_url] = decode_qr(projection.screenshot())

    # Phase 1, briefly: the élue's difficulté will be in the document's annexes.
    elue, actor, resident = room.phone(), room.phone(), room.phone()
    join(elue, join_url, role=Role.ELU, commune="Bessenay")
    post(elue, DIFFICULTY, theme="Mobilité", risk=Risk.HIGH)

    # Phase 2: the Mission Locale testifies, and says so from its phone too.
    close_phase(console, PhaseKey.ETAT_DES_LIEUX)
    phase_button(console, PhaseKey.TEMOIGNAGES, texts.CONSOLE_OPEN_PHASE).click()
    add_structure(console, STRUCTURE)
    witness_line(console, STRUCTURE).get_by_role("button", name=texts.WITNESSES_SPEAK).click()
    expect(console.get_by_text(texts.WITNESSES_SPEAKING.format(name=STRUCTURE))).to_be_visible()
    expect(projection.get_by_text(texts.PROJECTION_SPEAKER, exact=True)).to_be_visible()
    expect(projection.get_by_text(STRUCTURE, exact=True)).to_be_visible()
    expect(elue.get_by_text(texts.PHONE_SPEAKER.format(name=STRUCTURE))).to_be_visible()

    join(actor, join_url, role=Role.LOCAL_ACTOR, commune=None, structure=STRUCTURE)
    post(actor, RECOMMENDATION, theme="Mobilité", kind=ContributionKind.RECOMMENDATION)
    post(elue, FINDING, theme="Mobilité", kind=ContributionKind.FINDING)
    recommendation = wall_card(projection, RECOMMENDATION)
    expect(recommendation).to_contain_text(f"{STRUCTURE} · Mobilité")
    expect(wall_card(projection, FINDING)).to_be_visible()
    expect(wall_card(projection, FINDING)).not_to_contain_text(STRUCTURE)  # an élue without a name: unsigned

    # Between the soirées: the axe, its lines, and the préconisation behind one of its pistes.
    axes = console.context.new_page()
    axes.goto(server.url(f"/f/{code}/axes"))
    axes.get_by_label(texts.AXES_NEW_TITLE).fill(AXIS)
    axes.get_by_role("button", name=texts.AXES_ADD).click()
    expect(axes.get_by_text(texts.AXES_NUMBER.format(number=1), exact=True)).to_be_visible()
    add_axis_line(axes, "enjeux", STAKE)
    add_axis_line(axes, "orientations", ORIENTATION)
    add_piste(axes, ON_DEMAND)  # under the orientation, as the method's fiches hold them
    add_piste(axes, MOBILE_DESK)

    analysis = axes.context.new_page()
    analysis.goto(server.url(f"/f/{code}/analyse"))
    row = analysis.locator(".q-card").filter(has=analysis.get_by_text(RECOMMENDATION, exact=True)) \
        .filter(has_not=analysis.locator(".q-card"))  # its own card, not the list's
    row.get_by_role("button", name=texts.ANALYSIS_LINK).click()
    piste = f"{texts.TARGET_LABELS['piste']} : {ON_DEMAND}"
    analysis.get_by_role("dialog").get_by_role("button", name=piste).click()
    expect(row.get_by_text(texts.ANALYSIS_USE_LINE.format(kind=texts.TARGET_LABELS["piste"], line=ON_DEMAND,
                                                          axis=AXIS))).to_be_visible()
    expect(axes.get_by_text(texts.count(1, texts.AXES_EVIDENCE), exact=True)).to_be_visible()
    analysis.close()
    axes.close()

    # Phase 3: the axe on the projector and on the phones.
    close_phase(console, PhaseKey.TEMOIGNAGES)
    phase_button(console, PhaseKey.RESTITUTION, texts.CONSOLE_OPEN_PHASE).click()
    console.get_by_role("button", name=texts.CONSOLE_NEXT_AXIS).click()
    expect(projection.get_by_text(texts.AXIS_NUMBER_OF.format(number=1, total=1), exact=True)).to_be_visible()
    expect(projection.get_by_text(AXIS.upper(), exact=True)).to_be_visible()
    expect(projection.get_by_text(MOBILE_DESK, exact=True)).to_be_visible()
    expect(projection.get_by_text(texts.count(1, texts.AXIS_EVIDENCE), exact=True)).to_be_visible()
    join(resident, join_url, role=Role.RESIDENT, commune="Courzieu")
    on_screen = texts.PHONE_AXIS_TITLE.format(axis=f"{texts.AXIS_NUMBER.format(number=1)} : {AXIS}")
    for phone in (elue, actor, resident):
        expect(phone.get_by_role("heading", name=on_screen)).to_be_visible()
        expect(phone.locator(".axis-lines").get_by_text(f"\u2013 {MOBILE_DESK}", exact=True)).to_be_visible()

    # The vote on the pistes: 5 points each, 3 at most on one.
    console.get_by_role("button", name=texts.CONSOLE_OPEN_VOTE).click()
    turnout = texts.PROJECTION_VOTE_TURNOUT.format(voters=texts.count(0, texts.VOTERS))
    expect(projection.get_by_text(turnout, exact=False)).to_be_visible()  # how many, not yet for what
    console.get_by_role("button", name=texts.CONSOLE_PROJECT_RESULTS).click()  # at the facilitator's word
    vote_title = texts.PROJECTION_VOTE_OPEN.format(items=texts.TARGET_LABELS_PLURAL["piste"])
    expect(projection.get_by_text(vote_title, exact=True)).to_be_visible()
    for phone in (elue, actor, resident):
        expect(points_left(phone, 5)).to_be_visible()
    give_points(elue, ON_DEMAND, 3)
    give_points(elue, MOBILE_DESK, 2)
    expect(points_left(elue, 0)).to_be_visible()
    mine = elue.locator(".ballot-mine")  # « Mes points », above the list: where the points went
    expect(mine.get_by_text(f"{ON_DEMAND} : {texts.count(3, texts.POINTS)}", exact=True)).to_be_visible()
    expect(mine.get_by_text(f"{MOBILE_DESK} : {texts.count(2, texts.POINTS)}", exact=True)).to_be_visible()
    ballot_item(elue, MOBILE_DESK).get_by_role("button", name=texts.PHONE_ADD_POINT).click()
    expect(elue.get_by_text(texts.ERR_VOTE_BUDGET.format(left=0), exact=True)).to_be_visible()
    expect(ballot_item(elue, MOBILE_DESK).get_by_text(texts.count(2, texts.POINTS), exact=True)).to_be_visible()
    expect(elue.get_by_text(texts.PHONE_SENT)).to_be_hidden()  # the « Merci ! » of phase 2 has gone
    elue.mouse.move(1, 1)  # the finger is off the button: no + left lit
    elue.evaluate("document.activeElement.blur()")
    save_artifact(elue, "restitution-ballot")
    give_points(actor, MOBILE_DESK, 3)
    expect(points_left(actor, 2)).to_be_visible()
    give_points(resident, MOBILE_DESK, 1)
    give_points(resident, ON_DEMAND, 1)
    expect(points_left(resident, 3)).to_be_visible()

    # Live bars, most points first: the permanence mobile 6, the transport à la demande 4.
    bars = projection.locator(".bar")
    expect(bars).to_contain_text([MOBILE_DESK, ON_DEMAND])
    expect(bars.filter(has_text=MOBILE_DESK)).to_contain_text(texts.count(6, texts.POINTS))
    expect(bars.filter(has_text=ON_DEMAND)).to_contain_text(texts.count(4, texts.POINTS))
    expect(projection.get_by_text(re.compile(rf"^{texts.count(3, texts.VOTERS)} · "))).to_be_visible()
    save_artifact(projection, "restitution-vote")
    save_artifact(projection, "restitution-vote-bars", clip=between(projection.locator(".wall"), bars.last))

    console.get_by_role("button", name=texts.CONSOLE_CLOSE_VOTE).click()
    console.get_by_role("dialog").get_by_role("button", name=texts.CONSOLE_CLOSE_VOTE).click()  # confirmed
    expect(projection.get_by_text(texts.PROJECTION_VOTE_CLOSED.format(
        items=texts.TARGET_LABELS_PLURAL["piste"]), exact=True)).to_be_visible()
    for phone in (elue, actor, resident):
        expect(phone.get_by_text(texts.PHONE_VOTE_CLOSED, exact=True)).to_be_visible()
        expect(phone.get_by_role("button", name=texts.PHONE_ADD_POINT)).to_have_count(0)

    # The document: downloaded from the console, opened as Word would.
    open_step(console, "document")
    with console.expect_download() as download:
        console.get_by_role("button", name=texts.EXPORT_DOCX).click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.suffix == ".docx"
    paragraphs, rows = docx_content(path)
    assert paragraphs[0] == TERRITORY
    axis_heading = texts.DOC_AXIS_NUMBERED.format(number=1, title=AXIS.upper())
    in_order = [texts.DOC_AXES, axis_heading, STAKE, ORIENTATION,
                f"{ON_DEMAND} — {texts.DOC_LINE_VOTE.format(points='4 points', rank=2, count=2)}",
                f"{MOBILE_DESK} — {texts.DOC_LINE_VOTE.format(points='6 points', rank=1, count=2)}",
                texts.DOC_PRIORITIES, texts.DOC_ANNEXES,
                f"{DIFFICULTY} — Bessenay · {texts.RISK_LABELS[Risk.HIGH]}",
                f"{RECOMMENDATION} — {STRUCTURE}"]
    missing = [line for line in in_order if line not in paragraphs]
    assert missing == [], f"not in the document: {missing}"
    positions = [paragraphs.index(line) for line in in_order]
    assert positions == sorted(positions), "the document's parts are out of order"
    ranked = texts.DOC_AXIS_NUMBERED.format(number=1, title=AXIS)
    assert ["1", MOBILE_DESK, ranked, "6"] in rows  # « Priorités votées »: rank, piste, axe, points
    assert ["2", ON_DEMAND, ranked, "4"] in rows

    assert requests_log.websockets
    assert requests_log.outside() == []


def wall_card(projection: Page, text: str) -> Locator:
    """A contribution on the wall: its text and, under it, its signature."""
    return projection.locator(".card").filter(has=projection.get_by_text(text, exact=True))


def points_left(phone: Page, left: int) -> Locator:
    return phone.get_by_text(texts.PHONE_POINTS_LEFT.format(left=left, budget=5), exact=True)


def docx_content(path: Path) -> tuple[list[str], list[list[str]]]:
    """What Word shows: the paragraphs in order, and every table row as its cells' texts."""
    document = Document(str(path))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return [p.text for p in document.paragraphs], rows
