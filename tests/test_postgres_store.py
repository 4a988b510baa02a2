"""The PostgreSQL engine's own promises, beside the store suite both engines pass (test_store.py):
two processes racing on one démarche, a stale process's snapshot, migrations, damaged rows."""

from __future__ import annotations

import asyncio

import psycopg
import pytest

from atelier.cluster.ownership import Claim, SessionOwnership
from atelier.domain import records
from atelier.domain.changes import AddContribution, RegisterParticipant
from atelier.domain.errors import DomainError
from atelier.service import SessionService
from atelier.store import StaleWrite, open_store
from atelier.store.postgres_store import PostgresSessionStore, apply_migrations
from tests.conftest import COMMUNES, THEMES, Clock, make_session
from tests.test_store import new_session


async def two_processes(url: str, clock: Clock) -> tuple[SessionService, SessionService, str]:
    """Two server processes on one database, both holding the same démarche at the same version."""
    first = SessionService(PostgresSessionStore(url), clock=clock)
    code = await new_session(first)
    second = SessionService(PostgresSessionStore(url), clock=clock)
    assert second.get(code).version == first.get(code).version
    return first, second, code


async def test_two_workers_racing_on_one_session_one_wins_the_other_is_refused_and_reloads(
        postgres_url: str, clock: Clock) -> None:
    first, second, code = await two_processes(postgres_url, clock)

    outcomes = await asyncio.gather(
        first.apply(code, AddContribution("alice", kind="ressource", text="CCAS", theme="Santé")),
        second.apply(code, AddContribution("alice", kind="ressource", text="ADMR", theme="Santé")),
        return_exceptions=True)
    refused = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(refused) == 1, outcomes
    kept = SessionService(PostgresSessionStore(postgres_url)).get(code)
    texts = [c.text for c in kept.contributions.values()]
    assert len(texts) == 1 and texts[0] in {"CCAS", "ADMR"}, "one wins, the other's change is not stored"
    loser = first if isinstance(outcomes[0], DomainError) else second
    assert [c.text for c in loser.get(code).contributions.values()] == texts, "the refused one reloaded the winner's"
    first.close()
    second.close()


async def test_the_stale_worker_refused_at_its_first_write_reloads_and_then_writes(
        postgres_url: str, clock: Clock) -> None:
    first, second, code = await two_processes(postgres_url, clock)
    await second.apply(code, RegisterParticipant("bob", role="elu", commune="Fontenelle"))
    with pytest.raises(DomainError):
        await first.apply(code, RegisterParticipant("carl", role="elu", commune="Fontenelle"))
    assert set(first.get(code).participants) == {"alice", "bob"}, "reloaded from the database"
    await first.apply(code, RegisterParticipant("carl", role="elu", commune="Fontenelle"))
    assert set(SessionService(PostgresSessionStore(postgres_url)).get(code).participants) == {"alice", "bob", "carl"}


def test_a_stale_process_cannot_put_back_an_older_snapshot(postgres_url: str) -> None:
    old, new = PostgresSessionStore(postgres_url), PostgresSessionStore(postgres_url)
    record = records.session_record(make_session(code="KMNPQR"))
    old.save(record)
    assert new.load("KMNPQR") is not None
    new.append("KMNPQR", [{"v": 1, "at": "2026-12-02T20:00:00+00:00",
                           "change": {"type": "RegisterParticipant", "participant_id": "bob", "role": "elu",
                                      "commune": "Vernoux", "name": "", "structure": ""}}], expected_version=0)
    with pytest.raises(StaleWrite):
        old.save(record)  # its compaction would drop what the other wrote
    assert new.load("KMNPQR").version == 1


def test_migrations_run_once_and_the_url_chooses_the_engine(postgres_url: str, tmp_path) -> None:
    store = open_store(postgres_url, tmp_path)
    assert isinstance(store, PostgresSessionStore)
    with psycopg.connect(postgres_url) as conn:
        assert apply_migrations(conn) == [], "already applied at start"
        names = [r[0] for r in conn.execute("SELECT name FROM atelier_migrations")]
    assert names == ["001_sessions.sql", "002_workers.sql"]
    store.close()


async def test_an_unreadable_session_is_set_aside_with_its_reason_and_the_others_load(
        postgres_url: str, clock: Clock) -> None:
    service = SessionService(PostgresSessionStore(postgres_url), clock=clock)
    good = await new_session(service)
    bad = (await service.create_session(territory="CC du Mont", communes=COMMUNES, themes=THEMES)).code
    service.close()
    with psycopg.connect(postgres_url) as conn:
        conn.execute("UPDATE sessions SET snapshot = snapshot #- '{session,territory}' WHERE code = %s", (bad,))
    reopened = SessionService(PostgresSessionStore(postgres_url), clock=clock)
    assert [s.code for s in reopened.list_sessions()] == [good]
    assert reopened.unreadable[bad].where and "set_aside" in reopened.unreadable[bad].where
    with psycopg.connect(postgres_url) as conn:
        reason, territory = conn.execute("SELECT reason, snapshot #>> '{session,code}' FROM set_aside").fetchone()
    assert territory == bad and reason
    reopened.close()


async def test_a_process_that_does_not_serve_a_demarche_lists_it_as_it_is_now(postgres_url: str, clock: Clock) -> None:
    serving, home, code = await two_processes(postgres_url, clock)
    home.served_here = lambda code: False  # the facilitator's home page, on another process
    assert home.get(code).participants.keys() == {"alice"}
    await serving.apply(code, RegisterParticipant("bob", role="elu", commune="Fontenelle"))
    assert home.get(code).participants.keys() == {"alice", "bob"}, "not the copy read before"
    serving.close()
    home.close()


async def test_one_process_holds_a_demarche_until_it_dies_then_the_next_one_takes_it(
        postgres_url: str, clock: Clock) -> None:
    service = SessionService(PostgresSessionStore(postgres_url), clock=clock)
    code = await new_session(service)
    first, second = SessionOwnership(postgres_url, "w1"), SessionOwnership(postgres_url, "w2")
    assert await first.claim("ZZZZZZ") is None, "no such démarche: nothing is locked for it"
    assert await first.claim(code) == Claim("w1", taken_now=True)
    assert await first.claim(code) == Claim("w1")
    assert await second.claim(code) == Claim("w1"), "held by a live process: sent there"
    first.close()  # the process dies: its connection, and its lock, go
    assert await second.claim(code) == Claim("w2", taken_now=True)
    second.close()
    service.close()
