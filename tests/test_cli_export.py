"""`atelier export` and `atelier import`, called as the console script calls them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx
import pytest

from atelier.cli import main
from atelier.domain import records
from atelier.store import TinyDBSessionStore
from tests.conftest import durable
from tests.export_data import full_session


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    TinyDBSessionStore(folder).save(records.session_record(full_session()))
    return folder


def test_export_writes_each_format_to_the_named_file(data_dir: Path, tmp_path: Path) -> None:
    for fmt in ("docx", "csv", "json", "deliberation"):
        output = tmp_path / f"out.{fmt}"
        assert main(["export", "abcdef", "--format", fmt, "--output", str(output), "--data-dir", str(data_dir)]) == 0
    assert "Contexte" in [p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs]
    assert docx.Document(str(tmp_path / "out.deliberation")).paragraphs[0].text == "Projet de délibération"
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 7
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["format"] == "atelier-archive"


def test_export_without_output_names_the_file_after_territory_and_day(data_dir: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "ABCDEF", "--format", "csv", "--data-dir", str(data_dir)]) == 0
    [written] = tmp_path.glob("restitution-cc-du-val-*.csv")
    assert f"Exporté : {written.name}" in capsys.readouterr().out


def test_export_of_an_unknown_code_fails_in_french(data_dir: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "ZZZZZZ", "--output", str(tmp_path / "x.docx"), "--data-dir", str(data_dir)]) == 1
    assert "Aucune démarche ne porte le code « ZZZZZZ »." in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_export_then_import_into_another_data_dir_restores_the_identical_session(data_dir: Path,
                                                                                 tmp_path: Path) -> None:
    archive = tmp_path / "archive.json"
    assert main(["export", "ABCDEF", "--format", "json", "--output", str(archive), "--data-dir", str(data_dir)]) == 0
    elsewhere = tmp_path / "ailleurs"
    assert main(["import", str(archive), "--data-dir", str(elsewhere)]) == 0
    assert durable(TinyDBSessionStore(elsewhere), "ABCDEF") == durable(TinyDBSessionStore(data_dir), "ABCDEF")
    assert durable(TinyDBSessionStore(elsewhere), "ABCDEF") == records.session_record(full_session())


def test_import_refuses_to_overwrite_an_existing_session_unless_replace(data_dir: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture) -> None:
    changed = full_session()
    changed.territory = "CC du Val (archive)"
    archive = tmp_path / "archive.json"
    archive.write_text(json.dumps({"format": "atelier-archive", "version": 1,
                                   "record": records.session_record(changed)}), encoding="utf-8")

    assert main(["import", str(archive), "--data-dir", str(data_dir)]) == 1
    assert "Une démarche de code ABCDEF existe déjà" in capsys.readouterr().err
    assert durable(TinyDBSessionStore(data_dir), "ABCDEF")["session"]["territory"] == "CC du Val"

    assert main(["import", str(archive), "--data-dir", str(data_dir), "--replace"]) == 0
    assert durable(TinyDBSessionStore(data_dir), "ABCDEF")["session"]["territory"] == "CC du Val (archive)"


def test_import_of_a_file_that_is_not_an_archive_fails_in_french(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    not_archive = tmp_path / "notes.json"
    not_archive.write_text('{"notes": []}', encoding="utf-8")
    assert main(["import", str(not_archive), "--data-dir", str(tmp_path / "d")]) == 1
    assert main(["import", str(tmp_path / "absent.json"), "--data-dir", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert "Ce fichier n'est pas une archive Atelier" in err
    assert "Fichier introuvable" in err
    assert TinyDBSessionStore(tmp_path / "d").codes() == []


def test_optional_flags_add_the_detailed_votes_and_the_grouping_annex(data_dir: Path, tmp_path: Path) -> None:
    def level_two(name: str, *flags: str) -> list[str]:
        output = tmp_path / name
        assert main(["export", "ABCDEF", "--output", str(output), "--data-dir", str(data_dir), *flags]) == 0
        return [p.text for p in docx.Document(str(output)).paragraphs if p.style.name == "Heading 2"]

    details = ["Par rôle", "Par commune", "Une commune, une voix"]
    assert not set(details) & set(level_two("plain.docx"))
    assert [h for h in level_two("detailed.docx", "--detail-votes") if h in details] == details
    grouping = "Comment les contributions ont été regroupées"
    assert grouping not in level_two("plain-again.docx")
    assert grouping in level_two("grouped.docx", "--grouping-annex")


def test_serve_on_a_port_already_taken_says_so_in_french(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import socket

    with socket.socket() as other_atelier:
        other_atelier.bind(("127.0.0.1", 0))
        other_atelier.listen()
        port = other_atelier.getsockname()[1]
        assert main(["serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"Le port {port} est déjà utilisé" in err and f"--port {port + 1}" in err
    assert not (tmp_path / ".nicegui").exists()  # nothing was started
