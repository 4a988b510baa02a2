"""Storage: what was accepted is on disk, survives a restart, and a crash never corrupts a file. The tests
that take `engine` run against both engines (TinyDB files, PostgreSQL)."""

from __future__ import annotations

import asyncio
import gc
import itertools
import json
from pathlib import Path

import pytest

from atelier.domain import records
from atelier.domain.changes import AddContribution, RegisterParticipant, SetHidden, SetPhaseStatus, ToggleShare
from atelier.domain.errors import DomainError
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService
from atelier.store import SessionStore, StorageError, TinyDBSessionStore, tinydb_store
from tests.conftest import COMMUNES, THEMES, Clock, build_axes, durable, make_session, refused
from tests.engines import Engine


async def new_session(service: SessionService) -> str:
    session = await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)
    await service.apply(session.code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    await service.apply(session.code, RegisterParticipant("alice", role="elu", commune="Vernoux"))
    return session.code


async def test_written_session_reads_back_identically_after_reopening(engine: Engine, clock: Clock) -> None:
    service = SessionService(engine(), clock=clock)
    code = await new_session(service)
    first = await service.apply(code,
                                AddContribution("alice", kind="difficulte", text="Pas de bus « le soir »",
                                                theme="Mobilité", risk="eleve"))
    await service.apply(code, RegisterParticipant("bob", role="elu", commune="Fontenelle"))
    await service.apply(code, ToggleShare("bob", first.id))
    await service.apply(code, SetHidden(first.id, True))
    before = records.session_record(service.get(code))
    service.close()

    reopened = SessionService(engine())
    assert records.session_record(reopened.get(code)) == before
    assert reopened.get(code).contributions[1].shared_by == {"bob"}
    reopened.close()


async def test_files_are_plain_utf8_json_named_after_the_code(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = await new_session(service)
    await service.apply(code, AddContribution("alice", kind="ressource", text="Épicerie solidaire", theme="Santé"))
    service.close()
    snapshot = json.loads((tmp_path / f"{code}.json").read_text(encoding="utf-8"))
    assert snapshot["session"]["1"]["territory"] == "CC du Val"
    journal = [json.loads(line) for line in (tmp_path / f"{code}.journal").read_text(encoding="utf-8").splitlines()]
    assert journal[-1]["change"]["text"] == "Épicerie solidaire" and journal[-1]["v"] == 3
    assert not list(tmp_path.glob("*.tmp")), "no temporary file left behind"


async def test_a_post_appends_to_the_journal_and_never_rewrites_the_snapshot(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = await new_session(service)
    snapshot = (tmp_path / f"{code}.json").read_bytes()
    sizes = []
    for i in range(20):
        await service.apply(code, AddContribution("alice", kind="ressource", text=f"Ressource {i}", theme="Santé"))
        sizes.append((tmp_path / f"{code}.journal").stat().st_size)
    service.close()
    assert (tmp_path / f"{code}.json").read_bytes() == snapshot
    growth = [b - a for a, b in itertools.pairwise(sizes)]
    assert max(growth) - min(growth) <= 2, "each post adds one line of about the same size"

async def test_three_hundred_phones_posting_at_once_are_all_kept(engine: Engine, clock: Clock) -> None:
    service = SessionService(engine(), clock=clock)
    code = await new_session(service)
    for i in range(300):
        await service.apply(code, RegisterParticipant(f"p{i}", role="elu", commune="Fontenelle"))
    writes_before = service.committer.writes

    posted = await asyncio.gather(*[
        service.apply(code,
                      AddContribution(f"p{i}", kind="difficulte", text=f"Difficulté {i}", theme="Santé",
                                      risk="faible")) for i in range(300)])
    assert sorted(c.id for c in posted) == list(range(1, 301))
    # Group commit: far fewer file writes than posts, yet each post was awaited until durable.
    assert service.committer.writes - writes_before < 300
    service.close()

    reopened = SessionService(engine())
    texts = {c.text for c in reopened.get(code).contributions.values()}
    assert texts == {f"Difficulté {i}" for i in range(300)}
    reopened.close()


def failing(store: SessionStore, error: OSError) -> None:
    def append(*args: object, **kwargs: object) -> None:
        raise error
    store.append = append  # type: ignore[method-assign]


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), PermissionError(13, "Permission denied")])
async def test_a_refused_write_keeps_nothing_announces_nothing_and_a_retry_stores_once(
        engine: Engine, clock: Clock, error: OSError) -> None:
    store = engine()
    events: list = []
    service = SessionService(store, publish=events.append, clock=clock)
    code = await new_session(service)
    before, announced = records.session_record(service.get(code)), len(events)
    working_append = store.append
    failing(store, error)
    with refused(DomainError, match="L'enregistrement a échoué"):
        await service.apply(code, AddContribution("alice", kind="ressource", text="ADMR", theme="Santé"))
    assert records.session_record(service.get(code)) == before, "memory is the last durable state again"
    assert len(events) == announced, "nothing refused is announced"
    store.append = working_append  # type: ignore[method-assign]
    await service.apply(code, AddContribution("alice", kind="ressource", text="ADMR", theme="Santé"))
    await service.apply(code, RegisterParticipant("bob", role="elu", commune="Fontenelle"))  # an unrelated commit
    service.close()
    texts = [c.text for c in SessionService(engine()).get(code).contributions.values()]
    assert texts == ["ADMR"], "the refused post is not kept, the retried one is kept once"


