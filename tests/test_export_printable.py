"""Every text a phone or a form can send is storable and printable: what XML 1.0, a DOCX or a CSV
cannot hold is removed on the way in, and the exports never fail on what was stored before."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atelier.domain.validation import clean_text, printable
from atelier.export.formats import ExportFormat, render
from tests.export_data import full_session

# One of each kind XML 1.0 refuses or holds only as garbage, and the normalisation NFC expects.
REFUSED = {
    "NUL": "\x00", "C0 control": "\x07", "vertical tab": "\x0b", "escape": "\x1b", "delete": "\x7f",
    "C1 control": "\x85", "C1 CSI": "\x9b", "lone high surrogate": "\ud800", "lone low surrogate": "\udfff",
    "U+FFFE": "\ufffe", "U+FFFF": "\uffff", "U+FDD0": "\ufdd0", "plane-1 noncharacter": "\U0001fffe",
    "last code point": "\U0010ffff",
}
KEPT = "Pas de bus après 18 h — « vraiment » 🚌 ½ œ\tfin"


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_character_is_removed_and_the_rest_kept(name: str) -> None:
    assert clean_text(f"Pas de bus{REFUSED[name]} le soir") == "Pas de bus le soir"


def test_text_is_normalised_to_composed_accents_and_keeps_what_prints() -> None:
    assert clean_text("e\u0301cole") == "\u00e9cole"
    assert clean_text(KEPT) == KEPT.replace("\t", " ")
    assert printable("\t\n") == "\t\n"


def stored_raw(text: str):  # type: ignore[no-untyped-def]
    """A session whose first contribution holds `text` as is: stored before atelier refused it, or imported."""
    session = full_session()
    first = min(session.contributions)
    session.contributions[first] = dataclasses.replace(session.contributions[first], text=text)
    session.axes.axes[0].title = text or "x"
    return session, first


def exports_of(session) -> dict[ExportFormat, bytes]:  # type: ignore[no-untyped-def]
    return {fmt: render(session, fmt, today=date(2018, 3, 20), detailed_votes=True).content for fmt in ExportFormat}


def test_every_export_opens_whatever_the_stored_text_held() -> None:
    text = "Avant" + "".join(REFUSED.values()) + "après"
    session, _ = stored_raw(text)
    files = exports_of(session)
    document = docx.Document(io.BytesIO(files[ExportFormat.DOCX]))
    assert any("Avantaprès" in p.text for p in document.paragraphs) or any(
        "Avantaprès" in cell.text for t in document.tables for row in t.rows for cell in row.cells)
    assert "Avantaprès" in files[ExportFormat.CSV].decode("utf-8-sig")
    assert "Avantaprès" in json.dumps(json.loads(files[ExportFormat.JSON]), ensure_ascii=False)
    docx.Document(io.BytesIO(files[ExportFormat.DELIBERATION]))


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=60)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_arbitrary_text_stored_as_is_never_breaks_an_export(text: str) -> None:
    session, _ = stored_raw(text)
    files = exports_of(session)
    docx.Document(io.BytesIO(files[ExportFormat.DOCX]))
    docx.Document(io.BytesIO(files[ExportFormat.DELIBERATION]))
    files[ExportFormat.CSV].decode("utf-8-sig")
    archive = json.loads(files[ExportFormat.JSON])
    assert archive  # valid JSON, and its texts printable
    assert printable(json.dumps(archive, ensure_ascii=False)) == json.dumps(archive, ensure_ascii=False)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_arbitrary_text_sent_by_a_phone_is_printable_once_cleaned(text: str) -> None:
    try:
        cleaned = clean_text(text)
    except Exception as error:  # an empty text is refused, with its French message
        assert type(error).__name__ == "InvalidInput"
        return
    assert printable(cleaned) == cleaned
    cleaned.encode("utf-8")  # no lone surrogate
