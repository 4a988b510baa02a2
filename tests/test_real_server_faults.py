"""The real server, broken as a power cut and a full disk break it, with phones over NiceGUI's real
protocol (benchmarks/load.py's simulated browsers):

- kill -9 in the middle of a burst, five times: after the restart every post a phone was shown as
  stored is there exactly once, and no post a phone was told was refused;
- a full disk (a small filesystem this test mounts): refused posts are said so on the phone, never
  shown on the projection, never kept, not even once space is back; a retry stores once; after a
  restart each phone is still who it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from atelier import texts
from atelier.domain.model import Risk
from atelier.service import load_session
from atelier.store import TinyDBSessionStore
from benchmarks.load import THEMES, TOKEN, Server, Tab, free_port, join_all, prepare

PHONES = 20


def stored_texts(folder: Path, code: str) -> Counter[str]:
    session = load_session(TinyDBSessionStore(folder), code)
    assert session is not None, "the démarche loads"
    return Counter(c.text for c in session.contributions.values())


def shows_mine(tab: Tab, text: str) -> bool:
    """The phone lists the post as its own: the server stored it and told this phone."""
    return tab.has_text(text)


def told_refused(tab: Tab) -> bool:
    """The phone's form shows « L'enregistrement a échoué… »."""
    return tab.form_error().startswith(texts.ERR_STORAGE[:30])


async def post(tab: Tab, text: str, theme: str) -> str:
    """Send one difficulté; 'ack', 'refused' or 'unknown' (no answer before the end)."""
    form = tab.elements[tab.drawn("draftKey")]
    form["props"]["error"] = ""  # an earlier refusal, still on screen: only a new one counts
    done = tab.watch(lambda t: shows_mine(t, text) or told_refused(t))
    await tab.send(text, theme=theme, risk=Risk.HIGH.value)
    try:
        await asyncio.wait_for(done, 10)
    except TimeoutError:
        return "unknown"
    return "ack" if shows_mine(tab, text) else "refused"


@pytest.mark.parametrize("round_", range(1, 6))
async def test_a_power_cut_mid_burst_loses_no_acknowledged_post_and_keeps_no_refused_one(
        tmp_path: Path, round_: int) -> None:
    rng = random.Random(round_)
    code = await prepare(tmp_path, "burst")
    server = Server(tmp_path, free_port())
    server.start()
    base = f"http://127.0.0.1:{server.port}"
    outcomes: dict[str, str] = {}
    try:
        async with httpx.AsyncClient(timeout=60) as http:
            phones, _ = await join_all(base, code, PHONES, http)

            async def keep_posting(i: int, tab: Tab) -> None:
                for n in range(8):  # within the limit of 10 a minute
                    text = f"Coupure {round_} téléphone {i} numéro {n}"
                    outcomes[text] = "unknown"
                    outcomes[text] = await post(tab, text, THEMES[i % len(THEMES)])

            burst = asyncio.gather(*[keep_posting(i, tab) for i, tab in enumerate(phones)], return_exceptions=True)
            await asyncio.sleep(rng.uniform(0.5, 2.0))
            server.process.send_signal(signal.SIGKILL)  # the plug is pulled
            server.process.wait(timeout=10)
            await burst
            await asyncio.gather(*[t.close() for t in phones])
    finally:
        server.stop()
    acked = {t for t, outcome in outcomes.items() if outcome == "ack"}
    refused = {t for t, outcome in outcomes.items() if outcome == "refused"}
    assert acked, "the cut came after some posts were stored"
    restarted = Server(tmp_path, free_port())
    restarted.start()  # it starts: the journal's torn last line, if any, is dropped
    restarted.stop()
    found = stored_texts(tmp_path, code)
    assert acked <= set(found), f"acknowledged and lost: {sorted(acked - set(found))[:5]}"
    assert not refused & set(found), "a post the phone was told was refused is not kept"
    assert max(found.values()) == 1, "no post twice"
    assert not list(tmp_path.rglob("*.tmp")), "no temporary file left"


# --- A full disk ---------------------------------------------------------------------------------
@contextlib.contextmanager
def small_filesystem(size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` mounted for this test; a skip (with the reason) where mounting is not
    allowed: then the failing-engine tests of tests/test_store.py are what covers a full disk."""
    if shutil.which("mount") is None:
        pytest.skip("no mount command: a full disk is covered by the failing engine of tests/test_store.py")
    folder = Path(tempfile.mkdtemp(prefix="atelier-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"this machine does not let the test mount a small filesystem ({mounted.stderr.strip()}): "
                    "a full disk is covered by the failing engine of tests/test_store.py")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def fill(folder: Path) -> list[Path]:
    """Take every free byte of the filesystem; returns the ballast files."""
    ballast: list[Path] = []
    for chunk in (1 << 16, 1 << 12, 1):
        for i in range(100_000):
            path = folder / f"ballast-{chunk}-{i}"
            try:
                with open(path, "wb") as out:
                    while True:
                        out.write(b"\0" * chunk)
                        out.flush()
            except OSError as error:
                assert error.errno == errno.ENOSPC
                ballast.append(path)
                if path.stat().st_size == 0:
                    break
    return ballast


async def test_on_a_full_disk_a_refused_post_stays_refused_and_a_retry_stores_once(tmp_path: Path) -> None:
    with small_filesystem(4096) as disk:
        data = disk / "sessions"
        data.mkdir()
        code = await prepare(data, "burst")
        server = Server(data, free_port(), log=tmp_path / "server.log")
        server.start()
        base = f"http://127.0.0.1:{server.port}"
        on_wall: set[str] = set()
        async with httpx.AsyncClient(timeout=60) as http:
            projection = Tab(base, f"/p/{code}")
            await projection.open(http)
            projection.listeners.append(lambda p, _: on_wall.update(
                str(e.get("text", "")) for e in p.elements.values()))
            console = Tab(base, f"/f/{code}?token={TOKEN}")
            await console.open(http)
            phones, _ = await join_all(base, code, 6, http)

            ballast = fill(disk)
            # A line can still fit in the journal's last block: each phone posts until one is refused.
            while_full: dict[str, str] = {}
            for i, tab in enumerate(phones):
                for n in range(8):
                    text = f"Pendant le disque plein, téléphone {i}, numéro {n} :" + " faute de place" * 12
                    while_full[text] = await post(tab, text, THEMES[0])
                    if while_full[text] == "refused":
                        break
            for path in ballast:
                path.unlink()
            refused = [t for t, outcome in while_full.items() if outcome == "refused"]
            retried = refused[: len(refused) // 2]
            again = {t: await post(next(tab for i, tab in enumerate(phones) if f"téléphone {i}," in t), t, THEMES[0])
                     for t in retried}
            later = [await post(tab, f"Après le retour de la place {i}", THEMES[1]) for i, tab in enumerate(phones)]
            cookies = [dict(tab.cookies) for tab in phones]
            await asyncio.gather(*[t.close() for t in [*phones, projection, console]])
        server.stop()

        assert len(refused) == len(phones), "each phone is told, in French, that its post could not be stored"
        assert "unknown" not in while_full.values()
        assert set(again.values()) == {"ack"} and later == ["ack"] * len(phones)
        found = stored_texts(data, code)
        acked_while_full = [t for t, outcome in while_full.items() if outcome == "ack"]
        assert all(found[t] == 1 for t in acked_while_full), "what was acknowledged is there, once"
        assert all(found[t] == 1 for t in retried), "a refused post sent again is stored once"
        assert not any(found[t] for t in refused[len(retried):]), "a refused post is never kept"
        assert all(found[f"Après le retour de la place {i}"] == 1 for i in range(len(phones)))
        assert not set(refused[len(retried):]) & on_wall, "a refused post is never projected"

        server = Server(data, free_port(), log=tmp_path / "server-2.log")
        server.start()
        try:
            async with httpx.AsyncClient(timeout=60) as http:
                again = Tab(f"http://127.0.0.1:{server.port}", f"/j/{code}")
                again.cookies.update(cookies[0])
                await again.open(http)
                assert again.has_text("Après le retour de la place 0"), "after the restart the phone is still itself"
                await again.close()
        finally:
            server.stop()
        assert os.stat(data).st_dev != os.stat(tmp_path).st_dev, "the démarche was on the small filesystem"
