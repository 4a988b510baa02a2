"""A full hall without browsers: N phones, a projection and a console over NiceGUI's real protocol.

Run: python -m benchmarks.load [--phones 50 150 300 600 1000] [--scenarios join burst burst5000 share vote]

For each N, the real server starts as a subprocess on 127.0.0.1 with a fresh data dir holding one
démarche. Each simulated device does what a browser does: GET the page (cookies kept), read the
client id and the element tree from it, connect socket.io at /_nicegui_ws/socket.io (implicit
handshake), merge the `update` messages into its tree, acknowledge them, and send the same `event`
messages a tap sends (a select's choice, a radio's, text typed, a click). Every loop is bounded in
count and time, and the server is stopped at the end.

Scenarios (phase 1 démarche for join and burst; a restitution with 20 pistes for vote), each after
every phone has joined:
- join: every phone opens /j/CODE and introduces itself (role, commune, « Commencer »);
- burst: every phone posts one difficulté within 10 s; latency = tap → the text on the console
  (and on the projection's wall, which shows only the busiest themes);
- burst5000: the same, into a session that already holds 5,000 contributions;
- share (« +1 »): after the burst, every phone opens « Ce que signalent les autres » and shares
  three of them within 10 s; latency = tap → the phone's button says the server stored it;
- vote: the console presents the first axe (tap → each phone shows it); opens a vote on the 20
  pistes (tap → each phone shows its ballot); every phone gives a point within 10 s (tap → the
  projection's bar counts it); the console closes the vote (tap → every phone is frozen).
Measures: latency p50/p95/p99/max, delivered count, disconnects, the longest event-loop stall and
the longest garbage-collection pause of each step (measured inside the server, read from
/healthz?details), the longest /healthz answer a device waited for, server CPU and peak RSS, RSS per
phone. Prints a table and writes JSON under benchmarks/results/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psutil
import socketio

from atelier import texts
from atelier.domain.changes import AddAxis, AddAxisLine, AddContribution, RegisterParticipant, SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus, Risk, Role
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from benchmarks.machine import machine_times, reference_ms, steal_share

TOKEN = "benchmark-token"
COMMUNES = [f"Commune {i}" for i in range(1, 21)]
THEMES = ["Mobilité", "Santé", "Logement et habitat", "Enfance et jeunesse"]
PISTES = 20
STORED = 5_000
IDLE_SECONDS = 5.0
SCENARIOS = ["join", "burst", "burst5000", "share", "vote"]
RESULTS = Path(__file__).resolve().parent / "results"
Element = dict[str, Any]
_ELEMENTS = re.compile(r"parseElements\(String\.raw`(.*?)`\)", re.S)
_CLIENT_ID = re.compile(r"'client_id': '([0-9a-f-]+)'")
_PREFIX = re.compile(r'src="([^"]*)/_nicegui/[^"]*/socket\.io\.min\.js"')  # behind a proxy: /w2…
# The files a browser loads for the page: scripts, stylesheets, the components' modules.
_FILES = re.compile(r'(?:href|src)="([^"]*/_nicegui/[^"]+)"|@import url\("([^"]+)"\)|from "([^"]*/_nicegui/[^"]+)"')
for _noisy in ("engineio.client", "socketio.client"):  # « packet queue is empty » as each phone leaves
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)


# --- One simulated browser tab -------------------------------------------------------------------
@dataclass
class Tab:
    base: str
    path: str
    cookies: httpx.Cookies = field(default_factory=httpx.Cookies)
    elements: dict[str, Element] = field(default_factory=dict)
    disconnected: bool = False
    downloaded: int = 0  # bytes of files the page loads
    _watchers: list[tuple[Callable[[Tab], bool], asyncio.Future[float]]] = field(default_factory=list)
    _text_waiters: dict[str, list[asyncio.Future[float]]] = field(default_factory=dict)
    listeners: list[Callable[[Tab, float], None]] = field(default_factory=list)  # called after every update

    async def open(self, http: httpx.AsyncClient, *, with_files: bool = False, connect: bool = True) -> None:
        """Load the page (and its files), then connect its socket (unless `connect` is False: see `connect`)."""
        # The client is shared: each tab is its own browser, with its own cookies (sent by hand).
        http.cookies.clear()
        path = self.path
        # A facilitator's `?token=` answers with the same page without it (303); behind the proxy, a
        # démarche served by another worker answers with its address there (307).
        for _ in range(6):
            cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            # Always a Cookie header, even empty: the shared client then never adds another tab's cookies.
            response = await _get(http, self.base + path, cookie)
            self.cookies.update(response.cookies)
            if response.status_code not in (303, 307):
                break
            path = httpx.URL(response.headers["location"]).raw_path.decode()
        response.raise_for_status()
        match = _ELEMENTS.search(response.text)
        client = _CLIENT_ID.search(response.text)
        assert match and client, f"{self.path}: no element tree in the page"
        self.elements = json.loads(match.group(1))
        self.client_id = client.group(1)
        prefix = _PREFIX.search(response.text)
        self.prefix = prefix.group(1) if prefix else ""
        if with_files:  # a phone that scans the QR code for the first time has none of them yet
            await self.fetch_files(response.text)
        if connect:
            await self.connect()

    async def connect(self) -> None:
        """The page's socket, as the browser opens it once the page's scripts have run."""
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("update", self._on_update)
        self.sio.on("disconnect", self._on_disconnect)
        query = (f"client_id={self.client_id}&tab_id={uuid.uuid4()}&document_id={uuid.uuid4()}"
                 f"&next_message_id=0&implicit_handshake=true")
        await self.sio.connect(f"{self.base}?{query}", socketio_path=f"{self.prefix}/_nicegui_ws/socket.io",
                               transports=["websocket"], wait_timeout=60)

    async def fetch_files(self, page: str) -> None:
        """Each file the page references, compressed as a browser accepts it, over one kept-alive
        connection. A bare HTTP/1.1 client: httpx's own work for 17 files per phone made the
        simulated hall, not the server, the bottleneck."""
        paths = dict.fromkeys(next(filter(None, m)) for m in _FILES.findall(page))
        url = httpx.URL(self.base)
        reader, writer = await asyncio.open_connection(url.host, url.port)
        try:
            for path in paths:
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {url.host}\r\n"
                             f"Accept-Encoding: gzip, deflate, br\r\n\r\n".encode())
                self.downloaded += await _read_response(reader, path)
        finally:
            writer.close()

    async def _on_update(self, message: dict[str, Any]) -> None:
        message_id = message.pop("_id", None)
        for element_id, element in message.items():
            if element is None:
                self.elements.pop(element_id, None)
            else:
                self.elements[element_id] = element
        now = time.perf_counter()
        if self._text_waiters:  # by text, not by scanning the page per waiter: a console hears 1,000 posts
            for element in message.values():
                for text in _texts_of(element):
                    for done in self._text_waiters.pop(text, []):
                        if not done.done():
                            done.set_result(now)
        for listener in self.listeners:
            listener(self, now)
        for watcher in list(self._watchers):
            condition, done = watcher
            if not done.done() and condition(self):
                done.set_result(now)
                self._watchers.remove(watcher)
        if message_id is not None and message_id % 20 == 0:
            await self.sio.emit("ack", {"client_id": self.client_id, "next_message_id": message_id + 1})

    def _on_disconnect(self, *args: object) -> None:
        self.disconnected = True

    def find(self, condition: Callable[[Element], bool]) -> str:
        return next(i for i, element in self.elements.items() if condition(element))

    def has_text(self, text: str) -> bool:
        """A label's text, a field's label, or a drawn card's text (a contribution listed)."""
        return any(text in _texts_of(e) for e in self.elements.values())

    def text_shown(self, text: str) -> asyncio.Future[float]:
        """A future set to the moment an update brings `text` (see `has_text`) onto the page."""
        done: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if self.has_text(text):
            done.set_result(time.perf_counter())
        else:
            self._text_waiters.setdefault(text, []).append(done)
        return done

    def drawn(self, prop: str) -> str:
        """The element the browser draws from data that has the property `prop` (e.g. a form's `draftKey`)."""
        return self.find(lambda e: prop in e.get("props", {}))

    async def introduce(self, role: str, commune: str, *, structure: str = "", name: str = "") -> None:
        """« Commencer », as profile_form.js sends it once role and commune are chosen."""
        await self.emit(self.drawn("actorRoles"), "save",
                        {"role": role, "commune": commune, "structure": structure, "name": name})

    async def send(self, text: str, *, theme: str, risk: str = "", kind: str = "difficulte", commune: str = "",
                   structure: str = "") -> None:
        """« Envoyer », as contribution_form.js sends what was typed and chosen."""
        form = self.drawn("draftKey")
        commune = commune or self.elements[form]["props"].get("participantCommune") or ""
        await self.emit(form, "send", {"kind": kind, "text": text, "theme": theme, "commune": commune,
                                       "risk": risk, "structure": structure})

    async def pause_typing(self, text: str, *, kind: str = "difficulte") -> None:
        """What contribution_form.js sends once typing pauses: « Déjà signalé ? » is asked."""
        await self.emit(self.drawn("draftKey"), "typing", {"kind": kind, "text": text})

    def form_error(self) -> str:
        """The refusal the contribution form shows, if any."""
        return str(self.elements[self.drawn("draftKey")]["props"].get("error") or "")

    def watch(self, condition: Callable[[Tab], bool]) -> asyncio.Future[float]:
        """A future set to the moment an update makes `condition` true."""
        done: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if condition(self):
            done.set_result(time.perf_counter())
        else:
            self._watchers.append((condition, done))
        return done

    async def emit(self, element_id: str, event_type: str, arg: Any) -> None:
        """What the browser sends for one DOM event: one message per listener of that event type."""
        for listener in [e["listener_id"] for e in self.elements[element_id]["events"] if e["type"] == event_type]:
            await self.sio.emit("event", {"id": int(element_id), "client_id": self.client_id,
                                          "listener_id": listener, "args": [None if arg is None else json.dumps(arg)]})

    def _labelled(self, label: str, tag: str) -> str:
        return self.find(lambda e: e.get("tag") == tag and e.get("props", {}).get("label") == label)

    async def choose(self, label: str, option_label: str) -> None:
        """A select labelled `label`: pick the option shown as `option_label`."""
        element_id = self._labelled(label, "nicegui-select")
        index = next(o["value"] for o in self.elements[element_id]["props"]["options"] if o["label"] == option_label)
        await self.emit(element_id, "update:modelValue", {"value": index})

    async def pick(self, option_label: str) -> None:
        """Radio buttons or a toggle: the option shown as `option_label` (the event carries its index)."""
        def offers(e: Element) -> bool:
            options = e.get("props", {}).get("options")
            return e.get("tag") in ("q-option-group", "q-btn-toggle") and isinstance(options, list) and \
                any(o.get("label") == option_label for o in options)
        element_id = self.find(offers)
        index = next(o["value"] for o in self.elements[element_id]["props"]["options"] if o["label"] == option_label)
        await self.emit(element_id, "update:modelValue", index)

    async def type(self, label: str, text: str) -> None:
        await self.emit(self._labelled(label, "nicegui-input"), "update:value", text)

    async def click(self, label: str) -> None:
        await self.emit(self._labelled(label, "q-btn"), "click", None)

    async def click_element(self, element_id: str) -> None:
        await self.emit(element_id, "click", None)

    async def click_confirmed(self, label: str) -> None:
        """A button that asks first (« Clore le vote ? »): tap it, then the dialog's button of the same name."""
        buttons = lambda tab: [i for i, e in tab.elements.items()  # noqa: E731 - read twice below
                               if e.get("tag") == "q-btn" and e.get("props", {}).get("label") == label]
        before = set(buttons(self))
        await self.click(label)
        await asyncio.wait_for(self.watch(lambda tab: bool(set(buttons(tab)) - before)), 30)
        await self.click_element(max(set(buttons(self)) - before, key=int))

    async def close(self) -> None:
        try:
            await self.sio.disconnect()
        except Exception:  # already gone
            pass


