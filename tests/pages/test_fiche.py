"""A démarche the size of a real fiche (4 axes, 9 orientations, 56 pistes), entered through the axes
editor as its facilitator would, read back from the restitution and from LibreOffice's PDF."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import docx
from nicegui.testing import User

from atelier.domain.changes import (
    AddCalendarStep,
    CloseVote,
    OpenVote,
    RegisterParticipant,
    SetPhaseDate,
    SetPhaseStatus,
    SetPoints,
)
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.export.restitution import restitution_docx
from tests.conftest import TOKEN
from tests.fiche_data import AXES, MEETINGS, PHASE_DATES, counts
from tests.pages.conftest import fire, running, tap
from tests.test_export_pdf import to_pdf

# What a real facilitator pastes: a list copied from a document, with its bullets.
BULLETS = ("- ", "• ", "▶ ")


def pasted(lines: tuple[str, ...]) -> str:
    return "\n".join(BULLETS[n % len(BULLETS)] + line for n, line in enumerate(lines))


async def enter_fiche(user: User, code: str) -> list[float]:
    """Every axe through the editor: title, enjeux and orientations pasted, each orientation's pistes
    pasted in the field under it, « Concrètement » typed. Returns how long each addition took."""
    board = running().service.get(code).axes
    took = []
    for axis in AXES:
        user.find(marker="new-axis-title").type(axis.title)
        await tap(user, "add-axis")
        aid = board.axes[-1].id
        await user.should_see(marker=f"axis-title-{aid}")
        for marker, lines in (("enjeux", axis.enjeux), ("orientations", tuple(o.text for o in axis.orientations))):
            user.find(marker=f"new-{marker}-{aid}").type(pasted(lines))
            started = time.perf_counter()
            await tap(user, f"add-{marker}-{aid}")
            took.append(time.perf_counter() - started)
        for orientation, stored in zip(axis.orientations, board.axis(aid).orientations, strict=True):
            user.find(marker=f"new-piste-{stored.id}").type(pasted(orientation.pistes))
            started = time.perf_counter()
            await tap(user, f"add-piste-{stored.id}")
            took.append(time.perf_counter() - started)
            await user.should_see(marker=f"line-{board.axis(aid).pistes_under(stored.id)[-1].id}")
        if axis.concretely:
            user.find(marker=f"concretely-{aid}").type(axis.concretely)
            await fire(user, f"concretely-{aid}", "blur")
    return took


async def hold_the_soirees_and_vote(code: str) -> None:
    """Dates typed for the three soirées and the two other meetings; a closed vote where 5 of 56 pistes
    got points (the rest must not read « 0 point » anywhere)."""
    service = running().service
    for key, day in PHASE_DATES.items():
        await service.apply(code, SetPhaseDate(key, day))
    for title, day in MEETINGS:
        await service.apply(code, AddCalendarStep(title, day))
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED))
    await service.apply(code, SetPhaseStatus(PhaseKey.RESTITUTION, PhaseStatus.OPEN))
    await service.apply(code, OpenVote("piste", budget=5, cap=3))
    pistes = service.get(code).axes.items("piste")
    for voter, choices in {"v1": [(0, 3), (7, 2)], "v2": [(0, 2), (20, 3)], "v3": [(33, 3), (50, 2)]}.items():
        await service.apply(code, RegisterParticipant(voter, role="elu", commune="Vernoux"))
        for index, points in choices:
            await service.apply(code, SetPoints(voter, pistes[index].id, points))
    await service.apply(code, CloseVote())


async def test_a_whole_fiche_entered_through_the_editor_reads_back_at_its_levels(
        analysed: str, user: User, tmp_path: Path) -> None:
    assert counts() == (4, 9, 56)
    await user.open(f"/f/{analysed}/axes?token={TOKEN}")
    took = await enter_fiche(user, analysed)
    await hold_the_soirees_and_vote(analysed)
    print(f"additions through the editor: {len(took)}, slowest {max(took) * 1000:.0f} ms")

    content = restitution_docx(running().service.get(analysed))
    document = docx.Document(io.BytesIO(content))
    lines = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    for axis in AXES:  # each orientation, then its own pistes one level in, in the order pasted
        for orientation in axis.orientations:
            start = next(i for i, (style, text) in enumerate(lines)
                         if style == "List Bullet" and text.startswith(orientation.text))
            block = lines[start + 1:start + 1 + len(orientation.pistes)]
            assert [style for style, _ in block] == ["List Bullet 2"] * len(orientation.pistes)
            assert [text.split(" — ")[0] for _, text in block] == list(orientation.pistes)
    body = "\n".join(text for _, text in lines)
    assert not re.search(r"(?<![\d\u00a0])0 point", body), re.search(r".{80}(?<![\d\u00a0])0 point.{40}", body)
    calendar = [text for _, text in lines if re.match(r"\d{1,2}(er)? \w+ 20\d\d — ", text)]
    assert [text.split(" — ")[1].split(",")[0] for text in calendar] == [
        "Présentation de la démarche aux élus", "Soirée ateliers « Ressources et difficultés »",
        "Soirée de témoignages des acteurs locaux et institutionnels", "Comité de pilotage : choix des axes",
        "Restitution de la démarche en plénière"]
    assert calendar[0].startswith("28 mars 2017") and calendar[-1].startswith("14 mars 2018")

    headings = {text for style, text in lines if style.startswith("Heading")}
    reader = to_pdf(content, tmp_path)
    for number, page in enumerate(reader.pages, start=1):
        body_lines = [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        body_lines = [line for line in body_lines if not re.fullmatch(r"\d+ / \d+", line)]
        assert body_lines, f"page {number} is blank"
        assert body_lines[-1] not in headings, f"page {number} ends with the heading « {body_lines[-1]} »"