async def test_a_failed_batch_refuses_every_change_queued_behind_it(engine: Engine, clock: Clock) -> None:
    store = engine()
    events: list = []
    service = SessionService(store, publish=events.append, clock=clock)
    code = await new_session(service)
    for i in range(30):
        await service.apply(code, RegisterParticipant(f"p{i}", role="elu", commune="Fontenelle"))
    announced = len(events)
    failing(store, OSError(28, "No space left on device"))
    posts = [service.apply(code, AddContribution(f"p{i}", kind="ressource", text=f"R{i}", theme="Santé"))
             for i in range(30)]
    results = await asyncio.gather(*posts, return_exceptions=True)
    assert all(isinstance(r, DomainError) for r in results)
    assert len(events) == announced, "nothing refused was announced"
    assert service.get(code).contributions == {}
    assert durable(store, code) == records.session_record(service.get(code))
    service.close()


async def test_a_stale_writer_is_refused(engine: Engine, clock: Clock) -> None:
    first = SessionService(engine(), clock=clock)
    code = await new_session(first)
    second = SessionService(engine(), clock=clock)
    assert second.get(code).version == first.get(code).version
    await first.apply(code, AddContribution("alice", kind="ressource", text="CCAS", theme="Santé"))
    with refused(DomainError, match="L'enregistrement a échoué"):
        await second.apply(code, AddContribution("alice", kind="ressource", text="ADMR", theme="Santé"))
    assert [c.text for c in second.get(code).contributions.values()] == ["CCAS"], "the stale one reloaded"
    first.close()
    second.close()


async def test_compaction_folds_the_journal_into_a_snapshot_and_loses_nothing(engine: Engine, clock: Clock) -> None:
    service = SessionService(engine(), clock=clock, compact_every=10)
    code = await new_session(service)
    for i in range(25):
        await service.apply(code, AddContribution("alice", kind="ressource", text=f"R{i}", theme="Santé"))
    expected = records.session_record(service.get(code))
    assert service.committer.snapshots >= 2
    service.close()
    stored = engine().load(code)
    assert stored is not None and len(stored.journal) < 10 and stored.snapshot["session"]["version"] >= 20
    assert durable(engine(), code) == expected


