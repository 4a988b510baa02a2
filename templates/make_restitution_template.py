"""Regenerate `templates/restitution.docx`, the styles of the restitution document.

    python templates/make_restitution_template.py [OUTPUT]

The export keeps only the styles, page setup, header and footer of this file, and the first
paragraph of its body that holds a picture: the intercommunalité's logo, put at the top of the
cover. To give documents your own look (logo, colours, fonts), edit the file in Word or LibreOffice
— or replace it — instead of running this script: see the README.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

# Arial is on every Windows and macOS machine; LibreOffice shows its metric twin Liberation Sans.
FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
TEXT = RGBColor(0x22, 0x22, 0x22)
# (style, size in points, bold, all capitals, space before, space after)
HEADINGS = [
    ("Title", 28, True, False, 0, 12),
    ("Subtitle", 16, False, False, 0, 24),
    ("Heading 1", 16, True, True, 18, 8),
    ("Heading 2", 13, True, False, 14, 6),
    ("Heading 3", 11.5, True, False, 10, 4),
    ("Heading 4", 10.5, True, False, 8, 2),
]


def build() -> Document:
    document = docx.Document()  # python-docx's own template: every built-in style we name is there
    _page(document)
    _fonts(document)
    _headings(document)
    _page_numbers(document)
    _empty(document)
    return document


def _page(document: Document) -> None:
    """A4, 2.5 cm margins; no page number on the cover."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.different_first_page_header_footer = True


def _fonts(document: Document) -> None:
    """One font everywhere, French for spelling and hyphenation: theme fonts would override it."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(run_defaults)
    language = run_defaults.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_defaults.append(language)
    language.set(qn("w:val"), "fr-FR")
    for style in document.styles:
        r_pr = style.element.find(qn("w:rPr"))
        if r_pr is not None and r_pr.find(qn("w:rFonts")) is not None:
            _set_fonts(r_pr)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = TEXT
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15


def _set_fonts(r_pr: OxmlElement) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for name in list(fonts.attrib):
        if name.endswith("Theme"):
            del fonts.attrib[name]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), FONT)


def _headings(document: Document) -> None:
    for name, size, bold, caps, before, after in HEADINGS:
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        style.font.all_caps = caps
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    title = document.styles["Title"]
    title.paragraph_format.space_before = Pt(180)  # the cover's title sits a third down the page
    _no_border(title)
    caption = document.styles["Caption"]
    caption.font.color.rgb = TEXT
    caption.font.size = Pt(9)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.styles["Strong"].font.color.rgb = ACCENT
    assert document.styles["List Bullet"].type == WD_STYLE_TYPE.PARAGRAPH


def _no_border(style) -> None:
    """python-docx's Title has a bottom rule; the cover looks cleaner without it."""
    p_pr = style.element.find(qn("w:pPr"))
    border = p_pr.find(qn("w:pBdr")) if p_pr is not None else None
    if border is not None:
        p_pr.remove(border)


def _page_numbers(document: Document) -> None:
    """« 3 / 12 » centred in the footer, from PAGE and NUMPAGES fields that Word and LibreOffice fill."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")
    paragraph.add_run(" / ")
    _field(paragraph, "NUMPAGES")


def _field(paragraph, instruction: str) -> None:
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = text
            run._r.append(code)
        else:
            run.text = text


def _empty(document: Document) -> None:
    """No body text and no leftover properties: the export fills both."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = document.core_properties
    props.author = props.last_modified_by = props.title = props.subject = ""
    props.keywords = props.comments = props.category = ""
    props.language = "fr-FR"


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else Path(__file__).resolve().parent / "restitution.docx"
    build().save(str(output))
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
