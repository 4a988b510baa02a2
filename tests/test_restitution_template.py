"""The shipped `templates/restitution.docx` and the script that regenerates it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import docx
from docx.shared import Cm

from atelier.export.docx_writer import default_template

SCRIPT = Path(__file__).resolve().parent.parent / "templates" / "make_restitution_template.py"


def generated(tmp_path: Path) -> docx.document.Document:
    spec = importlib.util.spec_from_file_location("make_restitution_template", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path / "regenerated.docx")]) == 0
    return docx.Document(str(tmp_path / "regenerated.docx"))


def test_shipped_template_is_a4_with_page_numbers_and_an_empty_body() -> None:
    template = docx.Document(str(default_template()))
    section = template.sections[0]
    assert (abs(section.page_width - Cm(21)), abs(section.page_height - Cm(29.7))) < (Cm(0.01), Cm(0.01))
    assert abs(section.left_margin - Cm(2.5)) < Cm(0.01)
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert [p.text for p in template.paragraphs if p.text] == []
    assert template.core_properties.author == ""


def test_shipped_template_names_one_font_and_french_for_spelling() -> None:
    styles = docx.Document(str(default_template())).styles.element.xml
    assert 'w:ascii="Arial"' in styles and "Theme=" not in styles.split("</w:docDefaults>")[0]
    assert 'w:lang w:val="fr-FR"' in styles


def test_script_regenerates_the_same_styles_as_the_shipped_template(tmp_path: Path) -> None:
    regenerated, shipped = generated(tmp_path), docx.Document(str(default_template()))
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption", "List Bullet"):
        assert regenerated.styles[name].element.xml == shipped.styles[name].element.xml, name
