"""The restitution's main sections, in the order of the method's fiches.

Each section is `(document, session) -> None` and adds nothing when the session has nothing for it:
the document never carries an empty heading or placeholder text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from docx.document import Document

from atelier import texts
from atelier.domain.model import Phase, PhaseKey
from atelier.domain.session import Session
from atelier.export.analysis import attendance, testifying_structures, theme_gaps
from atelier.export.charts import gap_chart_png
from atelier.export.docx_writer import BULLET_FALLBACK, Writer
from atelier.export.french import french_date, french_date_range, french_number


def cover(document: Document, session: Session) -> None:
    """The template's logo if it has one, territory and département, the démarche's title, the span of
    its dated meetings, who prepared the document."""
    writer = Writer(document)
    writer.heading(session.territory, 0)
    if session.context.department:
        writer.paragraph(session.context.department, "Subtitle")
    writer.paragraph(session.title, "Subtitle")
    days = [phase.date for phase in session.phases.values() if phase.date]
    days += [step.date for step in session.calendar.steps if step.date]
    if days:
        writer.dated(writer.paragraph(), french_date_range(days))
    if session.context.author:
        writer.paragraph(texts.DOC_PREPARED_BY.format(author=session.context.author))
    writer.page_break()


def context(document: Document, session: Session) -> None:
    """Département, population and year, history, number of communes, seat: the facts, in the fiches' order."""
    writer = Writer(document)
    facts = session.context
    writer.heading(texts.DOC_CONTEXT, 1)
    if facts.department:
        writer.paragraph(texts.DOC_DEPARTMENT.format(department=facts.department))
    if facts.population is not None:
        population = french_number(facts.population)
        writer.paragraph(texts.DOC_POPULATION_YEAR.format(population=population, year=facts.population_year)
                         if facts.population_year else texts.DOC_POPULATION.format(population=population))
    writer.paragraphs(facts.history)
    writer.paragraph(f"{texts.count(len(session.communes), texts.DOC_COMMUNES)}.")  # their names: in the annexes
    if facts.seat:
        writer.paragraph(texts.DOC_SEAT.format(seat=facts.seat))


@dataclass(frozen=True)
class Meeting:
    day: date | None
    description: str
    phase: PhaseKey | None  # None: one of the calendar's other steps


def meetings(session: Session) -> list[Meeting]:
    """Every meeting of the démarche in date order: the phases that took place (saying who was there)
    and the other steps the facilitator entered. Undated ones come last, in the order entered."""
    phases = [phase for phase in session.phases.values() if _took_place(session, phase)]
    found = [Meeting(p.date, texts.phase_description(p.key, attendance(session, p.key)), p.key) for p in phases]
    found += [Meeting(step.date, step.title, None) for step in session.calendar.steps]
    return sorted(found, key=lambda m: (m.day is None, m.day or date.min))  # stable: ties keep their order


def calendar(document: Document, session: Session) -> None:
    """« Calendrier du déroulement »: each meeting; for the témoignages, who testified."""
    found = meetings(session)
    if not found:
        return
    writer = Writer(document)
    writer.heading(texts.DOC_CALENDAR, 1)
    for meeting in found:
        if meeting.day:
            writer.labelled(french_date(meeting.day), meeting.description)
        else:
            writer.paragraph(meeting.description)
        structures = testifying_structures(session) if meeting.phase is PhaseKey.TEMOIGNAGES else []
        if structures:
            writer.paragraph(texts.DOC_TESTIFIED)
            for structure in structures:
                writer.bullet(structure)


def _took_place(session: Session, phase: Phase) -> bool:
    return phase.date is not None or bool(session.visible_contributions(phase.key))


def gaps(document: Document, session: Session) -> None:
    """Per theme, difficultés weighted by risk against ressources: a table, then a chart."""
    rows = theme_gaps(session)
    if not rows:
        return
    writer = Writer(document)
    writer.heading(texts.DOC_GAPS, 1)
    writer.paragraph(texts.DOC_GAPS_INTRO)
    writer.table(texts.DOC_GAPS_HEADERS,
                 [(g.key, g.difficulties, g.need, g.resources, _signed(g.gap)) for g in rows])
    writer.picture(gap_chart_png(rows), texts.GAP_CHART_CAPTION)


def _signed(number: int) -> str:
    """« +4 », « 0 », and for a negative gap a true minus sign (U+2212), as French typography wants."""
    return f"+{number}" if number > 0 else str(number).replace("-", "\u2212")


def comments(document: Document, session: Session) -> None:
    """« Commentaires et enjeux majeurs »: the facilitator's analysis, paragraph by paragraph."""
    if not session.context.analysis:
        return
    writer = Writer(document)
    writer.heading(texts.DOC_COMMENTS, 1)
    for line in session.context.analysis.splitlines():
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        paragraph = writer.paragraph(style="List Bullet" if bullet else "Normal")
        if bullet and not writer.has_style("List Bullet"):
            paragraph.add_run(BULLET_FALLBACK)
        for text, style in marked_runs(line[bullet.end():] if bullet else line.strip()):
            writer.run(paragraph, text, style) if style else paragraph.add_run(text)


# The light syntax of the analysis field (its label says it): « - » or « • » starts a bullet,
# **gras** and *italique* are emphasis. Rendered as Word runs; never HTML anywhere.
_BULLET = re.compile(r"^\s*[-•]\s+")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


def marked_runs(text: str) -> list[tuple[str, str | None]]:
    """« un **vrai** enjeu » → [("un ", None), ("vrai", "Strong"), (" enjeu", None)]."""
    runs: list[tuple[str, str | None]] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            runs.append((text[position:match.start()], None))
        runs.append((match.group(1), "Strong") if match.group(1) else (match.group(2), "Emphasis"))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], None))
    return runs
