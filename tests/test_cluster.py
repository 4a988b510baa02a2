"""Many territories on one deployment: PostgreSQL, three workers and nginx, started as `atelier cluster`
starts them. Three démarches with 100 phones each post through the proxy; the worker serving one of
them is killed (-9) mid-burst: its phones come back through the proxy to the worker that takes the
démarche over from the database, and every contribution a phone saw accepted is there, once.

Needs Debian's `postgresql` and `nginx`: without them these tests skip with the reason (fail under CI=true).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import psycopg
import pytest

from atelier.cluster.postgres import free_port
from atelier.cluster.proxy import nginx_config
from atelier.cluster.run import Cluster
from atelier.demo import DEMO_CODE
from atelier.domain.changes import SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService
from atelier.store.postgres_store import PostgresSessionStore
from benchmarks.load import Tab
from tests.engines import need_nginx, need_postgres, running_cluster

PHONES = 100  # per démarche
POSTS = 3  # per phone
COMMUNES = ["Fontenelle", "Vernoux", "Saint-Aubin"]
DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    yield from running_cluster(tmp_path_factory.mktemp("cluster"))


async def open_demarches(store_url: str, count: int) -> list[str]:
    service = SessionService(PostgresSessionStore(store_url))
    codes = []
    for n in range(count):
        session = await service.create_session(territory=f"CC n° {n + 1}", communes=COMMUNES,
                                               themes=["Mobilité", "Santé"])
        await service.apply(session.code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
        codes.append(session.code)
    service.close()
    return codes


def owner(store_url: str, code: str) -> str:
    with psycopg.connect(store_url) as conn:
        return str(conn.execute("SELECT owner FROM sessions WHERE code = %s", (code,)).fetchone()[0])


def test_three_demarches_opened_one_after_another_are_served_by_three_workers(cluster: Cluster) -> None:
    """The hash alone may give two halls to one worker; a worker serving more hands a new one on."""
    codes = asyncio.run(open_demarches(str(cluster.store), 3))
    for code in codes:
        with urllib.request.urlopen(f"{cluster.url}/j/{code}", timeout=20) as page:
            assert page.status == 200
    assert sorted(owner(str(cluster.store), code) for code in codes) == ["w1", "w2", "w3"]


class Phone:
    """A phone as its owner uses it: posts, waits to see each post accepted; if the page loses its
    server, it opens the address again (what the page's reload does) and sends again only what
    « Mes contributions » does not list."""

    def __init__(self, base: str, code: str, number: int) -> None:
        self.base, self.code, self.number = base, code, number
        self.tab = Tab(base, f"/j/{code}")
        self.accepted: list[str] = []
        self.reconnections = 0
        self.found_listed = 0  # in flight when the server died, yet stored: listed, not sent again

    async def join(self, http: httpx.AsyncClient) -> None:
        await self.tab.open(http)
        await self.tab.introduce("elu", COMMUNES[self.number % len(COMMUNES)])
        await asyncio.wait_for(self.tab.watch(lambda t: any("draftKey" in e.get("props", {})
                                                            for e in t.elements.values())), 30)

    async def post_all(self, http: httpx.AsyncClient) -> None:
        for n in range(POSTS):
            await asyncio.sleep(random.uniform(0.5, 2.5))
            text = f"{self.code} téléphone {self.number} contribution {n}"
            while not await self._post(text):
                await self._come_back(http)
                if self.tab.has_text(text):  # stored before the server died: listed, not sent again
                    self.found_listed += 1
                    break
            self.accepted.append(text)

    async def _post(self, text: str) -> bool:
        """True once the page says the post was accepted; False if the page lost its server first."""
        if self.tab.disconnected:
            return False
        form = self.tab.drawn("draftKey")
        before = self.tab.elements[form]["props"]["outcome"]["n"]
        answered = self.tab.watch(lambda t: t.elements.get(form, {}).get("props", {}).get("outcome", {})
                                  .get("n", before) > before or t.disconnected)
        try:
            await self.tab.send(text, theme="Mobilité", risk="eleve")
            await asyncio.wait_for(answered, 60)
        except Exception:
            return False
        if self.tab.disconnected:
            return False
        outcome = self.tab.elements[form]["props"]["outcome"]
        assert outcome["ok"], f"refused: {self.tab.form_error()}"
        return True

    async def _come_back(self, http: httpx.AsyncClient) -> None:
        await self.tab.close()
        self.reconnections += 1
        cookies = self.tab.cookies
        for _ in range(60):
            self.tab = Tab(self.base, f"/j/{self.code}", cookies=cookies)
            try:
                await self.tab.open(http)
                await asyncio.wait_for(self.tab.watch(lambda t: any("draftKey" in e.get("props", {})
                                                                    for e in t.elements.values())), 30)
                return
            except Exception:
                await self.tab.close()
                await asyncio.sleep(0.5)
        raise AssertionError(f"phone {self.number} of {self.code} never got back in")


async def burst_with_a_kill(cluster: Cluster, codes: list[str], victim: str) -> dict[str, list[Phone]]:
    limits = httpx.Limits(max_connections=50)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        phones = {code: [Phone(cluster.url, code, n) for n in range(PHONES)] for code in codes}
        everyone = [p for ps in phones.values() for p in ps]
        for start in range(0, len(everyone), 25):
            await asyncio.gather(*(p.join(http) for p in everyone[start:start + 25]))
        worker = next(w for w in cluster.running if w.name == owner(str(cluster.store), victim))

        async def kill_mid_burst() -> None:
            await asyncio.sleep(3.0)
            os.kill(worker.process.pid, signal.SIGKILL)
        await asyncio.gather(kill_mid_burst(), *(p.post_all(http) for p in everyone))
        for phone in everyone:
            await phone.tab.close()
    return phones


def test_a_killed_worker_s_demarche_is_served_by_another_and_keeps_every_accepted_post_once(
        cluster: Cluster) -> None:
    store_url = str(cluster.store)
    codes = asyncio.run(open_demarches(store_url, 3))
    victim = codes[0]
    phones = asyncio.run(burst_with_a_kill(cluster, codes, victim))

    killed = next(w for w in cluster.running if w.process.poll() is not None)
    came_back = [p for p in phones[victim] if p.reconnections]
    print(f"\n{killed.name} killed while serving {victim}: {len(came_back)} of {PHONES} phones came back through "
          f"the proxy, now served by {owner(store_url, victim)}; {sum(p.found_listed for p in came_back)} post(s) "
          "in flight were found stored and not sent again")
    assert owner(store_url, victim) != killed.name, "another worker took the démarche over"
    assert sum(p.reconnections for p in phones[victim]) > 0, "its phones lost their server and came back"
    kept = PostgresSessionStore(store_url)
    for code in codes:
        session = SessionService(kept).get(code)
        stored = Counter(c.text for c in session.contributions.values())
        accepted = [text for phone in phones[code] for text in phone.accepted]
        assert len(accepted) == PHONES * POSTS
        assert [t for t in accepted if stored[t] != 1] == [], f"{code}: an accepted post missing or kept twice"
        assert sum(stored.values()) == len(accepted), f"{code}: nothing stored that no phone sent"
    kept.close()


def test_a_short_url_typed_by_hand_reaches_its_demarche_whichever_worker_serves_it(cluster: Cluster) -> None:
    code = asyncio.run(open_demarches(str(cluster.store), 1))[0]
    for path in (f"/j/{code}", f"/j/{code.lower()}", f"/p/{code}"):
        with urllib.request.urlopen(cluster.url + path, timeout=20) as page:
            html = page.read().decode()
        served_by = owner(str(cluster.store), code)
        assert f'src="/{served_by}/_nicegui/' in html, "the page loads its files from the worker holding it"
    alive = [w for w in cluster.running if w.process.poll() is None]
    direct = next(w for w in alive if w.name != served_by)  # a worker that does not serve it, asked directly
    request = urllib.request.Request(f"http://127.0.0.1:{direct.port}/j/{code}")
    opener = urllib.request.build_opener(NoRedirect())
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(request, timeout=20)
    assert answer.value.code == 307 and answer.value.headers["Location"] == f"/{served_by}/j/{code}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_the_deploy_example_is_what_the_cluster_command_writes() -> None:
    expected = nginx_config("80", [("w1", 8101), ("w2", 8102), ("w3", 8103)])
    assert (DEPLOY / "nginx" / "atelier.conf").read_text(encoding="utf-8") == expected



def test_one_command_starts_postgresql_the_workers_and_nginx_and_ctrl_c_stops_them(tmp_path: Path) -> None:
    need_postgres()
    need_nginx()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICEGUI_"))}
    command = [sys.executable, "-m", "atelier", "cluster", "--workers", "2", "--host", "127.0.0.1", "--port",
               str(port), "--data-dir", str(tmp_path), "--demo"]
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as started:
        ready = ""
        deadline = time.monotonic() + 120
        while "Ctrl+C" not in ready and time.monotonic() < deadline and started.stdout is not None:
            ready += started.stdout.readline()
        assert "2 processus derrière nginx" in ready, ready
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/j/{DEMO_CODE}", timeout=20) as page:
            assert page.status == 200 and "/w" in page.read().decode()  # served by a worker, under its prefix
        workers = [p for p in psutil.Process(started.pid).children(recursive=True) if "--worker" in p.cmdline()]
        assert len(workers) == 2
        started.send_signal(signal.SIGINT)
        assert started.wait(timeout=60) == 0
    assert not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers), "the workers stopped"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)  # nginx stopped too
