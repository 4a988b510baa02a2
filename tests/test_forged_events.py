"""A mischievous phone sends, over NiceGUI's real protocol, what no browser of atelier sends: every
event of every element of the join and phone pages, with out-of-range, negative, boolean, wrong-type
and oversized values. The server answers every one (a French refusal, or nothing changes), writes no
traceback, and what a real phone then posts is stored with exactly the values it chose."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx

from atelier.domain.model import Risk
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from benchmarks.load import COMMUNES, THEMES, Tab, joined, served

FORGED = [None, -1, 10**9, True, False, 3.5, "", "évil", "x" * 20_000, [], [1, 2], {}, {"value": -1},
          {"value": 10**6}, {"value": "0"}, {"value": True}, {"item": "1", "points": [1]}, {"label": None}]


# What the forms the browser draws send (profile_form.js, contribution_form.js): each field forged in turn.
DRAWN_FIELDS = {"save": ("role", "commune", "structure", "name"), "typing": ("kind", "text"),
                "send": ("kind", "text", "theme", "commune", "risk", "structure")}


def forged_values(event_type: str) -> list[object]:
    """Every forged value; for a drawn form's event, also its payload with one field forged at a time."""
    names = DRAWN_FIELDS.get(event_type)
    if names is None:
        return list(FORGED)
    return [*FORGED, *({**dict.fromkeys(names, "x"), name: value} for name in names for value in FORGED)]


async def forge_everything(tab: Tab) -> int:
    """Every listener of every element now on the page, each forged value once; returns how many were sent."""
    sent = 0
    for element_id, element in list(tab.elements.items()):
        for event_type in sorted({listener["type"] for listener in element.get("events", [])}):
            for value in forged_values(event_type):
                if element_id in tab.elements:  # an earlier event may have removed it
                    await tab.emit(element_id, event_type, value)
                    sent += 1
    return sent


async def introduce(tab: Tab, http: httpx.AsyncClient, commune: str) -> None:
    """Open the page and say who one is, as a phone does: an élu of `commune`."""
    await tab.open(http)
    done = tab.watch(joined)
    await tab.introduce("elu", commune)
    await asyncio.wait_for(done, 30)


def stored_contributions(folder: Path, code: str) -> list:
    service = SessionService(TinyDBSessionStore(folder))
    try:
        return list(service.get(code).contributions.values())
    finally:
        service.close()


async def test_forged_events_on_the_phone_pages_raise_nothing_and_store_nothing_forged(tmp_path: Path) -> None:
    async with served(tmp_path, "burst") as (code, server), httpx.AsyncClient(timeout=60) as http:
        base = server.base
        mischief = Tab(base, f"/j/{code}")
        await mischief.open(http)
        sent = await forge_everything(mischief)  # the « who are you » form
        await mischief.close()
        mischief = Tab(base, f"/j/{code}", cookies=mischief.cookies)  # the same phone, page reloaded
        await introduce(mischief, http, COMMUNES[0])
        sent += await forge_everything(mischief)  # the phone page itself: forms, lists, buttons
        await asyncio.sleep(1)
        assert (await http.get(base + "/healthz")).text == "ok", "the server still answers"

        honest = Tab(base, f"/j/{code}")
        await introduce(honest, http, COMMUNES[1])
        stored = honest.watch(lambda t: t.has_text("Pas de bus le dimanche"))
        await honest.send("Pas de bus le dimanche", theme=THEMES[2], risk=Risk.HIGH.value)
        await asyncio.wait_for(stored, 30)
        await mischief.close()
        await honest.close()
    log = (tmp_path / "server.log").read_text(encoding="utf-8", errors="replace")
    assert sent > 500
    assert "Traceback" not in log, log[log.find("Traceback"):][:3000]
    posts = stored_contributions(tmp_path, code)
    honest_post = [c for c in posts if c.text == "Pas de bus le dimanche"]
    assert [(c.theme, c.risk, c.commune) for c in honest_post] == [(THEMES[2], Risk.HIGH, COMMUNES[1])]
    for c in posts:  # whatever the mischief got stored is made of values the lists offer
        assert c.theme in THEMES and (c.commune is None or c.commune in COMMUNES)
        assert json.dumps(c.text, ensure_ascii=False) and len(c.text) <= 500
