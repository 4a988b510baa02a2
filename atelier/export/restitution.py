"""The restitution document: the template's styles, then each section of `SECTIONS` in turn."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from docx.document import Document

from atelier.domain.session import Session
from atelier.export.docx_annexes import annexes
from atelier.export.docx_sections import calendar, comments, context, cover, gaps
from atelier.export.docx_writer import blank_document, default_template, set_properties

Section = Callable[[Document, Session], None]

# The method's order. A section with no data adds nothing, so a new one (« Les axes stratégiques »
# and « Priorités votées » after the calendar, a « Plan d'actions CTG » after the annexes) is one
# more entry here and changes none of the others.
SECTIONS: list[Section] = [
    cover,
    context,
    calendar,
    gaps,
    comments,
    annexes,
]


def build_restitution(session: Session, template: Path | None = None) -> Document:
    document = blank_document(template or default_template())
    set_properties(document, session)
    for section in SECTIONS:
        section(document, session)
    return document


def restitution_docx(session: Session, template: Path | None = None) -> bytes:
    out = io.BytesIO()
    build_restitution(session, template).save(out)
    return out.getvalue()
