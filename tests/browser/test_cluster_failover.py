"""A real phone and a real console through nginx, in front of three workers on PostgreSQL: the worker
serving their démarche is killed (-9). The pages come back by themselves (NiceGUI reloads a page its
new server does not know), the phone still lists what it posted and posts again, and the console
stays open without asking for the token again."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from atelier import texts
from atelier.cluster.run import Cluster
from atelier.domain.model import Role
from tests.browser.actions import join, post
from tests.browser.room import RequestLog, Room
from tests.engines import running_cluster
from tests.test_cluster import open_demarches, owner

pytestmark = pytest.mark.browser


class Proxied:
    """What `Room` needs of a server: the cluster's public addresses."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster

    def url(self, path: str) -> str:
        return self.cluster.url + path

    def facilitator_url(self) -> str:
        return self.cluster.facilitator_url()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    yield from running_cluster(tmp_path)


def test_phone_and_console_come_back_by_themselves_when_their_worker_is_killed(
        browser: Browser, requests_log: RequestLog, cluster: Cluster) -> None:
    with ThreadPoolExecutor(1) as thread:  # Playwright holds this thread's event loop
        code = thread.submit(asyncio.run, open_demarches(str(cluster.store), 1)).result()[0]
    room = Room(browser, Proxied(cluster), requests_log)  # type: ignore[arg-type]
    phone = room.phone()
    join(phone, cluster.url + f"/j/{code}", role=Role.ELU, commune="Vernoux")
    post(phone, "Plus aucun bus le soir après 18 h", theme="Mobilité")
    console = room.facilitator()
    console.goto(cluster.url + f"/f/{code}")
    expect(console.get_by_text("Plus aucun bus le soir après 18 h", exact=True)).to_be_visible()

    serving = owner(str(cluster.store), code)
    worker = next(w for w in cluster.running if w.name == serving)
    os.kill(worker.process.pid, signal.SIGKILL)

    mine = phone.locator(".my-contributions")
    expect(phone.get_by_role("button", name=texts.PHONE_SEND)).to_be_visible(timeout=30_000)
    phone.wait_for_function(f"() => !document.querySelector('script[src^=\"/{serving}/\"]')", timeout=30_000)
    expect(mine.get_by_text("Plus aucun bus le soir après 18 h", exact=True)).to_be_visible()
    post(phone, "Le médecin le plus proche est à 30 km", theme="Santé")
    assert owner(str(cluster.store), code) != serving, "another worker took the démarche over"

    expect(console.get_by_text("Le médecin le plus proche est à 30 km", exact=True)).to_be_visible(timeout=30_000)
    expect(console.get_by_text(texts.FORBIDDEN_TITLE)).to_have_count(0)
    room.close()