async def test_a_crash_between_snapshot_and_journal_truncation_loads_each_change_once(
        tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = await new_session(service)
    for i in range(5):
        await service.apply(code, AddContribution("alice", kind="ressource", text=f"R{i}", theme="Santé"))
    journal = (tmp_path / f"{code}.journal").read_bytes()
    TinyDBSessionStore(tmp_path).save(records.session_record(service.get(code)))  # the snapshot…
    (tmp_path / f"{code}.journal").write_bytes(journal)  # …but the journal was never emptied
    expected = records.session_record(service.get(code))
    service.close()
    assert durable(TinyDBSessionStore(tmp_path), code) == expected


async def test_a_torn_last_journal_line_is_dropped_and_a_damaged_one_refused(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = await new_session(service)
    await service.apply(code, AddContribution("alice", kind="ressource", text="CCAS", theme="Santé"))
    service.close()
    journal = tmp_path / f"{code}.journal"
    whole = journal.read_bytes()
    journal.write_bytes(whole + b'{"v": 4, "at": "2026-')  # a power cut during an append
    session = SessionService(TinyDBSessionStore(tmp_path)).get(code)
    assert [c.text for c in session.contributions.values()] == ["CCAS"]
    assert journal.read_bytes() == whole, "the torn line is cut away before anything is appended"
    journal.write_bytes(b"garbage\n" + whole)
    with pytest.raises(StorageError):
        TinyDBSessionStore(tmp_path).load(code)


@pytest.mark.parametrize("schema", [1, 2])
async def test_old_session_files_load_and_take_new_changes(engine: Engine, clock: Clock, schema: int) -> None:
    record = records.session_record(make_session(code="KMNPQR"))
    meta = record["session"]
    meta["schema"] = schema
    del meta["version"]
    if schema == 1:
        for key in ("witnesses", "axes", "evidence", "votes", "comments", "timer", "context"):
            del meta[key]
    engine().save(record)
    service = SessionService(engine(), clock=clock)
    await service.apply("KMNPQR", RegisterParticipant("alice", role="elu", commune="Vernoux"))
    await service.apply("KMNPQR", AddContribution("alice", kind="ressource", text="CCAS", theme="Santé"))
    service.close()
    session = SessionService(engine()).get("KMNPQR")
    assert session.version == 2 and [c.text for c in session.contributions.values()] == ["CCAS"]


def test_a_file_from_a_newer_atelier_is_refused_not_misread(engine: Engine) -> None:
    record = records.session_record(make_session(code="KMNPQR"))
    record["session"]["schema"] = records.SCHEMA_VERSION + 1
    engine().save(record)
    with pytest.raises(records.NewerSchema):
        records.session_from_record(record)
    service = SessionService(engine())
    assert service.find("KMNPQR") is None and "version plus récente" in service.unreadable["KMNPQR"].reason


async def test_sessions_load_when_asked_and_leave_memory_when_unused(engine: Engine, clock: Clock) -> None:
    service = SessionService(engine(), clock=clock, idle_seconds=0)
    code = await new_session(service)
    shown = service.get(code)  # a page holding the session keeps it: the service finds the same object
    engine().save(records.session_record(make_session(code="KMNPQR")))  # imported meanwhile
    assert service.get("KMNPQR").territory == "CC du Val", "a session stored after start is found"
    service._next_sweep = 0  # sweep now
    service.get(code)
    assert service.get(code) is shown
    del shown
    service._next_sweep = 0
    service.get("KMNPQR")
    gc.collect()
    assert code not in service._alive, "nobody holds it any more: it left memory"
    assert service.get(code).participants["alice"].commune == "Vernoux", "and comes back from disk"
    service.close()


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

    stored = TinyDBSessionStore(tmp_path).load("KMNPQR")
    assert stored is not None and stored.snapshot["session"]["territory"] == "CC du Val"
    assert [p.name for p in tmp_path.iterdir()] == ["KMNPQR.json"], "the torn temporary file is removed"


def test_only_session_files_are_listed(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".storage-secret").write_text("x")
    assert TinyDBSessionStore(tmp_path).codes() == []


def test_a_schema_4_file_keeps_its_pistes_directly_under_their_axe(tmp_path: Path) -> None:
    session = make_session(code="KMNPQR")
    build_axes(session)
    record = records.session_record(session)
    meta = record["session"]
    meta["schema"] = 4
    del meta["removed"], meta["axes"]["presented_page"]  # neither was written then
    for axis in meta["axes"]["axes"]:
        for piste in axis["pistes"]:
            del piste["orientation_id"]
    TinyDBSessionStore(tmp_path).save(record)
    loaded = SessionService(TinyDBSessionStore(tmp_path)).get("KMNPQR")
    mobility = loaded.axes.axes[0]
    assert [(o and o.text, [p.text for p in pistes]) for o, pistes in mobility.outline()] == [
        ("Développer la mobilité solidaire", []), (None, ["Un transport à la demande", "Aider au permis"])]
