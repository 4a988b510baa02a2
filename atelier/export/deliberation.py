"""The projet de délibération: what the council adopts once the restitution is read.

In the form intercommunalités publish: the objet; the exposé (the démarche, its calendar, who took
part); the plan as a table « Axes stratégiques / Orientations / Exemples d'actions », the voted
priorities marked; then « Le conseil communautaire, après en avoir délibéré : ADOPTE … », with
blanks for the séance, the quorum and the votes, which only the council can fill in.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document

from atelier import texts
from atelier.domain.axes import Axis
from atelier.domain.session import Session
from atelier.domain.vote_results import ranked_totals
from atelier.export.analysis import participants_by_role
from atelier.export.docx_sections import meetings
from atelier.export.docx_writer import Writer, blank_document, default_template, set_properties
from atelier.export.french import french_date

PRIORITIES_MARKED = 5  # the pistes marked « priorité n° … » in the plan's table
PLAN_SHARES = (0.28, 0.32, 0.40)


def build_deliberation(session: Session, template: Path | None = None) -> Document:
    document = blank_document(template or default_template())
    set_properties(document, session)
    writer = Writer(document)
    writer.heading(texts.DELIB_TITLE, 0)
    writer.paragraph(session.territory, "Subtitle")
    for line in texts.DELIB_BLANKS:
        writer.paragraph(line)
    objet = writer.paragraph()
    writer.run(objet, texts.DELIB_OBJECT_LABEL, "Strong")
    objet.add_run(texts.DELIB_OBJECT.format(title=session.title))
    _statement(writer, session)
    _plan(writer, session)
    writer.heading(texts.DELIB_DECISION_TITLE, 1)
    writer.paragraph(texts.DELIB_DECISION_INTRO)
    for verb, rest in texts.DELIB_DECISIONS:
        paragraph = writer.paragraph()
        writer.run(paragraph, verb, "Strong")
        paragraph.add_run(rest)
    for line in texts.DELIB_VOTE_BLANKS:
        writer.paragraph(line)
    return document


def deliberation_docx(session: Session, template: Path | None = None) -> bytes:
    out = io.BytesIO()
    build_deliberation(session, template).save(out)
    return out.getvalue()


def _statement(writer: Writer, session: Session) -> None:
    writer.heading(texts.DELIB_EXPOSE_TITLE, 1)
    writer.paragraph(texts.DELIB_EXPOSE.format(title=session.title, communes=texts.count(
        len(session.communes), texts.DOC_COMMUNES)))
    for meeting in meetings(session):
        if meeting.day:
            writer.bullet(f"{french_date(meeting.day)} — {meeting.description}")
        else:
            writer.bullet(meeting.description)
    by_role = participants_by_role(session)
    if by_role:
        people = [texts.count(n, texts.ROLE_COUNT_FORMS[role]) for role, n in by_role]
        writer.paragraph(texts.DELIB_PARTICIPANTS.format(
            total=sum(n for _, n in by_role), people=", ".join(people)))
    writer.paragraph(texts.DELIB_EXPOSE_PLAN.format(axes=texts.count(len(session.axes.axes), texts.DELIB_AXES)))


def _plan(writer: Writer, session: Session) -> None:
    if not session.axes.axes:
        return
    writer.heading(texts.DELIB_PLAN_TITLE, 1)
    ranks = _priorities(session)
    rows = [row for number, axis in enumerate(session.axes.axes, start=1) for row in _axis_rows(number, axis, ranks)]
    writer.table(texts.DELIB_PLAN_HEADERS, rows, PLAN_SHARES)
    if ranks:
        writer.paragraph(texts.DELIB_PRIORITIES_NOTE)


def _axis_rows(number: int, axis: Axis, ranks: dict[int, int]) -> list[tuple[str, str, str]]:
    """One row per orientation with its own pistes (the axe named on the first), then the pistes under the axe."""
    groups = axis.outline() or [(None, [])]
    return [(f"{number}. {axis.title}" if index == 0 else "", "" if orientation is None else orientation.text,
             "\n".join(_action(piste.id, piste.text, ranks) for piste in pistes))
            for index, (orientation, pistes) in enumerate(groups)]


def _priorities(session: Session) -> dict[int, int]:
    """The rank of the first pistes of the latest vote on pistes that got points."""
    vote = session.votes.reported("piste")
    if vote is None:
        return {}
    return {item.item_id: item.rank for item in ranked_totals(vote) if item.score and item.rank <= PRIORITIES_MARKED}


def _action(piste_id: int, text: str, ranks: dict[int, int]) -> str:
    return texts.DELIB_PRIORITY.format(text=text, rank=ranks[piste_id]) if piste_id in ranks else text