async def _get(http: httpx.AsyncClient, url: str, cookie: str) -> httpx.Response:
    """A GET, sent again once if the kept-alive connection it went on was closed at that moment
    (the server closes idle ones after 5 s), as a browser does."""
    try:
        return await http.get(url, headers={"Cookie": cookie})
    except (httpx.ReadError, httpx.RemoteProtocolError):
        return await http.get(url, headers={"Cookie": cookie})


async def _read_response(reader: asyncio.StreamReader, path: str) -> int:
    """Read one HTTP/1.1 response (sized or chunked); the body's length."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    headers = {name.strip().lower(): value.strip() for name, _, value in (h.partition(":") for h in head[1:] if h)}
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    if "content-length" in headers:
        return len(await reader.readexactly(int(headers["content-length"])))
    size = 0
    while True:  # chunked
        length = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        size += len(await reader.readexactly(length + 2)) - 2  # the data, then its CRLF
        if length == 0:  # the last chunk (no trailers): its CRLF was the response's end
            return size


def _texts_of(element: Element | None) -> tuple[object, ...]:
    if not element:
        return ()
    props = element.get("props", {})
    return element.get("text"), props.get("label"), props.get("text")


# --- The server under test -----------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def prepare(folder: Path, scenario: str) -> str:
    """One démarche on disk before the server starts: phase 1 open, or a restitution with 20 pistes."""
    service = SessionService(TinyDBSessionStore(folder))
    code = (await service.create_session(territory="CC de la Salle des fêtes", communes=COMMUNES,
                                         themes=THEMES)).code
    if scenario == "burst5000":  # the same burst, into a session that already holds 5,000 contributions
        await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
        authors = [f"deja-{i}" for i in range(50)]
        for author in authors:
            await service.apply(code, RegisterParticipant(author, role=Role.ELU.value, commune=COMMUNES[0]))
        for chunk in range(0, STORED, 500):  # concurrent: the group committer writes them in batches
            await asyncio.gather(*[service.apply(code, AddContribution(
                authors[i % len(authors)], kind="difficulte", text=f"Déjà signalée, numéro {i}",
                theme=THEMES[i % len(THEMES)], risk=Risk.MEDIUM.value)) for i in range(chunk, chunk + 500)])
    elif scenario == "vote":
        axes = [await service.apply(code, AddAxis(f"Axe {i}")) for i in range(1, 5)]
        for i in range(PISTES):
            await service.apply(code, AddAxisLine(axes[i % 4].id, "pistes", f"Piste numéro {i + 1}"))
        await service.apply(code, SetPhaseStatus(PhaseKey.RESTITUTION, PhaseStatus.OPEN))
    else:
        await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    service.close()
    return code


@dataclass
class Server:
    folder: Path
    port: int
    env: dict[str, str] = field(default_factory=dict)  # e.g. a shorter reconnect timeout
    log: Path | None = None  # the server's stderr; beside its data unless said

    def __post_init__(self) -> None:
        self.log = self.log or self.folder / "server.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        # Not a test server: NiceGUI switches to its test mode when it sees pytest's variables.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NICEGUI_"))}
        env["ATELIER_FACILITATOR_TOKEN"] = TOKEN
        env.update(self.env)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "atelier", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--data-dir", str(self.folder), "--public-url", f"http://127.0.0.1:{self.port}"],
            env=env, stdout=subprocess.DEVNULL, stderr=open(self.log, "wb"))
        self.ps = psutil.Process(self.process.pid)
        # Started as a facilitator does, ahead of the hall: what it loads at start (the exports' libraries,
        # in a thread) is loaded before the first phone arrives. On a fresh machine matplotlib first
        # builds its font cache, which may take longer than the server's own start.
        if self._wait_for(lambda details: True, 30) and self._wait_for(lambda details: details["exports_warm"], 90):
            return
        assert self.log is not None
        log = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"the server did not start:\n{log}")

    def _wait_for(self, ready: Callable[[dict[str, Any]], bool], seconds: float) -> bool:
        """True once /healthz?details answers and `ready` holds for what it says, False after `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"{self.base}/healthz", params={"details": 1}, timeout=1)
                if answer.status_code == 200 and ready(answer.json()):
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        return False

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@asynccontextmanager
async def served(folder: Path, scenario: str, env: dict[str, str] | None = None) -> AsyncIterator[tuple[str, Server]]:
    """A démarche prepared for `scenario` in `folder` and the real server on it: (code, server); stopped after."""
    code = await prepare(folder, scenario)
    server = Server(folder, free_port(), env=env or {})
    server.start()
    try:
        yield code, server
    finally:
        server.stop()


class Probe:
    """Polls /healthz every 100 ms, as a device would: the longest wait for an answer, and peak RSS.

    The wait includes this process's own delays (it runs every simulated phone); the server's stalls
    are measured inside it (its loop watch) and read from /healthz?details at the end.
    """

    def __init__(self, base: str, server: Server) -> None:
        self.base, self.server = base, server
        self.longest = 0.0
        self.peak_rss = 0
        self._stop = asyncio.Event()

    async def run(self) -> None:
        async with httpx.AsyncClient(timeout=60) as http:
            for _ in range(100_000):  # bounded: 10,000 s at most
                if self._stop.is_set():
                    return
                started = time.perf_counter()
                await http.get(self.base + "/healthz")
                self.longest = max(self.longest, time.perf_counter() - started)
                self.peak_rss = max(self.peak_rss, self.server.ps.memory_info().rss)
                await asyncio.sleep(0.1)

    def stop(self) -> None:
        self._stop.set()


# --- Scenarios -----------------------------------------------------------------------------------
def joined(tab: Tab) -> bool:
    prefix = texts.PHONE_YOU.split("{")[0]
    return any(str(e.get("text", "")).startswith(prefix) for e in tab.elements.values())


async def join_all(base: str, code: str, n: int, http: httpx.AsyncClient) -> tuple[list[Tab], list[float]]:
    phones = [Tab(base, f"/j/{code}") for _ in range(n)]
    gate = asyncio.Semaphore(50)  # as many opening at once as a hall's Wi-Fi lets through

    async def one(i: int, tab: Tab) -> float:
        async with gate:
            started = time.perf_counter()
            await tab.open(http, with_files=True)
            done = tab.watch(joined)
            await tab.introduce(Role.ELU.value, COMMUNES[i % len(COMMUNES)])
            return await asyncio.wait_for(done, 120) - started

    times = await asyncio.gather(*[one(i, tab) for i, tab in enumerate(phones)])
    return phones, list(times)


async def burst(phones: list[Tab], projection: Tab, console: Tab,
                round_name: str = "de la salle") -> tuple[list[float], list[float]]:
    """Tap → the text on the projection, and → the console (which lists every post: the wall shows
    only the busiest themes, so a post may never reach it)."""
    async def one(i: int, tab: Tab) -> tuple[float | None, float | None]:
        await asyncio.sleep(10 * i / len(phones))  # every phone once within 10 s
        text = f"Difficulté numéro {i} {round_name}"
        await tab.pause_typing(text)  # « Déjà signalé ? » is asked once typing pauses, before the tap
        await asyncio.sleep(0.05)
        on_wall = projection.text_shown(text)
        listed = console.text_shown(text)
        started = time.perf_counter()
        await tab.send(text, theme=THEMES[i % len(THEMES)], risk=Risk.HIGH.value)
        try:
            at_console: float | None = await asyncio.wait_for(listed, 60) - started
        except TimeoutError:
            at_console = None
        try:
            at_wall: float | None = await asyncio.wait_for(on_wall, 1) - started
        except TimeoutError:
            at_wall = None
        return at_wall, at_console

    results = await asyncio.gather(*[one(i, tab) for i, tab in enumerate(phones)])
    return [w for w, _ in results if w is not None], [c for _, c in results if c is not None]


async def share_three(phones: list[Tab]) -> list[float]:
    """Every phone opens « Ce que signalent les autres » and shares three of them, within 10 s:
    tap → the item's button reads « Partagé ✓ » (the server has stored it)."""
    def others(tab: Tab) -> str:
        return tab.find(lambda e: e.get("props", {}).get("hint") == texts.PHONE_OTHERS_HINT)

    def labels(tab: Tab) -> dict[int, str]:
        """Each listed contribution's button: « Je partage aussi » or « Partagé ✓ »."""
        items = tab.elements[others(tab)]["props"]["items"]
        return {item["id"]: item["buttons"][0]["label"] for item in items if item["buttons"]}

    def listed(tab: Tab) -> bool:
        try:
            return list(labels(tab).values()).count(texts.PHONE_SHARE) >= 3
        except StopIteration:  # not built yet: the list comes with the first opening
            return False

    async def one(i: int, tab: Tab) -> list[float]:
        await asyncio.sleep(10 * i / len(phones))
        expansion = tab.find(lambda e: e.get("tag") == "nicegui-expansion")
        shown = tab.watch(listed)
        await tab.emit(expansion, "update:modelValue", True)
        await asyncio.wait_for(shown, 60)
        taps = []
        for cid in [cid for cid, label in labels(tab).items() if label == texts.PHONE_SHARE][:3]:
            done = tab.watch(lambda t, c=cid: labels(t).get(c) == texts.PHONE_SHARED)
            started = time.perf_counter()
            await tab.emit(others(tab), "action", {"id": cid, "key": "share"})
            taps.append(await asyncio.wait_for(done, 60) - started)
        return taps

    return [t for taps in await asyncio.gather(*[one(i, tab) for i, tab in enumerate(phones)]) for t in taps]


def is_ballot(e: Element) -> bool:
    """The phone's ballot: one element whose data holds the sections and the points."""
    return "sections" in e.get("props", {}) and "points" in e["props"]


def ballot_shown(tab: Tab) -> bool:
    """The first piste is in the ballot's data."""
    return any(is_ballot(e) and "Piste numéro 1" in str(e["props"]["sections"]) for e in tab.elements.values())


def bar_totals(tab: Tab) -> dict[str, int]:
    """The live bars of the projection: item text → its total (the bar's `--points`)."""
    totals = {}
    for element in tab.elements.values():
        points = (element.get("style") or {}).get("--points")
        if points is None or "bar" not in (element.get("class") or []):
            continue
        for child in element.get("children", []):
            text = tab.elements.get(str(child), {}).get("text")
            if text:
                totals[text] = int(float(points))
    return totals


async def project_results(console: Tab, projection: Tab) -> None:
    """The vote's results stay off the projector until the console shows them: shown before the taps."""
    shown = projection.watch(lambda tab: any("bar" in (e.get("class") or []) for e in tab.elements.values()))
    await console.click(texts.CONSOLE_PROJECT_RESULTS)
    await asyncio.wait_for(shown, 60)


async def vote_taps(phones: list[Tab], projection: Tab, console: Tab) -> list[float]:
    """Every phone gives one point within 10 s; latency = tap → the projection's bar counts it.

    Phone i taps piste i % 20; the k-th tap on a piste is counted once its bar shows k points. The
    console first puts the results on the projector (they stay off it until the facilitator says so).
    """
    await project_results(console, projection)
    waiting: dict[str, list[tuple[int, float, asyncio.Future[float]]]] = {}

    def on_update(tab: Tab, now: float) -> None:
        for text, total in bar_totals(tab).items():
            for needed, _, done in waiting.get(text, []):
                if total >= needed and not done.done():
                    done.set_result(now)

    projection.listeners.append(on_update)
    taps: list[tuple[float, asyncio.Future[float]]] = []
    loop = asyncio.get_running_loop()

    async def one(i: int, tab: Tab) -> None:
        await asyncio.sleep(10 * i / len(phones))
        items_id = tab.find(is_ballot)
        items = [item for section in tab.elements[items_id]["props"]["sections"] for item in section["items"]]
        item = items[i % len(items)]
        queue = waiting.setdefault(item["text"], [])
        done: asyncio.Future[float] = loop.create_future()
        started = time.perf_counter()
        queue.append((len(queue) + 1, started, done))
        taps.append((started, done))
        await tab.sio.emit("event", {"id": int(items_id), "client_id": tab.client_id, "listener_id": next(
            e["listener_id"] for e in tab.elements[items_id]["events"] if e["type"] == "points"),
            "args": [json.dumps({"item": item["id"], "points": 1})]})

    await asyncio.gather(*[one(i, tab) for i, tab in enumerate(phones)])
    results = await asyncio.gather(*[asyncio.wait_for(done, 30) for _, done in taps], return_exceptions=True)
    return [r - started for (started, _), r in zip(taps, results, strict=True) if isinstance(r, float)]


async def everyone_sees(phones: list[Tab], console: Tab, button: str, condition: Callable[[Tab], bool], *,
                        confirmed: bool = False) -> list[float]:
    """The console taps `button` (and its confirmation); latency = until each phone's page meets `condition`."""
    seen = [tab.watch(condition) for tab in phones]
    started = time.perf_counter()
    await (console.click_confirmed(button) if confirmed else console.click(button))
    results = await asyncio.gather(*[asyncio.wait_for(s, 120) for s in seen], return_exceptions=True)
    return [r - started for r in results if isinstance(r, float)]


def axis_presented(tab: Tab) -> bool:
    prefix = texts.PHONE_AXIS_TITLE.split("{")[0]
    return any(str(e.get("text", "")).startswith(prefix) for e in tab.elements.values())


def ballot_frozen(tab: Tab) -> bool:
    return any(is_ballot(e) and e["props"].get("frozen") for e in tab.elements.values())


async def open_vote(phones: list[Tab], console: Tab) -> list[float]:
    shown = [tab.watch(ballot_shown) for tab in phones]
    started = time.perf_counter()
    await console.click(texts.CONSOLE_OPEN_VOTE)
    results = await asyncio.gather(*[asyncio.wait_for(s, 120) for s in shown], return_exceptions=True)
    return [r - started for r in results if isinstance(r, float)]


# --- One run -------------------------------------------------------------------------------------
def summary(latencies: list[float], expected: int) -> dict[str, Any]:
    ms = sorted(x * 1000 for x in latencies)
    if not ms:
        return {"delivered": 0, "expected": expected}
    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, round(p * (len(ms) - 1)))]
    return {"delivered": len(ms), "expected": expected, "p50_ms": round(pct(0.5)), "p95_ms": round(pct(0.95)),
            "p99_ms": round(pct(0.99)), "max_ms": round(ms[-1]), "mean_ms": round(statistics.mean(ms))}


async def run(n: int, scenario: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        code = await prepare(folder, scenario)
        server = Server(folder, free_port())
        server.start()
        base = f"http://127.0.0.1:{server.port}"
        probe = Probe(base, server)
        probe_task = asyncio.create_task(probe.run())
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        try:
            async with httpx.AsyncClient(timeout=120, limits=limits) as http:
                projection = Tab(base, f"/p/{code}")
                await projection.open(http)
                console = Tab(base, f"/f/{code}?token={TOKEN}")
                await console.open(http)
                reference = reference_ms()
                rss_before = server.ps.memory_info().rss
                cpu_before = server.ps.cpu_times()
                steal_before = machine_times()
                own_before = psutil.Process().cpu_times()
                wall_before = time.perf_counter()
                windows: dict[str, tuple[float, float]] = {}  # step → its wall-clock span
                # Server CPU per phone of each step: moved by the machine's steal less than latencies are.
                cpu_ms: dict[str, float] = {}

                async def step(name: str, measure: Callable[[], Awaitable[Any]]) -> Any:
                    started, cpu_started = time.time(), _busy(server.ps)
                    outcome = await measure()
                    windows[name] = (started, time.time())
                    cpu_ms[name] = round(1000 * (_busy(server.ps) - cpu_started) / n, 2)
                    return outcome

                phones, join_times = await step("join", lambda: join_all(base, code, n, http))
                result: dict[str, Any] = {"phones": n, "scenario": scenario, "join": summary(join_times, n),
                                          "join_all_s": round(time.perf_counter() - wall_before, 1)}
                rss_joined = server.ps.memory_info().rss
                # Every phone connected, nobody doing anything: what holding the hall costs by itself.
                idle_started = _busy(server.ps)
                await asyncio.sleep(IDLE_SECONDS)
                result["idle_cpu_percent"] = round(100 * (_busy(server.ps) - idle_started) / IDLE_SECONDS, 1)
                if scenario in ("burst", "burst5000", "share"):
                    on_wall, at_console = await step("burst", lambda: burst(phones, projection, console))
                    result["burst"] = summary(on_wall, n)
                    result["burst_console"] = summary(at_console, n)
                if scenario == "share":
                    result["share"] = summary(await step("share", lambda: share_three(phones)), 3 * n)
                elif scenario == "vote":
                    steps: dict[str, Callable[[], Awaitable[list[float]]]] = {
                        "present": lambda: everyone_sees(phones, console, texts.CONSOLE_NEXT_AXIS, axis_presented),
                        "vote_shown": lambda: open_vote(phones, console),
                        "vote_taps": lambda: vote_taps(phones, projection, console),
                        "close": lambda: everyone_sees(phones, console, texts.CONSOLE_CLOSE_VOTE, ballot_frozen,
                                                       confirmed=True),
                    }
                    for name, measure in steps.items():
                        result[name] = summary(await step(name, measure), n)
                await asyncio.sleep(1)
                report = (await http.get(base + "/healthz", params={"details": "1"})).json()
                cpu = server.ps.cpu_times()
                busy = (cpu.user + cpu.system) - (cpu_before.user + cpu_before.system)
                result.update({
                    "disconnects": sum(t.disconnected for t in [*phones, projection, console]),
                    "stall_ms": {name: longest(report["loop_stalls"], span) for name, span in windows.items()},
                    "gc_pause_ms": {name: longest(report["gc_pauses"], span) for name, span in windows.items()},
                    # The same pauses counted in the collector's CPU time: what is left once the steal is out.
                    "gc_pause_cpu_ms": {name: longest([[at, cpu] for at, _, _, cpu in report["gc_pauses"]], span)
                                        for name, span in windows.items()},
                    "gc_total_ms": report["gc_total_ms"],
                    "gc_pauses_by_generation": pauses_by_generation(report["gc_pauses"], windows),
                    "cpu_ms_per_phone": cpu_ms,
                    "files_kb_per_phone": round(statistics.fmean(t.downloaded for t in phones) / 1024),
                    "gc_collections": report["gc_collections"],
                    "healthz_longest_ms": round(probe.longest * 1000),
                    "server_cpu_percent": round(100 * busy / (time.perf_counter() - wall_before)),
                    "steal_percent": steal_share(steal_before),
                    "machine_reference_ms": reference,
                    "benchmark_cpu_percent": round(100 * cpu_share(own_before) / (time.perf_counter() - wall_before)),
                    "peak_rss_mb": round(max(probe.peak_rss, server.ps.memory_info().rss) / 2**20),
                    "rss_per_phone_mb": round((server.ps.memory_info().rss - rss_before) / 2**20 / n, 2),
                    "rss_per_phone_joined_mb": round((rss_joined - rss_before) / 2**20 / n, 2),
                })
                await asyncio.gather(*[t.close() for t in [*phones, projection, console]])
        finally:
            probe.stop()
            await probe_task
            server.stop()
        return result


def _busy(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def cpu_share(before: Any) -> float:
    """CPU seconds this process (every simulated device) used since `before`."""
    now = psutil.Process().cpu_times()
    return float((now.user + now.system) - (before.user + before.system))


def pauses_by_generation(noted: list[list[float]], windows: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """For each step, the longest pause of each generation that had one above 10 ms, and how many."""
    found: dict[str, Any] = {}
    for name, span in windows.items():
        inside = [(ms, int(generation)) for at, ms, generation, *_ in noted if span[0] <= at <= span[1] + 0.5]
        found[name] = {g: [max(ms for ms, gen in inside if gen == g), sum(gen == g for _, gen in inside)]
                       for g in sorted({gen for _, gen in inside})}
    return found


def longest(noted: list[list[float]], span: tuple[float, float]) -> float:
    """The longest of the server's noted pauses (wall-clock time, ms) within a step's span."""
    return max((ms for at, ms, *_ in noted if span[0] <= at <= span[1] + 0.5), default=0.0)


STEPS = ["join", "burst", "burst_console", "share", "present", "vote_shown", "vote_taps", "close"]


def print_run(r: dict[str, Any]) -> None:
    """One line for the run, then one per measured step: its latency, and the server's longest
    stall and garbage-collection pause while it ran."""
    print(f"{r['scenario']} · {r['phones']} phones · all in within {r['join_all_s']} s · "
          f"{r['disconnects']} disconnects · server CPU {r['server_cpu_percent']} % "
          f"(idle with every phone connected: {r.get('idle_cpu_percent')} %) · "
          f"steal {r.get('steal_percent')} % · machine reference {r.get('machine_reference_ms')} ms · "
          f"files {r.get('files_kb_per_phone')} kB per phone · "
          f"peak RSS {r['peak_rss_mb']} MB ({r['rss_per_phone_mb']} MB per phone)", flush=True)
    for name in STEPS:
        if name in r:
            m = r[name]
            label = "→ console" if name == "burst_console" else name  # the burst, tap → the console's list
            window = "burst" if name == "burst_console" else name
            print(f"  {label:<11} {m.get('delivered', 0):>5}/{m['expected']:<5} p50 {m.get('p50_ms', '-'):>6}"
                  f"  p95 {m.get('p95_ms', '-'):>6}  max {m.get('max_ms', '-'):>6} ms"
                  f"   stall {round(r['stall_ms'].get(window, 0)):>5} ms"
                  f"   gc {round(r['gc_pause_ms'].get(window, 0)):>4} ms"
                  f" (cpu {round(r.get('gc_pause_cpu_ms', {}).get(window, 0)):>3})"
                  f"   cpu {r.get('cpu_ms_per_phone', {}).get(window, 0):>6} ms/phone",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, nargs="+", default=[50, 150, 300, 600, 1000])
    parser.add_argument("--scenarios", nargs="+", default=SCENARIOS, choices=SCENARIOS)
    args = parser.parse_args()
    open_every_socket()
    results = []
    for scenario in args.scenarios:
        for n in args.phones:
            result = asyncio.run(run(n, scenario))
            results.append(result)
            print_run(result)
    write_results("load", results)


def open_every_socket() -> None:
    """The simulated phones need one socket each: the soft open-file limit goes up to the hard one."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def write_results(name: str, results: Any) -> None:
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{name}-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
                               "results": results}, indent=2), encoding="utf-8")
    print(f"→ {out}")


if __name__ == "__main__":
    main()
