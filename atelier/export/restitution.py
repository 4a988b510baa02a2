"""The restitution document: the template's styles, then each section of `SECTIONS` in turn."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from docx.document import Document

from atelier.domain.session import Session
from atelier.export.docx_annexes import annexes, grouping
from atelier.export.docx_axes import strategic_axes
from atelier.export.docx_ctg import ctg_plan
from atelier.export.docx_sections import calendar, comments, context, cover, gaps
from atelier.export.docx_votes import priorities, vote_details
from atelier.export.docx_writer import blank_document, default_template, set_properties

Section = Callable[[Document, Session], None]

# The method's order. A section with no data adds nothing, so a new one is one more entry here and
# changes none of the others.
SECTIONS: list[Section] = [
    # The method's fiche, in its order…
    cover,
    context,
    calendar,
    strategic_axes,
    comments,
    # …then what only a tool adds.
    priorities,
    vote_details,
    gaps,
    annexes,
    grouping,
    ctg_plan,
]
OPTIONAL = {vote_details: "detailed_votes", grouping: "grouping_annex"}  # sections the facilitator adds


def build_restitution(session: Session, template: Path | None = None, *, detailed_votes: bool = False,
                      grouping_annex: bool = False) -> Document:
    """`detailed_votes` adds the vote by role, by commune and « une commune, une voix » to the overall ranking;
    `grouping_annex` the annex « Comment les contributions ont été regroupées ». Both only when the
    facilitator asks (console checkboxes, `--detail-votes`, `--grouping-annex`)."""
    asked = {"detailed_votes": detailed_votes, "grouping_annex": grouping_annex}
    document = blank_document(template or default_template())
    set_properties(document, session)
    for section in SECTIONS:
        if section not in OPTIONAL or asked[OPTIONAL[section]]:
            section(document, session)
    return document


def restitution_docx(session: Session, template: Path | None = None, *, detailed_votes: bool = False,
                     grouping_annex: bool = False) -> bytes:
    out = io.BytesIO()
    build_restitution(session, template, detailed_votes=detailed_votes, grouping_annex=grouping_annex).save(out)
    return out.getvalue()
