"""Storage: what was accepted is on disk, survives a restart, and a crash never corrupts a file."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from atelier.domain import records
from atelier.domain.errors import DomainError
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore, tinydb_store
from tests.conftest import COMMUNES, THEMES, Clock, make_session


async def new_session(service: SessionService) -> str:
    session = await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)
    await service.set_phase_status(session.code, PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN)
    await service.register_participant(session.code, "alice", role="elu", commune="Vernoux")
    return session.code


async def test_written_session_reads_back_identically_after_reopening(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = await new_session(service)
    first = await service.add_contribution(code, "alice", kind="difficulte", text="Pas de bus « le soir »",
                                           theme="Mobilité", risk="eleve")
    await service.register_participant(code, "bob", role="elu", commune="Fontenelle")
    await service.toggle_share(code, "bob", first.id)
    await service.set_hidden(code, first.id, True)
    before = records.session_record(service.get(code))
    service.close()

    reopened = SessionService(TinyDBSessionStore(tmp_path))
    assert records.session_record(reopened.get(code)) == before
    assert reopened.get(code).contributions[1].shared_by == {"bob"}
    reopened.close()


async def test_file_is_plain_utf8_json_named_after_the_code(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = await new_session(service)
    await service.add_contribution(code, "alice", kind="ressource", text="Épicerie solidaire", theme="Santé")
    service.close()
    data = json.loads((tmp_path / f"{code}.json").read_text(encoding="utf-8"))
    assert data["contributions"]["1"]["text"] == "Épicerie solidaire"
    assert not list(tmp_path.glob("*.tmp")), "no temporary file left behind"


async def test_three_hundred_phones_posting_at_once_are_all_kept(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = await new_session(service)
    for i in range(300):
        await service.register_participant(code, f"p{i}", role="elu", commune="Fontenelle")
    writes_before = service.committer.writes

    posted = await asyncio.gather(*[
        service.add_contribution(code, f"p{i}", kind="difficulte", text=f"Difficulté {i}", theme="Santé",
                                 risk="faible") for i in range(300)])
    assert sorted(c.id for c in posted) == list(range(1, 301))
    # Group commit: far fewer file writes than posts, yet each post was awaited until durable.
    assert service.committer.writes - writes_before < 300
    service.close()

    reopened = SessionService(TinyDBSessionStore(tmp_path))
    texts = {c.text for c in reopened.get(code).contributions.values()}
    assert texts == {f"Difficulté {i}" for i in range(300)}
    reopened.close()


async def test_failed_write_is_reported_in_french_and_retried_next_time(tmp_path: Path, clock: Clock) -> None:
    store = TinyDBSessionStore(tmp_path)
    service = SessionService(store, clock=clock)
    code = await new_session(service)
    original_save = store.save

    def full_disk(record: dict) -> None:
        raise OSError(28, "No space left on device")

    store.save = full_disk  # type: ignore[method-assign]
    with pytest.raises(DomainError, match="L'enregistrement a échoué"):
        await service.add_contribution(code, "alice", kind="ressource", text="ADMR", theme="Santé")
    store.save = original_save  # type: ignore[method-assign]
    await service.add_contribution(code, "alice", kind="ressource", text="CCAS", theme="Santé")
    service.close()
    assert {c.text for c in SessionService(TinyDBSessionStore(tmp_path)).get(code).contributions.values()} == \
        {"ADMR", "CCAS"}


def test_a_crash_mid_write_leaves_the_previous_version_readable(tmp_path: Path, monkeypatch) -> None:
    """TinyDB's default storage rewrites in place; ours writes beside the file and renames."""
    store = TinyDBSessionStore(tmp_path)
    session = make_session(code="KMNPQR")
    store.save(records.session_record(session))

    def dies_half_way(data, handle, **kwargs) -> None:
        handle.write(json.dumps(data)[:40])
        raise SystemExit("power cut")

    monkeypatch.setattr(tinydb_store.json, "dump", dies_half_way)
    session.territory = "Nouveau nom"
    with pytest.raises(SystemExit):
        store.save(records.session_record(session))
    monkeypatch.undo()

    record = TinyDBSessionStore(tmp_path).load("KMNPQR")
    assert record is not None and record["session"]["territory"] == "CC du Val"
    assert [p.name for p in tmp_path.iterdir()] == ["KMNPQR.json"], "the torn temporary file is removed"


def test_only_session_files_are_listed(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".storage-secret").write_text("x")
    assert TinyDBSessionStore(tmp_path).codes() == []
