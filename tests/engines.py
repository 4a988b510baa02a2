"""Both storage engines for the store's tests: the embedded TinyDB files, and PostgreSQL served from
the system's binaries on loopback (a fresh database per test). Without PostgreSQL installed, its half
skips with the reason; under CI=true it fails instead."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from atelier.cluster.postgres import LocalPostgres, free_port
from atelier.cluster.proxy import nginx_binary
from atelier.cluster.run import Cluster
from atelier.store import SessionStore, TinyDBSessionStore
from atelier.store.postgres_store import PostgresSessionStore

Engine = Callable[[], SessionStore]  # opens the same place again, as a restarted server would
MISSING = "PostgreSQL not installed: its tests are skipped (Debian: apt-get install postgresql)"
_databases = itertools.count(1)


def need_postgres() -> LocalPostgres:
    try:
        return LocalPostgres()
    except FileNotFoundError:
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING.replace("its tests are skipped", "CI must run its tests"), pytrace=False)
        pytest.skip(MISSING)


def need_nginx() -> None:
    if nginx_binary() is None:
        reason = "nginx not installed: the deployment's tests are skipped (Debian: apt-get install nginx)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason.replace("are skipped", "must run in CI"), pytrace=False)
        pytest.skip(reason)


def running_cluster(folder: Path) -> Iterator[Cluster]:
    """Three workers behind nginx on a throw-away PostgreSQL, as `atelier cluster` starts them."""
    need_postgres()
    need_nginx()
    cluster = Cluster(3, folder, port=free_port())
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[LocalPostgres]:
    server = need_postgres()
    server.start()
    yield server
    server.stop()


def new_database(server: LocalPostgres) -> str:
    name = f"test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def postgres_url(postgres_server: LocalPostgres) -> str:
    return new_database(postgres_server)


@pytest.fixture(params=["tinydb", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "tinydb":
        yield lambda: TinyDBSessionStore(tmp_path)
        return
    url = request.getfixturevalue("postgres_url")
    opened: list[PostgresSessionStore] = []

    def open_store() -> SessionStore:
        opened.append(PostgresSessionStore(url))
        return opened[-1]
    yield open_store
    for store in opened:
        store.close()
