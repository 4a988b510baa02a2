"""The optional « Plan d'actions CTG » annex: the restitution turned into a CAF Convention Territoriale Globale table.

A CTG plan goes one level deeper than the fiches: axe → objectif stratégique → objectif
opérationnel → action, each action with its pilotes, échéance, indicateurs and points de
vigilance. Only the pistes whose fiche the facilitator began (at least one CTG field) are rows;
with none, the annex is left out. Eight columns need the width of a page turned sideways.
"""

from __future__ import annotations

from docx.document import Document

from atelier import texts
from atelier.domain.axes import CTG_FIELDS, Piste
from atelier.domain.session import Session
from atelier.export.docx_writer import Writer
from atelier.export.priorities import axis_label

# axe, objectif stratégique, objectif opérationnel, action, pilotes, échéance, indicateurs, vigilance
SHARES = (0.10, 0.13, 0.14, 0.17, 0.12, 0.09, 0.12, 0.13)


def ctg_plan(document: Document, session: Session) -> None:
    rows = [(axis_label(number, axis), *_row(piste))
            for number, axis in enumerate(session.axes.axes, start=1)
            for piste in axis.pistes_in_order() if has_plan(piste)]
    if not rows:
        return
    writer = Writer(document)
    writer.landscape_pages()
    writer.heading(texts.DOC_CTG, 1)
    writer.paragraph(texts.DOC_CTG_INTRO)
    labels = texts.CTG_FIELD_LABELS
    writer.table((texts.DOC_AXIS_COLUMN, labels["strategic_objective"], labels["operational_objective"],
                  texts.DOC_CTG_ACTION, labels["pilots"], labels["deadline"], labels["indicators"],
                  labels["vigilance"]), rows, SHARES)


def has_plan(piste: Piste) -> bool:
    return any(getattr(piste, name) for name in CTG_FIELDS)


def _row(piste: Piste) -> tuple[str, ...]:
    """The action is the piste with its sub-lines below it, as a CTG fiche lists « actions à mettre en place »."""
    action = "\n".join([piste.text, *(texts.DOC_CTG_SUB_ACTION.format(text=detail) for detail in piste.details)])
    return (piste.strategic_objective, piste.operational_objective, action, piste.pilots, piste.deadline,
            piste.indicators, piste.vigilance)
