"""The restitution's annexes: every visible contribution, then how many took part.

Hidden contributions were moderated out during the soirée: they never reach the document.
"""

from __future__ import annotations

from docx.document import Document

from atelier import texts
from atelier.domain.errors import NotFound
from atelier.domain.model import Contribution
from atelier.domain.session import Session
from atelier.export.analysis import (
    annex_groups,
    contributions_by_phase,
    merged_count,
    participants_by_commune,
    participants_by_role,
)
from atelier.export.docx_writer import Writer


def annexes(document: Document, session: Session) -> None:
    groups = annex_groups(session)
    if not groups and not session.participants:
        return
    writer = Writer(document)
    writer.heading(texts.DOC_ANNEXES, 1, new_page=True)
    for phase, themes in groups:
        writer.heading(texts.DOC_ANNEX_CONTRIBUTIONS.format(phase=texts.PHASE_LABELS[phase]), 2)
        for theme, kinds in themes:
            writer.heading(theme, 3)
            for kind, items in kinds:
                writer.heading(texts.DOC_ANNEX_KIND.format(kind=texts.KIND_LABELS_PLURAL[kind], count=len(items)), 4)
                for contribution in items:
                    writer.bullet(contribution.text,
                                  annex_details(contribution, merged_count(contribution, session.contributions)))
    _participation(writer, session)
    writer.heading(texts.DOC_ANNEX_COMMUNES.format(communes=texts.count(len(session.communes), texts.DOC_COMMUNES)), 2)
    writer.paragraph(", ".join(session.communes) + ".")


def grouping(document: Document, session: Session) -> None:
    """« Comment les contributions ont été regroupées »: for each axe, the contributions that back it.

    An option of the document (the facilitator's axes are the result; this shows the way there).
    """
    if not session.axes.axes:
        return
    writer = Writer(document)
    writer.heading(texts.DOC_GROUPING, 2, new_page=True)
    writer.paragraph(texts.DOC_GROUPING_INTRO)
    for number, axis in enumerate(session.axes.axes, start=1):
        evidence = session.evidence_for_axis(axis.id)
        writer.heading(texts.DOC_GROUPING_AXIS.format(number=number, title=axis.title,
                                                      evidence=texts.count(len(evidence), texts.AXES_EVIDENCE)), 3)
        if not evidence:
            writer.paragraph(texts.DOC_GROUPING_NONE)
        for contribution in evidence:
            writer.bullet(contribution.text, _grouping_details(session, contribution, axis.id))
    unused = len(session.unused_contributions())
    if unused:
        writer.paragraph(texts.DOC_GROUPING_UNUSED.format(count=texts.count(unused, texts.DOC_GROUPING_UNUSED_FORMS)))


def _grouping_details(session: Session, contribution: Contribution, axis_id: int) -> str:
    """« Difficulté · Mobilité · Fontenelle · Orientation « … » »: what it is, and which line it backs."""
    lines = []
    for target in session.evidence.uses_of(contribution.id):
        try:
            axis, line = session.axes.locate(target)
        except NotFound:
            continue
        if axis.id == axis_id and line is not None:
            lines.append(f"{texts.TARGET_LABELS[target.kind]} « {line.text} »")
    parts = [texts.KIND_LABELS[contribution.kind], contribution.theme, contribution.commune or "", *lines]
    return " · ".join(part for part in parts if part)


def annex_details(contribution: Contribution, merged: int = 1) -> str:
    """What qualifies a contribution in the annex: « Fontenelle · Risque élevé · Mission Locale · +3 partagent ».

    `merged`: how many contributions it stands for, when the facilitator merged several into it.
    """
    parts = [
        contribution.commune or "",
        texts.RISK_LABELS[contribution.risk] if contribution.risk else "",
        contribution.structure,
        texts.shared_count(contribution.share_count) if contribution.share_count else "",
        texts.MERGED_COUNT.format(count=merged) if merged > 1 else "",
    ]
    return " · ".join(part for part in parts if part)


def _participation(writer: Writer, session: Session) -> None:
    """Participants by role and by commune, contributions per phase: what the council asks first."""
    by_role = participants_by_role(session)
    by_phase = contributions_by_phase(session)
    if not by_role and not by_phase:
        return
    writer.heading(texts.DOC_PARTICIPATION, 2)
    if by_role:
        writer.heading(texts.DOC_BY_ROLE, 3)
        writer.table(texts.DOC_ROLE_HEADERS, [(texts.ROLE_LABELS[role], n) for role, n in by_role])
        writer.heading(texts.DOC_BY_COMMUNE, 3)
        writer.table(texts.DOC_COMMUNE_HEADERS, [(commune or texts.DOC_NO_COMMUNE, n)
                                                 for commune, n in participants_by_commune(session)])
    if by_phase:
        writer.heading(texts.DOC_BY_PHASE, 3)
        writer.table(texts.DOC_PHASE_HEADERS, [
            (texts.PHASE_LABELS[phase], counts.total(),
             ", ".join(texts.count(n, texts.KIND_COUNT_FORMS[kind]) for kind, n in counts.items()))
            for phase, counts in by_phase])
