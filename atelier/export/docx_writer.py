"""Writing into a restitution document by style name only, so the template decides how it looks.

The document starts as the template with its body emptied: its styles, page setup, headers and
footers (logo, page numbers) stay. A user's template may lack a style we name; the text then goes
in as plain paragraphs rather than failing.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import Any, cast

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import SubElement

from atelier.domain.errors import InvalidInput
from atelier.domain.session import Session
from atelier.presets import templates_dir

TEMPLATE_NAME = "restitution.docx"
BULLET_FALLBACK = "• "
SUB_BULLET_FALLBACK = "\u2013 "  # an en dash
FIRST_COLUMN_SHARE = 0.34
SHORT_TABLE = 25  # rows; a longer table may run over pages
_W_P, _W_R, _W_T, _W_VAL, _XML_SPACE = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:val"), qn("xml:space")


def default_template() -> Path:
    return templates_dir() / TEMPLATE_NAME


def blank_document(template: Path) -> Document:
    """The template with its body content removed; the final section properties are kept, and so is
    the first paragraph holding a picture: the intercommunalité's logo, which opens the cover."""
    if not template.is_file():
        raise InvalidInput("template_missing", path=template)
    try:
        document = docx.Document(str(template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InvalidInput("template_unreadable", path=template) from None
    body = document.element.body
    logo = next((child for child in body if child.tag == qn("w:p") and child.findall(".//" + qn("w:drawing"))),
                None)
    for child in list(body):
        if child.tag != qn("w:sectPr") and child is not logo:
            body.remove(child)
    return document


def set_properties(document: Document, session: Session) -> None:
    """Title and author as Word and file managers show them; nothing left over from the template."""
    props = document.core_properties
    author = session.context.author or session.territory
    props.title = f"{session.title} — {session.territory}"
    props.subject = session.title
    props.author = props.last_modified_by = author
    props.language = "fr-FR"
    props.keywords = props.comments = props.category = ""
    props.revision = 1
    # The document reflects the session as last changed, so two exports of it are identical.
    props.created = props.modified = session.updated_at.astimezone(UTC).replace(tzinfo=None)


def _add_text(paragraph: Paragraph, text: str) -> CT_R:
    """A run holding `text`, appended to `paragraph`."""
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)._r  # python-docx turns these into tabs and line breaks
    run = SubElement(paragraph._p, _W_R)
    t = SubElement(run, _W_T)
    t.text = text
    if text != text.strip():
        t.set(_XML_SPACE, "preserve")
    return cast(CT_R, run)


_FIRST = re.compile(r"\b(1er)\b")  # the first of a month, in a French date


def _styled(element: Any, properties: str, style: str, style_id: str) -> None:
    """`<w:pPr><w:pStyle w:val=…/></w:pPr>` (or its run twin) first in a new `element`, built
    directly: python-docx places each child by scanning the names of all those that may follow it."""
    holder = element.makeelement(qn(properties))
    element.insert(0, holder)
    SubElement(holder, qn(style), {_W_VAL: style_id})


class Writer:
    """Paragraphs written in constant time, whatever the length of the document.

    Styles are set by their id, looked up once: python-docx's own lookup scans every style for each
    paragraph, and places the style element after scanning for all its possible neighbours.
    Paragraphs go straight before the section properties, found once: python-docx looks for those
    among all the body's children for each paragraph, so the annex of a 5,000-contribution démarche
    cost the square of its length. A plain run's text is set in one go (python-docx reads
    it a character at a time, for tabs and line breaks, which only the slow path then handles).
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._styles: dict[str, str] = {style.name: style.style_id for style in document.styles}
        self._section: Any = None

    def _last_section(self, body: Any) -> Any:
        """The body's own section properties, looked up again only if they moved (python-docx's
        `body.sectPr` looks for them among all the body's children)."""
        if self._section is None or self._section.getparent() is not body:
            self._section = body.sectPr
        return self._section

    def has_style(self, name: str) -> bool:
        return name in self._styles

    def paragraph(self, text: str = "", style: str = "Normal") -> Paragraph:
        body = self.document.element.body
        p = body.makeelement(_W_P)  # lxml's own factory: python-docx's parses the tag's prefix each time
        section = self._last_section(body)
        body.append(p) if section is None else section.addprevious(p)
        if style != "Normal" and style in self._styles:
            _styled(p, "w:pPr", "w:pStyle", self._styles[style])  # a new paragraph: nothing before it
        paragraph = Paragraph(p, self.document._body)
        if text:
            _add_text(paragraph, text)
        return paragraph

    def paragraphs(self, text: str) -> None:
        """Free text typed over several lines: one paragraph per non-empty line."""
        for line in text.splitlines():
            if line.strip():
                self.paragraph(line)

    def heading(self, text: str, level: int, *, new_page: bool = False) -> Paragraph:
        """Always kept on the page of what follows it, whatever the template says. `new_page`: it
        starts a page (a break before the heading, not an empty paragraph that could end up alone on
        a page of its own)."""
        name = "Title" if level == 0 else f"Heading {level}"
        if name in self._styles:
            paragraph = self.paragraph(text, name)
        else:
            paragraph = self.paragraph()
            paragraph.add_run(text).bold = True
        paragraph.paragraph_format.keep_with_next = True
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def labelled(self, label: str, text: str) -> Paragraph:
        """« 16 octobre 2017 — Soirée de témoignages… »: a strong label, then plain text."""
        paragraph = self.paragraph()
        self.dated(paragraph, label, "Strong")
        paragraph.add_run(f" — {text}")
        return paragraph

    def dated(self, paragraph: Paragraph, text: str, style: str | None = None) -> None:
        """`text` as runs, the « er » of « 1er » raised as French typography writes it."""
        for number, part in enumerate(_FIRST.split(text)):
            if number % 2:
                self.run(paragraph, part[:-2], style) if style else paragraph.add_run(part[:-2])
                superscript = paragraph.add_run("er")
                superscript.font.superscript = True
                if style == "Strong":
                    superscript.bold = True
            elif part:
                self.run(paragraph, part, style) if style else paragraph.add_run(part)

    def bullet(self, text: str, details: str = "", *, level: int = 1) -> Paragraph:
        """A bullet; level 2 and 3 sit under the one before (an orientation's pistes, a piste's sub-lines)."""
        style = "List Bullet" if level == 1 else f"List Bullet {level}"
        if style in self._styles:
            paragraph = self.paragraph(text, style)
        else:
            paragraph = self.paragraph((BULLET_FALLBACK if level == 1 else SUB_BULLET_FALLBACK) + text)
            paragraph.paragraph_format.left_indent = Cm(1.2 * (level - 1)) if level > 1 else None
        if details:
            self.run(paragraph, f" — {details}", "Emphasis")
        return paragraph

    def sub_bullet(self, text: str) -> Paragraph:
        """A bullet under the one before it, one level in."""
        return self.bullet(text, level=2)

    def run(self, paragraph: Paragraph, text: str, style: str) -> None:
        run = _add_text(paragraph, text)
        if style in self._styles:
            _styled(run, "w:rPr", "w:rStyle", self._styles[style])  # a new run: nothing before it
        else:
            wrapped = Run(run, paragraph)
            wrapped.bold = style == "Strong"
            wrapped.italic = style == "Emphasis"

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str | int]],
              shares: Sequence[float] | None = None) -> None:
        """`shares`: each column's part of the text width; by default the first column gets the room."""
        table = self.document.add_table(rows=1, cols=len(headers))
        if "Table Grid" in self._styles:
            table.style = self.document.styles["Table Grid"]
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            self.run(cell.paragraphs[0], header, "Strong")
        _row_flag(table.rows[0], "w:tblHeader")  # repeated atop each page a long table runs over
        for values in rows:
            row = table.add_row()
            _row_flag(row, "w:cantSplit")  # a row never breaks across two pages
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = str(value)
        self._column_widths(table, headers, shares)
        if len(rows) <= SHORT_TABLE:
            _keep_together(table)
        self.paragraph()  # Word glues consecutive tables together; a paragraph keeps them apart

    def _column_widths(self, table: Table, headers: Sequence[str], shares: Sequence[float] | None) -> None:
        """By default the first column holds names (themes, communes): it gets the room; figures share the rest.

        No column is narrower than the longest word of its header (« Participants » never reads
        « participan-ts »): what a narrow column lacks is taken from the widest one.
        """
        count = len(table.columns)
        width = self.text_width()
        if shares:
            widths = [int(width * share) for share in shares]
        else:
            first = width if count == 1 else int(width * FIRST_COLUMN_SHARE)
            widths = [first] + [int((width - first) / (count - 1))] * (count - 1)
        widths = _fit_header_words(widths, headers)
        table.autofit = False
        for column, column_width in zip(table.columns, widths, strict=True):
            column.width = Length(column_width)
            for cell in column.cells:
                cell.width = Length(column_width)

    def picture(self, png: bytes, caption: str) -> None:
        shape = self.document.add_picture(io.BytesIO(png), width=self.text_width())
        shape._inline.docPr.set("descr", caption)  # alternative text for screen readers
        self.paragraph(caption, "Caption")

    def text_width(self) -> Length:
        section = self.document.sections[-1]
        if section.page_width and section.left_margin is not None and section.right_margin is not None:
            return Length(section.page_width - section.left_margin - section.right_margin)
        return Cm(16)

    def page_break(self) -> None:
        self.document.add_page_break()  # type: ignore[no-untyped-call]

    def landscape_pages(self) -> None:
        """From here on, pages turned sideways (a wide table); header and footer go on as before."""
        portrait = self.document.sections[-1]
        width, height = portrait.page_width, portrait.page_height
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        if width and height:
            section.page_width, section.page_height = max(width, height), min(width, height)
        section.different_first_page_header_footer = False  # its first page is no cover: number it


# A bold character of the body font at 11 pt is at most this wide on average; a cell's margins both sides.
HEADER_CHAR = Pt(7.2)
CELL_PADDING = Cm(0.4)


def _fit_header_words(widths: list[int], headers: Sequence[str]) -> list[int]:
    needed = [max((len(word) for word in header.split()), default=0) * HEADER_CHAR + CELL_PADDING
              for header in headers]
    widths = list(widths)
    for index, need in enumerate(needed):
        lacking = need - widths[index]
        if lacking <= 0:
            continue
        donor = max(range(len(widths)), key=lambda i: widths[i] - needed[i])
        spare = widths[donor] - needed[donor]
        if donor != index and spare > 0:
            moved = min(lacking, spare)
            widths[donor] -= moved
            widths[index] += moved
    return widths


def _keep_together(table: Table) -> None:
    """A short table moves to the next page whole rather than leaving its header row behind."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _row_flag(row: _Row, name: str) -> None:
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)
