"""« Les axes stratégiques », laid out as the method's fiches do.

Each axe is numbered, an en dash, then its title in capitals (« 1 \u2013 COORDONNER LES INITIATIVES »);
under it « Les enjeux », « Les orientations » and the pistes d'actions as bullets, a piste's
sub-lines as bullets one level in, then « Concrètement ». What only the tool knows comes with it:
how many contributions of the soirées back the axe, and the vote result of each orientation or
piste that was voted on. An empty list is left out, and so is the section when there is no axe.
"""

from __future__ import annotations

from docx.document import Document

from atelier import texts
from atelier.domain.axes import Axis, AxisSection, Line, Piste
from atelier.domain.session import Session
from atelier.export.docx_writer import Writer
from atelier.export.priorities import LineResults


def strategic_axes(document: Document, session: Session) -> None:
    if not session.axes.axes:
        return
    writer = Writer(document)
    writer.heading(texts.DOC_AXES, 1)
    results = LineResults(session)
    for number, axis in enumerate(session.axes.axes, start=1):
        writer.heading(texts.DOC_AXIS_NUMBERED.format(number=number, title=axis.title.upper()), 2)
        backing = len(session.evidence_for_axis(axis.id))
        if backing:
            paragraph = writer.paragraph()
            writer.run(paragraph, texts.DOC_AXIS_EVIDENCE.format(
                contributions=texts.count(backing, texts.DOC_EVIDENCE_FORMS)), "Emphasis")
        for section in AxisSection:
            _lines(writer, section, axis.section(section), results)
        _concretely(writer, axis)
        _plenary_words(writer, session, axis)


def _lines(writer: Writer, section: AxisSection, lines: list[Line], results: LineResults) -> None:
    if not lines:
        return
    writer.heading(texts.AXIS_SECTION_LABELS[section], 3)
    for line in lines:
        writer.bullet(line.text, results.describe(line.id))
        if isinstance(line, Piste):
            for detail in line.details:
                writer.sub_bullet(detail)


def _plenary_words(writer: Writer, session: Session, axis: Axis) -> None:
    """What the room said of this axe and the facilitator put on the screen: only those, as said."""
    shown = session.comments.shown_for(axis.id)  # showing a comment un-hides it: shown is never hidden
    if not shown:
        return
    writer.heading(texts.DOC_PLENARY_WORDS, 3)
    for comment in sorted(shown, key=lambda c: c.id):
        writer.bullet(comment.text)


def _concretely(writer: Writer, axis: Axis) -> None:
    """« Concrètement : la création d'un CIAS », further lines as paragraphs below it."""
    lines = [line for line in axis.concretely.splitlines() if line.strip()]
    if not lines:
        return
    paragraph = writer.paragraph()
    writer.run(paragraph, texts.DOC_CONCRETELY, "Strong")
    paragraph.add_run(lines[0])
    for line in lines[1:]:
        writer.paragraph(line)
