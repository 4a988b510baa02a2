"""The domain holds rules, not sentences: every refusal it can raise has its French sentence in
`texts`, every field it names has a label, and no domain module imports the catalogue."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from atelier import texts
from atelier.domain.axes import CTG_FIELDS
from atelier.domain.errors import NotAllowed
from atelier.domain.model import PhaseKey

ATELIER = Path(__file__).resolve().parent.parent / "atelier"
ERROR_CLASSES = {"DomainError", "InvalidInput", "NotAllowed", "NotFound", "ArchiveError"}
CODE_ARGUMENT = {"by_id": 2, "choice": 2, "_whole_number": 1, "_require_restitution": 0}


def raised_codes_and_fields() -> tuple[set[str], set[str]]:
    codes: set[str] = set()
    fields: set[str] = set()
    for path in ATELIER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            position = 0 if name in ERROR_CLASSES else CODE_ARGUMENT.get(name)
            if position is not None and len(node.args) > position:
                argument = node.args[position]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    codes.add(argument.value)
            for keyword in node.keywords:
                if isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                    if keyword.arg == "required_error":
                        codes.add(keyword.value.value)
                    elif keyword.arg == "field":
                        fields.add(keyword.value.value)
    return codes, fields


def test_every_error_the_code_raises_has_a_french_sentence() -> None:
    codes, _ = raised_codes_and_fields()
    assert len(codes) > 60, "the scan found the domain's refusals"
    assert sorted(codes - set(texts.ERRORS)) == []


def test_every_field_named_in_a_message_has_a_label() -> None:
    _, fields = raised_codes_and_fields()
    assert sorted((fields | set(CTG_FIELDS)) - set(texts.FIELD_LABELS)) == []


def test_the_domain_imports_no_sentences() -> None:
    for path in (ATELIER / "domain").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                    for alias in node.names if node.module == "atelier"}
        assert "texts" not in imported, path.name


def test_an_error_is_said_with_its_values_named() -> None:
    message = texts.error_message(NotAllowed("phase_not_open", phase=PhaseKey.TEMOIGNAGES))
    assert "Témoignages" in message and "{" not in message


@pytest.mark.parametrize("code", ["never_heard_of", ""])
def test_an_unknown_code_still_reads_as_french(code: str) -> None:
    assert texts.error_message(NotAllowed(code)) == texts.ERR_UNEXPECTED
