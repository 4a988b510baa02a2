"""« Les axes stratégiques », laid out as the method's fiches do.

Each axe is numbered, an en dash, then its title in capitals (« 1 \u2013 COORDONNER LES INITIATIVES »);
under it « Les enjeux » as bullets, « Les orientations » as bullets each holding its pistes d'actions
one level in (a piste's sub-lines one more level in), then « Pistes d'actions » for those standing
directly under the axe, then « Concrètement ». What only the tool knows comes with it:
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
        _enjeux(writer, axis)
        if axis.orientations:
            writer.heading(texts.AXIS_SECTION_LABELS[AxisSection.ORIENTATIONS], 3)
        for orientation, pistes in axis.outline():
            _group(writer, orientation, pistes, results)
        _concretely(writer, axis)
        _plenary_words(writer, session, axis)


def _enjeux(writer: Writer, axis: Axis) -> None:
    if axis.enjeux:
        writer.heading(texts.AXIS_SECTION_LABELS[AxisSection.ENJEUX], 3)
        for line in axis.enjeux:
            writer.bullet(line.text)


def _group(writer: Writer, orientation: Line | None, pistes: list[Piste], results: LineResults) -> None:
    """An orientation and its pistes one level in; `None`: the pistes directly under the axe, at the top level."""
    level = 1
    if orientation is None:
        writer.heading(texts.AXIS_SECTION_LABELS[AxisSection.PISTES], 3)
    else:
        writer.bullet(orientation.text, results.describe(orientation.id))
        level = 2
    for piste in pistes:
        writer.bullet(piste.text, results.describe(piste.id), level=level)
        for detail in piste.details:
            writer.bullet(detail, level=level + 1)


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
